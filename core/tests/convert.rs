//! Conversions (`dxer::convert`): schema.org JSON-LD, open data (CSV, JSON Lines, column dictionary),
//! rendered reglament (HTML, Markdown) and canonical bytes for signing (RFC 8785, SHA-256 digest).
//!
//! Every valid fixture under `tests/fixtures/valid/` goes through every conversion.

use std::path::PathBuf;

use dxer::convert::canonical::{
    canonical_bytes, canonical_json, digest, number_to_string, verify_digest, with_digest, DigestCheck, DigestError,
};
use dxer::convert::opendata::{self, column_dictionary, column_dictionary_csv, columns, ColumnType};
use dxer::convert::publish::Publication;
use dxer::convert::render;
use dxer::convert::schema_org::{self, script_tag};
use dxer::model::{Money, Record};
use dxer::{parse_record, CodeLists, Options};
use serde_json::Value;

// These tests check how every field of every fixture is converted, whatever its status, so they export
// internally (every record, every field). `tests/publication.rs` checks what the public exports leave out.
const INTERNAL: Publication = Publication::Internal;

fn to_jsonld(record: &Record) -> Value {
    schema_org::to_jsonld(record, INTERNAL).unwrap()
}

fn to_jsonld_in(record: &Record, lang: &str, lists: &CodeLists) -> Value {
    schema_org::to_jsonld_in(record, lang, lists, INTERNAL).unwrap()
}

fn to_csv(records: &[Record]) -> String {
    let published = opendata::to_csv(records, INTERNAL);
    assert!(published.withheld.is_empty(), "{:?}", published.withheld);
    published.output
}

fn to_jsonl(records: &[Record]) -> String {
    let published = opendata::to_jsonl(records, INTERNAL);
    assert!(published.withheld.is_empty(), "{:?}", published.withheld);
    published.output
}

fn to_html(record: &Record, lang: &str) -> String {
    render::to_html(record, lang, INTERNAL).unwrap()
}

fn to_markdown(record: &Record, lang: &str) -> String {
    render::to_markdown(record, lang, INTERNAL).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every valid fixture: (case name, parsed record, its JSON).
fn fixtures() -> Vec<(String, Record, Value)> {
    let dir = root().join("tests/fixtures/valid");
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("valid fixtures").flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    let mut out = Vec::new();
    for entry in entries {
        let input = entry.path().join("input.json");
        if !input.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&input).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        // Bare reglaments are not records; conversions take records.
        if value.get("reglament").is_none() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let record = parse_record(text.as_str(), &Options::default())
            .unwrap_or_else(|r| panic!("{name}: valid fixture refused: {:?}", r.findings))
            .value;
        out.push((name, record, value));
    }
    assert!(out.len() >= 5, "expected the valid fixtures, found {}", out.len());
    out
}

/// The fixtures as distinct records: several share a record id and version (with different content), which
/// one export would withhold as a conflict; each gets its own version here.
fn distinct(mut all: Vec<(String, Record, Value)>) -> Vec<(String, Record, Value)> {
    for (i, (_, record, _)) in all.iter_mut().enumerate() {
        record.version = 100 + i as u32;
    }
    all
}

fn fixture(name: &str) -> Record {
    fixtures().into_iter().find(|(n, ..)| n == name).unwrap_or_else(|| panic!("fixture {name}")).1
}

// ---------------------------------------------------------------------------------------------------
// Refusal of invalid input

#[test]
fn exports_start_from_parse_record_which_refuses_invalid_records() {
    assert!(parse_record("{}", &Options::default()).is_err());
    let (_, _, mut value) = fixtures().remove(0);
    value["reglament"]["general"]["service_code"] = "X-1".into();
    let refused = parse_record(&value, &Options::default()).unwrap_err();
    assert!(refused.findings.iter().any(|f| f.pointer == "/reglament/general/service_code"));
}

// ---------------------------------------------------------------------------------------------------
// schema.org

