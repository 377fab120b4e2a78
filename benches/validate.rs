//! Parse-only vs full validation of the largest valid fixture.
//!
//! `cargo bench -p dxer --bench validate` prints both times and their ratio. Target (issue #2): full
//! validation (parse + schema + semantic rules + text hygiene) within 3x of `serde_json::from_str::<Value>`
//! on the same bytes. Both are measured in the same run, so the ratio does not depend on the machine.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn largest_fixture() -> (String, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid");
    let mut best = (String::new(), String::new());
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/valid").flatten() {
        let path = entry.path().join("input.json");
        if let Ok(text) = std::fs::read_to_string(&path) {
            if text.len() > best.1.len() {
                best = (path.display().to_string(), text);
            }
        }
    }
    best
}

/// Median time per call over `rounds` rounds of `batch` calls, after a warm-up.
fn measure(rounds: usize, batch: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..batch {
        f();
    }
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed() / batch as u32
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn main() {
    // `cargo test --benches` runs bench targets with `--bench`-less args; keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (rounds, batch) = if quick { (3, 10) } else { (31, 400) };
    let (path, text) = largest_fixture();
    let opts = dxer::Options::default();
    let report = dxer::validate(text.as_str(), &opts);
    assert!(report.ok, "{path} must be valid: {:?}", report.findings);

    let parse = measure(rounds, batch, || {
        black_box(serde_json::from_str::<serde_json::Value>(black_box(&text)).unwrap());
    });
    let full = measure(rounds, batch, || {
        black_box(dxer::validate(black_box(text.as_str()), &opts));
    });
    let ratio = full.as_secs_f64() / parse.as_secs_f64();
    println!("fixture: {path} ({} bytes)", text.len());
    println!("parse only (serde_json::Value): {:>9.1} µs", parse.as_secs_f64() * 1e6);
    println!("full validation (dxer):         {:>9.1} µs", full.as_secs_f64() * 1e6);
    println!(
        "ratio full / parse:             {ratio:>9.2}x  (target: <= 3.00x) {}",
        if ratio <= 3.0 { "OK" } else { "ABOVE TARGET" }
    );
}
