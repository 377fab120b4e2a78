"""Shared helpers: where the repository's fixtures and examples are."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def fixture_dirs(group: str) -> list[Path]:
    return sorted(p for p in (FIXTURES / group).iterdir() if p.is_dir())


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def identity_card() -> dict[str, Any]:
    """A valid, submitted DXER record (submitted on 2026-06-10)."""
    return load_json(FIXTURES / "valid" / "identity-card" / "input.json")  # type: ignore[no-any-return]


@pytest.fixture
def draft(identity_card: dict[str, Any]) -> dict[str, Any]:
    """The identity-card record as a draft (its creating act entered into force on 2026-05-06)."""
    record = dict(identity_card)
    record["status"] = "draft"
    for key in ("submission", "review", "validity"):
        record.pop(key, None)
    return record
