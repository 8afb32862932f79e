"""The command line: outputs on stdout, summaries and errors on stderr, docs that cannot rot."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from tests.conftest import ROOT
from tests.helpers import write

BRIEF = "On Friday, the US Secretary of State met China's Foreign Minister in Beijing."


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.slow
def test_cli_extract_prints_jsonl_events_only_on_stdout(runner, tmp_path: Path, pipeline) -> None:
    path = write(tmp_path / "brief.txt", BRIEF)
    result = run(runner, "extract", str(path), "--published", "2024-04-26", "--quiet")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    assert records[0]["article_id"] == str(path)
    assert records[0]["source"]["country"] == "USA"
    assert records[0]["target"]["country"] == "CHN"


@pytest.mark.slow
def test_cli_extract_csv_has_flat_columns(runner, tmp_path: Path, pipeline) -> None:
    path = write(tmp_path / "brief.txt", BRIEF)
    result = run(runner, "extract", str(path), "--published", "2024-04-26", "--format", "csv", "-q")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["source.code"] == "USAGOV" and rows[0]["cameo_root"] == "04"
    assert rows[0]["location.name"] == "Beijing"


def test_cli_bad_date_is_a_clear_error(runner, tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", BRIEF)
    result = runner.invoke(app, ["extract", str(path), "--published", "26/04/2024"])
    assert result.exit_code == 2
    assert "'26/04/2024' is not a date in YYYY-MM-DD form" in result.output


def test_cli_bad_format_is_a_clear_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "x.duckdb"), "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of jsonl, csv, table" in result.output


@pytest.mark.slow
def test_cli_ingest_then_events_by_dyad(runner, tmp_path: Path, pipeline) -> None:
    db = tmp_path / "news.duckdb"
    lines = [
        {"id": "b1", "published": "2024-04-26", "text": BRIEF},
        {"id": "b2", "published": "2022-03-01", "text": "Russia attacked Ukraine."},
    ]
    corpus = write(tmp_path / "c.jsonl", "\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    first = run(runner, "ingest", str(corpus), "--db", str(db))
    assert first.exit_code == 0
    assert "2 ingested, 0 skipped, 1 failed" in first.stderr
    assert f"{corpus}:3" in first.stderr and "malformed JSON" in first.stderr
    again = run(runner, "ingest", str(corpus), "--db", str(db), "--quiet")
    assert again.exit_code == 0
    out = run(runner, "events", "--db", str(db), "--dyad", "usa", "chn", "--format", "jsonl")
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["article_id"] for r in records] == ["b1"]
    summary = run(runner, "summary", "--db", str(db))
    assert "2 articles" in summary.stdout


def test_cli_every_command_has_help_and_is_in_the_readme(runner) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert {"extract", "ingest", "events", "explain"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert app.registered_commands[commands.index(name)].callback.__doc__, (
            f"{name} has no help text"
        )
        assert f"detente {name}" in readme, f"README does not show 'detente {name}'"


@pytest.mark.slow
def test_cli_dyad_and_export_on_ingested_corpus(runner, tmp_path: Path, pipeline) -> None:
    db = tmp_path / "d.duckdb"
    lines = [
        {"id": "d1", "published": "2024-01-12", "text": "Beijing criticised Washington on Friday."},
        {"id": "d2", "published": "2024-02-09", "text": BRIEF.replace("Friday", "Thursday")},
    ]
    corpus = write(tmp_path / "d.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    assert run(runner, "ingest", str(corpus), "--db", str(db), "-q").exit_code == 0
    result = run(
        runner,
        "dyad",
        "USA",
        "CHN",
        "--db",
        str(db),
        "--format",
        "jsonl",
        "--plot",
        str(tmp_path / "d.png"),
    )
    series = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["period"], r["events"]) for r in series] == [("2024-01-01", 1), ("2024-02-01", 1)]
    assert (tmp_path / "d.png").stat().st_size > 1000
    exported = run(runner, "export", "--db", str(db), "--format", "gdelt")
    assert exported.stdout.splitlines()[0].startswith("GLOBALEVENTID\tSQLDATE")
