"""The DuckDB store: articles, events and the ingest log in one embedded file.

Writing is idempotent: an article already stored with the same content is
skipped, so re-ingesting a corpus changes nothing. Each article and its events
are written in one transaction, so a failure never leaves half an article.
An article id that comes back with different text is refused (nothing stored
is lost) unless the caller asks to replace it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import StoreError
from detente.schema import Actor, ArticleResult, IngestOutcome, OutcomeStatus, stable_hash

SCHEMA_VERSION = 3
DEFAULT_DB = "detente.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, pipeline_version VARCHAR,
    knowledge_digest VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, content_hash VARCHAR, origin VARCHAR, title VARCHAR,
    url VARCHAR, source VARCHAR, published DATE, published_source VARCHAR, language VARCHAR,
    dateline VARCHAR, text VARCHAR, issues VARCHAR[], run_id VARCHAR, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, evidence VARCHAR,
    date DATE, date_precision VARCHAR,
    source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
    source_text VARCHAR, source_role VARCHAR,
    target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
    target_text VARCHAR, target_role VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    plover_type VARCHAR, plover_mode VARCHAR, status VARCHAR,
    location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
    issues VARCHAR[], rule VARCHAR, confidence DOUBLE, record JSON
);
CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, text VARCHAR,
    direct BOOLEAN, speaker_text VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR,
    speaker_country VARCHAR, speaker_sector VARCHAR, speaker_role VARCHAR, published DATE
);
CREATE TABLE IF NOT EXISTS learned_actors (
    name VARCHAR PRIMARY KEY, code VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
    first_seen DATE, last_seen DATE, articles INTEGER
);
CREATE TABLE IF NOT EXISTS unresolved_mentions (
    mention VARCHAR PRIMARY KEY, count INTEGER, example_article VARCHAR
);
CREATE TABLE IF NOT EXISTS ingest_log (
    run_id VARCHAR, origin VARCHAR, status VARCHAR, reason VARCHAR, article_id VARCHAR,
    events INTEGER, logged_at TIMESTAMP
);
"""

# Each step takes a database from the version before it to its own version. Never edit a
# step that has shipped: add the next one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: (
        # cross-source merge: every event knows its merged event and how often it was reported
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS merged_id VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS representative BOOLEAN DEFAULT TRUE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS mentions INTEGER DEFAULT 1",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS articles INTEGER DEFAULT 1",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS sources INTEGER DEFAULT 1",
        """CREATE OR REPLACE VIEW event_mentions AS
           SELECT coalesce(e.merged_id, e.event_id) AS merged_id, e.event_id, e.article_id,
                  e.sentence_index, e.evidence, a.source, a.url, a.published
           FROM events e LEFT JOIN articles a USING (article_id)""",
        """CREATE OR REPLACE VIEW actors AS
           SELECT code, any_value(country) AS country, any_value(sector) AS sector, name,
                  max(role) AS role, count(*) AS events FROM (
             SELECT source_code AS code, source_country AS country, source_sector AS sector,
                    source_name AS name, source_role AS role FROM events
             UNION ALL
             SELECT target_code, target_country, target_sector, target_name, target_role
             FROM events)
           GROUP BY code, name""",
    ),
    3: (
        # domestic and one-sided events: what kind each event is, and whether its target is
        # the one CAMEO implies; earlier events were all two-actor events
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS kind VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS target_implied BOOLEAN DEFAULT FALSE",
        """UPDATE events SET kind = CASE
             WHEN source_country IS NOT NULL AND source_country = target_country
             THEN 'domestic' ELSE 'international' END,
             target_implied = FALSE
           WHERE kind IS NULL""",
    ),
}

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "evidence",
    "date",
    "date_precision",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "source_text",
    "source_role",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "target_text",
    "target_role",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "status",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "issues",
    "rule",
    "confidence",
    "record",
    "kind",
    "target_implied",
)