#[test]
fn schema_org_jsonld_for_every_fixture() {
    for (name, record, _) in fixtures() {
        let ld = to_jsonld(&record);
        let g = &record.reglament.general;
        assert_eq!(ld["@context"], "https://schema.org", "{name}");
        assert_eq!(ld["@type"], "GovernmentService", "{name}");
        assert_eq!(ld["name"], g.name.az.as_str(), "{name}");
        assert_eq!(ld["inLanguage"], "az", "{name}");
        assert_eq!(ld["identifier"][0]["value"], g.service_code.as_str(), "{name}");
        assert_eq!(ld["provider"]["@type"], "GovernmentOrganization", "{name}");
        assert_eq!(ld["provider"]["identifier"], g.provider.as_str(), "{name}");
        let provider = CodeLists::built_in().provider(g.provider.as_str()).map(|p| p.label.az.clone());
        assert_eq!(ld["provider"]["name"].as_str().map(str::to_string), provider.or(Some(g.provider.to_string())));
        assert_eq!(ld["areaServed"]["@type"], "Country");
        assert!(
            ld["serviceType"].as_str().is_some_and(|s| !s.is_empty() && s != g.service_type.code()),
            "{name}: label"
        );

        let channels = ld["availableChannel"].as_array().unwrap();
        assert_eq!(channels.len(), g.channels.items().len(), "{name}");
        assert!(channels.iter().all(|c| c["@type"] == "ServiceChannel"));
        let audience = ld["audience"].as_array().unwrap();
        assert_eq!(audience.len(), g.user_categories.items().len(), "{name}");
        assert_eq!(ld["isBasedOn"].as_array().unwrap().len(), g.legal_basis.items().len(), "{name}");
        assert!(ld["isBasedOn"].as_array().unwrap().iter().all(|l| l["@type"] == "Legislation"));

        let offers = ld["offers"].as_array().unwrap();
        let tiers = record.reglament.standard.fee_tiers();
        if tiers.is_empty() {
            assert_eq!(offers.len(), 1, "{name}");
            assert_eq!(offers[0]["price"], "0", "{name}");
        } else {
            assert_eq!(offers.len(), tiers.len(), "{name}");
            for (o, t) in offers.iter().zip(tiers) {
                // The fixed price: the tier's own amount and the components always paid with it.
                let fixed =
                    t.components.iter().filter(|c| c.condition.is_none()).map(|c| c.amount.qepik()).sum::<u64>();
                let price = Money::from_qepik(t.amount.qepik() + fixed).to_string();
                assert_eq!(o["price"], price.as_str(), "{name}: price is a decimal string");
                let parts = o["priceSpecification"]["priceComponent"].as_array().map_or(0, Vec::len);
                let expected_parts = if t.components.is_empty() && t.per_unit.is_none() && t.condition.is_none() {
                    0
                } else {
                    t.payments().map(|p| 1 + usize::from(p.per_unit.is_some())).sum()
                };
                assert_eq!(parts, expected_parts, "{name}: one price component per payment and per-unit amount");
            }
        }
        for o in offers {
            assert_eq!(o["@type"], "Offer");
            assert_eq!(o["priceCurrency"], "AZN");
            assert!(o["price"].is_string());
        }

        // Valid JSON that survives a round trip, and a script element that cannot be closed early.
        let text = serde_json::to_string_pretty(&ld).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), ld);
        let tag = script_tag(&ld);
        let inner =
            tag.strip_prefix("<script type=\"application/ld+json\">").unwrap().strip_suffix("</script>").unwrap();
        assert!(!inner.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(inner).unwrap(), ld);

        let en = to_jsonld_in(&record, "en", &CodeLists::built_in());
        assert_eq!(en["name"], g.name.get("en"), "{name}");
        assert_eq!(en["inLanguage"], "en");
    }
}

#[test]
fn schema_org_channels_carry_urls_and_phones_where_known() {
    let record = fixture("identity-card");
    let ld = to_jsonld(&record);
    let portal = record.reglament.general.channels.items().iter().position(|c| c.code() == "egov_portal");
    if let Some(i) = portal {
        assert!(ld["availableChannel"][i]["serviceUrl"].as_str().is_some_and(|u| u.starts_with("https://")));
    }
    let free = fixture("free-informative");
    let ld = to_jsonld(&free);
    assert_eq!(
        ld["offers"],
        serde_json::json!([{"@type": "Offer", "name": "Ödənişsiz", "price": "0", "priceCurrency": "AZN"}])
    );
}

// ---------------------------------------------------------------------------------------------------
// Open data

