//! Reading records from files, folders, JSON Lines and standard input, bounded.
//!
//! - At most `max_input_bytes + 1` bytes of a file, a line or standard input are held: a longer one is a
//!   `DXER-J003` finding ([`dxer::input_too_large`]) without being read whole; a regular file's length is
//!   known before reading it.
//! - Only regular files are read: a FIFO, socket or device (also through a symbolic link, e.g. to
//!   `/dev/zero`) is refused before it is opened, and the file is opened without blocking and checked
//!   again, so that it cannot be swapped for a FIFO in between.
//! - A folder is walked once: each folder is entered by its canonical path at most once, so a symbolic
//!   link loop ends (with a note on standard error).
//! - A file that cannot be read is a [`Inputs::failures`] entry, named; the others are still read.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use dxer::registry::TextFormat;

use crate::term;

/// One document to process: where it came from and its bytes.
pub struct Unit {
    /// `path`, `path:line` for JSON Lines, or `-` for standard input.
    pub source: String,
    /// The file the unit came from (for SARIF locations); `None` for standard input.
    pub path: Option<PathBuf>,
    /// Line number of a JSON Lines record (1-based); `None` for a whole file.
    pub line: Option<usize>,
    /// The document's bytes (empty when it is too large).
    pub bytes: Vec<u8>,
    /// The size of a document larger than `max_input_bytes` (its bytes were not kept).
    pub oversize: Option<usize>,
}

impl Unit {
    /// The validation report of the unit.
    pub fn validate(&self, opts: &dxer::Options) -> dxer::Report {
        match self.oversize {
            Some(size) => dxer::input_too_large(size, opts),
            None => dxer::validate(self.bytes.as_slice(), opts),
        }
    }
}

/// A usage or I/O problem: exit code 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the paths named: the units read, and the inputs that could not be read (one message each).
pub struct Inputs {
    pub units: Vec<Unit>,
    pub failures: Vec<String>,
}

impl Inputs {
    /// Prints the failures on standard error; an error when nothing at all could be read.
    pub fn report_failures(&self) -> Result<(), InputError> {
        for f in &self.failures {
            term::warn(&format!("dxer: {f}"));
        }
        if self.units.is_empty() {
            return Err(InputError("no records to process".into()));
        }
        Ok(())
    }
}

/// One input named on the command line or found in a folder.
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// The core's extension rule ([`TextFormat::of_file_name`]): `.json`, `.jsonl`, `.ndjson`.
pub fn format_of(path: &Path) -> Option<TextFormat> {
    TextFormat::of_file_name(&path.to_string_lossy())
}

/// Collects the units named by `paths`: files (`.json` one record, `.jsonl`/`.ndjson` one per line),
/// folders (every such file below, sorted) and `-` (standard input; JSON Lines with `stdin_jsonl`).
pub fn collect(paths: &[String], stdin_jsonl: bool, max: usize) -> Inputs {
    let (inputs, mut failures) = expand(paths);
    let mut units = Vec::new();
    for input in inputs {
        let read = match &input {
            Input::Stdin if stdin_jsonl => read_lines(std::io::stdin().lock(), "-", None, max, &mut units),
            Input::Stdin => read_bounded(std::io::stdin().lock(), max)
                .map(|(bytes, over)| {
                    units.push(whole_unit("-".into(), None, bytes, over.then_some(max.saturating_add(1))));
                })
                .map_err(|e| format!("cannot read standard input: {e}")),
            Input::File(path) => read_file(path, max, &mut units),
        };
        if let Err(message) = read {
            failures.push(message);
        }
    }
    Inputs { units, failures }
}

fn whole_unit(source: String, path: Option<PathBuf>, bytes: Vec<u8>, oversize: Option<usize>) -> Unit {
    let bytes = if oversize.is_some() { Vec::new() } else { bytes };
    Unit { source, path, line: None, bytes, oversize }
}

