"""Scoring the coder on whole real news stories (article-level gold).

The gold (`tests/gold/voa/gold.jsonl`) names a story by its `id` in a corpus
file kept outside the project (`../shared/corpora/voa_dev.jsonl`) and lists
the events an analyst codes from it, each with a short evidence phrase, its
kind (international, domestic, one-sided), CAMEO code, status, and where the
text gives them, date and place. The story text never enters the project.

An article-level event is a (source, target, CAMEO root) triple: the source's
country or organisation code, the target's (`-` for none), the root. Events
reported in several sentences count once, on both sides; gold and coder
events are then matched one to one within a story. Precision is counted by
the kind of the coder's event, recall by the kind of the gold event. The gold
codes no generic statement (010), so the coder's 010 events (a letter sent, a
speech given) are not scored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detente.errors import InputError
from detente.evaluate import Score
from detente.ingest import read_inputs
from detente.knowledge import parse_json_lines
from detente.pipeline import Pipeline
from detente.schema import EVENT_KINDS, Article, Event

KINDS = EVENT_KINDS
SPLITS = ("dev", "heldout")
STATUSES = ("occurred", "planned", "hypothetical", "negated")
NO_TARGET = "-"
GENERIC_STATEMENT = "010"
Key = tuple[str, str, str]  # source, target, CAMEO root
Ancestors = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One gold event of a story."""

    source: str
    target: str
    cameo: str
    kind: str
    status: str
    evidence: str

    @property
    def key(self) -> Key:
        return (self.source, self.target, self.cameo[:2])


@dataclass(frozen=True, slots=True)
class StoryGold:
    id: str
    split: str
    events: tuple[StoryEvent, ...]


@dataclass
class StoryReport:
    """Scores by kind, and the misses and false alarms of the stories read."""

    stories: int = 0
    kinds: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    code_agreement: Counter[str] = field(default_factory=Counter)
    status_agreement: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, str]] = field(default_factory=list)
    false_alarms: list[dict[str, str]] = field(default_factory=list)

    @property
    def all_kinds(self) -> Score:
        total = Score()
        for score in self.kinds.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    @property
    def domestic_and_one_sided(self) -> Score:
        total = Score()
        for kind in ("domestic", "one-sided"):
            total.tp += self.kinds[kind].tp
            total.fp += self.kinds[kind].fp
            total.fn += self.kinds[kind].fn
        return total

    def as_dict(self) -> dict[str, Any]:
        def share(counter: Counter[str]) -> float:
            return round(counter["same"] / max(sum(counter.values()), 1), 4)

        return {
            "stories": self.stories,
            "kinds": {k: v.as_dict() for k, v in self.kinds.items()},
            "domestic_and_one_sided": self.domestic_and_one_sided.as_dict(),
            "all": self.all_kinds.as_dict(),
            "code_accuracy": share(self.code_agreement),
            "status_accuracy": share(self.status_agreement),
        }


def load_story_gold(path: Path) -> list[StoryGold]:
    """Read the article-level gold, failing with the line of any malformed record."""
    return parse_json_lines(Path(path), _story_gold, "a story gold record")


def _story_gold(record: dict[str, Any]) -> StoryGold:
    split = record["split"]
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not one of {SPLITS}")
    events = tuple(_story_event(e) for e in record["events"])
    return StoryGold(str(record["id"]), split, events)


def _story_event(record: dict[str, Any]) -> StoryEvent:
    kind = record["kind"]
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {KINDS}")
    status = record.get("status", "occurred")
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {STATUSES}")
    cameo = str(record["cameo"])
    if not cameo.isdigit() or not 2 <= len(cameo) <= 4:
        raise ValueError(f"cameo {cameo!r} is not a CAMEO code")
    target = record.get("target")
    return StoryEvent(
        source=_gold_actor(record["source"]),
        target=_gold_actor(target) if target else NO_TARGET,
        cameo=cameo,
        kind=kind,
        status=status,
        evidence=str(record["evidence"]),
    )


def _gold_actor(actor: dict[str, Any]) -> str:
    """Country, or the organisation's code when it has no country ('IGOUNO', 'REBISL')."""
    if actor.get("country"):
        return str(actor["country"])
    code = str(actor.get("code") or "")
    if len(code) != 6:
        raise ValueError(f"an organisation needs its full code ('IGOUNO'), not {code!r}")
    return code


def read_stories(corpus: Path, ids: Iterable[str]) -> list[Article]:
    """The stories of the corpus file with these ids, read as ingest reads them."""
    wanted = set(ids)
    if not corpus.is_file():
        raise InputError(str(corpus), "corpus file not found")
    articles = {
        item.article_id: item
        for item in read_inputs([corpus])
        if isinstance(item, Article) and item.article_id in wanted
    }
    missing = sorted(wanted - set(articles))
    if missing:
        raise InputError(str(corpus), f"stories missing from the corpus: {', '.join(missing)}")
    return [articles[i] for i in sorted(articles)]


def evaluate_stories(
    pipeline: Pipeline, gold: list[StoryGold], corpus: Path, split: str | None = "dev"
) -> StoryReport:
    """Code each story of the split and score its events against the gold."""
    chosen = {g.id: g for g in gold if split is None or g.split == split}
    report = StoryReport(stories=len(chosen))
    ancestors = pipeline.coder.resolver.book.igo_ancestors
    for result in pipeline.process(read_stories(corpus, chosen)):
        story = chosen[result.article.article_id]
        _score_story(story, result.events, report, ancestors)
    return report


