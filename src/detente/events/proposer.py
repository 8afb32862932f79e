"""The learned proposer: event predicates the lexicon does not list.

The lexicon codes what it names; real reporting uses many more words
("pilloried", "airlifted food to"). The proposer reads every verb the lexicon
left alone that has a subject and, possibly, an object or prepositional
object, and predicts a CAMEO code (or none) from the parse around it: the
lemma and its affixes, the preposition, the object noun of a light verb, the
particle, voice, and the sectors of the words in the argument slots. It is an
averaged perceptron trained by `make train` on sentences the team wrote
(training/sentences/), shipped as package data.

It only proposes: each proposal becomes a `Match` like a lexicon match, so the
frame engine still supplies the actors, status, date, place, threats and
intents, and prunes it like any other reading. Its rule ends in `+proposer`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from detente.errors import DataFileError
from detente.events.lexicon import Pattern, Slot
from detente.events.match import Match, expand_members, word_lemma
from detente.knowledge import data_path

NONE = "-"  # the label of a candidate that is no event
ONE_SIDED = "1S:"  # the prefix of a one-sided label
PROPOSER = "proposer"
MODEL_FILE = ("models", "proposer.json.gz")
TARGET_DEPS = ("dobj", "dative", "attr", "oprd")
# prepositions that place or time an event rather than name its target
ADJUNCT_PREPS = frozenset(
    {"in", "at", "on", "during", "since", "after", "before", "until", "amid", "despite", "by"}
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A verb with the tokens that would fill its source and target slots."""

    head: Token
    source: Token
    target: Token | None
    prep: str | None  # the preposition before the target, if any

    @property
    def frame(self) -> str:
        if self.target is None:
            return "subj"
        return f"subj-prep_{self.prep}" if self.prep else "subj-dobj"


def candidates(sent: Span) -> list[Candidate]:
    """Every verb with a subject (or passive agent), and each target it could have."""
    found: list[Candidate] = []
    for head in sent:
        if head.pos_ != "VERB":
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
        source = _child(head, "agent_pobj" if passive else "nsubj")
        if source is None:
            continue
        targets: list[tuple[Token, str | None]] = []
        if passive:
            patient = _child(head, "nsubjpass")
            if patient is not None:
                targets.append((patient, None))
        for child in head.children:
            if child.dep_ in TARGET_DEPS:
                targets.append((child, None))
            elif child.dep_ == "prep" and child.lower_ not in ADJUNCT_PREPS:
                obj = _child(child, "pobj")
                if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    targets.append((obj, child.lower_))
        found.extend(Candidate(head, source, t, p) for t, p in targets)
        found.append(Candidate(head, source, None, None))
    return found


def _child(token: Token, dep: str) -> Token | None:
    if dep == "agent_pobj":
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        return _child(agent, "pobj") if agent is not None else None
    return next((c for c in token.children if c.dep_ == dep), None)


def features(candidate: Candidate) -> list[str]:
    """What the model sees of a candidate: words and structure, never the actors' names."""
    head = candidate.head
    lemma = word_lemma(head)
    feats = [
        "bias",
        f"lem={lemma}",
        f"suf3={lemma[-3:]}",
        f"pre4={lemma[:4]}",
        f"frame={candidate.frame}",
        f"lem_frame={lemma}|{candidate.frame}",
        f"ssect={_sector(candidate.source)}",
    ]
    if candidate.prep:
        feats.append(f"prep={candidate.prep}")
    if candidate.target is not None:
        feats.append(f"tsect={_sector(candidate.target)}")
        feats.append(f"tlem={word_lemma(candidate.target)}")
    for child in head.children:
        if child.dep_ == "prt":
            feats.append(f"prt={lemma}|{child.lower_}")
        elif child.dep_ == "dobj" and child is not candidate.target:
            # a light verb's noun: "issued a REBUKE to", "launched a BROADSIDE against"
            feats.append(f"noun={word_lemma(child)}")
            feats.append(f"lem_noun={lemma}|{word_lemma(child)}")
        elif child.dep_ == "prep" and child.lower_ != candidate.prep:
            obj = _child(child, "pobj")
            if obj is not None:
                feats.append(f"adj_prep={child.lower_}|{word_lemma(obj)}")
        elif child.dep_ in ("xcomp", "ccomp"):
            feats.append(f"comp={word_lemma(child)}")
        elif child.dep_ == "neg":
            feats.append("neg")
    if head.dep_ in ("xcomp", "ccomp"):
        feats.append(f"gov={word_lemma(head.head)}")
    return feats


