//! Required content, refusal grounds, composite services, the service area and record dates.

use std::collections::BTreeSet;

use super::{At, Ctx, Emitter};
use crate::model::{RefusalGround, ServiceType};
#[cfg(doc)]
use crate::text::to_lower_az;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Emitter) {
    required_sections(ctx, out);
    references(ctx, out);
    refusal_grounds(ctx, out);
    document_list(ctx, out);
    composite(ctx, out);
    record_data(ctx, out);
}

fn needs_application(ctx: &Ctx<'_>) -> bool {
    ctx.reg.general.service_type != ServiceType::Informative
}

/// `DXER-R002`: sections that a service which decides on an application cannot leave empty.
fn required_sections(ctx: &Ctx<'_>, out: &mut Emitter) {
    // `DXER-R005`: "none" said of a list that has items.
    let (st, p) = (&ctx.reg.standard, &ctx.reg.procedure);
    let contradictions = [
        ("/standard/no_documents", st.no_documents.is_some(), "/standard/documents", st.documents.len()),
        (
            "/procedure/no_refusal_grounds",
            p.no_refusal_grounds.is_some(),
            "/procedure/refusal_grounds",
            p.refusal_grounds.len(),
        ),
    ];
    for (path, none, list, count) in contradictions {
        if none && count > 0 {
            out.emit("DXER-R005", ctx.at(path), &[("count", &count.to_string())]);
            out.rests_on(ctx.at(list));
        }
    }
    if !needs_application(ctx) {
        return;
    }
    let mut empty = |path: &str, section: super::Localized| {
        let [az, en, ru] = super::label("service-types", ctx.reg.general.service_type.code());
        let why = [
            format!("\"{az}\" növlü xidmət üçün bu siyahı məcburidir"),
            format!("a service of the type \"{en}\" requires it"),
            format!("для услуги вида «{ru}» он обязателен"),
        ];
        out.emit_localized("DXER-R002", ctx.at(path), &[], &[("section", section), ("why", why)]);
    };
    let w = super::words;
    // A source that states "no documents" has given the exact list: it is empty.
    let no_documents = ctx.reg.standard.no_documents.is_some();
    if ctx.reg.standard.documents.is_empty() && !ctx.reg.general.proactive && !no_documents {
        empty("/standard/documents", w("Tələb olunan sənədlər", "Required documents", "Необходимые документы"));
    }
    if ctx.reg.procedure.steps.is_empty() {
        empty("/procedure/steps", w("Addımlar", "Steps", "Этапы"));
    }
    if ctx.reg.procedure.notification_channels.is_empty() {
        empty(
            "/procedure/notification_channels",
            w("Məlumatlandırma kanalları", "Notification channels", "Каналы уведомления"),
        );
    }
}

/// `DXER-R004`: local ids are unique within their list (`what` names the list's items in az/en/ru).
fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>, list: At<'_>, [az, en, ru]: [&str; 3], out: &mut Emitter) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            let what = super::words(az, en, ru);
            out.emit_localized("DXER-R004", list.index(i).path("/id"), &[("id", id)], &[("what", what)]);
        }
    }
}

