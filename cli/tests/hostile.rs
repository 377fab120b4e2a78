//! The `dxer` binary on hostile inputs and outputs: outputs are never lost, reads are bounded, a failure
//! is loud, file names cannot steer the terminal. Every run has a time limit, so that a read that blocks
//! (a FIFO, `/dev/zero`) fails the test instead of hanging the suite.

use std::path::Path;
use std::time::Duration;

use predicates::prelude::*;

mod common;
use common::{root, VALID};

const LIMIT: Duration = Duration::from_secs(60);

/// The binary with the time limit every run here has.
fn dxer() -> assert_cmd::Command {
    let mut cmd = common::dxer();
    cmd.timeout(LIMIT);
    cmd
}

fn valid_text() -> String {
    std::fs::read_to_string(root().join(VALID)).unwrap()
}

/// A valid record with its own record id (`n` > 0).
fn record(n: usize) -> String {
    let mut v: serde_json::Value = serde_json::from_str(&valid_text()).unwrap();
    v["record_id"] = format!("REC-2026-{:06}", 500_000 + n).into();
    v.to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The TOTAL services of `registry stats`.
fn total_services(out: &std::process::Output) -> usize {
    let text = stdout(out);
    let line = text.lines().find(|l| l.starts_with("TOTAL")).unwrap_or_else(|| panic!("no TOTAL in {text}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn convert_refuses_two_inputs_that_would_write_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    // Four different records (the same record twice would be exported once).
    for (n, sub) in ["a", "b"].into_iter().enumerate() {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("x.json"), record(n + 1)).unwrap();
    }
    // Letter case folded too: X.json would be the same file on a case-insensitive file system.
    std::fs::write(dir.path().join("X.json"), record(3)).unwrap();
    std::fs::write(dir.path().join("y.json"), record(4)).unwrap();
    let out_dir = dir.path().join("out");
    let out = dxer()
        .args(["convert", "--internal", "--to", "cpsv", "-o"])
        .arg(&out_dir)
        .args([dir.path().join("a/x.json"), dir.path().join("b/x.json"), dir.path().join("X.json")])
        .arg(dir.path().join("y.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("is also that of"), "{err}");
    assert!(err.contains("3 input(s) not converted or output(s) not written"), "{err}");
    let mut written: Vec<String> =
        std::fs::read_dir(&out_dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written, ["y.cpsv.jsonld"], "neither colliding output is written, the others are");
}

#[test]
fn convert_replaces_an_existing_file_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(dir.path().join("x.json"), record(1)).unwrap();
    std::fs::write(dir.path().join("y.json"), record(2)).unwrap();
    let existing = out_dir.join("x.cpsv.jsonld");
    std::fs::write(&existing, "keep me").unwrap();
    let run = |force: bool| {
        let mut cmd = dxer();
        cmd.args(["convert", "--internal", "--to", "cpsv", "-o"]).arg(&out_dir);
        if force {
            cmd.arg("--force");
        }
        cmd.arg(dir.path().join("x.json")).arg(dir.path().join("y.json")).output().unwrap()
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("exists: not overwritten (--force replaces it)"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
    assert!(out_dir.join("y.cpsv.jsonld").exists(), "the other output is written");

    // y.cpsv.jsonld now exists too: --force replaces both.
    let out = run(true);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&existing).unwrap().contains("@context"));
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // The single-file form (-o FILE) follows the same rule.
    let single = dir.path().join("single.md");
    std::fs::write(&single, "keep me").unwrap();
    dxer()
        .args(["convert", "--internal", "--to", "md", "-o"])
        .arg(&single)
        .arg(dir.path().join("x.json"))
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&single).unwrap(), "keep me");
    dxer()
        .args(["convert", "--internal", "--to", "md", "--force", "-o"])
        .arg(&single)
        .arg(dir.path().join("x.json"))
        .assert()
        .code(0);
    assert_ne!(std::fs::read_to_string(&single).unwrap(), "keep me");
}

#[test]
fn convert_never_writes_over_its_input_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("r.json");
    std::fs::write(&input, valid_text()).unwrap();
    for force in [false, true] {
        let mut cmd = dxer();
        cmd.args(["convert", "--internal", "--to", "csv", "-o"]).arg(&input).arg(&input);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("is an input of this run: not overwritten"), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), valid_text(), "the input is intact");
    }
}

#[cfg(unix)]
#[test]
fn convert_does_not_follow_a_symbolic_link_out_of_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "outside").unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let link = out_dir.join("x.cpsv.jsonld");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    std::fs::write(dir.path().join("x.json"), valid_text()).unwrap();
    std::fs::write(dir.path().join("y.json"), valid_text()).unwrap();
    for force in [false, true] {
        let mut cmd = dxer();
        cmd.args(["convert", "--internal", "--to", "cpsv", "-o"]).arg(&out_dir);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.arg(dir.path().join("x.json")).arg(dir.path().join("y.json")).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("is a symbolic link: not followed"), "{}", stderr(&out));
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "outside");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }
}