@dataclass(frozen=True, slots=True)
class Dyad:
    """Two actors, each a country code (USA) or a code prefix (USAGOV, IGOUNO)."""

    a: str
    b: str
    directed: bool = False

    def where(self) -> tuple[str, list[str]]:
        """SQL over the events table selecting this dyad (both ways unless directed)."""
        forward = (
            "((source_country = ? OR starts_with(source_code, ?)) AND "
            "(target_country = ? OR starts_with(target_code, ?)))"
        )
        params = [self.a, self.a, self.b, self.b]
        if self.directed:
            return forward, params
        return f"({forward} OR {forward})", [*params, self.b, self.b, self.a, self.a]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for reading events back."""

    dyad: tuple[str, str] | None = None
    directed: bool = False
    since: date | None = None
    until: date | None = None
    issue: str | None = None
    kind: str | None = None  # international, domestic or one-sided; None: all
    merged: bool = False  # one record per merged event (the best-dated report of it)
    limit: int | None = None


class Store:
    """A DuckDB database of articles and events. Use as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"database {self.path} does not exist: run 'detente ingest' first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"database {self.path} cannot be opened: {exc}") from exc
        if not read_only:
            self._migrate()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        """Create the base schema, then apply every migration the database has not had."""
        self.con.execute(SCHEMA)
        self.con.execute("INSERT INTO meta VALUES ('schema_version', '1') ON CONFLICT DO NOTHING")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 1
        for version in sorted(v for v in MIGRATIONS if v > current):
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
            self.con.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)]
            )

    @property
    def schema_version(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException as exc:
            raise StoreError(f"database {self.path} is not a detente database") from exc
        if row is None or int(row[0]) > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {row and row[0]}, newer than this "
                f"detente ({SCHEMA_VERSION}): upgrade detente"
            )

    # -- writing ---------------------------------------------------------------

    def start_run(self, pipeline_version: str, knowledge_digest: str) -> str:
        now = _now()
        run_id = stable_hash(now.isoformat(), pipeline_version, length=12)
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?)",
            [run_id, now, pipeline_version, knowledge_digest],
        )
        return run_id

    def stored_hash(self, article_id: str) -> str | None:
        row = self.con.execute(
            "SELECT content_hash FROM articles WHERE article_id = ?", [article_id]
        ).fetchone()
        return row[0] if row else None

    def write(self, result: ArticleResult, run_id: str, replace: bool = False) -> IngestOutcome:
        """Store one article with its events, atomically; report what happened."""
        article = result.article
        stored = self.stored_hash(article.article_id)
        if stored == article.content_hash:
            outcome = IngestOutcome(
                article.origin, OutcomeStatus.SKIPPED, "already in the database", article.article_id
            )
            self.log(outcome, run_id)
            return outcome
        if stored is not None and not replace:
            outcome = IngestOutcome(
                article.origin,
                OutcomeStatus.FAILED,
                f"article id {article.article_id!r} is already stored with different text; "
                "give the new version another id, or use --replace",
                article.article_id,
            )
            self.log(outcome, run_id)
            return outcome
        self.con.execute("BEGIN TRANSACTION")
        try:
            if stored is not None:
                self.con.execute("DELETE FROM events WHERE article_id = ?", [article.article_id])
                self.con.execute("DELETE FROM articles WHERE article_id = ?", [article.article_id])
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.article_id,
                    article.content_hash,
                    article.origin,
                    article.title,
                    article.url,
                    article.source,
                    article.published,
                    article.published_source.value,
                    article.language,
                    article.dateline,
                    article.text,
                    list(result.issues),
                    run_id,
                    _now(),
                ],
            )
            rows = [_event_row(e.to_record()) for e in result.events]
            if rows:
                placeholders = ", ".join("?" for _ in EVENT_COLUMNS)
                self.con.executemany(
                    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({placeholders}) "
                    "ON CONFLICT DO NOTHING",
                    rows,
                )
            if stored is not None:
                self.con.execute("DELETE FROM quotes WHERE article_id = ?", [article.article_id])
            for quote in result.quotes:
                record = quote.to_record()
                speaker = record["speaker"]
                self.con.execute(
                    "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    [
                        record["quote_id"],
                        quote.article_id,
                        quote.sentence_index,
                        quote.text,
                        quote.direct,
                        speaker["text"],
                        speaker["name"],
                        speaker["code"],
                        speaker["country"],
                        speaker["sector"],
                        speaker["role"],
                        article.published,
                    ],
                )
            self._remember(result)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"article {article.article_id!r} could not be stored: {exc}") from exc
        outcome = IngestOutcome(
            article.origin, OutcomeStatus.INGESTED, None, article.article_id, len(result.events)
        )
        self.log(outcome, run_id)
        return outcome

    def _remember(self, result: ArticleResult) -> None:
        """Update the learned-actor registry and the unresolved-mention counts."""
        day = result.article.published
        for name, actor in {name: actor for name, actor in result.learned}.items():
            self.con.execute(
                """INSERT INTO learned_actors VALUES (?, ?, ?, ?, ?, ?, ?, 1)
                   ON CONFLICT (name) DO UPDATE SET
                     code = excluded.code, country = excluded.country,
                     sector = excluded.sector, role = excluded.role,
                     first_seen = least(learned_actors.first_seen, excluded.first_seen),
                     last_seen = greatest(learned_actors.last_seen, excluded.last_seen),
                     articles = learned_actors.articles + 1""",
                [name, actor.code, actor.country, actor.sector, actor.role, day, day],
            )
        for mention, count in Counter(result.unresolved).items():
            self.con.execute(
                """INSERT INTO unresolved_mentions VALUES (?, ?, ?)
                   ON CONFLICT (mention) DO UPDATE SET
                     count = unresolved_mentions.count + excluded.count""",
                [mention, count, result.article.article_id],
            )

    def quotes(
        self, speaker: str | None = None, country: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Quotes with their speakers; `speaker` matches the name or the words naming them."""
        sql = """SELECT quote_id, article_id, sentence_index, published, direct, text,
                        speaker_text, speaker_name, speaker_code, speaker_country, speaker_sector,
                        speaker_role
                 FROM quotes
                 WHERE (? IS NULL OR speaker_name ILIKE ? OR speaker_text ILIKE ?)
                   AND (? IS NULL OR speaker_country = ?)
                 ORDER BY published, article_id, sentence_index"""
        pattern = f"%{speaker}%" if speaker else None
        params = [speaker, pattern, pattern, country, country]
        if limit:
            sql += f" LIMIT {int(limit)}"
        columns = [
            "quote_id",
            "article_id",
            "sentence_index",
            "published",
            "direct",
            "text",
            "speaker_text",
            "speaker_name",
            "speaker_code",
            "speaker_country",
            "speaker_sector",
            "speaker_role",
        ]
        return [
            dict(zip(columns, row, strict=True)) for row in self.con.execute(sql, params).fetchall()
        ]

    def learned_actors(self) -> list[tuple[str, Actor]]:
        """People learned from earlier articles, to resolve their bare names in new ones."""
        rows = self.con.execute(
            "SELECT name, country, sector, role FROM learned_actors ORDER BY name"
        ).fetchall()
        return [(n, Actor.make(c, s, name=n, role=r, via="learned")) for n, c, s, r in rows]

    def actor_table(self, country: str | None = None, limit: int = 50) -> list[tuple[Any, ...]]:
        """Actors in events with how often each acts and is acted on, busiest first."""
        sql = """
            WITH sides AS (
              SELECT source_code AS code, source_country AS country, source_sector AS sector,
                     source_name AS name, source_role AS role, 1 AS as_source, 0 AS as_target
              FROM events
              UNION ALL
              SELECT target_code, target_country, target_sector, target_name, target_role, 0, 1
              FROM events)
            SELECT code, country, sector, coalesce(name, '') AS name,
                   coalesce(max(role), '') AS role,
                   sum(as_source) AS as_source, sum(as_target) AS as_target,
                   count(*) AS events
            FROM sides WHERE (? IS NULL OR country = ?)
            GROUP BY code, country, sector, coalesce(name, '')
            ORDER BY events DESC, code, name LIMIT ?"""
        return [tuple(r) for r in self.con.execute(sql, [country, country, limit]).fetchall()]

    def learned_table(self, country: str | None = None) -> list[tuple[Any, ...]]:
        sql = """SELECT name, code, role, first_seen, last_seen, articles FROM learned_actors
                 WHERE (? IS NULL OR country = ?) ORDER BY articles DESC, name"""
        return [tuple(r) for r in self.con.execute(sql, [country, country]).fetchall()]

    def unresolved(self, limit: int = 50) -> list[tuple[str, int, str]]:
        """Named arguments no dictionary resolved, most frequent first: what to add next."""
        sql = """SELECT mention, count, example_article FROM unresolved_mentions
                 ORDER BY count DESC, mention LIMIT ?"""
        return [tuple(r) for r in self.con.execute(sql, [limit]).fetchall()]

    def log(self, outcome: IngestOutcome, run_id: str) -> None:
        self.con.execute(
            "INSERT INTO ingest_log VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                outcome.origin,
                outcome.status.value,
                outcome.reason,
                outcome.article_id,
                outcome.events,
                _now(),
            ],
        )

    # -- reading ---------------------------------------------------------------

    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """Event records (the JSON contract) matching the query, oldest first."""
        query = query or EventQuery()
        where: list[str] = []
        params: list[Any] = []
        if query.dyad:
            dyad_sql, dyad_params = Dyad(*query.dyad, directed=query.directed).where()
            where.append(dyad_sql)
            params += dyad_params
        if query.issue:
            where.append("list_contains(issues, ?)")
            params.append(query.issue)
        if query.kind:
            where.append("kind = ?")
            params.append(query.kind)
        if query.since:
            where.append("date >= ?")
            params.append(query.since)
        if query.until:
            where.append("date <= ?")
            params.append(query.until)
        if query.merged:
            where.append("representative")
        sql = "SELECT record, merged_id, mentions, articles, sources FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date, article_id, sentence_index, event_id"
        if query.limit:
            sql += f" LIMIT {int(query.limit)}"
        records = []
        for record, merged_id, mentions, articles, sources in self.con.execute(
            sql, params
        ).fetchall():
            event = json.loads(record)
            event["merged"] = {
                "merged_id": merged_id or event["event_id"],
                "mentions": mentions,
                "articles": articles,
                "sources": sources,
            }
            records.append(event)
        return records

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            row = self.con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "quotes": one("SELECT count(*) FROM quotes"),
        }

    def dyad_quad_counts(self, top: int = 10) -> list[tuple[str, str, int, int, int, int, int]]:
        """Undirected international dyads with event counts per quad class, busiest first
        (a country's internal events are read with `dyad KEN KEN`)."""
        rows = self.con.execute(
            """
            WITH sides AS (
              SELECT coalesce(source_country, source_code) AS s,
                     coalesce(target_country, target_code) AS t, quad_class FROM events
              WHERE kind = 'international'),
            e AS (SELECT least(s, t) AS a, greatest(s, t) AS b, quad_class FROM sides)
            SELECT a, b, count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),
                   count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4), count(*) AS n
            FROM e GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?
            """,
            [top],
        ).fetchall()
        return [tuple(r) for r in rows]

    def ingest_log(self, run_id: str | None = None) -> list[tuple[str, str, str | None]]:
        sql = "SELECT origin, status, reason FROM ingest_log"
        params: list[Any] = []
        if run_id:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        return [tuple(r) for r in self.con.execute(sql + " ORDER BY logged_at", params).fetchall()]


def _event_row(record: dict[str, Any]) -> list[Any]:
    source, target = record["source"], record["target"]
    location = record.get("location") or {}
    return [
        record["event_id"],
        record["article_id"],
        record["sentence_index"],
        record["evidence"],
        record["date"],
        record["date_precision"],
        source["code"],
        source["country"],
        source["sector"],
        source["name"],
        source["text"],
        source.get("role"),
        target["code"],
        target["country"],
        target["sector"],
        target["name"],
        target["text"],
        target.get("role"),
        record["cameo"],
        record["cameo_root"],
        record["goldstein"],
        record["quad_class"],
        record["plover"]["type"],
        record["plover"]["mode"],
        record["status"],
        location.get("name"),
        location.get("country"),
        location.get("lat"),
        location.get("lon"),
        record["issues"],
        record["rule"],
        record["confidence"],
        json.dumps(record, ensure_ascii=False),
        record.get("kind", "international"),
        bool(target.get("implied", False)),
    ]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
