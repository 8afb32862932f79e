"""Finding actor names in a parsed document and resolving noun phrases to actors.

Two passes. `ActorResolver.annotate(doc)` marks every dictionary name and role
phrase in the document (spaCy PhraseMatchers). `resolve(token)` then takes an
argument token chosen by the event stage, gathers its noun phrase (compounds,
adjectives, possessors, titles, appositions, "of"-phrases) and combines what
was found there: a known person's dated role, an agency, an IGO, a metonym, or
a country plus the sector of a role noun ("Chinese" + "Foreign Minister").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.actors.coref import References, last_countries, last_described, link_names
from detente.actors.dictionary import ActorDictionary, NameEntry, Role
from detente.schema import Actor, Mention

# dependents that belong to a noun phrase for actor resolution
NP_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "det", "nummod", "case", "appos", "quantmod"}
)
# prepositions whose object describes the head ("Minister of Foreign Affairs", "envoy from
# Seoul", "a spokesman for the State Department", "protesters in Hong Kong")
NP_PREPS = frozenset({"of", "from", "for"})
# "in"/"at" phrases describe people ("protesters in Hong Kong") but only place other things
# ("a game in London" is no British actor)
PEOPLE_PREPS = frozenset({"in", "at"})
# "hackers linked to X", "a refinery owned by X", "positions held by X", "goods imported
# from X", "chips bound for X": the phrase stands for X, as event coders read it
AFFILIATION_VERBS = frozenset(
    {
        "link",
        "affiliate",
        "tie",
        "connect",
        "associate",
        "back",
        "sponsor",
        "direct",
        "own",
        "hold",
        "operate",
        "run",
        "control",
        "import",
        "make",
        "produce",
        "manufacture",
        "bind",
        "bound",
        "destine",
        "originate",
    }
)
# what one half of a hyphenated pair may be ("U.S.-Taliban")
PAIR_KINDS = frozenset({"country", "metonym", "igo", "agency"})
# names that place a story in a country, and how far the leading country must lead
STORY_PLACE_KINDS = frozenset({"country", "adjective", "place", "metonym"})
STORY_LEAD = 1.5
# entity types of a proper name: a named thing no dictionary knows is not a role
NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time", "retired"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary match in the document."""

    start: int
    end: int
    entries: tuple[NameEntry, ...] = ()
    role: Role | None = None
    # "U.S.-Ukraine talks", "the U.S.-Taliban deal": one token naming two sides
    pair: tuple[NameEntry, NameEntry] | None = None


