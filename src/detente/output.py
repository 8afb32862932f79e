"""Writing event records as JSON Lines, CSV or a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "table")

# flat columns for CSV and tables: nested contract fields joined with a dot
CSV_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "source.code",
    "source.name",
    "source.text",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover.type",
    "plover.mode",
    "target.code",
    "target.name",
    "target.text",
    "target.implied",
    "kind",
    "status",
    "location.name",
    "location.country",
    "location.lat",
    "location.lon",
    "issues",
    "rule",
    "confidence",
    "evidence",
)


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One level of nesting folded into dotted keys; lists joined with ';'."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, inner in value.items():
                flat[f"{key}.{sub}"] = inner
        elif isinstance(value, list):
            flat[key] = ";".join(str(v) for v in value)
        else:
            flat[key] = value
    return flat


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write records in one of FORMATS; returns how many were written."""
    if fmt == "jsonl":
        count = 0
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        count = 0
        for record in records:
            writer.writerow(flatten(record))
            count += 1
        return count
    if fmt == "table":
        return _write_table(records, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_table(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("date", "source", "event", "target", "status", "where", "evidence"):
        table.add_column(column, overflow="fold")
    count = 0
    for record in records:
        count += 1
        table.add_row(
            f"{record['date'] or ''}\n({record['date_precision'] or '?'})",
            f"{record['source']['code']}\n{record['source']['text']}",
            f"{record['cameo']} {record['plover']['type'] or ''}\n{record['rule']}",
            f"{record['target']['code']}\n{record['target']['text']}",
            record["status"],
            (record.get("location") or {}).get("name") or "",
            record["evidence"],
        )
    Console(file=out, width=160).print(table)
    return count
