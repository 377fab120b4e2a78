"""Hostile JSON text (tests/hostile/json, shared with core/tests/hostile_json.rs and the WebAssembly tests):
duplicate member names, byte order marks, a syntax error's position, links that are not web addresses,
hidden characters. The same findings through the Python package; JSON Lines through its registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import dxer

DIR = Path(__file__).resolve().parents[2] / "tests" / "hostile" / "json"
CASES = json.loads((DIR / "cases.json").read_text(encoding="utf-8"))["cases"]


def pairs(report: dxer.Report) -> list[list[str]]:
    return [[f.code, f.pointer] for f in report]


def test_the_hostile_files_are_there() -> None:
    assert len(CASES) >= 14


@pytest.mark.parametrize("case", [c for c in CASES if not c["file"].endswith(".jsonl")], ids=lambda c: c["file"])
def test_a_hostile_document(case: dict[str, Any]) -> None:
    raw = (DIR / case["file"]).read_bytes()
    for given in (raw, raw.decode("utf-8")):
        report = dxer.validate(given, lang="en")
        assert pairs(report) == case["findings"]
        if "ok" in case:
            assert report.ok is case["ok"]
        findings = list(report)
        if "message_en" in case:
            assert case["message_en"] in findings[0].message
        if "fix" in case:
            assert findings[0].fix == case["fix"]
        if "position" in case:
            line, column = case["position"]["line"], case["position"]["column"]
            assert f"line {line}, column {column}" in findings[0].message


@pytest.mark.parametrize("case", [c for c in CASES if c["file"].endswith(".jsonl")], ids=lambda c: c["file"])
def test_hostile_json_lines(case: dict[str, Any]) -> None:
    registry = dxer.Registry()
    registry.load_json_lines((DIR / case["file"]).read_text(encoding="utf-8"))
    by_line: dict[int, set[tuple[str, str]]] = {}
    for entry in registry.entries():
        assert entry["line"] is not None
        by_line.setdefault(entry["line"], set()).update((f.code, f.pointer) for f in entry["report"])
    for problem in registry.problems():
        assert problem["line"] is not None
        by_line.setdefault(problem["line"], set()).update((f.code, f.pointer) for f in problem["findings"])
    for line, expected in case["lines"].items():
        assert by_line.get(int(line), set()) == {tuple(p) for p in expected}, f"line {line}"
    if "indexed" in case:
        assert len(registry) == case["indexed"]
