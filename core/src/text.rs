//! Azerbaijani text: script hygiene (domain brief §9), case mapping and alphabetical order.
//!
//! Seed 004 (the 2013 e-Government bulletin) has 159 Cyrillic schwas (ә U+04D9, Ә U+04D8) where the Latin
//! ə U+0259 / Ə U+018F belong, and a Cyrillic "с" inside "2013-сü". [`check_script`] finds such words and
//! gives the exact fixed text; nothing is ever changed silently.

use std::cmp::Ordering;

/// Cyrillic letters that look like a Latin letter (upper case and the common look-alikes), or that
/// transliterate to one in the Azerbaijani Cyrillic alphabet (ә ө ү һ ғ ҹ ј ш ч and lower-case letters
/// whose shape differs).
const LOOKALIKES: &[(char, char)] = &[
    ('ә', 'ə'),
    ('Ә', 'Ə'),
    ('а', 'a'),
    ('А', 'A'),
    ('в', 'v'),
    ('В', 'B'),
    ('е', 'e'),
    ('Е', 'E'),
    ('ё', 'ë'),
    ('і', 'i'),
    ('І', 'I'),
    ('ј', 'j'),
    ('Ј', 'J'),
    ('к', 'k'),
    ('К', 'K'),
    ('м', 'm'),
    ('М', 'M'),
    ('н', 'n'),
    ('Н', 'H'),
    ('о', 'o'),
    ('О', 'O'),
    ('ө', 'ö'),
    ('Ө', 'Ö'),
    ('р', 'p'),
    ('Р', 'P'),
    ('с', 'c'),
    ('С', 'C'),
    ('т', 't'),
    ('Т', 'T'),
    ('у', 'y'),
    ('У', 'Y'),
    ('ү', 'ü'),
    ('Ү', 'Ü'),
    ('х', 'x'),
    ('Х', 'X'),
    ('һ', 'h'),
    ('Һ', 'H'),
    ('ғ', 'ğ'),
    ('Ғ', 'Ğ'),
    ('ҹ', 'c'),
    ('Ҹ', 'C'),
    ('ш', 'ş'),
    ('Ш', 'Ş'),
    ('ч', 'ç'),
    ('Ч', 'Ç'),
];

fn lookalike(c: char) -> Option<char> {
    LOOKALIKES.iter().find(|(cyr, _)| *cyr == c).map(|(_, lat)| *lat)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c) || ('\u{0500}'..='\u{052F}').contains(&c)
}

/// Result of [`check_script`] on one Azerbaijani text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScriptReport {
    /// Words mixing Latin and Cyrillic letters (or digits and Cyrillic look-alikes), as written.
    pub mixed_words: Vec<String>,
    /// The distinct Cyrillic letters found in those words, each with its code point, e.g. `ә (U+04D9)`.
    pub letters: Vec<String>,
    /// The whole text with every look-alike in a mixed word replaced, when all of them have a Latin twin.
    pub fixed: Option<String>,
    /// Words written wholly in Cyrillic (probably Russian text in the Azerbaijani field).
    pub cyrillic_words: Vec<String>,
}

impl ScriptReport {
    /// Whether the text is clean.
    pub fn is_clean(&self) -> bool {
        self.mixed_words.is_empty() && self.cyrillic_words.is_empty()
    }
}

/// Fast test: could `text` contain any Cyrillic letter at all? (Cyrillic is U+0400–U+052F, whose UTF-8
/// encodings start with the bytes 0xD0–0xD4.) Eight bytes at a time.
pub fn may_contain_cyrillic(text: &str) -> bool {
    // A byte of 0xD0–0xD4 is one whose difference from 0xD0 is below 5.
    let cyrillic = |w: &[u8]| bytes_below(word(w) ^ (ONES * 0xD0), 5) != 0;
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    if words.any(cyrillic) {
        return true;
    }
    match words.remainder() {
        [] => false,
        // The last eight bytes, overlapping the words already read.
        _ if bytes.len() >= 8 => cyrillic(&bytes[bytes.len() - 8..]),
        rest => rest.iter().any(|b| (0xD0..=0xD4).contains(b)),
    }
}

