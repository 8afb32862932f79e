"""Knowledge files: the provenance header is required and errors name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.knowledge import load_yaml
from tests.helpers import write

GOOD_META = "meta: {name: test, version: 1, source: written for the test, updated: 2026-11-23}\n"


def test_knowledge_loads_entries_and_digest(tmp_path: Path) -> None:
    path = write(tmp_path / "x.yaml", GOOD_META + "items:\n  - {a: 1}\n  - {a: 2}\n")
    data = load_yaml(path, "items")
    assert [e["a"] for e in data.entries] == [1, 2]
    assert len(data.digest) == 64


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("items: []\n", "has no 'meta' header"),
        ("meta: {name: t, version: 1}\nitems: []\n", "meta header lacks source, updated"),
        (GOOD_META + "other: []\n", "has no list 'items'"),
        (GOOD_META + "items:\n  - just a string\n", "items entry 1 is not a mapping"),
        ("meta: [unclosed\n", "is not valid YAML"),
        # an unquoted "no" is a YAML boolean: the negation word would vanish unseen
        (GOOD_META + "items:\n  - {words: [not, never, no]}\n", "quote yes, no, on and off"),
    ],
)
def test_knowledge_rejects_malformed_file_naming_it(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = write(tmp_path / "bad.yaml", content)
    with pytest.raises(DataFileError) as info:
        load_yaml(path, "items")
    assert str(path) in str(info.value)
    assert problem in str(info.value)
    assert "[E001]" in str(info.value)


def test_knowledge_optional_sections_load_beside_the_entries(tmp_path: Path) -> None:
    content = GOOD_META + "items:\n  - {a: 1}\ntriggers: [prompt, spark]\n"
    data = load_yaml(write(tmp_path / "x.yaml", content), "items", "triggers", "absent")
    assert data.section("triggers") == ["prompt", "spark"]
    assert data.section("absent") == []
