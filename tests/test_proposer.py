"""The learned proposer: training is reproducible, and a proposal goes through the frame
engine like a lexicon match (actors, status, rule)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.events.proposer import Proposer
from detente.ontology import Ontology
from detente.pipeline import Pipeline, article_from_text
from detente.train import load_sentences, train
from tests.helpers import write

pytestmark = pytest.mark.slow

# a verb the lexicon does not list, in frames of our own; and sentences with no event
COUNTRIES = [
    ("Chile", "CHL"),
    ("Peru", "PER"),
    ("Norway", "NOR"),
    ("Kenya", "KEN"),
    ("Japan", "JPN"),
    ("Brazil", "BRA"),
]
FRAMES = [
    "{a} bemoaned {b} on Tuesday over its fishing policy.",
    "{a} bemoaned {b} for its handling of the border dispute.",
    "Officials said {a} had bemoaned {b} over the expulsions.",
]
NEGATIVES = [
    "{a}'s economy grew 2 percent in the quarter, data showed.",
    "{a} and {b} will play a football friendly on Sunday.",
]


def _sentences() -> list[dict]:
    rows = []
    for frame in FRAMES:
        for a, ca in COUNTRIES:
            for b, cb in COUNTRIES:
                if a == b:
                    continue
                text = frame.format(a=a, b=b)
                event = {"trigger": "bemoaned", "cameo": "111", "source": a, "target": b}
                event |= {"source_code": ca, "target_code": cb}
                rows.append({"text": text, "published": "2024-05-01", "events": [event]})
    for frame in NEGATIVES:
        for a, _ in COUNTRIES:
            for b, _ in COUNTRIES[:3]:
                rows.append(
                    {"text": frame.format(a=a, b=b), "published": "2024-05-01", "events": []}
                )
    return rows


@pytest.fixture(scope="module")
def trained(pipeline: Pipeline, tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("proposer")
    data = write(folder / "train.jsonl", "".join(json.dumps(r) + "\n" for r in _sentences()))
    out = folder / "model.json.gz"
    train(pipeline, [data], out)
    return data, out


def test_proposer_training_is_reproducible(pipeline: Pipeline, trained, tmp_path: Path) -> None:
    data, out = trained
    again = tmp_path / "again.json.gz"
    train(pipeline, [data], again)
    assert again.read_bytes() == out.read_bytes()


def test_proposer_codes_an_unlisted_verb_through_the_frame_engine(trained) -> None:
    _, out = trained
    proposer = Proposer.load(out)
    assert proposer is not None
    pipeline = Pipeline().load()
    pipeline.coder.proposer = proposer
    text = "Argentina bemoaned Uruguay over the river dispute on Friday."
    (event,) = next(pipeline.process([article_from_text(text, date(2024, 5, 3))])).events
    assert (event.source.actor.code, event.target.actor.code) == ("ARG", "URY")
    assert event.cameo_root == "11"
    assert event.rule.endswith("+proposer")
    # the frame engine still reads the status
    text = "Argentina did not bemoan Uruguay over the dispute."
    events = next(pipeline.process([article_from_text(text, date(2024, 5, 3))])).events
    assert [e.status.value for e in events] == ["negated"]


def test_proposer_bad_training_line_names_file_and_line(tmp_path: Path) -> None:
    row = {"text": "Chile bemoaned Peru.", "events": [{"trigger": "scolded", "cameo": "111"}]}
    path = write(tmp_path / "bad.jsonl", json.dumps(row) + "\n")
    with pytest.raises(InputError, match=f"{path}:1"):
        load_sentences([path], Ontology.load())