// Eight bytes at a time (SWAR): a text's bytes read as little-endian words, each tested for a kind of byte
// with a few integer operations.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes (`bytes.len() == 8`) as one word.
fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]])
}

/// Non-zero when some byte of `word` is below `n` (`n` ≤ 0x80): exact as to whether one is (the bits set
/// say which only up to the first such byte).
fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH
}

/// Checks one Azerbaijani text for Cyrillic letters, word by word.
///
/// A word that mixes Latin letters (or digits) with Cyrillic look-alikes is a typing or conversion
/// defect with an exact fix; a word wholly in Cyrillic is reported separately (no automatic fix: it is
/// probably Russian text in the wrong field).
///
/// ```
/// let r = dxer::text::check_script("Әdliyyə Nazirliyi, 2013-сü il");
/// assert_eq!(r.mixed_words, ["Әdliyyə", "2013-сü"]);
/// assert_eq!(r.fixed.as_deref(), Some("Ədliyyə Nazirliyi, 2013-cü il"));
/// ```
pub fn check_script(text: &str) -> ScriptReport {
    let mut report = ScriptReport::default();
    if !may_contain_cyrillic(text) {
        return report;
    }
    let mut fixed = String::with_capacity(text.len());
    let mut fixable = true;
    let mut any_fix = false;
    for (word, is_word) in split_words(text) {
        if !is_word {
            fixed.push_str(word);
            continue;
        }
        let has_cyr = word.chars().any(is_cyrillic);
        let has_latin_or_digit = word.chars().any(|c| (c.is_alphabetic() && !is_cyrillic(c)) || c.is_ascii_digit());
        if has_cyr && has_latin_or_digit {
            report.mixed_words.push(word.to_string());
            for c in word.chars() {
                if is_cyrillic(c) {
                    let shown = format!("{c} (U+{:04X})", c as u32);
                    if !report.letters.contains(&shown) {
                        report.letters.push(shown);
                    }
                    match lookalike(c) {
                        Some(l) => {
                            fixed.push(l);
                            any_fix = true;
                        }
                        None => {
                            fixable = false;
                            fixed.push(c);
                        }
                    }
                } else {
                    fixed.push(c);
                }
            }
        } else {
            if has_cyr {
                report.cyrillic_words.push(word.to_string());
            }
            fixed.push_str(word);
        }
    }
    if fixable && any_fix {
        report.fixed = Some(fixed);
    }
    report
}

/// Splits text into alternating runs of word characters (letters, digits, marks, hyphen and apostrophe
/// inside a word) and other characters; the bool tells which.
fn split_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let is_word_char =
        |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’') || ('\u{0300}'..='\u{036F}').contains(&c);
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = is_word_char(first);
        let end = rest.char_indices().find(|(_, c)| is_word_char(*c) != kind).map(|(i, _)| i).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((run, kind))
    })
}

/// Upper case with Azerbaijani rules (i → İ, ı → I).
///
/// ```
/// assert_eq!(dxer::text::to_upper_az("istifadəçi ılıq"), "İSTİFADƏÇİ ILIQ");
/// ```
pub fn to_upper_az(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'i' => out.push('İ'),
            'ı' => out.push('I'),
            c if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            c => out.extend(c.to_uppercase()),
        }
    }
    out
}

