"""The shape limits of the core (items in one list, bytes in one string) reach Python as located
DXER-J003 findings, from JSON text, bytes and dicts alike; never a crash or a Python exception."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import dxer

LIST_POINTER = "/reglament/procedure/refusal_grounds"
STRING_POINTER = "/reglament/standard/documents/1/name/az"


def j003(report: dxer.Report) -> list[tuple[str, str]]:
    return [(f.pointer, f.message) for f in report if f.code == "DXER-J003"]


@pytest.fixture
def long_list(identity_card: dict[str, Any]) -> dict[str, Any]:
    """The identity card with 10,001 refusal grounds: one more than the default max_list_items."""
    record = copy.deepcopy(identity_card)
    grounds = record["reglament"]["procedure"]["refusal_grounds"]
    record["reglament"]["procedure"]["refusal_grounds"] = [grounds[0]] * 10_001
    return record


@pytest.fixture
def long_string(identity_card: dict[str, Any]) -> dict[str, Any]:
    """The identity card with a document name of 1 MiB + 1 byte of UTF-8 (the default max_string_bytes + 1)."""
    record = copy.deepcopy(identity_card)
    record["reglament"]["standard"]["documents"][1]["name"]["az"] = "ə" * (512 * 1024) + "x"
    return record


def forms(record: dict[str, Any]) -> list[Any]:
    text = json.dumps(record, ensure_ascii=False)
    return [text, text.encode("utf-8"), record]


def test_a_list_over_the_limit_is_a_finding_at_its_pointer(long_list: dict[str, Any]) -> None:
    for form in forms(long_list):
        report = dxer.validate(form, lang="en")
        assert not report.ok
        assert j003(report) == [
            (LIST_POINTER, "The document exceeds a limit: 10001 items in one list, more than the limit of 10000.")
        ]
        assert len(report) == 1, "nothing else is checked on an oversized document"


def test_a_string_over_the_limit_is_a_finding_at_its_pointer(long_string: dict[str, Any]) -> None:
    for form in forms(long_string):
        report = dxer.validate(form, lang="en")
        assert [f.pointer for f in report] == [STRING_POINTER]
        assert report[0].code == "DXER-J003"
        assert "1048577 bytes" in report[0].message
    az = dxer.validate(long_string)[0]
    assert az.lang == "az" and "1048577" in az.message


def test_limits_apply_in_validate_many(long_list: dict[str, Any], long_string: dict[str, Any]) -> None:
    reports = dxer.validate_many([long_list, json.dumps(long_string), "{}"], threads=2)
    assert [f.pointer for f in reports[0] if f.code == "DXER-J003"] == [LIST_POINTER]
    assert [f.pointer for f in reports[1] if f.code == "DXER-J003"] == [STRING_POINTER]
    assert "DXER-J003" not in reports[2].codes()


def test_raised_limits_accept_the_same_documents(long_list: dict[str, Any], long_string: dict[str, Any]) -> None:
    report = dxer.validate(long_list, max_list_items=10_001)
    assert not j003(report)
    assert report.ok
    report = dxer.validate(json.dumps(long_string), max_string_bytes=1024 * 1024 + 1)
    assert report.ok and len(report) == 0
    [many] = dxer.validate_many([long_list], max_list_items=10_001)
    assert many.ok
    assert dxer.Registry.from_records([long_list]).problems()[0]["indexed"] is False
    registry = dxer.Registry.from_records([long_list], max_list_items=10_001)
    assert registry.problems() == [] and len(registry.entries()) == 1


def test_lowered_limits_are_findings(identity_card: dict[str, Any]) -> None:
    report = dxer.validate(identity_card, lang="en", max_list_items=1)
    assert not report.ok and report.codes() == ["DXER-J003"] and len(report) > 1
    report = dxer.validate(identity_card, lang="en", max_string_bytes=8)
    assert not report.ok and all(f.code == "DXER-J003" for f in report)


def test_limit_options_must_be_integers(identity_card: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        dxer.validate(identity_card, max_list_items="many")  # type: ignore[arg-type]
