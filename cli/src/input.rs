//! Reading records from files, folders, JSON Lines and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use dxer::registry::TextFormat;

/// One document to process: where it came from and its bytes.
pub struct Unit {
    /// `path`, `path:line` for JSON Lines, or `-` for standard input.
    pub source: String,
    /// The file the unit came from (for SARIF locations); `None` for standard input.
    pub path: Option<PathBuf>,
    /// Line number of a JSON Lines record (1-based); `None` for a whole file.
    pub line: Option<usize>,
    /// The document's bytes.
    pub bytes: Vec<u8>,
}

/// A usage or I/O problem: exit code 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The core's extension rule ([`TextFormat::of_file_name`]): `.json`, `.jsonl`, `.ndjson`.
fn format_of(path: &Path) -> Option<TextFormat> {
    TextFormat::of_file_name(&path.to_string_lossy())
}

/// Collects the units named by `paths`: files (`.json` one record, `.jsonl`/`.ndjson` one per line),
/// folders (every such file below, sorted) and `-` (standard input; JSON Lines with `stdin_jsonl`).
pub fn collect(paths: &[String], stdin_jsonl: bool) -> Result<Vec<Unit>, InputError> {
    gather(paths, stdin_jsonl, true)
}

/// Like [`collect`], but every file (and standard input) is one unit, JSON Lines files too: for the
/// registry, whose loader reads each file in the format its name gives.
pub fn collect_files(paths: &[String]) -> Result<Vec<Unit>, InputError> {
    gather(paths, false, false)
}

fn gather(paths: &[String], stdin_jsonl: bool, split_jsonl: bool) -> Result<Vec<Unit>, InputError> {
    let mut units = Vec::new();
    for arg in paths {
        if arg == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| InputError(format!("cannot read standard input: {e}")))?;
            if stdin_jsonl {
                split_lines("-", None, &bytes, &mut units);
            } else {
                units.push(Unit { source: "-".into(), path: None, line: None, bytes });
            }
            continue;
        }
        let path = PathBuf::from(arg);
        let meta = std::fs::metadata(&path).map_err(|e| InputError(format!("cannot read {arg}: {e}")))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files).map_err(|e| InputError(format!("cannot read folder {arg}: {e}")))?;
            if files.is_empty() {
                return Err(InputError(format!("no records found in {arg} (looked for *.json, *.jsonl, *.ndjson)")));
            }
            for file in files {
                read_file(&file, split_jsonl, &mut units)?;
            }
        } else {
            read_file(&path, split_jsonl, &mut units)?;
        }
    }
    if units.is_empty() {
        return Err(InputError("no records to process".into()));
    }
    Ok(units)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

fn read_file(path: &Path, split_jsonl: bool, units: &mut Vec<Unit>) -> Result<(), InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))?;
    let source = path.display().to_string();
    if split_jsonl && format_of(path) == Some(TextFormat::JsonLines) {
        split_lines(&source, Some(path), &bytes, units);
    } else {
        units.push(Unit { source, path: Some(path.to_path_buf()), line: None, bytes });
    }
    Ok(())
}

fn split_lines(source: &str, path: Option<&Path>, bytes: &[u8], units: &mut Vec<Unit>) {
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        units.push(Unit {
            source: format!("{source}:{}", i + 1),
            path: path.map(Path::to_path_buf),
            line: Some(i + 1),
            bytes: line.to_vec(),
        });
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
