"""From pattern matches to coded events.

For every match the coder resolves the slot tokens to actors, reads the
status, adjusts the code (a planned meeting is 036), dates and places the
event, and drops what must not be coded: a slot with no resolved actor, an
actor acting on itself, an event subsumed by the verb that governs it
("threatened to impose sanctions" is a threat, not a sanction), and
same-sentence duplicates. No match, no event: there is no fallback code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from detente.actors.resolve import ActorResolver
from detente.events.lexicon import Lexicon
from detente.events.match import Match, SentenceMatches, match_sentence
from detente.events.proposer import PROPOSER, Proposer
from detente.events.status import StatusCues
from detente.ontology import Ontology
from detente.schema import Actor, Event, Location, Mention, Status, stable_hash
from detente.timeplace.dates import DateResolver, ResolvedDate, Tense
from detente.timeplace.places import Gazetteer

PLANNED_MEETING = "036"
MEETING = "040"
THIRD_COUNTRY_MEETING = "044"
CONSULT_ROOT = "04"
VISIT_CODES = frozenset({"042", "043"})
LOCATION_PREPS = frozenset({"in", "at", "through", "across"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TIME_ENTS = frozenset({"DATE", "TIME"})
PAST_TAGS = frozenset({"VBD", "VBN"})
BOUNDARY_PREPS = frozenset({"since", "until", "till"})
THREAT, INTENT = "threat", "intent"  # the keyed frames, named in an event's rule
KEYED_ROOTS = ("03", "13")  # the roots of the codes the keyed frames give
UNPLACED = "unplaced"  # Actor.via of a role noun whose phrase names no country
IMPLIED = "implied"  # Actor.via of a one-sided event's implied target


@dataclass(slots=True)
class Decision:
    """Why a match did or did not become an event (shown by `detente explain`)."""

    match: Match
    outcome: str
    event: Event | None = None


@dataclass(slots=True)
class SentenceCoding:
    events: list[Event] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)  # named arguments no dictionary knew
    matched: SentenceMatches | None = None
    decisions: list[Decision] = field(default_factory=list)


@dataclass(slots=True)
class ArticleContext:
    """What the coder needs to know about the article a sentence comes from, and what it
    has learned so far reading it (for "earlier that day" and unplaced venues)."""

    article_id: str
    published: date | None
    last_date: date | None = None
    last_location: Location | None = None
    dateline: Location | None = None
    year_only: bool = False  # the publication date is only a year (from a copyright line)
    home: str | None = None  # the country the story is about, for actors it does not place


class EventCoder:
    """Codes the events of one sentence at a time; holds only loaded knowledge."""

    def __init__(
        self,
        ontology: Ontology,
        lexicon: Lexicon,
        cues: StatusCues,
        resolver: ActorResolver,
        dates: DateResolver,
        gazetteer: Gazetteer,
        proposer: Proposer | None = None,
    ) -> None:
        self.ontology = ontology
        self.lexicon = lexicon
        self.cues = cues
        self.resolver = resolver
        self.dates = dates
        self.gazetteer = gazetteer
        self.proposer = proposer  # the learned reading of verbs the lexicon does not list

    def code_sentence(
        self, sent: Span, index: int, context: ArticleContext, explain: bool = False
    ) -> SentenceCoding:
        matched = match_sentence(sent, self.lexicon, keep_attempts=explain)
        coding = SentenceCoding(matched=matched if explain else None)
        candidates: list[tuple[Event, Match, int]] = []
        proposed = (
            self.proposer.propose(
                sent, {m.head.i for m in matched.matches}, self.lexicon.frames.reporting_verbs
            )
            if self.proposer is not None
            else []
        )
        for match in [*matched.matches, *proposed]:
            made = self._events_for(match, sent, index, context, coding)
            candidates.extend((event, match, match.pattern.specificity) for event in made)
        kept = self._prune(candidates, coding)
        coding.events = kept
        return coding

    # -- one match ----------------------------------------------------------

    def _events_for(
        self,
        match: Match,
        sent: Span,
        index: int,
        context: ArticleContext,
        coding: SentenceCoding,
    ) -> list[Event]:
        published = context.published
        if match.reciprocal and match.source == match.target:
            pair = self.resolver.resolve_pair(match.source[0], published)
            sources, targets = pair[:1], pair[1:]
        else:
            found = {
                t.i: self.resolver.resolve(t, published) or self.resolver.resolve_unplaced(t)
                for t in (*match.source, *match.target)
            }
            # "the three nations accused the bloc": a counted group is the countries before it
            groups = {
                t.i: self.resolver.resolve_pair(t, published)
                for t in (*match.source, *match.target)
                if found[t.i] is None
            }
            sources = [m for t in match.source for m in _one_or_group(found[t.i], groups, t)]
            targets = [m for t in match.target for m in _one_or_group(found[t.i], groups, t)]
            for token in (*match.source, *match.target):
                name = _proper_name(token)
                if (
                    found[token.i] is None
                    and token.pos_ == "PROPN"
                    and token.text[:1].isupper()
                    and token.ent_type_ not in TIME_ENTS
                    and name not in coding.unresolved
                ):
                    coding.unresolved.append(name)
        if match.pattern.one_sided and sources:
            targets = [_implied_target(match.head)]
        if not sources or not targets:
            missing = "source" if not sources else "target"
            coding.decisions.append(
                Decision(match, f"no event: the {missing} is not a known actor")
            )
            return []
        status, cue = self.cues.status_of(_anchor(match))
        code = match.pattern.code
        rule = _rule(match)
        keyed = self._keyed(_anchor(match), code)
        if keyed is not None:
            # "is ready to take action against X", "agreed to hold drills with X": the
            # threat or the stated intent is what happened
            code, frame, cue_word = keyed
            rule += f"+{frame}"
            status, cue = self.cues.status_of(cue_word)
        elif code.startswith(CONSULT_ROOT) and (
            status is Status.PLANNED
            or (status is Status.NEGATED and self.cues.planned_in_chain(_anchor(match)))
        ):
            code = PLANNED_MEETING
        when = self._date(match, sent, status, context)
        events = []
        for named_source, named_target in _pairs(sources, targets):
            location = self._location(match, code, named_source, named_target, context)
            placed_source = _placed(named_source, location, context)
            placed_target = _placed(named_target, location, context, placed_source)
            if placed_source is None or placed_target is None:
                coding.decisions.append(Decision(match, "no event: no country for an actor"))
                continue
            source, target = placed_source, placed_target
            event_code = self._against_person(match, code, target)
            domestic = source.actor.country and source.actor.country == target.actor.country
            if domestic and not match.pattern.one_sided:
                # "Pakistan designated the BLA a terrorist group": sanctions at home are 172
                event_code = self.lexicon.frames.domestic_codes.get(event_code, event_code)
            if code.startswith(CONSULT_ROOT) or code == PLANNED_MEETING:
                source, target = _visitor_first(source, target, location)
                if code == MEETING and _third_country(source, target, location):
                    event_code = THIRD_COUNTRY_MEETING
            entry = self.ontology[event_code]
            if not match.pattern.one_sided and _same_actor(source, target):
                coding.decisions.append(
                    Decision(match, "no event: source and target are the same actor")
                )
                continue
            event = Event(
                event_id=stable_hash(
                    context.article_id,
                    index,
                    source.actor.code,
                    target.actor.code,
                    event_code,
                    match.head.i,
                ),
                article_id=context.article_id,
                sentence_index=index,
                evidence=sent.text.strip(),
                source=source,
                target=target,
                cameo=event_code,
                cameo_root=entry.root,
                goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                plover_type=entry.plover_type,
                plover_mode=entry.plover_mode,
                status=status,
                date=when.date if when else published,
                date_precision=when.precision if when else ("published" if published else None),
                location=location,
                rule=rule,
                confidence=_confidence(match, source, target),
                trigger=" ".join(
                    t.text for t in sorted([match.head, *match.words], key=lambda t: t.i)
                ),
                pattern=match.pattern.pattern,
                status_cue=cue,
                target_implied=match.pattern.one_sided,
            )
            coding.decisions.append(Decision(match, "event", event))
            events.append(event)
        return events

    def _keyed(self, head: Token, code: str) -> tuple[str, str, Token] | None:
        """The threat or intent code, the frame's name and its cue word, when a threat or
        intent word governs the act at `head` and the frame lists the act's code."""
        frames = self.lexicon.frames
        for name, frame in ((THREAT, frames.threats), (INTENT, frames.intents)):
            cue = frame.cue(head)
            keyed = frame.code_for(code) if cue is not None else None
            if cue is not None and keyed is not None:
                return keyed, name, cue
        return None

    def _against_person(self, match: Match, code: str, target: Mention) -> str:
        """ "killed Hezbollah leader Hassan Nasrallah": an attack on a named person is an
        assassination (or an attempt), by the verb (data/events/persons.yaml)."""
        person_code = self.lexicon.frames.person_acts.get(match.head.lemma_.lower())
        if person_code is None or code[:2] not in ("18", "19"):
            return code
        if any(c.dep_ == "prt" for c in match.head.children):
            return code  # "shot down a balloon"
        # the target's head word is the name ("25 Kataib Hezbollah fighters" are not named)
        heads = [t for t in match.target if target.start <= t.i < target.end]
        named = any(t.ent_type_ == "PERSON" or _titled_name(t) for t in heads)
        return person_code if named else code

    def _date(
        self, match: Match, sent: Span, status: Status, context: ArticleContext
    ) -> ResolvedDate | None:
        published = context.published
        if published is None:
            return None
        if context.year_only:
            # nothing relative can be anchored on a bare year: only explicit dates count
            for span in _time_expressions(match, sent):
                found = self.dates.resolve(span.text, published, Tense.NEAREST)
                if found is not None and str(found.date.year) in span.text:
                    return found
            return ResolvedDate(published, "year", "")
        if status is Status.PLANNED:
            tense = Tense.FUTURE
        elif any(t.tag_ in PAST_TAGS for t in _chain(_anchor(match))):
            tense = Tense.PAST
        else:
            tense = Tense.NEAREST
        for span in _time_expressions(match, sent):
            # the entity may hold part of the phrase ("morning" of "Monday morning")
            phrase = span.root.doc[span.root.left_edge.i : span.root.right_edge.i + 1].text
            for text in (span.text, phrase):
                resolved = self.dates.resolve(text, published, tense, context.last_date)
                if resolved is not None:
                    context.last_date = resolved.date
                    return resolved
        return None

    def _location(
        self, match: Match, code: str, source: Mention, target: Mention, context: ArticleContext
    ) -> Location | None:
        """The place in the event's clause ("in Tianjin"); a venue the gazetteer does not
        know ("at the Diaoyutai State Guesthouse") takes the article's last place; a visit
        takes its destination; else the dateline."""
        prefer = (source.actor.country, target.actor.country)
        for token in _clause_tokens(match):
            if token.dep_ == "prep" and token.lower_ in LOCATION_PREPS:
                for obj in token.children:
                    if obj.dep_ != "pobj":
                        continue
                    # "in Russia's Far East": a region unknown by name is placed by its owner
                    owners = [c for c in obj.children if c.dep_ == "poss"]
                    for place in (obj, *owners):
                        found = self._place(place, prefer, context)
                        if found is not None:
                            return found
                    if obj.ent_type_ == "FAC" and context.last_location is not None:
                        last = context.last_location
                        return Location(
                            _entity_text(obj),
                            last.country,
                            last.admin1,
                            last.lat,
                            last.lon,
                            source="clause",
                        )
        for anchor in _chain(_anchor(match)):
            # "visiting Shanghai, where he pushed China to ...": the place the clause modifies
            if anchor.dep_ == "relcl" and any(c.lower_ == "where" for c in anchor.children):
                found = self._place(anchor.head, prefer, context)
                if found is not None:
                    return found
        if code in VISIT_CODES or code == PLANNED_MEETING:
            place_kinds = ("country", "place", "metonym")
            if target.actor.via in place_kinds and target.actor.name:
                return self.gazetteer.lookup(target.text, prefer) or self.gazetteer.lookup(
                    target.actor.name, prefer
                )
        return context.dateline

    def _place(
        self, token: Token, prefer: tuple[str | None, ...], context: ArticleContext
    ) -> Location | None:
        """A place-like name geocoded, and remembered as the article's last place."""
        if token.ent_type_ not in PLACE_ENTS and not _known_place(token):
            return None
        found = self._geocode(token, prefer)
        if found is not None:
            found = replace(found, source="clause")
            context.last_location = found
        return found

    def _geocode(self, token: Token, prefer: tuple[str | None, ...]) -> Location | None:
        """A place name, checked against what the dictionaries know of it.

        "the White House" is a US seat of power, not the Casablanca of GeoNames'
        alternate names: when the dictionaries give the name a country, only a place
        in that country will do, else the country's capital stands in for it.
        """
        name = _entity_text(token)
        country = _known_place(token)
        found = self.gazetteer.lookup(name, (country, *prefer) if country else prefer)
        if country is None or (found is not None and found.country == country):
            return found
        capital = self.resolver.book.capitals.get(country)
        seat = self.gazetteer.lookup(capital, (country,)) if capital else None
        if seat is not None:
            return Location(name, country, seat.admin1, seat.lat, seat.lon)
        return Location(name, country)

    # -- the whole sentence -------------------------------------------------

    def _prune(
        self, candidates: list[tuple[Event, Match, int]], coding: SentenceCoding
    ) -> list[Event]:
        """Drop subsumed events and duplicates; the most specific pattern's event wins."""
        heads = {m.head.i: m for _, m, _ in candidates}
        ranked = sorted(candidates, key=lambda c: (-c[2], -c[0].confidence))
        # one predicate, one reading: at a head word (or the support verb of a nominal event)
        # the most specific pattern that made an event wins ("blamed the hack on X" over
        # "blamed <the hack>"); a one-sided reading is a fallback and sets no bar
        best_at: dict[int, int] = {}
        for _, match, specificity in ranked:
            if not match.pattern.one_sided:
                best_at.setdefault(_anchor(match).i, specificity)
        named_at = {m.head.i for e, m, _ in candidates if not e.target_implied}
        # "held talks with" read twice: by a verb entry that names the noun, and by the noun's
        # entry through its support verb; the more specific reading wins, the noun's on a tie
        consumed: dict[int, int] = {}  # noun -> the most specific verb entry naming it
        supported: dict[int, int] = {}  # noun -> its most specific reading through a support verb
        for _, m, spec in candidates:
            if m.support is not None:
                supported[m.head.i] = max(spec, supported.get(m.head.i, spec))
            elif not m.pattern.one_sided:
                for word in m.words:
                    consumed[word.i] = max(spec, consumed.get(word.i, spec))
        taken: set[tuple] = set()
        kept: list[Event] = []
        # "agreed to hold drills with X": the stated intent replaces "agree with X"
        # (unless the governing entry is itself a threat or an intent: "agree to send weapons
        # to X" written out)
        replaced = {
            id(g)
            for e, m, _ in candidates
            if _keyed_rule(e)
            and (g := _governing_match(m, heads)) is not None
            and g.pattern.code[:2] not in KEYED_ROOTS
        }
        for event, match, specificity in ranked:
            pair = _pair_key(event)
            governor = _governing_match(match, heads)
            if id(match) in replaced:
                _note(coding, event, "dropped: the act it governs is coded as threat or intent")
                continue
            if _keyed_rule(event):
                governor = None
            if governor is not None and any(
                _pair_key(e) == pair for e, m, _ in candidates if m is governor
            ):
                _note(
                    coding,
                    event,
                    f"dropped: part of '{governor.pattern.pattern}' on '{governor.head.text}'",
                )
                continue
            if _requested(match.head, self.lexicon.frames.request_verbs):
                _note(coding, event, "dropped: asked for, not done")
                continue
            if specificity < best_at.get(_anchor(match).i, specificity):
                _note(coding, event, "dropped: a more specific pattern read this word")
                continue
            if match.support is not None and consumed.get(match.head.i, -1) > specificity:
                _note(coding, event, "dropped: the support verb's own entry reads this noun")
                continue
            if match.support is None and any(
                supported.get(w.i, -1) >= specificity for w in match.words
            ):
                _note(coding, event, "dropped: the noun's own entry reads it more closely")
                continue
            if event.target_implied and {match.head.i, *(w.i for w in match.words)} & named_at:
                _note(coding, event, "dropped: the predicate names its target")
                continue
            keys = {(*pair, "code", event.cameo), (*pair, "head", match.head.i)}
            if keys & taken:
                _note(coding, event, "dropped: duplicate of a more specific match")
                continue
            taken |= keys
            kept.append(event)
        return sorted(kept, key=lambda e: (e.source.start, e.target.start, e.cameo))


