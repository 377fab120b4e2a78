"""The 2013 e-Government bulletin's tables (seed 004) reproduced from records, as in the Rust test
``core/tests/stats_seed004.rs``: same fixture files (``tests/fixtures/stats/seed-004``)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

import dxer
from conftest import FIXTURES, load_json

SEED = FIXTURES / "stats" / "seed-004"


@pytest.fixture(scope="module")
def registry() -> dxer.Registry:
    return dxer.Registry.from_json_lines((SEED / "registry.jsonl").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected() -> Any:
    return load_json(SEED / "expected-table.json")


@pytest.fixture(scope="module")
def usage() -> dict[str, int]:
    return load_json(SEED / "usage.json")  # type: ignore[no-any-return]


def test_the_fixture_is_what_the_generator_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("seed004_generate", SEED / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(tmp_path) == (430, 9)
    for name in ("registry.jsonl", "usage.json"):
        assert (tmp_path / name).read_bytes() == (SEED / name).read_bytes(), name


def test_the_stats_reproduce_the_bulletin_table(registry: dxer.Registry, expected: Any) -> None:
    table = expected["connection_table"]
    rows: dict[str, dict[str, Any]] = {r["provider"]: dict(r) for r in registry.stats(totals=False)}
    assert table["compared"] == ["approved", "ehis_integrated", "on_portal", "on_own_site"]
    assert len(table["rows"]) == 36
    for want in table["rows"]:
        got = rows[want["provider"]]
        assert {c: got[c] for c in table["compared"]} == {c: want[c] for c in table["compared"]}, want["name_az"]
    sums = [sum(r[c] for r in table["rows"]) for c in table["compared"]]
    assert sums == [360, 81, 139, 340]
    ritn = rows["RITN"]
    assert (ritn["approved"], ritn["ehis_integrated"], ritn["on_portal"], ritn["on_own_site"]) == (16, 10, 33, 27)


def test_the_stats_reproduce_the_services_without_authentication(registry: dxer.Registry, expected: Any) -> None:
    rows = {r["provider"]: r for r in registry.stats(totals=False)}
    groups = expected["without_authentication"]["providers"]
    for group in groups:
        assert rows[group["provider"]]["without_authentication"] == len(group["services"]), group["provider"]
    assert registry.stats()[-1]["without_authentication"] == 21


def test_the_usage_counts_give_the_most_used_list(
    registry: dxer.Registry, expected: Any, usage: dict[str, int]
) -> None:
    got = [(m["rank"], m["provider"], m["name_az"], m["count"]) for m in registry.most_used(usage, top=9)]
    want = [(s["rank"], s["provider"], s["name_az"], s["count"]) for s in expected["most_used"]["services"]]
    assert got == want
    assert {p for _, p, _, _ in got} == {"DIN", "DSMF", "EN", "RITN", "TN"}
    report = registry.stats_report(usage={**usage, "DX-999999": 1}, top=2)
    assert [m["count"] for m in report["most_used"]] == [672, 613]
    assert report["usage_not_in_registry"] == ["DX-999999"]
    assert registry.stats_report()["most_used"] == []
    with pytest.raises(TypeError, match="usage"):
        registry.most_used({"DX-403001": -1})
    with pytest.raises(TypeError, match="usage"):
        registry.most_used([1, 2])  # type: ignore[arg-type]


def test_the_html_page_is_self_contained_and_shows_the_figures(
    registry: dxer.Registry, usage: dict[str, int]
) -> None:
    page = registry.stats_html(usage=usage, top=9)
    assert page.startswith('<!DOCTYPE html>\n<html lang="az">')
    lower = page.lower()
    for fetch in ("<script", "src=", "href=", "url(", "@import", "http://", "https://"):
        assert fetch not in lower, fetch
    # Every tag the page opens is closed, in order (meta is void).
    stack: list[str] = []
    for closing, name in re.findall(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>", page):
        if closing:
            assert stack.pop() == name
        elif name != "meta":
            stack.append(name)
    assert stack == []
    assert page.count("<svg ") == 7
    ritn = next(r for r in registry.stats() if r["provider"] == "RITN")

    def cell(i: int, value: Any) -> str:
        return f"<td>{value}</td>" if i < 3 else f'<td class="n">{"" if value is None else value}</td>'

    columns = dxer.Registry.stats_columns()
    row = "<tr>" + "".join(cell(i, ritn[c["name"]]) for i, c in enumerate(columns)) + "</tr>"  # type: ignore[literal-required]
    assert row in page, row
    assert "<td>Adın mənası</td>" in page and '<td class="n">672</td>' in page
    assert ">672</text>" in page