/// A strict RFC 4180 reader for the tests: rows of cells; every record ends in CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut started = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if !started => {
                quoted = true;
                started = true;
            }
            '"' => panic!("quote inside an unquoted field"),
            ',' => {
                row.push(std::mem::take(&mut cell));
                started = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR not followed by LF outside quotes");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                started = false;
            }
            '\n' => panic!("bare LF outside quotes"),
            c => {
                cell.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(cell.is_empty() && row.is_empty(), "last record does not end in CRLF");
    rows
}

fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

#[test]
fn csv_header_is_the_published_columns_file() {
    let file: Value =
        serde_json::from_slice(&std::fs::read(root().join("schemas/opendata/columns.json")).unwrap()).unwrap();
    let names: Vec<&str> = file["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    let csv = to_csv(&[]);
    assert_eq!(csv, format!("{}\r\n", names.join(",")));
    assert_eq!(columns().iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), names);
    for c in file["columns"].as_array().unwrap() {
        assert!(c["description"]["az"].as_str().is_some_and(|s| !s.is_empty()), "{c}");
        assert!(c["description"]["en"].as_str().is_some_and(|s| !s.is_empty()), "{c}");
        assert!(c["source"].as_str().is_some_and(|s| s.starts_with('/')), "{c}");
    }
    for required in [
        "service_code",
        "record_id",
        "version",
        "status",
        "name_az",
        "name_en",
        "provider_code",
        "provider_name_az",
        "service_type",
        "form",
        "proactive",
        "channels",
        "free",
        "min_fee_azn",
        "max_fee_azn",
        "time_limit_value",
        "time_limit_unit",
        "result_kind",
        "ehis_integration",
        "e_payment",
        "identification",
        "legal_basis",
        "valid_from",
        "open_data",
    ] {
        assert!(names.contains(&required), "column {required} missing");
    }
}

#[test]
fn csv_has_one_row_per_service_and_cells_match_their_source_pointers() {
    let all = distinct(fixtures());
    let records: Vec<Record> = all.iter().map(|(_, r, _)| r.clone()).collect();
    let csv = to_csv(&records);
    let rows = parse_csv(&csv);
    assert_eq!(rows.len(), records.len() + 1);
    let cols = columns();
    for ((name, record, _), row) in all.iter().zip(&rows[1..]) {
        assert_eq!(row.len(), cols.len(), "{name}");
        // The record as serialized (defaults included in the typed model, so absent booleans read false).
        let json = serde_json::to_value(record).unwrap();
        for (col, cell) in cols.iter().zip(row) {
            let cell = unneutralise(cell);
            // Empty lists are not serialized: a count of an absent list is 0.
            let empty = Value::Array(vec![]);
            let source = json.pointer(&col.source).or(match col.column_type {
                ColumnType::Integer if col.source.starts_with("/reglament") => Some(&empty),
                _ => None,
            });
            if !cell.is_empty() && !matches!(col.name.as_str(), "proactive" | "open_data") {
                assert!(source.is_some(), "{name}: {} = {cell:?} but {} is absent", col.name, col.source);
            }
            let derived = col.name.starts_with("provider_name")
                || matches!(col.name.as_str(), "documents_by_provider" | "min_fee_azn" | "max_fee_azn" | "legal_basis");
            if derived {
                continue;
            }
            let expected = match (source, col.column_type) {
                (None, ColumnType::Boolean) if matches!(col.name.as_str(), "proactive" | "open_data") => "false".into(),
                (None, _) => String::new(),
                (Some(Value::String(s)), _) => s.clone(),
                (Some(Value::Bool(b)), _) => b.to_string(),
                (Some(Value::Number(n)), _) => n.to_string(),
                (Some(Value::Array(a)), ColumnType::Integer) => a.len().to_string(),
                (Some(Value::Array(a)), ColumnType::List) => {
                    a.iter().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>().join(";")
                }
                (Some(other), _) => panic!("{name}: column {} reads {other}", col.name),
            };
            assert_eq!(cell, expected, "{name}: column {}", col.name);
        }
    }
    let header = &rows[0];
    let at = |row: &Vec<String>, col: &str| row[header.iter().position(|h| h == col).unwrap()].clone();
    let (i, _) = all.iter().enumerate().find(|(_, (n, ..))| n == "driving-licence-variants").unwrap();
    let row = &rows[i + 1];
    assert_eq!(at(row, "service_code"), "DX-000106");
    assert_eq!(at(row, "min_fee_azn"), "30.00");
    assert_eq!(at(row, "max_fee_azn"), "60.00");
    assert_eq!(at(row, "free"), "false");
    assert_eq!(at(row, "channels"), "asan_centre;provider_office;egov_portal");
    assert_eq!(at(row, "provider_name_az"), "Azərbaycan Respublikasının Daxili İşlər Nazirliyi");
    assert!(at(row, "legal_basis")
        .starts_with("Yol hərəkəti haqqında Azərbaycan Respublikasının Qanunu (№ 685-IQ, 1999-06-17);"));
    let (i, _) = all.iter().enumerate().find(|(_, (n, ..))| n == "free-informative").unwrap();
    assert_eq!(at(&rows[i + 1], "min_fee_azn"), "0.00");
    assert_eq!(at(&rows[i + 1], "free"), "true");
}

