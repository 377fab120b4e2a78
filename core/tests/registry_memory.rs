//! What a registry holds grows linearly with its records and stays about the size of its input (issue 16):
//! it keeps each record's compact text and a few facts, not the typed record. Measured with a counting
//! allocator (the bytes allocated and not freed), without timing; the one test of this file, so that no
//! other test allocates meanwhile.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering};

use dxer::registry::Registry;
use serde_json::{json, Value};

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

fn count(bytes: usize, sign: isize) {
    LIVE.fetch_add(sign * isize::try_from(bytes).unwrap_or(isize::MAX), Ordering::Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        count(layout.size(), -1);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(layout.size(), -1);
            count(new_size, 1);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `n` records as JSON Lines: the identity-card fixture under other ids, codes and providers (records
/// without findings: a record's findings are held beside it, in three languages, whatever its size).
fn records(n: usize) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid/identity-card/input.json");
    let base: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let providers = ["DIN", "EN", "DVX", "ASAN", "SN"];
    let mut out = String::new();
    for i in 0..n {
        let mut r = base.clone();
        r["record_id"] = json!(format!("REC-M-{i:07}"));
        r["reglament"]["general"]["service_code"] = json!(format!("DX-{i:06}"));
        r["reglament"]["general"]["provider"] = json!(providers[i % providers.len()]);
        out.push_str(&r.to_string());
        out.push('\n');
    }
    out
}

/// The bytes a registry of `text` holds once loaded, and the registry.
fn held(text: &str) -> (usize, Registry) {
    let before = LIVE.load(Ordering::SeqCst);
    let registry = Registry::from_json_lines(text);
    let after = LIVE.load(Ordering::SeqCst);
    (usize::try_from(after - before).unwrap(), registry)
}

#[test]
fn a_registry_holds_about_its_input_and_grows_linearly() {
    let (small, large) = (40, 400);
    let (text_small, text_large) = (records(small), records(large));
    // What is made once, on first use (the code lists, the rules' tables), is not the registry's.
    drop(Registry::from_json_lines(&records(4)));
    let (held_small, registry) = held(&text_small);
    assert_eq!(registry.len(), small);
    drop(registry);
    let (held_large, registry) = held(&text_large);
    assert_eq!(registry.len(), large);
    // The whole record can still be had.
    assert_eq!(registry.records().nth(7).unwrap().record_id.as_str(), "REC-M-0000007");
    let per_small = held_small as f64 / small as f64;
    let per_large = held_large as f64 / large as f64;
    let input = text_large.len() as f64 / large as f64;
    println!("{per_small:.0} and {per_large:.0} bytes held per record of {input:.0} bytes of JSON Lines");
    // Linear: the same per record at 10x the records (within the slack of growing lists).
    assert!((per_large / per_small - 1.0).abs() < 0.1, "{per_small:.0} vs {per_large:.0} bytes per record");
    // About the input: its compact text and a few hundred bytes of facts and indexes, not a typed record
    // (which alone takes more than its text).
    assert!(per_large <= 1.08 * input, "{per_large:.0} bytes held per record of {input:.0}");
    assert!(per_large >= 0.9 * input, "the text is held: {per_large:.0} bytes per record of {input:.0}");
}
