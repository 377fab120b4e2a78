"""The shared conformance fixtures (tests/fixtures): the same (code, pointer) findings as the Rust tests.

Every case runs from the raw bytes (exactly what core/tests/conformance.rs does), and also from the text
(str) and from the parsed dict where those exist, which must give the same findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dxer
from conftest import fixture_dirs, load_json

VALID = fixture_dirs("valid")
INVALID = fixture_dirs("invalid")
# Real published reglaments and service cards, encoded faithfully (tests/fixtures/real/<slug>/SOURCE.md).
REAL = fixture_dirs("real")
# A dict cannot carry what the text says: json.loads keeps one of two members of the same name.
DICT_PATH_DIFFERS = {"dxer-j004-duplicate-member-name"}


def case_input(case: Path) -> bytes:
    for name in ("input.json", "input.bin"):
        if (case / name).exists():
            return (case / name).read_bytes()
    raise AssertionError(f"{case}: no input.json or input.bin")


def expected(case: Path) -> list[tuple[str, str]]:
    data = load_json(case / "expected.json")
    return [(f["code"], f["pointer"]) for f in data["findings"]]


def pairs(report: dxer.Report) -> list[tuple[str, str]]:
    return [(f.code, f.pointer) for f in report]


def test_there_are_fixtures() -> None:
    assert len(VALID) >= 6
    assert len(INVALID) >= 50
    assert len(REAL) >= 8


@pytest.mark.parametrize("case", VALID + INVALID + REAL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bytes_give_exactly_the_expected_findings(case: Path) -> None:
    report = dxer.validate(case_input(case))
    assert pairs(report) == expected(case)
    if case.parent.name == "valid":
        assert report.ok, f"{case.name} must be submittable"


@pytest.mark.parametrize("case", VALID + INVALID + REAL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_and_dict_give_the_same_findings(case: Path) -> None:
    raw = case_input(case)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: only the bytes form exists")
    assert pairs(dxer.validate(text)) == expected(case)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return  # not JSON (DXER-J001) or too deep for Python's parser: only text and bytes exist
    if not isinstance(data, dict):
        return
    if "DXER-J006" in {code for code, _ in expected(case)}:
        # Python's parser reads a lone surrogate escape into a str that is not Unicode: as a dict it is a
        # bad argument (with its place), as text the finding.
        with pytest.raises(dxer.ArgumentValueError, match="lone surrogate"):
            dxer.validate(data)
        return
    if case.name in DICT_PATH_DIFFERS:
        assert pairs(dxer.validate(data)) != expected(case), f"{case.name} is listed as differing as a dict"
        return
    assert pairs(dxer.validate(data)) == expected(case)


def test_validate_many_matches_validate_on_every_fixture() -> None:
    inputs = [case_input(c) for c in VALID + INVALID]
    many = dxer.validate_many(inputs)
    assert [pairs(r) for r in many] == [expected(c) for c in VALID + INVALID]
    assert [r.to_dict() for r in many] == [dxer.validate(i).to_dict() for i in inputs]


def test_every_rule_of_the_fixtures_fires_with_a_message_in_three_languages() -> None:
    for case in INVALID:
        for f in dxer.validate(case_input(case), lang="en"):
            assert f.messages["az"] and f.messages["en"] and f.messages["ru"]
            assert f.message == f.messages["en"]
            assert f.provision
            assert f.severity in ("error", "warning", "info")
