"""The reference articles in ../shared/seeds (read at test time, never copied here)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.pipeline import Pipeline
from detente.schema import Article, PublishedSource
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

SEED_2024 = SEEDS / "003_b959f7fb0f83374f.txt"


def code_seed(pipeline: Pipeline, name: str, published: date):
    if not SEEDS.is_dir():
        pytest.skip(f"reference articles not found at {SEEDS}")
    path = SEEDS / name
    article = Article(
        article_id=str(path),
        text=path.read_text(encoding="utf-8"),
        origin=str(path),
        published=published,
        published_source=PublishedSource.GIVEN,
    )
    return next(pipeline.process([article])).events


def test_seeds_2024_blinken_wang_meeting_in_beijing(pipeline: Pipeline) -> None:
    events = code_seed(pipeline, SEED_2024.name, date(2024, 4, 26))
    meetings = [
        e
        for e in events
        if e.cameo_root == "04"
        and {e.source.actor.country, e.target.actor.country} == {"USA", "CHN"}
        and e.date == date(2024, 4, 26)
        and e.location is not None
        and e.location.name == "Beijing"
    ]
    assert meetings, [e.to_record() for e in events]
    assert "met in Beijing" in meetings[0].evidence
