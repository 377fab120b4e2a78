"""The publication policy through Python: the shared hostile records of tests/hostile/publication/."""

from __future__ import annotations

import csv
import io
import json
import warnings
from typing import Any

import pytest

import dxer

from conftest import ROOT

HOSTILE = ROOT / "tests" / "hostile" / "publication"


def record(name: str) -> dict[str, Any]:
    return json.loads((HOSTILE / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (HOSTILE / name).read_text(encoding="utf-8").splitlines()]


PRIVATE = json.loads((HOSTILE / "private-strings.json").read_text(encoding="utf-8"))


def assert_private_values_absent(name: str, text: str) -> None:
    for value in PRIVATE["values"]:
        assert value not in text, f"{name} publishes {value!r}"


def test_a_published_record_carries_no_private_value() -> None:
    registered = record("registered.json")
    for value in PRIVATE["values"]:
        assert value in json.dumps(registered, ensure_ascii=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing withheld: no warning
        outputs = {
            "csv": dxer.to_csv([registered]),
            "jsonl": dxer.to_jsonl([registered]),
            "cpsv": json.dumps(dxer.to_cpsv_jsonld(registered), ensure_ascii=False),
            "schema.org": json.dumps(dxer.to_schema_org(registered, lang="en"), ensure_ascii=False),
            "html": dxer.render_html(registered, lang="en"),
            "md": dxer.render_markdown(registered),
        }
    for name, text in outputs.items():
        assert "DX-" in text, name
        assert_private_values_absent(name, text)
    line = json.loads(outputs["jsonl"])
    for member in PRIVATE["json_members"]:
        assert member not in line and member not in line["submission"]
    assert line["submission"] == {"date": "2026-06-08"}
    assert len(list(csv.DictReader(io.StringIO(outputs["csv"])))) == 1
    assert "Signer" not in outputs["html"]


def test_the_internal_export_keeps_every_field() -> None:
    registered = record("registered.json")
    line = json.loads(dxer.to_jsonl([registered], internal=True))
    assert line == registered
    doc = dxer.to_cpsv_jsonld(registered, internal=True)
    assert doc["@graph"][0]["dxer:record"]["@value"] == registered
    assert "SIGREF-9F3A-PRIVATE-0001" in dxer.render_html(registered, internal=True)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("draft.json", "status"),
        ("under-review.json", "status"),
        ("suspended.json", "status"),
        ("not-open-data.json", "not_open_data"),
    ],
)
def test_unpublished_records_are_withheld(name: str, reason: str) -> None:
    r = record(name)
    for convert in (dxer.to_cpsv_jsonld, dxer.to_schema_org, dxer.render_html, dxer.render_markdown):
        with pytest.raises(dxer.WithheldError, match="internal=True") as info:
            convert(r)
        assert (info.value.record_id, info.value.version, info.value.reason) == (r["record_id"], 1, reason)
        assert isinstance(info.value, dxer.DxerError)
        convert(r, internal=True)
    with pytest.warns(dxer.PublicationWarning, match="withheld 1 of 1") as caught:
        text = dxer.to_jsonl([r])
    assert text == ""
    assert caught[0].message.withheld[0]["reason"] == reason  # type: ignore[union-attr]
    with pytest.warns(dxer.PublicationWarning):
        assert dxer.to_csv([r]).count("\n") == 1


def test_duplicates_once_and_conflicts_never() -> None:
    with pytest.warns(dxer.PublicationWarning, match="exported once"):
        assert dxer.to_jsonl(lines("duplicates.jsonl")).count("\n") == 1
    with pytest.warns(dxer.PublicationWarning, match="neither is exported") as caught:
        assert dxer.to_jsonl(lines("conflict.jsonl"), internal=True) == ""
    assert [w["reason"] for w in caught[0].message.withheld] == ["conflict", "conflict"]  # type: ignore[union-attr]
