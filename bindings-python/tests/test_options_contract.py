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
