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