/// The files named by `paths`, folders walked, with the paths that could not be read.
pub fn expand(paths: &[String]) -> (Vec<Input>, Vec<String>) {
    let (mut inputs, mut failures) = (Vec::new(), Vec::new());
    let mut visited = HashSet::new();
    for arg in paths {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        match std::fs::metadata(&path) {
            Err(e) => failures.push(format!("cannot read {}: {e}", term::name(&path))),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(&path, &mut visited, &mut files, &mut failures);
                if files.is_empty() {
                    failures.push(format!(
                        "no records found in {} (looked for *.json, *.jsonl, *.ndjson)",
                        term::name(&path)
                    ));
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => inputs.push(Input::File(path)),
        }
    }
    (inputs, failures)
}

fn walk(dir: &Path, visited: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>, failures: &mut Vec<String>) {
    match std::fs::canonicalize(dir) {
        Ok(canonical) => {
            if !visited.insert(canonical) {
                term::warn(&format!(
                    "dxer: note: {} skipped: a folder already read (a symbolic link loop, or a second link to it)",
                    term::name(dir)
                ));
                return;
            }
        }
        Err(e) => return failures.push(format!("cannot read folder {}: {e}", term::name(dir))),
    }
    let entries = match std::fs::read_dir(dir).and_then(|d| d.collect::<Result<Vec<_>, _>>()) {
        Ok(entries) => entries,
        Err(e) => return failures.push(format!("cannot read folder {}: {e}", term::name(dir))),
    };
    let mut entries: Vec<(std::ffi::OsString, PathBuf, std::io::Result<std::fs::FileType>)> =
        entries.into_iter().map(|e| (e.file_name(), e.path(), e.file_type())).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, path, kind) in entries {
        let is_dir = match kind {
            Ok(kind) if kind.is_symlink() => match std::fs::metadata(&path) {
                Ok(meta) => meta.is_dir(),
                Err(e) => {
                    // A dangling link or a link to itself: a failure if it looks like a record file.
                    if format_of(&path).is_some() {
                        failures.push(format!("cannot read {}: {e}", term::name(&path)));
                    }
                    continue;
                }
            },
            Ok(kind) => kind.is_dir(),
            Err(e) => {
                failures.push(format!("cannot read {}: {e}", term::name(&path)));
                continue;
            }
        };
        if is_dir {
            walk(&path, visited, out, failures);
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
}

/// What a file that is not a regular file is.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

/// Opens a regular file for reading, refusing anything else before opening it, and returns its length.
pub fn open_regular(path: &Path) -> Result<(File, u64), String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot read {}: {e}", term::name(path));
    let refuse = |meta: &std::fs::Metadata| fail(&format!("not a regular file ({})", kind_of(meta)));
    let meta = std::fs::metadata(path).map_err(|e| fail(&e))?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Swapped for a FIFO after the check, the file still opens at once; the check below refuses it.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| fail(&e))?;
    let meta = file.metadata().map_err(|e| fail(&e))?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    Ok((file, meta.len()))
}

/// Reads at most `max + 1` bytes; `true` when there were more than `max`.
pub fn read_bounded(reader: impl Read, max: usize) -> std::io::Result<(Vec<u8>, bool)> {
    let mut bytes = Vec::new();
    reader.take((max as u64).saturating_add(1)).read_to_end(&mut bytes)?;
    let over = bytes.len() > max;
    Ok((bytes, over))
}

/// Reads a regular file of at most `max` bytes whole; the length of a larger one, unread.
pub fn read_whole(path: &Path, max: usize) -> Result<Result<Vec<u8>, usize>, String> {
    let (file, len) = open_regular(path)?;
    if len > max as u64 {
        return Ok(Err(usize::try_from(len).unwrap_or(usize::MAX)));
    }
    let (bytes, over) = read_bounded(file, max).map_err(|e| format!("cannot read {}: {e}", term::name(path)))?;
    Ok(if over { Err(bytes.len()) } else { Ok(bytes) })
}

/// A text file for the command itself (cards, usage, provider list, calendar data), at most `max` bytes.
pub fn read_text(path: &Path, what: &str, max: usize) -> Result<String, InputError> {
    let bytes = read_whole(path, max).map_err(|e| InputError(format!("{what}: {e}")))?.map_err(|size| {
        InputError(format!("{what} {}: {size} bytes, more than the limit of {max} bytes", term::name(path)))
    })?;
    String::from_utf8(bytes).map_err(|e| InputError(format!("{what} {} is not UTF-8: {e}", term::name(path))))
}

