"""The dated duties of information systems: the shared fixtures (tests/fixtures/systems/<case>/case.json, the
same as core/tests/system_duties.rs), the example cards of DXER and VEİS, the policy and the registry."""

from __future__ import annotations

import copy
import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import dxer
from conftest import ROOT, fixture_dirs, load_json

CASES = fixture_dirs("systems")
CARDS = ROOT / "examples" / "information-systems"


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def card_of(case: dict[str, Any]) -> dict[str, Any]:
    card: dict[str, Any] = load_json(ROOT / case["base"])[0]
    for pointer, value in case.get("set", {}).items():
        *path, name = pointer.split("/")[1:]
        parent: Any = card
        for token in path:
            parent = parent[int(token)] if isinstance(parent, list) else parent[token]
        if value is None:
            parent.pop(name, None)
        else:
            parent[name] = value
    return card


def example(name: str) -> dict[str, Any]:
    card: dict[str, Any] = load_json(CARDS / name)[0]
    return card


def test_the_cases_are_present() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case_dir", CASES, ids=lambda p: p.name)
def test_shared_system_duty_fixture(case_dir: Path) -> None:
    case: dict[str, Any] = load_json(case_dir / "case.json")
    card = card_of(case)
    policy = dxer.Policy.from_dict(case["policy"]) if "policy" in case else None
    on = day(case["on"])
    if "status_error" in case:
        with pytest.raises(dxer.WorkflowError) as info:
            dxer.system_status_at(card, on, policy)
        assert [info.value.finding.code, info.value.finding.pointer] == case["status_error"]
    else:
        rows = dxer.system_status_at(card, on, policy)
        got = [
            [r["kind"], r["owner"], r["pointer"], r["due"].isoformat(), r["standing"], r["working_days"]] for r in rows
        ]
        assert got == case["status"]
    found = dxer.system_due_findings(card, on, policy)
    assert [[f.code, f.pointer] for f in found] == case["findings"]
    # The registry reports the same findings, located at the card.
    registry = dxer.Registry()
    assert registry.add_information_systems_json(json.dumps([card])) == []
    located = registry.system_findings(on, policy)
    assert [(x["system"], x["finding"].code, x["finding"].pointer) for x in located] == [
        (card["code"], f.code, f.pointer) for f in found
    ]


def test_the_example_cards_and_their_duties() -> None:
    dxer_card, veis = example("dxer.json"), example("veis.json")
    assert dxer_card["hosting"] == veis["hosting"] == "g_cloud"
    assert "personal_data_register" in dxer_card and "personal_data_register" in veis
    [application] = dxer.system_duties(dxer_card)
    assert application == {
        "kind": "card_application",
        "system": "IS-DXER",
        "owner": "ASAN",
        "from_date": datetime.date(2026, 5, 6),
        "due": datetime.date(2026, 5, 26),
        "pointer": "/lifecycle/0/on",
        "done": True,
        "done_on": datetime.date(2026, 5, 22),
    }
    duties = dxer.system_duties(json.dumps(veis))  # JSON text works as well as a dict
    assert [d["kind"] for d in duties].count("ehis_supply") == 18
    assert {d["due"] for d in duties if d["kind"] == "ehis_supply"} == {datetime.date(2026, 9, 2)}
    # The card application of VEİS: 20 days from 2 March end in the Novruz and Ramazan days off, so on 31 March.
    assert duties[0]["due"] == datetime.date(2026, 3, 31)


def test_the_periods_are_in_the_policy() -> None:
    p = dxer.Policy()
    assert p.register_card_within == {"value": 20, "unit": "calendar_days"}
    assert p.ehis_supply_within == {"value": 6, "unit": "months"}
    short = dxer.Policy(ehis_supply_within={"value": 3, "unit": "months"})
    assert short.to_dict()["ehis_supply_within"] == {"value": 3, "unit": "months"}
    veis = example("veis.json")
    dues = {d["due"] for d in dxer.system_duties(veis, short) if d["kind"] == "ehis_supply"}
    assert dues == {datetime.date(2026, 6, 2)}
    # A policy saved before these periods existed still loads, with the law's periods.
    old = {k: v for k, v in dxer.Policy().to_dict().items() if k not in ("register_card_within", "ehis_supply_within")}
    assert dxer.Policy.from_dict(old) == dxer.Policy()
    fortnights: Any = {"value": 20, "unit": "fortnights"}
    with pytest.raises(ValueError):
        dxer.Policy(register_card_within=fortnights)


def test_messages_in_the_chosen_language() -> None:
    card = copy.deepcopy(example("dxer.json"))
    del card["lifecycle"][0]["applied_on"], card["registered_on"]
    [f] = dxer.system_due_findings(card, datetime.date(2026, 6, 1), lang="en")
    assert f.code == "DXER-X008" and f.severity == "warning"
    assert "IS-DXER (created: 2026-05-06)" in f.message and "by 2026-05-26" in f.message
    [ru] = dxer.system_due_findings(card, datetime.date(2026, 6, 1), lang="ru")
    assert "(создана: 2026-05-06)" in ru.message


def test_a_card_that_is_not_a_card_is_refused() -> None:
    with pytest.raises(dxer.ParseError, match="card"):
        dxer.system_duties({"code": "IS-X1"})
    with pytest.raises(dxer.ParseError):
        dxer.system_status_at("{not json", datetime.date(2026, 1, 1))
    with pytest.raises(TypeError):
        dxer.system_duties(42)  # type: ignore[arg-type]


def test_rule_levels_apply_to_the_registry_s_system_findings() -> None:
    registry = dxer.Registry(rule_levels={"DXER-X010": "error"})
    registry.add_information_systems_json((CARDS / "veis.json").read_text("utf-8"))
    found = registry.system_findings(datetime.date(2026, 9, 10))
    assert len(found) == 15
    assert {x["system"] for x in found} == {"IS-VEIS"}
    assert {x["finding"].severity for x in found} == {"error"}
    assert registry.system_findings(datetime.date(2026, 8, 1)) == []
