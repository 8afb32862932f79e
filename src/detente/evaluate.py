"""Scoring the coder against hand-annotated gold sentences.

A gold file is JSON Lines: `id`, `text`, `published`, and `events`, each with
`source` and `target` (`country`, `sector`, and `code` for organisations),
`cameo` and `status` (docs/coding-conventions.md). A predicted event matches a
gold event when both actors' countries (or IGO codes) agree and, depending on
the level, the CAMEO root or the full code agrees. Matching is one-to-one.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.events.coder import UNPLACED
from detente.knowledge import parse_json_lines
from detente.pipeline import Pipeline, article_from_text
from detente.schema import Event

LEVELS = ("root", "code", "strict")
Ancestors = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    source_sector: str | None
    target_sector: str | None
    cameo: str
    status: str

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    sentences: int = 0
    levels: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    by_root: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_status: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    status_agreement: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "levels": {k: v.as_dict() for k, v in self.levels.items()},
            "by_root": {k: v.as_dict() for k, v in sorted(self.by_root.items())},
            "by_status": {k: v.as_dict() for k, v in sorted(self.by_status.items())},
            "status_accuracy": round(
                self.status_agreement["same"] / max(sum(self.status_agreement.values()), 1), 4
            ),
        }


def actor_key(actor: dict[str, Any]) -> str:
    """Country, or the IGO code for an organisation ('IGOUNO')."""
    if actor.get("sector") == "IGO" or (actor.get("code") or "").startswith("IGO"):
        return str(actor.get("code") or "IGO")
    return str(actor.get("country"))


def load_gold(paths: Iterable[Path]) -> list[GoldSentence]:
    """Read gold files, failing with the file and line of any malformed record."""
    return [
        sentence
        for path in paths
        for sentence in parse_json_lines(Path(path), _gold_sentence, "a gold record")
    ]


def _gold_sentence(record: dict[str, Any]) -> GoldSentence:
    events = tuple(
        GoldEvent(
            actor_key(e["source"]),
            actor_key(e["target"]),
            e["source"].get("sector"),
            e["target"].get("sector"),
            str(e["cameo"]),
            e.get("status", "occurred"),
        )
        for e in record["events"]
    )
    published = record.get("published")
    return GoldSentence(
        record["id"],
        record["text"],
        date.fromisoformat(published) if published else None,
        events,
        tuple(record.get("tags", ())),
    )


def _same_actor(gold: str, pred: dict[str, Any], ancestors: Ancestors) -> bool:
    """A body matches its parent organisation when the gold codes at that level
    (the Security Council, IGOUNS, counts as IGOUNO)."""
    key = actor_key(pred)
    if key == gold:
        return True
    if key.startswith("IGO") or (pred.get("sector") or "") in ("IGO", "NGO"):
        prefix = key[:3]
        return any(prefix + code == gold for code in ancestors(key[3:]))
    return False


def _matches(gold: GoldEvent, pred: dict[str, Any], level: str, ancestors: Ancestors) -> bool:
    if not (
        _same_actor(gold.source, pred["source"], ancestors)
        and _same_actor(gold.target, pred["target"], ancestors)
    ):
        return False
    if level == "root":
        return str(pred["cameo_root"]) == gold.root
    if level == "code":
        return str(pred["cameo"]) == gold.cameo
    return (
        str(pred["cameo"]) == gold.cameo
        and pred["source"].get("sector") == gold.source_sector
        and pred["target"].get("sector") == gold.target_sector
    )


def evaluate(pipeline: Pipeline, gold: list[GoldSentence], keep: int = 200) -> Report:
    """Code every gold sentence and score the result at each level."""
    report = Report(sentences=len(gold))
    ancestors = pipeline.coder.resolver.book.igo_ancestors
    articles = [article_from_text(g.text, g.published, article_id=g.id) for g in gold]
    for sentence, result in zip(gold, pipeline.process(articles), strict=True):
        predicted = [e.to_record() for e in result.events if in_sentence_scope(e)]
        for level in LEVELS:
            unmatched = list(predicted)
            for event in sentence.events:
                found = next((p for p in unmatched if _matches(event, p, level, ancestors)), None)
                score = report.levels[level]
                if found is not None:
                    unmatched.remove(found)
                    score.tp += 1
                else:
                    score.fn += 1
                if level == "root":
                    report.by_root[event.root].tp += found is not None
                    report.by_root[event.root].fn += found is None
                    report.by_status[event.status].tp += found is not None
                    report.by_status[event.status].fn += found is None
                    if found is not None:
                        same = found["status"] == event.status
                        report.status_agreement["same" if same else "different"] += 1
                    elif len(report.misses) < keep:
                        report.misses.append(
                            {
                                "id": sentence.id,
                                "text": sentence.text,
                                "expected": _show(event),
                                "got": [_show_pred(p) for p in predicted],
                            }
                        )
            report.levels[level].fp += len(unmatched)
            if level == "root":
                for p in unmatched:
                    report.by_root[str(p["cameo_root"])].fp += 1
                    report.by_status[str(p["status"])].fp += 1
                    if len(report.false_alarms) < keep:
                        report.false_alarms.append(
                            {"id": sentence.id, "text": sentence.text, "got": _show_pred(p)}
                        )
    return report


def in_sentence_scope(event: Event) -> bool:
    """The sentence gold sets were annotated before detente coded one-sided events and
    actors placed by the story ("police" with no country named): they hold none, so such
    predictions are not scored there (the real-news gold scores them)."""
    return not event.target_implied and UNPLACED not in (
        event.source.actor.via,
        event.target.actor.via,
    )


def _show(event: GoldEvent) -> str:
    return f"{event.source} -{event.cameo}-> {event.target} ({event.status})"


def _show_pred(pred: dict[str, Any]) -> str:
    return (
        f"{actor_key(pred['source'])} -{pred['cameo']}-> {actor_key(pred['target'])} "
        f"({pred['status']}; {pred['pattern']})"
    )


def check_floors(
    report: Report | None, path: Path, actor_accuracy: float | None = None
) -> list[str]:
    """Compare scores with pinned minimums (event levels, actor accuracy); return what fell short.

    Floors for something not measured in this run (no actor table given, say) are skipped.
    """
    import yaml

    try:
        floors = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"floors cannot be read: {exc}") from exc
    failures = []
    for key, floor in (floors.get("floors") or {}).items():
        if key in ("quotes_accuracy", "dates_coverage"):
            continue  # checked by tests/test_quotes.py and tests/test_timeplace.py
        if key == "actors_accuracy":
            value = actor_accuracy
        else:
            level, _, metric = key.partition("_")
            if level not in LEVELS or metric not in ("precision", "recall", "f1"):
                raise InputError(str(path), f"unknown floor {key!r} (e.g. root_f1, code_precision)")
            value = report.as_dict()["levels"][level][metric] if report is not None else None
        if value is not None and value < float(floor):
            failures.append(f"{key} = {value:.4f} < {floor}")
    return failures


def print_report(report: Report, console: Any, misses: int = 20) -> None:
    """Tables of the scores, then the first misses and false alarms."""
    from rich.table import Table

    data = report.as_dict()
    console.print(f"[bold]{data['sentences']} gold sentences[/]")
    for title, rows in (
        ("by level (actors' countries must match)", data["levels"]),
        ("by CAMEO root (root level)", data["by_root"]),
        ("by status (root level)", data["by_status"]),
    ):
        table = Table(title=title)
        for column in ("", "tp", "fp", "fn", "precision", "recall", "f1"):
            table.add_column(column, justify="right" if column else "left")
        for name, score in rows.items():
            table.add_row(
                name, *(str(score[c]) for c in ("tp", "fp", "fn", "precision", "recall", "f1"))
            )
        console.print(table)
    console.print(f"status agreement on matched events: {data['status_accuracy']}")
    if misses:
        console.print("[bold]misses[/] (expected, not found)")
        for miss in report.misses[:misses]:
            console.print(f"  {miss['id']}: {miss['expected']}; got {miss['got'] or 'nothing'}")
            console.print(f"    [dim]{miss['text']}[/]")
        console.print("[bold]false alarms[/] (found, not expected)")
        for alarm in report.false_alarms[:misses]:
            console.print(f"  {alarm['id']}: {alarm['got']}")
            console.print(f"    [dim]{alarm['text']}[/]")


@dataclass(frozen=True, slots=True)
class ActorCase:
    sentence: str
    mention: str
    published: date
    country: str | None  # None: a bare organisation; "NONE": must not resolve
    sector: str | None
    category: str


def load_actor_cases(path: Path) -> list[ActorCase]:
    """The actor table: sentence, mention, published, country, sector, category."""
    import csv

    cases = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), 2):
            try:
                cases.append(
                    ActorCase(
                        row["sentence"],
                        row["mention"],
                        date.fromisoformat(row["published"]),
                        row["country"] or None,
                        row["sector"] or None,
                        row["category"],
                    )
                )
            except (KeyError, ValueError) as exc:
                raise InputError(f"{path}:{number}", f"not an actor case: {exc!r}") from exc
    return cases


def expected_code(case: ActorCase) -> str | None:
    """The actor code a case expects ('CHNGOV', 'CHN', 'IGOUNO'), or None for no actor."""
    if case.country == "NONE":
        return None
    if case.sector and ":" in case.sector:
        sector, org = case.sector.split(":", 1)
        return sector + org
    return (case.country or "") + (case.sector or "")


def evaluate_actors(pipeline: Pipeline, cases: list[ActorCase]) -> tuple[float, list[str]]:
    """Accuracy of actor resolution on the table, and a line per wrong case."""
    resolver = pipeline.coder.resolver
    failures = []
    docs = pipeline.nlp.pipe(c.sentence for c in cases)
    for case, doc in zip(cases, docs, strict=True):
        resolver.annotate(doc, case.published)
        start = case.sentence.index(case.mention)
        span = doc.char_span(start, start + len(case.mention), alignment_mode="expand")
        found = resolver.resolve(span.root, case.published) if span is not None else None
        got = found.actor.code if found is not None else None
        if got != expected_code(case):
            failures.append(
                f"[{case.category}] {case.mention!r} ({case.published}) expected "
                f"{expected_code(case)}, got {got}: {case.sentence}"
            )
    accuracy = 1 - len(failures) / len(cases) if cases else 0.0
    return accuracy, failures


def evaluate_quotes(pipeline: Pipeline, path: Path) -> tuple[float, list[str]]:
    """Share of expected quotes found with the right speaker (or rightly left unattributed).

    Cases are JSON Lines: `id`, `published`, `text`, and `quotes` with `contains` (words
    of the quote), `speaker_code` (null: must stay unattributed) and `direct`.
    """
    cases = [
        json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line
    ]
    articles = [
        article_from_text(c["text"], date.fromisoformat(c["published"]), article_id=c["id"])
        for c in cases
    ]
    expected = failures = 0
    problems: list[str] = []
    for case, result in zip(cases, pipeline.process(articles), strict=True):
        if not case["quotes"] and result.quotes:
            failures += 1
            expected += 1
            problems.append(f"{case['id']}: no quote expected, found {result.quotes[0].text!r}")
        for want in case["quotes"]:
            expected += 1
            found = next((q for q in result.quotes if want["contains"] in q.text), None)
            code = found.speaker.actor.code if found and found.speaker else None
            if found is None or code != want["speaker_code"]:
                failures += 1
                got = "no quote" if found is None else f"speaker {code}"
                problems.append(
                    f"{case['id']}: {want['contains']!r} expected {want['speaker_code']}, "
                    f"got {got}: {case['text']}"
                )
    return (1 - failures / expected if expected else 0.0), problems
