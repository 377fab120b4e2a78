//! Canonical bytes for signing: RFC 8785 JSON Canonicalization Scheme (JCS) and the record digest
//! (domain brief §10).
//!
//! A submission is signed with a qualified e-signature over the **canonical bytes** of the record: the
//! JCS form of its JSON with `submission.digest` removed (a digest cannot cover itself). The SHA-256 of
//! those bytes, in lower-case hex, is stored as `submission.digest = {"algorithm": "sha-256", "value": …}`
//! so anyone can check that the record was not changed after signing.
//!
//! JCS (RFC 8785 §3.2): object members sorted by the UTF-16 code units of their names, no whitespace,
//! strings with only the required escapes, numbers in the ECMAScript `Number.prototype.toString` form.
//!
//! ```
//! use dxer::convert::canonical::{canonical_json, verify_digest, with_digest, DigestCheck};
//! use dxer::{parse_record, Options};
//!
//! assert_eq!(canonical_json(&serde_json::json!({"b": 1e21, "a": [0.000001, "é\n"]})),
//!            r#"{"a":[0.000001,"é\n"],"b":1e+21}"#);
//!
//! // Records go through `parse_record` first: an invalid record is refused before anything is signed.
//! let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
//! let record = parse_record(text.as_str(), &Options::default()).unwrap().value;
//! let signed = with_digest(&record).unwrap();
//! assert_eq!(verify_digest(&signed), DigestCheck::Valid);
//! let mut changed = signed.clone();
//! changed.version += 1;
//! assert!(matches!(verify_digest(&changed), DigestCheck::Mismatch { .. }));
//! ```

use std::cmp::Ordering;
use std::fmt::Write as _;

use serde_json::Value;
use sha2::{Digest as _, Sha256};

use crate::model::{Digest, DigestAlgorithm, Record};

/// The RFC 8785 canonical form of a JSON value, as text (its UTF-8 bytes are the canonical bytes).
///
/// Every number is treated as an IEEE 754 double, as RFC 8785 §3.2.2.3 requires: an integer beyond
/// 2^53 is written as the double nearest to it (e.g. `18446744073709551615` → `18446744073709552000`).
/// `serde_json` cannot hold NaN or infinities, so every value has a canonical form.
///
/// ```
/// use dxer::convert::canonical::canonical_json;
/// let v: serde_json::Value = serde_json::from_str(r#"{"€": 1, "\r": 2.50, "1": [true, null]}"#).unwrap();
/// assert_eq!(canonical_json(&v), "{\"\\r\":2.5,\"1\":[true,null],\"€\":1}");
/// ```
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => {
            // Without `arbitrary_precision` every serde_json number is u64, i64 or a finite f64.
            let f = if let Some(u) = n.as_u64() {
                u as f64
            } else if let Some(i) = n.as_i64() {
                i as f64
            } else {
                n.as_f64().unwrap_or(0.0)
            };
            out.push_str(&number_to_string(f));
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| cmp_utf16(a.0, b.0));
            out.push('{');
            for (i, (name, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                write_value(member, out);
            }
            out.push('}');
        }
    }
}

/// Compares two property names by their UTF-16 code units (RFC 8785 §3.2.3), which differs from code
/// point order for characters beyond U+FFFF (a surrogate pair sorts before U+E000–U+FFFF).
fn cmp_utf16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Writes a JSON string with the escapes of RFC 8785 §3.2.2.2 (ECMAScript `JSON.stringify`): `\"`, `\\`,
/// `\b`, `\f`, `\n`, `\r`, `\t`, `\u00xx` (lower-case hex) for the other control characters, and every
/// other character as itself in UTF-8.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A double in the ECMAScript `Number.prototype.toString` form (ECMA-262 §7.1.12.1, RFC 8785 §3.2.2.3).
///
/// The digits are the shortest that round-trip (Rust's `{:e}` formatting gives them, closest to the exact
/// value when several are shortest, as ECMAScript requires); only the layout differs from Rust's: plain
/// digits for exponents up to 21, `0.000001` down to 10^-6, and otherwise `d.ddde+N` / `de-N`.
///
/// ```
/// use dxer::convert::canonical::number_to_string;
/// assert_eq!(number_to_string(1e21), "1e+21");
/// assert_eq!(number_to_string(1e20), "100000000000000000000");
/// assert_eq!(number_to_string(0.0000001), "1e-7");
/// assert_eq!(number_to_string(-0.0), "0");
/// assert_eq!(number_to_string(5e-324), "5e-324");
/// ```
pub fn number_to_string(value: f64) -> String {
    if value == 0.0 {
        return "0".into(); // both +0 and -0
    }
    if !value.is_finite() {
        // Not representable in JSON; serde_json never holds one. ECMAScript's spelling, for completeness.
        return if value.is_nan() {
            "NaN".into()
        } else if value > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let (digits, exponent) = shortest_digits(value.abs());
    // value = 0.d1d2…dk × 10^n
    let k = digits.len() as i32;
    let n = exponent + 1;
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if k > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = n - 1;
        let _ = write!(out, "e{}{}", if e < 0 { '-' } else { '+' }, e.abs());
    }
    out
}

