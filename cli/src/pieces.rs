//! Reading a JSON Lines file a piece of whole lines at a time, for the registry to load piece by piece.
//!
//! The file is read in large blocks straight into the buffer of the next piece, which is checked for UTF-8
//! once and handed over whole (the registry keeps it as the text of its records: see
//! `Registry::load_json_lines_piece_owned`); only a block that holds a line not UTF-8, or one over the size
//! limit, is gone through line by line, to refuse that line with its number and keep the rest. A line longer
//! than the limit is counted, not held.

use std::io::Read;

use dxer::registry::Preceding;
use dxer::{Options, Report};

use crate::input::content_len;
use crate::term;

/// What the reading hands over to the loader, in the file's order.
pub enum Piece {
    /// Whole lines, exactly as in the file, with the lines and bytes of the file before them (`items` is
    /// left for the loader to count: the lines that are not blank).
    Lines(String, Preceding),
    /// A line refused by itself (too long, not UTF-8; never a blank line): `file:line`, and the report.
    Refused(String, Report),
    /// The file could not be read further.
    Failed(String),
}

/// Reads JSON Lines from `reader` about `piece_bytes` at a time, handing each piece, each line refused by
/// itself and a failed read to `emit` in the file's order; `emit` returns `false` to stop. The pieces around
/// a refused line keep the lines and byte offsets of the whole file.
pub fn read_pieces(
    source: &str,
    mut reader: impl Read,
    opts: &Options,
    piece_bytes: usize,
    mut emit: impl FnMut(Piece) -> bool,
) {
    let max = opts.max_input_bytes;
    let piece_bytes = piece_bytes.max(1);
    // Room for the piece and the line that crosses its end.
    let capacity = piece_bytes + (piece_bytes / 16).min(1 << 16);
    let mut at = Preceding::default();
    let mut buf: Vec<u8> = Vec::with_capacity(capacity);
    loop {
        let mut failed = None;
        let mut eof = false;
        // Read to the piece's size, and on until a line ends or the line is known to be over the limit.
        loop {
            let want = match buf.len() < piece_bytes {
                true => piece_bytes - buf.len(),
                false if buf.len() <= max.saturating_add(1) && memchr::memchr(b'\n', &buf).is_none() => piece_bytes,
                false => break,
            };
            match reader.by_ref().take(want as u64).read_to_end(&mut buf) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        let cut = match eof {
            true => buf.len(),
            false => memchr::memrchr(b'\n', &buf).map_or(0, |i| i + 1),
        };
        if cut == 0 && failed.is_none() && !eof {
            // No line feed in more than the limit: a line over it, counted to its end, not held.
            let Some(rest) = skip_line(source, &mut reader, buf, &mut at, opts, &mut emit) else { return };
            buf = Vec::with_capacity(capacity.max(rest.len() + piece_bytes));
            buf.extend_from_slice(&rest);
            continue;
        }
        // The line that crosses the cut starts the next piece.
        let mut next = Vec::with_capacity(capacity.max(buf.len() - cut + piece_bytes));
        next.extend_from_slice(&buf[cut..]);
        buf.truncate(cut);
        if !buf.is_empty() && !lines(source, buf, &mut at, opts, &mut emit) {
            return;
        }
        if let Some(e) = failed {
            emit(Piece::Failed(format!("cannot read {} after line {}: {e}", term::quote_lines(source), at.lines)));
            return;
        }
        if eof {
            return;
        }
        buf = next;
    }
}

/// Hands over `block` (whole lines; the last may lack its line feed at the end of the file): as one piece when
/// it is UTF-8 and no line is over the limit, otherwise line by line. `false` to stop.
fn lines(
    source: &str,
    block: Vec<u8>,
    at: &mut Preceding,
    opts: &Options,
    emit: &mut impl FnMut(Piece) -> bool,
) -> bool {
    let max = opts.max_input_bytes;
    let fits = block.len() <= max || line_lengths(&block).all(|(len, last)| content_len(len, last) <= max);
    let block = match fits {
        true => match utf8::into_string(block) {
            Ok(text) => {
                let start = *at;
                advance(at, &text);
                return emit(Piece::Lines(text, start));
            }
            Err(block) => block,
        },
        false => block,
    };
    // Line by line: the lines that can go to the registry are gathered into pieces between the others.
    let mut piece = String::new();
    let mut piece_at = *at;
    fn flush(piece: &mut String, at: Preceding, emit: &mut impl FnMut(Piece) -> bool) -> bool {
        piece.is_empty() || emit(Piece::Lines(std::mem::take(piece), at))
    }
    let mut start = 0;
    while start < block.len() {
        let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |i| start + i);
        let line = &block[start..end];
        let ended = end < block.len();
        let with_end = &block[start..end + usize::from(ended)];
        let content = line.strip_suffix(b"\r").unwrap_or(line);
        let blank = line.iter().all(u8::is_ascii_whitespace);
        match std::str::from_utf8(with_end) {
            Ok(text) if line.len() <= max.saturating_add(1) && (blank || content.len() <= max) => {
                if piece.is_empty() {
                    piece_at = *at;
                }
                piece.push_str(text);
            }
            _ => {
                if !flush(&mut piece, piece_at, emit) {
                    return false;
                }
                if !blank {
                    let report = match content.len() <= max {
                        true => dxer::validate(content, opts),
                        false => dxer::input_too_large(content.len(), opts),
                    };
                    if !emit_refused(source, at.lines + 1, report, emit) {
                        return false;
                    }
                }
            }
        }
        at.lines += 1;
        at.bytes += with_end.len();
        start = end + 1;
    }
    flush(&mut piece, piece_at, emit)
}

