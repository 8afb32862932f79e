"""Name coreference inside one article: a later "Wang" is the "Wang Yi" named before.

News names a person in full once, with a title ("Chinese Foreign Minister Wang
Yi"), then by one name ("Wang"). After the dictionaries are matched, each
multi-word person name that resolves to an actor registers its parts; a later
bare proper noun equal to a registered part takes the actor of the most recent
full mention ("Wang Yi" early in a story, "Wang Xiaohong" late: each "Wang"
goes to the nearest one before it). This also corrects spaCy's NER, which
tags a bare "Blinken" as a place and "Wang" as an organisation. A personal
pronoun (he, she, him, her) is the person named last; "the two sides" are
the last two countries named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from detente.actors.dictionary import NameEntry
from detente.knowledge import data_path, words_by_kind
from detente.schema import Actor, Mention

Resolve = Callable[[Token, date | None], Mention | None]
MIN_PART = 2  # one-letter initials never register
DESCRIBED = ("armed_group", "organisation", "country")  # what a description points back to


@dataclass(frozen=True, slots=True)
class References:
    """Referring words from data/actors/references.yaml."""

    pronouns: frozenset[str]
    pair_nouns: frozenset[str]
    pair_markers: frozenset[str]
    # "the group", "the bloc", "the country": description noun -> antecedent kinds
    descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "the three nations": count word -> how many countries (beyond "two"/"both")
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> References:
        words, _ = words_by_kind(path or data_path("actors", "references.yaml"), "references")
        descriptions: dict[str, tuple[str, ...]] = {}
        for kind in DESCRIBED:
            for word in words.get(f"{kind}_noun", ()):
                descriptions[word] = (*descriptions.get(word, ()), kind)
        counts = {w: 2 for w in words.get("pair_marker", ())}
        for size in range(3, 6):
            counts.update((w, size) for w in words.get(f"group_of_{size}", ()))
        return cls(
            frozenset(words.get("pronoun", ())),
            frozenset(words.get("pair_noun", ())),
            frozenset(words.get("pair_marker", ())),
            descriptions,
            counts,
        )

    def described(self, token: Token) -> tuple[str, ...]:
        """What a definite description may point back to ("THE GROUP": an armed group), or
        nothing when the phrase is no bare "the (adjective) NOUN"."""
        kinds = self.descriptions.get(token.lemma_.lower(), ())
        if not kinds or token.tag_ not in ("NN", "NNP"):
            return ()
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            return ()
        if any(c.dep_ in ("compound", "poss", "nmod", "relcl", "acl") for c in children):
            return ()  # "the Wagner group", "the country's army"
        if any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in children):
            return ()  # "the group of experts" (but "accused the bloc of serving ..." is fine)
        return kinds

    def is_pair(self, token: Token) -> bool:
        """'the two sides', 'both governments': two actors named before."""
        return self.group_size(token) == 2

    def group_size(self, token: Token) -> int:
        """How many countries named before a counted plural stands for ('the two sides' 2,
        'the three nations' 3), or 0."""
        if token.lemma_.lower() not in self.pair_nouns:
            return 0
        for child in token.children:
            if child.dep_ in ("nummod", "det", "predet") and child.lower_ in self.counts:
                return self.counts[child.lower_]
        return 0


def last_described(token: Token, kinds: tuple[str, ...]) -> Actor | None:
    """The actor of one of these kinds named last before `token`: an armed group (an
    agency or organisation in sector REB), an organisation, a country."""
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        hit = doc[i]._.detente_hit
        if hit is None or hit.end - 1 != i or not hit.entries:
            continue
        entry = hit.entries[0]
        if "armed_group" in kinds and entry.sector == "REB" and entry.kind in ("agency", "igo"):
            igo = entry.igo if entry.kind == "igo" else None
            return Actor.make(entry.country, "REB", name=entry.name, via="coref", igo=igo)
        if "organisation" in kinds and entry.kind == "igo" and entry.sector == "IGO":
            return Actor.make(None, "IGO", name=entry.name, via="coref", igo=entry.igo)
        if "country" in kinds and entry.kind == "country" and entry.country:
            return Actor.make(entry.country, None, name=entry.name, via="coref")
    return None


def last_countries(
    token: Token, resolve: Resolve, published: date | None, size: int = 2
) -> list[Mention]:
    """The `size` most recently named countries before `token` (most recent last)."""
    found: list[Mention] = []
    seen: set[str] = set()
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        candidate = doc[i]
        hit = candidate._.detente_hit
        if hit is None or hit.end - 1 != i or not hit.entries:
            continue
        mention = resolve(candidate, published)
        country = mention.actor.country if mention else None
        if mention is None or country is None or country in seen:
            continue
        seen.add(country)
        found.append(mention)
        if len(found) == size:
            return list(reversed(found))
    return []


def person_spans(doc: Doc) -> list[Span]:
    """Multi-word person names: PERSON entities and dictionary person matches."""
    spans: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            spans[ent.start] = ent
    for token in doc:
        hit = token._.detente_hit
        if (
            hit is not None
            and hit.end - hit.start > 1
            and any(e.kind == "person" for e in hit.entries)
        ):
            spans.setdefault(hit.start, doc[hit.start : hit.end])
    return [spans[k] for k in sorted(spans)]


def link_names(
    doc: Doc, resolve: Resolve, published: date | None, make_hit, pronouns: frozenset[str]
) -> list[tuple[str, Actor]]:
    """Mark bare later mentions of people named in full earlier.

    Returns the people this document taught: full names that no dictionary knew but
    that resolved through a title or apposition ("Vice Foreign Minister Ma Zhaoxu").
    """
    registry: dict[str, NameEntry] = {}
    learned: list[tuple[str, Actor]] = []
    last_person: NameEntry | None = None
    names = {span.start: span for span in person_spans(doc)}
    skip_until = -1
    for token in doc:
        if token.i < skip_until:
            continue
        span = names.get(token.i)
        if span is not None:
            mention = resolve(span[-1], published)
            if mention is not None and (mention.actor.country or mention.actor.sector == "IGO"):
                entry = NameEntry("coref", span.text, actor=mention.actor)
                last_person = entry
                if mention.actor.via == "role" and span.label_ == "PERSON":
                    learned.append((span.text, mention.actor))
                for part in span:
                    if len(part.text) >= MIN_PART and part.text[:1].isupper():
                        registry[part.text] = entry
            skip_until = span.end
            continue
        hit = token._.detente_hit
        if (
            hit is not None
            and hit.start == token.i
            and any(e.kind in ("person", "surname") for e in hit.entries)
        ):
            mention = resolve(token.doc[hit.end - 1], published)
            if mention is not None:
                last_person = NameEntry("coref", mention.text, actor=mention.actor)
            continue
        if token.text in registry and token.pos_ == "PROPN" and token._.detente_hit is None:
            token._.detente_hit = make_hit(token.i, token.i + 1, (registry[token.text],))
            last_person = registry[token.text]
        elif token.lower_ in pronouns and token.pos_ == "PRON" and last_person is not None:
            # the simple case: "he" is the person named last (a story about two people
            # talking to each other can fool it; events then show the pronoun as evidence)
            token._.detente_hit = make_hit(token.i, token.i + 1, (last_person,))
    return learned
