//! Tests of the direct path: the same report as the full pipeline, the schema's bounds, the hints.

use super::bounds::*;
use super::strict::*;
use super::*;
use serde_json::json;

pub(crate) fn fixtures(dir: &str) -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path().join("input.json");
        if let Ok(text) = std::fs::read_to_string(&path) {
            out.push((path.display().to_string(), text));
        }
    }
    out.sort();
    out
}

/// Every single-point change of `value` this test tries: at each member and item, values of other
/// types, empty and oversized ones, lenient dates, objects without one of their members or with an
/// unknown one, objects written as arrays, codes written as `{"code": null}`.
pub(crate) fn mutations(value: &Value) -> Vec<Value> {
    fn at(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Value>, root: &Value) {
        let mut put = |replacement: Value| {
            let mut copy = root.clone();
            *locate(&mut copy, path) = replacement;
            out.push(copy);
        };
        match value {
            Value::String(s) => {
                for v in [
                    json!(""),
                    json!(" "),
                    json!("ab"),
                    json!("x".repeat(65)),
                    json!("y".repeat(2001)),
                    json!(format!("{s} ")),
                    json!(format!(" {s}")),
                    json!("Аз"),
                    json!(format!("{s}а")),
                    json!("2026-5-6"),
                    json!("+2026-05-06"),
                    json!("2025-02-29"),
                    json!(5),
                    json!({ s.as_str(): null }),
                    Value::Null,
                ] {
                    put(v);
                }
            }
            Value::Number(_) => {
                for v in [0i64, 1, 2, 100, 101, 255, 256, 2011, 2012, 2100, 2101, -1, 4_294_967_296] {
                    put(json!(v));
                }
                for v in [json!(1.5), json!(1.0), json!(1e2), json!("1"), Value::Null] {
                    put(v);
                }
            }
            Value::Bool(b) => {
                for v in [json!(!b), json!("true"), json!(0), Value::Null] {
                    put(v);
                }
            }
            Value::Array(items) => {
                put(json!([]));
                put(Value::Null);
                put(json!({}));
                if let Some(first) = items.first() {
                    let mut more = items.clone();
                    more.push(first.clone());
                    put(Value::Array(more));
                    put(Value::Array(items[1..].to_vec()));
                }
                for (i, item) in items.iter().enumerate() {
                    path.push(PathStep::Index(i));
                    at(item, path, out, root);
                    path.pop();
                }
            }
            Value::Object(map) => {
                put(Value::Null);
                put(json!([]));
                put(Value::Array(map.values().cloned().collect()));
                let mut extra = map.clone();
                extra.insert("zz".into(), json!(1));
                put(Value::Object(extra));
                for key in map.keys() {
                    let mut fewer = map.clone();
                    fewer.remove(key);
                    put(Value::Object(fewer));
                }
                for (key, item) in map {
                    path.push(PathStep::Key(key.clone()));
                    at(item, path, out, root);
                    path.pop();
                }
            }
            Value::Null => put(json!("x")),
        }
    }
    let mut out = Vec::new();
    at(value, &mut Vec::new(), &mut out, value);
    out
}

enum PathStep {
    Key(String),
    Index(usize),
}

fn locate<'v>(value: &'v mut Value, path: &[PathStep]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// Whenever the direct path answers, it answers exactly what the full pipeline does.
fn same_report(text: &str, opts: &Options, what: &str) -> bool {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        assert!(validate_text(text, opts.kind, opts).is_none(), "{what}: not JSON");
        return false;
    };
    let no_direct = Options { direct: false, ..opts.clone() };
    let full = crate::validate(&value, &no_direct);
    // The path from a parsed value answers for the same documents as the path from text.
    let from_value = validate_value(&value, opts.kind, opts).map(|(report, _)| report);
    let Some((report, _)) = validate_text(text, opts.kind, opts) else {
        // Except for a text the limits refuse before it is parsed, and one with a name given twice in an
        // object (the value keeps one of the two; the text is the validator's `DXER-J004`).
        let twice = !crate::validate::duplicate_members(text).is_empty();
        assert!(from_value.is_none() || twice || text.len() > opts.max_input_bytes, "{what}: value path only: {text}");
        return false;
    };
    assert_eq!(report, full, "{what}: {text}");
    assert_eq!(from_value.as_ref(), Some(&full), "{what} (from the value): {text}");
    // Read for its report only (lists not sized from the text): the same.
    let for_report = validate_text_for(text, opts.kind, opts, Purpose::Report).map(|(report, _)| report);
    assert_eq!(for_report.as_ref(), Some(&full), "{what} (for the report only): {text}");
    true
}

