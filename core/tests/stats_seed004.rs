//! The 2013 e-Government bulletin's tables (seed 004) reproduced from records.
//!
//! `tests/fixtures/stats/seed-004/expected-table.json` holds the bulletin's figures (SOURCE.md cites
//! them); `registry.jsonl` and `usage.json` are records and usage counts made from them by
//! `generate.py`. The statistics of the records must give back the bulletin's per-provider table, its
//! services without authentication and its most used services. The Python and WebAssembly bindings run
//! the same comparison.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use dxer::registry::{Registry, Stats, StatsRow};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/stats/seed-004")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap()
}

fn expected() -> Value {
    serde_json::from_str(&read("expected-table.json")).unwrap()
}

fn registry() -> Registry {
    Registry::from_json_lines(&read("registry.jsonl"))
}

fn usage() -> BTreeMap<String, u64> {
    serde_json::from_str(&read("usage.json")).unwrap()
}

fn column(row: &StatsRow, name: &str) -> u64 {
    let at = Stats::COLUMNS.iter().position(|c| c.name == name).unwrap_or_else(|| panic!("no column {name}"));
    row.cells()[at].parse().unwrap()
}

#[test]
fn the_records_load_and_only_their_2013_providers_are_faulted() {
    let registry = registry();
    let lines = read("registry.jsonl").lines().count();
    assert_eq!(registry.len(), lines, "every record is indexed");
    // The bodies of 2013 are dissolved or renamed since (DXER-P002): the records still count.
    let codes: BTreeSet<String> =
        registry.problems().iter().flat_map(|p| p.findings.iter().map(|f| f.code.clone())).collect();
    assert_eq!(codes, BTreeSet::from(["DXER-P002".to_string()]));
    assert!(registry.problems().iter().all(|p| p.indexed));
}

#[test]
fn the_stats_reproduce_the_bulletin_table() {
    let exp = expected();
    let table = &exp["connection_table"];
    let stats = registry().stats();
    let by_provider: BTreeMap<&str, &StatsRow> = stats.rows.iter().map(|r| (r.provider.as_str(), r)).collect();
    let compared: Vec<&str> = table["compared"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(compared, ["approved", "ehis_integrated", "on_portal", "on_own_site"]);
    let rows = table["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 36, "40 rows less the 4 whose figures or name were lost");
    let mut sums = [0u64; 4];
    for row in rows {
        let code = row["provider"].as_str().unwrap();
        let got = by_provider.get(code).unwrap_or_else(|| panic!("no statistics row for {code}"));
        for (i, name) in compared.iter().enumerate() {
            let want = row[name].as_u64().unwrap();
            assert_eq!(column(got, name), want, "{code} ({}): {name}", row["name_az"]);
            sums[i] += want;
        }
    }
    // The printed totals less the rows left out of the comparison.
    assert_eq!(sums, [360, 81, 139, 340]);
    let printed = &table["printed_totals"];
    let excluded = table["excluded_rows"].as_array().unwrap();
    assert_eq!(excluded.len(), 4);
    assert_eq!(printed["approved"], 417);
    // RİTN, the coordinating ministry: 16 approved, 10 integrated, 33 on the portal, 27 on its own site.
    let ritn = by_provider["RITN"];
    assert_eq!((ritn.approved, ritn.ehis_integrated, ritn.on_portal, ritn.on_own_site), (16, 10, 33, 27));
    assert_eq!(ritn.services, 33);
}

#[test]
fn the_stats_reproduce_the_services_without_authentication() {
    let exp = expected();
    let stats = registry().stats();
    let by_provider: BTreeMap<&str, &StatsRow> = stats.rows.iter().map(|r| (r.provider.as_str(), r)).collect();
    let mut total = 0;
    for group in exp["without_authentication"]["providers"].as_array().unwrap() {
        let code = group["provider"].as_str().unwrap();
        let want = group["services"].as_array().unwrap().len() as u64;
        assert_eq!(by_provider[code].without_authentication, want, "{code}");
        total += want;
    }
    assert_eq!(total, 21);
    assert_eq!(stats.totals.without_authentication, 21, "no other service is without authentication");
}

#[test]
fn the_usage_counts_give_the_most_used_list() {
    let exp = expected();
    let registry = registry();
    let (list, unknown) = registry.most_used(&usage(), 9);
    assert!(unknown.is_empty());
    let want: Vec<(u64, String, String, u64)> = exp["most_used"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().unwrap().to_string();
            (s["rank"].as_u64().unwrap(), text("provider"), text("name_az"), s["count"].as_u64().unwrap())
        })
        .collect();
    let got: Vec<(u64, String, String, u64)> =
        list.iter().map(|m| (u64::from(m.rank), m.provider.clone(), m.name_az.clone(), m.count)).collect();
    assert_eq!(got, want);
    // Five providers in the list, as in the bulletin.
    let providers: BTreeSet<&str> = list.iter().map(|m| m.provider.as_str()).collect();
    assert_eq!(providers, BTreeSet::from(["DIN", "DSMF", "EN", "RITN", "TN"]));
    assert_eq!(list[0].provider_name_az, "Azərbaycan Respublikasının Ədliyyə Nazirliyi");
    // The statistics carry the same list.
    let stats = registry.stats_with_usage(None, &usage(), 3);
    assert_eq!(stats.most_used, list[..3].to_vec());
}

#[test]
fn most_used_breaks_ties_by_service_code_and_reports_unknown_codes() {
    let registry = registry();
    let usage: BTreeMap<String, u64> = [
        ("DX-403002", 50),
        ("DX-401001", 50),
        ("DX-402003", 70),
        ("DX-999999", 900), // no such service
        ("DX-401002", 10),
    ]
    .into_iter()
    .map(|(c, n)| (c.to_string(), n))
    .collect();
    let (list, unknown) = registry.most_used(&usage, 3);
    let got: Vec<(u32, &str, u64)> = list.iter().map(|m| (m.rank, m.service_code.as_str(), m.count)).collect();
    assert_eq!(got, [(1, "DX-402003", 70), (2, "DX-401001", 50), (3, "DX-403002", 50)]);
    assert_eq!(unknown, ["DX-999999"]);
    assert!(registry.most_used(&usage, 0).0.is_empty());
}

/// Opening and closing tags of `page` balance (void elements aside); returns the element names seen.
fn balanced(page: &str) -> BTreeSet<String> {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input"];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("an unclosed '<'");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        assert!(!tag.ends_with('/'), "self-closing tag <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name, "</{name}> closes <{open}>");
        } else {
            let name = tag.split_whitespace().next().unwrap().to_string();
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "odd tag <{tag}>");
            seen.insert(name.clone());
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    seen
}