#[test]
fn csv_quotes_and_neutralises_formula_cells() {
    let mut record = fixture("identity-card");
    record.reglament.general.name.az = "=HYPERLINK(\"http://evil\",\"x\")".into();
    record.reglament.general.name.en = Some("+SUM(A1:A2)".into());
    record.reglament.general.name.ru = Some("@cmd|' /C calc'!A0\r\nc, \"d\"".into());
    record.reglament.contact.hotline = Some("-1+1".into());
    record.reglament.contact.web = Some("a, \"b\"\r\nc".into());
    let csv = to_csv(&[record]);
    let rows = parse_csv(&csv);
    let header = &rows[0];
    let at = |col: &str| rows[1][header.iter().position(|h| h == col).unwrap()].clone();
    assert_eq!(at("name_az"), "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(at("name_en"), "'+SUM(A1:A2)");
    assert_eq!(at("name_ru"), "'@cmd|' /C calc'!A0\r\nc, \"d\"");
    assert_eq!(at("hotline"), "'-1+1");
    // Not a web address (`DXER-U001`): not published.
    assert_eq!(at("web"), "");
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""));
    // No cell of any row starts with a formula character.
    for row in &rows {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
        }
    }
}

#[test]
fn jsonl_holds_every_record_exactly() {
    let records: Vec<Record> = distinct(fixtures()).into_iter().map(|(_, r, _)| r).collect();
    let jsonl = to_jsonl(&records);
    assert!(jsonl.ends_with('\n'));
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), records.len());
    for (line, record) in lines.iter().zip(&records) {
        let back: Record = serde_json::from_str(line).unwrap();
        assert_eq!(&back, record);
        // Each line is also a valid record for the validator.
        assert!(parse_record(*line, &Options::default()).is_ok());
    }
}

#[test]
fn column_dictionary_in_both_languages() {
    for lang in ["az", "en"] {
        let md = column_dictionary(lang);
        for c in columns() {
            assert!(md.contains(&format!("`{}`", c.name)), "{lang}: {}", c.name);
            assert!(md.contains(&format!("`{}`", c.source)), "{lang}: {}", c.source);
        }
        let csv = column_dictionary_csv(lang);
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), columns().len() + 1);
        assert_eq!(rows[0], ["name", "type", "codelist", "source", "description"]);
    }
    assert!(column_dictionary("az").contains("| # | Sütun |"));
    assert!(column_dictionary("en").contains("| # | Column |"));
    assert!(column_dictionary("az").contains(columns()[0].description.az.as_str()));
    assert!(column_dictionary("en").contains("OWASP"));
}

// ---------------------------------------------------------------------------------------------------
// Rendered reglament

fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| text.find(n).unwrap_or_else(|| panic!("{n:?} not found"))).collect()
}

