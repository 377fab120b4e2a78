//! Loading the registry for `dxer registry …`: every file in the format its name gives, bounded, JSON
//! Lines streamed a piece of whole lines at a time (so a large file is never held whole, only the records
//! it gives), and a count of what did not load, so that no command passes over it in silence.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dxer::registry::{Preceding, Registry, TextFormat};
use dxer::{Finding, Options, Report};

use crate::input::{self, Input, InputError};
use crate::pieces::{read_pieces, Piece};
use crate::term;

/// Bytes of whole lines handed to the core at a time.
const PIECE_BYTES: usize = 4 << 20;

/// The registry, and what of the inputs did not make it.
pub struct Loaded {
    pub registry: Registry,
    /// Inputs (files, standard input, the cards) that could not be read at all.
    pub unreadable: usize,
    /// Items that were read but not loaded: not JSON, not a record, too large, not UTF-8, a rejected card.
    pub not_loaded: usize,
    /// Whether any item had errors (loaded or not).
    pub errors: bool,
}

impl Loaded {
    /// The exit status of a command whose output leaves out what did not load: 2 when an input could not
    /// be read, else 1 when an item did not load, else `code`. Says so on standard error.
    pub fn exit(&self, code: ExitCode) -> ExitCode {
        if self.unreadable + self.not_loaded == 0 {
            return code;
        }
        term::warn(&format!(
            "dxer: incomplete: {} input(s) could not be read and {} item(s) did not load (see above); \
             the output leaves them out",
            self.unreadable, self.not_loaded
        ));
        ExitCode::from(if self.unreadable > 0 { 2 } else { 1 })
    }
}

struct Loader<'a> {
    loaded: Loaded,
    opts: &'a Options,
    lang: &'a str,
}

/// Loads files into a registry, reporting each problem (with its file and line) on standard error.
pub fn load_registry(
    paths: &[String],
    cards: Option<&PathBuf>,
    opts: &Options,
    lang: &str,
) -> Result<Loaded, InputError> {
    let (inputs, failures) = input::expand(paths);
    let registry = Registry::with_options(Options { kind: dxer::DocumentKind::Record, ..opts.clone() });
    let mut l = Loader { loaded: Loaded { registry, unreadable: 0, not_loaded: 0, errors: false }, opts, lang };
    for f in failures {
        l.unreadable(&f);
    }
    let max = opts.max_input_bytes;
    for input in inputs {
        match input {
            Input::Stdin => match input::read_bounded(std::io::stdin().lock(), max) {
                Ok((_, true)) => l.refuse("-", &dxer::input_too_large(max.saturating_add(1), opts)),
                Ok((bytes, false)) => l.load_bytes("-", &bytes),
                Err(e) => l.unreadable(&format!("cannot read standard input: {e}")),
            },
            Input::File(path) => l.load_file(&path),
        }
    }
    l.report_problems();
    if let Some(path) = cards {
        match input::read_text(path, "information-system cards", max) {
            Err(e) => l.unreadable(&e.0),
            Ok(text) => {
                for p in l.loaded.registry.add_information_systems_json(&text) {
                    term::warn(&format!(
                        "{}: {}[{}] {}: {}",
                        term::name(path),
                        p.finding.severity,
                        p.finding.code,
                        p.pointer,
                        p.finding.message.get(lang)
                    ));
                    if p.rejected {
                        l.loaded.errors = true;
                        l.loaded.not_loaded += 1;
                    }
                }
            }
        }
    }
    Ok(l.loaded)
}