def _score_story(
    story: StoryGold, events: list[Event], report: StoryReport, ancestors: Ancestors
) -> None:
    predicted: dict[Key, Event] = {}
    for event in events:
        if event.cameo == GENERIC_STATEMENT:
            continue  # the gold codes no "made a statement" (010): out of its scope
        predicted.setdefault(_predicted_key(event), event)
    gold: dict[Key, StoryEvent] = {}
    for expected in story.events:
        gold.setdefault(expected.key, expected)
    unmatched = dict(predicted)
    for key, expected in gold.items():
        found = next((k for k in unmatched if _same_key(key, k, ancestors)), None)
        score = report.kinds[expected.kind]
        if found is None:
            score.fn += 1
            report.misses.append(
                {"id": story.id, "expected": _show(expected), "evidence": expected.evidence}
            )
            continue
        score.tp += 1
        event = unmatched.pop(found)
        report.code_agreement["same" if event.cameo == expected.cameo else "different"] += 1
        report.status_agreement["same" if event.status == expected.status else "different"] += 1
    for event in unmatched.values():
        report.kinds[event.kind].fp += 1
        report.false_alarms.append(
            {
                "id": story.id,
                "got": f"{' '.join(_predicted_key(event))} {event.cameo} {event.kind} "
                f"({event.status}; {event.pattern})",
                "evidence": event.evidence,
            }
        )


def _predicted_key(event: Event) -> Key:
    source, target = event.source.actor, event.target.actor
    return (source.country or source.code, target.country or target.code, event.cameo_root)


def _same_key(gold: Key, pred: Key, ancestors: Ancestors) -> bool:
    """Roots agree and each actor agrees, an organisation's body counting as its parent
    (the Security Council, IGOUNS, as IGOUNO)."""
    if gold[2] != pred[2]:
        return False
    return all(_same_org(g, p, ancestors) for g, p in zip(gold[:2], pred[:2], strict=True))


def _same_org(gold: str, pred: str, ancestors: Ancestors) -> bool:
    if gold == pred:
        return True
    if len(pred) == 6 and len(gold) == 6:
        return any(pred[:3] + code == gold for code in ancestors(pred[3:]))
    return False


def _show(event: StoryEvent) -> str:
    return f"{event.source} -{event.cameo}-> {event.target} ({event.kind}, {event.status})"


def print_story_report(report: StoryReport, console: Any, misses: int = 20) -> None:
    """A table of scores by kind, then the first misses and false alarms."""
    from rich.table import Table

    data = report.as_dict()
    table = Table(title=f"{data['stories']} real news stories (dyad + CAMEO root)")
    for column in ("", "tp", "fp", "fn", "precision", "recall", "f1"):
        table.add_column(column, justify="right" if column else "left")
    rows = {**data["kinds"], "domestic + one-sided": data["domestic_and_one_sided"]}
    rows["all"] = data["all"]
    for name, score in rows.items():
        table.add_row(
            name, *(str(score[c]) for c in ("tp", "fp", "fn", "precision", "recall", "f1"))
        )
    console.print(table)
    console.print(
        f"on matched events: full code agrees {data['code_accuracy']}, "
        f"status agrees {data['status_accuracy']}"
    )
    if misses:
        console.print("[bold]misses[/] (expected, not found)")
        for miss in report.misses[:misses]:
            console.print(f"  {miss['id']}: {miss['expected']}  [dim]{miss['evidence']}[/]")
        console.print("[bold]false alarms[/] (found, not expected)")
        for alarm in report.false_alarms[:misses]:
            console.print(f"  {alarm['id']}: {alarm['got']}")
            console.print(f"    [dim]{alarm['evidence'][:200]}[/]")


def check_story_floors(report: StoryReport, floors: dict[str, float]) -> list[str]:
    """Compare with pinned minimums named KIND_METRIC ('international_precision',
    'domestic_and_one_sided_f1', 'all_f1'); return what fell short."""
    data = report.as_dict()
    scores = {**data["kinds"], "domestic_and_one_sided": data["domestic_and_one_sided"]}
    scores["all"] = data["all"]
    failures = []
    for name, floor in floors.items():
        kind, _, metric = name.rpartition("_")
        if kind not in scores or metric not in ("precision", "recall", "f1"):
            raise InputError(name, "unknown story floor (e.g. international_precision, all_f1)")
        value = scores[kind][metric]
        if value < float(floor):
            failures.append(f"{name} = {value:.4f} < {floor}")
    return failures


def load_story_floors(path: Path, split: str) -> dict[str, float]:
    """The floors of one split from a YAML file with a section per split (`dev`, `heldout`)."""
    import yaml

    try:
        floors = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"floors cannot be read: {exc}") from exc
    section = floors.get(split)
    if not isinstance(section, dict):
        raise InputError(str(path), f"no floors for the {split!r} stories")
    return {str(k): float(v) for k, v in section.items()}


def is_story_gold(path: Path) -> bool:
    """Article-level gold names stories by id and a split; sentence gold carries its text."""
    try:
        with Path(path).open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        record = json.loads(first) if first else {}
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "split" in record and "text" not in record