#[test]
fn the_html_page_is_self_contained_and_shows_the_figures() {
    let registry = registry();
    let page = registry.stats_with_usage(None, &usage(), 9).to_html();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"az\">"));
    let tags = balanced(&page);
    for tag in ["html", "head", "body", "table", "svg", "rect", "figure"] {
        assert!(tags.contains(tag), "no <{tag}>");
    }
    assert!(!tags.contains("script") && !tags.contains("img") && !tags.contains("link"), "{tags:?}");
    let lower = page.to_lowercase();
    for fetch in ["src=", "href=", "url(", "@import", "http://", "https://"] {
        assert!(!lower.contains(fetch), "the page refers outside itself: {fetch}");
    }
    // RİTN's row: 33 services, 16 approved, 10 integrated, 33 on the portal, 27 on its own site, 4 without
    // authentication; every column is a cell of the row.
    let stats = registry.stats();
    let ritn = stats.rows.iter().find(|r| r.provider == "RITN").unwrap();
    let cells: String = ritn
        .cells()
        .iter()
        .enumerate()
        .map(|(i, c)| if i < 3 { format!("<td>{c}</td>") } else { format!("<td class=\"n\">{c}</td>") })
        .collect();
    assert!(page.contains(&format!("<tr>{cells}</tr>")), "RİTN's row");
    assert!(page.contains("<td class=\"n\">16</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">33</td>"));
    // Totals in the footer, one chart per bulletin column plus the usage chart, the most used list.
    assert!(page.contains(&format!(
        "<tfoot>\n<tr><td></td><td>Cəmi</td><td>Total</td><td class=\"n\">{}</td>",
        stats.totals.services
    )));
    assert_eq!(page.matches("<svg ").count(), 7);
    assert!(page.contains("<td>Adın mənası</td>") && page.contains("<td class=\"n\">672</td>"));
    assert!(page.contains(">672</text>"), "the usage bar shows its count");
    // Column names in Azerbaijani, with the English as a title.
    assert!(page.contains("<th title=\"Services on the e-government portal\">“Elektron hökumət” portalında</th>"));
}

#[test]
fn the_html_page_escapes_text() {
    let list = r#"{"codelist":"providers","version":"<v1>","source":"test","items":[
        {"code":"FX","label":{"az":"<script>alert('x')</script> & \"Co\"","en":"x"},"status":"active"}]}"#;
    let lists = dxer::CodeLists::built_in().with_providers_json(list).unwrap();
    let mut registry =
        Registry::with_options(dxer::Options { codelists: std::sync::Arc::new(lists), ..dxer::Options::default() });
    let line = read("registry.jsonl").lines().next().unwrap().replace("\"provider\":\"XIN\"", "\"provider\":\"FX\"");
    registry.load_json_lines(&line);
    assert_eq!(registry.len(), 1);
    let page = registry.stats().to_html();
    balanced(&page);
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
    assert!(page.contains("&lt;v1&gt;"));
}
