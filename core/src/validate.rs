//! The validation pipeline: (a) parse, (b) structure (JSON Schema), (c) semantic rules.

use std::borrow::Cow;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

use crate::direct::Purpose;
use crate::locate::Position;
use crate::model::{Record, Reglament};
use crate::options::{finish, Options};
use crate::pointer::{escape_token, pointer_of, PathToken};
use crate::report::{DocumentKind, Finding, Report};
use crate::rules::{self, Emitter};

mod input;
mod repair;
mod surrogate;

#[cfg(test)]
pub(crate) use input::duplicate_members;
pub(crate) use input::{bom_finding, strip_bom};

/// Anything [`validate`] accepts: JSON text (`str`, `String`), raw bytes (`[u8]`, `Vec<u8>`, checked to be
/// UTF-8), a parsed [`serde_json::Value`] or a host language's objects copied onto a [`crate::host::Tape`].
pub trait Source {
    /// The document as a JSON value, or the finding that says why it is not one.
    #[doc(hidden)]
    fn to_value(&self, opts: &Options) -> Result<Cow<'_, Value>, Box<Finding>>;

    /// The document as JSON text, when it is text (valid UTF-8): what the direct path reads.
    #[doc(hidden)]
    fn as_text(&self) -> Option<&str> {
        None
    }

    /// The document as a parsed value, when it is one.
    #[doc(hidden)]
    fn as_value(&self) -> Option<&Value> {
        None
    }

    /// The document as a host's objects copied onto a tape, when it is one: what the direct path reads.
    #[doc(hidden)]
    fn as_tape(&self) -> Option<&crate::host::Tape> {
        None
    }

    /// The size of the document's text in bytes, when it is text or bytes (checked before anything reads it).
    #[doc(hidden)]
    fn byte_len(&self) -> Option<usize> {
        None
    }
}

impl Source for str {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }

    fn byte_len(&self) -> Option<usize> {
        Some(self.len())
    }

    fn to_value(&self, opts: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        if self.len() > opts.max_input_bytes {
            return Err(Box::new(Limit::InputBytes { size: self.len() as u64, max: opts.max_input_bytes }.finding("")));
        }
        serde_json::from_str(self).map(Cow::Owned).map_err(|e| {
            // The parser stops nesting at 128 levels; that is the depth limit, not a syntax error.
            if e.to_string().starts_with("recursion limit exceeded") {
                Box::new(Limit::Depth { max: opts.max_depth.min(127) }.finding(""))
            } else {
                Box::new(json_error(self, &e))
            }
        })
    }
}

impl Source for String {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }

    fn byte_len(&self) -> Option<usize> {
        Some(self.len())
    }

    fn to_value(&self, opts: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        self.as_str().to_value(opts)
    }
}

impl Source for [u8] {
    fn as_text(&self) -> Option<&str> {
        std::str::from_utf8(self).ok()
    }

    fn byte_len(&self) -> Option<usize> {
        Some(self.len())
    }

    fn to_value(&self, opts: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        // Too large to read is said before the bytes are checked to be UTF-8 (which reads them all).
        if self.len() > opts.max_input_bytes {
            return Err(Box::new(Limit::InputBytes { size: self.len() as u64, max: opts.max_input_bytes }.finding("")));
        }
        match std::str::from_utf8(self) {
            Ok(text) => text.to_value(opts),
            Err(e) => {
                let offset = e.valid_up_to();
                let before = &self[..offset];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = before.iter().rposition(|b| *b == b'\n').map(|p| p + 1).unwrap_or(0);
                // Column in characters, like serde_json's.
                let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
                let mut f = rules::finding(
                    "DXER-J002",
                    "",
                    &[("offset", &offset.to_string()), ("line", &line.to_string()), ("column", &column.to_string())],
                );
                f.position = Some(Position { line, column });
                Err(Box::new(f))
            }
        }
    }
}

impl Source for Vec<u8> {
    fn as_text(&self) -> Option<&str> {
        std::str::from_utf8(self).ok()
    }

    fn byte_len(&self) -> Option<usize> {
        Some(self.len())
    }

    fn to_value(&self, opts: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        self.as_slice().to_value(opts)
    }
}

/// A tape the direct path reads as it is; when it steps aside, the full pipeline gets a `Value` of its own,
/// which it repairs in place (a `Value` given by the caller is copied first).
impl Source for crate::host::Tape {
    fn as_tape(&self) -> Option<&crate::host::Tape> {
        Some(self)
    }

