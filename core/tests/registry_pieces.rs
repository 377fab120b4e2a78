//! A JSON Lines text loaded piece by piece (`Registry::load_json_lines_piece`, as the command line streams
//! a large file) gives the registry that loading it whole gives: the same entries and problems, with the
//! lines, byte ranges and indexes of the whole text, wherever the pieces are cut.

use std::path::PathBuf;

use dxer::registry::{Preceding, Registry};
use serde_json::Value;

fn record(n: usize) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/valid/identity-card/input.json");
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["record_id"] = format!("REC-2026-{:06}", 700_000 + n).into();
    v.to_string()
}

fn text() -> String {
    let lines = [
        format!("\u{feff}{}", record(1)), // a byte order mark: reported, read past, not part of the record's text
        String::new(),
        "{not json".into(),
        record(2) + "\r",
        "   ".into(),
        format!("{{\"not a record\": \"{}\"}}", "x".repeat(9000)),
        "[1, 2]".into(),
        "{\"record_id\": \"REC-2026-000001\"}".into(),
        record(3),
    ];
    lines.join("\n") + "\n"
}

/// Loads `text` cut before the lines in `cuts` (0-based line indexes, ascending), each piece borrowed or,
/// with `owned`, handed over (`load_json_lines_piece_owned`).
fn in_pieces(text: &str, cuts: &[usize], owned: bool) -> Registry {
    let mut registry = Registry::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(lines.len());
    let mut before = Preceding::default();
    for pair in bounds.windows(2) {
        let piece: String = lines[pair[0]..pair[1]].concat();
        match owned {
            true => registry.load_json_lines_piece_owned(Some("r.jsonl"), piece.clone(), before),
            false => registry.load_json_lines_piece(Some("r.jsonl"), &piece, before),
        };
        let items = lines[pair[0]..pair[1]].iter().filter(|l| !l.trim().is_empty()).count();
        before = Preceding { lines: pair[1], bytes: before.bytes + piece.len(), items: before.items + items };
    }
    registry
}

#[test]
fn pieces_load_as_the_whole_text_does() {
    let text = text();
    let mut whole = Registry::new();
    whole.load_source("r.jsonl", &text);
    assert_eq!(whole.len(), 3);
    assert_eq!(whole.problems().len(), 4);
    let lines = text.split_inclusive('\n').count();
    let cuts = [vec![], vec![1], vec![3], vec![2, 4, 6], (1..lines).collect::<Vec<_>>()];
    for (cuts, owned) in cuts.iter().flat_map(|c| [(c, false), (c, true)]) {
        let pieces = in_pieces(&text, cuts, owned);
        assert_eq!(
            pieces.entries().collect::<Vec<_>>(),
            whole.entries().collect::<Vec<_>>(),
            "cut before lines {cuts:?}, handed over: {owned}"
        );
        assert_eq!(pieces.problems(), whole.problems(), "cut before lines {cuts:?}, handed over: {owned}");
        assert!(pieces.records().eq(whole.records()), "cut before lines {cuts:?}, handed over: {owned}");
    }
    // The byte ranges point into the whole text.
    for p in whole.problems() {
        let b = p.bytes.unwrap();
        let line = text.split('\n').nth(p.line.unwrap() - 1).unwrap();
        assert_eq!(&text[b.start..b.end], line.strip_suffix('\r').unwrap_or(line));
    }
}
