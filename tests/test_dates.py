"""Date expressions resolved against the publication date, with the event's tense.

2021-07-25 was a Sunday; 2024-04-26 a Friday.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.timeplace.dates import DateResolver, Tense

PAST, FUTURE, NEAREST = Tense.PAST, Tense.FUTURE, Tense.NEAREST


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver.load()


@pytest.mark.parametrize(
    ("published", "expression", "tense", "expected", "precision"),
    [
        ("2021-07-25", "on Monday", FUTURE, "2021-07-26", "day"),  # is set to meet on Monday
        ("2021-07-25", "Saturday", PAST, "2021-07-24", "day"),  # told reporters Saturday
        ("2021-07-25", "on Thursday", PAST, "2021-07-22", "day"),
        ("2024-04-26", "On Friday", PAST, "2024-04-26", "day"),  # same day as publication
        ("2024-04-26", "on Thursday", PAST, "2024-04-25", "day"),
        ("2024-04-26", "on Friday", FUTURE, "2024-05-03", "day"),  # a future Friday is next week's
        ("2024-04-26", "on Tuesday", NEAREST, "2024-04-23", "day"),
        ("2024-04-26", "next Tuesday", PAST, "2024-04-30", "day"),
        ("2024-04-26", "last Friday", NEAREST, "2024-04-19", "day"),
        ("2024-04-26", "Monday morning", FUTURE, "2024-04-29", "day"),
        ("2024-04-26", "today", NEAREST, "2024-04-26", "day"),
        ("2024-04-26", "this evening", FUTURE, "2024-04-26", "day"),
        ("2024-04-26", "yesterday", PAST, "2024-04-25", "day"),
        ("2024-04-26", "tomorrow", FUTURE, "2024-04-27", "day"),
        ("2024-04-26", "last week", PAST, "2024-04-15", "week"),
        ("2024-04-26", "this week", NEAREST, "2024-04-22", "week"),
        ("2021-07-25", "this week", FUTURE, "2021-07-26", "week"),  # a Sunday looking ahead
        ("2024-04-26", "next week", FUTURE, "2024-04-29", "week"),
        ("2024-04-26", "earlier this month", PAST, "2024-04-01", "month"),
        ("2024-04-26", "last month", PAST, "2024-03-01", "month"),
        ("2024-01-10", "last month", PAST, "2023-12-01", "month"),
        ("2024-04-26", "next year", FUTURE, "2025-01-01", "year"),
        ("2024-04-26", "March 18", PAST, "2024-03-18", "day"),
        ("2024-01-05", "December 28", PAST, "2023-12-28", "day"),
        ("2023-12-20", "January 9", FUTURE, "2024-01-09", "day"),
        ("2024-04-26", "18 March 2021", PAST, "2021-03-18", "day"),
        ("2024-04-26", "Nov. 15, 2023", PAST, "2023-11-15", "day"),
        ("2024-04-26", "in February 2023", PAST, "2023-02-01", "month"),
        ("2024-04-26", "in November", PAST, "2023-11-01", "month"),
        ("2024-04-26", "in June", FUTURE, "2024-06-01", "month"),
        ("2024-04-26", "in 2022", PAST, "2022-01-01", "year"),
        ("2024-04-26", "two days ago", PAST, "2024-04-24", "day"),
        ("2024-04-26", "a week ago", PAST, "2024-04-15", "week"),  # the Monday of that week
        ("2024-04-26", "2024-04-20", PAST, "2024-04-20", "day"),
    ],
)
def test_dates_expression_resolves_against_publication(
    resolver: DateResolver,
    published: str,
    expression: str,
    tense: Tense,
    expected: str,
    precision: str,
) -> None:
    found = resolver.resolve(expression, date.fromisoformat(published), tense)
    assert found is not None, expression
    assert (found.date.isoformat(), found.precision) == (expected, precision)


@pytest.mark.parametrize(
    "expression", ["a couple of hours", "decades", "the 1990s era", "Thursday's"]
)
def test_dates_unusable_expression_gives_nothing(resolver: DateResolver, expression: str) -> None:
    assert resolver.resolve(expression, date(2024, 4, 26), PAST) is None