/// A host's document, as a binding describes it: here a `serde_json::Value` (its members in its own order).
#[derive(Clone, Copy)]
enum Node<'v> {
    Value(&'v Value),
    Name(&'v str),
}

type Items<'v> = std::iter::Map<std::slice::Iter<'v, Value>, fn(&'v Value) -> Node<'v>>;
type Members<'v> = std::iter::Map<serde_json::map::Iter<'v>, fn((&'v String, &'v Value)) -> (Node<'v>, Node<'v>)>;

impl<'v> host::HostNode for Node<'v> {
    type Items = Items<'v>;
    type Members = Members<'v>;

    fn read(&self) -> Option<host::HostValue<'_, Self>> {
        use host::HostValue as H;
        let value = match *self {
            Node::Name(name) => return Some(H::Str(name)),
            Node::Value(v) => v,
        };
        Some(match value {
            Value::Null => H::Null,
            Value::Bool(b) => H::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => H::Int(i),
                (_, Some(u)) => H::UInt(u),
                _ => H::Float(n.as_f64()?),
            },
            Value::String(s) => H::Str(s),
            Value::Array(items) => H::List(items.len(), items.iter().map(Node::Value as fn(&'v Value) -> Node<'v>)),
            Value::Object(map) => H::Object(map.len(), map.iter().map(member as fn((&'v String, &'v Value)) -> _)),
        })
    }
}

fn member<'v>((name, value): (&'v String, &'v Value)) -> (Node<'v>, Node<'v>) {
    (Node::Name(name), Node::Value(value))
}

/// The direct path from a host's objects: exactly the path from a parsed value, when it answers.
fn from_host(value: &Value, opts: &Options) -> Option<Report> {
    host::Typed::read(&Node::Value(value), opts)?.validate(opts)
}

/// A host's document copied onto a [`host::Tape`], as a binding copies its objects.
pub(crate) fn tape_of(value: &Value) -> host::Tape {
    fn copy(value: &Value, tape: &mut host::Tape) {
        match value {
            Value::Null => tape.null(),
            Value::Bool(b) => tape.bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => tape.int(i),
                (_, Some(u), _) => tape.uint(u),
                (_, _, f) => tape.float(f.unwrap_or(f64::NAN)),
            },
            Value::String(s) => tape.str(s),
            Value::Array(items) => {
                let open = tape.open_list();
                items.iter().for_each(|item| copy(item, tape));
                tape.close(open);
            }
            Value::Object(map) => {
                let open = tape.open_object();
                for (name, item) in map {
                    tape.str(name);
                    copy(item, tape);
                }
                tape.close(open);
            }
        }
    }
    let mut tape = host::Tape::new();
    copy(value, &mut tape);
    tape
}

/// The direct path from a host's objects answers for the documents the path from a parsed value answers for,
/// with the same report, which is the full pipeline's; from the objects copied onto a tape, the same again.
fn same_from_host(text: &str, opts: &Options, what: &str) -> bool {
    let Ok(value) = serde_json::from_str::<Value>(text) else { return false };
    let from_value = validate_value(&value, opts.kind, opts).map(|(report, _)| report);
    let from_host = from_host(&value, opts);
    let tape = tape_of(&value);
    assert_eq!(tape.to_value(), value, "{what}: the tape holds the document");
    let from_tape = host::Typed::read(&tape.root(), opts).and_then(|typed| typed.validate(opts));
    assert_eq!(from_tape, from_host, "{what} (from a tape): {text}");
    // Whether the direct path answers or the full pipeline does (over a `Value` of its own, repaired in
    // place), a tape's report is its value's.
    assert_eq!(crate::validate(&tape, opts), crate::validate(&value, opts), "{what} (validate a tape): {text}");
    if let Some(report) = &from_host {
        let no_direct = Options { direct: false, ..opts.clone() };
        assert_eq!(report, &crate::validate(&value, &no_direct), "{what} (from a host's objects): {text}");
    }
    assert_eq!(from_host, from_value, "{what} (from a host's objects): {text}");
    from_host.is_some()
}

