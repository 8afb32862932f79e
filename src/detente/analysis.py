"""Answers from the store: how relations between two actors move, and about what.

Every function takes an open `Store` and returns plain rows, so the CLI, the
HTTP API and notebooks share them.

The relations index of a period is the mean Goldstein score of its events
(-10 most hostile, +10 most cooperative), and the balance is the share of
cooperative events minus the share of conflictual ones (quad classes 1-2
against 3-4), from -1 to +1. Both are computed over occurred events only:
planned, hypothetical and negated events are counted separately.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from detente.errors import OptionError
from detente.store import Dyad, Store

FREQUENCIES = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def _period_filter(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if since:
        clauses.append("date >= ?")
        params.append(since)
    if until:
        clauses.append("date <= ?")
        params.append(until)
    return (" AND " + " AND ".join(clauses)) if clauses else "", params


def dyad_series(
    store: Store,
    dyad: Dyad,
    freq: str = "month",
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]]:
    """Per period: event counts by quad class, Goldstein sum and mean, balance, index."""
    if freq not in FREQUENCIES:
        raise OptionError(f"frequency {freq!r} is not one of {', '.join(FREQUENCIES)}")
    where, params = dyad.where()
    period_sql, period_params = _period_filter(since, until)
    sql = f"""
        SELECT date_trunc('{FREQUENCIES[freq]}', date)::DATE AS period,
               count(*) FILTER (status = 'occurred') AS events,
               count(*) FILTER (status = 'occurred' AND quad_class = 1) AS q1,
               count(*) FILTER (status = 'occurred' AND quad_class = 2) AS q2,
               count(*) FILTER (status = 'occurred' AND quad_class = 3) AS q3,
               count(*) FILTER (status = 'occurred' AND quad_class = 4) AS q4,
               coalesce(sum(goldstein) FILTER (status = 'occurred'), 0) AS goldstein_sum,
               avg(goldstein) FILTER (status = 'occurred') AS goldstein_mean,
               count(*) FILTER (status <> 'occurred') AS not_occurred
        FROM events
        WHERE representative AND date IS NOT NULL AND {where}{period_sql}
        GROUP BY period ORDER BY period"""
    rows = store.con.execute(sql, params + period_params).fetchall()
    series = []
    for period, events, q1, q2, q3, q4, gsum, gmean, other in rows:
        balance = ((q1 + q2) - (q3 + q4)) / events if events else None
        series.append(
            {
                "period": period.isoformat(),
                "events": events,
                "verbal_cooperation": q1,
                "material_cooperation": q2,
                "verbal_conflict": q3,
                "material_conflict": q4,
                "goldstein_sum": round(float(gsum), 2),
                "relations_index": round(float(gmean), 3) if gmean is not None else None,
                "balance": round(balance, 3) if balance is not None else None,
                "not_occurred": other,
            }
        )
    return series


def top_issues(
    store: Store, dyad: Dyad, since: date | None = None, until: date | None = None, top: int = 10
) -> list[dict[str, Any]]:
    """The issues the dyad's events are about, most frequent first."""
    where, params = dyad.where()
    period_sql, period_params = _period_filter(since, until)
    sql = f"""
        SELECT issue, count(*) AS events, avg(goldstein) AS goldstein_mean
        FROM (SELECT unnest(issues) AS issue, goldstein FROM events
              WHERE representative AND {where}{period_sql})
        GROUP BY issue ORDER BY events DESC, issue LIMIT ?"""
    rows = store.con.execute(sql, params + period_params + [top]).fetchall()
    return [
        {
            "issue": issue,
            "events": n,
            "goldstein_mean": round(float(g), 3) if g is not None else None,
        }
        for issue, n, g in rows
    ]