class ActorResolver:
    """Resolves actor mentions; build it once per pipeline, it keeps no per-document state."""

    def __init__(self, nlp: Language, book: ActorDictionary) -> None:
        self.book = book
        self.references = References.load()
        self._make_doc = nlp.make_doc
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for surface in book.names:
            self._names.add(surface, [nlp.make_doc(surface)])
        for surface in book.lower_names:
            self._lower.add(surface, [nlp.make_doc(surface)])
        for phrase in book.roles:
            self._roles.add(phrase, [nlp.make_doc(phrase)])
        if not Token.has_extension("detente_hit"):
            Token.set_extension("detente_hit", default=None)

    # -- pass 1: mark names ------------------------------------------------

    def annotate(self, doc: Doc, published: date | None = None) -> list[tuple[str, Actor]]:
        """Mark dictionary names and role phrases (longest match wins), then link bare
        surnames to people named in full earlier in the document. Returns the people
        the document taught (named with a title no dictionary knew)."""
        vocab = doc.vocab.strings
        candidates: list[Hit] = []
        for match_id, start, end in self._names(doc):
            candidates.append(Hit(start, end, tuple(self.book.names[vocab[match_id]])))
        for match_id, start, end in self._lower(doc):
            candidates.append(Hit(start, end, tuple(self.book.lower_names[vocab[match_id]])))
        for match_id, start, end in self._roles(doc):
            candidates.append(Hit(start, end, role=self.book.roles[vocab[match_id]]))
        candidates.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: set[int] = set()
        chosen = []
        for hit in candidates:
            span = range(hit.start, hit.end)
            if any(i in taken for i in span):
                continue
            taken.update(span)
            chosen.append(hit)
            for i in span:
                doc[i]._.detente_hit = hit
        for hit in chosen:  # with every name marked, drop ambiguous ones that belong to another
            if hit.entries and not (self._plausible(hit, doc) and _not_in_a_name(hit, doc)):
                for i in range(hit.start, hit.end):
                    doc[i]._.detente_hit = None
        for token in doc:
            pair = self._hyphen_pair(token) if token._.detente_hit is None else None
            if pair is not None:
                token._.detente_hit = Hit(token.i, token.i + 1, pair=pair)
        return link_names(doc, self.resolve, published, _coref_hit, self.references.pronouns)

    def story_country(self, doc: Doc) -> str | None:
        """The country a story is about: the one its names (countries, nationalities,
        places, capitals) point to most, when it has a clear lead over the others."""
        counts: Counter[str] = Counter()
        seen: set[int] = set()
        for token in doc:
            hit = token._.detente_hit
            if hit is None or hit.start in seen or not hit.entries:
                continue
            seen.add(hit.start)
            entry = hit.entries[0]
            if entry.kind in STORY_PLACE_KINDS and entry.country:
                counts[entry.country] += 1
        if not counts:
            return None
        ranked = counts.most_common(2)
        leader, votes = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        return leader if votes >= STORY_LEAD * max(runner_up, 1) else None

    def _hyphen_pair(self, token: Token) -> tuple[NameEntry, NameEntry] | None:
        """Two countries or organisations joined by a hyphen in one token ("U.S.-Ukraine",
        "China-Russia"), each known to the dictionaries as a place of power or a group."""
        parts = token.text.split("-")
        if len(parts) != 2 or not all(parts):
            return None
        found = []
        for part in parts:
            entries = self.book.names.get(part, ())
            entry = next((e for e in entries if e.kind in PAIR_KINDS), None)
            if entry is None:
                return None
            found.append(entry)
        return found[0], found[1]

    def resolve_pair(self, token: Token, published: date | None) -> list[Mention]:
        """'the two sides': the last two countries named before ('the three nations': the
        last three); 'U.S.-Ukraine (talks)': the two named in one token. As mentions."""
        hit = token._.detente_hit
        if hit is not None and hit.pair is not None:
            actors = [_from_entry(entry, token, False) for entry in hit.pair]
            return [Mention(token.text, token.i, token.i + 1, a) for a in actors if a is not None]
        size = self.references.group_size(token)
        if not size:
            return []
        pair = last_countries(token, self.resolve, published, size)
        text = _phrase_text(sorted(noun_phrase(token), key=lambda t: t.i))
        return [Mention(text, token.i, token.i + 1, m.actor) for m in pair]

    def learn(self, name: str, actor: Actor) -> None:
        """Remember a person met in an earlier article, so the bare name resolves later."""
        if name in self.book.names:
            return
        self.book.names[name] = [NameEntry("learned", name, actor=actor)]
        self._names.add(name, [self._make_doc(name)])

    def _plausible(self, hit: Hit, doc: Doc) -> bool:
        """An ambiguous name ("Victoria", "Washington", "Georgia") next to another proper
        noun it does not belong with is part of some other name: "Victoria Hale",
        "Washington Street", "Alexander Hamilton"."""
        text = doc[hit.start : hit.end].text
        if text not in self.book.ambiguous:
            return True
        for i in (hit.start - 1, hit.end):
            if 0 <= i < len(doc):
                neighbour = doc[i]
                if (
                    neighbour.pos_ == "PROPN"
                    and neighbour.ent_type_ != "GPE"
                    and neighbour._.detente_hit is None  # "Indian Foreign Ministry" is fine
                ):
                    return False
        return True

    # -- pass 2: resolve a noun phrase --------------------------------------

    def resolve(self, token: Token, published: date | None) -> Mention | None:
        """The actor a noun-phrase head stands for, or None when nothing is known."""
        shared = _shared_noun(token)
        if shared is not None:
            return self._resolve_modifier(token, shared, published)
        if token.lower_ == "it" and token.dep_ == "nsubj":
            # "Russia said it would expel ...": "it" is who said so
            clause = token.head
            if clause.dep_ == "ccomp":
                speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lower_ != "it":
                    found = self.resolve(speaker, published)
                    if found is not None:
                        return Mention(token.text, token.i, token.i + 1, found.actor)
            return None
        tokens = sorted(noun_phrase(token), key=lambda t: t.i)
        if any(t.lemma_.lower() == "counterpart" for t in tokens):
            # "her Japanese counterpart Takeo Mori": the counterpart is the other side
            tokens = [t for t in tokens if not (t.pos_ == "PRON" and t.dep_ == "poss")]
        hits = _hits_in(tokens)
        actor = self._combine(token, tokens, hits, published)
        if actor is None and not hits:
            kinds = self.references.described(token)
            actor = last_described(token, kinds) if kinds else None
        if actor is None:
            return None
        return Mention(
            text=_phrase_text(tokens), start=tokens[0].i, end=tokens[-1].i + 1, actor=actor
        )

    def resolve_unplaced(self, token: Token) -> Mention | None:
        """A role noun whose phrase names no country ("police", "protesters", "a court"):
        the actor without its country, which the event's place or the story supplies.
        Anything named in the phrase ("Kenyan police", "Wang") resolves on its own or
        not at all."""
        hit = token._.detente_hit
        if hit is None or not (hit.start <= token.i < hit.end) or token.pos_ == "ADJ":
            return None  # "military action" names no actor
        # a role noun, or a generic body the dictionary knows only by kind ("Police",
        # "the Interior Ministry")
        generic = [e for e in hit.entries if e.kind == "agency" and e.country is None]
        if hit.role is not None:
            sector, role = hit.role.sector, hit.role.phrase
        elif generic and len(generic) == len(hit.entries):
            sector, role = generic[0].sector, generic[0].name
        else:
            return None
        tokens = sorted(noun_phrase(token), key=lambda t: t.i)
        named = [h for h in _hits_in(tokens) if h.entries and h is not hit]
        if named or (token.ent_type_ in NAMED_ENTS and not generic):
            return None
        actor = Actor.make(None, sector, role=role, via="unplaced")
        return Mention(_phrase_text(tokens), tokens[0].i, tokens[-1].i + 1, actor)

    def _resolve_modifier(
        self, token: Token, noun: Token, published: date | None
    ) -> Mention | None:
        """One of coordinated nationalities on a shared noun ("Chinese and US envoys"): the
        country from the modifier, the sector from the noun's role."""
        hit = token._.detente_hit
        country = next((e.country for e in (hit.entries if hit else ()) if e.country), None)
        if country is None:
            return None
        noun_hit = noun._.detente_hit
        sector = noun_hit.role.sector if noun_hit is not None and noun_hit.role else None
        actor = Actor.make(country, sector, name=hit.entries[0].name if hit else None, via="role")
        return Mention(
            text=f"{token.text} {noun.text}", start=token.i, end=token.i + 1, actor=actor
        )

    def _combine(
        self, head: Token, tokens: list[Token], hits: list[Hit], published: date | None
    ) -> Actor | None:
        former = any(t.lower_ in FORMER_WORDS for t in tokens)
        head_hit: Hit | None = head._.detente_hit
        named = [h for h in hits if h.entries]
        roles = [h.role for h in hits if h.role is not None]
        # 1. a known person in the phrase ("Foreign Minister Wang Yi", "Wang Yi, China's ...")
        #    or a bare name linked to its earlier full mention ("Wang")
        for hit in _head_first(named, head_hit):
            coref = _pick(hit.entries, "coref") or _pick(hit.entries, "learned")
            if coref is not None and coref.actor is not None:
                actor = coref.actor
                if former and actor.sector != "ELI":
                    actor = Actor.make(actor.country, "ELI", name=actor.name, via="coref")
                return actor
            entry = _pick(hit.entries, "person") or _surname(hit.entries, published)
            if entry and entry.person:
                if _surname_of_another(hit, head.doc):
                    continue
                span, was = entry.person.role_on(published)
                if span is None:
                    continue
                elect = any(r.phrase.endswith("elect") for r in roles)
                # "former X" of someone holding another office now: the current office counts
                if was and elect:
                    return Actor.make(span.country, roles[0].sector, name=entry.name, via="person")
                sector = "ELI" if was else span.sector
                if span.igo and not was:
                    return Actor.make(
                        None, "IGO", name=entry.name, role=span.title, via="person", igo=span.igo
                    )
                return Actor.make(
                    span.country, sector, name=entry.name, role=span.title, via="person"
                )
        role = (
            head_hit.role
            if head_hit is not None and head_hit.role
            else (roles[0] if roles else None)
        )
        country_here = _country_in(named) or (role.country if role else None)
        # 2. an organisation in the phrase outranks a generic role noun ("Hamas spokesman" is
        #    REB, "Pentagon officials" MIL); a capital used as a metonym yields to the role
        #    ("Beijing's troops" are MIL)
        for hit in _head_first(named, head_hit):
            entry = hit.entries[0]
            if entry.kind == "igo":
                return Actor.make(None, entry.sector, name=entry.name, via="igo", igo=entry.igo)
            metonym_wins = entry.kind == "metonym" and (role is None or entry.sector != "GOV")
            if entry.kind == "agency" or metonym_wins:
                org_country = entry.country or country_here
                if org_country is not None:
                    return Actor.make(
                        org_country,
                        "ELI" if former else entry.sector,
                        name=entry.name,
                        role=role.phrase if role else None,
                        via=entry.kind,
                    )
        # 3. a role noun with a country from the phrase ("Chinese Foreign Minister", "US troops")
        if role is not None and country_here is not None:
            sector = "ELI" if former else role.sector
            return Actor.make(
                country_here, sector, name=_person_name(tokens), role=role.phrase, via="role"
            )
        # 4. a country, place or nationality in the phrase stands for it, as event coders
        #    read "Beijing's Taiwan policy" or "the US embassy compound"
        for hit in _head_first(named, head_hit):
            found = _from_entry(hit.entries[0], head, former)
            if found is not None:
                return found
        return None


