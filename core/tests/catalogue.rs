//! `docs/rules.md` is generated from the rule catalogue; `DXER_BLESS=1` rewrites it.

use std::path::PathBuf;

#[test]
fn rules_doc_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    let generated = dxer::rules::markdown::markdown();
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
            } else if p.extension().is_some_and(|x| x == "rs")
                && !p.components().any(|c| c.as_os_str() == "catalogue")
                // A module's unit tests (`tests.rs`) assert codes; they emit none.
                && p.file_name().is_some_and(|n| n != "tests.rs")
            {
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

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = std::collections::BTreeSet::new();
    for r in dxer::rules::CATALOGUE {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let tail = r.code.strip_prefix("DXER-").expect("DXER- prefix");
        assert_eq!(tail.len(), 4, "{}", r.code);
        assert!(tail.as_bytes()[0].is_ascii_uppercase());
        assert!(tail[1..].bytes().all(|b| b.is_ascii_digit()));
        assert!(!r.az.is_empty() && !r.en.is_empty() && !r.ru.is_empty() && !r.provision.text.is_empty());
    }
}

#[test]
fn templates_use_the_same_placeholders_in_every_language() {
    fn names(t: &str) -> std::collections::BTreeSet<&str> {
        t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n)).collect()
    }
    for r in dxer::rules::CATALOGUE {
        assert_eq!(names(r.az), names(r.en), "{} az/en placeholders differ", r.code);
        assert_eq!(names(r.ru), names(r.en), "{} ru/en placeholders differ", r.code);
    }
}

// ---- citations: issue 14 part 2 ------------------------------------------------------------------------

use dxer::rules::catalogue::Provenance;

/// Words that cite the three annexes of CM decision No. 129 (2026), whose text is not public: annex 1
/// "Dövlət xidmətinin reqlamentinin nümunəvi forması" (model reglament form), annex 2 "... daxil ediləcək
/// məlumatların siyahısı" (DXER data list), annex 3 "... informasiya sistemi haqqında Əsasnamə" (DXER
/// statute); and the word "annex" itself, in English, Azerbaijani and Russian (matched in lower case).
const ANNEX_WORDS: &[&str] = &[
    "annex",
    "model reglament form",
    "data list",
    "dxer statute",
    "əlavə",
    "nümunəvi forma",
    "məlumatların siyahısı",
    "əsasnamə",
    "приложени",
    "типовая форма",
    "перечень данных",
    "положение о",
];

/// Names of the acts whose text is in the seed documents.
const SEED_ACTS: &[&str] =
    &["CM decision No. 129 (2026)", "decree No. 429 of 23 May 2011", "CM decision No. 59", "e-Government bulletin"];

/// The parts of a provision: split at `;` outside brackets and parentheses.
fn parts(text: &str) -> Vec<&str> {
    let (mut out, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ';' if depth == 0 => {
                out.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(text[start..].trim());
    out
}

fn cites_annexes(part: &str) -> bool {
    let lower = part.to_lowercase();
    ANNEX_WORDS.iter().any(|w| lower.contains(w))
}

/// The ground of one part, read from its marks and the act it names.
fn ground(part: &str) -> Provenance {
    if part.contains("[choice") {
        Provenance::Choice
    } else if part.contains("[reconstruction") {
        Provenance::Reconstruction
    } else if part.contains("as reported") {
        Provenance::Reported
    } else if SEED_ACTS.iter().any(|a| part.contains(a)) {
        Provenance::Seed
    } else {
        Provenance::PublicAct
    }
}

/// What is wrong with a provision's citation, if anything.
fn citation_defects(text: &str, declared: Provenance) -> Vec<String> {
    let mut defects = Vec::new();
    for part in parts(text) {
        if cites_annexes(part) && !part.contains("[reconstruction]") {
            defects.push(format!("cites the unpublished annexes without [reconstruction]: {part:?}"));
        }
        // The 7-day periods of the registry are the law's, not decision No. 129's (§6 sets only the 30 days).
        if part.contains("7 working days") && !part.contains("279-VIIQ") {
            defects.push(format!("a 7-working-day period cited to another act than Law No. 279-VIIQ: {part:?}"));
        }
    }
    let derived = parts(text).into_iter().map(ground).max().unwrap_or(Provenance::PublicAct);
    if derived != declared {
        defects.push(format!("declared {declared}, but its marks and acts say {derived}"));
    }
    defects
}

#[test]
fn every_citation_of_the_annexes_is_marked_and_every_ground_agrees_with_the_marks() {
    let mut defects = Vec::new();
    for r in dxer::rules::CATALOGUE {
        for d in citation_defects(r.provision.text, r.provision.provenance) {
            defects.push(format!("{}: {d}", r.code));
        }
    }
    assert!(defects.is_empty(), "{} citation defect(s):\n{}", defects.len(), defects.join("\n"));
}

#[test]
fn the_citation_check_refuses_what_it_should() {
    use Provenance::*;
    // Unmarked citations of the annexes, in each of their names.
    for text in [
        "CM decision No. 129 (2026), annex 2: DXER data list",
        "Model reglament form §2 (fees)",
        "Model reglament form §2 (fees); Labour Code art. 105 [reconstruction]",
        "DXER statute (registry workflow)",
        "Dövlət xidmətinin reqlamentinin nümunəvi forması, 1 nömrəli əlavə",
    ] {
        assert!(!citation_defects(text, Reconstruction).is_empty(), "{text}");
    }
    // The 7/7 days put in decision No. 129 §6.
    assert!(!citation_defects("CM decision No. 129 (2026), §6 (30/7 working days)", Seed).is_empty());
    // A ground that disagrees with the marks.
    assert!(!citation_defects("Presidential decree No. 429 of 23 May 2011, §2.2", Reconstruction).is_empty());
    assert!(!citation_defects("Model reglament form §1 [reconstruction]; ids [choice]", Reconstruction).is_empty());
    // And what is right passes.
    assert!(citation_defects("Model reglament form §2 (fees) [reconstruction]; Law on State Duty", Reconstruction)
        .is_empty());
    assert!(citation_defects("Presidential decree No. 429 of 23 May 2011, §2.2 (exact list)", Seed).is_empty());
    assert!(citation_defects("Labour Code art. 105", PublicAct).is_empty());
    assert!(citation_defects(
        "CM decision No. 129 (2026), §6 (30 days); Law No. 279-VIIQ (7 working days; as reported on its signing)",
        Reported
    )
    .is_empty());
}

#[test]
fn the_rules_doc_shows_every_rules_ground() {
    let doc = dxer::rules::markdown::markdown();
    for r in dxer::rules::CATALOGUE {
        let row = doc.lines().find(|l| l.starts_with(&format!("| `{}` |", r.code))).expect(r.code);
        assert!(row.contains(&format!("| {} | {} |", r.provision.provenance, r.provision.text)), "{row}");
    }
    for kind in Provenance::ALL {
        assert!(doc.contains(&format!("- `{kind}` (")), "the legend misses {kind}");
    }
}
