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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.pipeline import Pipeline, article_from_text

LEVELS = ("root", "code", "strict")


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
    sentences = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                record = json.loads(line)
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
                sentences.append(
                    GoldSentence(
                        record["id"],
                        record["text"],
                        date.fromisoformat(published) if published else None,
                        events,
                        tuple(record.get("tags", ())),
                    )
                )
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(origin, f"not a gold record: {exc!r}") from exc
    return sentences


def _matches(gold: GoldEvent, pred: dict[str, Any], level: str) -> bool:
    if (actor_key(pred["source"]), actor_key(pred["target"])) != (gold.source, gold.target):
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
    articles = [article_from_text(g.text, g.published, article_id=g.id) for g in gold]
    for sentence, result in zip(gold, pipeline.process(articles), strict=True):
        predicted = [e.to_record() for e in result.events]
        for level in LEVELS:
            unmatched = list(predicted)
            for event in sentence.events:
                found = next((p for p in unmatched if _matches(event, p, level)), None)
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
                            {"id": sentence.id, "text": sentence.text, "expected": _show(event),
                             "got": [_show_pred(p) for p in predicted]}
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


def _show(event: GoldEvent) -> str:
    return f"{event.source} -{event.cameo}-> {event.target} ({event.status})"


def _show_pred(pred: dict[str, Any]) -> str:
    return (
        f"{actor_key(pred['source'])} -{pred['cameo']}-> {actor_key(pred['target'])} "
        f"({pred['status']}; {pred['pattern']})"
    )