def _keyed_rule(event: Event) -> bool:
    """An event coded by a keyed frame: a threat or a stated intent."""
    return event.rule.endswith(("+" + THREAT, "+" + INTENT))


def _one_or_group(
    mention: Mention | None, groups: dict[int, list[Mention]], token: Token
) -> list[Mention]:
    return [mention] if mention is not None else groups.get(token.i, [])


def _anchor(match: Match) -> Token:
    """The word whose clause holds the event's status, tense, time and place: the head,
    or the support verb of a nominal event ("WILL IMPOSE sanctions on X")."""
    return match.support or match.head


def _implied_target(head: Token) -> Mention:
    """The target CAMEO implies for a one-sided event: the government of the country where
    it happens (placed like any actor without a country, by `_placed`)."""
    return Mention("", head.i, head.i + 1, Actor.make(None, "GOV", via=IMPLIED))


def _placed(
    mention: Mention,
    location: Location | None,
    context: ArticleContext,
    other: Mention | None = None,
) -> Mention | None:
    """An actor the text names without a country ("police", "protesters", a one-sided
    event's implied government) belongs where the event happens: the clause's place,
    else the dateline's, else the country the story is about; else the other side's
    country for an implied target. None when nothing places it: never invented."""
    actor = mention.actor
    if actor.via not in (UNPLACED, IMPLIED):
        return mention
    country = (location.country if location else None) or context.home
    if country is None and actor.via == IMPLIED and other is not None:
        country = other.actor.country
    if country is None:
        return None
    placed = Actor.make(country, actor.sector, name=actor.name, role=actor.role, via=actor.via)
    return replace(mention, actor=placed)


