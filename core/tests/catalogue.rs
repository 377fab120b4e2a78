//! `docs/rules.md` is generated from the rule catalogue; `DXER_BLESS=1` rewrites it.

use std::path::PathBuf;

#[test]
fn rules_doc_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    let generated = dxer::rules::catalogue::markdown();
    if std::env::var_os("DXER_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "docs/rules.md is stale; run DXER_BLESS=1 cargo test -p dxer --test catalogue");
}

#[test]
fn every_code_is_emitted_by_exactly_one_source_file() {
    // A newcomer finds a rule by searching its code: the catalogue plus the one place that emits it.
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("catalogue.rs") {
                // Code only: doc examples and comments may mention codes.
                let text = std::fs::read_to_string(&p).unwrap();
                let code: String =
                    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
                files.push((p.clone(), code));
            }
        }
    }
    for rule in dxer::rules::CATALOGUE {
        let quoted = format!("\"{}\"", rule.code);
        let emitters: Vec<_> =
            files.iter().filter(|(_, text)| text.contains(&quoted)).map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(emitters.len(), 1, "{} should be emitted from exactly one file, found {emitters:?}", rule.code);
    }
}

/// A code list: its name, and each code with its labels in az/en/ru.
type CodeList = (String, Vec<(String, [String; 3])>);

/// Every closed code list.
fn code_lists() -> Vec<CodeList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/codelists");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap();
        let (Some(name), Some(items)) = (v["codelist"].as_str(), v["items"].as_array()) else { continue };
        let labels = items
            .iter()
            .map(|i| {
                let l = &i["label"];
                let az = l["az"].as_str().unwrap_or_default().to_string();
                let get = |k: &str| l[k].as_str().map(str::to_string).unwrap_or_else(|| az.clone());
                (i["code"].as_str().unwrap_or_default().to_string(), [az.clone(), get("en"), get("ru")])
            })
            .collect();
        out.push((name.to_string(), labels));
    }
    out
}

/// The code list whose labels fill a placeholder of a message.
const LABEL_PLACEHOLDERS: &[(&str, &str)] = &[
    ("service_type", "service-types"),
    ("act_type", "legal-act-types"),
    ("channel", "channels"),
    ("unit", "durations"),
    ("instant", "durations"),
];

/// Item 7 of "real reglaments": every message of the catalogue, filled with every label that can fill its
/// placeholders, reads right: no raw code of a code list, no article that fits one label and not another.
#[test]
fn every_message_reads_right_with_every_label() {
    let lists = code_lists();
    let raw_codes: Vec<&str> =
        lists.iter().flat_map(|(_, items)| items.iter().map(|(c, _)| c.as_str())).filter(|c| c.contains('_')).collect();
    let mut checked = 0;
    for rule in dxer::rules::CATALOGUE {
        for (lang, template) in [(0, rule.az), (1, rule.en), (2, rule.ru)] {
            // An English article right before a value: "an \"{x}\"" cannot fit every value.
            if lang == 1 {
                let lower = template.to_lowercase();
                assert!(
                    !lower.contains("an \"{") && !lower.contains(" a \"{") && !lower.starts_with("a \"{"),
                    "{}: an article before a placeholder: {template}",
                    rule.code
                );
            }
            assert!(!template.contains("\"instant\""), "{}: a raw unit code in {template}", rule.code);
            let placeholders: Vec<&str> =
                template.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
            for (name, list) in LABEL_PLACEHOLDERS {
                if !placeholders.contains(name) {
                    continue;
                }
                let labels = &lists.iter().find(|(n, _)| n == list).unwrap().1;
                for (_, label) in labels {
                    let mut args: Vec<(&str, &str)> =
                        placeholders.iter().filter(|p| *p != name).map(|p| (*p, "X")).collect();
                    args.push((name, &label[lang]));
                    let text = dxer::rules::catalogue::fill(template, &args);
                    assert!(!text.contains('{'), "{}: unfilled placeholder in {text}", rule.code);
                    for code in &raw_codes {
                        let raw = text.split(|c: char| !c.is_alphanumeric() && c != '_').any(|w| w == *code);
                        assert!(!raw, "{}: raw code {code} in {text}", rule.code);
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} messages filled");
}