fn increasing(v: &[usize]) -> bool {
    v.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn html_and_markdown_follow_the_model_form_for_every_fixture_and_language() {
    let headings = [
        (
            "az",
            [
                "1. Ümumi müddəalar",
                "2. Xidmətin standartı",
                "3. Xidmətin göstərilməsi qaydası",
                "4. Şikayət",
                "5. Əlaqə və keyfiyyət",
                "6. Əlavələr",
            ],
        ),
        (
            "en",
            [
                "1. General provisions",
                "2. Service standard",
                "3. Procedure",
                "4. Appeal",
                "5. Contact and quality",
                "6. Annexes",
            ],
        ),
        (
            "ru",
            [
                "1. Общие положения",
                "2. Стандарт услуги",
                "3. Порядок предоставления услуги",
                "4. Обжалование",
                "5. Контакты и качество",
                "6. Приложения",
            ],
        ),
    ];
    for (name, record, _) in fixtures() {
        for (lang, titles) in &headings {
            let html = to_html(&record, lang);
            assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\""), "{name}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")));
            assert!(html.contains("@media print"), "{name}");
            assert!(html.contains("<meta charset=\"utf-8\">"));
            for external in ["<script", "<link", " src=", "url(", "@import"] {
                assert!(!html.contains(external), "{name}: {external} in a self-contained page");
            }
            let h2: Vec<String> = titles.iter().map(|t| format!("<h2>{t}</h2>")).collect();
            assert!(increasing(&positions(&html, &h2.iter().map(String::as_str).collect::<Vec<_>>())), "{name} {lang}");
            let md = to_markdown(&record, lang);
            let md_h2: Vec<String> = titles.iter().map(|t| format!("\n## {t}\n")).collect();
            assert!(
                increasing(&positions(&md, &md_h2.iter().map(String::as_str).collect::<Vec<_>>())),
                "{name} {lang}"
            );
            assert!(md.starts_with("# "), "{name} {lang}");
            let title = record.reglament.general.name.get(lang).replace('\'', "&#39;").replace('"', "&quot;");
            assert!(
                html.contains(&format!("<h1>{title}</h1>"))
                    || html.contains(&format!("<h1><span lang=\"az\">{title}</span></h1>")),
                "{name} {lang}"
            );
            if let Some(v) = &record.reglament.variants {
                let variants = match *lang {
                    "az" => "7. Müraciət edənin variantları",
                    "en" => "7. Applicant variants",
                    _ => "7. Варианты для заявителя",
                };
                let pos = positions(&html, &[&h2[5], &format!("<h2>{variants}</h2>")]);
                assert!(increasing(&pos), "{name}: variants after annexes");
                for variant in &v.variants {
                    assert!(html.contains(&variant.label.get(lang).replace('\'', "&#39;")), "{name}: {}", variant.id);
                }
            }
            // Every document, step and refusal ground is an item of a numbered list.
            let r = &record.reglament;
            let items = r.standard.documents.len() + r.procedure.steps.len() + r.procedure.refusal_grounds.len();
            assert!(html.matches("<li>").count() >= items, "{name} {lang}");
            for g in &r.procedure.refusal_grounds {
                let shown = g.text.get(lang).replace('\'', "&#39;").replace('"', "&quot;");
                assert!(html.contains(&shown), "{name} {lang}: refusal ground {shown}");
            }
        }
    }
}

#[test]
fn rendering_shows_labels_durations_and_money() {
    let record = fixture("driving-licence-variants");
    let az = to_html(&record, "az");
    assert!(az.contains("30.00 AZN") && az.contains("60.00 AZN"));
    assert!(az.contains("10 iş günü"));
    assert!(az.contains("30 təqvim günü"));
    assert!(az.contains("Tranzaksiyalı xidmət"), "service type label");
    assert!(az.contains("Azərbaycan Respublikasının Daxili İşlər Nazirliyi (DIN)"), "provider label");
    assert!(az.contains("<a href=\"https://www.mia.gov.az\">https://www.mia.gov.az</a>"));
    let en = to_html(&record, "en");
    assert!(
        en.contains("10 working days")
            && en.contains("Transactional service")
            && en.contains("<h2>1. General provisions</h2>")
    );
    assert!(en.contains("Issue and replacement of a driving licence"));
    let ru = to_markdown(&record, "ru");
    assert!(ru.contains("10 рабочих дней"));
    assert!(ru.contains("2 рабочих дня"));
    assert!(ru.contains("# Выдача и замена водительского удостоверения"));
    // Texts without a Russian translation fall back to Azerbaijani, marked as such in HTML.
    let ru_html = to_html(&record, "ru");
    assert!(ru_html.contains("<span lang=\"az\">Müəyyən edilmiş formada ərizə</span>"));
    // The name in the other languages is given under the title.
    assert!(az.contains("<p class=\"alt\" lang=\"en\">English: Issue and replacement of a driving licence</p>"));
    let md = to_markdown(&record, "az");
    assert!(md.contains("- **Məbləğ:** 30.00 AZN"));
    assert!(md.contains("1. Müəyyən edilmiş formada ərizə\n   - **Növü:**"));
}

