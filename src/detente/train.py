"""Training the learned proposer (`make train`, `detente train`).

Reads the labelled sentences the team wrote (training/sentences/*.jsonl: text,
published, events with trigger, cameo, source, target, kind), parses them with
the same model and actor dictionaries the pipeline uses, turns every candidate
verb into an example (its features and the gold code, or no event), and fits an
averaged perceptron. Codes with few examples back off to their parent code.
The same files, seed and model give the same weights, byte for byte.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.events.proposer import NONE, Candidate, Proposer, candidates, features, label_of
from detente.knowledge import parse_json_lines
from detente.ontology import Ontology
from detente.pipeline import Pipeline

MIN_EXAMPLES = 20  # a code with fewer examples is learned as its parent
GENERIC_STATEMENT = "010"  # never a label: no fallback to "made a statement"
Example = tuple[list[str], str]


@dataclass(frozen=True, slots=True)
class TrainingEvent:
    trigger: str
    cameo: str
    source: str
    target: str | None


@dataclass(frozen=True, slots=True)
class TrainingSentence:
    text: str
    published: date | None
    events: tuple[TrainingEvent, ...]


def load_sentences(paths: Iterable[Path], ontology: Ontology) -> list[TrainingSentence]:
    """Read training files, failing with the file and line of any malformed record."""

    def parse(record: dict[str, Any]) -> TrainingSentence:
        events = tuple(_event(e, record["text"], ontology) for e in record["events"])
        published = record.get("published")
        day = date.fromisoformat(published) if published else None
        return TrainingSentence(record["text"], day, events)

    return [s for path in paths for s in parse_json_lines(Path(path), parse, "a training sentence")]


def _event(record: dict[str, Any], text: str, ontology: Ontology) -> TrainingEvent:
    cameo = str(record["cameo"])
    if cameo not in ontology:
        raise ValueError(f"unknown CAMEO code {cameo!r}")
    for key in ("trigger", "source", "target"):
        value = record.get(key)
        if value is not None and str(value) not in text:
            raise ValueError(f"{key} {value!r} is not in the text")
    target = record.get("target")
    return TrainingEvent(str(record["trigger"]), cameo, str(record["source"]), target)


def examples(pipeline: Pipeline, sentences: list[TrainingSentence]) -> list[tuple[list[str], str]]:
    """Every candidate verb of every sentence, with its features and its gold code."""
    found: list[tuple[list[str], str]] = []
    resolver = pipeline.coder.resolver
    docs = pipeline.nlp.pipe((s.text for s in sentences), batch_size=64)
    for sentence, doc in zip(sentences, docs, strict=True):
        resolver.annotate(doc, sentence.published)
        for sent in doc.sents:
            for candidate in candidates(sent):
                found.append((features(candidate), _gold_code(candidate, sentence)))
    return found


def _gold_code(candidate: Candidate, sentence: TrainingSentence) -> str:
    """The code of the gold event this candidate reads, with its one-sided mark, or none."""
    for event in sentence.events:
        if not _covers(sentence.text, event.trigger, _trigger_tokens(candidate)):
            continue
        if not _covers(sentence.text, event.source, list(candidate.source.subtree)):
            continue
        if event.target is None and candidate.target is None:
            return label_of(event.cameo, one_sided=True)
        if (
            event.target is not None
            and candidate.target is not None
            and _covers(sentence.text, event.target, list(candidate.target.subtree))
        ):
            return label_of(event.cameo, one_sided=False)
    return NONE


def _trigger_tokens(candidate: Candidate) -> list:
    """The verb, and the noun of a light verb ("issued a REBUKE")."""
    head = candidate.head
    return [head, *(c for c in head.children if c.dep_ in ("dobj", "prt"))]


def _covers(text: str, phrase: str, tokens: list) -> bool:
    """Some occurrence of the phrase overlaps the tokens."""
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        if any(t.idx < end and start < t.idx + len(t.text) for t in tokens):
            return True
        start = text.find(phrase, start + 1)
    return False


def backed_off(labels: Counter[str], ontology: Ontology) -> dict[str, str]:
    """Each label mapped to itself, or (rare codes) to its parent code or its root's
    general code; the generic statement is no label."""
    mapping: dict[str, str] = {}
    for label, count in labels.items():
        if label == NONE:
            mapping[label] = label
            continue
        prefix, _, code = label.rpartition(":")
        prefix = f"{prefix}:" if prefix else ""
        chosen = code
        if count < MIN_EXAMPLES:
            parents = [code[:3], code[:2] + "0"]
            chosen = next((p for p in parents if p != code and p in ontology), code)
        mapping[label] = NONE if chosen == GENERIC_STATEMENT else prefix + chosen
    return mapping


def fit(data: list[Example], epochs: int = 8, seed: int = 13) -> dict[str, dict[str, float]]:
    """An averaged perceptron (weights[feature][label]), with the lazy averaging of
    Daume's thesis: the average is W - U / steps, U summing each update times its step."""
    import numpy as np

    labels = sorted({label for _, label in data})  # NONE ("-") sorts first and wins ties
    label_ids = {label: i for i, label in enumerate(labels)}
    feature_ids: dict[str, int] = {}
    rows = []
    for feats, label in data:
        known = sorted({feature_ids.setdefault(f, len(feature_ids)) for f in feats})
        rows.append((np.array(known, dtype=np.int64), label_ids[label]))
    weights = np.zeros((len(feature_ids), len(labels)), dtype=np.float64)
    updates = np.zeros_like(weights)
    rng = random.Random(seed)
    order = list(range(len(rows)))
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            ids, gold = rows[index]
            step += 1
            guess = int(np.argmax(weights[ids].sum(axis=0)))
            if guess == gold:
                continue
            weights[ids, gold] += 1.0
            weights[ids, guess] -= 1.0
            updates[ids, gold] += step
            updates[ids, guess] -= step
    averaged = weights - updates / max(step, 1)
    names = sorted(feature_ids, key=feature_ids.__getitem__)
    model: dict[str, dict[str, float]] = {}
    for feature, row in zip(names, averaged, strict=True):
        kept = {labels[j]: round(float(v), 4) for j, v in enumerate(row) if round(float(v), 4)}
        if kept:
            model[feature] = kept
    return model


def train(
    pipeline: Pipeline, paths: list[Path], out: Path, threshold: float = 0.0
) -> dict[str, Any]:
    """Build the proposer from the training files and write it; returns what was done."""
    ontology = Ontology.load()
    sentences = load_sentences(paths, ontology)
    raw = examples(pipeline, sentences)
    mapping = backed_off(Counter(label for _, label in raw), ontology)
    data = [(feats, mapping[label]) for feats, label in raw]
    proposer = Proposer(fit(data), threshold)
    counts = Counter(label for _, label in data)
    meta = {
        "sentences": len(sentences),
        "events": sum(len(s.events) for s in sentences),
        "examples": len(data),
        "labels": dict(sorted(counts.items())),
        "files": [Path(p).name for p in paths],
        "model": pipeline.version,
    }
    proposer.save(out, meta)
    return meta