/// `DXER-R003`, `DXER-R004`: references by id inside the record, and the ids themselves.
fn references(ctx: &Ctx<'_>, out: &mut Emitter) {
    let reg = ctx.reg;
    unique_ids(
        reg.standard.documents.iter().map(|d| d.id.as_str()),
        ctx.at("/standard/documents"),
        ["sənədlər", "documents", "документов"],
        out,
    );
    unique_ids(
        reg.standard.fee_tiers().iter().map(|t| t.id.as_str()),
        ctx.at("/standard/fees/tiers"),
        ["ödəniş variantları", "fee tiers", "вариантов оплаты"],
        out,
    );
    unique_ids(
        reg.annexes.iter().map(|a| a.id.as_str()),
        ctx.at("/annexes"),
        ["əlavələr", "annexes", "приложений"],
        out,
    );
    if let Some(v) = &reg.variants {
        unique_ids(
            v.variants.iter().map(|x| x.id.as_str()),
            ctx.at("/variants/variants"),
            ["variantlar", "variants", "вариантов"],
            out,
        );
    }
    if let Some(record) = ctx.record.filter(|r| !r.data_sources.is_empty()) {
        let docs: BTreeSet<&str> = ctx.reg.standard.documents.iter().map(|d| d.id.as_str()).collect();
        let sources = At::new("/data_sources");
        for (i, ds) in record.data_sources.iter().enumerate() {
            if !docs.contains(ds.document.as_str()) {
                out.emit_localized(
                    "DXER-R003",
                    sources.index(i).path("/document"),
                    &[("id", ds.document.as_str())],
                    &[("what", super::words("Sənəd", "Document", "Документ"))],
                );
                out.rests_on(ctx.at("/standard/documents"));
            }
        }
    }
    if let Some(annex) = ctx.reg.standard.application_form.as_ref().and_then(|f| f.annex.as_ref()) {
        if !ctx.reg.annexes.iter().any(|a| a.id == *annex) {
            out.emit_localized(
                "DXER-R003",
                ctx.at("/standard/application_form/annex"),
                &[("id", annex.as_str())],
                &[("what", super::words("Əlavə", "Annex", "Приложение"))],
            );
            out.rests_on(ctx.at("/annexes"));
        }
    }
}

/// Phrases that leave a list open, in each language (matched in lower case): the first [`OPEN_ENDED`] leave
/// any closed list open ("and so on": the refusal grounds of `DXER-G003` and the documents of `DXER-R006`
/// must each be an exact list); the rest only a document list (a document named "other documents"; a
/// refusal ground may speak of "other documents" without leaving its own list open).
const OPEN_PHRASES: [&str; 22] = [
    "və s.",
    "və sair",
    "və digər",
    "digər hallarda",
    "digər hallar",
    "başqa hallarda",
    "etc.",
    "and so on",
    "other cases",
    "and others",
    "и т.д.",
    "и т. д.",
    "и др.",
    "иных случаях",
    "других случаях",
    "и прочее",
    // A document list only.
    "digər sənədlər",
    "başqa sənədlər",
    "other documents",
    "другие документы",
    "иные документы",
    "прочие документы",
];

/// How many of [`OPEN_PHRASES`] leave any list open (the rest, only a document list).
const OPEN_ENDED: usize = 16;

/// For each byte, the phrases of [`OPEN_PHRASES`] whose first character, in either case, starts with it
/// (bit `i` for phrase `i`): an ASCII letter in both cases, and the lead byte of the Cyrillic letters
/// (`и`, `И`, `д`, `Д`, `п`, `П` all start with D0).
const FIRST_BYTE: [u32; 256] = FIRST_BYTES.0;

/// For each byte, the phrases whose first character is not ASCII and, in either case, has it as its second
/// byte (`и` B8, `И` 98, …): with [`FIRST_BYTE`], a Cyrillic letter that starts no phrase is passed over
/// without being lowered.
const SECOND_BYTE: [u32; 256] = FIRST_BYTES.1;