const PAYLOAD: &str =
    "<script>alert(1)</script>\"><img src=x onerror=alert(2)>[x](javascript:alert(3)) ' & *b* _i_ # | ` \\";

/// Replaces every string leaf the model accepts as free text (a leaf whose replacement still
/// deserializes: not a code, date, identifier or amount) with the payload. Returns how many it replaced.
fn poison(value: &mut Value) -> usize {
    fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::String(_) => out.push(at),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
            Value::Object(o) => {
                o.iter().for_each(|(k, x)| leaves(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
            }
            _ => {}
        }
    }
    let mut pointers = Vec::new();
    leaves(value, String::new(), &mut pointers);
    let mut replaced = 0;
    for p in pointers {
        let old = std::mem::replace(value.pointer_mut(&p).unwrap(), Value::String(PAYLOAD.into()));
        if serde_json::from_value::<Record>(value.clone()).is_ok() {
            replaced += 1;
        } else {
            *value.pointer_mut(&p).unwrap() = old;
        }
    }
    replaced
}

/// Tags (`<name ...>`) in an HTML text.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').map(|e| start + e + 1).unwrap_or(rest.len());
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn no_text_reaches_html_or_markdown_unescaped() {
    const OWN_TAGS: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header", "section", "h1", "h2", "h3",
        "p", "table", "tr", "th", "td", "ol", "li", "span", "a",
    ];
    for (name, _, json) in fixtures() {
        let mut json = json.clone();
        let replaced = poison(&mut json);
        assert!(replaced >= 20, "{name}: only {replaced} free-text fields");
        assert_eq!(json.pointer("/reglament/general/name/az").unwrap(), PAYLOAD, "{name}");
        let record: Record = serde_json::from_value(json).unwrap();
        for lang in ["az", "en", "ru"] {
            let html = to_html(&record, lang);
            assert!(!html.contains("<script"), "{name} {lang}");
            assert!(!html.contains("<img"), "{name} {lang}");
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
            for tag in tags(&html) {
                let tag_name = tag.trim_start_matches(['<', '/']).split([' ', '>']).next().unwrap();
                assert!(OWN_TAGS.contains(&tag_name), "{name} {lang}: unexpected tag {tag}");
                assert!(!tag.contains("onerror"), "{name} {lang}: {tag}");
                if let Some(href) = tag.split("href=\"").nth(1) {
                    assert!(href.starts_with("https://") || href.starts_with("http://"), "{name} {lang}: {tag}");
                }
            }
            assert!(!html.to_lowercase().contains("href=\"javascript:"));

            let md = to_markdown(&record, lang);
            assert!(!md.contains('<'), "{name} {lang}: raw HTML in Markdown");
            assert!(md.contains("&lt;script&gt;"), "{name} {lang}: the text is still shown");
            // Every markup character of the payload is escaped: an odd run of backslashes before it.
            let bytes = md.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if matches!(b, b'[' | b']' | b'`' | b'|' | b'_') {
                    let run = bytes[..i].iter().rev().take_while(|c| **c == b'\\').count();
                    assert_eq!(run % 2, 1, "{name} {lang}: unescaped {} at {i}", *b as char);
                }
            }
            assert_eq!(md.matches("](javascript:").count(), md.matches("\\](javascript:").count(), "{name} {lang}");
        }
        let ld = script_tag(&to_jsonld(&record));
        assert_eq!(ld.matches("</script>").count(), 1);
        assert!(!ld.contains("<img"));
    }
}

// ---------------------------------------------------------------------------------------------------
// Canonical bytes (RFC 8785) and digest

