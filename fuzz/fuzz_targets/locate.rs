//! `dxer::locate` on arbitrary text and pointers. The input is the pointers, one a line, then a NUL
//! byte, then the text (no NUL: the text alone, with the pointers of its own values when it is JSON).
//!
//! Invariants, beyond "never panics":
//! - many pointers at once are located where each one alone is (`positions` and `position` agree);
//! - every position found is in the text: a line that exists, a column within it (or just past it);
//! - in JSON text without duplicate names (the input's JSON written again, compact and pretty), every
//!   value is located, exactly: an array's item at its first character, an object's member at the `"`
//!   that opens its name, the name being the pointer's last token.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    let (pointers, text): (Vec<String>, &str) = match input.split_once('\0') {
        Some((pointers, text)) => (pointers.lines().map(str::to_string).collect(), text),
        None => (Vec::new(), input),
    };
    check(text, &pointers, None);
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        let mut all = pointers;
        every_pointer(&value, String::new(), &mut all);
        for written in [serde_json::to_string(&value), serde_json::to_string_pretty(&value)] {
            check(&written.unwrap(), &all, Some(&value));
        }
    }
});

/// Locates `pointers` in `text`; `value`: the text's value, when it has no duplicate names.
fn check(text: &str, pointers: &[String], value: Option<&Value>) {
    let found = dxer::locate::positions(text, pointers.iter().map(String::as_str));
    assert_eq!(found.len(), pointers.len());
    let lines: Vec<&str> = text.split('\n').collect();
    for (pointer, at) in pointers.iter().zip(&found) {
        assert_eq!(*at, dxer::locate::position(text, pointer), "{pointer:?}: alone and with others");
        let Some(at) = at else {
            assert!(value.is_none_or(|v| v.pointer(pointer).is_none()), "{pointer:?} is in the text");
            continue;
        };
        let line = lines.get(at.line - 1).unwrap_or_else(|| panic!("{pointer:?}: line {} of {}", at.line, lines.len()));
        assert!(at.column >= 1 && at.column <= line.chars().count() + 1, "{pointer:?}: {at:?}");
        let Some(value) = value else { continue };
        let Some(target) = value.pointer(pointer) else { continue };
        // The byte offset of the position.
        let start: usize = lines[..at.line - 1].iter().map(|l| l.len() + 1).sum();
        let offset = start + line.char_indices().nth(at.column - 1).map_or(line.len(), |(i, _)| i);
        let rest = &text[offset..];
        let Some(parent) = pointer.rfind('/').map(|i| &pointer[..i]) else {
            assert_eq!(rest, text, "the root is located at its first character");
            continue;
        };
        match value.pointer(parent) {
            Some(Value::Object(_)) => {
                let name = serde_json::Deserializer::from_str(rest).into_iter::<String>().next();
                let token = pointer[parent.len() + 1..].replace("~1", "/").replace("~0", "~");
                assert_eq!(name.and_then(Result::ok), Some(token), "{pointer:?}: at the member's name");
            }
            _ => {
                let item = serde_json::Deserializer::from_str(rest).into_iter::<Value>().next();
                assert_eq!(item.and_then(Result::ok).as_ref(), Some(target), "{pointer:?}: at the item");
            }
        }
    }
}

/// The pointers of `v` and its values (at most a few thousand).
fn every_pointer(v: &Value, at: String, out: &mut Vec<String>) {
    if out.len() > 5_000 {
        return;
    }
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                every_pointer(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                every_pointer(item, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        _ => {}
    }
    out.push(at);
}
