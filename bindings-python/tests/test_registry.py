"""dxer.Registry: loading, problems, cross-record findings, statistics."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

import dxer
from conftest import ROOT


def two_records_one_code(identity_card: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    second = json.loads(json.dumps(identity_card))
    second["record_id"] = "REC-2026-000102"  # a second record with the same service code DX-000101
    return identity_card, second


def test_json_lines_with_a_broken_line(identity_card: dict[str, Any]) -> None:
    first, second = two_records_one_code(identity_card)
    text = f"{json.dumps(first)}\n{{not json\n{json.dumps(second)}\n"
    registry = dxer.Registry.from_json_lines(text, lang="en")
    assert len(registry) == 2
    [broken] = registry.problems()
    assert (broken["line"], broken["indexed"], broken["index"]) == (2, False, 1)
    assert [f.code for f in broken["findings"]] == ["DXER-J001"]
    assert broken["source"] is None
    assert registry.service_codes() == ["DX-000101"]
    assert len(registry.by_service_code("DX-000101")) == 2
    assert registry.provider_codes() == [identity_card["reglament"]["general"]["provider"]]
    found = [(f.record_id, f.code) for f in registry.findings()]
    assert ("REC-2026-000101", "DXER-X001") in found and ("REC-2026-000102", "DXER-X001") in found
    x001 = next(f for f in registry.findings() if f.code == "DXER-X001" and f.record_id == "REC-2026-000101")
    assert x001.message == "Service code DX-000101 is also used by record REC-2026-000102."
    assert x001.finding.messages["en"] == x001.message
    row = x001.to_dict()
    assert row["record_id"] == "REC-2026-000101" and row["line"] == 1 and row["code"] == "DXER-X001"


def test_records_as_dicts_texts_and_bytes(identity_card: dict[str, Any]) -> None:
    first, second = two_records_one_code(identity_card)
    registry = dxer.Registry.from_records([first, json.dumps(second, indent=2), b"{oops", {"record_id": 5}])
    assert len(registry) == 2
    problems = registry.problems()
    assert [p["index"] for p in problems] == [2, 3]
    assert all(p["line"] is None for p in problems)  # records given as values have no line
    assert not problems[1]["indexed"]
    assert registry.latest("REC-2026-000102") is not None
    assert registry.latest("nope") is None
    assert len(registry.latest_versions()) == 2
    assert all(f.line is None for f in registry.findings())
    entries = registry.entries()
    assert entries[0]["report"].ok and entries[0]["line"] is None and entries[0]["index"] == 0
    summary = registry.load_records([identity_card])
    assert summary == {"items": 1, "indexed": 1, "problems": 0}
    assert "DXER-X006" in {f.code for f in registry.findings()}  # the same (record id, version) twice


def test_from_json_array_and_files(tmp_path: Path, identity_card: dict[str, Any]) -> None:
    first, second = two_records_one_code(identity_card)
    array = tmp_path / "records.json"
    array.write_text(json.dumps([first, second], indent=1), "utf-8")
    lines = tmp_path / "more.jsonl"
    third = dict(first, record_id="REC-2026-000103")
    lines.write_text(json.dumps(third) + "\n\n{bad\n", "utf-8")
    registry = dxer.Registry.from_files([array, str(lines)])
    assert len(registry) == 3
    [problem] = registry.problems()
    assert (problem["source"], problem["line"]) == (str(lines), 3)
    start = len((json.dumps(third) + "\n\n").encode("utf-8"))
    assert problem["bytes"] == (start, start + len("{bad"))  # where the broken line is, in bytes
    assert all(e["bytes"] is not None for e in registry.entries())
    sources = {e["source"] for e in registry.entries()}
    assert sources == {str(array), str(lines)}
    x = [f for f in registry.findings() if f.record_id == "REC-2026-000103"]
    assert x and x[0].source == str(lines)
    assert len(dxer.Registry.from_json(array.read_text("utf-8"))) == 2


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="missing.json"):
        dxer.Registry.from_files([tmp_path / "missing.json"])
    latin = tmp_path / "latin1.json"
    latin.write_bytes(b'{"a": "\xf6"}')
    with pytest.raises(dxer.ValidationError) as info:
        dxer.Registry.from_files([latin])
    assert info.value.report.codes() == ["DXER-J002"]
    with pytest.raises(TypeError, match="paths"):
        dxer.Registry.from_files("one.json")
    with pytest.raises(TypeError, match="unexpected keyword"):
        dxer.Registry.from_json("[]", colour="red")  # type: ignore[call-arg]


def test_stats_are_rows_ready_for_a_data_frame(identity_card: dict[str, Any]) -> None:
    registry = dxer.Registry.from_records(two_records_one_code(identity_card))
    rows = registry.stats()
    columns = [c["name"] for c in dxer.Registry.stats_columns()]
    assert all(list(r) == columns for r in rows)
    *providers, totals = rows
    assert totals["provider_name_en"] == "Total"
    assert totals["services"] == 2 == sum(r["services"] for r in providers)
    assert totals["overdue_duties"] is None
    assert registry.stats(totals=False) == providers
    parsed = list(csv.reader(io.StringIO(registry.stats_csv())))
    assert parsed[0] == columns
    assert len(parsed) == len(rows) + 1
    on = dxer.Registry.from_records(two_records_one_code(identity_card)).stats(dt.date(2026, 7, 1))
    assert on[-1]["overdue_duties"] is not None
    report = registry.stats_report(dt.date(2026, 7, 1))
    assert report["as_of"] == dt.date(2026, 7, 1)
    assert report["totals"]["services"] == 2
    assert isinstance(report["undated_duties"], list)


def test_stats_csv_of_the_example_records() -> None:
    paths = sorted((ROOT / "examples" / "records").glob("*.json"))
    registry = dxer.Registry.from_files(paths)
    assert len(registry) >= 1
    assert registry.stats_csv().startswith("provider,provider_name_az,provider_name_en,services,")


def test_options_apply_to_cross_record_findings(identity_card: dict[str, Any]) -> None:
    records = two_records_one_code(identity_card)
    off = dxer.Registry.from_records(records, rule_levels={"DXER-X001": "off"})
    assert "DXER-X001" not in {f.code for f in off.findings()}
    az = dxer.Registry.from_records(records)
    assert az.lang == "az"
    assert dxer.Registry(lang="ru").lang == "ru"


def test_information_system_cards(identity_card: dict[str, Any]) -> None:
    registry = dxer.Registry.from_records([identity_card])
    problems = registry.add_information_systems_json("{")
    assert [p["finding"].code for p in problems] == ["DXER-J001"]
    assert registry.information_systems() == []


def test_x012_a_personal_data_system_without_its_register_entry_is_reported_not_refused() -> None:
    case = ROOT / "tests" / "fixtures" / "registry" / "x012-personal-data-system-not-registered"
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    registry = dxer.Registry(lang="en")
    problems = registry.add_information_systems_json((case / "information-systems.json").read_text(encoding="utf-8"))
    got = [(p["finding"].code, p["finding"].pointer) for p in problems]
    assert got == [(c["code"], c["pointer"]) for c in expected["card_problems"]]
    assert "personal_data_register" in problems[0]["finding"].message
    assert [c["code"] for c in registry.information_systems()] == ["IS-IAMAS", "IS-NOPD"]
