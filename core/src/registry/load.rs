//! Reading records out of texts: the formats (one JSON record, a JSON array, JSON Lines) and the extension
//! rule that picks one, the items of a text with their lines and byte ranges, and the validation of each
//! item (in parallel on native targets). [`super::Registry`]'s `load_*` methods are built on it.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::held::{Facts, TextBlock};
use crate::model::Record;
use crate::report::{DocumentKind, Report};
use crate::Options;

/// How a text holds its records: one JSON record or a JSON array of them, or JSON Lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    /// One record or a JSON array of records (`.json`, and any other name).
    Json,
    /// One record per line (`.jsonl`, `.ndjson`).
    JsonLines,
}

impl TextFormat {
    /// The format a file of records has by its name, or `None` when the name is not that of a record file
    /// (the extension rule, in one place: `.json` → [`TextFormat::Json`], `.jsonl` and `.ndjson` →
    /// [`TextFormat::JsonLines`], letter case ignored).
    ///
    /// ```
    /// use dxer::registry::TextFormat;
    /// assert_eq!(TextFormat::of_file_name("2026/records.NDJSON"), Some(TextFormat::JsonLines));
    /// assert_eq!(TextFormat::of_file_name("card.json"), Some(TextFormat::Json));
    /// assert_eq!(TextFormat::of_file_name("notes.txt"), None);
    /// ```
    pub fn of_file_name(name: &str) -> Option<TextFormat> {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "json" => Some(TextFormat::Json),
            "jsonl" | "ndjson" => Some(TextFormat::JsonLines),
            _ => None,
        }
    }

    /// The format to read a named text in: by [`TextFormat::of_file_name`], [`TextFormat::Json`] otherwise.
    pub fn for_name(name: &str) -> TextFormat {
        TextFormat::of_file_name(name).unwrap_or(TextFormat::Json)
    }
}

/// Byte range (`start..end`, 0-based, end exclusive) of an item in the text it was loaded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteRange {
    /// Offset of the item's first byte.
    pub start: usize,
    /// Offset just past its last byte.
    pub end: usize,
}

/// What comes before a piece of a longer text that is loaded piece by piece
/// ([`super::Registry::load_json_lines_piece`]): a large JSON Lines file read a block of whole lines at a
/// time, so that only the block and the records are held, not the whole text. The default is the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Preceding {
    /// Lines of the whole text before the piece (the piece's first line is line `lines + 1`).
    pub lines: usize,
    /// Bytes of the whole text before the piece (added to each item's [`ByteRange`]).
    pub bytes: usize,
    /// Items (non-blank lines) before the piece (added to each item's `index`).
    pub items: usize,
}

/// One record or record text given to [`Registry::add_inputs`] (e.g. the items of a Python list).
#[derive(Debug, Clone, PartialEq)]
pub enum RecordInput {
    /// The JSON text of one record.
    Text(String),
    /// One record as a JSON value.
    Value(Value),
}

/// Where the text of a record being loaded is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kept {
    /// Bytes `start..end` of its block's texts ([`LoadedBlock::text`]).
    Block(usize, usize),
    /// Bytes `start..end` of the text it was loaded from, which the registry keeps whole
    /// ([`super::Registry::load_json_lines_piece_owned`]) or copies from ([`LoadedBlock::copy_input`]).
    Input(usize, usize),
}

/// The outcome of loading one item.
pub(super) struct Loaded {
    pub(super) line: Option<usize>,
    pub(super) bytes: Option<ByteRange>,
    pub(super) report: Report,
    /// What the registry keeps of a record it indexes: its facts and where its text is.
    pub(super) held: Option<(Facts, Kept)>,
    pub(super) record_id: Option<String>,
    pub(super) version: Option<u32>,
}

/// The items of a block loaded together, and the compact texts of those it indexes.
pub(super) struct LoadedBlock {
    pub(super) items: Vec<Loaded>,
    pub(super) text: TextBlock,
}

impl LoadedBlock {
    /// A block for `items` items of about `bytes` of text in all.
    pub(super) fn new(items: usize, bytes: usize) -> LoadedBlock {
        LoadedBlock { items: Vec::with_capacity(items), text: TextBlock::with_capacity(bytes) }
    }

