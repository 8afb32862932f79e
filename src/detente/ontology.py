"""CAMEO codes with Goldstein scores and quad classes, and their PLOVER mapping.

Loaded from `data/ontology/`; every event carries both codings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from detente.errors import DataFileError
from detente.knowledge import data_path, read_csv

QUAD_CLASS_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float | None
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


class Ontology:
    """Lookup of CAMEO codes; cheap to build, loads its tables in `load()`."""

    def __init__(
        self, codes: dict[str, CameoCode], digest: str, plover_only: tuple[str, ...] = ()
    ) -> None:
        self.codes = codes
        self.digest = digest
        self.plover_only = plover_only

    @classmethod
    def load(cls, folder: Path | None = None) -> Ontology:
        folder = folder or data_path("ontology")
        events_path = folder / "cameo_events.csv"
        plover_path = folder / "cameo_to_plover.csv"
        rows, d1 = read_csv(events_path, ["code", "root", "name", "goldstein", "quad_class"])
        plover_rows, d2 = read_csv(
            plover_path, ["cameo", "plover_event", "plover_mode", "plover_context"]
        )
        plover = {r["cameo"]: r for r in plover_rows}
        codes: dict[str, CameoCode] = {}
        for number, row in enumerate(rows, 2):
            code, root = row["code"].strip(), row["root"].strip()
            if not (code.isdigit() and 2 <= len(code) <= 4 and code.startswith(root)):
                raise DataFileError(events_path, f"line {number}: bad code {code!r}/{root!r}")
            if code in codes:
                raise DataFileError(events_path, f"line {number}: duplicate code {code}")
            try:
                goldstein = float(row["goldstein"]) if row["goldstein"].strip() else None
                quad = int(row["quad_class"])
            except ValueError as exc:
                raise DataFileError(events_path, f"line {number}: {exc}") from exc
            if quad not in QUAD_CLASS_NAMES:
                raise DataFileError(events_path, f"line {number}: quad class {quad} not 1-4")
            mapped = _plover_for(code, plover)
            codes[code] = CameoCode(
                code=code,
                root=root,
                name=row["name"].strip(),
                goldstein=goldstein,
                quad_class=quad,
                plover_type=(mapped or {}).get("plover_event") or None,
                plover_mode=(mapped or {}).get("plover_mode") or None,
                plover_context=(mapped or {}).get("plover_context") or None,
            )
        # PLOVER's table maps a few codes CAMEO 1.1b3 does not list (1214, reject
        # intelligence cooperation); they can never be coded, so they are only noted.
        extra = tuple(sorted(set(plover) - set(codes)))
        return cls(codes, digest=d1[:8] + d2[:8], plover_only=extra)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]


def _plover_for(code: str, plover: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The PLOVER row for a code, falling back to its parent codes (0314 -> 031 -> 03)."""
    for length in range(len(code), 1, -1):
        row = plover.get(code[:length])
        if row:
            return row
    return None
