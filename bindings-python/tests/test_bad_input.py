"""Bad input never crashes: it gives findings or a clear Python exception."""

from __future__ import annotations

import json
from typing import Any

import pytest

import dxer


def codes(report: dxer.Report) -> list[str]:
    return report.codes()


@pytest.mark.parametrize("bad", [42, 4.2, None, ["a"], object(), {"a"}])
def test_wrong_types_raise_type_error_naming_the_argument(bad: Any) -> None:
    with pytest.raises(TypeError, match="^record"):
        dxer.validate(bad)


def test_invalid_json_is_a_finding() -> None:
    report = dxer.validate('{"record_id": ')
    assert codes(report) == ["DXER-J001"]
    assert report[0].pointer == ""
    assert codes(dxer.validate("")) == ["DXER-J001"]
    assert codes(dxer.validate(b"[1, 2,]")) == ["DXER-J001"]


def test_invalid_utf8_bytes_are_a_finding() -> None:
    report = dxer.validate(b'{"a": "\xf6"}')
    assert codes(report) == ["DXER-J002"]


def test_lone_surrogates_in_text_are_a_finding_not_a_crash() -> None:
    assert codes(dxer.validate('{"a": "\ud800"}')) == ["DXER-J002"]


def test_lone_surrogates_in_a_dict_raise_value_error_with_the_place() -> None:
    with pytest.raises(ValueError, match=r"record at /a: .*surrogate"):
        dxer.validate({"a": "\ud800"})


def test_deep_nesting_is_a_finding_in_every_form() -> None:
    deep_text = '{"a": ' + "[" * 10_000 + "]" * 10_000 + "}"
    assert codes(dxer.validate(deep_text)) in (["DXER-J003"], ["DXER-J001"])
    nested: Any = []
    for _ in range(10_000):
        nested = [nested]
    assert codes(dxer.validate({"a": nested})) == ["DXER-J003"]
    cyclic: dict[str, Any] = {}
    cyclic["self"] = cyclic
    assert codes(dxer.validate(cyclic)) == ["DXER-J003"]


def test_dict_keys_must_be_strings() -> None:
    with pytest.raises(TypeError, match=r"record at /general: dict keys must be str"):
        dxer.validate({"general": {1: "x"}})


def test_values_that_are_not_json_raise_with_their_place() -> None:
    with pytest.raises(TypeError, match=r"record at /a/0: set is not JSON data"):
        dxer.validate({"a": [{1, 2}]})
    with pytest.raises(ValueError, match=r"record at /x: nan is not a JSON number"):
        dxer.validate({"x": float("nan")})


def test_wrong_json_types_are_findings() -> None:
    report = dxer.validate({"record_id": 5, "version": "1"})
    assert "DXER-S003" in codes(report)


def test_dates_and_tuples_in_dicts_are_written_as_json_would(identity_card: dict[str, Any]) -> None:
    import datetime as dt

    record = json.loads(json.dumps(identity_card))
    record["creating_act"]["entry_into_force"] = dt.date.fromisoformat(record["creating_act"]["entry_into_force"])
    record["directions"] = tuple(record["directions"])
    assert dxer.validate(record).to_dict() == dxer.validate(identity_card).to_dict()


def test_huge_strings_and_huge_numbers() -> None:
    report = dxer.validate({"record_id": "x" * 10_000_000})
    assert not report.ok
    assert not dxer.validate({"version": 10**30}).ok
    assert dxer.validate('{"version": 1e400}').codes()  # a finding, not a crash
    assert codes(dxer.validate("x" * 100, max_input_bytes=10)) == ["DXER-J003"]


def test_a_deep_dict_respects_a_raised_max_depth() -> None:
    nested: Any = "leaf"
    for _ in range(100):
        nested = {"a": nested}
    assert "DXER-J003" in codes(dxer.validate(nested))
    assert "DXER-J003" not in codes(dxer.validate(nested, max_depth=200))


def test_errors_form_a_hierarchy() -> None:
    for cls in (dxer.ParseError, dxer.ValidationError, dxer.CalendarError, dxer.WorkflowError):
        assert issubclass(cls, dxer.DxerError)
    assert issubclass(dxer.ParseError, ValueError)
    assert issubclass(dxer.CalendarError, ValueError)
    assert not issubclass(dxer.DxerError, BaseException) or issubclass(dxer.DxerError, Exception)


def test_objects_without_constructor_cannot_be_built() -> None:
    with pytest.raises(TypeError):
        dxer.Report()
    with pytest.raises(TypeError):
        dxer.Finding()


def test_a_panic_surfaces_as_dxer_error_not_panic_exception() -> None:
    """A date whose isoformat() resizes the dict being converted makes the conversion panic (pyo3 refuses
    a dict changed during iteration): the caller gets a DxerError, in validate and in validate_many."""
    import datetime as dt

    record: dict[str, Any] = {}

    class Resizing(dt.date):
        def isoformat(self) -> str:
            record[f"extra{len(record)}"] = 1
            return super().isoformat()

    for call in (lambda: dxer.validate(record), lambda: dxer.validate_many([record] * 100)):
        record.clear()
        record.update({"a": Resizing(2026, 1, 1), "b": 1})
        with pytest.raises(dxer.DxerError, match="internal error"):
            call()
