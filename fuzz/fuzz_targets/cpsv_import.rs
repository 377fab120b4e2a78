//! CPSV-AP JSON-LD import from arbitrary text (`dxer::convert::cpsv::from_jsonld_str`).
//!
//! Invariants, beyond "never panics": text that is not JSON is refused with a `DXER-J…` finding; an
//! import is deterministic (same record, losses and report twice) and every loss says why.
#![no_main]

use dxer::DocumentKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match dxer::convert::cpsv::from_jsonld_str(text) {
        Err(refused) => {
            assert!(!refused.ok);
            assert!(refused.findings.iter().all(|f| f.code.starts_with("DXER-J")), "{:?}", refused.findings);
        }
        Ok(imported) => {
            let again = dxer::convert::cpsv::from_jsonld_str(text).expect("the same text imports twice");
            assert_eq!(again.record, imported.record);
            assert_eq!(again.losses, imported.losses);
            assert_eq!(again.report, imported.report);
            for loss in &imported.losses {
                assert!(!loss.reason.is_empty(), "{loss:?}");
            }
            assert_eq!(imported.report.kind, DocumentKind::Record);
        }
    }
});