/// The first character of each of [`OPEN_PHRASES`]: its UTF-8 bytes as a little-endian number, and how many.
const FIRST_CHAR: [(u32, usize); OPEN_PHRASES.len()] = {
    let mut table = [(0, 0); OPEN_PHRASES.len()];
    let mut i = 0;
    while i < OPEN_PHRASES.len() {
        let b = OPEN_PHRASES[i].as_bytes();
        let len = match b[0] {
            0..0x80 => 1,
            0x80..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        let mut k = 0;
        while k < len {
            table[i].0 |= (b[k] as u32) << (8 * k);
            k += 1;
        }
        table[i].1 = len;
        i += 1;
    }
    table
};

/// For each byte, the phrases whose second character, in a text, may start with it (bit `i` for phrase
/// `i`): the byte that follows a phrase's first character must be marked. An ASCII character in either case
/// (and the lead byte of `İ`, `i` in Azerbaijani; of the Kelvin sign, `k`), a basic Cyrillic letter in
/// either case, and for any other character every lead byte and `I` (`ı` in Azerbaijani).
const NEXT_BYTE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < OPEN_PHRASES.len() {
        let bit = 1 << i;
        let b = OPEN_PHRASES[i].as_bytes();
        let at = FIRST_CHAR[i].1;
        assert!(at < b.len(), "a phrase has two characters at least");
        let (p, two_bytes) = (b[at], b[at] == 0xD0 || b[at] == 0xD1);
        let c = if two_bytes { ((p as u32 & 0x1F) << 6) | (b[at + 1] as u32 & 0x3F) } else { 0 };
        if p.is_ascii() {
            table[p as usize] |= bit;
            table[p.to_ascii_uppercase() as usize] |= bit;
            match p {
                b'i' => table[0xC4] |= bit,
                b'k' => table[0xE2] |= bit,
                _ => {}
            }
        } else if two_bytes && c >= 0x430 && c <= 0x45F {
            let capital = if c < 0x450 { c - 0x20 } else { c - 0x50 };
            table[p as usize] |= bit;
            table[0xC0 | (capital >> 6) as usize] |= bit;
        } else {
            let mut byte = 0xC2;
            while byte <= 0xF4 {
                table[byte] |= bit;
                byte += 1;
            }
            table[b'I' as usize] |= bit;
        }
        i += 1;
    }
    table
};

const FIRST_BYTES: ([u32; 256], [u32; 256]) = {
    let (mut first, mut second) = ([0u32; 256], [0u32; 256]);
    let mut i = 0;
    while i < OPEN_PHRASES.len() {
        let bit = 1 << i;
        let b = OPEN_PHRASES[i].as_bytes();
        // A character of two bytes (D0, D1: Cyrillic) is `c`.
        let two_bytes = b[0] == 0xD0 || b[0] == 0xD1;
        let c = if two_bytes { ((b[0] as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F) } else { 0 };
        if b[0].is_ascii() {
            first[b[0] as usize] |= bit;
            first[b[0].to_ascii_uppercase() as usize] |= bit;
        } else if two_bytes && c >= 0x430 && c <= 0x45F {
            // A basic Cyrillic letter, а–я or ѐ–џ, and its capital.
            let capital = if c < 0x450 { c - 0x20 } else { c - 0x50 };
            first[b[0] as usize] |= bit;
            second[b[1] as usize] |= bit;
            first[0xC0 | (capital >> 6) as usize] |= bit;
            second[0x80 | (capital & 0x3F) as usize] |= bit;
        } else {
            // Any other letter: wherever a character starts.
            let mut byte = 0xC2;
            while byte <= 0xF4 {
                first[byte] |= bit;
                byte += 1;
            }
            byte = 0x80;
            while byte <= 0xBF {
                second[byte] |= bit;
                byte += 1;
            }
        }
        i += 1;
    }
    (first, second)
};

/// The phrases of [`OPEN_PHRASES`] that a text of language `lang` holds in lower case (bit `i` for phrase
/// `i`): what searching the text lower-cased ([`to_lower_az`] for Azerbaijani, `str::to_lowercase`
/// otherwise) finds, found in one pass over the text as it is, each character lower-cased only where a
/// phrase may start, and once there for all the phrases that may.
fn open_phrases(text: &str, lang: &str) -> u32 {
    let az = lang == "az";
    let mut held = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let mut starting = FIRST_BYTE[usize::from(b)] & !held;
        if starting == 0 {
            continue;
        }
        // Never a continuation byte: `i` starts a character, lower-cased here once for every phrase.
        let Some(at) = text.get(i..) else { continue };
        let (first, rest) = if b.is_ascii() && !(az && b == b'I') {
            (u32::from(b.to_ascii_lowercase()), &at[1..])
        } else {
            if !b.is_ascii() {
                starting &= at.as_bytes().get(1).map_or(0, |&b| SECOND_BYTE[usize::from(b)]);
                if starting == 0 {
                    continue;
                }
            }
            let mut chars = at.chars();
            let Some(c) = chars.next().and_then(|c| lower(c, az)) else { continue };
            let mut first = [0; 4];
            c.encode_utf8(&mut first);
            (u32::from_le_bytes(first), chars.as_str())
        };
        starting &= rest.as_bytes().first().map_or(0, |&next| NEXT_BYTE[usize::from(next)]);
        while starting != 0 {
            let phrase = starting.trailing_zeros() as usize;
            starting &= starting - 1;
            let (phrase_first, len) = FIRST_CHAR[phrase];
            if phrase_first == first && starts_with_lower(rest, &OPEN_PHRASES[phrase][len..], az) {
                held |= 1 << phrase;
            }
        }
    }
    held
}

