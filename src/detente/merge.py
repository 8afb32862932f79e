"""Cross-source merge: one real-world event, however many reports of it.

Two coded events are the same event when they have the same actors (a meeting
is the same whichever side the sentence names first: CONSULT and other
reciprocal roots are compared as unordered pairs), the same CAMEO root and
status, dates within a day of the first report, and compatible places (the
same country, or one of them unknown). Actors compare by country (or
organisation) with compatible sectors: one outlet's "a US fighter jet"
(USAMIL) and another's "the United States" (USA) report the same shoot-down,
but US sanctions on Chinese firms (CHNBUS) and on officials (CHNGOV) stay apart.
Each cluster keeps all its reports as mentions (`event_mentions`); the
best-dated, most confident report represents it, carrying how many mentions,
articles and sources reported it.

The merge is recomputed over the whole store, in a fixed order, so it is
deterministic and can be re-run at any time; the merged id is the id of the
cluster's earliest report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.store import Store

RECIPROCAL_ROOTS = frozenset({"04"})  # a meeting of A and B is a meeting of B and A
WINDOW_DAYS = 1
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "published": 4}


@dataclass(frozen=True, slots=True)
class Report:
    event_id: str
    article_id: str
    source_code: str
    target_code: str
    source_actor: str  # country, or the organisation's code
    target_actor: str
    source_sector: str | None
    target_sector: str | None
    cameo_root: str
    status: str
    date: date | None
    precision: str | None
    location_country: str | None
    confidence: float
    publisher: str | None

    @property
    def key(self) -> tuple[str, ...]:
        pair = (self.source_actor, self.target_actor)
        if self.cameo_root in RECIPROCAL_ROOTS:
            pair = tuple(sorted(pair))  # type: ignore[assignment]
        return (*pair, self.cameo_root, self.status)

    def sectors(self) -> dict[str, str | None]:
        """Sector by actor, for the sector check (reciprocal pairs may come in either order)."""
        return {self.source_actor: self.source_sector, self.target_actor: self.target_sector}


@dataclass(frozen=True, slots=True)
class MergeSummary:
    events: int
    merged: int


def merge_events(store: Store) -> MergeSummary:
    """Recompute the merged events of the whole store."""
    rows = store.con.execute(
        """SELECT e.event_id, e.article_id, e.source_code, e.target_code,
                  coalesce(e.source_country, e.source_code),
                  coalesce(e.target_country, e.target_code),
                  CASE WHEN e.source_country IS NULL THEN NULL ELSE e.source_sector END,
                  CASE WHEN e.target_country IS NULL THEN NULL ELSE e.target_sector END,
                  e.cameo_root,
                  e.status, e.date, e.date_precision, e.location_country, e.confidence,
                  a.source
           FROM events e LEFT JOIN articles a USING (article_id)
           ORDER BY e.date NULLS LAST, e.event_id"""
    ).fetchall()
    reports = [Report(*row) for row in rows]
    clusters: list[list[Report]] = []
    open_by_key: dict[tuple[str, ...], list[list[Report]]] = {}
    for report in reports:
        home = None
        if report.date is not None:
            # reports come in date order: only the latest clusters can still take this one
            for cluster in reversed(open_by_key.get(report.key, [])):
                first = cluster[0].date
                if first is None or (report.date - first).days > WINDOW_DAYS:
                    break
                if _fits(cluster, report):
                    home = cluster
                    break
        if home is None:
            home = []
            clusters.append(home)
            open_by_key.setdefault(report.key, []).append(home)
        home.append(report)
    updates = []
    for cluster in clusters:
        merged_id = cluster[0].event_id
        best = min(
            cluster,
            key=lambda r: (PRECISION_RANK.get(r.precision or "", 9), -r.confidence, r.event_id),
        )
        articles = len({r.article_id for r in cluster})
        sources = len({r.publisher or r.article_id for r in cluster})
        for report in cluster:
            updates.append(
                (merged_id, report is best, len(cluster), articles, sources, report.event_id)
            )
    if not updates:
        return MergeSummary(events=0, merged=0)
    store.con.execute("BEGIN TRANSACTION")
    store.con.executemany(
        "UPDATE events SET merged_id = ?, representative = ?, mentions = ?, articles = ?, "
        "sources = ? WHERE event_id = ?",
        updates,
    )
    store.con.execute("COMMIT")
    return MergeSummary(events=len(reports), merged=len(clusters))


def _fits(cluster: list[Report], report: Report) -> bool:
    first = cluster[0]
    assert first.date is not None and report.date is not None
    if abs((report.date - first.date).days) > WINDOW_DAYS:
        return False
    places = {r.location_country for r in cluster if r.location_country}
    if not (report.location_country is None or not places or report.location_country in places):
        return False
    # sectors agree where both are known: USA and USAMIL merge, CHNBUS and CHNGOV do not
    for actor, sector in report.sectors().items():
        known = {r.sectors()[actor] for r in cluster} - {None}
        if sector is not None and known and known != {sector}:
            return False
    return True
