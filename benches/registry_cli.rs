//! The one-shot command over a large registry: `dxer registry check` and `dxer registry stats` on a JSON Lines
//! file of 100,000 records, each run a fresh process (what a user or a nightly job pays: the first run).
//!
//! `cargo bench -p dxer-cli --bench registry_cli` writes the records of `benches/records.rs` (≈ 7.9 KB each,
//! 791 MB for 100,000) to a file, runs the release `dxer` binary on it as a child process three times per
//! command, and prints for each run the wall time and the child's peak resident memory (`ru_maxrss` of that
//! child, from `wait4`, on Unix; "n/a" elsewhere) beside the input's size. Targets (issue 16): under 2 s on
//! 2 cores, peak memory at most 1.2x the input. Without `--bench` (as `cargo test --benches` runs it): 1,000
//! records, one run each.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use records::{generate, CARDS};

mod records;

/// One run of the command: wall time, processor time (user + system, when known), peak resident memory in
/// bytes (when known), exit code.
struct Run {
    wall: Duration,
    cpu: Option<Duration>,
    peak: Option<u64>,
    code: Option<i32>,
}

/// Runs `dxer` with `args` (standard output to `out`), waiting for it with `wait4` to read its own peak RSS.
#[cfg(unix)]
fn run(args: &[&str], out: &Path) -> Run {
    let stdout = std::fs::File::create(out).expect("output file");
    let start = Instant::now();
    // Waited for below with `wait4`, which gives the child's own resource usage (`Child::wait` does not).
    #[allow(clippy::zombie_processes)]
    let child = Command::new(env!("CARGO_BIN_EXE_dxer"))
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("dxer runs");
    let pid = libc::pid_t::try_from(child.id()).expect("a pid");
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in; zeroes are a valid value of it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not waited for yet (`child` is dropped without `wait`); the pointers are
    // to live locals.
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    // Linux gives `ru_maxrss` in kilobytes (macOS in bytes).
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    let time = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    let cpu = Some(time(usage.ru_utime) + time(usage.ru_stime));
    Run { wall, cpu, peak: u64::try_from(usage.ru_maxrss).ok().map(|k| k * unit), code }
}

#[cfg(not(unix))]
fn run(args: &[&str], out: &Path) -> Run {
    let stdout = std::fs::File::create(out).expect("output file");
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_dxer")).args(args).stdout(stdout).status().expect("dxer runs");
    Run { wall: start.elapsed(), cpu: None, peak: None, code: status.code() }
}

fn main() {
    // `cargo test --benches` runs bench targets without `--bench`: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (n, rounds) = if quick { (1_000, 1) } else { (100_000, 3) };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("registry-cli-bench");
    std::fs::create_dir_all(&dir).expect("bench directory");
    let file = dir.join(format!("registry-{n}.jsonl"));
    let cards = dir.join("cards.json");
    let text = generate(n);
    // On the disk before the runs: the kernel writing 791 MB back in the background slowed every run
    // (2026-12-07, the same build: median 1.92 s, processor 3.48 s, against 1.65 s and 3.03 s once synced).
    let mut written = std::fs::File::create(&file).expect("records file");
    std::io::Write::write_all(&mut written, text.as_bytes()).expect("records file");
    written.sync_all().expect("records file on disk");
    std::fs::write(&cards, CARDS).expect("cards file");
    let size = text.len() as u64;
    drop(text);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    println!("threads: {threads}; input: {n} records, {:.1} MB of JSON Lines", size as f64 / 1e6);
    let (file, cards) = (file.to_string_lossy().into_owned(), cards.to_string_lossy().into_owned());
    let commands: [(&str, Vec<&str>); 2] = [
        ("check", vec!["registry", "check", &file, "--cards", &cards, "--json"]),
        ("stats", vec!["registry", "stats", &file, "--cards", &cards]),
    ];
    for (name, args) in &commands {
        let out = dir.join(format!("{name}.out"));
        let mut runs = Vec::new();
        for round in 1..=rounds {
            let r = run(args, &out);
            // 0 or 1 (findings): 2 would be an input that could not be read.
            assert!(matches!(r.code, Some(0 | 1)), "dxer {} exited with {:?}", args.join(" "), r.code);
            let printed = std::fs::read_to_string(&out).expect("output");
            match *name {
                "check" => assert!(printed.contains("DXER-X004"), "the renamed ministry is reported"),
                _ => assert!(printed.contains(&n.to_string()), "the totals count every service"),
            }
            let ratio = r.peak.map(|p| p as f64 / size as f64);
            println!(
                "dxer registry {name:<5} {n} records | run {round} (fresh process) | {:>6.3} s (processor {}) | \
                 peak memory {} ({} the input)",
                r.wall.as_secs_f64(),
                r.cpu.map_or("n/a".to_string(), |c| format!("{:.2} s", c.as_secs_f64())),
                r.peak.map_or("n/a".to_string(), |p| format!("{:.0} MB", p as f64 / 1e6)),
                ratio.map_or("n/a".to_string(), |x| format!("{x:.2}x")),
            );
            runs.push(r);
        }
        let mut walls: Vec<f64> = runs.iter().map(|r| r.wall.as_secs_f64()).collect();
        walls.sort_by(f64::total_cmp);
        let peak = runs.iter().filter_map(|r| r.peak).max();
        let mut cpus: Vec<f64> = runs.iter().filter_map(|r| r.cpu).map(|c| c.as_secs_f64()).collect();
        cpus.sort_by(f64::total_cmp);
        println!(
            "one-shot {name}: {n} records in {:.3} s (median of {rounds} fresh processes; {:.3}–{:.3} s; \
             processor {}), peak memory {:.2}x the input (target for 100,000: < 2 s on 2 cores, <= 1.2x)",
            walls[walls.len() / 2],
            walls[0],
            walls[walls.len() - 1],
            cpus.get(cpus.len() / 2).map_or("n/a".to_string(), |c| format!("{c:.2} s")),
            peak.map_or(f64::NAN, |p| p as f64 / size as f64),
        );
    }
}