def _pairs(sources: list[Mention], targets: list[Mention]) -> list[tuple[Mention, Mention]]:
    return [(s, t) for s in sources for t in targets]


def _third_country(source: Mention, target: Mention, location: Location | None) -> bool:
    """A meeting held in a country that is neither party's is CAMEO 044."""
    countries = (source.actor.country, target.actor.country)
    return (
        location is not None
        and location.country is not None
        and None not in countries
        and location.country not in countries
    )


def _visitor_first(
    source: Mention, target: Mention, location: Location | None
) -> tuple[Mention, Mention]:
    """PLOVER direction for meetings: the visitor is the source, the host the target.

    "Xi met Blinken in Beijing" is coded USA -> CHN: the meeting took place in
    the target's country only when the source is the guest.
    """
    if location is None or location.country is None or location.source == "dateline":
        return source, target  # where the story was filed says nothing of who travelled
    if source.actor.country == location.country and target.actor.country not in (
        None,
        location.country,
    ):
        return target, source
    return source, target


def _requested(head: Token, request_verbs: frozenset[str]) -> bool:
    """The act inside "demanded that Y <act>" was asked for, not done."""
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in request_verbs


def _pair_key(event: Event) -> tuple[str, str]:
    """One event per (source, target, code) per sentence: actors count by code, not name."""
    return (event.source.actor.code, event.target.actor.code)