/// UTF-8 checked with SIMD instructions: `simdutf8` goes through these texts about four times as fast as
/// `std::str::from_utf8` (≈ 4 GB/s on the benchmark's records, most of their letters two bytes long).
mod utf8 {
    #![allow(unsafe_code)]

    /// `bytes` as a `String` when they are UTF-8, else the bytes themselves.
    pub fn into_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
        if simdutf8::basic::from_utf8(&bytes).is_err() {
            return Err(bytes);
        }
        // SAFETY: `bytes` was checked to be UTF-8 just above (simdutf8's `basic` check accepts exactly what
        // `std::str::from_utf8` accepts; the test below holds it to that on valid and broken texts).
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    }
}

fn emit_refused(source: &str, line: usize, report: Report, emit: &mut impl FnMut(Piece) -> bool) -> bool {
    emit(Piece::Refused(format!("{source}:{line}"), report))
}

/// Reads past the rest of a line over the limit whose first bytes are `start` (no line feed among them),
/// refuses it (unless it is blank), and returns what follows its end.
fn skip_line(
    source: &str,
    reader: &mut impl Read,
    start: Vec<u8>,
    at: &mut Preceding,
    opts: &Options,
    emit: &mut impl FnMut(Piece) -> bool,
) -> Option<Vec<u8>> {
    let (mut len, mut blank, mut last) =
        (start.len(), start.iter().all(u8::is_ascii_whitespace), start.last().copied());
    let mut chunk = start;
    let (rest, ended, failed) = loop {
        chunk.clear();
        match reader.by_ref().take(1 << 20).read_to_end(&mut chunk) {
            Ok(0) => break (Vec::new(), false, None),
            Ok(_) => {}
            Err(e) => break (Vec::new(), false, Some(e)),
        }
        let end = memchr::memchr(b'\n', &chunk);
        let part = &chunk[..end.unwrap_or(chunk.len())];
        len += part.len();
        blank &= part.iter().all(u8::is_ascii_whitespace);
        last = part.last().copied().or(last);
        if let Some(end) = end {
            break (chunk[end + 1..].to_vec(), true, None);
        }
    };
    let line = at.lines + 1;
    at.lines += 1;
    at.bytes += len + usize::from(ended);
    if !blank && !emit_refused(source, line, dxer::input_too_large(content_len(len, last), opts), emit) {
        return None;
    }
    if let Some(e) = failed {
        emit(Piece::Failed(format!("cannot read {} after line {}: {e}", term::quote_lines(source), at.lines)));
        return None;
    }
    // At the end of the file, an empty rest ends the reading (nothing more is read from it).
    Some(rest)
}

/// The length of each line of `block` without its line feed, and its last byte.
fn line_lengths(block: &[u8]) -> impl Iterator<Item = (usize, Option<u8>)> + '_ {
    let ends = memchr::memchr_iter(b'\n', block).chain((block.last() != Some(&b'\n')).then_some(block.len()));
    let mut start = 0;
    ends.map(move |end| {
        let line = &block[start..end];
        start = end + 1;
        (line.len(), line.last().copied())
    })
}