    fn to_value(&self, _: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        Ok(Cow::Owned(crate::host::Tape::to_value(self)))
    }
}

impl Source for Value {
    fn as_value(&self) -> Option<&Value> {
        Some(self)
    }

    fn to_value(&self, _: &Options) -> Result<Cow<'_, Value>, Box<Finding>> {
        Ok(Cow::Borrowed(self))
    }
}

fn json_error(text: &str, e: &serde_json::Error) -> Finding {
    // A `\uD800` escape without its other half is not a syntax error but text that is not Unicode.
    let message = e.to_string();
    if message.starts_with("lone leading surrogate") || message.starts_with("unexpected end of hex escape") {
        let line_start = if e.line() <= 1 {
            0
        } else {
            text.match_indices('\n').nth(e.line() - 2).map_or(text.len(), |(at, _)| at + 1)
        };
        if let Some(found) = surrogate::in_json_escapes(text, line_start.saturating_add(e.column())) {
            return found;
        }
    }
    // serde_json's message ends with " at line L column C"; the finding states them separately.
    let text = e.to_string();
    let detail = text.split(" at line ").next().unwrap_or(&text).to_string();
    let mut f = rules::finding(
        "DXER-J001",
        "",
        &[("detail", &detail), ("line", &e.line().to_string()), ("column", &e.column().to_string())],
    );
    f.position = Some(Position { line: e.line(), column: e.column() });
    f
}

/// A limit of [`Options`] that a document exceeds: the `{detail}` of its `DXER-J003` finding, in az/en/ru.
enum Limit {
    InputBytes { size: u64, max: usize },
    InputBytesAtLeast { size: u64, max: usize },
    Depth { max: usize },
    Items { count: usize, max: usize },
    Members { count: usize, max: usize },
    StringBytes { size: usize, max: usize },
    NameBytes { size: usize, max: usize },
}

impl Limit {
    fn finding(&self, pointer: &str) -> Finding {
        let detail = match *self {
            Limit::InputBytes { size, max } => [
                format!("{size} bayt, {max} bayt həddindən çox"),
                format!("{size} bytes, more than the limit of {max} bytes"),
                format!("{size} байт, больше предела в {max} байт"),
            ],
            Limit::InputBytesAtLeast { size, max } => [
                format!("ən azı {size} bayt, {max} bayt həddindən çox"),
                format!("at least {size} bytes, more than the limit of {max} bytes"),
                format!("не меньше {size} байт, больше предела в {max} байт"),
            ],
            Limit::Depth { max } => [
                format!("iç-içəlik {max} səviyyədən dərindir"),
                format!("nesting deeper than {max} levels"),
                format!("вложенность глубже {max} уровней"),
            ],
            Limit::Items { count, max } => [
                format!("siyahıda {count} element, {max} element həddindən çox"),
                format!("{count} items in one list, more than the limit of {max}"),
                format!("{count} элементов в одном списке, больше предела в {max}"),
            ],
            Limit::Members { count, max } => [
                format!("obyektdə {count} sahə, {max} sahə həddindən çox"),
                format!("{count} members in one object, more than the limit of {max}"),
                format!("{count} полей в одном объекте, больше предела в {max}"),
            ],
            Limit::StringBytes { size, max } => [
                format!("{size} baytlıq mətn, {max} bayt həddindən çox"),
                format!("a string of {size} bytes, more than the limit of {max} bytes"),
                format!("строка в {size} байт, больше предела в {max} байт"),
            ],
            Limit::NameBytes { size, max } => [
                format!("{size} baytlıq sahə adı, {max} bayt həddindən çox"),
                format!("a member name of {size} bytes, more than the limit of {max} bytes"),
                format!("имя поля в {size} байт, больше предела в {max} байт"),
            ],
        };
        rules::finding_localized("DXER-J003", pointer, &[], &[("detail", detail)])
    }
}

