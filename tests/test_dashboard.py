"""The dashboard in a real browser: headless Chromium against a live `detente serve`.

Under CI (CI=true) this test must run: `make test` installs Debian's chromium
when it is missing. Elsewhere it skips, saying why, when no Chromium can be
had. The screenshot is kept in test-artifacts/dashboard.png.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from detente.jobs import ingest_paths
from detente.pipeline import Pipeline
from detente.store import Store
from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1800",
    "--virtual-time-budget=15000",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no chromium: make test should have installed it")
        pytest.skip("no Chromium on this machine (apt-get install chromium to run this test)")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, pipeline: Pipeline):
    db = tmp_path / "dash.duckdb"
    with Store(db) as store:
        ingest_paths([EXAMPLES], store, pipeline)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # bounded: at most ~20 s
            try:
                urllib.request.urlopen(f"{url}/openapi.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("detente serve did not start")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_dashboard_renders_usa_chn_chart_and_events(server: str, tmp_path: Path) -> None:
    browser = chromium()
    page = f"{server}/?a=USA&b=CHN&freq=quarter"
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*common, "--dump-dom", page], capture_output=True, text=True, timeout=120
    ).stdout
    assert "main-svg" in dom, "the plotly chart did not render"
    assert "USA - CHN: events by quad class" in dom
    events_table = dom.split('id="events"')[1].split("</table>")[0]
    assert events_table.count("<tr>") >= 10, "the events table has no rows"
    assert "<mark>" in events_table, "matched words are not highlighted"
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "dashboard.png"
    subprocess.run([*common, f"--screenshot={shot}", page], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