#[test]
fn direct_path_matches_the_full_pipeline_on_every_mutation() {
    let opts = Options::default();
    let mut answered = 0;
    let mut documents = fixtures("valid");
    // The optional members no fixture has, so that each bound of `BOUNDS` is mutated somewhere.
    let mut enriched: Value =
        serde_json::from_str(&documents.iter().find(|(n, _)| n.contains("identity-card")).unwrap().1).unwrap();
    enriched["reglament"]["contact"]["email"] = json!("info@asan.gov.az");
    enriched["reglament"]["annexes"][0]["url"] = json!("https://www.asan.gov.az/forms/1.pdf");
    enriched["reglament"]["standard"]["documents"][0]["count"] = json!(2);
    enriched["history"] = json!([{"event": "submit", "date": "2026-05-20", "from": "draft", "to": "submitted",
        "defects": [{"az": "Sənədlərin siyahısı natamamdır"}]}]);
    enriched["review"] =
        json!({"started": "2026-05-21", "defects": [{"az": "Ödəniş əsası göstərilməyib", "ru": "Нет основания"}]});
    assert!(validate_text(&enriched.to_string(), DocumentKind::Auto, &opts).is_some(), "the enriched record is direct");
    documents.push(("identity-card, enriched".into(), enriched.to_string()));
    // Tens of thousands of full validations in a debug build: the enriched record (which reaches every bound)
    // is mutated everywhere, every other fixture at every 4th point, a different quarter for each fixture;
    // `DXER_EVERY_MUTATION=1` tries them all. The work is spread over the machine's cores.
    let every = std::env::var_os("DXER_EVERY_MUTATION").is_some();
    let last = documents.len() - 1;
    let cases: Vec<(String, String)> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, (name, text))| {
            let value: Value = serde_json::from_str(text).unwrap();
            let keep = move |i: usize| every || d == last || i % 4 == d % 4;
            mutations(&value)
                .into_iter()
                .enumerate()
                .filter(move |(i, _)| keep(*i))
                .map(move |(_, m)| (name.clone(), m.to_string()))
        })
        .collect();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = cases.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                let opts = &opts;
                scope.spawn(move || {
                    part.iter()
                        .filter(|(name, text)| {
                            let host = same_from_host(text, opts, name);
                            same_report(text, opts, name) || host
                        })
                        .count()
                })
            })
            .collect();
        for handle in handles {
            answered += handle.join().expect("a mutation worker panicked");
        }
    });
    let tried = cases.len();
    // The direct path answers for the mutations that keep the document within the schema (only those
    // prove anything here) and declines the others.
    eprintln!("direct path answered {answered} of {tried} mutations");
    assert!(tried > 5_000 && answered > tried / 10 && answered < tried, "{answered} of {tried}");
}

#[test]
fn direct_path_matches_on_the_conformance_fixtures_and_with_tight_limits() {
    let mut answered = 0;
    for dir in ["valid", "invalid"] {
        for (name, text) in fixtures(dir) {
            for opts in [
                Options::default(),
                Options { kind: DocumentKind::Record, ..Options::default() },
                Options { kind: DocumentKind::Reglament, ..Options::default() },
                Options { max_depth: 4, ..Options::default() },
                Options { max_depth: 7, ..Options::default() },
                Options { max_string_bytes: 100, ..Options::default() },
                Options { max_list_items: 3, ..Options::default() },
                Options { max_input_bytes: 100, ..Options::default() },
            ] {
                // From text, the public entry (which reads past a byte order mark and finds duplicate names
                // before either path) gives the same report with the direct path on or off.
                let no_direct = Options { direct: false, ..opts.clone() };
                assert_eq!(crate::validate(&text, &opts), crate::validate(&text, &no_direct), "{name}");
                answered += usize::from(same_report(&text, &opts, &name));
                same_from_host(&text, &opts, &name);
            }
        }
    }
    assert!(answered > 10, "{answered}");
}

