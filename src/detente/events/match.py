"""Applying lexicon patterns to a parsed sentence.

For each token whose lemma heads a pattern, the matcher checks the pattern's
required words among the head's dependents and fills its slots from the
parse: subjects (or `by`-agents in the passive, or the subject of a governing
verb for "is set to meet"), direct objects, prepositional objects, possessors
of nominal events, and every conjunct of each ("Singapore, Vietnam and the
Philippines"). It returns `Match` records naming tokens only; turning tokens
into actors is the coder's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from detente.events.lexicon import Alternations, Lexicon, Pattern, Slot
from detente.events.status import infinitive

# dependents that open a new clause: the pattern's words never come from there
CLAUSE_DEPS = frozenset(
    {
        "nsubj",
        "csubj",
        "ccomp",
        "advcl",
        "relcl",
        "conj",
        "parataxis",
        "mark",
        "cc",
        "punct",
        "acl",
        "appos",
    }
)
SUBJECT_DEPS = ("nsubj",)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
NOUN_MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")
MAX_DEPTH = 4
# verbs that address a that-clause to someone: "told Blinken that", "said to Blinken that"
ADDRESSING_VERBS = frozenset({"tell", "say", "stress", "complain", "insist"})
QUANTITY_WORDS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})
# "a series of US actions", "a wave of Chinese sanctions": the actor is in the of-phrase
COLLECTIVE_NOUNS = frozenset({"series", "string", "spate", "wave", "raft", "slew", "round"})
# "use the meetings to make clear ...": the object is the means, the subject still acts
PURPOSE_VERBS = frozenset({"use", "spend", "need", "take", "have", "make"})
VERB_POS = ("VERB", "AUX")
NO_ALTERNATIONS = Alternations(frozenset(), {})
NOUN_POS = ("NOUN", "PROPN")


@dataclass(slots=True)
class Match:
    """A pattern whose head, required words and slots were all found."""

    pattern: Pattern
    head: Token
    words: list[Token]
    source: list[Token]
    target: list[Token]
    climbed: bool = False  # the subject came from a governing or coordinated clause
    reciprocal: bool = False  # "A and B met": the target came from the subject's conjuncts
    support: Token | None = None  # "IMPOSED sanctions": the verb that lent its subject


@dataclass(slots=True)
class Attempt:
    """A pattern tried on a head word, and why it failed (for `detente explain`)."""

    pattern: Pattern
    head: Token
    reason: str | None = None
    match: Match | None = None


@dataclass(slots=True)
class SentenceMatches:
    matches: list[Match] = field(default_factory=list)
    attempts: list[Attempt] = field(default_factory=list)


def match_sentence(sent: Span, lexicon: Lexicon, keep_attempts: bool = False) -> SentenceMatches:
    """Every pattern match in the sentence (and, on request, every failed attempt)."""
    found = SentenceMatches()
    for token in sent:
        pos = "verb" if token.pos_ in VERB_POS else "noun" if token.pos_ in NOUN_POS else None
        if pos is None:
            continue
        lemma = american_lemma(token.lemma_.lower())
        for pattern in lexicon.for_head(lemma, pos):
            match, reason = try_pattern(pattern, token, lexicon.frames.alternations)
            if match is not None:
                found.matches.append(match)
            if keep_attempts:
                found.attempts.append(Attempt(pattern, token, reason, match))
        if pos == "verb" and lemma in lexicon.frames.request_verbs:
            request = _request_match(lexicon, token)
            if request is not None:
                found.matches.append(request)
        if pos == "verb" and lemma in ADDRESSING_VERBS and lexicon.frames.grievances:
            grievance = _grievance_match(lexicon, token)
            if grievance is not None:
                found.matches.append(grievance)
        if pos == "verb" and lemma in lexicon.frames.triggers:
            reaction = _reaction_match(lexicon, token)
            if reaction is not None:
                found.matches.append(reaction)
        reported = lexicon.frames.reported.get(lemma) if pos == "verb" else None
        if reported is not None:
            match = _reported_match(reported, token, lexicon.frames.reporting_verbs)
            if match is not None:
                found.matches.append(match)
            if keep_attempts:
                reason = None if match else "not the complement of a reporting verb with a subject"
                found.attempts.append(Attempt(reported, token, reason, match))
    return found


def _request_match(lexicon: Lexicon, verb: Token) -> Match | None:
    """ "X demanded that Y release Z": X makes a demand of Y (the clause's subject)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if clause is None or speaker is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    lemma = verb.lemma_.lower()
    requests = lexicon.frames.requests
    pattern = requests.get((lemma, clause.lemma_.lower())) or requests.get((lemma, ""))
    if pattern is None:
        return None
    return Match(pattern, verb, [clause], expand_members(speaker), expand_members(subject))


def _reaction_match(lexicon: Lexicon, trigger: Token) -> Match | None:
    """ "X's visit drew criticism from Y", "US actions prompted Y to protest": Y reacts to
    X. The reaction word is the event's head; the provoking act's actor is the target."""
    reaction = reactor = None
    for child in trigger.children:
        if child.dep_ == "dobj" and word_lemma(child) in lexicon.frames.reactions:
            # "protests from China", "drew criticism from Beijing"
            reaction = child
            reactor = _prep_object(child, "from") or _prep_object(trigger, "from")
        elif child.dep_ == "xcomp" and word_lemma(child) in lexicon.frames.reactions:
            reaction = child
            reactor = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if reaction is None or reactor is None:
        return None
    cause = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if cause is not None and cause.lower_ in RELATIVE_PRONOUNS and trigger.dep_ == "relcl":
        cause = trigger.head  # "the visit, which drew criticism from Beijing"
    if cause is None and trigger.dep_ == "advcl":
        # "The visit follows US actions ..., prompting Beijing to protest"
        governor = trigger.head
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
        cause = next(iter(objects + subjects), None)
    while cause is not None and cause.lemma_.lower() in COLLECTIVE_NOUNS:
        cause = _prep_object(cause, "of")  # "a series of US actions"
    if cause is None:
        return None
    # "Canada's arrest of a Huawei executive": the act's owner, not its object, provoked
    cause = _noun_owner(cause) or cause
    pattern = lexicon.frames.reactions[word_lemma(reaction)]
    return Match(pattern, reaction, [trigger], expand_members(reactor), [cause])


def _grievance_match(lexicon: Lexicon, verb: Token) -> Match | None:
    """ "Wang told Blinken that negative factors were growing": a complaint to the
    addressee, read from a grievance word in the that-clause."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    addressee = _prep_object(verb, "to")
    if verb.lemma_.lower() == "tell":
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), addressee)
    if clause is None or speaker is None or addressee is None:
        return None
    cue = next((t for t in clause.subtree if word_lemma(t) in lexicon.frames.grievances), None)
    if cue is None:
        return None
    return Match(
        lexicon.frames.grievances[word_lemma(cue)],
        verb,
        [cue],
        expand_members(speaker),
        [addressee],
    )


def _prep_object(token: Token, prep: str) -> Token | None:
    """The object of the preposition `prep` attached to `token` ("protests FROM China")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _reported_match(pattern: Pattern, head: Token, reporting: frozenset[str]) -> Match | None:
    """ "X said Y was stonewalling": X (the reporter) acts on Y (the subject of the report)."""
    verb = head.head
    if head.dep_ != "ccomp" or verb.lemma_.lower() not in reporting:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        # "saying the U.S. and Japan are stuck ...": the parser may take the clause's
        # subject for the reporting verb's object
        subject = next((c for c in verb.children if c.dep_ == "dobj" and c.i < head.i), None)
    if speaker is None or subject is None:
        return None
    return Match(pattern, head, [verb], expand_members(speaker), expand_members(subject))


def try_pattern(
    pattern: Pattern, head: Token, alternations: Alternations | None = None
) -> tuple[Match | None, str | None]:
    """Match one pattern at one head word; on failure say which part was missing."""
    alternations = alternations or NO_ALTERNATIONS
    region = _region(head)
    words: list[Token] = []
    for lemma in pattern.required:
        token = next((t for t in region if word_lemma(t) == lemma and t not in words), None)
        if token is None:
            return None, f"required word '{lemma}' is not a dependent of '{head.text}'"
        words.append(token)
    passive = pattern.pos == "verb" and _is_passive(head)
    filled: dict[str, list[Token]] = {"S": [], "T": []}
    climbed = reciprocal = False
    between: list[Token] = []
    # "Macron, along with von der Leyen, met Xi": with an object, the object is the other side
    # a nominal relation ("X's talks WITH Y") read off a pair token: "U.S.-Ukraine talks"
    relation = pattern.pos == "noun" and any(s.prep in ("with", "between") for s in pattern.slots)
    mutual = (pattern.symmetric or relation) and not any(
        c.dep_ == "dobj" and c._.detente_hit is not None for c in head.children
    )
    # "the Council ramped up sanctions on X": a support verb lends a nominal event its
    # subject, status and tense
    support = _support_verb(head, alternations) if pattern.pos == "noun" else None
    if support is not None:
        # "imposed sanctions ON X": the parser often hangs the target on the verb
        region = region + [t for t in _region(support) if t not in region and t != head]
    for slot in pattern.slots:
        tokens, was_climbed = _fill(
            slot, pattern, head, region, words, passive, between, support, alternations
        )
        subject_role = pattern.slots[0].role
        if not tokens and mutual and _names_a_pair(filled[subject_role]):
            # "the two sides met": both actors hide in one phrase; the coder unfolds it
            tokens = list(filled[subject_role])
            reciprocal = True
        elif not tokens and mutual and len(filled[subject_role]) > 1:
            # "Blinken and Wang met": the first conjunct acts on the others
            tokens = filled[subject_role][1:]
            filled[subject_role] = filled[subject_role][:1]
            reciprocal = True
        if not tokens:
            return None, f"no {_slot_name(slot, passive)} for {{{slot.role}}}"
        climbed = climbed or was_climbed
        filled[slot.role] = tokens
    used = support if support is not None and not _owns(_noun_owner(head, words)) else None
    match = Match(pattern, head, words, filled["S"], filled["T"], climbed, reciprocal, used)
    return match, None


def _owns(owner: Token | None) -> bool:
    """Whether a nominal event's modifier can name its actor: "US sanctions", "China's
    drills", not "military drills" (an adjective that names only a kind of actor) nor "a
    surprise visit"."""
    if owner is None:
        return False
    hit = owner._.detente_hit
    if hit is not None and hit.entries:
        return True  # "US sanctions", "China's drills"
    if hit is not None and hit.role is not None:
        return owner.pos_ != "ADJ"  # "police raids", not "military drills"
    # "its sanctions"; a word no dictionary knows ("a SURPRISE visit", "the FREEDOM SHIELD
    # exercises") is no owner
    return owner.pos_ == "PRON" and owner.dep_ == "poss"


def _support_verb(head: Token, alternations: Alternations) -> Token | None:
    """The verb a nominal event is the object (or passive subject) of, when it is one of
    the support verbs ("IMPOSED curbs on", "sanctions were SLAPPED on")."""
    thing = head
    while thing.dep_ == "compound" and thing.head.i != thing.i:
        thing = thing.head  # "supplied WEAPONS systems": the noun names the object's kind
    if thing.dep_ == "pobj" and thing.head.lower_ == "as" and thing.head.head.pos_ == "VERB":
        verb = thing.head.head  # "sent a carrier group AS A WARNING to Iran"
        return verb if word_lemma(verb) in alternations.support else None
    if (
        thing.dep_ == "pobj"
        and thing.head.lower_ in ("in", "of")
        and thing.head.head.dep_ in ("dobj", "nsubjpass")
    ):
        # "gave Chad 20 million euros IN AID", "opened two days OF NEGOTIATIONS": the sum or
        # the span is the object
        thing = thing.head.head
    verb = thing.head
    if thing.dep_ not in ("dobj", "nsubjpass") or verb.i == thing.i or verb.pos_ != "VERB":
        return None
    return verb if word_lemma(verb) in alternations.support else None


def _fill(
    slot: Slot,
    pattern: Pattern,
    head: Token,
    region: list[Token],
    words: list[Token],
    passive: bool,
    between: list[Token],
    support: Token | None,
    alternations: Alternations,
) -> tuple[list[Token], bool]:
    if slot.kind == "subject":
        if pattern.pos == "noun":
            owner = _noun_owner(head, words)
            if support is not None and not _owns(owner):
                # the support verb's subject, or its agent when it is passive
                if head.dep_ == "nsubjpass":
                    return expand_members(_agent(support)), False
                subject, climbed = _subject(support)
                return expand_members(subject), climbed
            return expand_members(owner), False
        if passive:
            # "Iran was threatened with the return of sanctions by Britain": a by-phrase
            # the parser hung lower down is still the passive's agent
            agent = _agent(head) or next(
                (
                    c
                    for t in region
                    if t.dep_ == "prep" and t.lower_ == "by"
                    for c in t.children
                    if c.dep_ == "pobj"
                ),
                None,
            )
            return expand_members(agent), False
        subject, climbed = _subject(head)
        members = expand_members(subject)
        if members:  # "Macron, along with von der Leyen, met Xi" parsed with the verb
            for companion in _companions(head):
                members.extend(c for c in expand_members(companion) if c not in members)
        return members, climbed
    if slot.kind == "object":
        anchors = [head, *words]
        if passive and pattern.pos == "verb":
            obj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        else:
            obj = next(
                (
                    c
                    for a in anchors
                    for c in a.children
                    if c.dep_ in ("dobj", "dative", "attr", "oprd")
                ),
                None,
            )
        return expand_members(obj), False
    # prepositional slot
    if slot.conjunct:
        return between[1:], False
    family = alternations.prepositions(slot.prep or "")
    preps = [
        t
        for t in region
        if t.lower_ in family
        and t.dep_ in ("prep", "agent", "dative")
        and t.head.lower_ not in ("along", "together")  # a companion, not an object
    ]
    # "imposed sanctions on X on Tuesday": the phrase on the pattern's own words comes first
    # the written preposition before the rest of its family
    preps.sort(
        key=lambda t: (t.lower_ != slot.prep, 0 if t.head in words else 1 if t.head == head else 2)
    )
    if not preps and support is not None and "to" in family:
        # dative shift: "gave CHAD aid", "sent UKRAINE 300 million dollars in aid"
        recipient = next((c for c in support.children if c.dep_ == "dative"), None)
        if recipient is not None:
            return expand_members(recipient), False
    for prep in preps:
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            members = expand_members(obj)
            if slot.prep == "between" and any(s.conjunct for s in pattern.slots):
                # "talks between {S} and {T}": the first member here, the rest as {T}
                between[:] = members
                return members[:1], False
            return members, False
    return [], False


def _region(head: Token) -> list[Token]:
    """Dependents of the head within the same clause, nearest first."""
    found: list[Token] = []
    frontier = [head]
    for _ in range(MAX_DEPTH):
        nxt = []
        for token in frontier:
            for child in token.children:
                if child.dep_ == "advcl":
                    # "pushed China to create ...", parsed as a purpose clause: its "to"
                    # still completes the head's frame, nothing else of it does
                    found.extend(c for c in child.children if c.dep_ == "aux" and c.lower_ == "to")
                if child.dep_ in CLAUSE_DEPS:
                    continue
                found.append(child)
                nxt.append(child)
        frontier = nxt
    return found


def word_lemma(token: Token) -> str:
    return american_lemma(token.lemma_.lower()) if token.pos_ != "ADP" else token.lower_


# stems before -ise that make an -ize verb ("apolog-ise", "recogn-ise", "critic-ise",
# "mobil-ise"); "promise", "exercise", "surprise", "advertise" keep their -ise
IZE_STEMS = (
    "og",
    "gn",
    "ic",
    "an",
    "al",
    "il",
    "ar",
    "at",
    "in",
    "on",
    "ym",
    "th",
    "ol",
    "im",
    "as",
    "er",
    "it",
    "us",
)


# lemmas the parser gets wrong, mended before lookup ("staged drills" -> "stag")
LEMMA_SLIPS = {"stag": "stage", "retook": "retake", "datum": "data", "dos": "dose"}


def american_lemma(lemma: str) -> str:
    """The lexicon is written in American spelling; British news says "apologised",
    "recognised", "defence", "labour". Only regular endings are mapped. Known slips of
    the parser's lemmatizer are mended too."""
    lemma = LEMMA_SLIPS.get(lemma, lemma)
    if lemma in ("defence", "offence", "licence"):
        return lemma[:-2] + "se"
    if lemma.endswith("isation"):
        return lemma[:-7] + "ization"
    if lemma.endswith("ise") and len(lemma) > 6 and lemma[:-3].endswith(IZE_STEMS):
        return lemma[:-3] + "ize"
    if lemma.endswith("yse") and len(lemma) > 5:
        return lemma[:-3] + "yze"
    if lemma.endswith("our") and len(lemma) > 5 and lemma not in ("detour", "devour"):
        return lemma[:-3] + "or"
    return lemma


def _is_passive(head: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)


def _agent(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _subject(head: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, climbing to a governing or coordinated clause when it has none."""
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        if subject.lower_ in RELATIVE_PRONOUNS and head.dep_ == "relcl":
            return head.head, True
        return subject, False
    token = head
    for _ in range(4):
        if token.dep_ in ("xcomp", "conj", "acomp") or (
            token.dep_ == "advcl" and token.tag_ == "VBG"
        ):  # "acomp": "Washington is ready to take action" climbs through "ready" to "is"
            gov = token.head
            if token.dep_ == "xcomp" and gov.lemma_.lower() not in PURPOSE_VERBS:
                # object control: "invited Putin to visit", "urged China to stop"
                controller = next((c for c in gov.children if c.dep_ == "dobj"), None)
                if controller is not None:
                    return controller, True
            subject = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject, True
            token = gov
        elif token.dep_ == "acl" and infinitive(token) and token.head._.detente_hit is None:
            # "Putin had no plans to meet Zelensky", "Beijing's decision to expel": the one
            # who has the plan acts (an actor noun keeps its place: "the first leader to visit")
            noun = token.head
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, True
            if noun.dep_ in ("dobj", "attr"):
                subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject, True
            return None, False
        elif token.dep_ in ("acl", "relcl"):
            return token.head, True
        else:
            break
    return None, False


def _noun_owner(head: Token, words: list[Token] | None = None) -> Token | None:
    """The possessor or modifier of a nominal event ("China's sanctions", "US sanctions"),
    past the pattern's own modifiers ("US MILITARY aid")."""
    modifiers = [
        c for c in head.children if c.dep_ in NOUN_MODIFIER_DEPS and c not in (words or ())
    ]
    # a possessor or a known name before any other modifier ("the new US aid" is US aid)
    modifiers.sort(key=lambda c: (c.dep_ != "poss", c._.detente_hit is None))
    if modifiers:
        return modifiers[0]
    return _prep_object(head, "by")


def expand_members(token: Token | None) -> list[Token]:
    """A token and its coordinated conjuncts ("Singapore, Vietnam and the Philippines")."""
    if token is None:
        return []
    while token.lower_ in QUANTITY_WORDS or (token.pos_ == "NUM" and token.dep_ != "nummod"):
        # "thousands of South Korean and US troops", "dozens of protesters": the of-phrase
        counted = _prep_object(token, "of")
        if counted is None:
            break
        token = counted
    if _nominal_event(token):
        # "condemned Canada's arrest of a Huawei executive": who did it, not to whom
        token = next(c for c in token.children if c.dep_ == "poss")
    members = [token]
    for member in members:
        members.extend(
            c
            for c in member.children
            if c.dep_ == "conj" and c not in members and not _nominal_event(c)
        )
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt" parsed with the second
        # country as an apposition of the first: two countries are never one another's
        if _is_country(member):
            members.extend(
                c
                for c in member.children
                if c.dep_ == "appos" and _is_country(c) and c not in members
            )
        # "Scholz, along with Macron and Draghi, visited Kyiv": companions act too
        for companion in _companions(member):
            members.extend(c for c in expand_members(companion) if c not in members)
    if len(members) == 1 and token.tag_ == "NNS" and not _names_someone(token):
        # "more than 20 countries, including the United States and Germany": the named ones
        named = _prep_object(token, "including")
        if named is not None:
            return expand_members(named)
    if len(members) == 1:
        # "imports from the EU, Canada and Mexico", "subsidiaries of Danone and Carlsberg":
        # the goods or units stand for each of their coordinated owners
        for child in token.children:
            holder = child if child.dep_ == "prep" else None
            if child.dep_ == "acl":  # "goods imported from the United States"
                holder = next((c for c in child.children if c.lower_ == "from"), None)
            if holder is not None and holder.lower_ in ("from", "of"):
                obj = next((c for c in holder.children if c.dep_ == "pobj"), None)
                if obj is not None and any(c.dep_ == "conj" for c in obj.children):
                    return expand_members(obj)
        # "Chinese and Australian ministers": one noun, two nationalities -> two actors
        # (only names the dictionaries know: "steel and aluminium imports" are one thing)
        for child in token.children:
            if (
                child.dep_ in ("amod", "compound", "nmod")
                and child._.detente_hit is not None
                and any(c.dep_ == "conj" for c in child.children)
            ):
                return expand_members(child)
    return members


def _is_country(token: Token) -> bool:
    hit = token._.detente_hit
    return hit is not None and any(e.kind == "country" for e in hit.entries)


def _names_someone(token: Token) -> bool:
    """A noun the dictionaries know as a name ("Americans") or one with a known
    modifier ("Chinese officials"), not a bare role or group ("leaders", "countries")."""
    hit = token._.detente_hit
    if hit is not None and hit.entries:
        return True
    return any(
        c.dep_ in ("amod", "compound", "nmod", "poss") and c._.detente_hit is not None
        for c in token.children
    )


def _companions(token: Token) -> list[Token]:
    """The objects of "along with", "together with" and "alongside" on an actor phrase."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ != "prep":
            continue
        holder = child if child.lower_ == "alongside" else None
        if child.lower_ in ("along", "together"):
            holder = next((c for c in child.children if c.lower_ == "with"), None)
        if holder is not None:
            found.extend(c for c in holder.children if c.dep_ == "pobj")
    return found


def _names_a_pair(tokens: list[Token]) -> bool:
    """One plural noun counted as two ("the two sides", "both governments"), or one token
    naming two ("U.S.-Ukraine talks")."""
    if len(tokens) != 1:
        return False
    hit = tokens[0]._.detente_hit
    if hit is not None and hit.pair is not None:
        return True
    return tokens[0].tag_ in ("NNS", "NNPS") and any(
        c.lower_ in ("two", "both") for c in tokens[0].children
    )


def _nominal_event(token: Token) -> bool:
    """ "the United States' downing of a balloon": an event of its own, not one more actor
    coordinated with the one before ("a tour to Taiwan and the United States' downing ...")."""
    children = {c.dep_ for c in token.children}
    return "poss" in children and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _slot_name(slot: Slot, passive: bool) -> str:
    if slot.kind == "subject":
        return "by-agent" if passive else "subject or possessor"
    if slot.kind == "object":
        return "passive subject" if passive else "direct object"
    return f"object of '{slot.prep}'"
