"""The examples run as written (examples/python)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

EXAMPLES = ROOT / "examples" / "python"


def test_the_readme_example_runs_as_written() -> None:
    source = (EXAMPLES / "readme_example.py").read_text("utf-8")
    assert len(source.strip().splitlines()) == 5
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "readme_example.py")], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "DXER-H001" in out
    assert out.strip().splitlines()[-1] == "2026-06-24"


def test_validate_folder_prints_a_table_and_writes_stats(tmp_path: Path) -> None:
    stats = tmp_path / "out" / "stats.csv"
    result = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "validate_folder.py"),
            str(ROOT / "examples" / "records"),
            "--lang",
            "en",
            "--stats-csv",
            str(stats),
            "--today",
            "2026-07-01",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr  # the examples include defective records on purpose
    lines = result.stdout.splitlines()
    assert lines[0].split()[:7] == ["file", "line", "record", "severity", "code", "pointer", "message"]
    assert any("DXER-H001" in line for line in lines)
    rows = list(csv.reader(stats.open(encoding="utf-8", newline="")))
    assert rows[0][0] == "provider" and rows[-1][2] == "Total"
    assert rows[-1][rows[0].index("overdue_duties")] != ""


def test_validate_folder_on_an_empty_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "validate_folder.py"), str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 2
