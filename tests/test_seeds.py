"""The reference articles in ../shared/seeds (read at test time, never copied here)."""

from __future__ import annotations

from datetime import date

import pytest

from detente.pipeline import Pipeline
from detente.schema import Article, PublishedSource
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

SEED_2024 = SEEDS / "003_b959f7fb0f83374f.txt"


def code_seed(pipeline: Pipeline, name: str, published: date):
    if not SEEDS.is_dir():
        pytest.skip(f"reference articles not found at {SEEDS}")
    path = SEEDS / name
    article = Article(
        article_id=str(path),
        text=path.read_text(encoding="utf-8"),
        origin=str(path),
        published=published,
        published_source=PublishedSource.GIVEN,
    )
    return next(pipeline.process([article])).events


def test_seeds_2024_blinken_wang_meeting_in_beijing(pipeline: Pipeline) -> None:
    events = code_seed(pipeline, SEED_2024.name, date(2024, 4, 26))
    meetings = [
        e
        for e in events
        if e.cameo_root == "04"
        and {e.source.actor.country, e.target.actor.country} == {"USA", "CHN"}
        and e.date == date(2024, 4, 26)
        and e.location is not None
        and e.location.name == "Beijing"
    ]
    assert meetings, [e.to_record() for e in events]
    assert "met in Beijing" in meetings[0].evidence


SEED_2021 = SEEDS / "000_28ae25f021605fe1.txt"

# (seed file, publication date, mention as it appears there, expected actor code)
SEED_ACTORS = [
    (SEED_2021, "2021-07-25", "Wendy Sherman", "USAGOV"),
    (SEED_2021, "2021-07-25", "Wang Yi", "CHNGOV"),
    (SEED_2021, "2021-07-25", "Zhao Lijian", "CHNGOV"),
    (SEED_2021, "2021-07-25", "Xie Feng", "CHNGOV"),
    (SEED_2021, "2021-07-25", "John Kerry", "USAGOV"),
    (SEED_2021, "2021-07-25", "Lloyd Austin", "USAGOV"),
    (SEED_2021, "2021-07-25", "Antony Blinken", "USAGOV"),
    (SEED_2021, "2021-07-25", "Xi Jinping", "CHNGOV"),
    (SEED_2021, "2021-07-25", "Wilbur Ross", "USAELI"),
    (SEED_2021, "2021-07-25", "White House", "USAGOV"),
    (SEED_2021, "2021-07-25", "Ministry of State Security", "CHNSPY"),
    (SEED_2021, "2021-07-25", "Avery Goldstein", "USAEDU"),
    (SEED_2021, "2021-07-25", "Washington", "USAGOV"),
    (SEED_2021, "2021-07-25", "Sherman", "USAGOV"),  # first bare mention after the full name
    (SEED_2024, "2024-04-26", "Beijing", "CHNGOV"),
    (SEED_2024, "2024-04-26", "Wang Xiaohong", "CHNGOV"),
    (SEED_2024, "2024-04-26", "Janet Yellen", "USAGOV"),
    (SEED_2024, "2024-04-26", "China Daily", "CHNMED"),
    (SEED_2024, "2024-04-26", "Blinken", "USAGOV"),
    (SEED_2024, "2024-04-26", "Wang", "CHNGOV"),
]


@pytest.mark.parametrize(("seed", "published", "mention", "code"), SEED_ACTORS)
def test_seeds_actor_resolves(pipeline: Pipeline, seed, published, mention, code) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"reference articles not found at {SEEDS}")
    day = date.fromisoformat(published)
    text = seed.read_text(encoding="utf-8")
    doc = pipeline.nlp(text)
    pipeline.coder.resolver.annotate(doc, day)
    # the first mention standing alone (a bare "Wang" must not be the start of "Wang Yi")
    for token in doc:
        span = doc[token.i : token.i + len(mention.split())]
        after = doc[span.end] if span.end < len(doc) else None
        if span.text == mention and not (after is not None and after.pos_ == "PROPN"):
            found = pipeline.coder.resolver.resolve(span.root, day)
            assert found is not None and found.actor.code == code, (mention, found)
            return
    pytest.fail(f"{mention!r} not found in {seed.name}")


def _events_and_result(pipeline: Pipeline, seed, published: str):
    if not SEEDS.is_dir():
        pytest.skip(f"reference articles not found at {SEEDS}")
    article = Article(
        article_id=str(seed),
        text=seed.read_text(encoding="utf-8"),
        origin=str(seed),
        published=date.fromisoformat(published),
        published_source=PublishedSource.GIVEN,
    )
    return next(pipeline.process([article]))


def _find(events, source: str, root: str, target: str):
    return [
        e
        for e in events
        if e.source.actor.country == source
        and e.cameo_root == root
        and e.target.actor.country == target
    ]