/// Splits Rust's `{:e}` form (`"1.2345e-7"`) into its digits and decimal exponent.
fn split_sci(sci: &str) -> (String, i32) {
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// The shortest digits d1…dk that round-trip to `value` (> 0) and the exponent E of `d1.d2…dk × 10^E`.
///
/// Rust's shortest formatting gives the shortest digits closest to the value; when two candidates are
/// exactly as close (the value lies exactly halfway between them), ECMAScript takes the one with an even
/// last digit (RFC 8785 Appendix B: 0x43143ff3c1cb0959 → 1424953923781206.2, not …206.3). A tie needs the
/// value's exact decimal expansion to have k+1 digits ending in 5, which a double can only have for
/// k ≥ 16, so the exact expansion is computed only then.
fn shortest_digits(value: f64) -> (String, i32) {
    let (digits, exponent) = split_sci(&format!("{value:e}"));
    if digits.len() < 16 {
        return (digits, exponent);
    }
    // Exact expansion: a double has at most 767 significant decimal digits.
    let (exact, exact_exponent) = split_sci(&format!("{value:.800e}"));
    let exact = exact.trim_end_matches('0');
    let k = digits.len();
    if exact_exponent != exponent || exact.len() != k + 1 || !exact.ends_with('5') {
        return (digits, exponent);
    }
    let down = &exact[..k];
    let Some(up) = increment(down) else { return (digits, exponent) };
    let even = if down.as_bytes()[k - 1] % 2 == 0 { down.to_string() } else { up };
    let even = even.trim_end_matches('0').to_string();
    if even == digits || even.is_empty() {
        return (digits, exponent);
    }
    let candidate = format!("{}.{}e{exponent}", &even[..1], &even[1..]);
    match candidate.parse::<f64>() {
        Ok(parsed) if parsed == value => (even, exponent),
        _ => (digits, exponent),
    }
}

/// Adds one to a decimal digit string of the same length; `None` when it would carry out (999 → 1000).
fn increment(digits: &str) -> Option<String> {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

/// The record as JSON without `submission.digest`.
fn unsigned_value(record: &Record) -> Value {
    // Serializing the model cannot fail: every map key is a string and there are no floats.
    let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
    if let Some(submission) = value.get_mut("submission").and_then(Value::as_object_mut) {
        submission.remove("digest");
    }
    value
}

/// The bytes that are signed: the RFC 8785 canonical JSON of the record with `submission.digest`
/// removed (UTF-8).
///
/// Stable under any reordering of the input JSON's members and under any whitespace: it depends only on
/// the record's content.
pub fn canonical_bytes(record: &Record) -> Vec<u8> {
    canonical_json(&unsigned_value(record)).into_bytes()
}

/// Lower-case hexadecimal SHA-256 of [`canonical_bytes`] (64 characters).
pub fn digest(record: &Record) -> String {
    let hash = Sha256::digest(canonical_bytes(record));
    let mut hex = String::with_capacity(64);
    for byte in hash {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Why [`with_digest`] could not store a digest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DigestError {
    /// The record has no `submission` block to hold the digest.
    #[error(
        "record {record_id} has no \"submission\" block: add the submission (date and signer) before computing its digest"
    )]
    NoSubmission {
        /// The record's id.
        record_id: String,
    },
}

/// A copy of the record with `submission.digest = {"algorithm": "sha-256", "value": digest(record)}`.
///
/// An existing digest is replaced (it is not part of the signed bytes). Fails when the record has no
/// `submission`: the digest belongs to a submission.
pub fn with_digest(record: &Record) -> Result<Record, DigestError> {
    if record.submission.is_none() {
        return Err(DigestError::NoSubmission { record_id: record.record_id.to_string() });
    }
    let value = digest(record);
    let mut signed = record.clone();
    if let Some(submission) = signed.submission.as_mut() {
        submission.digest = Some(Digest { algorithm: DigestAlgorithm::Sha256, value });
    }
    Ok(signed)
}

/// Result of [`verify_digest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigestCheck {
    /// The stored digest is the digest of the record's canonical bytes.
    Valid,
    /// The record changed after its digest was computed (or the digest was altered).
    Mismatch {
        /// The digest stored in `submission.digest.value`.
        stored: String,
        /// The digest of the record as it is now.
        actual: String,
    },
    /// The record has no `submission.digest`.
    Missing,
}

/// Checks `submission.digest` against the record's canonical bytes.
pub fn verify_digest(record: &Record) -> DigestCheck {
    let Some(stored) = record.submission.as_ref().and_then(|s| s.digest.as_ref()) else {
        return DigestCheck::Missing;
    };
    let actual = digest(record);
    if stored.value == actual {
        DigestCheck::Valid
    } else {
        DigestCheck::Mismatch { stored: stored.value.clone(), actual }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_order_differs_from_code_point_order() {
        // U+1F602 (surrogates D83D DE02) sorts before U+FB33 in UTF-16, after it by code point.
        assert_eq!(cmp_utf16("\u{1F602}", "\u{FB33}"), Ordering::Less);
        assert!("\u{1F602}" > "\u{FB33}");
    }

    #[test]
    fn control_characters_use_lower_case_hex() {
        let mut s = String::new();
        write_string("\u{0F}\u{1F}\u{7F}\u{2028}", &mut s);
        assert_eq!(s, "\"\\u000f\\u001f\u{7F}\u{2028}\"");
    }

    #[test]
    fn number_layouts() {
        for (f, s) in [
            (1.0, "1"),
            (-1.5, "-1.5"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (0.1, "0.1"),
            (1e-6, "0.000001"),
            (1.5e-7, "1.5e-7"),
            (-1e-7, "-1e-7"),
            (f64::MAX, "1.7976931348623157e+308"),
        ] {
            assert_eq!(number_to_string(f), s, "{f:e}");
        }
    }
}
