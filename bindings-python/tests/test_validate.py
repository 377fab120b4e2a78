"""dxer.validate / validate_many, Report and Finding, options."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from typing import Any

import pytest

import dxer
from conftest import FIXTURES, fixture_dirs

PROVIDERS = json.loads((FIXTURES.parent.parent / "schemas" / "codelists" / "providers.json").read_text("utf-8"))


def test_a_valid_record_is_ok(identity_card: dict[str, Any]) -> None:
    report = dxer.validate(identity_card)
    assert report.ok
    assert report.kind == "record"
    assert len(report) == 0
    assert list(report) == []
    assert report.to_dict() == {"ok": True, "kind": "record", "findings": []}


def test_a_finding_has_code_severity_pointer_messages_provision_fix() -> None:
    report = dxer.validate('{"record_id": 5}', lang="en")
    assert not report.ok
    f = next(f for f in report if f.pointer == "/record_id")
    assert f.code == "DXER-S003"
    assert f.severity == "error"
    assert f.message == "Wrong type: expected string."
    assert set(f.messages) == {"az", "en", "ru"}
    assert f.messages["en"] == f.message
    assert f.provision
    assert f.fix is None
    assert f.lang == "en"
    assert f in report.findings and f in report.errors
    assert report[0] == report.findings[0] and report[-1] == report.findings[-1]
    with pytest.raises(IndexError):
        report[len(report)]
    assert report.error_count == len(report.errors)
    assert "DXER-S003" in report.codes()
    assert str(f).startswith("error[DXER-S003] /record_id")


def test_messages_follow_lang() -> None:
    text = '{"record_id": 5}'
    az, en, ru = (dxer.validate(text, lang=lang)[0] for lang in ("az", "en", "ru"))
    assert (az.message, en.message, ru.message) == (az.messages["az"], az.messages["en"], az.messages["ru"])
    assert dxer.validate(text).lang == "az"
    assert dxer.validate(text).in_lang("ru")[0].message == ru.message
    with pytest.raises(ValueError, match="lang"):
        dxer.validate(text, lang="fr")


def test_fix_is_the_exact_replacement() -> None:
    case = FIXTURES / "invalid" / "dxer-h001-cyrillic-schwa"
    report = dxer.validate((case / "input.json").read_bytes())
    fixes = [f.fix for f in report if f.code == "DXER-H001"]
    assert fixes and all(isinstance(x, str) and "\u04d9" not in x for x in fixes)


def test_to_dict_and_to_json_are_the_json_form() -> None:
    report = dxer.validate('{"record_id": 5}')
    data = report.to_dict()
    assert data["ok"] is False and data["kind"] == "record"
    first = data["findings"][0]
    assert set(first) >= {"code", "severity", "pointer", "message", "provision"}
    assert set(first["message"]) == {"az", "en", "ru"}
    assert json.loads(report.to_json()) == data
    assert json.loads(report.to_json(indent=2)) == data
    assert report.findings[0].to_dict() == first


def test_kind_reglament_and_auto(identity_card: dict[str, Any]) -> None:
    bare = identity_card["reglament"]
    assert dxer.validate(bare).kind == "reglament"
    assert dxer.validate(bare, kind="record").kind == "record"
    assert not dxer.validate(bare, kind="record").ok
    with pytest.raises(ValueError, match="kind"):
        dxer.validate(bare, kind="other")  # type: ignore[arg-type]


def test_rule_levels_raise_lower_or_switch_off() -> None:
    case = fixture_dirs("invalid")
    e005 = next(c for c in case if c.name.startswith("dxer-e005"))
    data = (e005 / "input.json").read_bytes()
    base = dxer.validate(data)
    assert "DXER-E005" in base.codes()
    assert "DXER-E005" not in dxer.validate(data, rule_levels={"DXER-E005": "off"}).codes()
    raised = dxer.validate(data, rule_levels={"DXER-E005": "error"})
    assert all(f.severity == "error" for f in raised if f.code == "DXER-E005")
    with pytest.raises(ValueError, match="rule_levels"):
        dxer.validate(data, rule_levels={"DXER-E005": "loud"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="rule_levels"):
        dxer.validate(data, rule_levels=["DXER-E005"])  # type: ignore[arg-type]


def test_today_is_a_date(identity_card: dict[str, Any]) -> None:
    assert dxer.validate(identity_card, today=dt.date(2026, 6, 1)).ok
    with pytest.raises(TypeError, match="today"):
        dxer.validate(identity_card, today="2026-06-01")  # type: ignore[arg-type]


def test_a_custom_provider_list_replaces_the_built_in_one(identity_card: dict[str, Any]) -> None:
    assert dxer.validate(identity_card).ok
    only_new = {
        "codelist": "providers",
        "version": "2027-01-01",
        "source": "test",
        "items": [{"code": "NEW", "label": {"az": "Yeni qurum"}, "status": "active"}],
    }
    lists = dxer.CodeLists.with_providers_json(json.dumps(only_new))
    assert lists.providers_version == "2027-01-01"
    assert lists.provider("NEW") is not None and lists.provider("DIN") is None
    report = dxer.validate(identity_card, codelists=lists)
    assert "DXER-P001" in report.codes()
    # The same from an instance, from the constructor, and chained.
    built_in = dxer.CodeLists.built_in()
    assert built_in.with_providers_json(json.dumps(only_new)).providers_version == "2027-01-01"
    assert dxer.CodeLists(providers_json=json.dumps(only_new)).providers_version == "2027-01-01"
    assert dxer.CodeLists().providers_version == PROVIDERS["version"]
    with pytest.raises(dxer.ParseError, match="providers"):
        dxer.CodeLists.with_providers_json("{")
    with pytest.raises(TypeError, match="codelists"):
        dxer.validate(identity_card, codelists="providers.json")  # type: ignore[arg-type]


def test_code_lists_lookups() -> None:
    lists = dxer.CodeLists()
    successor = lists.current_successor("RITN")
    assert successor is not None and successor["code"] == "RINN"
    # The Ministry of Culture and Tourism was split between two bodies.
    assert [p["code"] for p in lists.current_successors("MTN")] == ["MEDN", "DTA"]
    mtn = lists.provider("MTN")
    assert mtn is not None and mtn["until"] == "2018-04-20"
    assert [s["code"] for s in mtn["successors"]] == ["MEDN", "DTA"]
    assert lists.label("channels", "asan_centre") is not None
    assert lists.service_area("identity") is not None
    assert len(lists.providers()) > 40


def test_validate_many_keeps_order_and_matches_validate() -> None:
    inputs: list[Any] = []
    for case in fixture_dirs("valid") + fixture_dirs("invalid"):
        raw = next((case / n).read_bytes() for n in ("input.json", "input.bin") if (case / n).exists())
        inputs.append(raw)
    inputs = inputs * 7  # several chunks per thread
    many = dxer.validate_many(inputs, lang="en")
    assert len(many) == len(inputs)
    for data, report in zip(inputs, many):
        assert report.to_dict() == dxer.validate(data).to_dict()
        assert report.lang == "en"
    one_thread = dxer.validate_many(inputs, threads=1)
    assert [r.to_dict() for r in one_thread] == [r.to_dict() for r in many]
    assert dxer.validate_many([]) == []
    assert len(dxer.validate_many(iter(inputs[:3]))) == 3  # any iterable


def test_validate_many_takes_mixed_inputs(identity_card: dict[str, Any]) -> None:
    text = json.dumps(identity_card)
    reports = dxer.validate_many([identity_card, text, text.encode(), bytearray(text.encode())])
    assert [r.ok for r in reports] == [True, True, True, True]


def test_validate_many_refuses_a_single_record_and_names_the_bad_item(identity_card: dict[str, Any]) -> None:
    with pytest.raises(TypeError, match="records"):
        dxer.validate_many(json.dumps(identity_card))
    with pytest.raises(TypeError, match="records"):
        dxer.validate_many(identity_card)
    with pytest.raises(TypeError, match=r"records\[1\]"):
        dxer.validate_many([identity_card, 42])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="threads"):
        dxer.validate_many([identity_card], threads=0)


def test_validate_many_releases_the_gil(identity_card: dict[str, Any]) -> None:
    """Another Python thread keeps running while validate_many works."""
    data = [json.dumps(identity_card)] * 3000
    ticks = 0
    stop = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        start = time.perf_counter()
        dxer.validate_many(data)
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        t.join()
    if elapsed > 0.05:  # long enough for the ticker to have run
        assert ticks > 5
