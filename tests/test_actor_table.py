"""The actor-resolution table (tests/data/actor_cases.csv, 500+ hand-written cases).

Read it as a specification: nationality adjectives, metonyms, titles, dated
roles, IGOs, non-state groups and hard negatives. The suite fails when
accuracy drops below the floor pinned in tests/gold/floors.yaml; the cases
still wrong are printed so they can be worked on.
"""

from __future__ import annotations

import pytest
import yaml

from detente.evaluate import evaluate_actors, expected_code, load_actor_cases
from detente.pipeline import Pipeline
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

TABLE = ROOT / "tests" / "data" / "actor_cases.csv"
FLOORS = ROOT / "tests" / "gold" / "floors.yaml"


def test_actor_table_is_well_formed() -> None:
    cases = load_actor_cases(TABLE)
    assert len(cases) >= 300
    for case in cases:
        assert case.sentence.count(case.mention) == 1, case.mention
    categories = {c.category for c in cases}
    assert {
        "nationality",
        "metonym",
        "person-dated",
        "person-former",
        "igo",
        "negative",
    } <= categories
    # the same person resolving differently by date is part of the specification
    by_mention: dict[str, set[str | None]] = {}
    for case in cases:
        if case.category == "person-dated":
            by_mention.setdefault(case.mention.split()[-1], set()).add(expected_code(case))
    assert any(len(codes) > 1 for codes in by_mention.values())


def test_actor_table_accuracy_meets_floor(pipeline: Pipeline) -> None:
    floor = yaml.safe_load(FLOORS.read_text())["floors"]["actors_accuracy"]
    accuracy, failures = evaluate_actors(pipeline, load_actor_cases(TABLE))
    print(f"actor accuracy {accuracy:.4f}; wrong cases:", *failures, sep="\n  ")
    assert accuracy >= floor, f"actor accuracy {accuracy:.4f} below the floor {floor}"
