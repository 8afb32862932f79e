"""The typed records that cross stage boundaries.

Every stage reads and writes these and nothing else: `Article` out of ingest,
`Mention` out of the actor stage, `Event` and `Quote` out of extraction,
`IngestOutcome` for the bookkeeping of every input. `Event.to_record()` is the
JSON contract of DESIGN.md; other tools read it, so its field names are stable.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short, deterministic hex digest of the parts (same input, same id, any machine)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


class PublishedSource(StrEnum):
    """Where an article's publication date came from."""

    GIVEN = "given"
    HTML_META = "html-meta"
    JSONL = "jsonl"
    DATELINE = "dateline"
    TEXT_YEAR = "text-year"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, ready for NLP."""

    article_id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    published_source: PublishedSource = PublishedSource.UNKNOWN
    language: str | None = "en"
    dateline: str | None = None  # the place of a dateline ("Beijing"), if the text opens with one
    body_start: int = 0  # the offset where the story begins after its dateline

    @property
    def body(self) -> str:
        """The text the parser reads: the story without its dateline."""
        return self.text[self.body_start :]

    @property
    def content_hash(self) -> str:
        return stable_hash(self.text, length=40)


class OutcomeStatus(StrEnum):
    INGESTED = "ingested"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What became of one input: every file, line or record ends in exactly one outcome."""

    origin: str
    status: OutcomeStatus
    reason: str | None = None
    article_id: str | None = None
    events: int = 0


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: CAMEO-style code = country (or IGO) + sector."""

    code: str
    country: str | None
    sector: str | None
    name: str | None = None
    role: str | None = None
    via: str = ""  # which knowledge resolved it: person, agency, igo, metonym, country, role

    @classmethod
    def make(
        cls,
        country: str | None,
        sector: str | None,
        *,
        name: str | None = None,
        role: str | None = None,
        via: str = "",
        igo: str | None = None,
    ) -> Actor:
        """Build the code from its parts so code, country and sector never disagree.

        An international organisation has no country: its code is its sector and its
        own code (IGOUNO, NGOAMN).
        """
        if igo:
            sector = sector or "IGO"
            return cls(f"{sector}{igo}", None, sector, name=name, role=role, via=via)
        code = (country or "") + (sector or "")
        return cls(code, country, sector, name=name, role=role, via=via)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a sentence that refers to an actor."""

    text: str
    start: int  # token offsets in the doc, end exclusive
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None  # how it was found: clause, visit, dateline

    def to_record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "source": self.source,
        }


EVENT_KINDS = ("international", "domestic", "one-sided")


class Status(StrEnum):
    OCCURRED = "occurred"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Event:
    """One coded interaction, traceable to its sentence."""

    event_id: str
    article_id: str
    sentence_index: int
    evidence: str
    source: Mention
    target: Mention
    cameo: str
    cameo_root: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    status: Status
    date: date | None
    date_precision: str | None
    location: Location | None
    rule: str
    confidence: float
    trigger: str  # the words that matched the pattern, for highlighting
    pattern: str = ""  # the lexicon entry that fired
    status_cue: str | None = None  # the word that set the status ("set", "not", "could")
    issues: tuple[str, ...] = field(default=())
    target_implied: bool = False  # a one-sided event: the target is the CAMEO default

    @property
    def kind(self) -> str:
        """international (two countries, or an organisation), domestic (two actors of one
        country) or one-sided (no target named: the target is implied)."""
        if self.target_implied:
            return "one-sided"
        source, target = self.source.actor.country, self.target.actor.country
        return "domestic" if source is not None and source == target else "international"

    def to_record(self) -> dict[str, Any]:
        """The DESIGN.md event record: the stable JSON contract."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence,
            "source": _actor_record(self.source),
            "target": {**_actor_record(self.target), "implied": self.target_implied},
            "kind": self.kind,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "status": self.status.value,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location.to_record() if self.location else None,
            "issues": list(self.issues),
            "rule": self.rule,
            "confidence": self.confidence,
            "trigger": self.trigger,
            "pattern": self.pattern,
        }


def _actor_record(mention: Mention) -> dict[str, Any]:
    actor = mention.actor
    return {
        "text": mention.text,
        "name": actor.name,
        "code": actor.code,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "via": actor.via or None,  # what resolved it: person, agency, role, unplaced, ...
    }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote with its speaker resolved to an actor when possible."""

    article_id: str
    sentence_index: int
    text: str
    speaker: Mention | None
    direct: bool
    speaker_text: str | None = None  # the words naming the speaker, even when unresolved

    @property
    def quote_id(self) -> str:
        return stable_hash(self.article_id, self.sentence_index, self.text)

    def to_record(self) -> dict[str, Any]:
        actor = self.speaker.actor if self.speaker else None
        return {
            "quote_id": self.quote_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "text": self.text,
            "direct": self.direct,
            "speaker": {
                "text": self.speaker_text,
                "name": actor.name if actor else None,
                "code": actor.code if actor else None,
                "country": actor.country if actor else None,
                "sector": actor.sector if actor else None,
                "role": actor.role if actor else None,
            },
        }


@dataclass(slots=True)
class ArticleResult:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event]
    quotes: list[Quote] = field(default_factory=list)
    issues: tuple[str, ...] = ()
    learned: list[tuple[str, Actor]] = field(default_factory=list)  # people met with a title
    unresolved: list[str] = field(default_factory=list)  # named arguments no dictionary knew