/// Lower case with Azerbaijani rules (İ → i, I → ı).
///
/// ```
/// assert_eq!(dxer::text::to_lower_az("İSTİFADƏÇİ ILIQ"), "istifadəçi ılıq");
/// ```
pub fn to_lower_az(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'İ' => out.push('i'),
            'I' => out.push('ı'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

const ALPHABET: &str = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz";

/// Rank of a lower-case letter in the Azerbaijani alphabet (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r
/// s ş t u ü v y z); other characters sort after the alphabet by code point.
fn rank(c: char) -> (u32, u32) {
    match ALPHABET.chars().position(|a| a == c) {
        Some(i) => (0, i as u32),
        None => (1, c as u32),
    }
}

/// Compares two strings in Azerbaijani alphabetical order, ignoring case first and using it to break ties.
///
/// ```
/// let mut names = vec!["Xarici", "Ədliyyə", "Həbs", "Çağırış", "İqtisadiyyat", "Izahat"];
/// names.sort_by(|a, b| dxer::text::cmp_az(a, b));
/// assert_eq!(names, ["Çağırış", "Ədliyyə", "Həbs", "Xarici", "Izahat", "İqtisadiyyat"]);
/// ```
pub fn cmp_az(a: &str, b: &str) -> Ordering {
    let la = to_lower_az(a);
    let lb = to_lower_az(b);
    la.chars().map(rank).cmp(lb.chars().map(rank)).then_with(|| a.cmp(b))
}

/// Escapes text for HTML element content and quoted attribute values: `& < > " '` (the renderings and the
/// statistics page).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a character would steer a terminal or reorder the text around it: the C0 controls (but line
/// feed and tab), DEL, the C1 controls, and the bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
fn steers_terminal(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Escapes text for a terminal: each character that would steer it (escape sequences, other C0 and C1
/// controls, bidirectional overrides; see above) becomes `\u{…}`, as Rust writes it; line feeds and tabs
/// stay. For file names and record values printed by the command line (`dxer`), so that a hostile name
/// cannot recolour, move the cursor, retitle the window or reorder a line. A backslash is left as it is:
/// `\u{1b}` in the output is either an escaped ESC or those six characters in the name.
///
/// ```
/// assert_eq!(dxer::text::escape_terminal("a\u{1b}[31mb\u{202e}c\n"), "a\\u{1b}[31mb\\u{202e}c\n");
/// assert_eq!(dxer::text::escape_terminal("Şəki\\2026.json"), "Şəki\\2026.json");
/// ```
pub fn escape_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(steers_terminal) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if steers_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The Unicode name of a character that is invisible, changes the direction of writing, or controls
/// the text (rule `DXER-H003`): C0 and C1 controls, DELETE, the bidirectional embeddings, overrides, isolates
/// and marks, zero-width spaces and joiners, the line and paragraph separators, the invisible operators, a
/// byte order mark inside text, the interlinear annotation marks. `None` for any other character. The soft
/// hyphen (U+00AD) and the no-break spaces are not here: they are visible or harmless where they stand.
pub fn hidden_character_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' => "CHARACTER TABULATION",
        '\n' => "LINE FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{0}'..='\u{1F}' | '\u{80}'..='\u{9F}' => "CONTROL CHARACTER",
        '\u{7F}' => "DELETE",
        '\u{61C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{FFF9}' => "INTERLINEAR ANNOTATION ANCHOR",
        '\u{FFFA}' => "INTERLINEAR ANNOTATION SEPARATOR",
        '\u{FFFB}' => "INTERLINEAR ANNOTATION TERMINATOR",
        _ => return None,
    })
}

/// The hidden characters of `text` ([`hidden_character_name`]) as (position counted in characters from 1,
/// character). In `multi_line` text a tab, a line feed and a carriage return before a line feed belong.
///
/// ```
/// let found = dxer::text::hidden_characters("Ad\u{202E}ı\tsoyad", false);
/// assert_eq!(found, [(3, '\u{202E}'), (5, '\t')]);
/// assert_eq!(dxer::text::hidden_characters("Bir\r\niki\tüç", true), []);
/// ```
pub fn hidden_characters(text: &str, multi_line: bool) -> Vec<(usize, char)> {
    let mut found = Hidden { text, multi_line, counted: 0, chars: 0, out: Vec::new() };
    // Sixteen bytes at a time, looked at byte by byte only where one may start a hidden character.
    let bytes = text.as_bytes();
    let block_may_hide = |b: &[u8]| word_may_hide(word(&b[..8])) || word_may_hide(word(&b[b.len() - 8..]));
    let mut at = 0;
    for block in bytes.chunks_exact(16) {
        if block_may_hide(block) {
            found.look(at..at + 16);
        }
        at += 16;
    }
    // The rest, under sixteen bytes: looked at byte by byte unless the last eight to sixteen bytes (which
    // overlap what was looked at, or the first eight) are clean.
    let n = bytes.len();
    let rest_clean = match n - at {
        0 => true,
        _ if n >= 16 => !block_may_hide(&bytes[n - 16..]),
        _ if n >= 8 => !block_may_hide(bytes),
        _ => false,
    };
    if !rest_clean {
        found.look(at..n);
    }
    found.out
}

/// The search of [`hidden_characters`], block by block.
struct Hidden<'t> {
    text: &'t str,
    multi_line: bool,
    /// The characters before byte `counted`: counted only when a hidden character is found.
    counted: usize,
    chars: usize,
    out: Vec<(usize, char)>,
}