/// Every valid fixture and every real document takes the direct path: its speed is what a registry sees.
#[test]
fn direct_path_answers_for_every_well_formed_fixture() {
    for dir in ["valid", "real"] {
        for (name, text) in fixtures(dir) {
            let answered = validate_text(&text, DocumentKind::Auto, &Options::default()).is_some();
            assert!(answered, "{dir}/{name}: the direct path stepped aside");
        }
    }
}

/// The bounds keywords of the published schemas, each of which the types either carry or
/// [`within_schema`] checks: [`BOUNDS`] must be exactly the ones on plain members.
#[test]
fn bounds_are_every_bound_of_the_published_schemas() {
    const KEYWORDS: &[&str] = &[
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "pattern",
        "minProperties",
        "maxProperties",
        "propertyNames",
        "const",
        "contains",
        "dependentRequired",
        "if",
        "not",
        "oneOf",
        "anyOf",
        "allOf",
    ];
    // Newtypes whose own checks are the schema's pattern (unit tests of each prove them equal).
    const TYPED_PATTERNS: &[&str] = &["InfoSystemCode", "LocalId", "Money", "ProviderCode", "RecordId", "ServiceCode"];
    let mut found = std::collections::BTreeSet::new();
    for file in ["record.schema.json", "reglament.schema.json"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas").join(file);
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let root = if file.starts_with("record") { "Record" } else { "Reglament" };
        let defs = schema["$defs"].as_object().unwrap().iter().map(|(k, v)| (k.as_str(), v));
        for (def, node) in std::iter::once((root, &schema)).chain(defs) {
            for keyword in KEYWORDS {
                if node.get(*keyword).is_some() {
                    // A citation is told from a full act by its first member (`model::stated`).
                    let marked = def == "Citation" && *keyword == "if";
                    assert!(marked || *keyword == "pattern" && TYPED_PATTERNS.contains(&def), "{def}: {keyword}");
                }
            }
            let Some(props) = node.get("properties").and_then(Value::as_object) else { continue };
            for (prop, sub) in props {
                // A `Stated` value: the not-stated form, `else` the value's own schema, whose bounds count.
                let sub = match sub.get("if") {
                    Some(_) => {
                        assert_eq!(sub["then"]["$ref"], "#/$defs/NotStated", "{def}.{prop}");
                        &sub["else"]
                    }
                    None => sub,
                };
                for (keyword, bound) in sub.as_object().unwrap() {
                    // `NotStatedFlag` is the `const: true` of a not-stated item.
                    if !KEYWORDS.contains(&keyword.as_str()) || (def == "NotStated" && keyword == "const") {
                        continue;
                    }
                    let limit = if keyword == "pattern" { 0 } else { bound.as_u64().unwrap() };
                    // `minimum: 0` is the unsigned integer types' own bound.
                    if !(keyword == "minimum" && limit == 0) {
                        found.insert((def.to_string(), prop.clone(), keyword.clone(), limit));
                    }
                }
                for keyword in KEYWORDS {
                    assert!(sub.get("items").and_then(|i| i.get(*keyword)).is_none(), "{def}.{prop} items: {keyword}");
                }
            }
        }
    }
    let listed: std::collections::BTreeSet<_> =
        BOUNDS.iter().map(|(d, p, k, l)| (d.to_string(), p.to_string(), k.to_string(), *l)).collect();
    assert_eq!(found, listed);
}

