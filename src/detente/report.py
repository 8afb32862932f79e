"""The readable overview `make demo` ends with: what is in a database, at a glance."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from detente.ontology import QUAD_CLASS_NAMES
from detente.store import Store


def print_summary(store: Store, console: Console, examples: int = 5) -> None:
    """Articles and events, the busiest dyads by quad class, and a few events with evidence."""
    counts = store.counts()
    console.print(
        f"[bold]{store.path}[/]: {counts['articles']} articles, {counts['events']} events"
    )
    table = Table(title="Events by dyad and quad class (undirected)")
    table.add_column("dyad", no_wrap=True)
    for quad, name in QUAD_CLASS_NAMES.items():
        table.add_column(f"Q{quad} {name}", justify="right")
    table.add_column("total", justify="right")
    for a, b, q1, q2, q3, q4, total in store.dyad_quad_counts():
        table.add_row(f"{a} - {b}", str(q1), str(q2), str(q3), str(q4), str(total))
    console.print(table)
    records = store.events()
    shown = sorted(records, key=lambda r: (-r["confidence"], r["date"] or ""))[:examples]
    if shown:
        console.print("[bold]Some events with their evidence[/]")
    for record in shown:
        console.print(
            f"  {record['date']} {record['source']['code']} -[{record['cameo']} "
            f"{record['plover']['type'] or ''}]-> {record['target']['code']} ({record['status']})\n"
            f"    [dim]{record['evidence']}[/]"
        )
    console.print("Explore:")
    console.print(f"  detente events --db {store.path} --dyad USA CHN")
    console.print(f"  detente dyad USA CHN --db {store.path} --freq quarter --plot usa_chn.png")
    console.print(f"  detente quotes --db {store.path}")
    console.print(
        f"Open the dashboard: detente serve --db {store.path}  (then http://127.0.0.1:8000/)"
    )
