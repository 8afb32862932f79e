"""Analysis and exports on a small hand-built store (no model needed)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.analysis import actor_network, compare_periods, dyad_series, plot_dyad, top_issues
from detente.errors import OptionError
from detente.export import GDELT_COLUMNS, ICEWS_COLUMNS, export
from detente.schema import Article, ArticleResult
from detente.store import Dyad, Store
from tests.helpers import make_event


@pytest.fixture
def store(tmp_path: Path):
    events = [
        make_event(source="USAGOV", target="CHNGOV", cameo="040", day="2024-01-10"),  # +1.0
        make_event(
            source="CHNGOV", target="USAGOV", cameo="112", day="2024-01-20", sentence_index=1
        ),  # -2.0
        make_event(
            source="USAGOV",
            target="CHNGOV",
            cameo="163",
            day="2024-02-05",
            sentence_index=2,
            issues=("sanctions", "trade"),
        ),  # -8.0
        make_event(
            source="RUSMIL", target="UKRMIL", cameo="190", day="2024-02-06", sentence_index=3
        ),
    ]
    with Store(tmp_path / "a.duckdb") as opened:
        run = opened.start_run("test", "digest")
        article = Article(
            "a1",
            "text",
            "a1.txt",
            source="Example Wire",
            url="https://example.org/a1",
            published=date(2024, 2, 6),
        )
        opened.write(ArticleResult(article, events), run)
        yield opened


def test_analysis_dyad_series_by_month(store: Store) -> None:
    series = dyad_series(store, Dyad("USA", "CHN"), "month")
    assert [r["period"] for r in series] == ["2024-01-01", "2024-02-01"]
    january, february = series
    assert (january["events"], january["verbal_cooperation"], january["verbal_conflict"]) == (
        2,
        1,
        1,
    )
    assert january["goldstein_sum"] == -1.0 and january["relations_index"] == -0.5
    assert january["balance"] == 0.0
    assert february["material_conflict"] == 1 and february["balance"] == -1.0


def test_analysis_directed_series_keeps_one_direction(store: Store) -> None:
    series = dyad_series(store, Dyad("CHN", "USA", directed=True), "year")
    assert [(r["period"], r["events"]) for r in series] == [("2024-01-01", 1)]


def test_analysis_bad_frequency_is_a_clear_error(store: Store) -> None:
    with pytest.raises(OptionError, match="frequency 'fortnight' is not one of"):
        dyad_series(store, Dyad("USA", "CHN"), "fortnight")


def test_analysis_top_issues_and_period_comparison(store: Store) -> None:
    assert [i["issue"] for i in top_issues(store, Dyad("USA", "CHN"))] == ["sanctions", "trade"]
    change = compare_periods(
        store,
        Dyad("USA", "CHN"),
        (date(2024, 1, 1), date(2024, 1, 31)),
        (date(2024, 2, 1), date(2024, 2, 29)),
    )
    roots = {r["key"]: r["change"] for r in change["cameo_roots"]}
    assert roots == {"04": -1, "11": -1, "16": 1}


def test_analysis_network_has_weighted_dyads(store: Store) -> None:
    graph = actor_network(store)
    assert graph["USAGOV"]["CHNGOV"]["events"] == 2
    assert graph.number_of_nodes() == 4


def test_analysis_plot_writes_png(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "dyad.png"
    plot_dyad(dyad_series(store, Dyad("USA", "CHN")), Dyad("USA", "CHN"), str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_parquet_round_trip_by_year_month(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "pq"
    assert export(store, "parquet", folder, io.StringIO()) == 4
    assert (folder / "year=2024" / "month=1").is_dir()
    rows = duckdb.sql(
        f"SELECT cameo, year, month FROM read_parquet('{folder}/*/*/*.parquet', "
        "hive_partitioning = true) ORDER BY date"
    ).fetchall()
    assert [r[0] for r in rows] == ["040", "112", "163", "190"]
    assert (rows[0][1], rows[0][2]) == (2024, 1)


def test_export_icews_and_gdelt_columns(store: Store) -> None:
    out = io.StringIO()
    export(store, "icews", None, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == ICEWS_COLUMNS
    assert rows[0]["CAMEO Code"] == "040" and rows[0]["Source Country"] == "USA"
    assert rows[0]["Publisher"] == "Example Wire"
    out = io.StringIO()
    export(store, "gdelt", None, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert rows[2]["EventRootCode"] == "16" and rows[2]["SQLDATE"] == "20240205"
    assert rows[0]["SOURCEURL"] == "https://example.org/a1" and rows[0]["AvgTone"] == ""


def test_export_plover_records(store: Store) -> None:
    out = io.StringIO()
    export(store, "plover", None, out)
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["event_type"] == "CONSULT" and first["source_actor"] == "USA"
    assert first["source_agent"] == "GOV"


def test_export_unknown_format_and_parquet_to_stdout_are_refused(store: Store) -> None:
    with pytest.raises(OptionError, match="'xml' is not one of"):
        export(store, "xml", None, io.StringIO())
    with pytest.raises(OptionError, match="needs --out FOLDER"):
        export(store, "parquet", None, io.StringIO())
