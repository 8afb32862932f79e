"""The pattern language of docs/lexicon.md and the shipped lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.lexicon import Lexicon, compile_pattern
from detente.ontology import Ontology
from tests.helpers import write


@pytest.mark.parametrize(
    ("pattern", "pos", "head", "slots", "required"),
    [
        ("{S} meet {T}", "verb", "meet", [("S", "subject", None), ("T", "object", None)], []),
        ("{S} meet with {T}", "verb", "meet", [("S", "subject", None), ("T", "prep", "with")], []),
        (
            "{S} impose sanction on {T}",
            "verb",
            "impose",
            [("S", "subject", None), ("T", "prep", "on")],
            ["sanction"],
        ),
        (
            "{S} accuse {T} of",
            "verb",
            "accuse",
            [("S", "subject", None), ("T", "object", None)],
            ["of"],
        ),
        ("{T} host {S}", "verb", "host", [("T", "subject", None), ("S", "object", None)], []),
        (
            "{S} pay a visit to {T}",
            "verb",
            "pay",
            [("S", "subject", None), ("T", "prep", "to")],
            ["visit"],
        ),
        (
            "{S} 's sanction against {T}",
            "noun",
            "sanction",
            [("S", "subject", None), ("T", "prep", "against")],
            [],
        ),
        (
            "talk between {S} and {T}",
            "noun",
            "talk",
            [("S", "prep", "between"), ("T", "prep", "between")],
            [],
        ),
        # words before a noun head are its modifiers: the head is the last of them
        (
            "{S} military aid to {T}",
            "noun",
            "aid",
            [("S", "subject", None), ("T", "prep", "to")],
            ["military"],
        ),
    ],
)
def test_lexicon_compiles_pattern_into_slots(pattern, pos, head, slots, required) -> None:
    compiled = compile_pattern(pattern, "040", pos=pos)
    assert compiled.head == head
    assert [(s.role, s.kind, s.prep) for s in compiled.slots] == slots
    assert list(compiled.required) == required


@pytest.mark.parametrize(
    ("pattern", "pos", "problem"),
    [
        ("{S} meet {S}", "verb", "one {S} and one {T}"),
        ("{T} meet", "verb", "one {S} and one {T}"),
        ("meet {S} {T}", "verb", "needs a placeholder before the verb"),
        ("{S} {T}", "verb", "has no head word"),
        ("{S} meet {T}", "adjective", "pos must be"),
    ],
)
def test_lexicon_rejects_malformed_pattern(pattern: str, pos: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem.replace("{", r"\{").replace("}", r"\}")):
        compile_pattern(pattern, "040", pos=pos)


def test_lexicon_file_with_unknown_code_is_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path / "lexicon_bad.yaml",
        "meta: {name: t, version: 1, source: test, updated: 2026-11-23}\n"
        "patterns:\n  - {code: '999', pattern: '{S} meet {T}'}\n",
    )
    with pytest.raises(DataFileError, match="unknown CAMEO code '999'"):
        Lexicon.load(Ontology.load(), [path])


def test_lexicon_same_pattern_with_two_codes_is_rejected(tmp_path: Path) -> None:
    path = write(
        tmp_path / "lexicon_bad.yaml",
        "meta: {name: t, version: 1, source: test, updated: 2026-11-23}\n"
        "patterns:\n  - {code: '040', pattern: '{S} meet {T}'}\n"
        "  - {code: '042', pattern: '{S} meet {T}'}\n",
    )
    with pytest.raises(DataFileError, match="maps to 042 and 040"):
        Lexicon.load(Ontology.load(), [path])


def test_lexicon_shipped_covers_every_cameo_root() -> None:
    ontology = Ontology.load()
    lexicon = Lexicon.load(ontology)
    roots = {ontology[p.code].root for p in lexicon.patterns}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(lexicon) >= 1500


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("apologise", "apologize"),
        ("recognise", "recognize"),
        ("mobilise", "mobilize"),
        ("analyse", "analyze"),
        ("defence", "defense"),
        ("labour", "labor"),
        ("organisation", "organization"),
        ("promise", "promise"),
        ("exercise", "exercise"),
        ("surprise", "surprise"),
        ("hour", "hour"),
    ],
)
def test_lexicon_british_spelling_reaches_american_patterns(british: str, american: str) -> None:
    from detente.events.match import american_lemma

    assert american_lemma(british) == american


def _read_checks(path: Path) -> list[tuple[str, str, tuple[str, str, str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            published, text, expected = line.split("\t")
            source, code, target = expected.split()
            rows.append((published, text, (source, code, target)))
    return rows


CHECKS = sorted((Path(__file__).parent / "data").glob("lexicon_checks_*.tsv"))


@pytest.mark.slow
@pytest.mark.parametrize("path", CHECKS, ids=[p.stem for p in CHECKS])
def test_lexicon_every_pattern_group_fires_on_its_sentence(pipeline, path: Path) -> None:
    """One sentence per group of patterns: the pattern fires and codes the expected event.
    Actors compare by their code or, when the row gives only a country, by country."""
    from datetime import date

    from detente.pipeline import article_from_text

    rows = _read_checks(path)
    assert len(rows) >= 250
    articles = [article_from_text(text, date.fromisoformat(day)) for day, text, _ in rows]
    failures = []
    for (_, text, (source, code, target)), result in zip(
        rows, pipeline.process(articles), strict=True
    ):
        got = [(e.source.actor.code, e.cameo, e.target.actor.code) for e in result.events]
        if not any(c == code and s.startswith(source) and t.startswith(target) for s, c, t in got):
            failures.append(f"{source} {code} {target}: {text} -> {got}")
    assert failures == []
