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
