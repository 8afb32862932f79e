"""The event lexicon: readable patterns compiled into dependency constraints.

A pattern such as ``{S} impose sanction on {T}`` (see docs/lexicon.md) becomes
a `Pattern`: head lemma ``impose``, a subject slot for the source, a required
dependent ``sanction``, and a target slot that is the object of ``on``. The
matcher in `detente.events.match` applies them to parsed sentences.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Token

from detente.errors import DataFileError
from detente.knowledge import combined_digest, data_path, load_yaml, require
from detente.ontology import Ontology

ROLES = {"{S}": "S", "{T}": "T"}
ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    """about above across after against along amid among around as at before behind below
    beside between beyond by during for from in inside into near of off on onto opposite out
    outside over past per regarding through throughout to toward towards under until upon via
    with within without""".split()  # noqa: SIM905 -- a word list reads better as text
)


@dataclass(frozen=True, slots=True)
class Slot:
    """Where an actor sits relative to the head word."""

    role: str  # "S" (source) or "T" (target)
    kind: str  # "subject" (verb subject / noun possessor), "object", "prep"
    prep: str | None = None
    conjunct: bool = False  # second member of "between {S} and {T}"


@dataclass(frozen=True, slots=True)
class Pattern:
    """One compiled lexicon entry."""

    pattern: str
    code: str
    pos: str  # "verb" or "noun"
    head: str
    slots: tuple[Slot, ...]
    required: tuple[str, ...]  # other lemmas that must be dependents of the head
    symmetric: bool
    origin: str  # file and entry number, for `explain`

    @property
    def specificity(self) -> int:
        """Longer patterns are more specific: they win over shorter ones on the same words."""
        return len(self.required) * 2 + sum(1 for s in self.slots if s.prep)

    @property
    def one_sided(self) -> bool:
        """A pattern with no {T} ("{S} march", "{S} go on strike") names no target: the
        coder supplies the implied one (the government where it happens)."""
        return all(slot.role != "T" for slot in self.slots)

    @property
    def frame(self) -> str:
        """A short name of the syntactic frame, used in the `rule` field."""
        parts = []
        for slot in self.slots:
            parts.append(
                f"prep_{slot.prep}" if slot.prep else ("subj" if slot.kind == "subject" else "dobj")
            )
        return "-".join(parts)


def compile_pattern(
    text: str, code: str, *, pos: str = "verb", symmetric: bool = False, origin: str = ""
) -> Pattern:
    """Compile the pattern language of docs/lexicon.md; raises ValueError when malformed."""
    words = text.lower().replace("'s", " 's").split()
    words = [w.upper() if w in ("{s}", "{t}") else w for w in words]
    roles = [w for w in words if w in ROLES]
    if sorted(roles) not in (["{S}", "{T}"], ["{S}"]):
        raise ValueError("needs one {S} and one {T} (or, for a one-sided event, one {S})")
    if pos not in ("verb", "noun"):
        raise ValueError(f"pos must be 'verb' or 'noun', not {pos!r}")
    content = [w for w in words if w not in ARTICLES and w != "'s"]
    head_at = next((i for i, w in enumerate(content) if w not in ROLES), None)
    if head_at is None:
        raise ValueError("has no head word")
    head = content[head_at]
    slots: list[Slot] = []
    required: list[str] = []
    if head_at > 0:
        if head_at > 1:
            raise ValueError("only one placeholder may stand before the head word")
        slots.append(Slot(ROLES[content[0]], "subject"))
    elif pos == "verb":
        raise ValueError("a verb pattern needs a placeholder before the verb (its subject)")
    rest = content[head_at + 1 :]
    if pos == "noun":
        # "{S} military aid to {T}", "{S} drone strike on {T}": in a noun pattern the last
        # word of the first run is the head noun, the words before it its modifiers
        run = 0
        while run < len(rest) and rest[run] not in ROLES and rest[run] not in PREPOSITIONS:
            if rest[run] == "and":
                break
            run += 1
        if run:
            required.extend([head, *rest[: run - 1]])
            head = rest[run - 1]
            rest = rest[run:]
    for i, word in enumerate(rest):
        if word in ROLES:
            prev = rest[i - 1] if i > 0 else None
            if prev == "and" and slots and slots[-1].prep == "between":
                slots.append(Slot(ROLES[word], "prep", "between", conjunct=True))
            elif prev is not None and prev in PREPOSITIONS:
                slots.append(Slot(ROLES[word], "prep", prev))
            else:
                slots.append(Slot(ROLES[word], "object"))
            continue
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        if word in PREPOSITIONS and nxt in ROLES:
            continue  # bound to the slot that follows
        if word == "and" and nxt in ROLES:
            continue
        required.append(word)
    return Pattern(text, code, pos, head, tuple(slots), tuple(required), symmetric, origin)


@dataclass(frozen=True, slots=True)
class KeyedFrame:
    """Acts a speaker says it will do, coded by the CAMEO codebook as the speaker's own
    act keyed by the inner one: a threat (data/events/threats.yaml: "threatened to impose
    sanctions" is 1312) or a stated intent (data/events/intents.yaml: "agreed to hold
    joint drills" is 0312)."""

    verbs: frozenset[str]  # "threatened to suspend relations", "agreed to hold talks"
    adjectives: frozenset[str]  # "is ready to take action", "is willing to withdraw"
    acts: dict[str, str]  # act code prefix -> the frame's code

    def code_for(self, act: str) -> str | None:
        """The frame's code for an act, by the act code's longest listed prefix."""
        for size in range(len(act), 1, -1):
            if act[:size] in self.acts:
                return self.acts[act[:size]]
        return None

    def cue(self, head: Token) -> Token | None:
        """The word that makes the act at `head` a threat or an intent: a verb or adjective
        it is the open complement of ("THREATENED to expel", "is READY to take action")."""
        token = head
        while token.dep_ == "xcomp" and token.head.i != token.i:
            token = token.head
            word = (token.lemma_.lower(), token.lower_)
            if token.pos_ in ("VERB", "AUX") and set(word) & self.verbs:
                return token
            if token.pos_ == "ADJ" and set(word) & self.adjectives:
                return token
        return None

    @classmethod
    def load(cls, ontology: Ontology, path: Path, key: str) -> tuple[KeyedFrame, str]:
        """Read a frame file whose `acts` map an act code prefix to the code under `key`."""
        data = load_yaml(path, "acts", "cues")
        acts: dict[str, str] = {}
        for number, entry in enumerate(data.entries, 1):
            require(path, entry, number, "act", key)
            act, coded = str(entry["act"]), str(entry[key])
            for code in (act, coded):
                if code not in ontology:
                    raise DataFileError(path, f"act {number}: unknown CAMEO code {code!r}")
            acts[act] = coded
        words: dict[str, set[str]] = {"verb": set(), "adj": set()}
        for number, entry in enumerate(data.section("cues"), 1):
            require(path, entry, number, "word", "pos")
            if entry["pos"] not in words:
                raise DataFileError(path, f"cue {number}: pos must be 'verb' or 'adj'")
            words[entry["pos"]].add(str(entry["word"]).lower())
        return cls(frozenset(words["verb"]), frozenset(words["adj"]), acts), data.digest


def load_domestic_codes(ontology: Ontology, path: Path | None = None) -> tuple[dict[str, str], str]:
    """International code -> the code of the same act at home (data/events/domestic.yaml)."""
    path = path or data_path("events", "domestic.yaml")
    data = load_yaml(path, "codes")
    codes: dict[str, str] = {}
    for number, entry in enumerate(data.entries, 1):
        require(path, entry, number, "international", "domestic")
        pair = (str(entry["international"]), str(entry["domestic"]))
        for code in pair:
            if code not in ontology:
                raise DataFileError(path, f"code {number}: unknown CAMEO code {code!r}")
        codes[pair[0]] = pair[1]
    return codes, data.digest


def load_person_acts(ontology: Ontology, path: Path | None = None) -> tuple[dict[str, str], str]:
    """Attack verbs whose code changes when the target is a named person
    (data/events/persons.yaml): head lemma -> CAMEO code."""
    path = path or data_path("events", "persons.yaml")
    data = load_yaml(path, "acts")
    acts: dict[str, str] = {}
    for number, entry in enumerate(data.entries, 1):
        require(path, entry, number, "lemma", "code")
        code = str(entry["code"])
        if code not in ontology:
            raise DataFileError(path, f"act {number}: unknown CAMEO code {code!r}")
        acts[str(entry["lemma"]).lower()] = code
    return acts, data.digest


@dataclass(frozen=True, slots=True)
class Alternations:
    """What the engine derives for every entry (data/events/alternations.yaml): support
    verbs that lend their subject to a nominal event, and preposition families."""

    support: frozenset[str]  # "IMPOSED sanctions on", "RAMPED UP sanctions on"
    families: dict[str, frozenset[str]]  # preposition -> every member of its family

    def prepositions(self, prep: str) -> frozenset[str]:
        return self.families.get(prep, frozenset({prep}))

    @classmethod
    def load(cls, path: Path | None = None) -> tuple[Alternations, str]:
        path = path or data_path("events", "alternations.yaml")
        data = load_yaml(path, "support", "prepositions")
        for number, entry in enumerate(data.entries, 1):
            require(path, entry, number, "verb")
        support = frozenset(str(e["verb"]).lower() for e in data.entries)
        families: dict[str, frozenset[str]] = {}
        for number, entry in enumerate(data.section("prepositions"), 1):
            family = entry.get("family") if isinstance(entry, dict) else None
            words = frozenset(str(w).lower() for w in family or ())
            if len(words) < 2 or not words <= PREPOSITIONS:
                raise DataFileError(path, f"preposition family {number}: two or more prepositions")
            for word in words:
                families[word] = families.get(word, frozenset()) | words
        return cls(support, families), data.digest


@dataclass(frozen=True, slots=True)
class Frames:
    """The frames the pattern language cannot spell (docs/lexicon.md), each from its file."""

    # predicate lemma -> pattern of the report itself ("said China was stonewalling")
    reported: dict[str, Pattern] = field(default_factory=dict)
    reporting_verbs: frozenset[str] = frozenset()
    # (request verb, clause verb or "") -> pattern: "demanded that X release ..."
    requests: dict[tuple[str, str], Pattern] = field(default_factory=dict)
    threats: KeyedFrame = field(default_factory=lambda: KeyedFrame(frozenset(), frozenset(), {}))
    intents: KeyedFrame = field(default_factory=lambda: KeyedFrame(frozenset(), frozenset(), {}))
    # "drew criticism from X", "prompted X to protest": trigger verbs, reaction words
    triggers: frozenset[str] = frozenset()
    reactions: dict[str, Pattern] = field(default_factory=dict)
    grievances: dict[str, Pattern] = field(default_factory=dict)  # word told to someone
    person_acts: dict[str, str] = field(default_factory=dict)  # "killed <named person>"
    alternations: Alternations = field(default_factory=lambda: Alternations(frozenset(), {}))
    domestic_codes: dict[str, str] = field(default_factory=dict)  # 163 -> 172 at home
    request_verbs: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        # looked up for every verb of every sentence: computed once
        verbs = frozenset(verb for verb, _ in self.requests)
        object.__setattr__(self, "request_verbs", verbs)

    @classmethod
    def load(cls, ontology: Ontology) -> tuple[Frames, list[str]]:
        """All frame files, and their digests."""
        from detente.quotes import ReportingCues

        reported, grievances, reported_digest = load_reported(ontology)
        requests, request_digest = load_requests(ontology)
        threats, threat_digest = KeyedFrame.load(
            ontology, data_path("events", "threats.yaml"), "threat"
        )
        intents, intent_digest = KeyedFrame.load(
            ontology, data_path("events", "intents.yaml"), "intent"
        )
        triggers, reactions, reaction_digest = load_reactions(ontology)
        person_acts, person_digest = load_person_acts(ontology)
        alternations, alternation_digest = Alternations.load()
        domestic_codes, domestic_digest = load_domestic_codes(ontology)
        frames = cls(
            reported=reported,
            reporting_verbs=ReportingCues.load().verbs,
            requests=requests,
            threats=threats,
            intents=intents,
            triggers=triggers,
            reactions=reactions,
            grievances=grievances,
            person_acts=person_acts,
            alternations=alternations,
            domestic_codes=domestic_codes,
        )
        digests = [
            reported_digest,
            request_digest,
            threat_digest,
            intent_digest,
            reaction_digest,
            person_digest,
            alternation_digest,
            domestic_digest,
        ]
        return frames, digests


class Lexicon:
    """All patterns, indexed by head lemma, and the frames; load with `Lexicon.load()`."""

    def __init__(
        self, patterns: Iterable[Pattern], digest: str = "", frames: Frames | None = None
    ) -> None:
        self.patterns = list(patterns)
        self.digest = digest
        self.frames = frames or Frames()
        self.by_head: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in self.patterns:
            self.by_head[(p.head, p.pos)].append(p)
        for group in self.by_head.values():
            group.sort(key=lambda p: -p.specificity)

    def __len__(self) -> int:
        return len(self.patterns)

    def for_head(self, lemma: str, pos: str) -> list[Pattern]:
        return self.by_head.get((lemma, pos), [])

    @classmethod
    def load(cls, ontology: Ontology, paths: Iterable[Path] | None = None) -> Lexicon:
        """Load `lexicon_*.yaml` files, checking every code against the ontology."""
        files = (
            sorted(paths)
            if paths is not None
            else sorted(data_path("events").glob("lexicon_*.yaml"))
        )
        if not files:
            raise DataFileError(data_path("events"), "no lexicon_*.yaml files found")
        patterns: list[Pattern] = []
        digests: list[str] = []
        seen: dict[tuple[str, str], str] = {}
        for path in files:
            data = load_yaml(path, "patterns")
            digests.append(data.digest)
            for number, entry in enumerate(data.entries, 1):
                require(path, entry, number, "code", "pattern")
                code = str(entry["code"])
                if code not in ontology:
                    raise DataFileError(
                        path,
                        f"pattern {number} ({entry['pattern']!r}): unknown CAMEO code {code!r}",
                    )
                try:
                    pattern = compile_pattern(
                        str(entry["pattern"]),
                        code,
                        pos=str(entry.get("pos", "verb")),
                        symmetric=bool(entry.get("symmetric", False)),
                        origin=f"{path.name}#{number}",
                    )
                except ValueError as exc:
                    raise DataFileError(
                        path, f"pattern {number} ({entry['pattern']!r}): {exc}"
                    ) from exc
                key = (pattern.pattern.lower(), pattern.pos)
                if key in seen and seen[key] != code:
                    raise DataFileError(
                        path,
                        f"pattern {number} ({entry['pattern']!r}) maps to {code} and {seen[key]}",
                    )
                if key in seen:
                    continue
                seen[key] = code
                patterns.append(pattern)
        frames, frame_digests = Frames.load(ontology)
        nominals, nominal_digest = load_nominalizations()
        patterns += nominal_patterns(patterns, nominals)
        return cls(patterns, combined_digest([*digests, *frame_digests, nominal_digest]), frames)


def load_nominalizations(path: Path | None = None) -> tuple[dict[str, list[str]], str]:
    """Event noun -> the verbs it names (data/events/nominalizations.yaml)."""
    path = path or data_path("events", "nominalizations.yaml")
    data = load_yaml(path, "nouns")
    nouns: dict[str, list[str]] = {}
    for number, entry in enumerate(data.entries, 1):
        require(path, entry, number, "noun", "verb")
        nouns.setdefault(str(entry["noun"]).lower(), []).append(str(entry["verb"]).lower())
    return nouns, data.digest


def nominal_patterns(patterns: list[Pattern], nominals: dict[str, list[str]]) -> list[Pattern]:
    """Each verb entry read on the nouns that name its verb: the subject becomes the
    noun's owner, the direct object its of-phrase ("{S} invade {T}" codes "Russia's
    invasion of Ukraine"); prepositional slots keep their preposition."""
    by_verb: dict[str, list[Pattern]] = defaultdict(list)
    for pattern in patterns:
        if pattern.pos == "verb":
            by_verb[pattern.head].append(pattern)
    derived = []
    for noun, verbs in sorted(nominals.items()):
        for verb in verbs:
            for pattern in by_verb.get(verb, ()):
                slots = tuple(
                    Slot(s.role, "prep", "of") if s.kind == "object" else s for s in pattern.slots
                )
                derived.append(
                    Pattern(
                        f"{pattern.pattern} (as '{noun}')",
                        pattern.code,
                        "noun",
                        noun,
                        slots,
                        pattern.required,
                        pattern.symmetric,
                        f"{pattern.origin}+nominal",
                    )
                )
    return derived


def load_requests(
    ontology: Ontology, path: Path | None = None
) -> tuple[dict[tuple[str, str], Pattern], str]:
    """Requests with a that-clause (data/events/requests.yaml), keyed by (verb, clause verb)."""
    path = path or data_path("events", "requests.yaml")
    data = load_yaml(path, "requests", "refinements")
    refinements = data.section("refinements")
    table: dict[tuple[str, str], Pattern] = {}
    rows = [(e, "") for e in data.entries] + [(e, str(e.get("clause", ""))) for e in refinements]
    for number, (entry, clause) in enumerate(rows, 1):
        require(path, entry, number, "verb", "code")
        verb = str(entry["verb"]).lower()
        text = f"{{S}} {verb} that {{T}} {clause}".strip()
        table[(verb, clause.lower())] = _frame(ontology, path, number, entry, text, verb)
    return table, data.digest


def load_reactions(
    ontology: Ontology, path: Path | None = None
) -> tuple[frozenset[str], dict[str, Pattern], str]:
    """Reactions to another actor's act (data/events/reactions.yaml): the trigger verbs
    and, by reaction word, the pattern of the reactor acting on the provoker."""
    path = path or data_path("events", "reactions.yaml")
    data = load_yaml(path, "reactions", "triggers")
    reactions = _lemma_frames(ontology, path, data.entries, "{T}'s act prompt {S} {lemma}")
    triggers = frozenset(str(word).lower() for word in data.section("triggers"))
    if not triggers:
        raise DataFileError(path, "has no list 'triggers'")
    return triggers, reactions, data.digest


def load_reported(
    ontology: Ontology, path: Path | None = None
) -> tuple[dict[str, Pattern], dict[str, Pattern], str]:
    """Predicates whose report by a speaker is itself the event, and grievances told to
    someone (data/events/reported.yaml)."""
    path = path or data_path("events", "reported.yaml")
    data = load_yaml(path, "predicates", "grievances")
    reported = _lemma_frames(ontology, path, data.entries, "{S} say {T} {lemma}")
    grievances = _lemma_frames(
        ontology,
        path,
        data.section("grievances"),
        "{S} tell {T} that ... {lemma}",
        head="tell",
        section="grievances",
    )
    return reported, grievances, data.digest


def _lemma_frames(
    ontology: Ontology,
    path: Path,
    entries: list[dict],
    text: str,
    head: str | None = None,
    section: str = "",
) -> dict[str, Pattern]:
    """Frames keyed by each entry's lemma; `text` spells the frame with {lemma} in it."""
    frames: dict[str, Pattern] = {}
    for number, entry in enumerate(entries, 1):
        require(path, entry, number, "lemma", "code")
        lemma = str(entry["lemma"]).lower()
        spelled = text.replace("{lemma}", lemma)
        frame = _frame(ontology, path, number, entry, spelled, head or lemma)
        if section:  # told apart from the file's main entries in the `rule` field
            frame = replace(frame, origin=f"{path.name}#{section}.{number}")
        frames[lemma] = frame
    return frames


def _frame(
    ontology: Ontology, path: Path, number: int, entry: dict, text: str, head: str
) -> Pattern:
    """A pattern for a frame the pattern language cannot spell: source acts on target."""
    code = str(entry["code"])
    if code not in ontology:
        raise DataFileError(path, f"entry {number}: unknown CAMEO code {code!r}")
    return Pattern(
        pattern=text,
        code=code,
        pos="verb",
        head=head,
        slots=(Slot("S", "subject"), Slot("T", "object")),
        required=(),
        symmetric=False,
        origin=f"{path.name}#{number}",
    )
