"""Publication dates and places found in the text itself: datelines and copyright years.

The dateline is cut off before parsing (it is no part of the first sentence)
and its place serves only as a fallback location. Its date is used only when
nothing better is known (a given date, JSON Lines field or HTML metadata).
"BEIJING, April 26 (Reuters) -" gives a place and a day; a year for it, or
for an article with no dateline at all, may come from a copyright line
("(c) 2021 Bloomberg L.P."), which on its own dates the article to the year
only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.schema import PublishedSource

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’ /-]{1,40}?[A-Z.])"  # BEIJING, NEW DELHI, ISLAMABAD/PENTAGON
    r"(?:\s*,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?))?"  # , April 26(, 2024)
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?"  # (Reuters)
    r"\s*(?:-{1,2}|–|—)\s"
)
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:©\s*)?((?:19|20)\d{2})", re.IGNORECASE)
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}  # noqa: SIM905


@dataclass(frozen=True, slots=True)
class TextDating:
    place: str | None
    published: date | None
    source: PublishedSource
    body_start: int = 0  # where the story begins after the dateline: the parser never sees it


def date_from_text(text: str) -> TextDating:
    """The dateline place and the best publication date the text itself offers."""
    match = DATELINE.match(text)
    # "ISLAMABAD/PENTAGON --": the first place is where the story was filed
    place = match["place"].split("/")[0].strip().title() if match else None
    body_start = match.end() if match else 0
    years = COPYRIGHT_YEAR.findall(text)
    year = int(years[-1]) if years else None
    if match and match["when"]:
        parts = re.findall(r"[A-Za-z]+|\d+", match["when"])
        month = MONTHS.get(parts[0][:3].lower())
        day = int(parts[1])
        found_year = int(parts[2]) if len(parts) > 2 else year
        if month and found_year:
            try:
                return TextDating(
                    place, date(found_year, month, day), PublishedSource.DATELINE, body_start
                )
            except ValueError:
                pass
    if year is not None:
        return TextDating(place, date(year, 1, 1), PublishedSource.TEXT_YEAR, body_start)
    return TextDating(place, None, PublishedSource.UNKNOWN, body_start)
