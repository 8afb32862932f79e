"""Quotes: direct and indirect, with speakers resolved to actors, and no guessing.

All quoted speakers in these tests are invented people with real titles: the
project invents no quotes for real people.
"""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from detente.evaluate import evaluate_quotes
from detente.pipeline import Pipeline, article_from_text
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

DAY = date(2024, 3, 12)


def quotes_of(pipeline: Pipeline, text: str):
    return next(pipeline.process([article_from_text(text, DAY)])).quotes


def test_quotes_said_after_curly_quote_resolves_titled_speaker(pipeline: Pipeline) -> None:
    text = (
        "“We will answer every provocation,” said Ilkka Virtanen, a spokesman for the "
        "Finnish Defence Ministry."
    )
    (quote,) = [q for q in quotes_of(pipeline, text) if q.direct]
    assert quote.text == "We will answer every provocation,"
    assert quote.speaker is not None and quote.speaker.actor.code == "FINGOV"


def test_quotes_straight_quotes_across_two_sentences_keep_one_speaker(pipeline: Pipeline) -> None:
    text = (
        '"The talks were long. They were also useful," Chilean Foreign Minister '
        "Rafael Ossandon told reporters."
    )
    (quote,) = [q for q in quotes_of(pipeline, text) if q.direct]
    assert "They were also useful" in quote.text
    assert quote.speaker is not None and quote.speaker.actor.code == "CHLGOV"


def test_quotes_indirect_speech_is_a_quote_too(pipeline: Pipeline) -> None:
    text = "The Kenyan Foreign Ministry said that the border crossing would reopen on Monday."
    (quote,) = quotes_of(pipeline, text)
    assert not quote.direct
    assert quote.text == "the border crossing would reopen on Monday"
    assert quote.speaker is not None and quote.speaker.actor.code == "KENGOV"


def test_quotes_scare_quotes_stay_unattributed(pipeline: Pipeline) -> None:
    text = "Officials in Brasilia dismissed the so-called “new doctrine” as a slogan."
    quotes = [q for q in quotes_of(pipeline, text) if q.direct]
    assert [q.speaker for q in quotes] == [None]


def test_quotes_case_table_meets_floor(pipeline: Pipeline) -> None:
    floor = yaml.safe_load((ROOT / "tests" / "gold" / "floors.yaml").read_text())["floors"][
        "quotes_accuracy"
    ]
    accuracy, problems = evaluate_quotes(pipeline, ROOT / "tests" / "data" / "quote_cases.jsonl")
    print(f"quote accuracy {accuracy:.4f}", *problems, sep="\n  ")
    assert accuracy >= floor
