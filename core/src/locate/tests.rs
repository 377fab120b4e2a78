use super::*;
use proptest::prelude::*;

#[test]
fn finds_members_items_and_escaped_keys() {
    let text = r#"{"x": "a,]}", "a/b": {"c~d": [ {"k": 1}, {"k": "ə"} ]}}"#;
    assert_eq!(position(text, "/a~1b/c~0d/1/k"), Some(Position { line: 1, column: 43 }));
    assert_eq!(position(text, ""), Some(Position { line: 1, column: 1 }));
    assert_eq!(position(text, "/x"), Some(Position { line: 1, column: 2 }));
    assert_eq!(position(text, "/a~1b/c~0d/9"), Some(Position { line: 1, column: 23 }), "the nearest found ancestor");
    assert_eq!(position("not json", "/a"), Some(Position { line: 1, column: 1 }));
    assert_eq!(position("{\"a\": [1,", "/a/5"), None);
    assert_eq!(position(text, "bad"), None);
    assert_eq!(position(text, "/a~1b/c~0d/01"), None, "not an index");
    assert_eq!(position(text, "/a~1b/c~0d/-"), None, "not an index");
    assert!(positions(text, []).is_empty());
}

#[test]
fn columns_count_characters_on_long_lines() {
    // One line, many multi-byte characters before each finding, asked for in any order.
    let items: Vec<String> = (0..50).map(|i| format!("{{\"ə\": \"şəxsiyyət {i}\", \"v\": {i}}}")).collect();
    let text = format!("[{}]", items.join(", "));
    let pointers: Vec<String> = (0..50).rev().map(|i| format!("/{i}/v")).collect();
    let found = positions(&text, pointers.iter().map(String::as_str));
    for (p, at) in pointers.iter().zip(found) {
        let needle = format!("{}}}", p.split('/').nth(1).unwrap());
        let byte = text.find(&format!("\"v\": {needle}")).unwrap();
        assert_eq!(at, Some(Position { line: 1, column: text[..byte].chars().count() + 1 }), "{p}");
    }
    let text = "{\r\n\t\"a\":\n  [\n\n 7]}";
    assert_eq!(position(text, "/a/0"), Some(Position { line: 5, column: 2 }));
    assert_eq!(position(text, "/a"), Some(Position { line: 2, column: 2 }));
}

#[test]
fn duplicate_members_are_located_at_the_first() {
    let text = r#"{"a": 1, "a": {"b": 2}, "c": 3}"#;
    assert_eq!(position(text, "/a"), Some(Position { line: 1, column: 2 }));
    assert_eq!(position(text, "/a/b"), Some(Position { line: 1, column: 2 }), "the first has no b");
    assert_eq!(
        positions(text, ["/c", "/a/b", "/a"]),
        [position(text, "/c"), position(text, "/a"), position(text, "/a")]
    );
}

/// The walk of one pointer that `position` was before it located many at once (array indices read
/// as RFC 6901 has them): what each pointer finds must not depend on the others asked for with it.
fn reference(text: &str, pointer: &str) -> Option<Position> {
    let tokens: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer.strip_prefix('/')?.split('/').map(|t| t.replace("~1", "/").replace("~0", "~")).collect()
    };
    let mut s = Scanner { bytes: text.as_bytes(), pos: 0 };
    s.ws();
    let mut best = s.pos;
    let at = |best: usize| line_columns(text.as_bytes(), &[Some(best)])[0];
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
                                return at(best);
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
                        _ => return at(best),
                    }
                }
                if !found {
                    return at(best);
                }
            }
            b'[' => {
                if token != "0" && (token.starts_with('0') || !token.bytes().all(|b| b.is_ascii_digit())) {
                    return None;
                }
                let index: usize = token.parse().ok()?;
                s.pos += 1;
                let mut i = 0;
                loop {
                    s.ws();
                    match s.peek()? {
                        b']' => return at(best),
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
            _ => return at(best),
        }
    }
    at(best)
}

/// JSON-like text: valid pieces, and the pieces that break it.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just(":"),
        Just(" "),
        Just("\n"),
        Just("\"a\""),
        Just("\"b\""),
        Just("\"a~b\""),
        Just("\"a\\/b\""),
        Just("\"\\u0061\""),
        Just("\"ə\""),
        Just("\"\\"),
        Just("1"),
        Just("null"),
        Just("\"a\": "),
        Just("\"b\": ["),
        Just("{\"a\": {\"b\": [0, {\"a\": 1}]}}"),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

fn pointer() -> impl Strategy<Value = String> {
    let token = prop_oneof![Just("a"), Just("b"), Just("a~1b"), Just("0"), Just("1"), Just("2"), Just("01"), Just("")];
    prop_oneof![
        Just(String::new()),
        prop::collection::vec(token, 1..5).prop_map(|t| format!("/{}", t.join("/"))),
        Just("a".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn many_pointers_at_once_find_what_each_finds_alone(
        text in text(),
        pointers in prop::collection::vec(pointer(), 0..8),
    ) {
        let all = positions(&text, pointers.iter().map(String::as_str));
        for (p, found) in pointers.iter().zip(&all) {
            prop_assert_eq!(*found, reference(&text, p), "{:?} in {:?}", p, text);
        }
    }

    #[test]
    fn valid_json_is_located_at_each_value(value in valid_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }.unwrap();
        let mut pointers = Vec::new();
        every_pointer(&value, String::new(), &mut pointers);
        let all = positions(&text, pointers.iter().map(String::as_str));
        for (p, found) in pointers.iter().zip(&all) {
            prop_assert_eq!(*found, reference(&text, p), "{}", p);
            prop_assert!(found.is_some(), "{}", p);
        }
    }
}

fn valid_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf =
        prop_oneof![Just(Value::Null), any::<i32>().prop_map(Value::from), "[a-cə/~\"\\\\]{0,3}".prop_map(Value::from)];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-b/~ə]{0,2}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn every_pointer(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                every_pointer(item, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                every_pointer(item, format!("{at}/{}", crate::pointer::escape_token(k)), out);
            }
        }
        _ => {}
    }
}
