//! The layout of the crates' sources: modules import downward only (no circle, in the core, the bindings and
//! the command), and the core's files stay small.
//!
//! The module graph is read from the source text: every `crate::…` and `super::…` path outside comments
//! and test modules is an edge to the deepest module it names. A module may use what its ancestors define
//! (`super::Ctx` in a rule): that is how Rust nests modules, not a circle. Any other cycle fails the test
//! with its path.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Files over this many lines are split at their seams.
const MAX_LINES: usize = 800;

/// Files allowed past the limit (none: add one only with the reason it cannot be split).
const KNOWN_LARGE: &[&str] = &[];

/// The Rust files of a crate's `src` (`crate` relative to the repository), by path relative to `src`.
fn sources_of(krate: &str) -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(krate).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// `a/b.rs` → `a::b`, `a/mod.rs` → `a`, `lib.rs` → the root (empty).
fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every path that starts with `crate::` or `super::` (grouped imports expanded one level), as identifiers.
fn paths(code: &str) -> Vec<(bool, Vec<String>)> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    for (start, is_super) in [("crate::", false), ("super::", true)] {
        for (i, _) in code.match_indices(start) {
            if code[..i].chars().last().is_some_and(ident) {
                continue; // e.g. `mycrate::`
            }
            let rest = &code[i + start.len()..];
            let mut path = Vec::new();
            let mut r = rest;
            loop {
                let name: String = r.chars().take_while(|c| ident(*c)).collect();
                if name.is_empty() {
                    break;
                }
                r = &r[name.len()..];
                path.push(name);
                match r.strip_prefix("::") {
                    Some(next) => r = next,
                    None => break,
                }
            }
            if let Some(group) = r.strip_prefix('{') {
                // `crate::a::{b, c::d}`: one path per item of the group.
                let inner: String = group.chars().take_while(|c| *c != '}').collect();
                for item in inner.split(',') {
                    let mut p = path.clone();
                    p.extend(item.trim().split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()));
                    out.push((is_super, p));
                }
            } else {
                out.push((is_super, path));
            }
        }
    }
    out
}

fn sources() -> Vec<(String, String)> {
    sources_of("core")
}

#[test]
fn modules_import_downward_only() {
    for krate in ["core", "bindings-python", "bindings-wasm", "cli"] {
        no_circle(krate, &sources_of(krate));
    }
}

/// Fails with the path of the first import circle among the modules of `files`.
fn no_circle(krate: &str, files: &[(String, String)]) {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(f, _)| module_of(f)).collect();
    let mut graph: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (file, text) in files {
        let from = module_of(file);
        // `super` of `a/b.rs` is `a`; of `a/mod.rs` (module `a`) it is the root.
        let parent: Vec<String> = from[..from.len().saturating_sub(1)].to_vec();
        for (is_super, path) in paths(&code(text)) {
            let mut full = if is_super { parent.clone() } else { Vec::new() };
            full.extend(path);
            let target =
                (0..=full.len()).rev().map(|n| full[..n].to_vec()).find(|p| modules.contains(p)).unwrap_or_default();
            // Using what an ancestor (or the module itself) defines is not an import upward.
            if from.starts_with(&target) {
                continue;
            }
            graph.entry(from.clone()).or_default().insert(target);
        }
    }
    // Depth-first search for a cycle.
    fn visit(
        m: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(at) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(m.clone());
            return Some(cycle);
        }
        if !done.insert(m.clone()) {
            return None;
        }
        stack.push(m.clone());
        for next in graph.get(m).into_iter().flatten() {
            // A module may reach into its own descendants.
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        None
    }
    let name = |m: &Vec<String>| if m.is_empty() { "crate".to_string() } else { m.join("::") };
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            let path: Vec<String> = cycle.iter().map(name).collect();
            panic!("an import circle in {krate}/src: {}", path.join(" -> "));
        }
    }
    if krate == "core" {
        assert!(graph.len() > 20, "the module graph was not read: {}", graph.len());
    }
}

#[test]
fn source_files_stay_under_800_lines() {
    let mut large = Vec::new();
    for (file, text) in sources() {
        let n = text.lines().count();
        if n > MAX_LINES && !file.ends_with("tests.rs") {
            large.push(file.clone());
            assert!(KNOWN_LARGE.contains(&file.as_str()), "core/src/{file} has {n} lines: split it at its seams");
        }
    }
    for known in KNOWN_LARGE {
        assert!(large.iter().any(|f| f == known), "{known} is split now: take it off KNOWN_LARGE");
    }
}