def _not_in_a_name(hit: Hit, doc: Doc) -> bool:
    """A place inside a longer person's name is part of that name: "Nadine Heredia" is
    no Costa Rican province, "Lloyd Austin" no Texan city."""
    if not all(e.kind == "place" for e in hit.entries):
        return True
    token = doc[hit.start]
    if token.ent_type_ != "PERSON":
        return True
    person = next((e for e in doc.ents if e.start <= hit.start < e.end), None)
    return person is None or (person.start, person.end) == (hit.start, hit.end)


def _surname_of_another(hit: Hit, doc: Doc) -> bool:
    """A lone family name inside a longer unknown name ("Nadia Haddad" is not Fernando Haddad)."""
    if hit.end - hit.start != 1 or not any(e.kind == "surname" for e in hit.entries):
        return False
    token = doc[hit.start]
    if token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head._.detente_hit is None:
        return True  # "Omar Siddiqui": the family name of another is here a first name
    return any(
        t.pos_ == "PROPN" and t._.detente_hit is None for t in token.lefts if t.dep_ == "compound"
    )


def _shared_noun(token: Token) -> Token | None:
    """The noun a coordinated modifier belongs to ("Chinese" and "Australian" -> "ministers")."""
    first = token
    while first.dep_ == "conj":
        first = first.head
    if first is token and not any(c.dep_ == "conj" for c in token.children):
        return None
    if first.dep_ in ("amod", "compound", "nmod") and first.head.pos_ in ("NOUN", "PROPN"):
        return first.head
    return None