#[test]
fn rfc8785_vectors() {
    let dir = root().join("tests/vectors/rfc8785");
    let mut cases = 0;
    for entry in std::fs::read_dir(dir.join("input")).unwrap().flatten() {
        let input: Value = serde_json::from_slice(&std::fs::read(entry.path()).unwrap()).unwrap();
        let expected = std::fs::read(dir.join("output").join(entry.file_name())).unwrap();
        let actual = canonical_json(&input);
        assert_eq!(actual.as_bytes(), expected.as_slice(), "{:?}", entry.file_name());
        cases += 1;
    }
    assert!(cases >= 6);
    let numbers = std::fs::read_to_string(dir.join("numbers.txt")).unwrap();
    let mut n = 0;
    for line in numbers.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (hex, expected) = line.split_once(' ').unwrap();
        let f = f64::from_bits(u64::from_str_radix(hex, 16).unwrap());
        assert_eq!(number_to_string(f), expected, "{hex}");
        // And inside a JSON value, as canonical_json writes it.
        let v = Value::Number(serde_json::Number::from_f64(f).unwrap());
        assert_eq!(canonical_json(&v), expected, "{hex}");
        n += 1;
    }
    assert!(n >= 24, "the RFC 8785 Appendix B table");
}

#[test]
fn integers_are_written_as_doubles() {
    let v: Value =
        serde_json::from_str("[0, -0, 9007199254740993, 18446744073709551615, -9223372036854775808]").unwrap();
    assert_eq!(canonical_json(&v), "[0,0,9007199254740992,18446744073709552000,-9223372036854776000]");
}

fn reversed(v: &Value) -> Value {
    match v {
        Value::Object(o) => {
            // serde_json's map is sorted; rebuild through text with the members written in reverse order.
            let members: Vec<String> = o
                .iter()
                .rev()
                .map(|(k, x)| {
                    format!(
                        "{}:{}",
                        serde_json::to_string(k).unwrap(),
                        serde_json::to_string_pretty(&reversed(x)).unwrap()
                    )
                })
                .collect();
            serde_json::from_str(&format!("{{\n  {}\n}}", members.join(",\n  "))).unwrap()
        }
        Value::Array(a) => Value::Array(a.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

#[test]
fn canonical_bytes_do_not_depend_on_member_order_or_whitespace() {
    for (name, record, json) in fixtures() {
        let bytes = canonical_bytes(&record);
        // Parse the fixture text written differently: members reversed, pretty-printed.
        let text = serde_json::to_string_pretty(&reversed(&json)).unwrap();
        let again = parse_record(text.as_str(), &Options::default()).unwrap().value;
        assert_eq!(canonical_bytes(&again), bytes, "{name}");
        // The canonical text is itself JSON of the same record, and a fixed point.
        let canonical: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(canonical_json(&canonical).into_bytes(), bytes, "{name}");
        let back: Record = serde_json::from_value(canonical).unwrap();
        assert_eq!(canonical_bytes(&back), bytes, "{name}");
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains('\n'), "{name}: one line");
    }
}

#[test]
fn digest_is_stored_verified_and_excluded_from_the_signed_bytes() {
    for (name, record, _) in fixtures() {
        let Some(_) = record.submission else {
            let err = with_digest(&record).unwrap_err();
            assert!(matches!(err, DigestError::NoSubmission { .. }));
            assert!(err.to_string().contains("no \"submission\""), "{err}");
            assert_eq!(verify_digest(&record), DigestCheck::Missing);
            continue;
        };
        // A fixture may carry its digest already (computed independently): it must verify.
        if record.submission.as_ref().is_some_and(|s| s.digest.is_some()) {
            assert_eq!(verify_digest(&record), DigestCheck::Valid, "{name}: stored digest");
        } else {
            assert_eq!(verify_digest(&record), DigestCheck::Missing, "{name}");
        }
        let signed = with_digest(&record).unwrap();
        let d = signed.submission.as_ref().unwrap().digest.as_ref().unwrap();
        assert_eq!(d.value.len(), 64);
        assert!(d.value.chars().all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)));
        assert_eq!(d.value, digest(&record));
        assert_eq!(serde_json::to_value(d).unwrap()["algorithm"], "sha-256");
        assert_eq!(canonical_bytes(&signed), canonical_bytes(&record), "{name}: the digest is not signed");
        assert_eq!(verify_digest(&signed), DigestCheck::Valid, "{name}");
        // Signing twice gives the same digest; the signed record is still a valid record.
        assert_eq!(with_digest(&signed).unwrap(), signed);
        let text = serde_json::to_string_pretty(&signed).unwrap();
        let reparsed = parse_record(text.as_str(), &Options::default()).unwrap().value;
        assert_eq!(verify_digest(&reparsed), DigestCheck::Valid, "{name}");
    }
    // No fixture without a submission? Check the error on one anyway.
    let mut record = fixture("identity-card");
    record.submission = None;
    let err = with_digest(&record).unwrap_err();
    assert_eq!(
        err.to_string(),
        "record REC-2026-000101 has no \"submission\" block: add the submission (date and signer) before computing its digest"
    );
}

