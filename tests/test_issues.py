"""Issue tagging from the taxonomy kept as data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.issues import Taxonomy
from detente.pipeline import Pipeline, article_from_text
from tests.helpers import write

META = "meta: {name: t, version: 1, source: test, updated: 2026-11-23}\n"


def test_issues_taxonomy_is_large_and_consistent() -> None:
    taxonomy = Taxonomy.load()
    ids = set(taxonomy.issues)
    assert len(ids) >= 30
    assert {
        "human_rights",
        "taiwan",
        "south_china_sea",
        "trade",
        "sanctions",
        "cyber",
        "climate",
        "pandemic",
        "russia_ukraine",
        "fentanyl",
        "korean_peninsula",
    } <= ids
    assert taxonomy.with_ancestors("xinjiang") == ["xinjiang", "human_rights"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            "issues:\n  - {id: a, label: A, phrases: [x]}\n  - {id: a, label: A, phrases: [y]}\n",
            "duplicate issue id 'a'",
        ),
        ("issues:\n  - {id: a, label: A, parent: b, phrases: [x]}\n", "unknown parent 'b'"),
        (
            "issues:\n  - {id: a, label: A, parent: b, phrases: [x]}\n"
            "  - {id: b, label: B, parent: a, phrases: [y]}\n",
            "parents form a cycle",
        ),
    ],
)
def test_issues_bad_taxonomy_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    with pytest.raises(DataFileError, match=problem):
        Taxonomy.load(write(tmp_path / "t.yaml", META + content))


@pytest.mark.slow
def test_issues_events_and_articles_are_tagged(pipeline: Pipeline) -> None:
    text = (
        "Washington imposed sanctions on Chinese chemical firms over fentanyl precursors on "
        "Tuesday. Beijing criticised Washington over arms sales to Taiwan on Wednesday."
    )
    result = next(pipeline.process([article_from_text(text, date(2024, 4, 26))]))
    by_code = {e.cameo_root: set(e.issues) for e in result.events}
    assert {"sanctions", "fentanyl"} <= by_code["16"]
    assert "taiwan" in by_code["11"]
    assert "taiwan" not in by_code["16"]  # tagged per sentence, not smeared over the article
    assert {"fentanyl", "taiwan"} <= set(result.issues)
