"""End to end: text in, coded events out, through the public API."""

from __future__ import annotations

from datetime import date

import pytest

import detente
from detente.pipeline import Pipeline, article_from_text
from detente.schema import Status

pytestmark = pytest.mark.slow

FRIDAY = date(2024, 4, 26)  # a Friday
CONTRACT_FIELDS = {
    "event_id",
    "article_id",
    "sentence_index",
    "evidence",
    "source",
    "target",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover",
    "status",
    "date",
    "date_precision",
    "location",
    "issues",
    "rule",
    "confidence",
}


def test_pipeline_friday_meeting_in_beijing(pipeline: Pipeline) -> None:
    text = "On Friday, the US Secretary of State met China's Foreign Minister in Beijing."
    (event,) = detente.extract(text, published=FRIDAY, pipeline=pipeline)
    assert (event.source.actor.country, event.target.actor.country) == ("USA", "CHN")
    assert event.cameo_root == "04"
    assert event.date == FRIDAY and event.date_precision == "day"
    assert event.location is not None and event.location.name == "Beijing"
    assert event.location.country == "CHN"
    assert event.status is Status.OCCURRED
    record = event.to_record()
    assert set(record) >= CONTRACT_FIELDS
    assert record["source"]["code"] == "USAGOV" and record["target"]["code"] == "CHNGOV"
    assert record["plover"]["type"] == "CONSULT"
    assert record["evidence"] == text


def test_pipeline_sentence_without_pattern_yields_nothing(pipeline: Pipeline) -> None:
    text = "China's economy grew by five percent last year, the statistics bureau said."
    assert detente.extract(text, published=FRIDAY, pipeline=pipeline) == []


def test_pipeline_event_ids_are_stable_across_runs(pipeline: Pipeline) -> None:
    text = "Beijing imposed sanctions on two American defense companies on Tuesday."
    first = detente.extract(text, published=FRIDAY, pipeline=pipeline)
    second = detente.extract(text, published=FRIDAY, pipeline=pipeline)
    assert first and [e.event_id for e in first] == [e.event_id for e in second]


def test_pipeline_process_batches_keep_article_order(pipeline: Pipeline) -> None:
    texts = [f"Moscow expelled {n} Estonian diplomats on Monday." for n in ("two", "three", "four")]
    articles = [article_from_text(t, FRIDAY, article_id=f"a{i}") for i, t in enumerate(texts)]
    results = list(pipeline.process(articles))
    assert [r.article.article_id for r in results] == ["a0", "a1", "a2"]
    assert all(r.events for r in results)