/// Whether `text` lower-cased starts with `phrase` (itself lower-case): byte by byte while the text is
/// ASCII (which lower-cases to ASCII, but for `I` in Azerbaijani), character by character elsewhere.
fn starts_with_lower(mut text: &str, mut phrase: &str, az: bool) -> bool {
    loop {
        let Some(&p) = phrase.as_bytes().first() else { return true };
        let Some(&t) = text.as_bytes().first() else { return false };
        if t.is_ascii() && !(az && t == b'I') {
            // A phrase's non-ASCII character (a lead byte) is never equal to an ASCII byte.
            if t.to_ascii_lowercase() != p {
                return false;
            }
            (text, phrase) = (&text[1..], &phrase[1..]);
        } else {
            // The phrase's own character needs no lowering: each is its own lower case.
            let (mut t, mut p) = (text.chars(), phrase.chars());
            let (c, wanted) = (t.next(), p.next());
            if c != wanted && c.and_then(|c| lower(c, az)) != wanted {
                return false;
            }
            (text, phrase) = (t.as_str(), p.as_str());
        }
    }
}

/// A character lower-cased as the whole text would be; `None` where that gives more than one character
/// (`İ` outside Azerbaijani: `i` and U+0307, which no phrase holds). The Latin-1 and Azerbaijani letters
/// and the basic Cyrillic ones are mapped here, as Unicode maps them (a test compares every character),
/// without a search of Unicode's tables.
fn lower(c: char, az: bool) -> Option<char> {
    match c {
        'İ' if az => Some('i'),
        'I' if az => Some('ı'),
        c if c.is_ascii() => Some(c.to_ascii_lowercase()),
        // ß–ÿ (÷ too); À–Þ but ×; ğ ı ş ə; а–я, ѐ–џ; А–Я; Ѐ–Џ.
        '\u{DF}'..='\u{FF}' | 'ğ' | 'ı' | 'ş' | 'ə' | '\u{430}'..='\u{45F}' => Some(c),
        '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(u32::from(c) + 0x20),
        'Ğ' => Some('ğ'),
        'Ş' => Some('ş'),
        'Ə' => Some('ə'),
        '\u{410}'..='\u{42F}' => char::from_u32(u32::from(c) + 0x20),
        '\u{400}'..='\u{40F}' => char::from_u32(u32::from(c) + 0x50),
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            }
        }
    }
}

/// The first phrase of [`OPEN_PHRASES`] in `held` (bits of [`open_phrases`]), among the first `among`.
fn first_phrase(held: u32, among: usize) -> Option<&'static str> {
    let held = held & ((1u32 << among) - 1);
    (held != 0).then(|| OPEN_PHRASES[held.trailing_zeros() as usize])
}

