"""The DuckDB store: idempotent writes, no silent loss, filters that work."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.errors import StoreError
from detente.schema import Article, ArticleResult, OutcomeStatus
from detente.store import EventQuery, Store
from tests.helpers import make_event


def article(article_id: str = "a1", text: str = "Blinken met Wang in Beijing.") -> Article:
    return Article(
        article_id=article_id, text=text, origin=f"{article_id}.txt", published=date(2024, 4, 26)
    )


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_store_writes_article_with_events(store: Store) -> None:
    run = store.start_run("test", "digest")
    outcome = store.write(ArticleResult(article(), [make_event(), make_event(cameo="112")]), run)
    assert outcome.status is OutcomeStatus.INGESTED and outcome.events == 2
    assert store.counts() == {"articles": 1, "events": 2, "quotes": 0}
    records = store.events()
    assert {r["cameo"] for r in records} == {"040", "112"}
    assert records[0]["source"]["code"] == "USA"


def test_store_reingest_same_article_changes_nothing(store: Store) -> None:
    run = store.start_run("test", "digest")
    store.write(ArticleResult(article(), [make_event()]), run)
    again = store.write(ArticleResult(article(), [make_event()]), run)
    assert again.status is OutcomeStatus.SKIPPED and again.reason == "already in the database"
    assert store.counts() == {"articles": 1, "events": 1, "quotes": 0}


def test_store_changed_text_under_same_id_is_refused_then_replaced(store: Store) -> None:
    run = store.start_run("test", "digest")
    store.write(ArticleResult(article(), [make_event()]), run)
    changed = ArticleResult(
        article(text="Blinken met Wang in Shanghai."), [make_event(cameo="112")]
    )
    refused = store.write(changed, run)
    assert refused.status is OutcomeStatus.FAILED
    assert "already stored with different text" in refused.reason and "--replace" in refused.reason
    assert [r["cameo"] for r in store.events()] == ["040"]  # nothing stored was lost
    replaced = store.write(changed, run, replace=True)
    assert replaced.status is OutcomeStatus.INGESTED
    assert [r["cameo"] for r in store.events()] == ["112"]
    assert store.counts()["articles"] == 1


def test_store_dyad_filter_is_undirected_unless_asked(store: Store) -> None:
    run = store.start_run("test", "digest")
    events = [
        make_event(source="USAGOV", target="CHNGOV", day="2024-01-10"),
        make_event(
            source="CHNGOV", target="USAGOV", cameo="112", day="2024-02-10", sentence_index=1
        ),
        make_event(
            source="RUSGOV", target="UKRMIL", cameo="190", day="2024-03-10", sentence_index=2
        ),
    ]
    store.write(ArticleResult(article(), events), run)
    both = store.events(EventQuery(dyad=("USA", "CHN")))
    assert [r["cameo"] for r in both] == ["040", "112"]
    one_way = store.events(EventQuery(dyad=("CHN", "USA"), directed=True))
    assert [r["cameo"] for r in one_way] == ["112"]
    by_code = store.events(EventQuery(dyad=("RUSGOV", "UKR")))
    assert [r["cameo"] for r in by_code] == ["190"]
    dated = store.events(EventQuery(since=date(2024, 2, 1), until=date(2024, 2, 28)))
    assert [r["cameo"] for r in dated] == ["112"]


def test_store_logs_every_outcome_with_run(store: Store) -> None:
    run = store.start_run("test", "digest")
    store.write(ArticleResult(article(), []), run)
    store.write(ArticleResult(article(), []), run)
    assert [(o, s) for o, s, _ in store.ingest_log(run)] == [
        ("a1.txt", "ingested"),
        ("a1.txt", "skipped"),
    ]


def test_store_missing_database_for_reading_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist: run 'detente ingest' first"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_store_refuses_a_foreign_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="is not a detente database"):
        Store(path, read_only=True)


def test_store_migrates_a_version_one_database(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    from detente.store import SCHEMA

    con.execute(SCHEMA)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute(
        "INSERT INTO events (event_id, source_country, target_country) "
        "VALUES ('e1', 'USA', 'CHN'), ('e2', 'KEN', 'KEN')"
    )
    con.close()
    with Store(path) as store:
        assert store.schema_version == 3
        columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
        assert {"merged_id", "representative", "mentions", "kind", "target_implied"} <= columns
        # events stored before one-sided events existed: their kind is read off the actors
        kinds = store.con.execute(
            "SELECT event_id, kind, target_implied FROM events ORDER BY event_id"
        ).fetchall()
        assert kinds == [("e1", "international", False), ("e2", "domestic", False)]


def test_store_refuses_a_newer_database(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this detente"):
        Store(path, read_only=True)
