"""The shared workflow fixtures (tests/fixtures/workflow/<case>/case.json): the same states, duties and
findings as the Rust tests (core/tests/workflow.rs, `shared_workflow_fixtures`)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

import dxer
from conftest import FIXTURES, fixture_dirs, load_json

CASES = fixture_dirs("workflow")


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def record_of(case: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = load_json(FIXTURES / case["base"] / "input.json")
    for pointer, value in case.get("set", {}).items():
        *path, name = pointer.split("/")[1:]
        parent = doc
        for token in path:
            parent = parent[token]
        if value is None:
            parent.pop(name, None)
        else:
            parent[name] = value
    return doc


def test_the_cases_are_present() -> None:
    # The Rust suite proves every workflow code but DXER-W005 has its case; this one runs them all.
    assert len(CASES) >= 9


@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_shared_workflow_fixture(case_dir: Path) -> None:
    case: dict[str, Any] = load_json(case_dir / "case.json")
    record = record_of(case)
    policy = dxer.Policy.from_dict(case["policy"]) if "policy" in case else None
    for step in case["steps"]:
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