def _same_actor(a: Mention, b: Mention) -> bool:
    same_span = (a.start, a.end) == (b.start, b.end)
    return (same_span and a.actor.code == b.actor.code) or (
        a.actor.code == b.actor.code and a.actor.name == b.actor.name
    )


def _governing_match(match: Match, heads: dict[int, Match]) -> Match | None:
    token = _anchor(match)
    while token.dep_ in ("xcomp", "ccomp", "acomp") and token.head.i != token.i:
        token = token.head  # "acomp": "is WILLING to work with" -> "is"
        found = heads.get(token.i)
        if found is not None:
            return found
    return None


def _note(coding: SentenceCoding, event: Event, outcome: str) -> None:
    for decision in coding.decisions:
        if decision.event is event:
            decision.outcome = outcome


def _chain(head: Token) -> list[Token]:
    """The head and the verbs above it whose time and place are the event's too:
    "is set TO MEET" and "SAID on Thursday that China was stonewalling"."""
    chain = [head]
    while chain[-1].dep_ in ("xcomp", "ccomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for child in head.children:
        if child.dep_ in ("aux", "auxpass"):
            chain.append(child)
    return chain


def _clause_tokens(match: Match) -> list[Token]:
    """Tokens attached to the event's head and the verbs governing it, nearest first."""
    tokens: list[Token] = []
    for anchor in _chain(_anchor(match)):
        frontier = [anchor]
        for _ in range(4):  # deep enough for "spend hours with X during talks at Y"
            nxt = []
            for token in frontier:
                for child in token.children:
                    # "Ukrainians LIVING in Poland demonstrated in Warsaw": a clause that
                    # describes a participant (acl) does not place the event
                    if child.dep_ not in ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis"):
                        tokens.append(child)
                        nxt.append(child)
            frontier = nxt
    return tokens


def _time_expressions(match: Match, sent: Span) -> list[Span]:
    """DATE/TIME entities in the event's clause, else (main-clause events) the root clause's."""
    clause = {t.i for t in _clause_tokens(match)}
    in_clause, elsewhere = [], []
    for ent in sent.ents:
        if ent.label_ not in TIME_ENTS:
            continue
        if ent.root.head.lower_ in BOUNDARY_PREPS:
            continue  # "the first visit since 2018" is not dated 2018
        if any(t.i in clause for t in ent):
            in_clause.append(ent)
        elif ent.root.head == sent.root or ent.root.head.head == sent.root:
            elsewhere.append(ent)
    if in_clause:
        return in_clause
    return elsewhere if match.head == sent.root else []


def _titled_name(token: Token) -> bool:
    """A proper name after a title ("General Igor Kirillov"), whatever the tagger called it."""
    return token.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c._.detente_hit is not None and c._.detente_hit.role is not None
        for c in token.lefts
    )