/// The report on an input of `size` bytes that is larger than `opts.max_input_bytes`, made without the
/// input: one `DXER-J003` finding, as [`validate`] gives for such a text. For callers that read at most
/// `max_input_bytes + 1` bytes of a file or stream and stop there (`size` is then what they know: the
/// file's length, or the bytes read).
///
/// ```
/// let opts = dxer::Options { max_input_bytes: 10, ..Default::default() };
/// let report = dxer::input_too_large(2_000_000_000, &opts);
/// assert_eq!(report.codes(), ["DXER-J003"]);
/// assert!(report.findings[0].message.en.contains("2000000000 bytes, more than the limit of 10 bytes"));
/// ```
pub fn input_too_large(size: usize, opts: &Options) -> Report {
    let finding = Limit::InputBytes { size: size as u64, max: opts.max_input_bytes }.finding("");
    finish(opts, DocumentKind::Auto.resolve_for(&Value::Null), vec![finding])
}

/// How large a document is, as a binding knows it before it reads the text out of its host's memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputSize {
    /// Exactly this many bytes (a byte array).
    Bytes(u64),
    /// At least this many bytes of UTF-8: a JavaScript string's length in UTF-16 code units, or a Python
    /// `str`'s in characters (each needs one byte or more).
    AtLeast(u64),
}

/// The report of a document too large to read (one `DXER-J003` finding at `""`), from its size alone;
/// `None` when the size does not exceed `opts.max_input_bytes` (the document is then validated as usual,
/// which checks its exact size again). A binding calls this before it copies the document into memory it
/// owns, so that an oversized input costs no copy.
///
/// ```
/// use dxer::{oversized, InputSize, Options};
/// let opts = Options { max_input_bytes: 10, ..Options::default() };
/// let report = oversized(InputSize::AtLeast(11), &opts).unwrap();
/// assert_eq!(report.findings[0].code, "DXER-J003");
/// assert!(report.findings[0].message.en.contains("at least 11 bytes"));
/// assert!(oversized(InputSize::Bytes(10), &opts).is_none());
/// ```
pub fn oversized(size: InputSize, opts: &Options) -> Option<Report> {
    let max = opts.max_input_bytes;
    let limit = match size {
        InputSize::Bytes(size) if size > max as u64 => Limit::InputBytes { size, max },
        InputSize::AtLeast(size) if size > max as u64 => Limit::InputBytesAtLeast { size, max },
        _ => return None,
    };
    Some(finish(opts, opts.kind.resolve_for(&Value::Null), vec![limit.finding("")]))
}

/// The report of a UTF-16 text (a JavaScript string) that holds an unpaired surrogate: one `DXER-J006`
/// finding at `""` naming the first one's UTF-16 index, line and column; `None` when the text is
/// well-formed UTF-16 (convert it to a `String` and validate that).
///
/// ```
/// let units: Vec<u16> = "{\"a\": \"".encode_utf16().chain([0xD800, u16::from(b'"'), u16::from(b'}')]).collect();
/// let report = dxer::unpaired_surrogate(&units, &dxer::Options::default()).unwrap();
/// assert_eq!(report.findings[0].code, "DXER-J006");
/// assert!(report.findings[0].message.en.contains("U+D800 at UTF-16 index 7 (line 1, column 8)"));
/// ```
pub fn unpaired_surrogate(units: &[u16], opts: &Options) -> Option<Report> {
    let found = surrogate::in_utf16(units)?;
    Some(finish(opts, opts.kind.resolve_for(&Value::Null), vec![found]))
}

/// The `DXER-J003` finding of a text or byte input larger than `opts.max_input_bytes`, found before
/// anything reads it (checking bytes to be UTF-8 reads them all).
fn too_large<S: Source + ?Sized>(input: &S, opts: &Options) -> Option<Finding> {
    let size = input.byte_len()?;
    (size > opts.max_input_bytes)
        .then(|| Limit::InputBytes { size: size as u64, max: opts.max_input_bytes }.finding(""))
}

/// Validates one DXER record or reglament and reports every finding.
///
/// Never panics on any input: malformed JSON, wrong types, huge or deeply nested documents all come back
/// as findings. The result is deterministic (findings are sorted by pointer, then code).
///
/// ```
/// let report = dxer::validate("{\"record_id\": 5}", &dxer::Options::default());
/// assert!(!report.ok);
/// let f = report.findings.iter().find(|f| f.pointer == "/record_id").unwrap();
/// assert_eq!(f.code, "DXER-S003");
/// assert_eq!(f.message.en, "Wrong type: expected string.");
/// ```
pub fn validate<S: Source + ?Sized>(input: &S, opts: &Options) -> Report {
    if let Some(f) = too_large(input, opts) {
        return finish(opts, opts.kind.resolve_for(&Value::Null), vec![f]);
    }
    if let Some(text) = input.as_text() {
        return validate_str(text, opts.kind, opts, Purpose::Report).0;
    }
    // A document the schema accepts goes straight into the types, with the same report.
    if let Some((report, _)) = crate::direct::validate_source(input, opts.kind, opts, Purpose::Report) {
        return report;
    }
    let value = match input.to_value(opts) {
        Ok(v) => v,
        Err(f) => return finish(opts, opts.kind.resolve_for(&Value::Null), vec![*f]),
    };
    validate_value(value, opts)
}

