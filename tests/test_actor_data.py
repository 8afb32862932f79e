"""The shipped actor dictionaries: they load, they are consistent, they cover what users need."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
import yaml

from detente.actors import ActorDictionary
from detente.actors.dictionary import load_sectors
from detente.knowledge import data_path


@pytest.fixture(scope="module")
def book() -> ActorDictionary:
    return ActorDictionary.load()


def test_actor_data_every_file_has_provenance() -> None:
    for name in ("countries", "agencies", "igos", "roles", "people", "sectors", "features"):
        meta = yaml.safe_load(data_path("actors", f"{name}.yaml").read_text())["meta"]
        assert {"name", "version", "source", "updated"} <= set(meta), name


def test_actor_data_covers_all_iso_countries(book: ActorDictionary) -> None:
    import pycountry

    countries = {
        e.country for entries in book.names.values() for e in entries if e.kind == "country"
    }
    assert {c.alpha_3 for c in pycountry.countries} <= countries
    assert "XKX" in countries


def test_actor_data_no_country_name_points_to_two_countries() -> None:
    doc = yaml.safe_load(data_path("actors", "countries.yaml").read_text())
    owners: dict[str, set[str]] = {}
    for country in doc["countries"]:
        for field in ("names", "adjectives", "places"):
            for surface in country.get(field) or []:
                owners.setdefault(surface, set()).add(country["code"])
    shared = {s: c for s, c in owners.items() if len(c) > 1}
    assert shared == {}


def test_actor_data_people_have_dated_roles(book: ActorDictionary) -> None:
    people = {e.person.name: e.person for v in book.names.values() for e in v if e.person}
    assert len(people) >= 300
    blinken = people["Antony Blinken"]
    assert blinken.role_on(date(2022, 6, 1))[0].country == "USA"
    assert blinken.role_on(date(2025, 6, 1))[1] is True  # former by then
    seeds = [
        "Wendy Sherman",
        "Wang Yi",
        "Zhao Lijian",
        "Xie Feng",
        "Wang Xiaohong",
        "Janet Yellen",
        "John Kerry",
        "Lloyd Austin",
        "Xi Jinping",
        "Joe Biden",
        "Wilbur Ross",
        "Nancy Pelosi",
        "Avery Goldstein",
    ]
    assert [name for name in seeds if name not in people] == []


def test_actor_data_sectors_are_the_documented_list(book: ActorDictionary) -> None:
    assert {
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "COP",
        "SPY",
        "ELI",
        "BUS",
        "MED",
        "EDU",
        "CVL",
        "OPP",
        "REB",
        "NGO",
        "IGO",
        "REF",
        "LAB",
        "HLH",
    } <= load_sectors()
    used = Counter(role.sector for role in book.roles.values())
    assert used["GOV"] > 50 and used["MIL"] > 10


def test_actor_data_igos_have_codes(book: ActorDictionary) -> None:
    igos = {e.name: e.igo for v in book.names.values() for e in v if e.kind == "igo"}
    assert igos["United Nations"] == "UNO"
    assert igos["World Health Organization"] == "WHO"
    assert igos["NATO"] == "NAT"
