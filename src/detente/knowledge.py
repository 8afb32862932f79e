"""Reading the knowledge files under `detente/data/`.

Every dictionary, lexicon and ontology table is a versioned data file with a
provenance header. This module only reads and checks that envelope; each stage
validates the entries it understands. The digest of everything loaded is
recorded with every ingest so results can be reproduced.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from detente.errors import DataFileError

REQUIRED_META = ("name", "version", "source", "updated")
T = TypeVar("T")


def parse_json_lines(path: Path, parse: Callable[[dict[str, Any]], T], what: str) -> list[T]:
    """Each non-blank line of a JSON Lines file (gold, training sentences) through `parse`;
    a malformed line fails with the file and line number and what it should have been."""
    import json

    from detente.errors import InputError

    parsed = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            parsed.append(parse(json.loads(line)))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"{path}:{number}", f"not {what}: {exc!r}") from exc
    return parsed


def data_path(*parts: str) -> Path:
    """Path of a file shipped in the package's data folder."""
    return Path(str(resources.files("detente").joinpath("data", *parts)))


@dataclass(frozen=True, slots=True)
class DataFile:
    """A parsed YAML knowledge file: its header and its entries."""

    path: Path
    meta: dict[str, Any]
    entries: list[dict[str, Any]]
    digest: str
    extra: dict[str, list[Any]] | None = None  # optional sections asked for

    def section(self, key: str) -> list[Any]:
        """An optional list (of mappings or words) loaded beside the entries, or []."""
        return (self.extra or {}).get(key, [])


def load_yaml(path: Path, key: str, *optional: str) -> DataFile:
    """Load a YAML knowledge file whose entries live under `key`, checking the header;
    `optional` names further lists of mappings the file may hold."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc.strerror})") from exc
    try:
        doc = yaml.safe_load(raw)
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a date like 2021-13-01
        raise DataFileError(path, f"is not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise DataFileError(path, "must be a mapping with 'meta' and '" + key + "'")
    meta = doc.get("meta")
    if not isinstance(meta, dict):
        raise DataFileError(path, "has no 'meta' header (name, version, source, updated)")
    missing = [f for f in REQUIRED_META if meta.get(f) in (None, "")]
    if missing:
        raise DataFileError(path, f"meta header lacks {', '.join(missing)}")
    sections: dict[str, list[Any]] = {}
    for name in (key, *optional):
        entries = doc.get(name) if name == key else doc.get(name) or []
        if not isinstance(entries, list):
            raise DataFileError(path, f"has no list '{name}'")
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) and (name == key or not isinstance(entry, str)):
                raise DataFileError(path, f"{name} entry {number} is not a mapping: {entry!r}")
            _no_bare_booleans(path, name, number, entry)
        sections[name] = entries
    main = sections.pop(key)
    return DataFile(path, meta, main, hashlib.sha256(raw).hexdigest(), sections)


def _no_bare_booleans(path: Path, section: str, number: int, entry: Any) -> None:
    """YAML reads an unquoted no, yes, on or off in a word list as a boolean: the word
    would be lost without a sound ("[not, never, no]")."""
    values = entry.values() if isinstance(entry, dict) else ()
    for value in values:
        if isinstance(value, list) and any(isinstance(v, bool) for v in value):
            raise DataFileError(
                path,
                f"{section} entry {number}: a word list holds {value!r}; quote yes, no, on and off",
            )


def read_csv(path: Path, columns: Iterable[str]) -> tuple[list[dict[str, str]], str]:
    """Rows of a CSV table (lines starting with '#' are provenance comments) and its digest."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(path, f"cannot be read ({exc.strerror})") from exc
    lines = [ln for ln in raw.decode("utf-8").splitlines() if not ln.startswith("#")]
    reader = csv.DictReader(lines)
    wanted = list(columns)
    if reader.fieldnames is None or any(c not in reader.fieldnames for c in wanted):
        raise DataFileError(path, f"needs the columns {', '.join(wanted)}")
    return list(reader), hashlib.sha256(raw).hexdigest()


def require(path: Path, entry: dict[str, Any], number: int, *fields: str) -> None:
    """Fail with the entry number when a required field is missing or empty."""
    for name in fields:
        if entry.get(name) in (None, "", []):
            raise DataFileError(path, f"entry {number} lacks '{name}': {entry!r}")


def combined_digest(digests: Iterable[str]) -> str:
    """One digest for a set of loaded files, independent of load order."""
    return hashlib.sha256("".join(sorted(digests)).encode()).hexdigest()[:16]


def strings(value: Any) -> Iterator[str]:
    """The strings of a field that may be absent, a string or a list."""
    if value is None:
        return
    if isinstance(value, str):
        yield value
        return
    for item in value:
        if item:
            yield str(item)


def words_by_kind(path: Path, key: str) -> tuple[dict[str, list[str]], str]:
    """Entries `{kind: ..., words: [...]}` gathered by kind, and the file's digest."""
    data = load_yaml(path, key)
    found: dict[str, list[str]] = {}
    for number, entry in enumerate(data.entries, 1):
        require(path, entry, number, "kind", "words")
        found.setdefault(str(entry["kind"]), []).extend(strings(entry["words"]))
    return found, data.digest