impl DocumentKind {
    fn resolve_for(self, value: &Value) -> DocumentKind {
        match self {
            DocumentKind::Auto => match value {
                Value::Object(o) if !o.contains_key("reglament") && o.contains_key("general") => {
                    DocumentKind::Reglament
                }
                _ => DocumentKind::Record,
            },
            other => other,
        }
    }
}

fn validate_value(value: Cow<'_, Value>, opts: &Options) -> Report {
    run(value, opts).0
}

/// A record that passed validation without errors, with its report (which may hold warnings and info).
#[derive(Debug, Clone, PartialEq)]
pub struct Valid<T> {
    /// The typed document.
    pub value: T,
    /// Its validation report (`ok` is true).
    pub report: Report,
}

/// Validates a DXER record and, when it has no error, returns it typed.
///
/// This is the door every conversion goes through: an invalid record is refused with its findings.
///
/// ```
/// let text = std::fs::read_to_string("../tests/fixtures/valid/identity-card/input.json").unwrap();
/// let valid = dxer::parse_record(text.as_str(), &dxer::Options::default()).unwrap();
/// assert_eq!(valid.value.reglament.general.service_code.as_str(), "DX-000101");
/// let refused = dxer::parse_record("{}", &dxer::Options::default()).unwrap_err();
/// assert!(!refused.ok);
/// ```
pub fn parse_record<S: Source + ?Sized>(input: &S, opts: &Options) -> Result<Valid<Record>, Report> {
    if let Some(f) = too_large(input, opts) {
        return Err(finish(opts, DocumentKind::Record, vec![f]));
    }
    if let Some(text) = input.as_text() {
        return match validate_str(text, DocumentKind::Record, opts, Purpose::Keep) {
            (report, Some(rules::Subject::Record(record))) if report.ok => Ok(Valid { value: record, report }),
            (report, _) => Err(report),
        };
    }
    match crate::direct::validate_source(input, DocumentKind::Record, opts, Purpose::Keep) {
        Some((report, rules::Subject::Record(record))) if report.ok => return Ok(Valid { value: record, report }),
        Some((report, _)) => return Err(report),
        None => {}
    }
    let opts = Options { kind: DocumentKind::Record, ..opts.clone() };
    let value = match input.to_value(&opts) {
        Ok(v) => v,
        Err(f) => return Err(finish(&opts, DocumentKind::Record, vec![*f])),
    };
    match run(value, &opts) {
        (report, Some(rules::Subject::Record(record))) if report.ok => Ok(Valid { value: record, report }),
        (report, _) => Err(report),
    }
}

/// Validates JSON text as a document of `kind` (`opts.kind` is not read) and returns the typed document
/// too, when its structure is valid: a leading byte order mark is read past (`DXER-J005`), member names given
/// twice are `DXER-J004`; then the direct path answers, or the three layers do. `purpose` says whether the
/// typed document is kept (then its lists are allocated at their sizes).
pub(crate) fn validate_str(
    text: &str,
    kind: DocumentKind,
    opts: &Options,
    purpose: Purpose,
) -> (Report, Option<rules::Subject>) {
    let (report, subject, _) = validate_str_via(text, kind, opts, purpose);
    (report, subject)
}

