"""Dates and places in context: the date table through the whole pipeline, and geocoding."""

from __future__ import annotations

import csv
from datetime import date

import pytest
import yaml

from detente.pipeline import Pipeline, article_from_text
from detente.timeplace import Gazetteer
from tests.conftest import ROOT

DATE_TABLE = ROOT / "tests" / "data" / "date_cases.csv"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(
    ("name", "prefer", "country", "lat"),
    [
        ("Washington", (), "USA", 38.9),  # the capital outranks Washington, Tyne and Wear
        ("Washington", ("GBR",), "GBR", 54.9),  # unless the story is British
        ("Tianjin", (), "CHN", 39.1),
        ("Beijing", (), "CHN", 39.9),
        ("Kiev", (), "UKR", 50.5),  # an English alternate name of Kyiv
        ("Victoria", ("SYC",), "SYC", -4.6),  # the Seychelles capital when the actors say so
        ("Georgia", (), "GEO", None),  # the country, not the US state, absent other context
    ],
)
def test_timeplace_geocoding_prefers_context_then_population(gazetteer, name, prefer, country, lat):
    found = gazetteer.lookup(name, prefer)
    assert found is not None and found.country == country
    if lat is None:
        assert found.lat is None
    else:
        assert found.lat == pytest.approx(lat, abs=0.2)


def test_timeplace_unknown_place_is_none(gazetteer) -> None:
    assert gazetteer.lookup("Minas Tirith") is None


@pytest.mark.slow
def test_timeplace_date_table_through_pipeline(pipeline: Pipeline) -> None:
    """The table's sentences each hold one event; its date must resolve as the table says."""
    rows = list(csv.DictReader(DATE_TABLE.open(encoding="utf-8")))
    assert len(rows) >= 60
    articles = [
        article_from_text(r["sentence"], date.fromisoformat(r["published"]), article_id=str(i))
        for i, r in enumerate(rows)
    ]
    right, wrong = 0, []
    for row, result in zip(rows, pipeline.process(articles), strict=True):
        got = (
            (result.events[0].date.isoformat(), result.events[0].date_precision)
            if result.events
            else None
        )
        if got == (row["expected_date"], row["precision"]):
            right += 1
        elif got is not None:
            wrong.append(f"{row['sentence']} ({row['published']}): {got}")
    floor = yaml.safe_load((ROOT / "tests" / "gold" / "floors.yaml").read_text())["floors"]
    print(f"{right} of {len(rows)} dated right; wrong:", *wrong, sep="\n  ")
    assert wrong == []  # an event that is found is never dated wrongly
    assert right / len(rows) >= floor["dates_coverage"]


@pytest.mark.slow
def test_timeplace_location_of_seat_of_power_is_its_capital(pipeline: Pipeline) -> None:
    text = "Ukrainian President Volodymyr Zelensky met US President Joe Biden at the White House."
    (event,) = next(pipeline.process([article_from_text(text, date(2022, 12, 22))])).events
    assert event.location is not None and event.location.country == "USA"
    assert event.location.lat == pytest.approx(38.9, abs=0.2)  # Washington, not a namesake
