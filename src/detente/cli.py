"""The `detente` command line: thin fronts over the library functions."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from detente import __version__
from detente.errors import DetenteError, StoreError
from detente.output import FORMATS, write_records
from detente.pipeline import Pipeline, PipelineConfig
from detente.schema import EVENT_KINDS, IngestOutcome, OutcomeStatus
from detente.store import DEFAULT_DB, EventQuery, Store

app = typer.Typer(
    help="detente: political event data from news, traceable to the sentence.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)  # messages stay one line each: easy to grep

# shared options, declared once
PublishedOpt = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy model name or path (default: best installed).")
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors", help="User actor dictionary (YAML or CSV); may repeat; wins over shipped ones."
    ),
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
ProposerOpt = Annotated[
    bool,
    typer.Option(
        "--proposer/--no-proposer",
        help="Also code verbs the lexicon does not list with the learned proposer (make train).",
    ),
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")
]


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date in YYYY-MM-DD form", param_hint=option
        ) from None


def _format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(
            f"{value!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    return value


def _pipeline(model: str | None, actors: list[Path] | None, proposer: bool = False) -> Pipeline:
    config = PipelineConfig(model=model, user_actors=list(actors or []), proposer=proposer)
    return Pipeline(config).load()


def _report_problems(outcomes: list[IngestOutcome], quiet: bool) -> None:
    if quiet:
        return
    for outcome in outcomes:
        colour = "yellow" if outcome.status is OutcomeStatus.SKIPPED else "red"
        err.print(f"[{colour}]{outcome.status.value}[/]: {outcome.origin}: {outcome.reason}")


@app.command()
def extract(
    files: Annotated[
        list[Path], typer.Argument(help="Text, HTML or JSON Lines files, or directories.")
    ],
    published: PublishedOpt = None,
    fmt: FormatOpt = "jsonl",
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    proposer: ProposerOpt = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Code files and print their events on stdout; touches no database."""
    from detente.jobs import IngestReport, extract_paths

    day = _date(published, "--published")
    fmt = _format(fmt)
    pipeline = _pipeline(model, actors, proposer)
    report = IngestReport()
    records = (
        event.to_record()
        for result in extract_paths(files, pipeline, day, report)
        for event in result.events
    )
    write_records(records, fmt, sys.stdout)
    _report_problems(report.problems, quiet)
    if not quiet:
        err.print(report.summary())


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    db: DbOpt = Path(DEFAULT_DB),
    published: PublishedOpt = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace", help="Replace stored articles whose id comes back with new text."
        ),
    ] = False,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    proposer: ProposerOpt = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")
    ] = False,
) -> None:
    """Code inputs into the DuckDB database; re-ingesting the same article changes nothing."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from detente.jobs import ingest_paths

    day = _date(published, "--published")
    pipeline = _pipeline(model, actors, proposer)
    start = time.perf_counter()
    counts = {"articles": 0, "events": 0}
    with (
        Store(db) as store,
        Progress(
            TextColumn("[bold]ingest[/]"),
            BarColumn(bar_width=None),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=err,
            disable=quiet,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("", total=None)

        def progress(outcome: IngestOutcome) -> None:
            counts["articles"] += 1
            counts["events"] += outcome.events
            rate = counts["articles"] / max(time.perf_counter() - start, 1e-6)
            bar.update(
                task,
                description=f"{counts['articles']} inputs, {rate:.1f}/s, {counts['events']} events",
            )

        report = ingest_paths(paths, store, pipeline, day, replace=replace, progress=progress)
    _report_problems(report.problems, quiet)
    if not quiet:
        err.print(f"{db}: {report.summary()} in {time.perf_counter() - start:.1f}s")
    if report.totals["failed"] and not report.totals["ingested"] and not report.totals["skipped"]:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOpt = Path(DEFAULT_DB),
    dyad: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--dyad", help="Two actors (country code or code prefix), e.g. --dyad USA CHN."
        ),
    ] = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only first -> second.")] = False,
    since: Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")] = None,
    issue: Annotated[
        str | None, typer.Option("--issue", help="Only events tagged with this issue id.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only international, domestic or one-sided events."),
    ] = None,
    merged: Annotated[
        bool, typer.Option("--merged", help="One row per real-world event, not per report.")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Read stored events back, filtered by dyad, kind, date and issue."""
    if kind is not None and kind not in EVENT_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(EVENT_KINDS)}, not {kind!r}")
    query = EventQuery(
        kind=kind,
        dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
        directed=directed,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        issue=issue,
        merged=merged,
        limit=limit,
    )
    fmt = _format(fmt)
    with Store(db, read_only=True) as store:
        records = store.events(query)
    write_records(records, fmt, sys.stdout)


