//! Text rules over the raw JSON (they run even when the structure is invalid): `DXER-R001` blank text,
//! `DXER-H001` / `DXER-H002` Cyrillic in Azerbaijani text (`az` members, article references, signers),
//! `DXER-H003` invisible, bidirectional and control characters in every text (localized texts may hold tabs
//! and line breaks; signers and article references are one line).

use serde_json::Value;

use super::Emitter;
use crate::pointer::{pointer_of, PathToken as Token};
use crate::text::{check_script, hidden_character_name, hidden_characters};

/// Walks the document; every member named `az`, `en` or `ru` holding a string is localized text.
/// Depth is bounded by the caller (`Options::max_depth`).
pub(crate) fn check_value(value: &Value, out: &mut Emitter) {
    let mut path: Vec<Token<'_>> = Vec::new();
    walk(value, &mut path, out);
}

fn pointer(path: &[Token<'_>]) -> String {
    pointer_of(path.iter().copied())
}

fn walk<'a>(value: &'a Value, path: &mut Vec<Token<'a>>, out: &mut Emitter) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                path.push(Token::Key(key));
                match (key.as_str(), v) {
                    ("az" | "en" | "ru", Value::String(s)) => check_text(key == "az", s, || pointer(path), out),
                    // Plain strings written in Azerbaijani: article references and the signer's name.
                    ("signer", Value::String(s)) => check_script_only(s, || pointer(path), out),
                    ("articles", Value::Array(items)) => {
                        for (i, item) in items.iter().enumerate() {
                            if let Value::String(s) = item {
                                path.push(Token::Index(i));
                                check_script_only(s, || pointer(path), out);
                                path.pop();
                            }
                        }
                    }
                    _ => walk(v, path, out),
                }
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Token::Index(i));
                walk(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `DXER-R001` (blank) on one localized string, and the script rules when it is Azerbaijani; `pointer`
/// is built only for a finding. Shared with the walk over typed documents (`crate::direct`).
pub(crate) fn check_text(is_az: bool, s: &str, pointer: impl Fn() -> String, out: &mut Emitter) {
    if !s.is_empty() && s.trim().is_empty() {
        out.emit("DXER-R001", &pointer(), &[]);
    }
    check_hidden(s, true, &pointer, out);
    if is_az {
        script(s, pointer, out);
    }
}

/// `DXER-H001`, `DXER-H002` and `DXER-H003` on one line of Azerbaijani (a signer, an article reference).
pub(crate) fn check_script_only(s: &str, pointer: impl Fn() -> String, out: &mut Emitter) {
    check_hidden(s, false, &pointer, out);
    script(s, pointer, out);
}

/// How many hidden characters a `DXER-H003` message names (the fix removes them all).
const NAMED: usize = 5;

/// `DXER-H003`: each hidden character named with its position, and the text without them as the fix.
fn check_hidden(s: &str, multi_line: bool, pointer: &impl Fn() -> String, out: &mut Emitter) {
    let found = hidden_characters(s, multi_line);
    if found.is_empty() {
        return;
    }
    let list = |at: &str, more: &str| {
        let mut named: Vec<String> = found
            .iter()
            .take(NAMED)
            .map(|(i, c)| {
                let name = hidden_character_name(*c).unwrap_or("CONTROL CHARACTER");
                format!("U+{:04X} {name} {}", u32::from(*c), at.replace('#', &i.to_string()))
            })
            .collect();
        if found.len() > NAMED {
            named.push(more.replace('#', &(found.len() - NAMED).to_string()));
        }
        named.join(", ")
    };
    let chars = [list("(simvol #)", "və daha #"), list("at character #", "and # more"), list("(символ #)", "и ещё #")];
    let mut fixed = String::with_capacity(s.len());
    let mut next = found.iter().map(|(i, _)| *i).peekable();
    for (i, c) in s.chars().enumerate() {
        if next.peek() == Some(&(i + 1)) {
            next.next();
        } else {
            fixed.push(c);
        }
    }
    let mut finding = super::finding_localized("DXER-H003", &pointer(), &[], &[("chars", chars)]);
    finding.fix = Some(fixed);
    out.push(finding);
}

/// `DXER-H001`, `DXER-H002` on one Azerbaijani string.
fn script(s: &str, pointer: impl Fn() -> String, out: &mut Emitter) {
    let report = check_script(s);
    if report.is_clean() {
        return;
    }
    if !report.mixed_words.is_empty() {
        let args = [("letters", report.letters.join(", ")), ("words", report.mixed_words.join(", "))];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        match report.fixed {
            Some(fix) => out.emit_with_fix("DXER-H001", &pointer(), &args, fix),
            None => out.emit("DXER-H001", &pointer(), &args),
        }
    }
    if !report.cyrillic_words.is_empty() {
        let words: Vec<&str> = report.cyrillic_words.iter().take(5).map(String::as_str).collect();
        out.emit("DXER-H002", &pointer(), &[("words", &words.join(", "))]);
    }
}