#[test]
fn convert_keeps_going_after_an_output_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    // 250 bytes is a valid file name; its output name (".cpsv.jsonld" for ".json") is over 255.
    let long = dir.path().join(format!("{}.json", "l".repeat(245)));
    std::fs::write(&long, record(1)).unwrap();
    std::fs::write(dir.path().join("z.json"), record(2)).unwrap();
    let out_dir = dir.path().join("out");
    let out = dxer()
        .args(["convert", "--internal", "--to", "cpsv", "-o"])
        .arg(&out_dir)
        .arg(&long)
        .arg(dir.path().join("z.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("1 input(s) not converted or output(s) not written"), "{err}");
    assert!(err.contains(&"l".repeat(245)), "the summary names the input: {err}");
    assert!(out_dir.join("z.cpsv.jsonld").exists(), "the record after the failing one is written");
}

/// Runs `dxer` with standard input from `stdin`, killed after [`LIMIT`].
#[cfg(unix)]
fn run_with_stdin(args: &[&str], stdin: &Path) -> std::process::Output {
    // Not assert_cmd's `pipe_stdin`, which reads the whole file first: a real redirection.
    let bin = assert_cmd::cargo::cargo_bin("dxer");
    let mut child = std::process::Command::new(bin)
        .current_dir(root())
        .args(args)
        .stdin(std::fs::File::open(stdin).unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > LIMIT {
            child.kill().unwrap();
            panic!("dxer {args:?} < {} did not finish in {LIMIT:?}", stdin.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_file_over_the_limit_is_a_j003_finding_with_its_real_size() {
    let size = std::fs::metadata(root().join(VALID)).unwrap().len();
    dxer()
        .args(["validate", "--max-input-bytes", "100", VALID])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DXER-J003"))
        .stdout(predicate::str::contains(format!("{size} bytes, more than the limit of 100 bytes")));
    // A file far larger than memory would allow (sparse: no disk used) is refused by its length, unread.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    std::fs::File::create(&big).unwrap().set_len(3_000_000_000).unwrap();
    dxer()
        .args(["validate", "--format", "json"])
        .arg(&big)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("3000000000 bytes, more than the limit of 16777216 bytes"));
    let out = dxer().args(["registry", "stats"]).arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("DXER-J003"), "{}", stderr(&out));
    // A JSON Lines line over the limit is a finding of that line; the other lines are read.
    let lines = dir.path().join("lines.jsonl");
    std::fs::write(&lines, format!("{}\n{}\n{}\n", record(1), "x".repeat(20_000), record(2))).unwrap();
    let out = dxer().args(["validate", "--max-input-bytes", "15000", "--format", "json"]).arg(&lines).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let reports: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<(String, bool)> = reports
        .iter()
        .map(|r| (r["source"].as_str().unwrap().rsplit(':').next().unwrap().into(), r["ok"] == true))
        .collect();
    assert_eq!(codes, [("1".into(), true), ("2".into(), false), ("3".into(), true)]);
    assert!(stdout(&out).contains("20000 bytes, more than the limit of 15000 bytes"));
}

#[cfg(unix)]
#[test]
fn endless_inputs_are_refused_or_cut_promptly() {
    // /dev/zero behind a record file's name: not a regular file, refused before it is opened.
    let dir = tempfile::tempdir().unwrap();
    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    for command in [&["validate"][..], &["convert", "--internal", "--to", "cpsv"], &["registry", "stats"]] {
        dxer()
            .args(command)
            .arg(&zero)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("zero.json: not a regular file (a character device)"));
    }
    // Standard input is read up to the limit and no further.
    let out = run_with_stdin(&["validate", "--max-input-bytes", "1000", "-"], Path::new("/dev/zero"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("DXER-J003"), "{}", stdout(&out));
    // JSON Lines: a line over the limit is read to its end (it may be followed by good lines) but not held:
    // 200 MB of one line (a sparse file) with a limit of 1000 bytes.
    let long_line = dir.path().join("long-line");
    std::fs::File::create(&long_line).unwrap().set_len(200_000_000).unwrap();
    let out = run_with_stdin(&["validate", "--jsonl", "--max-input-bytes", "1000", "-"], &long_line);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("200000000 bytes, more than the limit of 1000 bytes"), "{}", stdout(&out));
    let out = run_with_stdin(&["registry", "stats", "--max-input-bytes", "1000", "-"], Path::new("/dev/zero"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("DXER-J003"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_fifo_named_json_in_a_folder_is_refused_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.json"), valid_text()).unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = dxer().arg("validate").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("pipe.json: not a regular file (a FIFO (named pipe))"), "{}", stderr(&out));
    assert!(stdout(&out).contains("good.json: ok"), "{}", stdout(&out));
    // Named directly, too.
    dxer().arg("validate").arg(&fifo).assert().code(2).stderr(predicate::str::contains("a FIFO"));
    let out = dxer().args(["registry", "stats"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(total_services(&out), 1);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_in_a_folder_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    std::fs::create_dir(&records).unwrap();
    std::fs::write(records.join("good.json"), valid_text()).unwrap();
    std::os::unix::fs::symlink(".", records.join("again")).unwrap();
    std::os::unix::fs::symlink(&records, records.join("up")).unwrap();
    let out = dxer().arg("validate").arg(&records).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 record(s)"), "{}", stdout(&out));
    assert!(stderr(&out).contains("skipped: a folder already read"), "{}", stderr(&out));
    // A record file's name on a link to itself cannot be read: said, and the rest still read.
    std::os::unix::fs::symlink("self.json", records.join("self.json")).unwrap();
    let out = dxer().arg("validate").arg(&records).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("self.json"), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 record(s)"), "{}", stdout(&out));
}

#[test]
fn a_json_lines_registry_is_streamed_and_a_bad_line_named() {
    // Over 4 MiB, so the file goes to the core in more than one piece; the bad lines sit in the second.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let mut text = String::new();
    let mut lines = 0;
    for n in 1..=600 {
        match n {
            550 => text.push_str("{not json"),
            560 => text.push_str(&"y".repeat(30_000)), // over the limit given below
            n => text.push_str(&record(n)),
        }
        text.push_str(if n % 2 == 0 { "\r\n" } else { "\n" });
        if n == 300 {
            text.push_str("\n   \n"); // blank lines count as lines
        }
        lines += 1;
    }
    assert!(text.len() > 4 << 20, "{}", text.len());
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"\xff\xfe not UTF-8\n"); // line 603
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(lines, 600);

    let out = dxer().args(["registry", "stats", "--max-input-bytes", "20000"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(total_services(&out), 598);
    let err = stderr(&out);
    assert!(err.contains("big.jsonl:552: 1 error(s)") && err.contains("DXER-J001"), "{err}");
    assert!(err.contains("big.jsonl:562: 1 error(s)") && err.contains("30000 bytes, more than the limit"), "{err}");
    assert!(err.contains("big.jsonl:603: 1 error(s)"), "{err}");
    assert!(err.contains("3 item(s) did not load"), "{err}");
}

#[test]
fn registry_commands_fail_loudly_when_an_input_does_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{not json").unwrap();
    for command in [&["registry", "due", "--on", "2026-11-25"][..], &["registry", "stats"], &["registry", "check"]] {
        let out = dxer().args(command).arg(&broken).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{command:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("broken.json") && err.contains("DXER-J001"), "{err}");
        assert!(err.contains("dxer: incomplete: 0 input(s) could not be read and 1 item(s) did not load"), "{err}");
    }
    // A missing file next to a good one: what could be read is printed, the exit status says the rest.
    let out = dxer().args(["registry", "stats", VALID]).arg(dir.path().join("missing.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(total_services(&out), 1);
    assert!(stderr(&out).contains("missing.json"), "{}", stderr(&out));
    let out = dxer()
        .args(["registry", "due", "--on", "2026-11-25", VALID, "--cards"])
        .arg(dir.path().join("missing-cards.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stdout(&out).contains("finding(s)"), "the duties of what loaded are printed: {}", stdout(&out));
    assert!(stderr(&out).contains("missing-cards.json"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn terminal_escape_codes_in_file_names_are_printed_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}[31mred\u{202e}nosj.json";
    let path = dir.path().join(name);
    std::fs::write(&path, valid_text()).unwrap();
    let escaped = "\\u{1b}[31mred\\u{202e}nosj.json";
    let no_raw = |text: &str| !text.contains('\u{1b}') && !text.contains('\u{202e}');

    let out = dxer().args(["validate", "--color", "never"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(escaped) && no_raw(&stdout(&out)), "{}", stdout(&out));
    // Coloured output keeps its own colours and escapes the name's.
    let out = dxer().args(["validate", "--color", "always"]).arg(&path).output().unwrap();
    assert!(stdout(&out).contains(escaped), "{}", stdout(&out));
    assert!(!stdout(&out).contains("\u{1b}[31mred"), "{}", stdout(&out));

    let out = dxer().arg("validate").arg(dir.path().join("\u{1b}]0;owned\u{7}.json")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\\u{1b}]0;owned\\u{7}.json") && no_raw(&stderr(&out)), "{}", stderr(&out));

    let out = dxer()
        .args(["convert", "--internal", "--to", "md", "-o"])
        .arg(dir.path().join("out"))
        .arg(&path)
        .arg(VALID)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let wrote = "\\u{1b}[31mred\\u{202e}nosj.md";
    assert!(stderr(&out).contains(wrote) && no_raw(&stderr(&out)), "{}", stderr(&out));

    std::fs::write(&path, "{not json").unwrap();
    let out = dxer().args(["registry", "stats"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(escaped) && no_raw(&stderr(&out)), "{}", stderr(&out));
}