#[test]
fn hints_are_the_lengths_of_the_arrays_in_opening_order() {
    let text = r#"{"a": [1, [2, 3], [], "x,]\"[", {"b": [{}, {}, [[]]]}], "c": [ ], "d": [null]}"#;
    assert_eq!(Hints::of(text).lengths, [5, 2, 0, 3, 1, 0, 0, 1]);
    // Broken text gives some lengths and no panic.
    for broken in ["[", "]", "[[,", "\"\\", "[\"", "}]"] {
        let _ = Hints::of(broken);
    }
    // A hostile nesting costs no more than 128 open levels.
    assert_eq!(Hints::of(&"[".repeat(1_000_000)).lengths.len(), 128);
    for (text, at) in [("abcdefgh\"", 8), ("ab\\c", 2), ("abc", 3), ("", 0), ("\"", 0), ("aaaaaaaaaaaaaaa\\", 15)] {
        assert_eq!(next_quote_or_backslash(text.as_bytes(), 0), at, "{text}");
    }
    assert_eq!(next_quote_or_backslash("ab\"cd\"".as_bytes(), 3), 5);
    // A record's lists get exactly their capacity.
    let text = fixtures("valid").into_iter().find(|(n, _)| n.contains("identity-card")).unwrap().1;
    let record: Record = parse(&text, &Hints::of(&text)).unwrap();
    let basis = record.reglament.general.legal_basis.stated().unwrap();
    assert_eq!(basis.capacity(), basis.len());
    let docs = &record.reglament.standard.documents;
    assert_eq!(docs.capacity(), docs.len());
}

#[test]
fn valid_fixtures_take_the_direct_path() {
    let opts = Options::default();
    for (name, text) in fixtures("valid") {
        let record: Result<Record, _> = serde_json::from_str(&text);
        assert!(record.is_ok(), "{name}: {:?}", record.err());
        let strict: Option<Record> = parse(&text, &Hints::of(&text));
        assert!(strict.is_some(), "{name}: strict parse");
        assert!(within_schema(&strict.unwrap()), "{name}: bounds");
        assert!(validate_text(&text, DocumentKind::Auto, &opts).is_some(), "{name}");
    }
}

#[test]
fn a_foreign_deserializer_gives_the_report_of_the_text_or_falls_back() {
    let opts = Options::default();
    let (mut answered, mut compared) = (0, 0);
    for (name, text) in fixtures("valid") {
        let value: Value = serde_json::from_str(&text).unwrap();
        // Each valid fixture is answered (from a `Value`, as a host's deserializer would hand it over).
        let report = crate::validate_deserializer(|| &value, &opts).unwrap_or_else(|| panic!("{name}: no answer"));
        assert_eq!(report, crate::validate(serde_json::to_string(&value).unwrap().as_str(), &opts), "{name}");
        for mutated in mutations(&value).iter().step_by(5) {
            compared += 1;
            if let Some(report) = crate::validate_deserializer(|| mutated, &opts) {
                answered += 1;
                let text = serde_json::to_string(mutated).unwrap();
                assert_eq!(report, crate::validate(text.as_str(), &opts), "{name}: {text}");
            }
        }
        // Near the size limit the text decides (`DXER-J003`): up to half of the limit is answered.
        let length = serde_json::to_string(&value).unwrap().len();
        let tight = Options { max_input_bytes: length, ..Options::default() };
        assert!(crate::validate_deserializer(|| &value, &tight).is_none(), "{name}");
        let roomy = Options { max_input_bytes: 4 * length, ..Options::default() };
        assert!(crate::validate_deserializer(|| &value, &roomy).is_some(), "{name}");
        let off = Options { direct: false, ..Options::default() };
        assert!(crate::validate_deserializer(|| &value, &off).is_none(), "{name}");
    }
    assert!(answered > 100 && compared > answered, "answered {answered} of {compared}");
}

#[test]
fn a_foreign_deserializer_falls_back_on_a_replacement_character() {
    let (_, text) = fixtures("valid").remove(0);
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["reglament"]["general"]["service_code"] = json!("a\u{FFFD}b");
    assert!(crate::validate_deserializer(|| &value, &Options::default()).is_none());
}