fn read_file(path: &Path, max: usize, units: &mut Vec<Unit>) -> Result<(), String> {
    let source = path.display().to_string();
    if format_of(path) == Some(TextFormat::JsonLines) {
        let (file, _) = open_regular(path)?;
        return read_lines(BufReader::new(file), &source, Some(path), max, units);
    }
    match read_whole(path, max)? {
        Ok(bytes) => units.push(whole_unit(source, Some(path.to_path_buf()), bytes, None)),
        Err(size) => units.push(whole_unit(source, Some(path.to_path_buf()), Vec::new(), Some(size))),
    }
    Ok(())
}

fn read_lines(
    reader: impl BufRead,
    source: &str,
    path: Option<&Path>,
    max: usize,
    units: &mut Vec<Unit>,
) -> Result<(), String> {
    let mut lines = Lines::new(reader, max);
    while let Some(line) = lines.next_line().map_err(|e| format!("cannot read {}: {e}", term::quote_lines(source)))? {
        if line.blank {
            continue;
        }
        let (bytes, oversize) = match line.content() {
            Some(content) => (content.to_vec(), None),
            None => (Vec::new(), Some(line.content_len)),
        };
        units.push(Unit {
            source: format!("{source}:{}", line.number),
            path: path.map(Path::to_path_buf),
            line: Some(line.number),
            bytes,
            oversize,
        });
    }
    Ok(())
}

/// One line of a text read by [`Lines`].
pub struct Line {
    /// 1-based.
    pub number: usize,
    /// Its first `max + 1` bytes at most, without the line feed.
    pub bytes: Vec<u8>,
    /// Its length without the line feed and a carriage return before it: what is held to the limit.
    pub content_len: usize,
    /// Whether it is only white space.
    pub blank: bool,
    max: usize,
}

impl Line {
    /// The line without a final carriage return, unless it is longer than the limit.
    pub fn content(&self) -> Option<&[u8]> {
        let content = self.bytes.strip_suffix(b"\r").unwrap_or(&self.bytes);
        (self.content_len <= self.max).then_some(content)
    }
}

/// A line's length (without its line feed) less a carriage return at its end (`last`): what is held to the
/// limit, in every reading of lines.
pub fn content_len(len: usize, last: Option<u8>) -> usize {
    len - usize::from(last == Some(b'\r'))
}

/// Reads a text line by line, each line bounded: of a longer line only the first `max + 1` bytes are
/// kept (the rest is read and counted, not held).
pub struct Lines<R> {
    inner: R,
    max: usize,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(inner: R, max: usize) -> Lines<R> {
        Lines { inner, max, number: 0 }
    }

    pub fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let keep_at_most = self.max.saturating_add(1);
        let (mut bytes, mut len, mut blank, mut ended, mut last) = (Vec::new(), 0usize, true, false, None);
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            let end = memchr::memchr(b'\n', buf);
            let part = &buf[..end.unwrap_or(buf.len())];
            let keep = keep_at_most.saturating_sub(bytes.len()).min(part.len());
            bytes.extend_from_slice(&part[..keep]);
            blank &= part.iter().all(u8::is_ascii_whitespace);
            len += part.len();
            last = part.last().copied().or(last);
            let used = part.len() + usize::from(end.is_some());
            self.inner.consume(used);
            if end.is_some() {
                ended = true;
                break;
            }
        }
        if len == 0 && !ended {
            return Ok(None);
        }
        self.number += 1;
        let content_len = content_len(len, last);
        let line = Line { number: self.number, bytes, content_len, blank, max: self.max };
        Ok(Some(line))
    }
}

/// Runs `f` over the units on every core, keeping the input order.
pub fn par_map<T: Send>(units: &[Unit], f: impl Fn(&Unit) -> T + Sync, progress: &(dyn Fn() + Sync)) -> Vec<T> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(units.len().max(1));
    if threads <= 1 {
        return units
            .iter()
            .map(|u| {
                let r = f(u);
                progress();
                r
            })
            .collect();
    }
    let chunk = units.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = units
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                scope.spawn(move || {
                    part.iter()
                        .map(|u| {
                            let r = f(u);
                            progress();
                            r
                        })
                        .collect::<Vec<T>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(units.len());
        for h in handles {
            // A worker only runs core validation, which does not panic; if it ever did, re-raise it.
            out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        out
    })
}