/// [`validate_str`], and whether the direct path read the typed document (then serde's reader gives the
/// same document from the text without its byte order mark).
pub(crate) fn validate_str_via(
    text: &str,
    kind: DocumentKind,
    opts: &Options,
    purpose: Purpose,
) -> (Report, Option<rules::Subject>, bool) {
    let (body, bom) = strip_bom(text);
    let mut extra = Vec::new();
    if bom {
        extra.push(bom_finding());
    }
    // With a name given twice, the parsed value holds one of the two: the three layers judge it, and the
    // direct path steps aside (its strict reader refuses a name given twice in any object), so the text is
    // scanned for such names only when the direct path does not answer.
    // Within the input limit only (a text past it is refused unread); a text that is not JSON gives no
    // duplicates (its scan is dropped).
    let scan = || if body.len() <= opts.max_input_bytes { input::duplicate_members(body) } else { Vec::new() };
    // The `compact` build's strict reader does not note names (see `direct::strict`): the text is scanned first.
    #[cfg(feature = "compact")]
    let (scanned, direct) = {
        let found = scan();
        let direct = if found.is_empty() { crate::direct::validate_source(body, kind, opts, purpose) } else { None };
        (Some(found), direct)
    };
    #[cfg(not(feature = "compact"))]
    let (scanned, direct) = (None, crate::direct::validate_source(body, kind, opts, purpose));
    let was_direct = direct.is_some();
    let (report, subject) = match direct {
        Some((report, subject)) => (report, Some(subject)),
        None => {
            let duplicates = scanned.unwrap_or_else(scan);
            let opts = match opts.kind == kind {
                true => Cow::Borrowed(opts),
                false => Cow::Owned(Options { kind, ..opts.clone() }),
            };
            match body.to_value(&opts) {
                Ok(value) => {
                    for (pointer, name) in &duplicates {
                        extra.push(input::duplicate_finding(pointer, name));
                    }
                    run(value, &opts)
                }
                Err(f) => (finish(&opts, kind.resolve_for(&Value::Null), vec![*f]), None),
            }
        }
    };
    (with_findings(report, extra, opts), subject, was_direct)
}

/// `report` with more findings (each rule's level applied to them too).
pub(crate) fn with_findings(report: Report, extra: Vec<Finding>, opts: &Options) -> Report {
    if extra.is_empty() {
        return report;
    }
    let kind = report.kind;
    let mut findings = report.findings;
    findings.extend(finish(opts, kind, extra).findings);
    Report::new(kind, findings)
}

/// Validates a parsed record and returns the typed record too, when its structure is valid (even if
/// semantic rules found errors): the registry keeps such records, and this avoids deserializing twice.
pub(crate) fn validate_record_value(value: &Value, opts: &Options) -> (Report, Option<Record>) {
    let opts = match opts.kind {
        DocumentKind::Record => Cow::Borrowed(opts),
        _ => Cow::Owned(Options { kind: DocumentKind::Record, ..opts.clone() }),
    };
    match run(Cow::Borrowed(value), &opts) {
        (report, Some(rules::Subject::Record(record))) => (report, Some(record)),
        (report, _) => (report, None),
    }
}

/// The three layers on a parsed document: the limits, then the structure (JSON Schema) and the text hygiene
/// on the value, then the semantic rules on the typed model.
///
/// A structurally valid document is read into the types and every rule runs on it; the typed document is
/// returned. A structurally invalid one (or one the types reject though the schema accepts it) returns no
/// typed document, but its structural errors do not hide the rest: the rules run on a copy repaired just
/// enough to deserialize (see [`repair`]), and their findings are kept except at or under a structurally
/// wrong or repaired node, and except any that depends on a value the repair made up.
///
/// `value` is the caller's (borrowed: copied once if it must be repaired) or one it no longer needs (owned:
/// repaired in place).
fn run(value: Cow<'_, Value>, opts: &Options) -> (Report, Option<rules::Subject>) {
    let kind = opts.kind.resolve_for(&value);
    let exceeded = limit_findings(&value, opts);
    if !exceeded.is_empty() {
        return (finish(opts, kind, exceeded), None);
    }
    let mut out = Emitter::default();
    let validator = crate::schema::validator(kind);
    let structurally_valid = validator.is_valid(&value);
    let mut schema_repairs = Vec::new();
    if !structurally_valid {
        let schema_errors = validator.errors(&value);
        for error in &schema_errors {
            schema_findings(error, &mut out);
        }
        schema_repairs = repair::schema_repairs(&schema_errors);
    }
    let mut structural: Vec<String> = out.findings().iter().map(|f| f.pointer.clone()).collect();
    rules::text::check_value(&value, &mut out);
    if structurally_valid {
        let base = if kind == DocumentKind::Reglament { "" } else { "/reglament" };
        match typed(&value, kind) {
            Ok(subject) => {
                rules::check(&subject, base, opts, &mut out);
                return (finish(opts, kind, out.into_findings()), Some(subject));
            }
            // The schema accepted what the types reject (e.g. a number beyond u32, or 1.0 for an integer):
            // report it at the field, do not guess.
            Err((pointer, detail)) => {
                out.emit("DXER-S007", &pointer, &[("detail", &detail)]);
                structural.push(pointer);
            }
        }
    }
    let mut doc = value.into_owned();
    for finding in repair::semantic_findings(&mut doc, kind, &schema_repairs, structural, opts) {
        out.push(finding);
    }
    (finish(opts, kind, out.into_findings()), None)
}