/// `value` as JSON text in which the object at `target` (a path of member names and item indexes) gives
/// its first member twice: the second time with `second` as its value, and with the name's first character
/// written as a `\u` escape when `escaped`.
fn with_member_twice(value: &Value, target: &[PathStep], second: &Value, escaped: bool) -> String {
    fn write(value: &Value, path: &mut Vec<String>, target: &str, twice: &(Value, bool), out: &mut String) {
        match value {
            Value::Object(map) => {
                out.push('{');
                for (i, (name, item)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::from(name.as_str()).to_string());
                    out.push(':');
                    path.push(name.clone());
                    write(item, path, target, twice, out);
                    path.pop();
                }
                if let (true, Some((name, _))) = (path.join("/") == target, map.iter().next()) {
                    let mut chars = name.chars();
                    let first = chars.next().map_or(0, u32::from);
                    let written = match twice.1 {
                        true => format!("\"\\u{first:04x}{}\"", chars.as_str()),
                        false => Value::from(name.as_str()).to_string(),
                    };
                    out.push_str(&format!(",{written}:{}", twice.0));
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    path.push(i.to_string());
                    write(item, path, target, twice, out);
                    path.pop();
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let target: Vec<String> = target
        .iter()
        .map(|s| match s {
            PathStep::Key(k) => k.clone(),
            PathStep::Index(i) => i.to_string(),
        })
        .collect();
    let mut out = String::new();
    write(value, &mut Vec::new(), &target.join("/"), &(second.clone(), escaped), &mut out);
    out
}

/// The path of every non-empty object in `value`.
fn objects(value: &Value, path: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    let copy = |path: &[PathStep]| {
        path.iter()
            .map(|s| match s {
                PathStep::Key(k) => PathStep::Key(k.clone()),
                PathStep::Index(i) => PathStep::Index(*i),
            })
            .collect()
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push(copy(path));
            for (name, item) in map {
                path.push(PathStep::Key(name.clone()));
                objects(item, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(PathStep::Index(i));
                objects(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// A member name given twice in any object (with the same value or another, the name written plainly or
/// with an escape) makes the direct path step aside, so the full pipeline reports `DXER-J004`: the public
/// entry scans the text for such names only when the direct path does not answer (first, in the `compact`
/// build).
#[test]
fn a_member_name_given_twice_anywhere_makes_the_direct_path_step_aside() {
    let mut tried = 0;
    for (name, text) in fixtures("valid") {
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut paths = Vec::new();
        objects(&value, &mut Vec::new(), &mut paths);
        for path in &paths {
            let first = locate(&mut value.clone(), path).as_object().unwrap().values().next().unwrap().clone();
            for (second, escaped) in [(first.clone(), false), (first, true), (json!(null), false)] {
                let twice = with_member_twice(&value, path, &second, escaped);
                // The `compact` build's reader notes no names (`validate` scans the text before it runs).
                if cfg!(not(feature = "compact")) {
                    let direct = validate_text(&twice, DocumentKind::Auto, &Options::default());
                    assert!(direct.is_none(), "{name}: {twice}");
                }
                let report = crate::validate(&twice, &Options::default());
                assert!(report.findings.iter().any(|f| f.code == "DXER-J004"), "{name}: {twice}");
                tried += 1;
            }
        }
        // Written without a duplicate, the same text is direct (the writer above is sound).
        assert!(
            validate_text(
                &with_member_twice(&value, &[PathStep::Key("-".into())], &json!(0), false),
                DocumentKind::Auto,
                &Options::default()
            )
            .is_some(),
            "{name}"
        );
    }
    assert!(tried > 1_000, "{tried}");
}

/// A tape a binding built wrongly is not JSON data: the direct path steps aside, and its value is `null`
/// where it is wrong (never a panic, never a member quietly dropped or shifted).
#[test]
fn a_tape_built_wrongly_is_not_read() {
    use host::{HostNode, Tape};
    let opts = Options::default();
    // An object whose member has no value, one whose name is not a string, a list never closed.
    let mut no_value = Tape::new();
    let open = no_value.open_object();
    no_value.str("record_id");
    no_value.close(open);
    let mut bad_name = Tape::new();
    let open = bad_name.open_object();
    bad_name.int(1);
    bad_name.str("x");
    bad_name.close(open);
    let mut unclosed = Tape::new();
    let outer = unclosed.open_object();
    unclosed.str("tags");
    let _inner = unclosed.open_list();
    unclosed.int(1);
    unclosed.close(outer);
    for (what, tape) in [("no value", &no_value), ("bad name", &bad_name), ("unclosed", &unclosed)] {
        assert!(tape.root().read().is_none(), "{what}");
        assert!(host::Typed::read(&tape.root(), &opts).is_none(), "{what}");
        assert_eq!(tape.to_value(), Value::Null, "{what}");
    }
    assert_eq!(Tape::new().to_value(), Value::Null, "an empty tape");
    // Not finite: not a JSON number.
    let mut nan = Tape::new();
    let open = nan.open_list();
    nan.float(f64::NAN);
    nan.close(open);
    assert_eq!(nan.to_value(), json!([null]));
    // Containers at `Tape::MAX_DEPTH` are `null` (a binding copies nothing that deep).
    let mut deep = Tape::new();
    let opened: Vec<_> = (0..Tape::MAX_DEPTH).map(|_| deep.open_list()).collect();
    opened.into_iter().rev().for_each(|open| deep.close(open));
    let mut value = deep.to_value();
    for depth in 1..Tape::MAX_DEPTH {
        let Value::Array(items) = value else { panic!("a list at depth {depth}") };
        value = items.into_iter().next().unwrap_or(Value::Bool(false));
    }
    assert_eq!(value, Value::Null, "the container at the deepest level");
    // Built well, after `clear`, a tape holds exactly the document.
    let mut tape = no_value;
    tape.clear();
    let record: Value = serde_json::from_str(&fixtures("valid")[0].1).unwrap();
    let copied = tape_of(&record);
    assert_eq!(copied.to_value(), record);
    assert!(host::Typed::read(&copied.root(), &opts).is_some(), "a valid fixture reads from its tape");
}

/// A host's objects may not hold a name twice, so the reader over them does not note names; were one given
/// twice anyway (a host's own `HostNode`, a tape built so), the report is still its `Value`'s (which keeps the
/// last): the model's structs refuse a field given twice (the direct path steps aside) and its maps keep the
/// last. Every object of every valid fixture, its members each given first with a wrong value, then as they are.
#[test]
fn a_name_given_twice_by_a_host_reads_as_its_value_does() {
    fn copy(value: &Value, tape: &mut host::Tape, twice: &str) {
        match value {
            Value::Array(items) => {
                let open = tape.open_list();
                items.iter().for_each(|item| copy(item, tape, twice));
                tape.close(open);
            }
            Value::Object(map) => {
                let open = tape.open_object();
                for (name, item) in map {
                    if name == twice {
                        // A value of the same kind where it is a list (a map of the model takes either), a
                        // wrong one elsewhere.
                        tape.str(name);
                        match item {
                            Value::Array(_) => {
                                let empty = tape.open_list();
                                tape.close(empty);
                            }
                            _ => tape.str("given first"),
                        }
                    }
                    tape.str(name);
                    copy(item, tape, twice);
                }
                tape.close(open);
            }
            Value::Null => tape.null(),
            Value::Bool(b) => tape.bool(*b),
            Value::String(s) => tape.str(s),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => tape.int(i),
                (_, Some(u)) => tape.uint(u),
                _ => tape.float(n.as_f64().unwrap_or(f64::NAN)),
            },
        }
    }
    fn names(value: &Value, out: &mut std::collections::BTreeSet<String>) {
        match value {
            Value::Object(m) => m.iter().for_each(|(k, v)| {
                out.insert(k.clone());
                names(v, out);
            }),
            Value::Array(a) => a.iter().for_each(|v| names(v, out)),
            _ => {}
        }
    }
    let opts = Options::default();
    let (mut tried, mut answered) = (0, 0);
    for (path, text) in fixtures("valid").into_iter().filter(|(p, _)| p.contains("variants") || p.contains("identity"))
    {
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut all = std::collections::BTreeSet::new();
        names(&value, &mut all);
        for twice in &all {
            let mut tape = host::Tape::new();
            copy(&value, &mut tape, twice);
            assert_eq!(tape.to_value(), value, "{path}: {twice}: the last of the two is kept");
            assert_eq!(crate::validate(&tape, &opts), crate::validate(&value, &opts), "{path}: {twice} given twice");
            answered += usize::from(host::Typed::read(&tape.root(), &opts).is_some());
            tried += 1;
        }
    }
    assert!(tried > 100, "{tried} names");
    // The maps of the model (conditions' `applicant`, variants' `when`) keep the last, and the direct path
    // answers for those.
    assert!(answered > 0, "the direct path answered for none of {tried}");
}
