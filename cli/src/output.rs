//! Writing the files of `dxer convert` so that no output and no input is lost:
//!
//! - an existing file is not replaced without `--force`, and an input of the run never (even with it);
//! - a symbolic link, a folder or any other non-regular file at the output's name is refused, with or
//!   without `--force`: nothing is written through a link out of the output folder;
//! - each output is written to a new temporary file in the same folder (`.dxer-PID-N.tmp`, created
//!   exclusively) and then moved to its name: a failed write leaves no half file under the name. Without
//!   `--force` the move is a hard link, which fails if the name was taken in the meantime (on a file
//!   system without hard links: a check, then a rename). The data are not flushed to the disk (`fsync`):
//!   a power cut may still lose a freshly written output.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::term;

/// Writes outputs under the rules above.
pub struct Writer {
    force: bool,
    inputs: HashSet<PathBuf>,
    next: AtomicU32,
}

impl Writer {
    /// A writer that never writes over one of `inputs`; `force`: may replace other existing files.
    pub fn new<'a>(force: bool, inputs: impl Iterator<Item = &'a Path>) -> Writer {
        let inputs = inputs.filter_map(|p| std::fs::canonicalize(p).ok()).collect();
        Writer { force, inputs, next: AtomicU32::new(0) }
    }

    /// Writes `text` to `target`; the reason, when it is not written.
    pub fn write(&self, target: &Path, text: &str) -> Result<(), String> {
        let name = term::name(target);
        match std::fs::symlink_metadata(target) {
            Ok(meta) if meta.file_type().is_symlink() => {
                return Err(format!(
                    "{name} is a symbolic link: not followed, not replaced (remove it or write elsewhere)"
                ))
            }
            Ok(meta) if !meta.is_file() => {
                return Err(format!("{name} exists and is not a regular file: not replaced"));
            }
            Ok(_) => {
                if std::fs::canonicalize(target).is_ok_and(|c| self.inputs.contains(&c)) {
                    return Err(format!("{name} is an input of this run: not overwritten"));
                }
                if !self.force {
                    return Err(format!("{name} exists: not overwritten (--force replaces it)"));
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot write {name}: {e}")),
        }
        let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", term::name(dir)))?;
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".dxer-{}-{n}.tmp", std::process::id()));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|mut file| file.write_all(text.as_bytes()).and_then(|_| file.flush()))
            .map_err(|e| format!("cannot write {name}: {e}"))
            .and_then(|_| self.place(&temp, target, &name));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written
    }

    fn place(&self, temp: &Path, target: &Path, name: &str) -> Result<(), String> {
        let failed = |e: std::io::Error| format!("cannot write {name}: {e}");
        if self.force {
            return std::fs::rename(temp, target).map_err(failed);
        }
        match std::fs::hard_link(temp, target) {
            Ok(()) => {
                let _ = std::fs::remove_file(temp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(format!("{name} exists: not overwritten (--force replaces it)"))
            }
            Err(_) if std::fs::symlink_metadata(target).is_err() => std::fs::rename(temp, target).map_err(failed),
            Err(e) => Err(failed(e)),
        }
    }
}