/// The typed document, or where and why the types reject it (a JSON Pointer and serde's message).
///
/// Natively the model is read without tracking the path, and read again with it only when it fails (the
/// common case pays nothing). With the `compact` feature (the WebAssembly validation package) it is read
/// once, with the path tracked: ≈ 20 % slower on a document the direct path does not answer, but without a
/// second copy of the model's deserializers from a `Value` (the repair of [`repair`] reads it the tracked
/// way too). The answer is the same: the tracking wrapper fails exactly where the model does.
fn typed(value: &Value, kind: DocumentKind) -> Result<rules::Subject, (String, String)> {
    fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
        #[cfg(not(feature = "compact"))]
        if let Ok(typed) = T::deserialize(value) {
            return Ok(typed);
        }
        serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
            let mut pointer = String::new();
            for segment in e.path().iter() {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
                    Segment::Map { key } => pointer.push_str(&format!("/{}", escape_token(key))),
                    Segment::Enum { variant } => pointer.push_str(&format!("/{}", escape_token(variant))),
                    Segment::Unknown => {}
                }
            }
            (pointer, e.into_inner().to_string())
        })
    }
    match kind {
        DocumentKind::Reglament => read::<Reglament>(value).map(rules::Subject::Reglament),
        _ => read::<Record>(value).map(rules::Subject::Record),
    }
}