    /// Adds the outcome of validating a typed record (a record whose report has `DXER-S…`/`DXER-J…`
    /// findings is not indexed); the typed record is dropped once its facts and text are taken.
    pub(super) fn push_typed(&mut self, report: Report, record: Option<Record>, ids: (Option<String>, Option<u32>)) {
        let held = record.filter(|_| !structurally_invalid(&report)).map(|r| {
            let (start, end) = self.text.push_record(&r);
            (Facts::of(&r), Kept::Block(start, end))
        });
        self.items.push(Loaded { line: None, bytes: None, report, held, record_id: ids.0, version: ids.1 });
    }

    /// Copies the texts its records have in `input` (the text they were loaded from) into its own texts,
    /// compactly: for an input the registry does not keep.
    pub(super) fn copy_input(&mut self, input: &str) {
        for item in &mut self.items {
            if let Some((_, kept)) = &mut item.held {
                if let Kept::Input(start, end) = *kept {
                    let (start, end) = self.text.push_compact(&input[start..end]);
                    *kept = Kept::Block(start, end);
                }
            }
        }
    }

    /// Bytes of `input` its records' texts take.
    pub(super) fn input_bytes(&self) -> usize {
        let spans = self.items.iter().filter_map(|i| i.held.as_ref());
        spans.map(|(_, kept)| if let Kept::Input(start, end) = kept { end - start } else { 0 }).sum()
    }
}

/// One item of a text: where it starts and its text.
pub(super) struct Item<'a> {
    pub(super) line: usize,
    pub(super) text: &'a str,
}

pub(super) fn validate_record(record: &Record, opts: &Options) -> Report {
    // A typed record always serialises (its map keys are strings); were it ever not to, `null` is reported
    // as not being a record instead of a panic.
    crate::validate(&serde_json::to_value(record).unwrap_or(Value::Null), opts)
}

pub(super) fn structurally_invalid(report: &Report) -> bool {
    report.findings.iter().any(|f| f.code.starts_with("DXER-J") || f.code.starts_with("DXER-S"))
}

/// Validates one item of a text; a record it indexes leaves its facts, and its text in `block` or, when
/// `input` (the whole text the item is part of) is given and the direct path read the record, its range of
/// `input` ([`Kept::Input`]: nothing is copied).
pub(super) fn load_item(item: &Item<'_>, opts: &Options, block: &mut TextBlock, input: Option<&str>) -> Loaded {
    let line = Some(item.line);
    // A record the schema accepts goes straight into its type (the same report, without a `Value`); a
    // leading byte order mark and duplicate names are the validator's to report, as for one document.
    // The typed record is read for its facts and dropped (the registry keeps its text), so its lists need not
    // be sized in advance: read for the report.
    let purpose = crate::direct::Purpose::Report;
    match crate::validate::validate_str_via(item.text, DocumentKind::Record, opts, purpose) {
        (report, Some(crate::rules::Subject::Record(record)), direct) => {
            let (record_id, version) = (Some(record.record_id.as_str().to_string()), Some(record.version));
            // What the direct path read, serde's reader reads the same from the text; anything else is
            // kept as the typed record's serialisation (see `held`).
            let range = match (direct, input) {
                (true, Some(input)) => {
                    let text = crate::validate::strip_bom(item.text).0;
                    let start = text.as_ptr() as usize - input.as_ptr() as usize;
                    Kept::Input(start, start + text.len())
                }
                (true, None) => {
                    let (start, end) = block.push_compact(crate::validate::strip_bom(item.text).0);
                    Kept::Block(start, end)
                }
                (false, _) => {
                    let (start, end) = block.push_record(&record);
                    Kept::Block(start, end)
                }
            };
            Loaded { line, bytes: None, report, held: Some((Facts::of(&record), range)), record_id, version }
        }
        (report, _, _) => {
            // No typed record: its ids, where the text has them (read again only on this path).
            let (text, _) = crate::validate::strip_bom(item.text);
            let (record_id, version) = match text.len() <= opts.max_input_bytes {
                true => serde_json::from_str::<Value>(text).map(|v| ids_of(&v)).unwrap_or((None, None)),
                false => (None, None),
            };
            Loaded { line, bytes: None, report, held: None, record_id, version }
        }
    }
}

/// The `record_id` and `version` of a record value, where it has them.
pub(super) fn ids_of(value: &Value) -> (Option<String>, Option<u32>) {
    let record_id = value.get("record_id").and_then(Value::as_str).map(str::to_string);
    let version = value.get("version").and_then(Value::as_u64).and_then(|v| u32::try_from(v).ok());
    (record_id, version)
}

