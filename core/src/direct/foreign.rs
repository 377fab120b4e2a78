//! Documents that a host hands over through its own serde [`Deserializer`] (a JavaScript object through
//! serde-wasm-bindgen, for one): straight into the typed model, without writing them as JSON text first.

use serde::de::{Deserialize, Deserializer};

use super::{reglament_within_schema, validate_with, within_schema, Hints, Strict};
use crate::model::{Record, Reglament};
use crate::report::{DocumentKind, Report};
use crate::rules::Subject;
use crate::Options;

/// Validates the document that `read()` hands over, as [`crate::validate`] validates the JSON text the
/// host would write for it: that report, or `None` when only the full pipeline can tell — the caller then
/// writes the document as JSON text and validates that (the same fallback as the core's own direct path).
///
/// `read` is called once, or twice when `opts.kind` is `Auto` and the document is not a record (it is
/// then read as a bare reglament). The answer is `None`, besides every case where the direct path of JSON
/// text falls back (a shape or bound the schema refuses, a limit within reach), also when:
/// - the document written as JSON by `serde_json` is longer than half of `opts.max_input_bytes`: the host's
///   own JSON (which decides `DXER-J003`) may format numbers differently, so the size is judged from text
///   only near the limit;
/// - a string holds U+FFFD, which a host writes for a character it could not hand over (a JavaScript
///   string's unpaired surrogate, `DXER-J006` from text).
pub fn validate_deserializer<'de, D: Deserializer<'de>>(read: impl Fn() -> D, opts: &Options) -> Option<Report> {
    if !opts.direct {
        return None;
    }
    let hints = Hints::none();
    let typed = |kind: DocumentKind| {
        let subject = match kind {
            DocumentKind::Reglament => Reglament::deserialize(Strict(read(), &hints))
                .ok()
                .filter(reglament_within_schema)
                .map(Subject::Reglament)?,
            _ => Record::deserialize(Strict(read(), &hints)).ok().filter(within_schema).map(Subject::Record)?,
        };
        let written = Written::of(&subject)?;
        (written.bytes <= opts.max_input_bytes / 2 && !written.replacement).then_some(subject)
    };
    validate_with(opts.kind, opts, typed).map(|(report, _)| report)
}

/// The length of a document written as JSON, and whether it holds U+FFFD.
#[derive(Default)]
struct Written {
    bytes: usize,
    replacement: bool,
}

impl Written {
    fn of(subject: &Subject) -> Option<Written> {
        let mut written = Written::default();
        match subject {
            Subject::Record(r) => serde_json::to_writer(&mut written, r),
            Subject::Reglament(r) => serde_json::to_writer(&mut written, r),
        }
        .ok()?;
        Some(written)
    }
}

impl std::io::Write for Written {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        // serde_json writes a string's characters whole (it splits only at escapes, which are ASCII).
        self.replacement |= buf.windows(3).any(|w| w == "\u{FFFD}".as_bytes());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
