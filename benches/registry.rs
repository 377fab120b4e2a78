//! The whole registry: load + validate every record (JSON Lines), cross-record check, statistics.
//!
//! `cargo bench -p dxer --bench registry` generates 10,000 and 100,000 records in memory by varying the
//! identity-card fixture (unique record ids and service codes; providers, forms, fees, composites and a
//! dissolved provider varied), then times each phase and prints the process's peak memory (`VmHWM` from
//! `/proc/self/status` on Linux, "n/a" elsewhere). Each size runs three rounds; the ratio and the target use
//! the best, and the first (cold) round is printed too. Target (issue #3): linear growth (100k / 10k ≈ 10x)
//! and 100k records in under 2 s on 2 cores.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dxer::registry::Registry;
use records::{generate, CARDS};
use serde_json::Value;

mod records;

/// Peak resident memory of the process so far.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "n/a".to_string())
}

struct Run {
    n: usize,
    bytes: usize,
    load: Duration,
    check: Duration,
    stats: Duration,
}

impl Run {
    fn total(&self) -> Duration {
        self.load + self.check + self.stats
    }
}

/// Resident memory of the process now, in kB.
fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line["VmRSS:".len()..].trim().trim_end_matches(" kB").parse().ok()
}

/// Loads, checks and counts `n` generated records `rounds` times (the registry dropped in between) and
/// returns every round. The first round runs on memory the process has not used before; on a virtual
/// machine each new page costs a fault in the guest and in the host, so later rounds show what a
/// long-running process pays.
fn run(n: usize, rounds: usize) -> Vec<Run> {
    let text = generate(n);
    let mut runs = Vec::new();
    for round in 1..=rounds {
        let before = resident_kb();
        let start = Instant::now();
        let mut registry = Registry::from_json_lines(&text);
        assert!(registry.add_information_systems_json(CARDS).is_empty());
        let load = start.elapsed();
        assert_eq!(registry.len(), n, "every generated record is indexed");
        let start = Instant::now();
        let findings = black_box(registry.check());
        let check = start.elapsed();
        let start = Instant::now();
        let stats = black_box(registry.stats());
        let stats_time = start.elapsed();
        assert_eq!(stats.totals.services as usize, n);
        assert!(findings.iter().any(|f| f.finding.code == "DXER-X004"));
        let held = match (before, resident_kb()) {
            (Some(a), Some(b)) if round == 1 => format!("{:.1} kB/record", b.saturating_sub(a) as f64 / n as f64),
            _ => "-".to_string(),
        };
        let r = Run { n, bytes: text.len(), load, check, stats: stats_time };
        println!(
            "{:>7} records {:>6.1} MB round {round} | load+validate {:>8.3} s | check {:>7.3} s | stats {:>7.3} s | \
             total {:>8.3} s ({:>5.1} µs/record) | problems {} | findings {} | peak memory {} | registry holds {}",
            r.n,
            r.bytes as f64 / 1e6,
            r.load.as_secs_f64(),
            r.check.as_secs_f64(),
            r.stats.as_secs_f64(),
            r.total().as_secs_f64(),
            r.total().as_secs_f64() * 1e6 / n as f64,
            registry.problems().len(),
            findings.len(),
            peak_memory(),
            held
        );
        drop(registry);
        runs.push(r);
    }
    runs
}

/// The fastest of `runs`.
fn best(runs: &[Run]) -> Duration {
    runs.iter().map(Run::total).min().unwrap_or_default()
}

/// Where the time of loading goes, one thread, on `n` generated records (best of 3 rounds, µs per record):
/// parsing a line into a `serde_json::Value`, `dxer::validate` on the value (the direct path from a value),
/// the JSON Schema alone,
/// `dxer::validate` on the line itself (the direct path into the types, with the same report),
/// and building the typed `Record` (from the value, or from the text).
fn breakdown(n: usize) {
    use serde::Deserialize;
    let text = generate(n);
    let lines: Vec<&str> = text.lines().collect();
    let values: Vec<Value> = lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let opts = dxer::Options::default();
    let best = |f: &mut dyn FnMut()| {
        (0..3)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1e6 / n as f64
            })
            .fold(f64::INFINITY, f64::min)
    };
    let parse = best(&mut || lines.iter().for_each(|l| drop(black_box(serde_json::from_str::<Value>(l).unwrap()))));
    let validate = best(&mut || values.iter().for_each(|v| drop(black_box(dxer::validate(v, &opts)))));
    // The same validation from the text: the direct path (no `Value`), what the registry's loader runs.
    let direct = best(&mut || lines.iter().for_each(|l| drop(black_box(dxer::validate(*l, &opts)))));
    // dxer's own structural layer: the published schema compiled into code at build time.
    let validator = dxer::schema::validator(dxer::DocumentKind::Record);
    let schema_only = best(&mut || values.iter().for_each(|v| assert!(black_box(validator.is_valid(v)))));
    let typed_value =
        best(&mut || values.iter().for_each(|v| drop(black_box(dxer::model::Record::deserialize(v.clone()).unwrap()))));
    let clone = best(&mut || values.iter().for_each(|v| drop(black_box(v.clone()))));
    let typed_text = best(&mut || {
        lines.iter().for_each(|l| drop(black_box(serde_json::from_str::<dxer::model::Record>(l).unwrap())))
    });
    println!("breakdown on {n} records, one thread, best of 3, µs per record:");
    println!("  parse a line into serde_json::Value       {parse:>7.1}");
    println!("  dxer::validate(&Value): direct, from it   {validate:>7.1}  (parse not included)");
    println!("  the JSON Schema alone (is_valid)          {schema_only:>7.1}  (what the direct path does not run)");
    println!("  Record::deserialize(Value)                {:>7.1}", typed_value - clone);
    println!("  Record from the text (serde_json)         {typed_text:>7.1}");
    println!("  dxer::validate(text): the direct path     {direct:>7.1}  (parse included, no Value)");
}

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (small, large) = if quick { (100, 1_000) } else { (10_000, 100_000) };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("threads: {threads}");
    let rounds = if quick { 1 } else { 3 };
    let a = run(small, rounds);
    let b = run(large, rounds);
    let ratio = best(&b).as_secs_f64() / best(&a).as_secs_f64();
    println!(
        "ratio {large} / {small} records: {ratio:.2}x (linear: 10x); {large} records in {:.3} s, best of {rounds} \
         (first run, on memory new to the process: {:.3} s) (target for 100,000: < 2 s on 2 cores)",
        best(&b).as_secs_f64(),
        b[0].total().as_secs_f64()
    );
    breakdown(if quick { 100 } else { 5_000 });
}