/// The lines of JSON Lines `text` that are not blank (without the carriage return of a CR LF line end),
/// numbered after `lines_before`; every line counts.
pub(super) fn json_lines(text: &str, lines_before: usize) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let (mut start, mut line) = (0, lines_before);
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        line += 1;
        let l = &text[start..end];
        if !l.trim().is_empty() {
            items.push(Item { line, text: l.strip_suffix('\r').unwrap_or(l) });
        }
        start = end + 1;
    }
    items
}

/// The top-level items of a syntactically valid JSON text: the elements of an array, or the one value.
pub(super) fn split_top_level(text: &str) -> Vec<Item<'_>> {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let mut line = 1 + bytes[..start].iter().filter(|b| **b == b'\n').count();
    if bytes.get(start) != Some(&b'[') {
        return vec![Item { line, text: text[start..].trim_end() }];
    }
    let mut items = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut item_start: Option<(usize, usize)> = None; // (offset, line)
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        let boundary = depth == 1 && matches!(b, b',' | b']');
        if boundary {
            if let Some((s, l)) = item_start.take() {
                items.push(Item { line: l, text: text[s..i].trim_end() });
            }
            if b == b']' {
                break;
            }
            continue;
        }
        if depth == 1 && item_start.is_none() && !b.is_ascii_whitespace() {
            item_start = Some((i, line));
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    items
}

/// Maps `f` over `items` and returns the results in the order of `items`, whatever the number of threads.
///
/// On native targets the work is shared by `available_parallelism()` threads (the calling thread being one
/// of them): each takes the next block of items until none is left, so a slow or descheduled thread does
/// not hold the others up, and a thread that cannot be spawned only means fewer workers. WebAssembly has no
/// threads: there it runs sequentially.
pub(super) fn map_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let blocks = map_parallel_blocks(items, f);
    if blocks.len() == 1 {
        return blocks.into_iter().next().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(items.len());
    blocks.into_iter().for_each(|block| out.extend(block));
    out
}

/// Like [`map_parallel`], the results left in the blocks the threads made (in order): a registry moves
/// each record once more into its entries, not through a whole second copy of every result.
pub(super) fn map_parallel_blocks<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Vec<R>> {
    map_parallel_chunks(items, |part| part.iter().map(&f).collect())
}

/// Maps `f` over blocks of `items` (consecutive, in order, covering them all), on every thread as
/// [`map_parallel`] does, and returns one result per block, in order.
pub(super) fn map_parallel_chunks<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        // Below a few items per thread, spawning costs more than it saves.
        if threads > 1 && items.len() >= 4 * threads {
            let block = items.len().div_ceil(threads * 8).clamp(1, 256);
            let blocks: Vec<&[T]> = items.chunks(block).collect();
            let next = AtomicUsize::new(0);
            let work = || {
                let mut done: Vec<(usize, R)> = Vec::new();
                loop {
                    let b = next.fetch_add(1, Ordering::Relaxed);
                    let Some(part) = blocks.get(b) else { break };
                    done.push((b, f(part)));
                }
                done
            };
            let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
                let helpers: Vec<_> =
                    (1..threads).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok()).collect();
                let mut done = work();
                for helper in helpers {
                    match helper.join() {
                        Ok(part) => done.extend(part),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                done
            });
            done.sort_unstable_by_key(|(b, _)| *b);
            return done.into_iter().map(|(_, part)| part).collect();
        }
    }
    vec![f(items)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_items_carry_their_lines() {
        let text = "[\n  {\"a\": \"x,]\\\"\"},\n  {\"b\": [1, {\"c\": 2}]}, 3\n]";
        let items = split_top_level(text);
        let got: Vec<(usize, &str)> = items.iter().map(|i| (i.line, i.text)).collect();
        assert_eq!(got, [(2, "{\"a\": \"x,]\\\"\"}"), (3, "{\"b\": [1, {\"c\": 2}]}"), (3, "3")]);
        assert!(split_top_level("[]").is_empty());
        let one = split_top_level("\n\n  {\"a\": 1}\n");
        assert_eq!((one[0].line, one[0].text), (3, "{\"a\": 1}"));
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(map_parallel(&items, |i| i * 2), items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }
}