/// Every code of every code list (closed lists, providers, service areas).
fn codes() -> Vec<String> {
    let lists = CodeLists::built_in();
    let mut out: Vec<String> = dxer::codelists::EMBEDDED
        .iter()
        .filter_map(|(name, _)| lists.closed_list(name))
        .flat_map(|l| l.items.iter().map(|i| i.code.clone()))
        .collect();
    out.extend(lists.providers().map(|p| p.code.clone()));
    for (name, json) in dxer::codelists::EMBEDDED {
        if *name == "service-areas" {
            let v: Value = serde_json::from_str(json).unwrap();
            out.extend(v["items"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap().to_string()));
        }
    }
    out
}

/// Mutations that keep a leaf's type: tried in order until the record still deserializes.
fn mutations(v: &Value) -> Vec<Value> {
    match v {
        Value::Bool(b) => vec![Value::Bool(!b)],
        Value::Number(n) => {
            let n = n.as_u64().unwrap();
            vec![(n + 1).into(), n.saturating_sub(1).into()]
        }
        Value::String(s) => {
            let mut out = vec![Value::String(format!("{s}x")), Value::String(format!("{s}X"))];
            if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                out.push(Value::String((d - chrono::Days::new(1)).to_string()));
            }
            if let Some(stripped) = s.strip_suffix(|c: char| c.is_ascii_digit()) {
                out.push(Value::String(format!("{stripped}9")));
                out.push(Value::String(format!("{stripped}8")));
            }
            out.extend(codes().into_iter().map(Value::String));
            out
        }
        _ => vec![],
    }
}

#[test]
fn changing_any_field_after_signing_is_a_mismatch() {
    for (name, record, _) in fixtures() {
        if record.submission.is_none() {
            continue;
        }
        let signed = with_digest(&record).unwrap();
        let json = serde_json::to_value(&signed).unwrap();
        let mut pointers = Vec::new();
        fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
            match v {
                Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| leaves(x, format!("{at}/{i}"), out)),
                Value::Object(o) => o.iter().for_each(|(k, x)| leaves(x, format!("{at}/{k}"), out)),
                _ => out.push(at),
            }
        }
        leaves(&json, String::new(), &mut pointers);
        let (mut changed, mut unchanged) = (0, Vec::new());
        for p in pointers.iter().filter(|p| !p.starts_with("/submission/digest")) {
            let original = json.pointer(p).unwrap();
            let candidate = mutations(original).into_iter().filter(|m| m != original).find_map(|m| {
                let mut copy = json.clone();
                *copy.pointer_mut(p).unwrap() = m;
                serde_json::from_value::<Record>(copy).ok().filter(|r| r != &signed)
            });
            match candidate {
                Some(r) => {
                    changed += 1;
                    match verify_digest(&r) {
                        DigestCheck::Mismatch { stored, actual } => {
                            assert_eq!(stored, digest(&signed));
                            assert_ne!(stored, actual);
                        }
                        other => panic!("{name}: changing {p} gives {other:?}"),
                    }
                }
                None => unchanged.push(p.clone()),
            }
        }
        assert!(unchanged.is_empty(), "{name}: no mutation found for {unchanged:?}");
        assert!(changed > 50, "{name}: {changed} fields");
        // Reordering a list is a change too; removing an element is a change.
        let mut reordered = signed.clone();
        reordered.reglament.general.legal_basis.stated_mut().unwrap().reverse();
        if reordered != signed {
            assert!(matches!(verify_digest(&reordered), DigestCheck::Mismatch { .. }), "{name}");
        }
        let mut shorter = signed.clone();
        shorter.reglament.general.channels.stated_mut().unwrap().pop();
        assert!(matches!(verify_digest(&shorter), DigestCheck::Mismatch { .. }), "{name}");
        // Tampering with the digest itself is a mismatch as well.
        let mut forged = signed.clone();
        forged.submission.as_mut().unwrap().digest.as_mut().unwrap().value = "0".repeat(64);
        assert!(matches!(verify_digest(&forged), DigestCheck::Mismatch { .. }), "{name}");
    }
}
