//! Where a JSON Pointer points in JSON text: line and column, for editors and code hosts (SARIF).

/// A position in text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position of the value at `pointer` in `text` (for a member, the position of its name; for a
/// missing member, the position of the nearest enclosing member that was found). `None` when `text` is not JSON or
/// nothing of the path is found.
///
/// ```
/// let text = "{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}";
/// let p = dxer::locate::position(text, "/a/b/1").unwrap();
/// assert_eq!((p.line, p.column), (3, 14));
/// let p = dxer::locate::position(text, "/a/missing").unwrap();
/// assert_eq!((p.line, p.column), (2, 3)); // the member "a" that should hold it
/// ```
pub fn position(text: &str, pointer: &str) -> Option<Position> {
    let tokens: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer.strip_prefix('/')?.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect()
    };
    let mut s = Scanner { bytes: text.as_bytes(), pos: 0 };
    s.ws();
    let mut best = s.pos;
    for token in &tokens {
        s.ws();
        match s.peek()? {
            b'{' => {
                s.pos += 1;
                let mut found = false;
                loop {
                    s.ws();
                    match s.peek()? {
                        b'}' => break,
                        b',' => s.pos += 1,
                        b'"' => {
                            let key_at = s.pos;
                            let key = s.string()?;
                            s.ws();
                            if s.peek()? != b':' {
                                return Some(s.position_of(best));
                            }
                            s.pos += 1;
                            s.ws();
                            if key == *token {
                                best = key_at;
                                found = true;
                                break;
                            }
                            s.skip_value()?;
                        }
                        _ => return Some(s.position_of(best)),
                    }
                }
                if !found {
                    return Some(s.position_of(best));
                }
            }
            b'[' => {
                let index: usize = token.parse().ok()?;
                s.pos += 1;
                let mut i = 0;
                loop {
                    s.ws();
                    match s.peek()? {
                        b']' => return Some(s.position_of(best)),
                        b',' => s.pos += 1,
                        _ => {
                            if i == index {
                                best = s.pos;
                                break;
                            }
                            s.skip_value()?;
                            i += 1;
                        }
                    }
                }
            }
            _ => return Some(s.position_of(best)),
        }
    }
    Some(s.position_of(best))
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Reads a string starting at `"`, returning its decoded value.
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return serde_json::from_slice(&self.bytes[start..self.pos]).ok();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value without recursion (brackets counted, strings skipped).
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    loop {
                        match self.peek()? {
                            b'\\' => self.pos += 2,
                            b'"' => {
                                self.pos += 1;
                                break;
                            }
                            _ => self.pos += 1,
                        }
                    }
                    if depth == 0 {
                        return Some(());
                    }
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    self.pos += 1;
                    if depth == 0 {
                        return Some(());
                    }
                }
                b',' if depth == 0 => return Some(()),
                _ => self.pos += 1,
            }
        }
    }

    fn position_of(&self, at: usize) -> Position {
        let before = &self.bytes[..at.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map(|p| p + 1).unwrap_or(0);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_members_items_and_escaped_keys() {
        let text = r#"{"x": "a,]}", "a/b": {"c~d": [ {"k": 1}, {"k": "ə"} ]}}"#;
        assert_eq!(position(text, "/a~1b/c~0d/1/k"), Some(Position { line: 1, column: 43 }));
        assert_eq!(position(text, ""), Some(Position { line: 1, column: 1 }));
        assert_eq!(position(text, "/x"), Some(Position { line: 1, column: 2 }));
        assert_eq!(
            position(text, "/a~1b/c~0d/9"),
            Some(Position { line: 1, column: 23 }),
            "the nearest found ancestor"
        );
        assert_eq!(position("not json", "/a"), Some(Position { line: 1, column: 1 }));
        assert_eq!(position("{\"a\": [1,", "/a/5"), None);
        assert_eq!(position(text, "bad"), None);
    }
}
