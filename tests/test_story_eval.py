"""Article-level scoring on real news: the scorer on stories written for this test, then the
real-news gold (tests/gold/voa/) on the VOA stories read from ../shared/corpora at test time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.pipeline import Pipeline
from detente.story_eval import (
    KINDS,
    check_story_floors,
    evaluate_stories,
    is_story_gold,
    load_story_floors,
    load_story_gold,
)
from tests.conftest import ROOT
from tests.helpers import write

VOA_GOLD = ROOT / "tests" / "gold" / "voa" / "gold.jsonl"
VOA_FLOORS = ROOT / "tests" / "gold" / "voa" / "floors.yaml"
VOA_CORPUS = ROOT.parent / "shared" / "corpora" / "voa_dev.jsonl"


def _event(source: str, target: str | None, cameo: str, kind: str, evidence: str) -> dict:
    return {
        "evidence": evidence,
        "source": {"country": source, "sector": None},
        "target": {"country": target, "sector": "GOV"} if target else None,
        "kind": kind,
        "cameo": cameo,
        "status": "occurred",
    }


@pytest.fixture
def small_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """Two short stories in our own words, and their gold."""
    stories = [
        {
            "id": "s1",
            "published": "2024-06-28",
            "text": "Japan imposed sanctions on North Korea on Friday. Japan imposed new "
            "sanctions on North Korea again later that day. Police fired tear gas at "
            "protesters in Nairobi.",
        },
        {
            "id": "s2",
            "published": "2024-06-28",
            "text": "Brazil hosted a summit on climate on Friday. Officials said it went well.",
        },
    ]
    corpus = write(tmp_path / "stories.jsonl", "".join(json.dumps(s) + "\n" for s in stories))
    gold = [
        {
            "id": "s1",
            "split": "dev",
            "events": [
                _event("JPN", "PRK", "163", "international", "Japan imposed sanctions"),
                _event("KEN", "KEN", "175", "domestic", "Police fired tear gas"),
            ],
        },
        {
            "id": "s2",
            "split": "heldout",
            "events": [_event("BRA", None, "043", "one-sided", "Brazil hosted a summit")],
        },
    ]
    path = write(tmp_path / "gold.jsonl", "".join(json.dumps(g) + "\n" for g in gold))
    return corpus, path


@pytest.mark.slow
def test_story_eval_counts_a_repeated_event_once_and_scores_by_kind(
    pipeline: Pipeline, small_corpus: tuple[Path, Path]
) -> None:
    corpus, path = small_corpus
    report = evaluate_stories(pipeline, load_story_gold(path), corpus, split="dev")
    data = report.as_dict()
    assert data["stories"] == 1
    # two sentences report one sanction: one true positive, no false alarm
    assert (data["kinds"]["international"]["tp"], data["kinds"]["international"]["fp"]) == (1, 0)
    assert data["kinds"]["domestic"]["tp"] == 1
    assert data["all"]["fn"] == 0


@pytest.mark.slow
def test_story_eval_lists_misses_with_their_evidence(
    pipeline: Pipeline, small_corpus: tuple[Path, Path]
) -> None:
    corpus, path = small_corpus
    report = evaluate_stories(pipeline, load_story_gold(path), corpus, split="heldout")
    assert report.as_dict()["kinds"]["one-sided"]["fn"] == 1
    assert report.misses == [
        {
            "id": "s2",
            "expected": "BRA -043-> - (one-sided, occurred)",
            "evidence": "Brazil hosted a summit",
        }
    ]


def test_story_eval_bad_gold_line_names_file_and_line(tmp_path: Path) -> None:
    bad = _event("JPN", "PRK", "163", "bilateral", "Japan imposed")
    path = write(tmp_path / "g.jsonl", json.dumps({"id": "x", "split": "dev", "events": [bad]}))
    with pytest.raises(InputError, match=f"{path}:1.*kind"):
        load_story_gold(path)
    org = _event("JPN", "PRK", "163", "international", "Japan imposed")
    org["target"] = {"country": None, "sector": "IGO", "code": "UNO"}
    write(path, json.dumps({"id": "x", "split": "dev", "events": [org]}))
    with pytest.raises(InputError, match="full code"):
        load_story_gold(path)


def test_story_eval_missing_story_is_a_clear_error(
    pipeline: Pipeline, small_corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, _ = small_corpus
    path = write(tmp_path / "g.jsonl", json.dumps({"id": "nope", "split": "dev", "events": []}))
    with pytest.raises(InputError, match="stories missing from the corpus: nope"):
        evaluate_stories(pipeline, load_story_gold(path), corpus)


def test_story_eval_sentence_gold_and_story_gold_are_told_apart(
    small_corpus: tuple[Path, Path],
) -> None:
    assert is_story_gold(small_corpus[1])
    assert not is_story_gold(ROOT / "tests" / "gold" / "dev_mixed.jsonl")


def test_story_eval_voa_gold_is_complete_and_well_formed() -> None:
    stories = load_story_gold(VOA_GOLD)
    assert len(stories) == 54 and len({s.id for s in stories}) == 54
    splits = {s.split for s in stories}
    assert splits == {"dev", "heldout"}
    kinds = {e.kind for s in stories for e in s.events}
    assert kinds == set(KINDS)
    assert sum(len(s.events) for s in stories) >= 500


def test_story_eval_voa_gold_evidence_is_in_the_stories() -> None:
    if not VOA_CORPUS.is_file():
        pytest.skip(f"VOA stories not found at {VOA_CORPUS}")
    texts = {}
    for line in VOA_CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    for story in load_story_gold(VOA_GOLD):
        for event in story.events:
            assert event.evidence in texts[story.id], (story.id, event.evidence)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_story_eval_voa_meets_its_floors(pipeline: Pipeline, split: str) -> None:
    if not VOA_CORPUS.is_file():
        pytest.skip(f"VOA stories not found at {VOA_CORPUS}")
    report = evaluate_stories(pipeline, load_story_gold(VOA_GOLD), VOA_CORPUS, split=split)
    print(json.dumps(report.as_dict(), indent=1))
    assert check_story_floors(report, load_story_floors(VOA_FLOORS, split)) == []
