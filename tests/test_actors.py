"""Actor resolution: a mention in its sentence -> country and sector.

Each row: the sentence, the mention to resolve, the publication date, and the
expected country and sector (None = a bare country acting as a state).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import ActorDictionary, ActorResolver
from detente.errors import DataFileError
from detente.pipeline import Pipeline
from tests.helpers import write

pytestmark = pytest.mark.slow

CASES = [
    # countries, short names, demonyms
    ("China imposed new tariffs.", "China", "2024-04-26", "CHN", None),
    ("The United States expelled two diplomats.", "United States", "2024-04-26", "USA", None),
    ("The U.S. charged four men.", "U.S.", "2021-07-20", "USA", None),
    ("Britain summoned the ambassador.", "Britain", "2024-04-26", "GBR", None),
    # capitals and seats of power as metonyms
    ("Beijing protested the decision.", "Beijing", "2024-04-26", "CHN", "GOV"),
    ("Washington rejected the offer.", "Washington", "2024-04-26", "USA", "GOV"),
    ("Moscow denied the report.", "Moscow", "2024-04-26", "RUS", "GOV"),
    ("The Pentagon deployed more jets.", "Pentagon", "2024-04-26", "USA", "MIL"),
    # role nouns with a nationality or a country
    ("Chinese troops crossed the line.", "troops", "2022-12-12", "CHN", "MIL"),
    ("The Chinese Foreign Minister arrived.", "Minister", "2024-04-26", "CHN", "GOV"),
    ("China's Foreign Minister arrived.", "Minister", "2024-04-26", "CHN", "GOV"),
    ("The US Secretary of State arrived.", "Secretary", "2024-04-26", "USA", "GOV"),
    ("Four Chinese nationals were charged.", "nationals", "2021-07-20", "CHN", "CVL"),
    ("Japanese lawmakers visited Taipei.", "lawmakers", "2024-04-26", "JPN", "LEG"),
    ("Americans were sanctioned.", "Americans", "2021-07-23", "USA", "CVL"),
    # agencies and organisations
    ("The State Department issued a warning.", "Department", "2024-04-26", "USA", "GOV"),
    ("The Ministry of State Security arrested him.", "Ministry", "2024-04-26", "CHN", "SPY"),
    ("The Chinese Foreign Ministry spokesman spoke.", "spokesman", "2021-07-20", "CHN", "GOV"),
    ("Pentagon officials briefed reporters.", "officials", "2024-04-26", "USA", "MIL"),
    ("The World Health Organization asked for data.", "Organization", "2021-07-22", None, "IGO"),
    # people with dated roles
    ("Wang Yi met the envoy.", "Yi", "2024-04-26", "CHN", "GOV"),
    ("Antony Blinken met the envoy.", "Blinken", "2024-04-26", "USA", "GOV"),
    ("Antony Blinken met the envoy.", "Blinken", "2025-06-01", "USA", "ELI"),
    ("Former Commerce Secretary Wilbur Ross was sanctioned.", "Ross", "2021-07-23", "USA", "ELI"),
]


@pytest.mark.parametrize(
    ("published", "name"),
    [
        ("2006-03-01", "Condoleezza Rice"),  # Secretary of State then
        ("2014-03-01", "Susan Rice"),  # National Security Adviser then
        ("2003-05-01", None),  # Colin and Jonathan Powell both in office: no guess
    ],
)
def test_actors_shared_family_name_finds_who_was_in_office(
    resolver, nlp, published: str, name: str | None
) -> None:
    day = date.fromisoformat(published)
    sentence = "Rice visited Seoul." if name else "Powell visited Seoul."
    doc = nlp(sentence)
    resolver.annotate(doc, day)
    found = resolver.resolve(doc[0], day)
    assert (found.actor.name if found else None) == name


@pytest.fixture(scope="module")
def resolver(pipeline: Pipeline) -> ActorResolver:
    return pipeline.coder.resolver


@pytest.mark.parametrize(("sentence", "mention", "published", "country", "sector"), CASES)
def test_actors_mention_resolves(
    resolver, nlp, sentence, mention, published, country, sector
) -> None:
    day = date.fromisoformat(published)
    doc = nlp(sentence)
    resolver.annotate(doc, day)
    head = mention.split()[-1]  # the head of the noun phrase is its last word here
    token = next(t for t in doc if t.text == head)
    found = resolver.resolve(token, day)
    assert found is not None, f"{mention!r} unresolved in {sentence!r}"
    assert (found.actor.country, found.actor.sector) == (country, sector)


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("The committee met on Tuesday.", "committee"),
        ("Analysts expect growth to slow.", "Analysts"),
    ],
)
def test_actors_unknown_mention_is_not_an_actor(resolver, nlp, sentence, mention) -> None:
    doc = nlp(sentence)
    resolver.annotate(doc)
    token = next(t for t in doc if t.text == mention)
    assert resolver.resolve(token, date(2024, 4, 26)) is None


def test_actors_user_dictionary_wins_over_shipped(tmp_path: Path, nlp) -> None:
    user = write(
        tmp_path / "mine.csv",
        "name,country,sector,aliases\nGondor Guard,GBR,MIL,the Guard|Beijing\n",
    )
    book = ActorDictionary.load(user_files=[user])
    resolver = ActorResolver(nlp, book)
    doc = nlp("Beijing protested.")
    resolver.annotate(doc)
    found = resolver.resolve(doc[0], date(2024, 4, 26))
    assert found is not None and (found.actor.country, found.actor.sector) == ("GBR", "MIL")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("bad.csv", "who,what\nx,y\n", "CSV needs the columns name, country, sector"),
        (
            "bad.csv",
            "name,country,sector\nArnor Watch,ARN,MIL\n",
            "'ARN' is not an ISO 3166-1 alpha-3 code",
        ),
        (
            "bad.csv",
            "name,country,sector\nArnor Watch,GBR,WIZARDS\n",
            "sector 'WIZARDS' is not one of",
        ),
        (
            "bad.yaml",
            "people:\n  - {name: Aragorn, roles: "
            "[{country: GBR, sector: GOV, start: 3019-13-01}]}\n",
            "month must be in 1..12",
        ),
        ("bad.yaml", "kings: []\n", "has none of the sections"),
    ],
)
def test_actors_bad_user_dictionary_is_a_clear_error(
    tmp_path: Path, name, content, problem
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(DataFileError) as info:
        ActorDictionary.load(user_files=[path])
    assert str(path) in str(info.value) and problem in str(info.value)
