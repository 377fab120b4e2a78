"""Validate every DXER record in a folder, print a table of findings and write the statistics CSV.

    python examples/python/validate_folder.py examples/records --lang en --stats-csv target/stats.csv

Files ending in .json hold one record or an array of records; files ending in .jsonl hold one record per
line. The table lists each record's own findings (warnings and info too), the items that could not be
read, and the cross-record findings (DXER-X...). Exit code: 0 when no finding is an error, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import dxer

Row = tuple[str, str, str, str, str, str, str]
HEADER: Row = ("file", "line", "record", "severity", "code", "pointer", "message")


def collect(registry: dxer.Registry) -> list[Row]:
    rows: list[Row] = []
    for entry in registry.entries():
        record_id = str(entry["record"].get("record_id", ""))
        for f in entry["report"]:
            rows.append(row(entry["source"], entry["line"], record_id, f))
    for problem in registry.problems():
        if problem["indexed"]:
            continue  # its findings are in its entry's report
        for f in problem["findings"]:
            rows.append(row(problem["source"], problem["line"], problem["record_id"] or "", f))
    for x in registry.findings():
        rows.append(row(x.source, x.line, x.record_id, x.finding))
    return rows


def row(source: str | None, line: int | None, record_id: str, f: dxer.Finding) -> Row:
    name = Path(source).name if source else ""
    return (name, "" if line is None else str(line), record_id, f.severity, f.code, f.pointer or "/", f.message)


def print_table(rows: list[Row]) -> None:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER) - 1)]
    for r in [HEADER, *rows]:
        cells = [c.ljust(w) for c, w in zip(r, widths)]
        print("  ".join([*cells, r[-1]]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", choices=["az", "en", "ru"], default="az")
    parser.add_argument("--stats-csv", type=Path, default=Path("stats.csv"), help="where to write statistics")
    parser.add_argument("--today", type=datetime.date.fromisoformat, help="count overdue duties on this date")
    args = parser.parse_args(argv)

    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
    if not files:
        print(f"no .json or .jsonl file in {args.folder}", file=sys.stderr)
        return 2
    registry = dxer.Registry.from_files(files, lang=args.lang, today=args.today)
    rows = collect(registry)
    print_table(rows)
    errors = sum(1 for r in rows if r[3] == "error")
    print(f"\n{len(files)} file(s), {len(registry)} record(s), {len(rows)} finding(s), {errors} error(s)")

    args.stats_csv.parent.mkdir(parents=True, exist_ok=True)
    args.stats_csv.write_text(registry.stats_csv(args.today), encoding="utf-8", newline="")
    print(f"statistics: {args.stats_csv}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
