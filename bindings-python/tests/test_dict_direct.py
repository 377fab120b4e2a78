"""Dicts read straight into the typed model (the core's direct path, `dxer::host`): the same report as text.

A dict is read into the model without building a `serde_json::Value`; when the direct path steps aside
(a structural error, a limit in doubt, anything it does not read) the dict is converted and validated in
full. Either way ``dxer.validate(dict)`` must equal ``dxer.validate(json.dumps(dict))`` exactly, except for
what only text can carry (the text-only findings below). ``dxer._dxer._direct_read`` (private, for these
tests) says whether the direct path answered, so that the tests prove it is taken where it should be.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import dxer
from dxer import _dxer
from conftest import fixture_dirs
from test_conformance import DICT_PATH_DIFFERS

# Findings only JSON text can give: syntax errors, bytes that are not UTF-8, a name given twice, a byte
# order mark, a lone surrogate escape (as a dict, that one is an ArgumentValueError).
TEXT_ONLY = {"DXER-J001", "DXER-J002", "DXER-J004", "DXER-J005", "DXER-J006"}
CASES = fixture_dirs("valid") + fixture_dirs("invalid") + fixture_dirs("real")
VALID = fixture_dirs("valid") + fixture_dirs("real")
# Private (not in the stubs): whether the direct path read the dict and answered for it.
direct_read: Callable[..., bool] = getattr(_dxer, "_direct_read")


def as_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def loaded(case: Path) -> dict[str, Any] | None:
    """The fixture as a dict, or None when it has no dict form."""
    path = case / "input.json"
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def same(data: Any, text: str | None = None, **opts: Any) -> None:
    """The dict and its text give the same report, field by field."""
    text = as_text(data) if text is None else text
    from_text = dxer.validate(text, **opts).to_dict()
    assert not {f["code"] for f in from_text["findings"]} & TEXT_ONLY, text[:200]
    assert dxer.validate(data, **opts).to_dict() == from_text, text[:300]


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_gives_the_report_of_its_text(case: Path) -> None:
    data = loaded(case)
    if data is None or case.name in DICT_PATH_DIFFERS:
        pytest.skip("no dict form, or one the text cannot match (listed in test_conformance)")
    text = (case / "input.json").read_text("utf-8")
    codes = {f.code for f in dxer.validate(text)}
    if "DXER-J006" in codes:
        with pytest.raises(dxer.ArgumentValueError, match="lone surrogate"):
            dxer.validate(data)
        return
    assert not codes & TEXT_ONLY, f"{case.name}: a text-only finding not listed as differing"
    for kind in (None, "record", "reglament", "auto"):
        same(data, text, kind=kind)
        same(data, kind=kind)


@pytest.mark.parametrize("case", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_and_real_documents_take_the_direct_path_from_dicts(case: Path) -> None:
    data = loaded(case)
    assert data is not None
    assert direct_read(data), f"{case.name}: the direct path stepped aside"


def test_the_direct_path_steps_aside_for_what_only_the_full_pipeline_can_tell(
    identity_card: dict[str, Any],
) -> None:
    assert direct_read(identity_card)
    wrong = copy.deepcopy(identity_card)
    wrong["version"] = "1"
    assert not direct_read(wrong)
    # Limits in doubt: the direct path does not judge them.
    assert not direct_read(identity_card, max_depth=3)
    assert not direct_read(identity_card, max_string_bytes=64)
    assert not direct_read(identity_card, max_list_items=1)
    # What a dict may hold but JSON text may not: the conversion's own answer (an argument error).
    with pytest.raises(dxer.ArgumentValueError):
        direct_read({**identity_card, "version": float("nan")})
    with pytest.raises(dxer.ArgumentError):
        direct_read({**identity_card, 1: "x"})
    # A tuple is an array, subclasses are what they subclass: still direct.
    tupled = copy.deepcopy(identity_card)
    tupled["directions"] = tuple(tupled["directions"])
    assert direct_read(tupled)
    assert direct_read(Sub(identity_card))


class Sub(dict):  # type: ignore[type-arg]
    """A dict subclass (read as a dict)."""


class SubStr(str):
    """A str subclass (read as a str)."""

    __slots__ = ()


class BigInt(int):
    """An int subclass."""


# ---- single-point mutations ------------------------------------------------------------------------------

Path_ = tuple[str | int, ...]


def places(value: Any, at: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every member and item of the document, with its path."""
    yield at, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from places(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from places(v, (*at, i))


def put(doc: Any, at: Path_, new: Any) -> Any:
    out = copy.deepcopy(doc)
    if not at:
        return new
    parent = out
    for step in at[:-1]:
        parent = parent[step]
    parent[at[-1]] = new
    return out


def nested(levels: int) -> Any:
    value: Any = "x"
    for i in range(levels):
        value = [value] if i % 2 else {"k": value}
    return value


def replacements(old: Any) -> list[Any]:
    """What each value is replaced with: other types, edge values, what only Python holds."""
    out: list[Any] = [None, 5, -1, 0, 1.0, 1.5, True, False, "x", "", [], {}, 2**64, 2**70, nested(12)]
    if isinstance(old, str):
        out += [old + " ", "y" * 70, "z" * 2001, SubStr(old), old + "а", "2025-02-29", "Аз"]
    if isinstance(old, bool):
        out += [int(old)]
    elif isinstance(old, int):
        out += [old + 1, float(old), BigInt(old), -old, 4_294_967_296, str(old)]
    if isinstance(old, list):
        out += [tuple(old), old + old[:1], old[1:], {"a": 1}]
    if isinstance(old, dict):
        out += [Sub(old), list(old.values()), {**old, "zz": 1}]
        out += [{k: v for k, v in old.items() if k != key} for key in old]
        # The same members in the reverse order (a citation is told apart by its first member).
        out += [dict(reversed(list(old.items())))]
    return out


def mutations(doc: dict[str, Any], every: int, offset: int = 0) -> Iterator[Any]:
    n = 0
    for at, old in places(doc):
        for new in replacements(old):
            if not at and not isinstance(new, dict):
                continue  # the document itself stays a dict (anything else is a bad argument)
            if n % every == offset:
                yield put(doc, at, new)
            n += 1


def test_every_mutation_of_a_valid_record_gives_the_report_of_its_text(identity_card: dict[str, Any]) -> None:
    direct = tried = 0
    for doc in mutations(identity_card, every=1):
        same(doc)
        tried += 1
        direct += direct_read(doc)
    # Both paths are exercised: the direct one for the mutations the schema accepts.
    assert tried > 2000 and tried // 20 < direct < tried, (direct, tried)


@pytest.mark.parametrize("case", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_mutations_of_every_valid_document_give_the_report_of_their_text(case: Path) -> None:
    data = loaded(case)
    assert data is not None
    for doc in mutations(data, every=31, offset=len(case.name) % 31):
        same(doc)


@pytest.mark.parametrize(
    "opts",
    [
        {"max_depth": 6},
        {"max_depth": 9},
        {"max_string_bytes": 80},
        {"max_string_bytes": 2000},
        {"max_list_items": 40},
        {"max_list_items": 2},
        {"kind": "reglament"},
    ],
)
def test_limits_hold_alike_from_dicts_and_text(identity_card: dict[str, Any], opts: dict[str, Any]) -> None:
    same(identity_card, **opts)
    for doc in mutations(identity_card, every=17):
        same(doc, **opts)
    long_list = put(identity_card, ("directions",), ["natural_persons"] * 50)
    same(long_list, **opts)
    deep = put(identity_card, ("reglament", "contact", "hotline"), nested(40))
    same(deep, **opts)


def test_deep_and_self_referencing_dicts_stay_within_the_limits(identity_card: dict[str, Any]) -> None:
    for levels in (60, 63, 64, 65, 100):
        same(put(identity_card, ("reglament", "general", "name"), nested(levels)))
    loop: dict[str, Any] = copy.deepcopy(identity_card)
    loop["reglament"]["contact"]["feedback"] = loop
    report = dxer.validate(loop)
    assert "DXER-J003" in report.codes()
    assert not direct_read(loop)


def test_a_dict_deeper_than_a_tape_holds_is_converted_whole(identity_card: dict[str, Any]) -> None:
    """With `max_depth` raised past the depth a tape holds, a deeper dict is converted as before: a
    finding deep inside it is still found (a tape would have cut it off)."""
    levels = 1_200
    deep_value: Any = {"az": "Кириллица"}
    for _ in range(levels):
        deep_value = {"k": deep_value}
    doc = put(identity_card, ("reglament", "contact", "hotline"), deep_value)
    report = dxer.validate(doc, max_depth=2_000)
    deep = [f for f in report.findings if f.code.startswith("DXER-H")]
    assert deep and all(f.pointer.count("/") > levels for f in deep), report.codes()


def test_what_json_text_cannot_hold_is_refused_as_before(identity_card: dict[str, Any]) -> None:
    bad: list[tuple[Callable[[dict[str, Any]], None], type[Exception]]] = [
        (lambda d: d.__setitem__("version", math.nan), dxer.ArgumentValueError),
        (lambda d: d.__setitem__("version", math.inf), dxer.ArgumentValueError),
        (lambda d: d["reglament"].__setitem__(3, "x"), dxer.ArgumentError),
        (lambda d: d["reglament"]["general"].__setitem__(("a",), "x"), dxer.ArgumentError),
        (lambda d: d.__setitem__("version", object()), dxer.ArgumentError),
        (lambda d: d.__setitem__("version", 2**2000), dxer.ArgumentValueError),
        (lambda d: d["reglament"]["general"]["name"].__setitem__("az", "\ud800"), dxer.ArgumentValueError),
    ]
    for change, error in bad:
        doc = copy.deepcopy(identity_card)
        change(doc)
        with pytest.raises(error):
            dxer.validate(doc)
        with pytest.raises(error):
            dxer.validate_many([identity_card, doc])


def test_validate_many_gives_validate_s_reports_on_one_thread_and_many(identity_card: dict[str, Any]) -> None:
    docs = [d for d in mutations(identity_card, every=5)][:300] + [identity_card] * 40
    expected = [dxer.validate(d).to_dict() for d in docs]
    for threads in (1, 2, 3):
        assert [r.to_dict() for r in dxer.validate_many(docs, threads=threads)] == expected
