"""Shared fixtures.

The spaCy model and the knowledge files load once per session (`pipeline`),
since loading takes about two seconds. Databases are temporary files under
pytest's tmp_path, never the user's `detente.duckdb`. `SEEDS` points at the
reference articles in ../shared/seeds when that folder exists; tests that need
them skip with a message otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "briefs.jsonl"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline().load()


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):
    return pipeline.nlp
