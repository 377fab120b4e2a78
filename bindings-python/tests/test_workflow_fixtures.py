"""The shared workflow fixtures (tests/fixtures/workflow/<case>/case.json): the same states, duties and
findings as the Rust tests (core/tests/workflow.rs, `shared_workflow_fixtures`)."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import Any

import pytest

import dxer
from conftest import FIXTURES, fixture_dirs, load_json

CASES = fixture_dirs("workflow")


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def with_set(doc: dict[str, Any], members: dict[str, Any]) -> dict[str, Any]:
    """`doc` with the members at these pointers set (None: removed)."""
    doc = copy.deepcopy(doc)
    for pointer, value in members.items():
        *path, name = pointer.split("/")[1:]
        parent = doc
        for token in path:
            parent = parent[token]
        if value is None:
            parent.pop(name, None)
        else:
            parent[name] = value
    return doc


def record_of(case: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = load_json(FIXTURES / case["base"] / "input.json")
    return with_set(doc, case.get("set", {}))


def test_the_cases_are_present() -> None:
    # The Rust suite proves every workflow code has its case; this one runs them all.
    assert len(CASES) >= 10


@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_shared_workflow_fixture(case_dir: Path) -> None:
    case: dict[str, Any] = load_json(case_dir / "case.json")
    record = record_of(case)
    policy = dxer.Policy.from_dict(case["policy"]) if "policy" in case else None
    for step in case["steps"]:
        if "amend" in step:
            new = with_set(record, step["amend"])
            if "error" in step:
                with pytest.raises(dxer.WorkflowError) as info:
                    dxer.amend(record, new, day(step["on"]))
                assert [info.value.finding.code, info.value.finding.pointer] == step["error"]
                continue
            a = dxer.amend(record, new, day(step["on"]))
            assert a["record"]["version"] == step["version"]
            assert a["previous"]["validity"].get("valid_to") == step["previous_valid_to"]
            assert [c["pointer"] for c in a["changes"]] == step["changes"]
            record = a["record"]
            continue
        if "error" in step:
            with pytest.raises(dxer.WorkflowError) as info:
                dxer.apply_event(record, step["event"], day(step["on"]), policy)
            assert [info.value.finding.code, info.value.finding.pointer] == step["error"]
            continue
        t = dxer.apply_event(record, step["event"], day(step["on"]), policy)
        assert t.to_state == step["to"]
        assert [[d.kind, d.due.isoformat()] for d in t.duties] == step["duties"]
        record = t.record
    if "due" in case:
        found = dxer.due_findings(record, day(case["due"]["on"]), policy)
        assert [[f.code, f.pointer] for f in found] == case["due"]["findings"]
