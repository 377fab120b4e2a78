//! Tests of the import's helpers.

use super::*;
use serde_json::json;

#[test]
fn set_at_builds_objects_and_arrays() {
    let mut v = json!({});
    set_at(&mut v, "/a/list/0/x", json!(1));
    set_at(&mut v, "/a/list/0/y", json!(2));
    set_at(&mut v, "/a/list/1", json!("z"));
    set_at(&mut v, "/b", json!(true));
    assert_eq!(v, json!({"a": {"list": [{"x": 1, "y": 2}, "z"]}, "b": true}));
}

#[test]
fn amounts_are_exact_or_refused() {
    assert_eq!(amount("20.00").unwrap().qepik(), 2000);
    assert_eq!(amount("12.5").unwrap().qepik(), 1250);
    assert_eq!(amount("1.5E1").unwrap().qepik(), 1500);
    assert_eq!(amount("0").unwrap().qepik(), 0);
    for bad in ["-1", "1.234", "NaN", "inf", "abc", "1e13"] {
        assert!(amount(bad).is_none(), "{bad}");
    }
}

#[test]
fn pointers_sort_naturally() {
    let mut p = vec!["/@graph/10/x", "/@graph/2/y", "/@graph/2", ""];
    p.sort_by_cached_key(|p| pointer_key(p));
    assert_eq!(p, ["", "/@graph/2", "/@graph/2/y", "/@graph/10/x"]);
}
