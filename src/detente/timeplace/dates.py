"""Event dates resolved against the publication date.

GDELT and ICEWS date events by the day the story ran; analysts need the day it
happened. `DateResolver.resolve(text, published, tense)` turns an expression
("on Monday", "last week", "March 18", "in February 2023") into a date with a
precision, using the tense of the event: a planned meeting "on Monday" is the
coming Monday, a meeting held "on Friday" the last one (or the same day when
the story ran on that Friday).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from detente.errors import DataFileError
from detente.knowledge import data_path, load_yaml, require, strings


class Tense(StrEnum):
    PAST = "past"
    FUTURE = "future"
    NEAREST = "nearest"


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: date
    precision: str  # day, week, month, year
    expression: str


@dataclass
class DateResolver:
    weekdays: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    day_offsets: dict[str, int] = field(default_factory=dict)
    relative: dict[str, int] = field(default_factory=dict)
    units: set[str] = field(default_factory=set)
    ago: set[str] = field(default_factory=set)
    anaphoric: dict[str, int] = field(default_factory=dict)
    digest: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> DateResolver:
        path = path or data_path("time", "expressions.yaml")
        data = load_yaml(path, "expressions")
        book = cls(digest=data.digest)
        for number, entry in enumerate(data.entries, 1):
            require(path, entry, number, "kind", "words")
            words = [w.lower() for w in strings(entry["words"])]
            kind = entry["kind"]
            if kind == "weekday":
                book.weekdays.update({w: i for i, w in enumerate(words)})
            elif kind in ("month", "month_abbrev"):
                book.months.update({w: i + 1 for i, w in enumerate(words)})
            elif kind == "day_offset":
                book.day_offsets.update(dict.fromkeys(words, int(entry["offset"])))
            elif kind == "relative_unit":
                book.relative.update(dict.fromkeys(words, int(entry["offset"])))
            elif kind == "unit":
                book.units.update(words)
            elif kind == "ago":
                book.ago.update(words)
            elif kind == "anaphoric":
                book.anaphoric.update(dict.fromkeys(words, int(entry["offset"])))
            else:
                raise DataFileError(path, f"entry {number}: unknown kind {kind!r}")
        if len(book.weekdays) != 7 or len(set(book.months.values())) != 12:
            raise DataFileError(path, "needs 7 weekdays and 12 months")
        return book

    def resolve(
        self, text: str, published: date, tense: Tense, anchor: date | None = None
    ) -> ResolvedDate | None:
        """Resolve one temporal expression; None when it names no usable date.

        `anchor` is the date of the article's previous dated event, for "earlier that
        day", "the next day" and the like.
        """
        expr = " ".join(re.sub(r"[,.]", " ", text.lower()).split())
        if expr in self.anaphoric:
            if anchor is None:
                return None
            return ResolvedDate(anchor + timedelta(days=self.anaphoric[expr]), "day", text)
        expr = re.sub(r"^(on|in|at|during|since|by|from|of|the)\s+", "", expr)
        expr = re.sub(r"^(on|in|the)\s+", "", expr)
        for resolver in (
            self._iso,
            self._day_words,
            self._weekday,
            self._month_day,
            self._relative_unit,
            self._ago,
            self._month_year,
            self._year,
        ):
            found = resolver(expr, published, tense)
            if found is not None:
                return ResolvedDate(found[0], found[1], text)
        return None

    # -- the expression types ---------------------------------------------

    def _iso(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", expr)
        if not m:
            return None
        try:
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        except ValueError:
            return None

    def _day_words(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        for words, offset in sorted(self.day_offsets.items(), key=lambda kv: -len(kv[0])):
            if expr == words or expr.startswith(words + " "):
                return published + timedelta(days=offset), "day"
        return None

    def _weekday(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        words = expr.split()
        if not words or words[-1] not in self.weekdays:
            if not (len(words) >= 2 and words[0] in self.weekdays):  # "Monday morning"
                return None
            target = self.weekdays[words[0]]
            modifier = None
        else:
            target = self.weekdays[words[-1]]
            modifier = words[-2] if len(words) >= 2 else None
        back = (published.weekday() - target) % 7  # days since the last such weekday (0 = today)
        ahead = (target - published.weekday()) % 7 or 7  # days to the next one, never today
        relative = self.relative.get(modifier or "")
        if relative == -1:
            return published - timedelta(days=back or 7), "day"
        if relative == 1:
            return published + timedelta(days=ahead), "day"
        if tense is Tense.FUTURE:
            return published + timedelta(days=ahead), "day"
        if tense is Tense.PAST or back <= ahead:
            return published - timedelta(days=back), "day"
        return published + timedelta(days=ahead), "day"

    def _month_day(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        m = re.fullmatch(r"([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?", expr)
        if m and m[1] in self.months:
            month, day, year = self.months[m[1]], int(m[2]), m[3]
        else:
            m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?", expr)
            if not (m and m[2] in self.months):
                return None
            month, day, year = self.months[m[2]], int(m[1]), m[3]
        try:
            if year:
                return date(int(year), month, day), "day"
            return _nearest_year(lambda y: date(y, month, day), published, tense), "day"
        except ValueError:
            return None

    def _relative_unit(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        words = expr.split()
        if len(words) < 2 or words[-1] not in self.units:
            return None
        modifier = " ".join(words[:-1])
        if modifier not in self.relative:
            return None
        offset = self.relative[modifier]
        if (
            words[-1] == "week"
            and offset == 0
            and tense is Tense.FUTURE
            and published.weekday() == 6
        ):
            offset = 1  # written on a Sunday, "this week" ahead is the week that starts tomorrow
        return _shift(published, words[-1], offset)

    def _ago(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        m = re.fullmatch(
            r"(a|an|one|two|three|four|five|six|seven|\d+) (day|week|month|year)s? ([a-z]+)", expr
        )
        if not m or m[3] not in self.ago:
            return None
        count = _NUMBERS.get(m[1]) or int(m[1])
        if m[2] == "day":
            return published - timedelta(days=count), "day"
        if m[2] == "week":  # week precision names the Monday of that week
            return _shift(published, "week", -count)
        return _shift(published, m[2], -count)

    def _month_year(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        words = expr.replace("early ", "").replace("late ", "").replace("mid-", "").split()
        if not words or words[0] not in self.months:
            return None
        month = self.months[words[0]]
        if len(words) == 2 and re.fullmatch(r"\d{4}", words[1]):
            return date(int(words[1]), month, 1), "month"
        if len(words) == 1:
            return _nearest_year(
                lambda y: date(y, month, 1), published, tense, month_only=True
            ), "month"
        return None

    def _year(self, expr: str, published: date, tense: Tense) -> tuple[date, str] | None:
        if re.fullmatch(r"(19|20)\d{2}", expr):
            return date(int(expr), 1, 1), "year"
        return None


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
}


def _shift(published: date, unit: str, offset: int) -> tuple[date, str]:
    """The start of the week, month or year `offset` units from the publication date."""
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=offset), "week"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        return date(index // 12, index % 12 + 1, 1), "month"
    return date(published.year + offset, 1, 1), "year"


def _nearest_year(make, published: date, tense: Tense, month_only: bool = False) -> date:
    """The date in the year before, of, or after publication that fits the tense best."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(make(year))
        except ValueError:
            continue
    anchor = published.replace(day=1) if month_only else published
    if tense is Tense.PAST:
        past = [d for d in options if d <= anchor]
        if past:
            return max(past)
    elif tense is Tense.FUTURE:
        future = [d for d in options if d >= anchor]
        if future:
            return min(future)
    return min(options, key=lambda d: abs((d - published).days))