impl Hidden<'_> {
    /// The hidden characters that start in `range` (whole blocks, or the tail of the text).
    fn look(&mut self, range: std::ops::Range<usize>) {
        let bytes = self.text.as_bytes();
        for at in range {
            if !MAY_START_HIDDEN[usize::from(bytes[at])] {
                continue;
            }
            // Never a continuation byte: `at` starts a character.
            let Some(c) = self.text.get(at..).and_then(|rest| rest.chars().next()) else { continue };
            let allowed = self.multi_line
                && match c {
                    '\t' | '\n' => true,
                    '\r' => bytes.get(at + 1) == Some(&b'\n'),
                    _ => false,
                };
            if !allowed && hidden_character_name(c).is_some() {
                self.chars += bytes[self.counted..at].iter().filter(|&&b| !is_continuation(b)).count();
                self.counted = at;
                self.out.push((self.chars + 1, c));
            }
        }
    }
}

/// Whether some byte of `word` may start a hidden character: every byte of [`MAY_START_HIDDEN`] (a control,
/// DELETE, 0xC2, 0xD8) and the lead byte of every character of U+0800–U+FFFF (0xE0–0xEF, which holds
/// 0xE1, 0xE2 and 0xEF).
fn word_may_hide(word: u64) -> bool {
    let is = |byte: u8| bytes_below(word ^ (ONES * u64::from(byte)), 1);
    let three_byte_lead = bytes_below((word ^ (ONES * 0xE0)) & (ONES * 0xF0), 1);
    (bytes_below(word, 0x20) | is(0x7F) | is(0xC2) | is(0xD8) | three_byte_lead) != 0
}

/// Whether `b` continues a character of UTF-8 (`0b10xx_xxxx`).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The bytes that can start a hidden character: controls, DELETE, and the lead bytes of U+0080-U+009F,
/// U+061C, U+180E, U+2000-U+2FFF and U+F000-U+FFFF. Most texts have none, or only a few (typographic
/// quotes and dashes are U+20xx), so one pass over the bytes looks at few characters.
const MAY_START_HIDDEN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF);
        b += 1;
    }
    table
};