def _sector(token: Token) -> str:
    """The kind of actor a slot holds, from the dictionary marks: a role's sector, a
    country, an organisation; or the word's entity type."""
    hit = token._.detente_hit
    if hit is not None:
        if hit.role is not None:
            return hit.role.sector
        if hit.entries:
            return hit.entries[0].kind
    return token.ent_type_ or "none"


class Proposer:
    """An averaged perceptron over candidate features: label -> feature -> weight."""

    def __init__(
        self, weights: dict[str, dict[str, float]], threshold: float = 0.0, digest: str = ""
    ) -> None:
        self.weights = weights
        self.threshold = threshold
        self.digest = digest  # of the model file, so a retrained model marks its runs

    @classmethod
    def load(cls, path: Path | None = None) -> Proposer | None:
        """The shipped model, or None when `make train` has not built one."""
        path = path or data_path(*MODEL_FILE)
        if not path.is_file():
            return None
        raw = path.read_bytes()
        try:
            data = json.loads(gzip.decompress(raw))
            weights, threshold = data["weights"], float(data.get("threshold", 0.0))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataFileError(path, f"is not a proposer model: {exc}") from exc
        return cls(weights, threshold, hashlib.sha256(raw).hexdigest())

    def save(self, path: Path, meta: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"meta": meta, "threshold": self.threshold, "weights": self.weights}
        # mtime=0: the same training run writes the same bytes
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz,
        ):
            gz.write(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode())

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        totals: dict[str, float] = defaultdict(float)
        for feat in feats:
            for label, weight in self.weights.get(feat, {}).items():
                totals[label] += weight
        return totals

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The best label and its margin over the no-event label."""
        totals = self.scores(feats)
        if not totals:
            return NONE, 0.0
        label = max(sorted(totals), key=lambda k: totals[k])
        return label, totals[label] - totals.get(NONE, 0.0)

    def propose(self, sent: Span, claimed: set[int], reporting: frozenset[str]) -> list[Match]:
        """Matches for verbs no lexicon pattern claimed, where the model sees an event.

        Only verbs the model learned as event words are read ("pilloried" if the team's
        sentences hold it): an unseen verb's context alone proved too weak a signal. Verbs
        of saying ("told VOA", "described to reporters") are left to the reported-speech
        frames."""
        proposals = []
        for candidate in candidates(sent):
            lemma = word_lemma(candidate.head)
            if candidate.head.i in claimed or lemma in reporting:
                continue
            if not any(label != NONE for label in self.weights.get(f"lem={lemma}", {})):
                continue
            label, margin = self.predict(features(candidate))
            if label == NONE or margin <= self.threshold:
                continue
            if (candidate.target is None) != label.startswith(ONE_SIDED):
                continue  # a one-sided label needs a candidate without a target
            code = label.removeprefix(ONE_SIDED)
            proposals.append(_match(candidate, code))
        return proposals


def label_of(code: str, one_sided: bool) -> str:
    """One-sided events are their own labels: the same code reads differently alone."""
    return ONE_SIDED + code if one_sided else code


def _match(candidate: Candidate, code: str) -> Match:
    head = candidate.head
    slots = [Slot("S", "subject")]
    text = f"{{S}} {word_lemma(head)}"
    if candidate.target is not None:
        kind = "prep" if candidate.prep else "object"
        slots.append(Slot("T", kind, candidate.prep))
        text += f" {candidate.prep} {{T}}" if candidate.prep else " {T}"
    pattern = Pattern(text, code, "verb", word_lemma(head), tuple(slots), (), False, PROPOSER)
    target = expand_members(candidate.target) if candidate.target is not None else []
    return Match(pattern, head, [], expand_members(candidate.source), target)