def _coref_hit(start: int, end: int, entries: tuple[NameEntry, ...]) -> Hit:
    return Hit(start, end, entries)


def noun_phrase(token: Token) -> Iterator[Token]:
    """The head and its descriptive dependents, stopping at clauses and conjuncts."""
    yield token
    for child in token.children:
        if child.dep_ in NP_DEPS:
            yield from noun_phrase(child)
        elif child.dep_ == "acl" and child.lemma_.lower() in AFFILIATION_VERBS:
            # "hackers linked to China's Ministry of State Security"
            for prep in child.children:
                if prep.dep_ in ("prep", "agent"):
                    yield from (
                        t for c in prep.children if c.dep_ == "pobj" for t in noun_phrase(c)
                    )
        elif child.dep_ == "prep" and (
            child.lower_ in NP_PREPS or (child.lower_ in PEOPLE_PREPS and _is_role(token))
        ):
            yield child
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from noun_phrase(obj)


def _is_role(token: Token) -> bool:
    hit = token._.detente_hit
    return hit is not None and hit.role is not None


def _hits_in(tokens: list[Token]) -> list[Hit]:
    seen: dict[int, Hit] = {}
    for t in tokens:
        hit = t._.detente_hit
        if hit is not None:
            seen[hit.start] = hit
    return [seen[k] for k in sorted(seen)]


