"""Event status from the parse: occurred, planned, hypothetical or negated.

The cues (auxiliaries, governing verbs, conditional markers, negation) are data
in `data/events/status.yaml`; this module reads them off the head word and
the chain of verbs that govern it ("is SET to meet", "REFUSED to meet").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Token

from detente.errors import DataFileError
from detente.knowledge import data_path, load_yaml, require, strings
from detente.schema import Status

KINDS = ("auxiliary", "governor", "marker", "negation", "reported_future")
REPORTING_VERBS = frozenset(
    {"say", "tell", "announce", "state", "add", "report", "confirm", "note"}
)


# "agreed to step up cooperation DURING Kishida's visit": a time or circumstance adjunct does
# not take the status of the verb it hangs on (the visit happened)
ADJUNCT_PREPS = frozenset({"during", "after", "before", "since", "amid", "following", "despite"})


@dataclass
class StatusCues:
    cues: dict[str, dict[str, Status]] = field(default_factory=lambda: {k: {} for k in KINDS})
    digest: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> StatusCues:
        path = path or data_path("events", "status.yaml")
        data = load_yaml(path, "cues")
        table = cls(digest=data.digest)
        for number, entry in enumerate(data.entries, 1):
            require(path, entry, number, "status", "kind", "words")
            kind = entry["kind"]
            if kind not in KINDS:
                raise DataFileError(path, f"entry {number}: kind {kind!r} not one of {KINDS}")
            try:
                status = Status(entry["status"])
            except ValueError as exc:
                raise DataFileError(
                    path, f"entry {number}: unknown status {entry['status']!r}"
                ) from exc
            for word in strings(entry["words"]):
                table.cues[kind][word.lower()] = status
        return table

    def planned_in_chain(self, head: Token) -> bool:
        """A plan word governs the head ("had no PLANS to meet"): a called-off or denied
        plan to meet is still a (negated) plan, CAMEO 036."""
        chain = list(_governing_chain(head))[1:]
        return any(_cue(self.cues["governor"], t) is Status.PLANNED for t in chain)

    def status_of(self, head: Token) -> tuple[Status, str | None]:
        """The status of the event headed by `head`, and the cue word that decided it."""
        negation = self.cues["negation"]
        chain = list(_governing_chain(head))
        for token in chain:
            for child in token.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in negation):
                    return Status.NEGATED, child.text
        for token in chain[1:]:
            status = _cue(self.cues["governor"], token)
            if status is Status.NEGATED:
                return status, token.text
        for token in chain:
            for child in token.children:
                if child.dep_ == "mark" and child.lower_ in self.cues["marker"]:
                    return self.cues["marker"][child.lower_], child.text
            for child in token.children:
                if child.dep_ != "aux":
                    continue
                word = child.lower_
                if word in self.cues["reported_future"] and _is_reported(token):
                    return self.cues["reported_future"][word], child.text
                if word in self.cues["auxiliary"]:
                    return self.cues["auxiliary"][word], child.text
            if token.i != head.i:
                status = _cue(self.cues["governor"], token)
                if status is not None:
                    return status, token.text
        if head.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
            # "is travelling to Singapore" in a news present describes a trip under way or imminent
            return Status.OCCURRED, None
        return Status.OCCURRED, None


def _cue(table: dict[str, Status], token: Token) -> Status | None:
    """A cue by lemma, or by the word itself where the lemmatizer errs ("slated" -> "slat")."""
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _governing_chain(head: Token):
    """The head, then each verb or adjective it is an open complement of ("set to meet")."""
    token = head
    yield token
    while (
        token.dep_ in ("xcomp", "acomp")
        or (
            token.dep_ == "pobj"
            and token.head.dep_ == "prep"
            and token.head.lower_ not in ADJUNCT_PREPS
        )
        or (token.dep_ == "acl" and token.head.pos_ == "NOUN" and infinitive(token))
    ):  # the last: "had no PLANS to meet", "the DECISION to expel"
        token = token.head if token.dep_ != "pobj" else token.head.head
        yield token


def infinitive(verb: Token) -> bool:
    """A to-infinitive: "plans TO meet" (shared with the matcher)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_reported(token: Token) -> bool:
    """True when the clause is the complement of a reporting verb ("said X would ...")."""
    while token.dep_ in ("xcomp", "conj"):
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_VERBS
