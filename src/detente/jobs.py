"""The main jobs as library functions; the CLI is a thin front over these.

`extract_paths` codes files without touching a database; `ingest_paths` codes
them into a store. Both account for every input with an `IngestOutcome`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.ingest import read_inputs
from detente.merge import MergeSummary, merge_events
from detente.pipeline import Pipeline
from detente.schema import Article, ArticleResult, IngestOutcome, OutcomeStatus
from detente.store import Store

Progress = Callable[[IngestOutcome], None]


@dataclass
class IngestReport:
    """Every input's outcome, and totals for the summary line."""

    outcomes: list[IngestOutcome] = field(default_factory=list)
    merge: MergeSummary | None = None

    def add(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)

    @property
    def totals(self) -> Counter[str]:
        counts: Counter[str] = Counter(o.status.value for o in self.outcomes)
        counts["events"] = sum(o.events for o in self.outcomes)
        return counts

    def summary(self) -> str:
        t = self.totals
        text = (
            f"{t['ingested']} ingested, {t['skipped']} skipped, {t['failed']} failed; "
            f"{t['events']} events"
        )
        if self.merge is not None:
            text += f"; the store holds {self.merge.merged} distinct events"
        return text

    @property
    def problems(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status is not OutcomeStatus.INGESTED]


def _split(
    items: Iterable[Article | IngestOutcome], report: IngestReport, progress: Progress | None
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Article):
            yield item
        else:
            report.add(item)
            if progress:
                progress(item)


def extract_paths(
    paths: Iterable[str | Path],
    pipeline: Pipeline,
    published: date | None = None,
    report: IngestReport | None = None,
    progress: Progress | None = None,
) -> Iterator[ArticleResult]:
    """Code every readable input; unreadable ones go to `report`."""
    report = report if report is not None else IngestReport()
    for result in pipeline.process(_split(read_inputs(paths, published), report, progress)):
        outcome = IngestOutcome(
            result.article.origin,
            OutcomeStatus.INGESTED,
            None,
            result.article.article_id,
            len(result.events),
        )
        report.add(outcome)
        if progress:
            progress(outcome)
        yield result


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline,
    published: date | None = None,
    replace: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Code inputs into the store; articles already stored are skipped before parsing."""
    report = IngestReport()
    run_id = store.start_run(pipeline.version, pipeline.digest)
    resolver = pipeline.coder.resolver
    for name, actor in store.learned_actors():
        resolver.learn(name, actor)

    def fresh(items: Iterable[Article | IngestOutcome]) -> Iterator[Article]:
        for article in _split(items, report, _logged(progress, store, run_id)):
            if store.stored_hash(article.article_id) == article.content_hash:
                outcome = IngestOutcome(
                    article.origin,
                    OutcomeStatus.SKIPPED,
                    "already in the database",
                    article.article_id,
                )
                report.add(outcome)
                store.log(outcome, run_id)
                if progress:
                    progress(outcome)
                continue
            yield article

    for result in pipeline.process(fresh(read_inputs(paths, published))):
        outcome = store.write(result, run_id, replace=replace)
        if outcome.status is OutcomeStatus.INGESTED:
            for name, actor in result.learned:
                resolver.learn(name, actor)
        report.add(outcome)
        if progress:
            progress(outcome)
    report.merge = merge_events(store)
    return report


def _logged(progress: Progress | None, store: Store, run_id: str) -> Progress:
    def log(outcome: IngestOutcome) -> None:
        store.log(outcome, run_id)
        if progress:
            progress(outcome)

    return log