/// `DXER-R006`: a required document whose name leaves the list open ("və s.", "digər sənədlər"): presidential
/// decree No. 429 of 23 May 2011, §2.2 asks for the exact list of documents.
fn document_list(ctx: &Ctx<'_>, out: &mut Emitter) {
    let documents = ctx.at("/standard/documents");
    for (i, d) in ctx.reg.standard.documents.iter().enumerate() {
        let names = [(Some(&d.name.az), "az"), (d.name.en.as_ref(), "en"), (d.name.ru.as_ref(), "ru")];
        for (name, lang) in names {
            let Some(name) = name else { continue };
            let phrase = first_phrase(open_phrases(name, lang), OPEN_PHRASES.len());
            if let Some(phrase) = phrase {
                out.emit("DXER-R006", documents.index(i).path("/name").key(lang), &[("phrase", phrase)]);
            }
        }
    }
}

pub(crate) fn refusal_ground_list(grounds: &[RefusalGround], list: At<'_>, out: &mut Emitter) {
    for (i, g) in grounds.iter().enumerate() {
        let at = list.index(i);
        if g.legal_basis.is_empty() {
            out.emit("DXER-G002", at.path("/legal_basis"), &[]);
        }
        let texts = [(Some(&g.text.az), "az"), (g.text.en.as_ref(), "en"), (g.text.ru.as_ref(), "ru")];
        for (text, lang) in texts {
            let Some(text) = text else { continue };
            if let Some(phrase) = first_phrase(open_phrases(text, lang), OPEN_ENDED) {
                out.emit("DXER-G003", at.path("/text").key(lang), &[("phrase", phrase)]);
            }
        }
    }
}

/// `DXER-G001`..`G003`.
fn refusal_grounds(ctx: &Ctx<'_>, out: &mut Emitter) {
    let grounds = &ctx.reg.procedure.refusal_grounds;
    let at = ctx.at("/procedure/refusal_grounds");
    // A source that states "no refusal cases" has given the exhaustive list: it is empty.
    if grounds.is_empty() && needs_application(ctx) && ctx.reg.procedure.no_refusal_grounds.is_none() {
        out.emit_localized(
            "DXER-G001",
            at,
            &[],
            &[("service_type", super::label("service-types", ctx.reg.general.service_type.code()))],
        );
    }
    refusal_ground_list(grounds, at, out);
}

/// `DXER-C001`, `DXER-C002`.
fn composite(ctx: &Ctx<'_>, out: &mut Emitter) {
    let own = &ctx.reg.general.service_code;
    let mut seen = BTreeSet::new();
    let components = ctx.at("/general/components");
    for (i, c) in ctx.reg.general.components.iter().enumerate() {
        if c == own {
            out.emit("DXER-C001", components.index(i), &[("code", c.as_str())]);
        } else if !seen.insert(c) {
            out.emit("DXER-C002", components.index(i), &[("code", c.as_str())]);
        }
    }
}