def _head_first(hits: list[Hit], head_hit: Hit | None) -> list[Hit]:
    if head_hit is None or head_hit not in hits:
        return hits
    return [head_hit, *(h for h in hits if h is not head_hit)]


def _pick(entries: tuple[NameEntry, ...], kind: str) -> NameEntry | None:
    return next((e for e in entries if e.kind == kind), None)


def _surname(entries: tuple[NameEntry, ...], published: date | None) -> NameEntry | None:
    """The person a bare family name stands for: the only bearer, or, of a few ("Powell"),
    the only one in office on the publication date."""
    bearers = [e for e in entries if e.kind == "surname" and e.person is not None]
    if len(bearers) <= 1:
        return bearers[0] if bearers else None
    serving = [
        e
        for e in bearers
        if e.person is not None and (found := e.person.role_on(published))[0] and not found[1]
    ]
    return serving[0] if len(serving) == 1 else None


def _from_entry(entry: NameEntry, head: Token, former: bool) -> Actor | None:
    if entry.kind in ("person", "surname", "coref", "learned", "feature"):
        return None  # people are handled with dates in step 1; features are no actors
    if entry.kind == "igo":
        return Actor.make(None, entry.sector, name=entry.name, via="igo", igo=entry.igo)
    if entry.kind in ("agency", "metonym"):
        if entry.country is None:
            return None  # generic body ("the Foreign Ministry"): country comes from the phrase
        return Actor.make(entry.country, entry.sector, name=entry.name, via=entry.kind)
    if entry.kind == "adjective" and _is_people_noun(head):
        return Actor.make(entry.country, "CVL", name=entry.name, via=entry.kind)
    if entry.kind in ("country", "adjective", "place"):
        return Actor.make(entry.country, "ELI" if former else None, name=entry.name, via=entry.kind)
    return None


def _country_in(hits: list[Hit]) -> str | None:
    for hit in hits:
        for entry in hit.entries:
            if entry.country:
                return entry.country
    return None


def _is_people_noun(head: Token) -> bool:
    """'Americans', 'the Chinese' as the head of the phrase: citizens, not the state."""
    hit = head._.detente_hit
    return (
        hit is not None
        and hit.start <= head.i < hit.end
        and (head.tag_ in ("NNS", "NNPS") or head.pos_ == "NOUN")
    )


def _person_name(tokens: list[Token]) -> str | None:
    names = [t for t in tokens if t.ent_type_ == "PERSON" and t._.detente_hit is None]
    return " ".join(t.text for t in names) or None


def _phrase_text(tokens: list[Token]) -> str:
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return Span(doc, tokens[0].i, tokens[-1].i + 1).text
