"""Workflow transitions, due dates, policies and versions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import dxer

D = dt.date


def test_a_record_walks_through_every_state(draft: dict[str, Any]) -> None:
    open_duties = dxer.duties(draft)
    assert [(d.kind, d.owner, d.due) for d in open_duties] == [("submission", "provider", D(2026, 6, 24))]
    assert open_duties[0].from_date == D(2026, 5, 6)

    t = dxer.apply_event(draft, {"event": "submit", "signer": "DİN", "signature_ref": "asan-imza:1"}, D(2026, 6, 10))
    assert (t.from_state, t.to_state) == ("draft", "submitted")
    assert t.record["submission"]["date"] == "2026-06-10"
    assert [(d.kind, d.owner, d.due) for d in t.duties] == [("review", "operator", D(2026, 6, 22))]

    t = dxer.apply_event(t.record, "start_review", D(2026, 6, 11))
    assert t.to_state == "under_review"
    assert t.duties[0].due == D(2026, 6, 22)

    defects = {"event": "return", "defects": [{"az": "İmtina əsaslarının hüquqi əsası yoxdur"}]}
    t = dxer.apply_event(t.record, defects, D(2026, 6, 16))
    assert t.to_state == "returned"
    assert (t.duties[0].kind, t.duties[0].due) == ("fix", D(2026, 6, 25))

    t = dxer.apply_event(t.record, "resubmit", D(2026, 6, 25))
    assert (t.to_state, t.duties[0].due) == ("resubmitted", D(2026, 7, 7))

    t = dxer.apply_event(t.record, "register", D(2026, 7, 1))
    assert t.to_state == "registered" and t.duties == []
    assert t.record["validity"]["valid_from"] == "2026-07-01"

    for event, at, state in [
        ("amend", D(2026, 9, 1), "amended"),
        ("suspend", D(2026, 9, 10), "suspended"),
        ("resume", D(2026, 9, 20), "registered"),
        ("terminate", D(2026, 10, 1), "terminated"),
        ("archive", D(2026, 10, 2), "archived"),
    ]:
        t = dxer.apply_event(t.record, event, at)
        assert t.to_state == state
    assert t.record["version"] == 2
    assert [h["event"] for h in t.record["history"]][-3:] == ["resume", "terminate", "archive"]
    assert t.to_dict()["to_state"] == "archived"
    assert dxer.validate(t.record).kind == "record"


def test_an_illegal_event_raises_workflow_error_w001(identity_card: dict[str, Any]) -> None:
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.apply_event(identity_card, "resubmit", D(2026, 6, 12), lang="en")
    err = info.value
    assert err.finding.code == "DXER-W001" and err.code == "DXER-W001"
    assert err.finding.pointer == "/status"
    assert "resubmit" in str(err) and "DXER-W001" in str(err)
    assert err.finding.message == err.finding.messages["en"]
    assert isinstance(err, dxer.DxerError)


def test_events_out_of_order_and_returns_without_defects(identity_card: dict[str, Any]) -> None:
    t = dxer.apply_event(identity_card, "start_review", D(2026, 6, 11))
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.apply_event(t.record, "register", D(2026, 6, 1))
    assert info.value.finding.code == "DXER-W002"
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.apply_event(t.record, {"event": "return", "defects": []}, D(2026, 6, 12))
    assert info.value.finding.code == "DXER-W006"


def test_max_returns_policy(identity_card: dict[str, Any]) -> None:
    policy = dxer.Policy(max_returns=0)
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.apply_event(identity_card, {"event": "return", "defects": [{"az": "x"}]}, D(2026, 6, 12), policy)
    assert info.value.finding.code == "DXER-W004"


def test_policy_changes_deadlines(draft: dict[str, Any]) -> None:
    default = dxer.Policy()
    assert default.submit_within == {"value": 30, "unit": "working_days"}
    assert default.review_within == {"value": 7, "unit": "working_days"}
    assert default.max_returns is None
    short = dxer.Policy(submit_within={"value": 7, "unit": "working_days"}, due_soon_margin=1)
    assert dxer.duties(draft, short)[0].due == D(2026, 5, 18)
    assert dxer.Policy.from_dict(short.to_dict()) == short
    assert short != default
    with pytest.raises(TypeError, match="submit_within"):
        dxer.Policy(submit_within=7)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="submit_within"):
        dxer.Policy(submit_within={"value": 7, "unit": "weeks"})  # type: ignore[arg-type]
    with pytest.raises(dxer.ParseError):
        dxer.Policy.from_dict({"submit_within": 3})


def test_regime_start_floors_the_submission_clock(draft: dict[str, Any]) -> None:
    # The draft's creating act, Law No. 279-VIIQ, took effect on 3 December 2025, before the model form.
    assert draft["creating_act"]["entry_into_force"] == "2025-12-03"
    assert dxer.Policy().regime_start == D(2026, 5, 6)
    assert dxer.duties(draft)[0].from_date == D(2026, 5, 6)
    from_act = dxer.Policy(regime_start=False)
    assert from_act.regime_start is None
    assert dxer.duties(draft, from_act)[0].from_date == D(2025, 12, 3)
    later = dxer.Policy(regime_start=D(2026, 7, 1))
    assert (dxer.duties(draft, later)[0].from_date, dxer.duties(draft, later)[0].due) == (D(2026, 7, 1), D(2026, 8, 12))
    assert dxer.Policy.from_dict(from_act.to_dict()) == from_act
    with pytest.raises(TypeError, match="regime_start"):
        dxer.Policy(regime_start="2026-07-01")  # type: ignore[arg-type]


def test_status_at_and_due_findings(draft: dict[str, Any]) -> None:
    [early] = dxer.status_at(draft, D(2026, 5, 7))
    assert early.standing == "on_time" and early.duty.due == D(2026, 6, 24)
    [soon] = dxer.status_at(draft, D(2026, 6, 23))
    assert soon.standing == "due_soon"
    [late] = dxer.status_at(draft, D(2026, 6, 26))
    assert late.standing == "overdue" and late.working_days >= 1
    assert late.to_dict()["standing"] == "overdue"
    assert [f.code for f in dxer.due_findings(draft, D(2026, 6, 26))] == ["DXER-W010"]
    assert [f.code for f in dxer.due_findings(draft, D(2026, 6, 23))] == ["DXER-W011"]
    assert dxer.due_findings(draft, D(2026, 5, 7)) == []


def test_a_deadline_beyond_the_calendar_is_a_workflow_error(draft: dict[str, Any]) -> None:
    record = json.loads(json.dumps(draft))
    record["creating_act"]["entry_into_force"] = "2099-01-05"
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.duties(record)
    assert info.value.finding.code == "DXER-W003"


def test_states_and_events() -> None:
    assert dxer.next_state("draft", "submit") == "submitted"
    assert dxer.next_state("draft", "register") is None
    assert dxer.allowed_events("under_review") == ["return", "register"]
    with pytest.raises(ValueError, match="state"):
        dxer.allowed_events("nowhere")


def test_bad_records_and_events(identity_card: dict[str, Any]) -> None:
    with pytest.raises(dxer.ValidationError) as info:
        dxer.apply_event({"record_id": 5}, "submit", D(2026, 6, 1))
    assert not info.value.report.ok
    assert "DXER-S003" in info.value.report.codes()
    with pytest.raises(dxer.ValidationError):
        dxer.duties("{not json")
    with pytest.raises(dxer.ParseError, match="event"):
        dxer.apply_event(identity_card, "fly", D(2026, 6, 12))
    with pytest.raises(dxer.ParseError, match="signer"):
        dxer.apply_event(identity_card, "submit", D(2026, 6, 12))
    with pytest.raises(TypeError, match="event"):
        dxer.apply_event(identity_card, 5, D(2026, 6, 12))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="at"):
        dxer.apply_event(identity_card, "start_review", "2026-06-12")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="policy"):
        dxer.duties(identity_card, policy={"max_returns": 1})  # type: ignore[arg-type]


def test_diff_lists_what_changed(identity_card: dict[str, Any]) -> None:
    new = json.loads(json.dumps(identity_card))
    new["reglament"]["general"]["name"]["az"] = "Yeni ad"
    new["status"] = "registered"  # bookkeeping: left out
    changes = dxer.diff(identity_card, new)
    assert changes == [
        {
            "pointer": "/reglament/general/name/az",
            "old": identity_card["reglament"]["general"]["name"]["az"],
            "new": "Yeni ad",
        }
    ]
    assert dxer.diff(identity_card, identity_card) == []
    values = dxer.diff_values({"a": 1, "b": [1, 2]}, {"a": 2, "b": [1], "c": True})
    assert [c["pointer"] for c in values] == ["/a", "/b/1", "/c"]
    assert values[1]["new"] is None and values[2]["old"] is None


def test_a_record_with_errors_cannot_be_registered_w007(identity_card: dict[str, Any]) -> None:
    silent = dict(identity_card)
    silent["reglament"] = dict(identity_card["reglament"])
    silent["reglament"]["standard"] = dict(identity_card["reglament"]["standard"], time_limit={"not_stated": True})
    with pytest.raises(dxer.WorkflowError) as info:
        dxer.apply_event(silent, "register", D(2026, 6, 15), lang="en")
    assert info.value.finding.code == "DXER-W007"
    assert "DXER-N001" in str(info.value)
    lenient = dxer.Policy(register_only_without_errors=False)
    assert lenient.register_only_without_errors is False and dxer.Policy().register_only_without_errors is True
    assert dxer.apply_event(silent, "register", D(2026, 6, 15), lenient).to_state == "registered"
    assert dxer.Policy.from_dict(lenient.to_dict()) == lenient


def test_amend_refuses_bad_input_with_located_errors(identity_card: dict[str, Any]) -> None:
    """`amend`: a value that is not a record is a ValidationError with its report, a bad date a TypeError,
    an amendment dated before the version it follows DXER-W002 at /validity/valid_from."""
    with pytest.raises(dxer.ValidationError) as info:
        dxer.amend({"record_id": 5}, identity_card, D(2026, 9, 1))
    assert "DXER-S003" in info.value.report.codes()
    with pytest.raises(dxer.ValidationError):
        dxer.amend(identity_card, "{not json", D(2026, 9, 1))
    with pytest.raises(TypeError, match="valid_from"):
        dxer.amend(identity_card, identity_card, "2026-09-01")  # type: ignore[arg-type]
    registered = dxer.apply_event(identity_card, "register", D(2026, 6, 15)).record
    changed = dict(registered, reglament=dict(registered["reglament"]))
    changed["reglament"]["contact"] = {"hotline": "109"}
    with pytest.raises(dxer.WorkflowError) as refused:
        dxer.amend(registered, changed, D(2026, 6, 1))
    assert (refused.value.finding.code, refused.value.finding.pointer) == ("DXER-W002", "/validity/valid_from")