/// The `DXER-J003` findings of the shape limits of `opts` (depth, items of one array or members of one
/// object, bytes of one string or member name), in one pass without recursion (a hostile document must
/// not exhaust the stack) and without allocating unless a limit is exceeded: the walk keeps an iterator
/// per open container, and the JSON Pointer of an offender is built from them only when it is reported.
/// The depth limit is reported once, at `""`; nothing beyond it is entered.
fn limit_findings(root: &Value, opts: &Options) -> Vec<Finding> {
    enum Children<'a> {
        Items(std::iter::Enumerate<std::slice::Iter<'a, Value>>),
        Members(serde_json::map::Iter<'a>),
    }
    /// The root has no token.
    type Token<'a> = Option<PathToken<'a>>;
    fn pointer(open: &[(Token<'_>, Children<'_>)], last: Option<Token<'_>>) -> String {
        pointer_of(open.iter().map(|(t, _)| *t).chain(last).flatten())
    }

    let mut out = Vec::new();
    let mut too_deep = false;
    let mut open: Vec<(Token<'_>, Children<'_>)> = Vec::new();
    let mut next: Option<(Token<'_>, &Value)> = Some((None, root));
    loop {
        if let Some((token, value)) = next.take() {
            let depth = open.len() + 1;
            match value {
                _ if depth > opts.max_depth => too_deep = true,
                Value::Array(items) => {
                    if items.len() > opts.max_list_items {
                        let limit = Limit::Items { count: items.len(), max: opts.max_list_items };
                        out.push(limit.finding(&pointer(&open, Some(token))));
                    }
                    open.push((token, Children::Items(items.iter().enumerate())));
                }
                Value::Object(map) => {
                    if map.len() > opts.max_list_items {
                        let limit = Limit::Members { count: map.len(), max: opts.max_list_items };
                        out.push(limit.finding(&pointer(&open, Some(token))));
                    }
                    open.push((token, Children::Members(map.iter())));
                }
                Value::String(text) if text.len() > opts.max_string_bytes => {
                    let limit = Limit::StringBytes { size: text.len(), max: opts.max_string_bytes };
                    out.push(limit.finding(&pointer(&open, Some(token))));
                }
                _ => {}
            }
        }
        let Some((_, children)) = open.last_mut() else { break };
        match children {
            Children::Items(items) => next = items.next().map(|(i, v)| (Some(PathToken::Index(i)), v)),
            Children::Members(members) => {
                next = members.next().map(|(k, v)| (Some(PathToken::Key(k.as_str())), v));
                if let Some((Some(PathToken::Key(name)), _)) = next {
                    if name.len() > opts.max_string_bytes {
                        let limit = Limit::NameBytes { size: name.len(), max: opts.max_string_bytes };
                        out.push(limit.finding(&pointer(&open, None)));
                    }
                }
            }
        }
        if next.is_none() {
            open.pop();
        }
    }
    if too_deep {
        out.insert(0, Limit::Depth { max: opts.max_depth }.finding(""));
    }
    out
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

fn type_name(kind: &TypeKind) -> String {
    match kind {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" or "),
    }
}

/// `DXER-S006` with its limit in words in each language (`-dən` marks an Azerbaijani suffix after the number).
fn range(out: &mut Emitter, at: &str, limit: impl std::fmt::Display, words: [&str; 3], unit: [&str; 3]) {
    let text = |i: usize| match words[i].strip_prefix('-') {
        Some(suffix) => format!("{limit}{suffix}{}", unit[i]),
        None => format!("{} {limit}{}", words[i], unit[i]),
    };
    out.emit_localized("DXER-S006", at, &[], &[("limit", [text(0), text(1), text(2)])]);
}

/// Turns one JSON Schema error into findings located at the field concerned.
fn schema_findings(error: &jsonschema::ValidationError<'_>, out: &mut Emitter) {
    let at = error.instance_path().as_str().to_string();
    let instance = error.instance();
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            out.emit("DXER-S001", &format!("{at}/{}", escape_token(name)), &[("field", name)]);
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            for name in unexpected {
                out.emit("DXER-S002", &format!("{at}/{}", escape_token(name)), &[("field", name)]);
            }
        }
        ValidationErrorKind::Type { kind } => out.emit("DXER-S003", &at, &[("expected", &type_name(kind))]),
        ValidationErrorKind::Enum { options } => {
            let allowed = match options.as_ref() {
                Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            out.emit("DXER-S004", &at, &[("value", &short(instance)), ("allowed", &allowed)]);
        }
        ValidationErrorKind::Constant { expected_value } => {
            out.emit("DXER-S004", &at, &[("value", &short(instance)), ("allowed", &expected_value.to_string())]);
        }
        ValidationErrorKind::Pattern { pattern } => {
            out.emit("DXER-S005", &at, &[("value", &short(instance)), ("expected", &format!("pattern {pattern}"))]);
        }
        ValidationErrorKind::Format { format } => {
            let expected = match format.as_str() {
                "date" => "a date YYYY-MM-DD".to_string(),
                other => format!("format {other}"),
            };
            out.emit("DXER-S005", &at, &[("value", &short(instance)), ("expected", &expected)]);
        }
        ValidationErrorKind::Minimum { limit } => {
            range(out, &at, limit, ["ən azı", "at least", "не меньше"], ["", "", ""])
        }
        ValidationErrorKind::Maximum { limit } => {
            range(out, &at, limit, ["ən çoxu", "at most", "не больше"], ["", "", ""])
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            range(out, &at, limit, ["-dən böyük", "more than", "больше"], ["", "", ""])
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            range(out, &at, limit, ["-dən kiçik", "less than", "меньше"], ["", "", ""])
        }
        ValidationErrorKind::MinLength { limit } => {
            range(out, &at, limit, ["ən azı", "at least", "не меньше"], [" simvol", " character(s)", " символов"])
        }
        ValidationErrorKind::MaxLength { limit } => {
            range(out, &at, limit, ["ən çoxu", "at most", "не больше"], [" simvol", " character(s)", " символов"])
        }
        ValidationErrorKind::MinItems { limit } => {
            range(out, &at, limit, ["ən azı", "at least", "не меньше"], [" element", " item(s)", " элементов"])
        }
        ValidationErrorKind::MaxItems { limit } => {
            range(out, &at, limit, ["ən çoxu", "at most", "не больше"], [" element", " item(s)", " элементов"])
        }
        _ => {
            let detail = error.to_string();
            let detail: String = detail.chars().take(200).collect();
            out.emit("DXER-S007", &at, &[("detail", &detail)]);
        }
    }
}
