"""Exports in the layouts analysts already load.

- `parquet`: the events table partitioned by year and month (Hive layout,
  readable by DuckDB, Spark, pandas/pyarrow);
- `csv`, `jsonl`: the event records (the JSON contract; CSV flattens it);
- `icews`: ICEWS event-file columns;
- `gdelt`: GDELT 2.0 event-table columns;
- `plover`: PLOVER-style JSON records.

docs/exports.md lists every column, where it comes from, and what cannot be
filled (left empty, never invented).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from detente.errors import OptionError
from detente.output import write_records
from detente.store import Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "icews", "gdelt", "plover")

ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)


def export(store: Store, fmt: str, out: Path | None, stdout: TextIO) -> int:
    """Write every stored event in `fmt` to `out` (a folder for parquet, a file otherwise,
    or stdout when `out` is None); returns how many events were written."""
    if fmt not in EXPORT_FORMATS:
        raise OptionError(f"export format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise OptionError(
                "parquet export needs --out FOLDER (it writes year=/month= partitions)"
            )
        return _parquet(store, out)
    records = store.events()
    articles = _article_meta(store)
    handle = out.open("w", encoding="utf-8", newline="") if out else stdout
    try:
        if fmt in ("csv", "jsonl"):
            return write_records(records, fmt, handle)
        if fmt == "plover":
            for record in records:
                handle.write(json.dumps(plover(record), ensure_ascii=False) + "\n")
            return len(records)
        columns, convert = {
            "icews": (ICEWS_COLUMNS, icews),
            "gdelt": (GDELT_COLUMNS, gdelt),
        }[fmt]
        return _table(records, articles, columns, convert, handle)
    finally:
        if out:
            handle.close()


def _parquet(store: Store, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    target = str(folder).replace("'", "''")
    store.con.execute(
        f"""COPY (SELECT * EXCLUDE (record), year(date) AS year, month(date) AS month
                  FROM events WHERE date IS NOT NULL)
            TO '{target}' (FORMAT PARQUET, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)"""
    )
    undated = store.con.execute("SELECT count(*) FROM events WHERE date IS NULL").fetchone()
    if undated and undated[0]:
        store.con.execute(
            f"COPY (SELECT * EXCLUDE (record) FROM events WHERE date IS NULL) "
            f"TO '{target}/undated.parquet' (FORMAT PARQUET)"
        )
    row = store.con.execute("SELECT count(*) FROM events").fetchone()
    return int(row[0]) if row else 0


def _article_meta(store: Store) -> dict[str, dict[str, Any]]:
    rows = store.con.execute("SELECT article_id, source, url FROM articles").fetchall()
    return {a: {"source": s, "url": u} for a, s, u in rows}


def _table(
    records: Iterable[dict[str, Any]],
    articles: dict[str, dict[str, Any]],
    columns: tuple[str, ...],
    convert: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]],
    handle: TextIO,
) -> int:
    writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(convert(record, articles.get(record["article_id"], {})))
        count += 1
    return count


def _name(actor: dict[str, Any]) -> str:
    return str(actor["name"] or actor["text"] or "")


def icews(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """One ICEWS row. ICEWS sectors are words ("Government"); detente gives its codes."""
    location = record.get("location") or {}
    row: dict[str, Any] = {"Event ID": record["event_id"], "Event Date": record["date"]}
    for side, label in (("source", "Source"), ("target", "Target")):
        actor = record[side]
        row[f"{label} Name"] = _name(actor)
        row[f"{label} Sectors"] = actor["sector"] or ""
        row[f"{label} Country"] = actor["country"] or ""
    return {
        **row,
        "Event Text": record["evidence"],
        "CAMEO Code": record["cameo"],
        "Intensity": record["goldstein"],
        "Story ID": record["article_id"],
        "Sentence Number": record["sentence_index"],
        "Publisher": article.get("source") or "",
        "City": location.get("name") or "",
        "District": "",
        "Province": location.get("admin1") or "",
        "Country": location.get("country") or "",
        "Latitude": location.get("lat"),
        "Longitude": location.get("lon"),
    }


def gdelt(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """One GDELT 2.0 event row; tone and mention counts are not measured (left empty)."""
    location = record.get("location") or {}
    day = (record["date"] or "").replace("-", "")
    row: dict[str, Any] = {"GLOBALEVENTID": record["event_id"], "SQLDATE": day}
    for side, label in (("source", "Actor1"), ("target", "Actor2")):
        actor = record[side]
        row[f"{label}Code"] = actor["code"]
        row[f"{label}Name"] = _name(actor).upper()
        row[f"{label}CountryCode"] = actor["country"] or ""
        row[f"{label}Type1Code"] = actor["sector"] or ""
    return {
        **row,
        "IsRootEvent": 1 if record["sentence_index"] == 0 else 0,
        "EventCode": record["cameo"],
        "EventBaseCode": record["cameo"][:3],
        "EventRootCode": record["cameo_root"],
        "QuadClass": record["quad_class"],
        "GoldsteinScale": record["goldstein"],
        "NumMentions": "",
        "NumSources": "",
        "NumArticles": "",
        "AvgTone": "",
        "ActionGeo_Type": (4 if location.get("lat") is not None else 1) if location else "",
        "ActionGeo_FullName": location.get("name") or "",
        "ActionGeo_CountryCode": location.get("country") or "",
        "ActionGeo_Lat": location.get("lat"),
        "ActionGeo_Long": location.get("lon"),
        "DATEADDED": day,
        "SOURCEURL": article.get("url") or "",
    }


def plover(record: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style record: event type and mode, actors split into country and agent."""
    location = record.get("location") or {}
    row: dict[str, Any] = {
        "id": record["event_id"],
        "date": record["date"],
        "date_precision": record["date_precision"],
        "event_type": record["plover"]["type"],
        "mode": record["plover"]["mode"],
        "status": record["status"],
    }
    for side in ("source", "target"):
        actor = record[side]
        row[f"{side}_actor"] = actor["country"] or actor["code"]
        row[f"{side}_agent"] = actor["sector"]
        row[f"{side}_text"] = actor["text"]
    return {
        **row,
        "target_implied": bool(record["target"].get("implied", False)),
        "kind": record.get("kind", "international"),
        "cameo": record["cameo"],
        "goldstein": record["goldstein"],
        "country": location.get("country"),
        "location": location.get("name"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "issues": record["issues"],
        "text": record["evidence"],
        "story_id": record["article_id"],
    }
