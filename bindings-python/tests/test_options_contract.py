"""The one options contract: the shared cases of tests/options/cases.json (also run by the core, the
command and WebAssembly) through ``dxer.check_options`` and through the keyword arguments of
``dxer.validate``: Python accepts and refuses what the core does, with the core's messages."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import dxer
from conftest import ROOT, load_json

CASES: list[dict[str, Any]] = json.loads((ROOT / "tests" / "options" / "cases.json").read_text("utf-8"))
VALID = ROOT / "tests" / "fixtures" / "valid" / "identity-card" / "input.json"
KWARGS = {
    "kind",
    "today",
    "rule_levels",
    "hours_per_working_day",
    "max_variant_combinations",
    "max_depth",
    "max_input_bytes",
    "max_list_items",
    "max_string_bytes",
}


def test_the_cases_were_read() -> None:
    assert len(CASES) >= 30
    assert any(not c["accepted"] for c in CASES) and any(c["accepted"] for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_check_options(case: dict[str, Any]) -> None:
    if case["accepted"]:
        checked = dxer.check_options(case["options"])
        assert set(checked) >= KWARGS | {"direct"}
        # The checked form reads back to itself.
        assert dxer.check_options(checked) == checked
    else:
        with pytest.raises(dxer.ArgumentValueError) as raised:
            dxer.check_options(case["options"])
        assert case["error_contains"] in str(raised.value)


def kwargs_of(options: dict[str, Any]) -> dict[str, Any] | None:
    """The keyword arguments saying what ``options`` says, or None when one member has none."""
    kwargs: dict[str, Any] = {}
    for name, value in options.items():
        if name not in KWARGS:
            return None  # camelCase, unknown members, lang and codelists: no such keyword (or not an option)
        if name == "today" and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                return None
        kwargs[name] = value
    return kwargs


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_keyword_arguments(case: dict[str, Any]) -> None:
    kwargs = kwargs_of(case["options"])
    if kwargs is None:
        pytest.skip("not expressible as keyword arguments")
    record = load_json(VALID)
    if case["accepted"]:
        dxer.validate(record, **kwargs)
        dxer.Registry(**{k: v for k, v in kwargs.items() if k != "kind"})
    else:
        with pytest.raises(dxer.DxerError) as raised:
            dxer.validate(record, **kwargs)
        if isinstance(raised.value, dxer.ArgumentValueError) and not isinstance(
            raised.value, dxer.ArgumentRangeError
        ):
            # The core's refusal (Python's own, of a type or a negative int, comes first otherwise).
            assert case["error_contains"] in str(raised.value)


def test_a_misspelled_rule_code_is_refused_with_a_suggestion() -> None:
    record = load_json(VALID)
    with pytest.raises(dxer.ArgumentValueError, match=r"did you mean DXER-E005\?"):
        dxer.validate(record, rule_levels={"DXER-E05": "off"})
    with pytest.raises(ValueError, match="unknown rule code DXER-Z999"):
        dxer.Registry(rule_levels={"DXER-Z999": "off"})
    with pytest.raises(ValueError, match="hours_per_working_day"):
        dxer.validate(record, hours_per_working_day=0)


def test_check_options_fills_in_the_defaults_and_refuses_what_is_not_a_dict() -> None:
    defaults = dxer.check_options()
    assert defaults["max_depth"] == 64 and defaults["rule_levels"] == {} and defaults["today"] is None
    assert dxer.check_options({"maxDepth": 3, "today": dt.date(2026, 11, 25)})["max_depth"] == 3
    with pytest.raises(TypeError, match="options"):
        dxer.check_options([("max_depth", 3)])  # type: ignore[arg-type]


def test_lang_is_read_by_the_core() -> None:
    with pytest.raises(dxer.ArgumentValueError, match="unknown language \"de\"; expected az, en or ru"):
        dxer.validate("{}", lang="de")


def entry_points() -> list[tuple[str, Any]]:
    """Every validating entry point, as a call taking the keyword arguments (a valid record where one is
    needed): they all read them with one reader."""
    record = load_json(VALID)
    text = json.dumps(record)
    return [
        ("validate", lambda **kw: dxer.validate(record, **kw)),
        ("validate_many", lambda **kw: dxer.validate_many([record], **kw)),
        ("Registry", lambda **kw: dxer.Registry(**kw)),
        ("Registry.from_json", lambda **kw: dxer.Registry.from_json(text, **kw)),
        ("Registry.from_json_lines", lambda **kw: dxer.Registry.from_json_lines(text, **kw)),
        ("Registry.from_records", lambda **kw: dxer.Registry.from_records([record], **kw)),
        ("Registry.from_files", lambda **kw: dxer.Registry.from_files([VALID], **kw)),
    ]


@pytest.mark.parametrize("name,call", entry_points(), ids=[n for n, _ in entry_points()])
def test_every_entry_point_refuses_the_same_way(name: str, call: Any) -> None:
    # An unknown keyword (camelCase ones included: the keywords are the contract's snake_case names).
    for bad in ({"colour": "red"}, {"maxDepth": 3}, {"direct": False}):
        with pytest.raises(dxer.ArgumentError, match=f"{name}\\(\\) got an unexpected keyword argument"):
            call(**bad)
    # A language that is not a str, and one dxer does not have.
    for lang in (5, None, b"en"):
        with pytest.raises(dxer.ArgumentError, match="lang"):
            call(lang=lang)
    with pytest.raises(dxer.ArgumentValueError, match="unknown language"):
        call(lang="de")
    # The core's contract judges the values, with its message.
    with pytest.raises(dxer.ArgumentValueError, match="unknown rule code DXER-Z999"):
        call(rule_levels={"DXER-Z999": "off"})
    with pytest.raises(dxer.ArgumentValueError, match="hours_per_working_day"):
        call(hours_per_working_day=0)
    with pytest.raises(dxer.ArgumentError, match="codelists"):
        call(codelists={"providers": []})
    # What every one accepts; None is each option's default.
    call(lang="en", today=dt.date(2026, 11, 25), max_depth=None, rule_levels={"DXER-E005": "off"})


def test_kind_is_an_option_of_validation_and_not_of_a_registry() -> None:
    record = load_json(VALID)
    assert dxer.validate(record, kind="record").kind == "record"
    assert dxer.validate_many([record], kind="record")[0].kind == "record"
    with pytest.raises(dxer.ArgumentValueError, match="kind"):
        dxer.validate(record, kind="recipe")  # type: ignore[arg-type]
    with pytest.raises(dxer.ArgumentError, match="kind"):
        dxer.validate(record, kind=1)  # type: ignore[arg-type]
    with pytest.raises(dxer.ArgumentError, match="Registry\\(\\) got an unexpected keyword argument 'kind'"):
        dxer.Registry(kind="record")  # type: ignore[call-arg]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_shared_cases_through_every_entry_point(case: dict[str, Any]) -> None:
    kwargs = kwargs_of(case["options"])
    if kwargs is None:
        pytest.skip("not expressible as keyword arguments")
    for name, call in entry_points():
        if name.startswith("Registry"):
            if "kind" in kwargs:
                continue
        if case["accepted"]:
            call(**kwargs)
        else:
            with pytest.raises(dxer.DxerError):
                call(**kwargs)
