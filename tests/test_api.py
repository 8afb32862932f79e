"""The HTTP API and the dashboard page, on a temporary database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.merge import merge_events
from detente.schema import Article, ArticleResult, Mention, Quote
from detente.store import Store
from tests.helpers import make_event


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        run = store.start_run("test", "digest")
        events = [
            make_event("a1", "USAGOV", "CHNGOV", "040", "2024-01-10", issues=("trade",)),
            make_event("a1", "CHNGOV", "USAGOV", "112", "2024-02-10", sentence_index=1),
            make_event("a1", "RUSMIL", "UKRMIL", "190", "2024-02-11", sentence_index=2),
        ]
        speaker = events[1].source
        quote = Quote(
            "a1",
            1,
            "We oppose the move",
            Mention("spokesman", 0, 1, speaker.actor),
            True,
            "spokesman",
        )
        article = Article("a1", "text", "a1.txt", title="Talks", published=date(2024, 2, 11))
        store.write(ArticleResult(article, events, quotes=[quote]), run)
        merge_events(store)
    return TestClient(create_app(path))


def test_api_events_filter_and_paginate(client: TestClient) -> None:
    body = client.get("/api/events", params={"a": "usa", "b": "chn"}).json()
    assert body["total"] == 2 and [e["cameo"] for e in body["events"]] == ["040", "112"]
    body = client.get("/api/events", params={"quad_class": 4}).json()
    assert [e["cameo"] for e in body["events"]] == ["190"]
    body = client.get("/api/events", params={"actor": "RUS", "limit": 1, "offset": 0}).json()
    assert body["total"] == 1
    body = client.get("/api/events", params={"issue": "trade"}).json()
    assert [e["cameo"] for e in body["events"]] == ["040"]
    body = client.get("/api/events", params={"cameo": "11", "status": "occurred"}).json()
    assert [e["cameo"] for e in body["events"]] == ["112"]


def test_api_errors_are_json_with_clear_messages(client: TestClient) -> None:
    response = client.get("/api/events", params={"a": "USA"})
    assert response.status_code == 422
    assert response.json()["detail"] == "give both a and b for a dyad, or neither"
    response = client.get("/api/dyad/USA/CHN", params={"freq": "fortnight"})
    assert response.status_code == 422 and "freq" in str(response.json()["detail"])
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and response.json()["detail"] == "no article with id 'nope'"


def test_api_dyad_series_timeline_actors_quotes_article(client: TestClient) -> None:
    dyad = client.get("/api/dyad/USA/CHN").json()
    assert [(r["period"], r["events"]) for r in dyad["series"]] == [
        ("2024-01-01", 1),
        ("2024-02-01", 1),
    ]
    assert dyad["issues"][0]["issue"] == "trade"
    timeline = client.get("/api/dyad/USA/CHN/timeline").json()["events"]
    assert [e["mentions"] for e in timeline] == [1, 1]
    actors = client.get("/api/actors", params={"country": "CHN"}).json()["actors"]
    assert actors[0]["code"] == "CHNGOV"
    quotes = client.get("/api/quotes", params={"country": "CHN"}).json()["quotes"]
    assert quotes[0]["text"] == "We oppose the move"
    article = client.get("/api/articles/a1").json()
    assert article["title"] == "Talks" and len(article["events"]) == 3
    network = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e["events"] for e in network["edges"]}
    assert edges[("USAGOV", "CHNGOV")] == 1 and edges[("CHNGOV", "USAGOV")] == 1


def test_api_openapi_and_dashboard_are_served_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/dyad/{a}/{b}", "/api/quotes", "/api/actors"} <= set(spec["paths"])
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/plotly.min.js">' in page.text
    script = client.get("/static/plotly.min.js")
    assert script.status_code == 200 and len(script.content) > 1_000_000


def test_api_missing_database_is_reported(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "none.duckdb"))
    response = client.get("/api/events")
    assert response.status_code == 503 and "run 'detente ingest' first" in response.json()["detail"]