def test_seeds_2021_dates_places_quotes_issues(pipeline: Pipeline) -> None:
    result = _events_and_result(pipeline, SEED_2021, "2021-07-25")
    (meeting,) = _find(result.events, "USA", "03", "CHN")  # planned meeting, 036
    assert meeting.cameo == "036" and meeting.status.value == "planned"
    assert meeting.date == date(2021, 7, 26) and meeting.location.name == "Tianjin"
    (stonewall,) = [e for e in _find(result.events, "USA", "11", "CHN") if e.cameo == "111"]
    (hack,) = [e for e in _find(result.events, "USA", "11", "CHN") if e.cameo == "1125"]
    assert hack.target.actor.code == "CHNGOV"  # the hack blamed on actors tied to the government
    assert stonewall.date == date(2021, 7, 22) and stonewall.date_precision == "day"
    assert "pandemic" in stonewall.issues
    speakers = {q.speaker.actor.name for q in result.quotes if q.direct and q.speaker}
    assert {"Avery Goldstein", "Zhao Lijian"} <= speakers
    goldstein = [
        q for q in result.quotes if q.speaker and q.speaker.actor.name == "Avery Goldstein"
    ]
    assert all(q.speaker.actor.code == "USAEDU" for q in goldstein)
    charged = _find(result.events, "USA", "17", "CHN")
    assert charged and {"cyber"} <= set(charged[0].issues)
    assert {"human_rights", "taiwan", "cyber", "pandemic", "sanctions"} <= set(result.issues)


def test_seeds_2024_dates_places_quotes_issues(pipeline: Pipeline) -> None:
    result = _events_and_result(pipeline, SEED_2024, "2024-04-26")
    arrivals = [e for e in _find(result.events, "USA", "04", "CHN") if e.rule.startswith("land.")]
    assert arrivals and arrivals[0].date == date(2024, 4, 25)
    assert arrivals[0].location.name == "Beijing"
    meetings = [e for e in _find(result.events, "USA", "04", "CHN") if e.cameo == "040"]
    assert meetings[0].date == date(2024, 4, 26) and meetings[0].location.name == "Beijing"
    assert "russia_ukraine" in meetings[0].issues
    editorial = [q for q in result.quotes if q.speaker and q.speaker.actor.code == "CHNMED"]
    assert editorial, "the China Daily editorial is quoted with its speaker"
    assert {"russia_ukraine", "taiwan", "fentanyl", "south_china_sea"} <= set(result.issues)


# Every interaction the seeds' README lists, with its direction: (seed, published, source
# country, CAMEO root, target country). Roots follow the README's words: a planned meeting
# is 03, a protest or complaint 11 (CAMEO 114), a threat 13, material support 07.
README_INTERACTIONS = [
    (SEED_2021, "2021-07-25", "USA", "03", "CHN"),  # planned meeting in Tianjin
    (SEED_2021, "2021-07-25", "CHN", "16", "USA"),  # sanctions on Americans
    (SEED_2021, "2021-07-25", "CHN", "11", "USA"),  # protest and criticism
    (SEED_2021, "2021-07-25", "USA", "11", "CHN"),  # hack blamed, stonewalling
    (SEED_2021, "2021-07-25", "USA", "17", "CHN"),  # charges
    (SEED_2021, "2021-07-25", "USA", "03", "IND"),  # visits
    (SEED_2021, "2021-07-25", "USA", "04", "SGP"),
    (SEED_2021, "2021-07-25", "USA", "04", "VNM"),
    (SEED_2021, "2021-07-25", "USA", "04", "PHL"),
    (SEED_2021, "2021-07-25", "CHN", "11", "JPN"),  # "Cold War mentality"
    (SEED_2024, "2024-04-26", "USA", "04", "CHN"),  # the meeting in Beijing
    (SEED_2024, "2024-04-26", "CHN", "11", "USA"),  # Wang's complaint
    (SEED_2024, "2024-04-26", "USA", "13", "CHN"),  # ready to act against Chinese firms
    (SEED_2024, "2024-04-26", "CHN", "07", "RUS"),  # firms assisting Russia's defence industry
    (SEED_2024, "2024-04-26", "USA", "03", "CHN"),  # expected meeting with Xi
    (SEED_2024, "2024-04-26", "USA", "10", "CHN"),  # fair competition, in Shanghai
]


@pytest.mark.parametrize(("seed", "published", "source", "root", "target"), README_INTERACTIONS)
def test_seeds_readme_interaction_found(pipeline, seed, published, source, root, target) -> None:
    events = code_seed(pipeline, seed.name, date.fromisoformat(published))
    assert _find(events, source, root, target), [
        (e.source.actor.code, e.cameo, e.target.actor.code) for e in events
    ]


def test_seeds_complaint_and_criticism_by_china(pipeline: Pipeline) -> None:
    events = code_seed(pipeline, SEED_2024.name, date(2024, 4, 26))
    (complaint,) = [e for e in _find(events, "CHN", "11", "USA") if e.cameo == "114"]
    assert complaint.rule == "tell.v:grievance"
    (demand,) = _find(events, "USA", "10", "CHN")
    assert demand.location is not None and demand.location.name == "Shanghai"
    old = code_seed(pipeline, SEED_2021.name, date(2021, 7, 25))
    assert {e.cameo for e in _find(old, "CHN", "11", "USA")} >= {"111", "114"}