/// Whether `url` is a web address dxer links to (rule `DXER-U001`): an `https://` or `http://` scheme (in
/// any letter case, nothing before it), a host after it, and no space, control or hidden character.
///
/// ```
/// use dxer::text::is_web_url;
/// assert!(is_web_url("https://www.e-gov.az") && is_web_url("HTTP://asan.gov.az/x?y=1"));
/// for bad in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " https://e-gov.az", "data:text/html,x", "https:///x", "www.e-gov.az"] {
///     assert!(!is_web_url(bad), "{bad}");
/// }
/// ```
pub fn is_web_url(url: &str) -> bool {
    let has = |scheme: &str| url.get(..scheme.len()).is_some_and(|p| p.eq_ignore_ascii_case(scheme));
    let rest = match () {
        _ if has("https://") => &url[8..],
        _ if has("http://") => &url[7..],
        _ => return false,
    };
    !rest.is_empty()
        && !rest.starts_with('/')
        && url.chars().all(|c| !c.is_whitespace() && !c.is_control() && hidden_character_name(c).is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_004_defects_are_found_with_exact_fixes() {
        let r = check_script("“Elektron hökumәt” portalı");
        assert_eq!(r.mixed_words, ["hökumәt"]);
        assert_eq!(r.letters, ["ә (U+04D9)"]);
        assert_eq!(r.fixed.as_deref(), Some("“Elektron hökumət” portalı"));
        let r = check_script("2013-сü ilin birinci rübündә");
        assert_eq!(r.mixed_words, ["2013-сü", "rübündә"]);
        assert_eq!(r.fixed.as_deref(), Some("2013-cü ilin birinci rübündə"));
    }

    #[test]
    fn clean_and_russian_text() {
        assert!(check_script("Şəxsiyyət vəsiqəsinin verilməsi").is_clean());
        let r = check_script("Ödəniş: государственная пошлина");
        assert!(r.mixed_words.is_empty());
        assert_eq!(r.cyrillic_words, ["государственная", "пошлина"]);
        assert_eq!(r.fixed, None);
    }

    #[test]
    fn unfixable_letters_give_no_fix() {
        let r = check_script("adжb");
        assert_eq!(r.mixed_words, ["adжb"]);
        assert_eq!(r.fixed, None);
    }

    #[test]
    fn azerbaijani_case_and_order() {
        assert_eq!(to_upper_az("ilkin"), "İLKİN");
        assert_eq!(to_lower_az("ISTI"), "ıstı");
        assert_eq!(cmp_az("ə", "f"), Ordering::Less);
        assert_eq!(cmp_az("x", "ı"), Ordering::Less);
        assert_eq!(cmp_az("q", "k"), Ordering::Greater);
        assert_eq!(cmp_az("abc", "Abc"), "abc".cmp("Abc"));
    }

    /// The hidden characters as found one character at a time: what the block scan must find.
    fn hidden_by_chars(text: &str, multi_line: bool) -> Vec<(usize, char)> {
        let chars: Vec<char> = text.chars().collect();
        let allowed = |i: usize, c: char| {
            multi_line && (matches!(c, '\t' | '\n') || (c == '\r' && chars.get(i + 1) == Some(&'\n')))
        };
        let hidden = |&(i, &c): &(usize, &char)| !allowed(i, c) && hidden_character_name(c).is_some();
        chars.iter().enumerate().filter(hidden).map(|(i, &c)| (i + 1, c)).collect()
    }

    /// Texts around a character: plain ASCII, Azerbaijani and Russian letters (two bytes each), typographic
    /// quotes (three bytes, a lead byte that may start a hidden character) and an emoji (four bytes).
    const BASES: [&str; 5] = [
        "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "Şəxsiyyət vəsiqəsinin verilməsi üçün ödəniş, ığ",
        "Выдача удостоверения личности: госпошлина",
        "“Elektron hökumət” — portal… №5",
        "a😀bə😀c😀d",
    ];

    /// Each of `inserted` at each character position of each base text (so at each position of a 16-byte
    /// block, after multi-byte letters, and at the very end).
    fn inserted_everywhere(inserted: &[&str]) -> Vec<String> {
        let mut texts = Vec::new();
        for base in BASES {
            let cuts = base.char_indices().map(|(i, _)| i).chain([base.len()]);
            for cut in cuts {
                for s in inserted {
                    texts.push(format!("{}{s}{}", &base[..cut], &base[cut..]));
                }
            }
        }
        texts
    }

    #[test]
    fn hidden_characters_are_found_at_every_position() {
        let hidden = [
            "\u{0}",
            "\u{1b}",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
            "\u{61c}",
            "\u{180e}",
            "\u{200b}",
            "\u{200f}",
            "\u{2028}",
            "\u{202e}",
            "\u{2064}",
            "\u{2069}",
            "\u{feff}",
            "\u{fffb}",
            "\u{202e}\u{202e}",
            "x\u{200b}y\u{2066}",
        ];
        let texts = inserted_everywhere(&hidden);
        for text in texts.iter().map(String::as_str).chain(BASES).chain(["", "\u{1}", "é\u{202e}"]) {
            for multi_line in [false, true] {
                assert_eq!(hidden_characters(text, multi_line), hidden_by_chars(text, multi_line), "{text:?}");
            }
        }
        // Every length around the blocks' and words' sizes, the hidden character at each place.
        for len in 0..=40 {
            for letter in ["a", "ə", "“"] {
                let base = letter.repeat(len);
                for cut in base.char_indices().map(|(i, _)| i).chain([base.len()]) {
                    for h in ["\u{1}", "\u{202e}", "\u{feff}", "\u{85}"] {
                        let text = format!("{}{h}{}", &base[..cut], &base[cut..]);
                        assert_eq!(hidden_characters(&text, false), hidden_by_chars(&text, false), "{text:?}");
                        assert_eq!(hidden_characters(&text, false).len(), 1, "{text:?}");
                    }
                }
            }
        }
        // Nothing is found in the clean texts; a hidden character is found wherever it stands.
        assert!(BASES.iter().all(|b| hidden_characters(b, false).is_empty()));
        let found =
            inserted_everywhere(&["\u{202e}"]).iter().filter(|t| !hidden_characters(t, true).is_empty()).count();
        assert_eq!(found, BASES.iter().map(|b| b.chars().count() + 1).sum::<usize>());
    }

    #[test]
    fn a_word_is_looked_at_whenever_a_byte_may_start_a_hidden_character() {
        for b in 0..=255u8 {
            for at in 0..8 {
                for filler in [b'a', b' ', 0x99, 0xC9, 0xD0, 0xE2, 0xFF] {
                    let mut bytes = [filler; 8];
                    bytes[at] = b;
                    if MAY_START_HIDDEN[usize::from(b)] {
                        assert!(word_may_hide(word(&bytes)), "{b:#x} at {at} among {filler:#x}");
                    }
                }
            }
        }
        // Letters (Latin, Azerbaijani, Cyrillic) and punctuation are skipped.
        for text in ["Şəxsiyyət vəsiqəsi", "Выдача удостоверения", "(a-z, A-Z; 0-9)!"] {
            assert!(text.as_bytes().chunks_exact(8).all(|w| !word_may_hide(word(w))), "{text}");
        }
    }

    #[test]
    fn cyrillic_is_told_at_every_position() {
        // Cyrillic letters from the first to the last, and letters next to them: Ϗ (U+03CF, lead byte 0xCF),
        // Հ (U+0540, lead byte 0xD5), ə.
        let texts = inserted_everywhere(&["с", "ә", "Ә", "Ѐ", "ӿ", "Ԁ", "ԯ", "Ϗ", "Հ", "ə"]);
        let mut told = 0;
        for text in texts.iter().map(String::as_str).chain(BASES) {
            let naive = text.chars().any(is_cyrillic);
            assert_eq!(may_contain_cyrillic(text), naive, "{text:?}");
            told += usize::from(naive);
        }
        assert!(told > 500 && told < texts.len(), "{told} of {}", texts.len());
        for len in 0..=24 {
            for letter in ["a", "ə"] {
                let base = letter.repeat(len);
                assert!(!may_contain_cyrillic(&base));
                for cut in base.char_indices().map(|(i, _)| i).chain([base.len()]) {
                    assert!(may_contain_cyrillic(&format!("{}с{}", &base[..cut], &base[cut..])), "{len} {cut}");
                }
            }
        }
    }

    #[test]
    fn script_is_checked_wherever_the_cyrillic_letter_stands() {
        for text in inserted_everywhere(&["с"]) {
            let r = check_script(&text);
            assert!(!r.is_clean(), "{text:?}");
        }
    }
}
