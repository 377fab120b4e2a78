//! Unpaired UTF-16 surrogates (`DXER-J006`): text that is not Unicode because half of a UTF-16 pair is
//! missing. JSON text can carry one as an escape (`"\ud800"`), which the parser refuses; a JavaScript
//! string can carry one as it is, which the WebAssembly boundary would otherwise turn into U+FFFD
//! silently. Both are reported here, at the place of the lone half.

use crate::report::Finding;
use crate::rules;

/// Where a lone surrogate stands: its code unit, its index in UTF-16 code units from the start of the
/// text, and its line and column (column in characters, counted from 1, like `DXER-J001`'s).
struct Place {
    unit: u16,
    index: usize,
    line: usize,
    column: usize,
}

impl Place {
    fn finding(&self) -> Finding {
        rules::finding(
            "DXER-J006",
            "",
            &[
                ("unit", &format!("U+{:04X}", self.unit)),
                ("index", &self.index.to_string()),
                ("line", &self.line.to_string()),
                ("column", &self.column.to_string()),
            ],
        )
    }
}

/// The `DXER-J006` finding of the first unpaired surrogate of a UTF-16 text (a JavaScript string), or
/// `None` when the text is well-formed UTF-16.
pub fn in_utf16(units: &[u16]) -> Option<Finding> {
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        match unit {
            0xD800..=0xDBFF if units.get(i + 1).is_some_and(|next| (0xDC00..=0xDFFF).contains(next)) => i += 2,
            0xD800..=0xDFFF => {
                let before = &units[..i];
                let line_start = before.iter().rposition(|u| *u == u16::from(b'\n')).map_or(0, |p| p + 1);
                let line = before.iter().filter(|u| **u == u16::from(b'\n')).count() + 1;
                let column = char::decode_utf16(before[line_start..].iter().copied()).count() + 1;
                return Some(Place { unit, index: i, line, column }.finding());
            }
            _ => i += 1,
        }
    }
    None
}

/// The `DXER-J006` finding of the first `\uXXXX` escape of a lone surrogate inside a string of JSON text,
/// looking no further than byte `end` (where the parser stopped), or `None` when there is none.
/// The index, line and column are those of the escape's backslash.
pub(super) fn in_json_escapes(text: &str, end: usize) -> Option<Finding> {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let hex = |at: usize| -> Option<u16> {
        let digits = text.get(at..at + 4)?;
        u16::from_str_radix(digits, 16).ok().filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let is_escape = |at: usize, range: std::ops::RangeInclusive<u16>| {
        bytes.get(at) == Some(&b'\\')
            && bytes.get(at + 1) == Some(&b'u')
            && hex(at + 2).is_some_and(|u| range.contains(&u))
    };
    let mut in_string = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                in_string = !in_string;
                i += 1;
            }
            b'\\' if in_string => {
                if bytes.get(i + 1) != Some(&b'u') {
                    i += 2;
                    continue;
                }
                let unit = hex(i + 2)?;
                let paired = (0xD800..=0xDBFF).contains(&unit) && is_escape(i + 6, 0xDC00..=0xDFFF);
                if paired {
                    i += 12;
                } else if (0xD800..=0xDFFF).contains(&unit) {
                    return Some(place_in_text(text, i, unit).finding());
                } else {
                    i += 6;
                }
            }
            _ => i += 1,
        }
    }
    None
}

fn place_in_text(text: &str, at: usize, unit: u16) -> Place {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    Place {
        unit,
        index: before.encode_utf16().count(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(f: &Finding) -> String {
        f.message.en.clone()
    }

    #[test]
    fn a_lone_half_is_found_where_it_stands_in_utf16() {
        let units: Vec<u16> = "{\n \"a\": \"😀x".encode_utf16().chain([0xD800, u16::from(b'"')]).collect();
        let f = in_utf16(&units).unwrap();
        assert_eq!(f.code, "DXER-J006");
        // Index 12: "{\n \"a\": \"" is 9 units, the emoji 2, "x" 1; line 2's column counts the emoji as one
        // character: 7 + 1 + 1 before it.
        assert!(args(&f).contains("U+D800 at UTF-16 index 12 (line 2, column 10)"), "{:?}", args(&f));
        let low: Vec<u16> = vec![u16::from(b'a'), 0xDC00];
        assert!(args(&in_utf16(&low).unwrap()).contains("U+DC00 at UTF-16 index 1 (line 1, column 2)"));
        assert!(in_utf16(&"ok 😀\n".encode_utf16().collect::<Vec<_>>()).is_none());
    }

    #[test]
    fn a_lone_escape_is_found_in_json_text_but_not_an_escaped_backslash() {
        let text = "{\"a\": \"\\\\ud800 é\",\n \"b\": \"\\ud83d\\ude00\\udc00\"}";
        let f = in_json_escapes(text, text.len()).unwrap();
        // Line 1 is 18 units and its newline 1; 19 characters of line 2 stand before the lone escape.
        assert!(args(&f).contains("U+DC00 at UTF-16 index 38 (line 2, column 20)"), "{}", args(&f));
        assert!(in_json_escapes("\"\\ud83d\\ude00\"", 14).is_none());
        assert!(in_json_escapes("\"\\ud800\"", 1).is_none(), "looks no further than the parser stopped");
    }
}
