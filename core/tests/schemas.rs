//! The published schemas in `schemas/` are exactly what the model types generate.
//! `DXER_BLESS=1 cargo test -p dxer --test schemas` rewrites them.

use std::path::PathBuf;

use dxer::schema::generate_text;
use dxer::DocumentKind;

fn check(kind: DocumentKind, file: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas").join(file);
    let generated = generate_text(kind);
    if std::env::var_os("DXER_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap();
    assert!(
        committed == generated,
        "{} differs from what the model types generate; run DXER_BLESS=1 cargo test -p dxer --test schemas",
        path.display()
    );
}

#[test]
fn record_schema_is_up_to_date() {
    check(DocumentKind::Record, "record.schema.json");
}

#[test]
fn reglament_schema_is_up_to_date() {
    check(DocumentKind::Reglament, "reglament.schema.json");
}

/// The copies of the published schemas that the structural layer is compiled from, without regular
/// expressions (`dxer::schema::structure`), are up to date (blessed with the published schemas).
#[test]
fn compiled_copies_are_up_to_date() {
    for (kind, file) in [(DocumentKind::Record, "record"), (DocumentKind::Reglament, "reglament")] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("src/schema/{file}.structure.json"));
        let generated = dxer::schema::structure_text(kind);
        if std::env::var_os("DXER_BLESS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            committed == generated,
            "{} differs from the copy of the published schema; run DXER_BLESS=1 cargo test -p dxer --test schemas",
            path.display()
        );
    }
}

#[test]
fn published_data_files_match_their_schemas() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(root.join(p)).unwrap()).unwrap_or_else(|e| panic!("{p}: {e}"))
    };
    let mut pairs = vec![("calendar/az-calendar.json".to_string(), "calendar/az-calendar.schema.json")];
    for entry in std::fs::read_dir(root.join("codelists")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") && name != "codelist.schema.json" {
            pairs.push((format!("codelists/{name}"), "codelists/codelist.schema.json"));
        }
    }
    assert!(pairs.len() > 15);
    for (data, schema) in pairs {
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .should_validate_formats(true)
            .build(&read(schema))
            .unwrap_or_else(|e| panic!("{schema}: {e}"));
        let errors: Vec<String> =
            validator.iter_errors(&read(&data)).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{data} does not match {schema}:\n{}", errors.join("\n"));
    }
}

#[test]
fn information_system_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schemas/information-system.schema.json");
    let generated = dxer::registry::infosystem::generate_information_system_text();
    if std::env::var_os("DXER_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} differs from what the model types generate; run DXER_BLESS=1 cargo test -p dxer --test schemas",
        path.display()
    );
}