@app.command()
def actors(
    db: DbOpt = Path(DEFAULT_DB),
    country: Annotated[
        str | None, typer.Option("--country", help="Only actors of this country (ISO alpha-3).")
    ] = None,
    unresolved: Annotated[
        bool,
        typer.Option("--unresolved", help="List named mentions no dictionary resolved instead."),
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
) -> None:
    """Actors with event counts and the people learned from titles; or unresolved mentions."""
    from rich.table import Table

    console = Console()
    with Store(db, read_only=True) as store:
        if unresolved:
            table = Table(title="Unresolved named mentions (add them with --actors FILE)")
            for column in ("mention", "count", "example article"):
                table.add_column(column)
            for mention, count, article in store.unresolved(limit):
                table.add_row(mention, str(count), article)
            console.print(table)
            return
        table = Table(title="Actors in events")
        for column in ("code", "name", "role", "as source", "as target", "events"):
            table.add_column(column)
        for code, _country, _sector, name, role, as_source, as_target, total in store.actor_table(
            country.upper() if country else None, limit
        ):
            table.add_row(code, name, role, str(as_source), str(as_target), str(total))
        console.print(table)
        learned = store.learned_table(country.upper() if country else None)
        if learned:
            table = Table(title="People learned from titles in the text")
            for column in ("name", "code", "role", "first seen", "last seen", "articles"):
                table.add_column(column)
            for row in learned[:limit]:
                table.add_row(*(str(v) if v is not None else "" for v in row))
            console.print(table)


@app.command()
def quotes(
    db: DbOpt = Path(DEFAULT_DB),
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Part of the speaker's name, e.g. Zhao.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only speakers of this country (alpha-3).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many quotes.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
) -> None:
    """Who said what: direct and indirect quotes with their speakers resolved to actors."""
    import json

    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter(f"{fmt!r} is not one of table, jsonl", param_hint="--format")
    with Store(db, read_only=True) as store:
        rows = store.quotes(speaker, country.upper() if country else None, limit)
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, default=str, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("date", "speaker", "code", "quote"):
        table.add_column(column, overflow="fold")
    for row in rows:
        mark = "" if row["direct"] else " (indirect)"
        table.add_row(
            str(row["published"] or ""),
            (row["speaker_name"] or row["speaker_text"] or "?"),
            row["speaker_code"] or "",
            row["text"] + mark,
        )
    Console().print(table)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: country code (USA) or code prefix.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: DbOpt = Path(DEFAULT_DB),
    freq: Annotated[
        str, typer.Option("--freq", help="day, week, month, quarter or year.")
    ] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="Only A -> B.")] = False,
    since: Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Also draw the series to this PNG file.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """How relations between two actors moved: events by quad class and the relations index."""
    import csv as csv_module
    import json

    from detente.analysis import dyad_series, plot_dyad, top_issues
    from detente.store import Dyad

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter(f"{fmt!r} is not one of table, jsonl, csv", param_hint="--format")
    pair = Dyad(a.upper(), b.upper(), directed)
    first, last = _date(since, "--since"), _date(until, "--until")
    with Store(db, read_only=True) as store:
        series = dyad_series(store, pair, freq, first, last)
        issues = top_issues(store, pair, first, last, top=8)
    if plot is not None:
        plot_dyad(series, pair, str(plot), freq)
        err.print(f"chart written to {plot}")
    if fmt == "jsonl":
        for row in series:
            typer.echo(json.dumps(row))
        return
    if fmt == "csv":
        writer = csv_module.DictWriter(
            sys.stdout, fieldnames=list(series[0]) if series else ["period"]
        )
        writer.writeheader()
        writer.writerows(series)
        return
    from rich.table import Table

    table = Table(
        title=f"{pair.a} {'->' if directed else '-'} {pair.b} by {freq} (occurred events)"
    )
    for column in ("period", "events", "Q1", "Q2", "Q3", "Q4", "Goldstein sum", "index", "balance"):
        table.add_column(column, justify="right")
    for row in series:
        table.add_row(
            row["period"],
            str(row["events"]),
            str(row["verbal_cooperation"]),
            str(row["material_cooperation"]),
            str(row["verbal_conflict"]),
            str(row["material_conflict"]),
            str(row["goldstein_sum"]),
            "" if row["relations_index"] is None else str(row["relations_index"]),
            "" if row["balance"] is None else str(row["balance"]),
        )
    console = Console()
    console.print(table)
    if issues:
        console.print("top issues: " + ", ".join(f"{i['issue']} ({i['events']})" for i in issues))


