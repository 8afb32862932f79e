"""The quality gate: the coder scored on the gold dev set must stay above the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluate import Score, check_floors, evaluate, load_gold
from detente.pipeline import Pipeline
from tests.conftest import ROOT
from tests.helpers import write

GOLD = sorted((ROOT / "tests" / "gold").glob("dev_*.jsonl"))
FLOORS = ROOT / "tests" / "gold" / "floors.yaml"
# the held-out set: written and annotated blind, never read while tuning the coder
HELD_OUT = sorted((ROOT / "tests" / "gold").glob("test_*.jsonl"))
HELD_OUT_FLOORS = ROOT / "tests" / "gold" / "floors_heldout.yaml"


def test_eval_score_arithmetic() -> None:
    score = Score(tp=8, fp=2, fn=8)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert round(score.f1, 4) == 0.6154
    assert Score().f1 == 0.0


def test_eval_gold_set_is_large_and_well_formed() -> None:
    sentences = load_gold(GOLD)
    assert len(sentences) >= 400
    assert len({s.id for s in sentences}) == len(sentences)
    statuses = {e.status for s in sentences for e in s.events}
    assert statuses == {"occurred", "planned", "hypothetical", "negated"}
    assert sum(1 for s in sentences if not s.events) >= 40  # sentences that must yield nothing


def test_eval_malformed_gold_line_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.jsonl", json.dumps({"id": "x", "text": "t", "events": [{}]}) + "\n")
    with pytest.raises(InputError, match=f"{path}:1"):
        load_gold([path])


@pytest.mark.slow
def test_eval_dev_set_meets_floors(pipeline: Pipeline) -> None:
    report = evaluate(pipeline, load_gold(GOLD))
    levels = report.as_dict()["levels"]
    print(json.dumps(levels, indent=1))
    assert check_floors(report, FLOORS) == []


@pytest.mark.slow
def test_eval_held_out_set_meets_its_floors(pipeline: Pipeline) -> None:
    sentences = load_gold(HELD_OUT)
    assert len(sentences) >= 250 and len({s.id for s in sentences}) == len(sentences)
    report = evaluate(pipeline, sentences)
    print(json.dumps(report.as_dict()["levels"], indent=1))
    assert check_floors(report, HELD_OUT_FLOORS) == []
