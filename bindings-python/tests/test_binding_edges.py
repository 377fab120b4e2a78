"""The edges of the boundary: every error of a call is a ``dxer.DxerError`` (bad arguments included, which
stay ``TypeError``/``ValueError``/``OverflowError`` too), and a document too large is refused from its
length, before any copy, with the core's ``DXER-J003``."""

from __future__ import annotations

import datetime
import inspect
import subprocess
import sys
import textwrap
from typing import Any, Callable

import pytest

import dxer

DEFAULT_LIMIT = 16 * 1024 * 1024  # Options::default().max_input_bytes
DAY = datetime.date(2026, 3, 2)


def raises_dxer(builtin: type[BaseException], call: Callable[[], object]) -> dxer.DxerError:
    """``call()`` raises a ``DxerError`` that is also a ``builtin``."""
    with pytest.raises(dxer.DxerError) as caught:
        call()
    assert isinstance(caught.value, builtin), (type(caught.value).__mro__, caught.value)
    return caught.value


# ---- wrong arguments ---------------------------------------------------------------------------------


def test_a_record_of_the_wrong_type_is_an_argument_error() -> None:
    e = raises_dxer(TypeError, lambda: dxer.validate(123))  # type: ignore[arg-type]
    assert isinstance(e, dxer.ArgumentError)
    assert str(e).startswith("record: expected")


def test_an_unknown_keyword_is_an_argument_error() -> None:
    e = raises_dxer(TypeError, lambda: dxer.validate(b"{}", options="x"))  # type: ignore[call-arg]
    assert "options" in str(e)
    raises_dxer(TypeError, lambda: dxer.duties("{}", when=DAY))  # type: ignore[call-arg]
    raises_dxer(TypeError, lambda: dxer.validate())  # type: ignore[call-arg]


def test_an_argument_of_the_wrong_type_is_an_argument_error() -> None:
    raises_dxer(TypeError, lambda: dxer.validate(b"{}", lang=5))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.validate(b"{}", max_depth="deep"))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.next_state(1, 2))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.Calendar().days_off("2026"))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.CodeLists().provider(5))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.validate(b"{}").in_lang(5))  # type: ignore[arg-type]


def test_a_date_given_as_a_number_is_an_argument_error(identity_card: dict[str, Any]) -> None:
    e = raises_dxer(TypeError, lambda: dxer.status_at(identity_card, 20260302))  # type: ignore[arg-type]
    assert "datetime.date" in str(e)
    raises_dxer(TypeError, lambda: dxer.validate(b"{}", today="2026-03-02"))  # type: ignore[arg-type]
    raises_dxer(TypeError, lambda: dxer.Calendar().is_working_day(20260302))  # type: ignore[arg-type]


def test_a_value_dxer_cannot_take_is_an_argument_value_error() -> None:
    e = raises_dxer(ValueError, lambda: dxer.validate(b"{}", lang="xx"))
    assert isinstance(e, dxer.ArgumentValueError)
    raises_dxer(ValueError, lambda: dxer.allowed_events("nowhere"))
    raises_dxer(ValueError, lambda: dxer.validate({"a": "\ud800"}))


@pytest.mark.parametrize(
    "call",
    [
        lambda: dxer.validate_many([b"{}"], threads=-2),
        lambda: dxer.Calendar().add(DAY, working_days=-1),
        lambda: dxer.Calendar().days_off(2**40),
        lambda: dxer.validate(b"{}").to_json(indent=-1),
    ],
)
def test_a_number_out_of_range_is_an_argument_range_error(call: Callable[[], object]) -> None:
    e = raises_dxer(OverflowError, call)
    assert isinstance(e, dxer.ArgumentRangeError) and isinstance(e, ValueError)


@pytest.mark.parametrize("value", [-1, 0, True, 2.0, 2**80])
def test_counts_are_judged_by_the_core_options_contract(value: object) -> None:
    # Every count reaches the core as given, so a bool, a float, a negative or a huge number is refused there,
    # with the core's message, in the constructors too.
    for call in (
        lambda: dxer.validate(b"{}", max_depth=value),  # type: ignore[arg-type]
        lambda: dxer.validate_many([b"{}"], max_list_items=value),  # type: ignore[arg-type]
        lambda: dxer.Registry(max_depth=value),  # type: ignore[arg-type]
    ):
        e = raises_dxer(ValueError, call)
        assert "max_" in str(e)


@pytest.mark.parametrize(
    ("kwargs", "kind"),
    [
        ({"due_soon_margin": -1}, OverflowError),
        ({"due_soon_margin": "2"}, TypeError),
        ({"due_soon_margin": True}, TypeError),
        ({"max_returns": 2**40}, OverflowError),
        ({"register_only_without_errors": 1}, TypeError),
    ],
)
def test_the_policy_constructor_raises_dxer_errors(kwargs: dict[str, object], kind: type[Exception]) -> None:
    e = raises_dxer(kind, lambda: dxer.Policy(**kwargs))  # type: ignore[arg-type]
    assert next(iter(kwargs)) in str(e)


