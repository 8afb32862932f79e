"""The actor dictionaries: countries, agencies, IGOs, office titles and people.

All of it is data under `data/actors/` (and optional user files layered on
top, which win). This module loads and checks the files and turns them into
two lookups: surface names (matched case-sensitively: "US" is a country, "us"
is not) and role phrases (matched in lowercase: "Foreign Minister").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pycountry
import yaml

from detente.errors import DataFileError
from detente.knowledge import DataFile, combined_digest, data_path, load_yaml, require, strings
from detente.schema import Actor

EXTRA_COUNTRIES = frozenset({"XKX"})
SHIPPED_FILES = (
    "countries.yaml",
    "agencies.yaml",
    "igos.yaml",
    "roles.yaml",
    "people.yaml",
    "features.yaml",
)


FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"})


def load_sectors(path: Path | None = None) -> frozenset[str]:
    """The sector codes an actor may carry (data/actors/sectors.yaml)."""
    path = path or data_path("actors", "sectors.yaml")
    data = load_yaml(path, "sectors")
    for number, entry in enumerate(data.entries, 1):
        require(path, entry, number, "code", "meaning")
    return frozenset(str(e["code"]) for e in data.entries)


def valid_country(code: str) -> bool:
    return code in EXTRA_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


# a family name shared by at most this many people still finds the one in office
SHARED_SURNAME_MAX = 3


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One office a person held, with its dates (None = open-ended)."""

    country: str | None
    sector: str
    title: str | None
    start: date | None
    end: date | None
    igo: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    roles: tuple[RoleSpan, ...]

    def role_on(self, day: date | None) -> tuple[RoleSpan | None, bool]:
        """The role held on `day` and whether the person is a former office holder then.

        With no date the most recent role is used. After every role has ended the
        person is 'former' (sector ELI, country of the last role).
        """
        if not self.roles:
            return None, False
        if day is None:
            return self.roles[-1], False
        current = [r for r in self.roles if r.holds_on(day)]
        if current:
            # the most recently started role is the one news will use
            return max(current, key=lambda r: r.start or date.min), False
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if past:
            return max(past, key=lambda r: r.end or date.min), True
        return None, False  # not yet in any known role


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What a surface name stands for."""

    kind: str  # country, adjective, metonym, place, agency, igo, person, surname, coref, feature
    name: str
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    person: Person | None = None
    actor: Actor | None = None  # coref: the actor of the earlier full mention


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str
    sector: str
    country: str | None = None
    rank: str | None = None


@dataclass
class ActorDictionary:
    """Surface names and role phrases with what they resolve to."""

    sectors: frozenset[str] = field(default_factory=load_sectors)
    names: dict[str, list[NameEntry]] = field(default_factory=dict)
    lower_names: dict[str, list[NameEntry]] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)
    capitals: dict[str, str] = field(default_factory=dict)
    igo_parents: dict[str, str] = field(default_factory=dict)
    digests: list[str] = field(default_factory=list)

    @property
    def digest(self) -> str:
        return combined_digest(self.digests)

    @classmethod
    def load(cls, folder: Path | None = None, user_files: Iterable[Path] = ()) -> ActorDictionary:
        """Load the shipped files, then user files whose entries override them."""
        folder = folder or data_path("actors")
        book = cls()
        for filename in SHIPPED_FILES:
            path = folder / filename
            if path.exists():
                book._add_file(path)
        for path in user_files:
            book.add_user_file(Path(path))
        book.add_surnames()
        return book

    def igo_ancestors(self, code: str) -> list[str]:
        """An organisation's code and those it belongs to (UNS -> UNO), for rolling up."""
        chain = [code]
        while chain[-1] in self.igo_parents and self.igo_parents[chain[-1]] not in chain:
            chain.append(self.igo_parents[chain[-1]])
        return chain

    def add_surnames(self) -> None:
        """Let a well-known person's family name alone find them ("Blinken", "Xi").

        Only names not already meaning something else. A name borne by a few
        people ("Powell": Colin and Jerome) keeps them all, and the resolver takes
        the one in office on the publication date; names borne by many ("Wang",
        "Kim") are left to coreference within the article. Family name first for
        Chinese, Korean and Vietnamese names.
        """
        owners: dict[str, set[str]] = {}
        people: dict[str, Person] = {}
        for entries in list(self.names.values()):
            for entry in entries:
                if entry.kind == "person" and entry.person is not None:
                    people[entry.person.name] = entry.person
        for person in people.values():
            parts = person.name.split()
            if len(parts) < 2:
                continue
            countries = {r.country for r in person.roles}
            family = parts[0] if countries & FAMILY_NAME_FIRST else parts[-1]
            owners.setdefault(family, set()).add(person.name)
        for family, names in owners.items():
            if len(names) <= SHARED_SURNAME_MAX and family not in self.names and len(family) >= 2:
                self.names[family] = [
                    NameEntry("surname", name, person=people[name]) for name in sorted(names)
                ]

    def add(self, surface: str, entry: NameEntry, *, case_sensitive: bool = True) -> None:
        """Register a surface form; a later entry of the same kind replaces an earlier one."""
        surface = _strip_article(surface)
        if not surface:
            return
        table = self.names if case_sensitive else self.lower_names
        key = surface if case_sensitive else surface.lower()
        kept = [e for e in table.get(key, []) if e.kind != entry.kind]
        table[key] = [entry, *kept]

    def lookup(self, surface: str) -> list[NameEntry]:
        return self.names.get(surface, []) + self.lower_names.get(surface.lower(), [])

    # -- loading -----------------------------------------------------------

    def _add_file(self, path: Path) -> None:
        kind = path.stem
        key = {
            "countries": "countries",
            "agencies": "agencies",
            "igos": "igos",
            "roles": "roles",
            "people": "people",
            "features": "features",
        }.get(kind)
        if key is None:
            raise DataFileError(
                path, "unknown actor file (expected one of " + ", ".join(SHIPPED_FILES) + ")"
            )
        data = load_yaml(path, key)
        self._add_entries(key, data)

    def add_user_file(self, path: Path) -> None:
        """A user dictionary (YAML with any of the shipped sections, or CSV of actors)."""
        if path.suffix.lower() == ".csv":
            self._add_user_csv(path)
            return
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, ValueError) as exc:  # YAML raises ValueError on bad dates
            raise DataFileError(path, f"cannot be read as YAML: {exc}") from exc
        if not isinstance(doc, dict):
            raise DataFileError(
                path, "must be a mapping with sections such as 'actors' or 'people'"
            )
        sections = [
            k for k in ("countries", "agencies", "igos", "roles", "people", "actors") if k in doc
        ]
        if not sections:
            raise DataFileError(
                path, "has none of the sections countries, agencies, igos, roles, people, actors"
            )
        for key in sections:
            entries = doc[key]
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                raise DataFileError(path, f"section '{key}' must be a list of mappings")
            meta = doc.get("meta") or {"name": path.name}
            data = DataFile(path, meta, entries, digest=_file_digest(path))
            self._add_entries("agencies" if key == "actors" else key, data)

    def _add_user_csv(self, path: Path) -> None:
        """CSV columns: name, country, sector (optional: aliases separated by '|', igo)."""
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(path, f"cannot be read ({exc.strerror})") from exc
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or not {"name", "sector"} <= set(reader.fieldnames):
            raise DataFileError(
                path, "CSV needs the columns name, country, sector (and optionally aliases, igo)"
            )
        entries: list[dict[str, Any]] = []
        for row in reader:
            entries.append(
                {
                    "name": (row.get("name") or "").strip(),
                    "aliases": [
                        a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()
                    ],
                    "country": (row.get("country") or "").strip() or None,
                    "sector": (row.get("sector") or "").strip() or None,
                    "igo": (row.get("igo") or "").strip() or None,
                }
            )
        data = DataFile(path, {"name": path.name}, entries, digest=_file_digest(path))
        self._add_entries("agencies", data)

    def _add_entries(self, key: str, data: DataFile) -> None:
        adders = {
            "countries": self._add_country,
            "agencies": self._add_agency,
            "igos": self._add_igo,
            "roles": self._add_role,
            "people": self._add_person,
            "features": self._add_feature,
        }
        for number, entry in enumerate(data.entries, 1):
            adders[key](data.path, number, entry)
        self.digests.append(data.digest)

    def _country(self, path: Path, number: int, value: Any, *, required: bool) -> str | None:
        if value in (None, ""):
            if required:
                raise DataFileError(path, f"entry {number} lacks a country code")
            return None
        code = str(value).upper()
        if not valid_country(code):
            raise DataFileError(
                path, f"entry {number}: {value!r} is not an ISO 3166-1 alpha-3 code"
            )
        return code

    def _sector(self, path: Path, number: int, value: Any) -> str:
        sector = str(value or "").upper()
        if sector not in self.sectors:
            allowed = " ".join(sorted(self.sectors))
            raise DataFileError(path, f"entry {number}: sector {value!r} is not one of {allowed}")
        return sector

    def _add_country(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        require(path, entry, number, "code", "name")
        code = self._country(path, number, entry["code"], required=True)
        name = str(entry["name"])
        if entry.get("capital") and code:
            self.capitals[code] = str(entry["capital"])
        for surface in {name, *strings(entry.get("names"))}:
            self.add(surface, NameEntry("country", name, country=code))
        for surface in strings(entry.get("adjectives")):
            self.add(surface, NameEntry("adjective", name, country=code))
        for surface in strings(entry.get("places")):
            self.add(surface, NameEntry("place", surface, country=code))
        for metonym in entry.get("metonyms") or []:
            if not isinstance(metonym, dict) or not metonym.get("name"):
                raise DataFileError(
                    path, f"entry {number} ({name}): metonyms need 'name' and 'sector'"
                )
            sector = self._sector(path, number, metonym.get("sector"))
            self.add(str(metonym["name"]), NameEntry("metonym", str(metonym["name"]), code, sector))
        self.ambiguous.update(_strip_article(s) for s in strings(entry.get("ambiguous")))

    def _add_agency(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        require(path, entry, number, "name", "sector")
        sector = self._sector(path, number, entry["sector"])
        if entry.get("igo"):
            self._add_igo(path, number, {**entry, "code": entry["igo"]})
            return
        country = self._country(path, number, entry.get("country"), required=False)
        name = str(entry["name"])
        record = NameEntry("agency", name, country=country, sector=sector)
        for surface in {name, *strings(entry.get("aliases"))}:
            # generic bodies ("the foreign ministry") are written in any case
            self.add(surface, record, case_sensitive=country is not None)

    def _add_igo(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        require(path, entry, number, "code", "name")
        sector = self._sector(path, number, entry.get("sector") or "IGO")
        name = str(entry["name"])
        code = str(entry["code"]).upper()
        # international NGOs and groups live here too: coded like IGOs, by their own code
        # under their sector (NGOAMN, REBISL), with no country
        record = NameEntry("igo", name, sector=sector, igo=code)
        if entry.get("parent"):
            self.igo_parents[code] = str(entry["parent"]).upper()
        for surface in {name, *strings(entry.get("aliases"))}:
            self.add(surface, record)

    def _add_role(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        require(path, entry, number, "phrase", "sector")
        phrase = str(entry["phrase"]).lower().strip()
        self.roles[phrase] = Role(
            phrase=phrase,
            sector=self._sector(path, number, entry["sector"]),
            country=self._country(path, number, entry.get("country"), required=False),
            rank=entry.get("rank"),
        )

    def _add_feature(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        """A name that blocks the country inside it ("South China Sea") and is no actor."""
        require(path, entry, number, "name")
        self.add(str(entry["name"]), NameEntry("feature", str(entry["name"])))

    def _add_person(self, path: Path, number: int, entry: dict[str, Any]) -> None:
        require(path, entry, number, "name", "roles")
        spans = []
        for role in entry["roles"]:
            if not isinstance(role, dict):
                raise DataFileError(path, f"entry {number}: each role must be a mapping")
            sector = self._sector(path, number, role.get("sector"))
            igo = role.get("igo")
            country = self._country(
                path, number, role.get("country"), required=sector != "IGO" and not igo
            )
            start, end = (
                _date(path, number, role.get("start")),
                _date(path, number, role.get("end")),
            )
            if start and end and end < start:
                raise DataFileError(path, f"entry {number}: role ends before it starts: {role!r}")
            spans.append(RoleSpan(country, sector, role.get("title"), start, end, igo))
        spans.sort(key=lambda r: r.start or date.min)
        person = Person(str(entry["name"]), tuple(spans))
        for surface in {person.name, *strings(entry.get("aliases"))}:
            self.add(surface, NameEntry("person", person.name, person=person))


def _strip_article(surface: str) -> str:
    surface = surface.strip()
    for article in ("the ", "The "):
        if surface.startswith(article):
            return surface[len(article) :]
    return surface


def _date(path: Path, number: int, value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(path, f"entry {number}: {value!r} is not a YYYY-MM-DD date") from exc


def _file_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