def _known_place(token: Token) -> str | None:
    """The country the dictionaries give a place-like name (capital, city, seat of power)."""
    hit = token._.detente_hit
    if hit is None:
        return None
    for entry in hit.entries:
        if entry.kind in ("metonym", "place", "country") and entry.country:
            return entry.country
    return None


def _entity_text(token: Token) -> str:
    if token.ent_iob_ != "O":
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                text = ent.text
                return text[4:] if text.lower().startswith("the ") else text
    return token.text


def _proper_name(token: Token) -> str:
    """The proper-noun run around a token ("Fudan University"), as a user would add it."""
    left = token.i
    while (
        left > 0 and token.doc[left - 1].pos_ == "PROPN" and token.doc[left - 1].dep_ == "compound"
    ):
        left -= 1
    return token.doc[left : token.i + 1].text


def _rule(match: Match) -> str:
    """Head lemma, part of speech and frame: "meet.v:subj-prep_with", "meet.v:subj-conj"."""
    frame = "subj-conj" if match.reciprocal else match.pattern.frame
    pos = "n" if match.head.pos_ in ("NOUN", "PROPN") else "v"
    if "#grievances." in match.pattern.origin:
        frame = "grievance"
    elif match.pattern.origin.startswith("reported.yaml"):
        frame = "reported"
    elif match.pattern.origin.startswith("requests.yaml"):
        frame = "request"
    elif match.pattern.origin.startswith("reactions.yaml"):
        frame = "reaction"
    elif match.pattern.origin == PROPOSER:
        frame += "+" + PROPOSER
    return f"{match.pattern.head}.{pos}:{frame}"


def _confidence(match: Match, source: Mention, target: Mention) -> float:
    """A documented heuristic: direct frames score higher than inferred ones."""
    score = 0.9 if match.pattern.pos == "verb" else 0.8
    if match.climbed:
        score -= 0.1
    if source.actor.sector is None or target.actor.sector is None:
        score -= 0.05
    if match.reciprocal:
        score -= 0.05
    if match.pattern.one_sided or UNPLACED in (source.actor.via, target.actor.via):
        score -= 0.2  # an actor placed by the story, not named with its country
    return round(max(score, 0.1), 2)
