//! The records the registry benchmarks load: the identity-card fixture varied `n` times (unique record ids
//! and service codes; providers, forms, fees, composites and a dissolved provider varied), as JSON Lines,
//! and the registration card of the information system they use. Shared by `benches/registry.rs` (in
//! process) and `benches/registry_cli.rs` (the `dxer` command, one fresh process per run).

use std::path::PathBuf;

use serde_json::{json, Value};

const PROVIDERS: &[&str] = &["DIN", "EN", "DVX", "EEMSN", "SN", "ETN", "IN", "KTN", "ASAN", "DMX", "DSMF", "AZERSU"];
const FORMS: &[&str] = &["electronic", "in_person", "mixed"];

fn fixture() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid/identity-card/input.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("identity-card fixture")).expect("valid JSON")
}

/// `n` records as JSON Lines (≈ 7.9 KB a record).
pub fn generate(n: usize) -> String {
    let base = fixture();
    let mut out = String::with_capacity(n * 9_000);
    for i in 0..n {
        let mut r = base.clone();
        r["record_id"] = json!(format!("REC-B-{i:07}"));
        let g = &mut r["reglament"]["general"];
        g["service_code"] = json!(format!("DX-{i:06}"));
        // One service in 97 still belongs to the renamed 2013 ministry (DXER-P002, DXER-X004).
        g["provider"] = json!(if i % 97 == 0 { "RITN" } else { PROVIDERS[i % PROVIDERS.len()] });
        g["form"] = json!(FORMS[i % FORMS.len()]);
        if i % 50 == 49 {
            g["components"] = json!([format!("DX-{:06}", i - 1), format!("DX-{:06}", i - 2)]);
        }
        if i % 4 == 0 {
            r["reglament"]["standard"]["fees"] = json!({"free": true});
        } else {
            r["reglament"]["standard"]["fees"]["tiers"][0]["amount"] = json!(format!("{}.00", 5 + i % 20));
        }
        if i % 10 == 0 {
            r["status"] = json!("registered");
        }
        out.push_str(&r.to_string());
        out.push('\n');
    }
    out
}

/// The registration card of the one information system the records use (`IS-IAMAS`).
pub const CARDS: &str = r#"[{"code": "IS-IAMAS", "name": {"az": "İdentifikasiya, Autentifikasiya və Miqrasiya Avtomatlaşdırılmış Sistemi"},
  "owner": "DIN", "operator": "DIN", "legal_act": {"type": "law", "number": "614-IQ", "date": "1999-02-14",
  "title": {"az": "Şəxsiyyət vəsiqəsi haqqında Qanun"}}, "purpose": {"az": "Şəxsiyyət vəsiqələrinin uçotu"},
  "personal_data": true, "personal_data_register": {}, "hosting": "g_cloud"}]"#;