def _period(value: str, option: str) -> tuple[date, date]:
    first, sep, last = value.partition(":")
    start, end = _date(first, option), _date(last, option) if sep else None
    if start is None or end is None or end < start:
        raise typer.BadParameter(f"{value!r} is not FROM:TO with FROM <= TO", param_hint=option)
    return start, end


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="First actor.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    first: Annotated[str, typer.Option("--first", help="First period, YYYY-MM-DD:YYYY-MM-DD.")],
    second: Annotated[str, typer.Option("--second", help="Second period, same form.")],
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Which issues and event types rose or fell between two periods for a dyad."""
    from rich.table import Table

    from detente.analysis import compare_periods
    from detente.store import Dyad

    with Store(db, read_only=True) as store:
        result = compare_periods(
            store,
            Dyad(a.upper(), b.upper()),
            _period(first, "--first"),
            _period(second, "--second"),
        )
    console = Console()
    for name, rows in result.items():
        table = Table(title=f"{a.upper()} - {b.upper()}: {name.replace('_', ' ')}")
        for column in ("", "first", "second", "change"):
            table.add_column(column, justify="right" if column else "left")
        for row in rows:
            table.add_row(row["key"], str(row["first"]), str(row["second"]), f"{row['change']:+d}")
        console.print(table)


@app.command("export")
def export_events(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, jsonl, icews, gdelt or plover.")
    ] = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", help="Output file (folder for parquet); default stdout.")
    ] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export all events: Parquet by year/month, CSV, JSON Lines, ICEWS, GDELT or PLOVER layouts."""
    from detente.export import export

    with Store(db, read_only=True) as store:
        count = export(store, fmt, out, sys.stdout)
    err.print(f"{count} events exported as {fmt}" + (f" to {out}" if out else ""))


@app.command()
def network(
    out: Annotated[Path, typer.Option("--out", help="GraphML file to write.")],
    db: DbOpt = Path(DEFAULT_DB),
    since: Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")] = None,
) -> None:
    """The actor network (actors as nodes, directed weighted dyads as edges) as GraphML."""
    import networkx as nx

    from detente.analysis import actor_network

    with Store(db, read_only=True) as store:
        graph = actor_network(store, _date(since, "--since"), _date(until, "--until"))
    nx.write_graphml(graph, out)
    err.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads written to {out}")


