//! What was not mapped, and where the CPSV-AP triples disagree with `dxer:record`.

use std::collections::{HashSet, VecDeque};

use serde_json::Value;

use super::super::jsonld::{Kind, Loss, Node, Val};

use super::*;

impl<'a> Importer<'a> {
    /// Losses for every value not mapped, and for every node not reached from the public service.
    pub(super) fn unmapped(&self) -> Vec<Loss> {
        let g = self.g;
        let mut losses = Vec::new();
        let mut frontier: VecDeque<String> = self.lost_roots.iter().cloned().collect();
        for node in g.nodes.iter().filter(|n| n.visited.get()) {
            for prop in &node.props {
                let unused: Vec<&Val> = prop.values.iter().filter(|v| !v.used()).collect();
                if unused.is_empty() {
                    continue;
                }
                frontier.extend(unused.iter().filter_map(|v| v.target().map(str::to_string)));
                let default = format!("{} has no place in a DXER record", prop.iri);
                // An unreadable value is named where reading stopped; the others by their property
                // when none of its values was mapped.
                let (bad, unused): (Vec<&Val>, Vec<&Val>) =
                    unused.into_iter().partition(|v| matches!(v.kind, Kind::Bad(_)));
                for v in &bad {
                    losses.push(Loss::new(&v.pointer, &prop.key, &v.reason().unwrap_or_else(|| default.clone())));
                }
                if unused.is_empty() {
                    continue;
                }
                if bad.is_empty() && unused.len() == prop.values.len() {
                    let (mut reasons, mut seen) = (Vec::new(), HashSet::new());
                    for v in &unused {
                        let r = v.reason().unwrap_or_else(|| default.clone());
                        if seen.insert(r.clone()) {
                            reasons.push(r);
                        }
                    }
                    losses.push(Loss::new(&prop.pointer, &prop.key, &reasons.join("; ")));
                } else {
                    for v in unused {
                        losses.push(Loss::new(&v.pointer, &prop.key, &v.reason().unwrap_or_else(|| default.clone())));
                    }
                }
            }
        }
        let mut covered: HashSet<String> = HashSet::new();
        let lost_roots: HashSet<&str> = self.lost_roots.iter().map(String::as_str).collect();
        let refs = |n: &'a Node| -> Vec<String> {
            n.props.iter().flat_map(|p| p.values.iter().filter_map(|v| v.target().map(str::to_string))).collect()
        };
        let cover = |frontier: &mut VecDeque<String>, covered: &mut HashSet<String>| {
            while let Some(id) = frontier.pop_front() {
                if let Some(n) = g.get(&id) {
                    if (!n.visited.get() || lost_roots.contains(id.as_str())) && covered.insert(id) {
                        frontier.extend(refs(n));
                    }
                }
            }
        };
        cover(&mut frontier, &mut covered);
        loop {
            let remaining: Vec<&Node> =
                g.nodes.iter().filter(|n| !n.visited.get() && !covered.contains(&n.id)).collect();
            if remaining.is_empty() {
                break;
            }
            let ids: HashSet<&str> = remaining.iter().map(|n| n.id.as_str()).collect();
            let referenced: HashSet<String> = remaining
                .iter()
                .flat_map(|n| refs(n).into_iter().filter(|r| *r != n.id && ids.contains(r.as_str())))
                .collect();
            let mut roots: Vec<&Node> = remaining.iter().copied().filter(|n| !referenced.contains(&n.id)).collect();
            if roots.is_empty() {
                // Only cycles are left: each one is reported once, at its first node.
                roots = remaining;
            }
            for root in roots {
                if covered.contains(&root.id) {
                    continue;
                }
                let types = if root.types.is_empty() { String::new() } else { format!(" ({})", root.types.join(", ")) };
                losses.push(Loss::new(
                    &root.pointer,
                    "@id",
                    &format!("the node {}{types} is not linked from the public service: not read", root.id),
                ));
                frontier.push_back(root.id.clone());
                cover(&mut frontier, &mut covered);
            }
        }
        losses
    }

    /// For a restored record: every CPSV-AP value that says something else than `dxer:record`.
    pub(super) fn conflicts(&self, record: &Value) -> Vec<Loss> {
        let mut out = Vec::new();
        for o in &self.origins {
            let (triples, kept) = (self.draft.pointer(&o.draft), record.pointer(&o.draft));
            if triples != kept {
                out.push(Loss::new(
                    &o.input,
                    &o.key,
                    &format!(
                        "differs from dxer:record at {}: the CPSV-AP value is {}, the record's {}; the record is kept",
                        o.draft,
                        short(triples),
                        short(kept)
                    ),
                ));
            }
        }
        out
    }
}