def _public_callables() -> list[tuple[str, Callable[..., object]]]:
    """Every public function, and every public method of an instance of the public classes."""
    instances: dict[str, object] = {
        "Calendar": dxer.Calendar(),
        "CodeLists": dxer.CodeLists(),
        "Policy": dxer.Policy(),
        "Registry": dxer.Registry(),
        "Report": dxer.validate(b"{}"),
    }
    out: list[tuple[str, Callable[..., object]]] = []
    for name in dxer.__all__:
        member = getattr(dxer, name)
        if inspect.isfunction(member) or inspect.isbuiltin(member):
            out.append((name, member))
        elif isinstance(member, type) and not issubclass(member, BaseException):
            # Constructors are left out: they keep PyO3's own errors (see dxer._boundary).
            target = instances.get(name)
            for attr in dir(member):
                if attr.startswith("_") or target is None:
                    continue
                bound = getattr(target, attr)
                if callable(bound) and not isinstance(bound, type):
                    out.append((f"{name}.{attr}", bound))
    return out


@pytest.mark.parametrize("name,func", _public_callables(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_public_callable_raises_only_dxer_errors_on_bad_arguments(
    name: str, func: Callable[..., object]
) -> None:
    checked = 0
    for args, kwargs in [((object(),), {}), ((object(), object(), object(), object()), {}), ((), {"bogus": 1})]:
        try:
            func(*args, **kwargs)
        except dxer.DxerError:
            checked += 1
        except Exception as e:  # noqa: BLE001 - what is being tested
            pytest.fail(f"{name}{args}{kwargs} raised a bare {type(e).__name__}: {e}")
    assert checked >= 2, f"{name} accepted bad arguments {3 - checked} time(s)"


# ---- size before copy ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_bytes_over_the_limit_are_the_cores_j003(kind: Callable[[bytes], Any]) -> None:
    report = dxer.validate(kind(b" " * 101), lang="en", max_input_bytes=100)
    assert report.codes() == ["DXER-J003"]
    assert report[0].pointer == ""
    assert "101 bytes, more than the limit of 100 bytes" in report[0].message


def test_text_over_the_limit_is_the_cores_j003_from_its_length() -> None:
    report = dxer.validate(" " * 101, lang="en", max_input_bytes=100)
    assert report.codes() == ["DXER-J003"]
    assert "at least 101 bytes, more than the limit of 100 bytes" in report[0].message
    # Within the limit in characters but over it in UTF-8: the core's exact count.
    report = dxer.validate('"' + "é" * 60 + '"', lang="en", max_input_bytes=100)
    assert "122 bytes, more than the limit of 100 bytes" in report[0].message


def test_a_memoryview_is_a_document() -> None:
    assert dxer.validate(memoryview(b'{"a": ')).codes() == ["DXER-J001"]


def test_every_function_taking_a_record_refuses_an_oversized_one() -> None:
    big = b" " * (DEFAULT_LIMIT + 1)
    calls: list[Callable[[], object]] = [
        lambda: dxer.to_cpsv_jsonld(big),
        lambda: dxer.render_html(big),
        lambda: dxer.duties(big),
        lambda: dxer.digest(big),
    ]
    for call in calls:
        with pytest.raises(dxer.ValidationError) as caught:
            call()
        assert caught.value.report.codes() == ["DXER-J003"]
    with pytest.raises(dxer.ParseError, match="DXER-J003"):
        dxer.system_duties(big)


# Each case runs in a fresh interpreter: the growth of its peak resident memory across one call is the copy
# the call made (tracemalloc would not see a copy made by Rust's allocator).
NO_COPY = """
import resource, sys
import dxer
size = 64 * 1024 * 1024
kind = sys.argv[1]
if kind == "bytes":
    doc = b"x" * size
elif kind == "bytearray":
    doc = bytearray(b"x") * size
elif kind == "memoryview":
    doc = memoryview(bytearray(b"x") * size)
else:
    doc = "\\u00e9" * (size // 2)  # one byte a character in memory, two in UTF-8
dxer.validate(b"{}")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = dxer.validate(doc, lang="en")
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
print(report.codes()[0], grown)
"""


@pytest.mark.parametrize("kind", ["bytes", "bytearray", "memoryview", "str"])
def test_an_oversized_document_is_not_copied(kind: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(NO_COPY), kind], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    code, grown = done.stdout.split()
    assert code == "DXER-J003"
    # The old binding copied a bytearray or memoryview (64 MiB) and encoded a str to UTF-8 (64 MiB) first.
    assert int(grown) < 16 * 1024 * 1024, f"peak memory grew by {int(grown) // 1024 // 1024} MiB"