impl Loader<'_> {
    fn unreadable(&mut self, message: &str) {
        term::warn(&format!("dxer: {message}"));
        self.loaded.unreadable += 1;
    }

    /// An item that did not load, with the report that says why.
    fn refuse(&mut self, source: &str, report: &Report) {
        let errors: Vec<Finding> =
            report.findings.iter().filter(|f| f.severity == dxer::Severity::Error).cloned().collect();
        print_problems(source, None, &errors, self.lang);
        self.loaded.errors = true;
        self.loaded.not_loaded += 1;
    }

    fn load_bytes(&mut self, source: &str, bytes: &[u8]) {
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                self.loaded.registry.load_source(source, text);
            }
            // The validator locates the bad byte.
            Err(_) => self.refuse(source, &dxer::validate(bytes, self.opts)),
        }
    }

    fn load_file(&mut self, path: &Path) {
        let source = path.display().to_string();
        let max = self.opts.max_input_bytes;
        if input::format_of(path) == Some(TextFormat::JsonLines) {
            match input::open_regular(path) {
                Ok((file, _)) => self.stream_lines(&source, file),
                Err(e) => self.unreadable(&e),
            }
            return;
        }
        match input::read_whole(path, max) {
            Ok(Ok(bytes)) => self.load_bytes(&source, &bytes),
            Ok(Err(size)) => self.refuse(&source, &dxer::input_too_large(size, self.opts)),
            Err(e) => self.unreadable(&e),
        }
    }

    /// JSON Lines, a piece of whole lines at a time ([`read_pieces`]). The file is read on a thread of its
    /// own while the registry loads the piece before (on every core), so that reading is not a pause
    /// between loads. Without a thread, it is read here.
    fn stream_lines(&mut self, source: &str, mut reader: impl Read + Send) {
        let opts = self.opts;
        let mut items = 0;
        let threaded = std::thread::scope(|scope| {
            let (to_load, read) = std::sync::mpsc::sync_channel::<Piece>(1);
            let reader = &mut reader;
            // The loader does not go before the end; were it gone, what is left is not read.
            let reading = std::thread::Builder::new().spawn_scoped(scope, move || {
                read_pieces(source, reader, opts, PIECE_BYTES, |p| to_load.send(p).is_ok())
            });
            if reading.is_err() {
                return false;
            }
            for piece in read {
                self.take(source, piece, &mut items);
            }
            true
        });
        if !threaded {
            read_pieces(source, &mut reader, opts, PIECE_BYTES, |p| {
                self.take(source, p, &mut items);
                true
            });
        }
    }

    /// Loads a piece (handing it over to the registry), or reports a line refused or a failed read; counts
    /// the items (lines not blank) the file has given so far.
    fn take(&mut self, source: &str, piece: Piece, items: &mut usize) {
        match piece {
            Piece::Lines(text, start) => {
                let start = Preceding { items: *items, ..start };
                *items += self.loaded.registry.load_json_lines_piece_owned(Some(source), text, start).items;
            }
            Piece::Refused(at, report) => {
                *items += 1;
                self.refuse(&at, &report);
            }
            Piece::Failed(message) => self.unreadable(&message),
        }
    }

    /// The registry's own load problems (each item that is not JSON, not a record or has errors).
    fn report_problems(&mut self) {
        for p in self.loaded.registry.problems() {
            let file = p.source.as_deref().unwrap_or("-");
            let source = match p.line {
                Some(line) if line > 1 || TextFormat::for_name(file) == TextFormat::JsonLines => {
                    format!("{file}:{line}")
                }
                _ => file.to_string(),
            };
            if !p.indexed {
                self.loaded.not_loaded += 1;
            }
            let errors: Vec<Finding> =
                p.findings.iter().filter(|f| f.severity == dxer::Severity::Error).cloned().collect();
            if !errors.is_empty() {
                self.loaded.errors = true;
                print_problems(&source, p.record_id.as_deref(), &errors, self.lang);
            }
        }
    }
}

fn print_problems(source: &str, record_id: Option<&str>, findings: &[Finding], lang: &str) {
    let id = record_id.map(|r| format!(" ({r})")).unwrap_or_default();
    // `path:line` → `path` (a path may hold colons of its own).
    let file = match source.rsplit_once(':') {
        Some((file, line)) if line.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => source,
    };
    term::warn(&format!(
        "{}{id}: {} error(s); see `dxer validate {}`",
        term::quote_lines(source),
        findings.len(),
        term::quote_lines(file)
    ));
    for f in findings.iter().take(3) {
        let pointer = if f.pointer.is_empty() { "/" } else { &f.pointer };
        term::warn(&format!("  error[{}] {pointer}: {}", f.code, f.message.get(lang)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file streamed in pieces, with lines refused around them, gives the registry the lines, byte ranges
    /// and item indexes that loading it whole gives (the lines the stream refuses aside).
    #[test]
    fn streamed_items_keep_the_indexes_of_the_whole_file() {
        let opts = Options { max_input_bytes: 300, ..Options::default() };
        let long = format!("{{\"x\": \"{}\"}}", "y".repeat(400));
        let lines = ["{}", "", &long, "[1]", "{\"a\": 1}\r", "   ", &long, "{not json", "{}"];
        let text = lines.join("\n") + "\n";
        let registry = Registry::with_options(Options { kind: dxer::DocumentKind::Record, ..opts.clone() });
        let loaded = Loaded { registry, unreadable: 0, not_loaded: 0, errors: false };
        let mut l = Loader { loaded, opts: &opts, lang: "en" };
        l.stream_lines("f.jsonl", text.as_bytes());
        assert_eq!(l.loaded.not_loaded, 2, "the two long lines");
        let mut whole = Registry::with_options(opts.clone());
        whole.load_source("f.jsonl", &text);
        let streamed = l.loaded.registry.problems();
        let expected: Vec<_> = whole.problems().iter().filter(|p| !matches!(p.line, Some(3 | 7))).collect();
        assert_eq!(streamed.len(), 5);
        assert_eq!(streamed.iter().collect::<Vec<_>>(), expected);
        let indexes: Vec<usize> = streamed.iter().map(|p| p.index).collect();
        assert_eq!(indexes, [0, 2, 3, 5, 6], "blank lines are not items; refused lines are");
    }
}