@app.command()
def serve(
    db: DbOpt = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the dashboard (/) for a database."""
    import uvicorn

    from detente.api import create_app

    if not db.exists():
        raise StoreError(f"database {db} does not exist: run 'detente ingest' first")
    err.print(f"dashboard: http://{host}:{port}/   API docs: http://{host}:{port}/docs")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@app.command()
def summary(
    db: DbOpt = Path(DEFAULT_DB), examples: int = typer.Option(5, help="Events to show.")
) -> None:
    """A readable overview of a database: articles, events by dyad and quad class, examples."""
    from detente.report import print_summary

    with Store(db, read_only=True) as store:
        print_summary(store, Console(soft_wrap=True), examples)


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(help="The sentence (or short text) to explain.")],
    published: PublishedOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    proposer: ProposerOpt = False,
) -> None:
    """Show the parse, the actors, the patterns tried and why each event was coded or not."""
    from detente.explain import explain_text

    pipeline = _pipeline(model, actors, proposer)
    for line in explain_text(pipeline, sentence, _date(published, "--published")):
        typer.echo(line)


@app.command("eval")
def evaluate_gold(
    gold: Annotated[
        list[Path],
        typer.Argument(help="Gold JSON Lines files (events) and/or CSV actor tables."),
    ],
    floors: Annotated[
        Path | None, typer.Option("--floors", help="YAML of minimum scores; exit 1 below any.")
    ] = None,
    misses: Annotated[int, typer.Option("--misses", help="Misses and false alarms to list.")] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the event report as JSON.")
    ] = False,
    corpus: Annotated[
        Path,
        typer.Option(
            "--corpus",
            metavar="FILE",
            help="The stories that article-level gold (tests/gold/voa/) refers to by id.",
        ),
    ] = Path("../shared/corpora/voa_dev.jsonl"),
    split: Annotated[
        str,
        typer.Option("--split", help="Which stories of article-level gold: dev, heldout or all."),
    ] = "dev",
    model: ModelOpt = None,
    proposer: ProposerOpt = False,
) -> None:
    """Score the coder on gold sentences (P/R/F1 by level, root, status), real news
    stories (P/R/F1 by kind: international, domestic, one-sided) and actor tables."""
    import json

    from detente.evaluate import (
        check_floors,
        evaluate,
        evaluate_actors,
        load_actor_cases,
        load_gold,
        print_report,
    )
    from detente.story_eval import SPLITS, is_story_gold

    if split not in (*SPLITS, "all"):
        raise typer.BadParameter(f"--split must be dev, heldout or all, not {split!r}")
    pipeline = _pipeline(model, None, proposer)
    tables = [p for p in gold if p.suffix.lower() == ".csv"]
    stories = [p for p in gold if p not in tables and is_story_gold(p)]
    sentences = [p for p in gold if p not in tables and p not in stories]
    if stories:
        _evaluate_stories(pipeline, stories, corpus, split, floors, misses, as_json)
        if not sentences and not tables:
            return
    report = evaluate(pipeline, load_gold(sentences)) if sentences else None
    accuracy = None
    if report is not None:
        if as_json:
            typer.echo(json.dumps(report.as_dict(), indent=2))
        else:
            print_report(report, Console(), misses)
    if tables:
        cases = [c for table in tables for c in load_actor_cases(table)]
        accuracy, failures = evaluate_actors(pipeline, cases)
        typer.echo(f"actor resolution: {accuracy:.4f} on {len(cases)} cases")
        for failure in failures[:misses]:
            typer.echo(f"  {failure}")
    if floors is not None:
        below = check_floors(report, floors, accuracy)
        for failure in below:
            err.print(f"[red]below floor[/]: {failure}")
        if below:
            raise typer.Exit(1)
        err.print(f"all floors in {floors} met")


def _evaluate_stories(
    pipeline: Pipeline,
    paths: list[Path],
    corpus: Path,
    split: str,
    floors: Path | None,
    misses: int,
    as_json: bool,
) -> None:
    """Article-level scores on real news stories, checked against the `stories` floors."""
    import json

    from detente.story_eval import (
        check_story_floors,
        evaluate_stories,
        load_story_floors,
        load_story_gold,
        print_story_report,
    )

    gold = [story for path in paths for story in load_story_gold(path)]
    report = evaluate_stories(pipeline, gold, corpus, None if split == "all" else split)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        print_story_report(report, Console(), misses)
    if floors is not None:
        below = check_story_floors(report, load_story_floors(floors, split))
        for failure in below:
            err.print(f"[red]below floor[/]: {failure}")
        if below:
            raise typer.Exit(1)
        err.print(f"all {split} floors in {floors} met")


@app.command()
def train(
    sentences: Annotated[
        list[Path],
        typer.Argument(help="Labelled training sentences (JSON Lines) or folders of them."),
    ],
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE", help="Where to write the model.")
    ] = Path("src/detente/data/models/proposer.json.gz"),
    threshold: Annotated[
        float, typer.Option("--threshold", help="Margin over 'no event' a proposal needs.")
    ] = 0.0,
    model: ModelOpt = None,
) -> None:
    """Train the learned proposer on the team's labelled sentences (make train)."""
    import json

    from detente.train import train as fit_proposer

    files = sorted(f for p in sentences for f in (p.glob("*.jsonl") if p.is_dir() else [p]))
    if not files:
        raise typer.BadParameter("no training files (*.jsonl) found")
    meta = fit_proposer(_pipeline(model, None), files, out, threshold)
    typer.echo(json.dumps(meta, indent=1))
    err.print(f"wrote {out}")


@app.command()
def version() -> None:
    """Print the detente version."""
    typer.echo(f"detente {__version__}")


def main() -> None:
    """Entry point with coded errors shown as one clear line."""
    try:
        app()
    except DetenteError as exc:
        err.print(f"[red]error[/]: {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