/// `DXER-K001` (service area) and `DXER-D001` (dates in order) on record data.
fn record_data(ctx: &Ctx<'_>, out: &mut Emitter) {
    let Some(record) = ctx.record else { return };
    let lists = &ctx.opts.codelists;
    let area = &record.service_area;
    let not_listed = || super::words("təsnifatda yoxdur", "it is not in the classifier", "его нет в классификаторе");
    match lists.service_area(&area.area) {
        None => {
            out.emit_localized("DXER-K001", "/service_area/area", &[("code", &area.area)], &[("why", not_listed())])
        }
        Some(a) if a.parent.is_some() => out.emit_localized(
            "DXER-K001",
            "/service_area/area",
            &[("code", &area.area)],
            &[(
                "why",
                super::words("bu alt sahədir, sahə deyil", "it is a sub-area, not an area", "это подсфера, а не сфера"),
            )],
        ),
        Some(_) => {}
    }
    if let Some(sub) = &area.sub_area {
        match lists.service_area(sub) {
            None => {
                out.emit_localized("DXER-K001", "/service_area/sub_area", &[("code", sub)], &[("why", not_listed())])
            }
            Some(s) if s.parent.as_deref() != Some(area.area.as_str()) => out.emit_localized(
                "DXER-K001",
                "/service_area/sub_area",
                &[("code", sub)],
                &[(
                    "why",
                    super::words(
                        &format!("\"{}\" sahəsinə aid deyil", area.area),
                        &format!("it does not belong to the area \"{}\"", area.area),
                        &format!("она не относится к сфере \"{}\"", area.area),
                    ),
                )],
            ),
            Some(_) => {}
        }
    }
    let mut order = |later: &str, later_date, earlier: &str, earlier_date, at: &str| {
        if let (Some(l), Some(e)) = (later_date, earlier_date) {
            if l < e {
                let (l, e): (chrono::NaiveDate, chrono::NaiveDate) = (l, e);
                out.emit(
                    "DXER-D001",
                    at,
                    &[
                        ("later", later),
                        ("later_date", &l.to_string()),
                        ("earlier", earlier),
                        ("earlier_date", &e.to_string()),
                    ],
                );
            }
        }
    };
    let act = &record.creating_act;
    order(
        "creating_act.entry_into_force",
        Some(act.entry_into_force),
        "creating_act.act.date",
        act.act.date,
        "/creating_act/entry_into_force",
    );
    if let Some(v) = &record.validity {
        order("validity.valid_to", v.valid_to, "validity.valid_from", Some(v.valid_from), "/validity/valid_to");
    }
    if let Some(r) = &record.review {
        let submitted = record.submission.as_ref().map(|s| s.date);
        order("review.started", r.started, "submission.date", submitted, "/review/started");
        order("review.returned", r.returned, "review.started", r.started, "/review/returned");
        order("review.resubmitted", r.resubmitted, "review.returned", r.returned, "/review/resubmitted");
        // Registration follows the latest of the review's steps.
        let latest =
            [("review.resubmitted", r.resubmitted), ("review.returned", r.returned), ("review.started", r.started)]
                .into_iter()
                .filter_map(|(name, date)| date.map(|d| (name, d)))
                .max_by_key(|(_, d)| *d);
        if let Some((name, date)) = latest {
            order("review.registered", r.registered, name, Some(date), "/review/registered");
        }
    }
}

#[cfg(test)]
mod open_phrase_tests {
    use super::*;

    /// The phrases a text holds, found as they were before: the text lower-cased, then searched.
    fn by_lowering(text: &str, lang: &str) -> u32 {
        let lower = if lang == "az" { crate::text::to_lower_az(text) } else { text.to_lowercase() };
        (0..OPEN_PHRASES.len()).filter(|&i| lower.contains(OPEN_PHRASES[i])).fold(0, |held, i| held | 1 << i)
    }

    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn phrases_are_found_as_in_the_lower_cased_text() {
        let mut texts: Vec<String> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
        for group in ["valid", "invalid", "real"] {
            for entry in std::fs::read_dir(root.join(group)).unwrap() {
                let Ok(text) = std::fs::read_to_string(entry.unwrap().path().join("input.json")) else { continue };
                if let Ok(value) = serde_json::from_str(&text) {
                    strings(&value, &mut texts);
                }
            }
        }
        // Every phrase as written, upper-cased, capitalised, inside text, after `İ`, `I` and other letters
        // whose lower case differs by language or has more than one character.
        for phrase in OPEN_PHRASES {
            let mut capital = phrase.chars();
            let capitalised: String = capital.next().into_iter().flat_map(char::to_uppercase).chain(capital).collect();
            for p in [phrase.to_string(), phrase.to_uppercase(), capitalised] {
                for around in ["", "Sənəd İ", "ẞ Σ ", "İİ", "I", "x"] {
                    texts.push(format!("{around}{p}"));
                    texts.push(format!("{p}{around}"));
                    texts.push(format!("{around} {p}."));
                }
            }
        }
        texts.extend(
            ["VƏ S.", "Və Sİ", "DİGƏR HALLARDA", "dIgər hallar", "И Т.Д.", "İ̇", "ETC", "AND SO ON"].map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            for lang in ["az", "en", "ru"] {
                let held = open_phrases(text, lang);
                assert_eq!(held, by_lowering(text, lang), "{lang}: {text:?}");
                found += usize::from(held != 0);
            }
        }
        assert!(found > 100, "{found}");
    }