def compare_periods(
    store: Store, dyad: Dyad, first: tuple[date, date], second: tuple[date, date]
) -> dict[str, list[dict[str, Any]]]:
    """What rose and fell between two periods: issues and CAMEO roots, with the change."""

    def counts(column_sql: str, period: tuple[date, date]) -> dict[str, int]:
        where, params = dyad.where()
        sql = f"""SELECT key, count(*) FROM (SELECT {column_sql} AS key FROM events
                  WHERE representative AND {where} AND date BETWEEN ? AND ?) GROUP BY key"""
        return {k: n for k, n in store.con.execute(sql, params + list(period)).fetchall()}

    result: dict[str, list[dict[str, Any]]] = {}
    for name, column in (("issues", "unnest(issues)"), ("cameo_roots", "cameo_root")):
        before, after = counts(column, first), counts(column, second)
        changes = [(key, before.get(key, 0), after.get(key, 0)) for key in set(before) | set(after)]
        changes.sort(key=lambda c: (-abs(c[2] - c[1]), c[0]))
        result[name] = [
            {"key": key, "first": a, "second": b, "change": b - a} for key, a, b in changes
        ]
    return result


def timeline(
    store: Store,
    dyad: Dyad,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The dyad's distinct events in date order with their evidence and report count."""
    where, params = dyad.where()
    period_sql, period_params = _period_filter(since, until)
    sql = (
        f"SELECT record, mentions FROM events WHERE representative AND {where}{period_sql} "
        "ORDER BY date, event_id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    import json

    rows = store.con.execute(sql, params + period_params).fetchall()
    return [{**json.loads(record), "mentions": mentions} for record, mentions in rows]


def actor_network(store: Store, since: date | None = None, until: date | None = None):
    """A directed networkx graph: actors as nodes, one weighted edge per directed dyad."""
    import networkx as nx

    period_sql, period_params = _period_filter(since, until)
    sql = f"""SELECT source_code, target_code, count(*), sum(goldstein), avg(goldstein)
              FROM events WHERE representative AND status = 'occurred'{period_sql}
              GROUP BY source_code, target_code ORDER BY source_code, target_code"""
    graph = nx.DiGraph()
    for source, target, n, gsum, gmean in store.con.execute(sql, period_params).fetchall():
        graph.add_edge(
            source,
            target,
            events=int(n),
            goldstein_sum=float(gsum or 0),
            goldstein_mean=float(gmean or 0),
        )
    return graph


BAR_DAYS = {"day": 0.8, "week": 5, "month": 24, "quarter": 75, "year": 300}


def plot_dyad(series: list[dict[str, Any]], dyad: Dyad, path: str, freq: str = "month") -> None:
    """A two-panel chart: stacked events by quad class, and the relations index."""
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    import matplotlib.pyplot as plt

    if not series:
        raise OptionError(f"no dated events for {dyad.a}-{dyad.b}: nothing to plot")
    periods = [date.fromisoformat(r["period"]) for r in series]
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]}
    )
    width = BAR_DAYS.get(freq, 24)
    bottom_of = [0] * len(series)
    colours = {
        "verbal_cooperation": "#4c9be8",
        "material_cooperation": "#1f5fa8",
        "verbal_conflict": "#f2a154",
        "material_conflict": "#c8402f",
    }
    for key, colour in colours.items():
        values = [r[key] for r in series]
        top.bar(
            periods,
            values,
            width=width,
            bottom=bottom_of,
            color=colour,
            label=key.replace("_", " "),
        )
        bottom_of = [a + b for a, b in zip(bottom_of, values, strict=True)]
    top.set_ylabel("events")
    top.legend(loc="upper left", fontsize=8)
    arrow = "->" if dyad.directed else "-"
    top.set_title(f"{dyad.a} {arrow} {dyad.b}: events by quad class and relations index")
    index = [
        r["relations_index"] if r["relations_index"] is not None else float("nan") for r in series
    ]
    bottom.axhline(0, color="grey", linewidth=0.8)
    bottom.plot(periods, index, marker="o", color="black")
    bottom.set_ylim(-10, 10)
    bottom.set_ylabel("mean Goldstein")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