/// Moves `at` past `text` (whole lines; the last may lack its line feed).
fn advance(at: &mut Preceding, text: &str) {
    let feeds = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    at.lines += feeds + usize::from(!text.is_empty() && !text.ends_with('\n'));
    at.bytes += text.len();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What becomes of each line (1-based number, bytes with its line feed), as the rules above say line by line.
    #[derive(Debug, PartialEq)]
    enum Fate {
        /// In a piece, at this byte offset of the file.
        Loaded(usize),
        /// Refused with this report.
        Refused(Report),
    }

    /// The fate of every line read line by line, the lines that are skipped left out.
    fn expected(bytes: &[u8], opts: &Options) -> Vec<(usize, Fate)> {
        let max = opts.max_input_bytes;
        let mut out = Vec::new();
        let mut offset = 0;
        for (i, line) in bytes.split_inclusive(|b| *b == b'\n').enumerate() {
            let body = line.strip_suffix(b"\n").unwrap_or(line);
            let content = body.strip_suffix(b"\r").unwrap_or(body);
            let blank = body.iter().all(u8::is_ascii_whitespace);
            let fits = body.len() <= max + 1 && (blank || content.len() <= max);
            match (std::str::from_utf8(line).is_ok() && fits, blank) {
                (true, _) => out.push((i + 1, Fate::Loaded(offset))),
                (false, true) => {}
                (false, false) if content.len() > max => {
                    out.push((i + 1, Fate::Refused(dxer::input_too_large(content.len(), opts))))
                }
                (false, false) => out.push((i + 1, Fate::Refused(dxer::validate(content, opts)))),
            }
            offset += line.len();
        }
        out
    }

    /// A reader that gives `bytes` a few at a time, then fails when `fail` says so.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
        fail: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.bytes.is_empty() && self.fail {
                return Err(std::io::Error::other("the disk went away"));
            }
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// The fate of every line as `read_pieces` gives it, checking each piece against the file's bytes.
    fn read(
        bytes: &[u8],
        opts: &Options,
        piece_bytes: usize,
        step: usize,
        fail: bool,
    ) -> (Vec<(usize, Fate)>, Vec<String>) {
        let (mut out, mut failures) = (Vec::new(), Vec::new());
        let reader = Trickle { bytes, step, fail };
        read_pieces("f.jsonl", reader, opts, piece_bytes, |piece| {
            match piece {
                Piece::Lines(text, at) => {
                    assert_eq!(text.as_bytes(), &bytes[at.bytes..at.bytes + text.len()], "a piece is the file's bytes");
                    let mut offset = at.bytes;
                    for (i, line) in text.split_inclusive('\n').enumerate() {
                        out.push((at.lines + i + 1, Fate::Loaded(offset)));
                        offset += line.len();
                    }
                }
                Piece::Refused(at, report) => {
                    let line = at.strip_prefix("f.jsonl:").unwrap().parse().unwrap();
                    out.push((line, Fate::Refused(report)));
                }
                Piece::Failed(message) => failures.push(message),
            }
            true
        });
        (out, failures)
    }

    fn text() -> Vec<u8> {
        let mut bytes = Vec::new();
        for n in 0..40 {
            let line: Vec<u8> = match n % 10 {
                0 => b"{\"a\": 1}".to_vec(),
                1 => b"".to_vec(),
                2 => b"  \t ".to_vec(),
                3 => format!("{{\"b\": \"{}\"}}\r", "x".repeat(n)).into_bytes(),
                4 => b"caf\xe9 not UTF-8".to_vec(),
                5 => "y".repeat(60 + n).into_bytes(), // over the limit below
                6 => format!("{}\r", "z".repeat(40)).into_bytes(), // at the limit with its carriage return
                7 if n < 20 => " ".repeat(41).into_bytes(), // a blank line one byte over: loaded (and skipped)
                7 => " ".repeat(70).into_bytes(),     // a blank line over the limit: skipped
                8 => "ə".repeat(20).into_bytes(),
                _ => b"[1, 2]".to_vec(),
            };
            bytes.extend_from_slice(&line);
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(b"{\"last\": \"no line feed\"}");
        bytes
    }

    #[test]
    fn pieces_give_every_line_its_fate_wherever_they_are_cut() {
        let opts = Options { max_input_bytes: 40, ..Options::default() };
        let bytes = text();
        let want = expected(&bytes, &opts);
        assert!(want.iter().any(|(_, f)| matches!(f, Fate::Refused(_))) && want.len() > 30);
        for piece_bytes in [1, 7, 64, 100, 1000, 1 << 20] {
            for step in [1, 3, 50, 1 << 20] {
                let (got, failures) = read(&bytes, &opts, piece_bytes, step, false);
                assert!(failures.is_empty());
                assert_eq!(got, want, "pieces of {piece_bytes} bytes, read {step} at a time");
            }
        }
        // Without a limit that any line reaches, the whole file is one piece.
        let (got, _) = read(b"{}\n\n{}\n", &Options::default(), 1 << 20, 1 << 20, false);
        assert_eq!(got, [(1, Fate::Loaded(0)), (2, Fate::Loaded(3)), (3, Fate::Loaded(4))]);
    }

    #[test]
    fn a_line_far_over_the_limit_is_counted_not_held() {
        let opts = Options { max_input_bytes: 100, ..Options::default() };
        let mut bytes = b"{}\n".to_vec();
        bytes.extend_from_slice(&vec![b'x'; 3 << 20]);
        bytes.extend_from_slice(b"\r\n{}\n");
        bytes.extend_from_slice(&vec![b' '; 2 << 20]); // blank: skipped
        bytes.extend_from_slice(b"\n{}");
        let want = expected(&bytes, &opts);
        assert_eq!(want[1], (2, Fate::Refused(dxer::input_too_large(3 << 20, &opts))));
        for (piece_bytes, step) in [(64, 1 << 20), (1 << 20, 4096), (4 << 20, 1 << 20)] {
            assert_eq!(read(&bytes, &opts, piece_bytes, step, false).0, want);
        }
    }

    /// The SIMD check accepts exactly what `std::str::from_utf8` accepts: every kind of broken sequence, at
    /// every offset around the 16-, 32- and 64-byte blocks SIMD code works in, in ASCII and in Azerbaijani.
    #[test]
    fn the_utf8_check_is_std_s() {
        let broken: [&[u8]; 12] = [
            b"\x80",             // a continuation byte alone
            b"\xc3",             // a lead byte at the end
            b"\xc3(",            // a lead byte without its continuation
            b"\xc0\xaf",         // an overlong '/'
            b"\xe0\x80\xaf",     // an overlong three-byte '/'
            b"\xed\xa0\x80",     // a UTF-16 surrogate
            b"\xf4\x90\x80\x80", // above U+10FFFF
            b"\xf8\x88\x80\x80\x80",
            b"\xff",
            b"\xe2\x82",    // a three-byte sequence cut short
            "ə".as_bytes(), // and some that are fine
            "\u{10FFFF}\u{FEFF}€".as_bytes(),
        ];
        for base in ["{\"a\": \"x\"}", "{\"ad\": \"Şəhər və kənd\"}"] {
            for bad in broken {
                for at in 0..=70 {
                    let mut bytes = base.repeat(6).into_bytes();
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, bad.iter().copied());
                    let std = std::str::from_utf8(&bytes).is_ok();
                    assert_eq!(
                        utf8::into_string(bytes.clone()).map(String::into_bytes),
                        match std {
                            true => Ok(bytes.clone()),
                            false => Err(bytes.clone()),
                        }
                    );
                }
            }
        }
    }

    #[test]
    fn a_failed_read_is_said_after_the_lines_read() {
        let opts = Options::default();
        let bytes = b"{}\n{}\n{\"cut\": ";
        let (got, failures) = read(bytes, &opts, 4, 2, true);
        assert_eq!(got, [(1, Fate::Loaded(0)), (2, Fate::Loaded(3))]);
        assert_eq!(failures.len(), 1);
        assert!(failures[0].contains("after line 2") && failures[0].contains("the disk went away"), "{failures:?}");
        // Stopped by the loader: nothing more is read or handed over.
        let mut given = 0;
        read_pieces("f.jsonl", &b"{}\n{}\n{}\n"[..], &opts, 1, |_| {
            given += 1;
            false
        });
        assert_eq!(given, 1);
    }
}
