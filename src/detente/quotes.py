"""Quotes: who said what, direct ("...") and indirect (X said that ...).

Direct quotes are found from quotation marks, straight or curly, across
sentence boundaries; the speaker is the subject of the nearest reporting verb
after the closing mark ("..., said Varga") or before the opening one ("Varga
said: ..."), or the person a pronoun stands for. A quotation inside reported
speech belongs to that speech's speaker unless it is a short scare quote. A
quote with no reporting verb next to it stays unattributed: never guessed.
Indirect quotes are the "that"-clauses of reporting verbs and "according to"
attributions. Speakers resolve through the actor stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from detente.actors.resolve import ActorResolver
from detente.errors import DataFileError
from detente.knowledge import data_path, words_by_kind
from detente.schema import Mention, Quote

QUOTE_PAIRS = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
AFTER_WINDOW = 6  # tokens after a closing mark in which "said X" may stand
BEFORE_WINDOW = 14  # tokens before an opening mark in which "X said:" may stand


@dataclass
class ReportingCues:
    verbs: frozenset[str] = frozenset()
    according: frozenset[str] = frozenset()
    min_tokens: int = 4
    digest: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> ReportingCues:
        path = path or data_path("quotes", "reporting.yaml")
        found, digest = words_by_kind(path, "cues")
        if not found.get("verb"):
            raise DataFileError(path, "needs a 'verb' entry with reporting verbs")
        return cls(
            frozenset(found["verb"]),
            frozenset(found.get("according", [])),
            int((found.get("min_tokens") or ["4"])[0]),
            digest,
        )


@dataclass
class QuoteFinder:
    """Finds quotes in an annotated document (actors must be marked first)."""

    resolver: ActorResolver
    cues: ReportingCues

    def find(self, doc: Doc, article_id: str, published: date | None) -> list[Quote]:
        sent_of = {}
        for index, sent in enumerate(doc.sents):
            for token in sent:
                sent_of[token.i] = index
        quotes: list[Quote] = []
        covered: set[int] = set()
        last: tuple[int, Mention | None] = (-9, None)
        for span in _quoted_spans(doc):
            covered.update(range(span.start, span.end))
            speaker_token = None if _scare_quote(span) else self._attribution(span)
            index = sent_of.get(span.start, 0)
            speaker = self._speaker(
                speaker_token, published, last if index - last[0] <= 1 else None
            )
            quotes.append(
                Quote(
                    article_id=article_id,
                    sentence_index=index,
                    text=span.text.strip('"“” '),
                    speaker=speaker,
                    direct=True,
                    speaker_text=_phrase(speaker_token) if speaker_token is not None else None,
                )
            )
            if speaker is not None:
                last = (index, speaker)
        for sent_index, sent in enumerate(doc.sents):
            found = self._indirect(sent, sent_index, covered, article_id, published, last)
            quotes.extend(found)
            spoken = [q for q in found if q.speaker is not None]
            if spoken:
                last = (sent_index, spoken[-1].speaker)
        return quotes

    # -- direct quotes ---------------------------------------------------------

    def _attribution(self, span: Span) -> Token | None:
        """The token naming who said a quotation, or None when nothing attributes it."""
        doc = span.doc
        for token in doc[span.end : min(span.end + AFTER_WINDOW, len(doc))]:
            if token.text in ("“", '"') or (token.is_sent_start and token.i > span.end + 1):
                break
            if self._reports(token):
                return _subject(token)
            if token.lower_ in self.cues.according:  # "...," according to X
                return _according_to(token)
        before = doc[max(span.start - BEFORE_WINDOW, 0) : span.start]
        for token in reversed(list(before)):
            if token.text in ("”", '"') or (token.is_sent_start and token.i < span.start - 1):
                break
            if self._reports(token) and token.sent == doc[span.start].sent:
                return _subject(token)
        # a colon introduction: "X put it bluntly: ...", "X was unequivocal: ..."
        if span.start > 0 and doc[span.start - 1].text == ":":
            colon = doc[span.start - 1]
            verb = colon.head
            while (
                verb.i < span.start
                and _subject(verb) is None
                and verb.dep_ in ("advcl", "xcomp", "conj")
            ):
                verb = verb.head  # "..., later warning the Americans: '...'" -> who warned
            if verb.i < span.start and _subject(verb) is not None:
                return _subject(verb)
            for token in reversed(list(doc[colon.sent.start : colon.i])):
                subject = _subject(token) if token.pos_ in ("VERB", "AUX") else None
                if subject is not None:
                    return subject
        # a quotation inside reported speech: "said Beijing would 'make its position clear'"
        if len(span) - 2 >= self.cues.min_tokens:
            head = span.root
            while head.head.i != head.i:
                if self._reports(head.head) and head.dep_ in ("ccomp", "xcomp", "dobj", "advcl"):
                    return _subject(head.head)
                head = head.head
        return None

    def _speaker(
        self,
        token: Token | None,
        published: date | None,
        previous: tuple[int, Mention | None] | None,
    ) -> Mention | None:
        """Resolve who spoke; "it"/"they" and "the spokesman" point back to who spoke last."""
        if token is None:
            return None
        found = self.resolver.resolve(token, published)
        if found is not None:
            return found
        if token.pos_ == "PRON" and previous is not None:
            return previous[1]
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self._antecedent(token, published) or (previous[1] if previous else None)
        return None

    def _antecedent(self, token: Token, published: date | None) -> Mention | None:
        """'the spokesman', 'the ministry': the last resolved mention with the same head word."""
        sent_start = token.sent.start
        earlier = [s for s in token.doc.sents if s.start < sent_start][-2:]
        for sent in reversed(earlier):
            for candidate in sent:
                if candidate.lemma_.lower() == token.lemma_.lower() and candidate.i != token.i:
                    found = self.resolver.resolve(candidate, published)
                    if found is not None:
                        return found
        return None

    def _reports(self, token: Token) -> bool:
        return (
            token.pos_ == "VERB"
            and token.lemma_.lower() in self.cues.verbs
            and _subject(token) is not None
        )

    # -- indirect quotes -------------------------------------------------------

    def _indirect(
        self,
        sent: Span,
        index: int,
        covered: set[int],
        article_id: str,
        published: date | None,
        last: tuple[int, Mention | None],
    ) -> list[Quote]:
        found = []
        for token in sent:
            clause = None
            speaker_token = None
            if self._reports(token):
                clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
                speaker_token = _subject(token)
            elif token.lower_ in self.cues.according and token.dep_ == "prep":
                speaker_token = _according_to(token)
                clause = token.head if speaker_token is not None else None
            if clause is None or speaker_token is None:
                continue
            words = [t for t in clause.subtree if t.i not in covered and not t.is_punct]
            if clause.i == token.head.i:  # "according to X, <clause>": drop the attribution itself
                drop = {t.i for t in token.subtree}
                words = [t for t in clause.subtree if t.i not in drop and not t.is_punct]
            if words and words[0].lower_ == "that":
                words = words[1:]
            if len(words) < self.cues.min_tokens or any(t.i in covered for t in clause.subtree):
                continue
            text = sent.doc[words[0].i : words[-1].i + 1].text
            found.append(
                Quote(
                    article_id=article_id,
                    sentence_index=index,
                    text=text,
                    speaker=self._speaker(
                        speaker_token, published, last if index - last[0] <= 1 else None
                    ),
                    direct=False,
                    speaker_text=_phrase(speaker_token),
                )
            )
        return found


def _scare_quote(span: Span) -> bool:
    """'the so-called "great ship"', 'dubbed "wolf warrior"': a label, not a statement."""
    before = span.doc[max(span.start - 2, 0) : span.start].text.lower()
    return "so-called" in before or before.endswith(("dubbed", "called", "named", "titled"))


def _quoted_spans(doc: Doc) -> list[Span]:
    spans = []
    for match in QUOTE_PAIRS.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and len(span) > 2:
            spans.append(span)
    return spans


def _according_to(token: Token) -> Token | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None


def _subject(verb: Token) -> Token | None:
    """Who speaks: the active subject, or the by-agent of a passive ("was told by X")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _phrase(token: Token) -> str:
    from detente.actors.resolve import noun_phrase

    tokens = sorted(noun_phrase(token), key=lambda t: t.i)
    tokens = [t for t in tokens if not t.is_punct]
    return token.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else token.text
