"""Conversions: CPSV-AP, schema.org, open data, rendering, canonical bytes and digests."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import dxer


def test_cpsv_round_trip_is_lossless(identity_card: dict[str, Any]) -> None:
    # The fixture is submitted, not published: the internal export carries it whole.
    doc = dxer.to_cpsv_jsonld(identity_card, internal=True)
    assert doc["@graph"][0]["@type"] == "PublicService"
    back = dxer.from_cpsv_jsonld(doc)
    assert back.restored and back.losses == [] and back.report.ok
    assert back.record == identity_card
    again = dxer.from_cpsv_jsonld(json.dumps(doc).encode())
    assert again.record == identity_card


def test_cpsv_import_of_a_foreign_document_lists_its_losses() -> None:
    doc = {
        "@context": {"cpsv": "http://purl.org/vocab/cpsv#", "dct": "http://purl.org/dc/terms/"},
        "@id": "http://example.org/s1",
        "@type": "cpsv:PublicService",
        "dct:identifier": "DX-000101",
        "dct:title": [
            {"@value": "Şəxsiyyət vəsiqəsinin verilməsi", "@language": "az"},
            {"@value": "Délivrance", "@language": "fr"},
        ],
        "dct:keyword": {"@value": "ID", "@language": "en"},
    }
    imported = dxer.from_cpsv_jsonld(doc, lang="en")
    assert not imported.restored
    assert imported.record["reglament"]["general"]["name"]["az"] == "Şəxsiyyət vəsiqəsinin verilməsi"
    assert [(x["pointer_or_path"], x["property"]) for x in imported.losses] == [
        ("/dct:keyword", "dct:keyword"),
        ("/dct:title/1", "dct:title"),
    ]
    assert not imported.report.ok
    with_lists = dxer.from_cpsv_jsonld(json.dumps(doc), codelists=dxer.CodeLists())
    assert with_lists.record == imported.record


def test_cpsv_import_of_text_that_is_not_json() -> None:
    with pytest.raises(dxer.ParseError, match="DXER-J001"):
        dxer.from_cpsv_jsonld('{"@graph": [,]}')
    with pytest.raises(TypeError, match="document"):
        dxer.from_cpsv_jsonld(5)  # type: ignore[arg-type]


def test_exports_refuse_an_invalid_record_with_its_report(identity_card: dict[str, Any]) -> None:
    for convert in (dxer.to_cpsv_jsonld, dxer.to_schema_org, dxer.render_html, dxer.render_markdown):
        with pytest.raises(dxer.ValidationError) as info:
            convert({"record_id": 5})
        assert "DXER-S003" in info.value.report.codes()
        assert isinstance(info.value, ValueError)
    with pytest.raises(dxer.ValidationError, match=r"records\[1\]"):
        dxer.to_csv([identity_card, {"record_id": 5}])
    with pytest.raises(dxer.ValidationError):
        dxer.canonical_bytes({"record_id": 5})


def test_schema_org(identity_card: dict[str, Any]) -> None:
    ld = dxer.to_schema_org(identity_card, lang="en", internal=True)
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "GovernmentService"
    assert ld["offers"][0]["priceCurrency"] == "AZN"
    tag = dxer.schema_org_script_tag({"name": "</script><b>"})
    assert tag == '<script type="application/ld+json">{"name":"\\u003c/script\\u003e\\u003cb\\u003e"}</script>'


def test_open_data(identity_card: dict[str, Any]) -> None:
    # The same record twice (a dict, then its JSON text) is exported once, with a warning.
    with pytest.warns(dxer.PublicationWarning, match=r"records\[1\] REC-2026-000101") as caught:
        text = dxer.to_csv([identity_card, json.dumps(identity_card)], internal=True)
    assert caught[0].message.withheld == [  # type: ignore[union-attr]
        {"index": 1, "record_id": "REC-2026-000101", "version": 1, "reason": "duplicate"}
    ]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1 and rows[0]["service_code"] == "DX-000101"
    lines = dxer.to_jsonl([identity_card], internal=True).splitlines()
    assert [json.loads(x) for x in lines] == [identity_card]
    assert dxer.opendata_columns(lang="en").startswith("# ")
    assert dxer.opendata_columns(format="csv").count("\n") > 5
    with pytest.raises(ValueError, match="format"):
        dxer.opendata_columns(format="xml")  # type: ignore[arg-type]


def test_rendering(identity_card: dict[str, Any]) -> None:
    html = dxer.render_html(identity_card, lang="en", internal=True)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    md = dxer.render_markdown(identity_card, lang="ru", internal=True)
    assert md.startswith("# ")


def test_canonical_bytes_and_digests(identity_card: dict[str, Any]) -> None:
    raw = dxer.canonical_bytes(identity_card)
    assert isinstance(raw, bytes) and raw.startswith(b"{")
    reordered = dict(reversed(list(identity_card.items())))
    assert dxer.canonical_bytes(reordered) == raw
    d = dxer.digest(identity_card)
    assert len(d) == 64 and int(d, 16) >= 0
    assert dxer.verify_digest(identity_card).status == "missing"
    signed = dxer.with_digest(identity_card)
    assert signed["submission"]["digest"] == {"algorithm": "sha-256", "value": d}
    check = dxer.verify_digest(signed)
    assert check.ok and check.status == "valid"
    signed["reglament"]["general"]["name"]["az"] += "."
    check = dxer.verify_digest(signed)
    assert (check.status, check.stored) == ("mismatch", d) and check.actual != d and not check.ok
    assert dxer.canonical_json({"b": 1, "a": [1.0, "x"]}) == '{"a":[1,"x"],"b":1}'


def test_with_digest_needs_a_submission(draft: dict[str, Any]) -> None:
    with pytest.raises(dxer.DxerError, match="submission"):
        dxer.with_digest(draft)
