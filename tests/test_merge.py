"""Cross-source merge: reworded reports of one event become one event with its mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from detente.analysis import dyad_series
from detente.jobs import ingest_paths
from detente.merge import merge_events
from detente.pipeline import Pipeline
from detente.schema import Article, ArticleResult, Location
from detente.store import Dyad, EventQuery, Store
from tests.conftest import EXAMPLES
from tests.helpers import make_event


def write_article(store: Store, run: str, article_id: str, source: str, events) -> None:
    article = Article(
        article_id,
        f"text of {article_id}",
        f"{article_id}.txt",
        source=source,
        published=date(2024, 4, 26),
    )
    store.write(ArticleResult(article, events), run)


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "m.duckdb") as opened:
        yield opened


def test_merge_same_event_in_two_outlets_becomes_one(store: Store) -> None:
    run = store.start_run("test", "digest")
    write_article(
        store, run, "a1", "Wire A", [make_event("a1", "USAGOV", "CHNGOV", "040", "2024-04-26")]
    )
    write_article(
        store, run, "a2", "Wire B", [make_event("a2", "CHNGOV", "USAGOV", "040", "2024-04-27")]
    )
    summary = merge_events(store)
    assert (summary.events, summary.merged) == (2, 1)
    (merged,) = store.events(EventQuery(merged=True))
    assert merged["merged"]["mentions"] == 2
    assert merged["merged"]["articles"] == 2 and merged["merged"]["sources"] == 2
    mentions = store.con.execute(
        "SELECT count(*) FROM event_mentions WHERE merged_id = ?", [merged["merged"]["merged_id"]]
    ).fetchone()
    assert mentions == (2,)
    assert [r["events"] for r in dyad_series(store, Dyad("USA", "CHN"))] == [1]


def test_merge_keeps_apart_what_differs(store: Store) -> None:
    run = store.start_run("test", "digest")
    beijing = Location("Beijing", "CHN")
    tokyo = Location("Tokyo", "JPN")
    events = [
        make_event("b1", "USAGOV", "CHNGOV", "040", "2024-04-01"),
        make_event("b1", "USAGOV", "CHNGOV", "040", "2024-04-05", sentence_index=1),  # 4 days on
        make_event("b1", "USAGOV", "CHNGOV", "112", "2024-04-01", sentence_index=2),  # other root
        make_event("b1", "CHNGOV", "USAGOV", "112", "2024-04-01", sentence_index=3),  # directed
    ]
    write_article(store, run, "b1", "Wire", events)
    located = [
        replace(make_event("b2", "USAGOV", "CHNGOV", "046", "2024-04-10"), location=beijing),
        replace(make_event("b3", "USAGOV", "CHNGOV", "046", "2024-04-10"), location=tokyo),
    ]
    write_article(store, run, "b2", "Wire", located[:1])
    write_article(store, run, "b3", "Wire", located[1:])
    summary = merge_events(store)
    assert (summary.events, summary.merged) == (6, 6)


def test_merge_actors_compare_by_country_with_compatible_sectors(store: Store) -> None:
    run = store.start_run("test", "digest")
    # one outlet names the fighter jet (USAMIL), another the country (USA): one shoot-down
    write_article(
        store, run, "d1", "Wire A", [make_event("d1", "USAMIL", "CHN", "195", "2023-02-04")]
    )
    write_article(store, run, "d2", "Wire B", [make_event("d2", "USA", "CHN", "195", "2023-02-04")])
    # sanctions on firms and on officials the same day are two events
    write_article(
        store, run, "d3", "Wire A", [make_event("d3", "USAGOV", "CHNBUS", "163", "2023-02-10")]
    )
    write_article(
        store, run, "d4", "Wire B", [make_event("d4", "USAGOV", "CHNGOV", "163", "2023-02-10")]
    )
    summary = merge_events(store)
    assert (summary.events, summary.merged) == (4, 3)


def test_merge_is_deterministic_and_rerunnable(store: Store) -> None:
    run = store.start_run("test", "digest")
    for n in range(3):
        write_article(
            store,
            run,
            f"c{n}",
            f"Wire {n}",
            [make_event(f"c{n}", "RUSMIL", "UKRMIL", "195", "2024-03-0" + str(n + 1))],
        )
    merge_events(store)
    first = store.con.execute("SELECT event_id, merged_id FROM events ORDER BY 1").fetchall()
    merge_events(store)
    assert (
        store.con.execute("SELECT event_id, merged_id FROM events ORDER BY 1").fetchall() == first
    )
    # within a day of the first report: days 1 and 2 merge, day 3 starts anew
    assert len({m for _, m in first}) == 2


@pytest.mark.slow
def test_merge_example_corpus_reports_of_one_event(tmp_path: Path, pipeline: Pipeline) -> None:
    """The balloon shoot-down of 4 February 2023 is told by several example briefs."""
    with Store(tmp_path / "x.duckdb") as store:
        report = ingest_paths([EXAMPLES], store, pipeline)
        assert report.merge is not None and report.merge.merged < report.merge.events
        shootdowns = [
            e
            for e in store.events(EventQuery(dyad=("USA", "CHN"), merged=True))
            if e["cameo_root"] == "19" and e["date"] == "2023-02-04"
        ]
        assert len(shootdowns) == 1
        assert shootdowns[0]["merged"]["sources"] >= 2
