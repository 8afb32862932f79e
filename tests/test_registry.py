"""The learned actor registry: a person met with a title is known by name in later articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.jobs import ingest_paths
from detente.pipeline import Pipeline, PipelineConfig
from detente.store import Store
from tests.helpers import write

pytestmark = pytest.mark.slow

# an invented official: only the title in the first article can tell who he is
FIRST = {
    "id": "r1",
    "published": "2024-03-04",
    "text": "Chinese Vice Foreign Minister Li Fenghua met the Japanese ambassador in Beijing "
    "on Monday.",
}
LATER = {
    "id": "r2",
    "published": "2024-05-06",
    "text": "Li Fenghua criticised Japan on Monday over its new defence guidelines.",
}


def test_registry_learns_titled_person_and_resolves_bare_name_later(tmp_path: Path) -> None:
    pipeline = Pipeline(PipelineConfig()).load()  # its own resolver: learning must not leak
    first = write(tmp_path / "first.jsonl", json.dumps(FIRST) + "\n")
    later = write(tmp_path / "later.jsonl", json.dumps(LATER) + "\n")
    with Store(tmp_path / "r.duckdb") as store:
        ingest_paths([first], store, pipeline)
        learned = store.learned_table()
        assert [(r[0], r[1]) for r in learned] == [("Li Fenghua", "CHNGOV")]
    fresh = Pipeline(PipelineConfig()).load()  # a new process: knowledge comes from the store
    with Store(tmp_path / "r.duckdb") as store:
        ingest_paths([later], store, fresh)
        events = [e for e in store.events() if e["article_id"] == "r2"]
        assert [(e["source"]["code"], e["cameo_root"], e["target"]["code"]) for e in events] == [
            ("CHNGOV", "11", "JPN")
        ]
        names = {row[3] for row in store.actor_table()}
        assert "Li Fenghua" in names


def test_registry_lists_unresolved_named_mentions(tmp_path: Path, pipeline: Pipeline) -> None:
    text = {
        "id": "u1",
        "published": "2024-03-04",
        "text": "The Arnor Defence Council accused China of spying on Monday.",
    }
    path = write(tmp_path / "u.jsonl", json.dumps(text) + "\n")
    with Store(tmp_path / "u.duckdb") as store:
        ingest_paths([path], store, pipeline)
        assert ("Arnor Defence Council", 1, "u1") in store.unresolved()