    #[test]
    fn phrases_with_azerbaijani_and_turkish_casing() {
        // (text, language, the first phrase it holds)
        let cases = [
            ("DİGƏR HALLARDA", "az", Some("digər hallarda")),
            ("DİGƏR HALLARDA", "en", None),
            ("DIGƏR HALLARDA", "az", None),
            ("DIGƏR HALLARDA", "en", Some("digər hallarda")),
            ("dıgər hallarda", "az", None),
            ("VƏ SAİR", "az", Some("və sair")),
            ("VƏ SAIR", "az", None),
            ("VƏ SAIR", "ru", Some("və sair")),
            ("Başqa SƏNƏDLƏR", "az", Some("başqa sənədlər")),
            ("və S.", "en", Some("və s.")),
            ("Və sƏ", "az", None),
            ("ƏVƏ DİGƏR", "az", Some("və digər")),
            ("И Т.Д.", "ru", Some("и т.д.")),
            ("Иные ДОКУМЕНТЫ", "ru", Some("иные документы")),
            ("ПРОЧИЕ документы", "az", Some("прочие документы")),
            ("ETC.", "az", Some("etc.")),
            ("OTHER CASES", "ru", Some("other cases")),
            ("Other cases", "az", Some("other cases")),
            ("other", "en", None),
            ("", "az", None),
        ];
        for (text, lang, phrase) in cases {
            let held = open_phrases(text, lang);
            assert_eq!(held, by_lowering(text, lang), "{lang}: {text:?}");
            assert_eq!(first_phrase(held, OPEN_PHRASES.len()), phrase, "{lang}: {text:?}");
        }
    }

    #[test]
    fn each_character_of_the_phrases_is_its_own_lower_case() {
        for c in OPEN_PHRASES.iter().flat_map(|p| p.chars()) {
            assert_eq!((lower(c, true), lower(c, false)), (Some(c), Some(c)), "{c:?}");
        }
    }

    #[test]
    fn each_character_is_lowered_as_unicode_lowers_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for az in [false, true] {
                let whole =
                    if az { crate::text::to_lower_az(c.encode_utf8(&mut [0; 4])) } else { c.to_lowercase().collect() };
                let mut chars = whole.chars();
                let single = match (chars.next(), chars.next()) {
                    (Some(l), None) => Some(l),
                    _ => None,
                };
                assert_eq!(lower(c, az), single, "{c:?} az={az}");
                // A phrase can start only where its first byte (and second, when not ASCII) is marked.
                for (i, phrase) in OPEN_PHRASES.iter().enumerate() {
                    if single.is_some() && single == phrase.chars().next() {
                        let bytes = c.encode_utf8(&mut [0; 4]).as_bytes().to_vec();
                        assert!(FIRST_BYTE[usize::from(bytes[0])] & 1 << i != 0, "{c:?} starts {phrase:?}");
                        if !c.is_ascii() {
                            assert!(SECOND_BYTE[usize::from(bytes[1])] & 1 << i != 0, "{c:?} starts {phrase:?}");
                        }
                    }
                    // And the byte after the first character can start its second.
                    if single.is_some() && single == phrase.chars().nth(1) {
                        let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
                        assert!(NEXT_BYTE[usize::from(lead)] & 1 << i != 0, "{c:?} follows in {phrase:?}");
                    }
                }
            }
        }
    }
}
