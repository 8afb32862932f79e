"""The HTTP API (FastAPI): the library's answers as JSON, with OpenAPI docs at /docs.

Every dashboard view has a JSON twin here. Errors are JSON objects with a
`detail` message naming the parameter and the problem. The app opens the
database read-only per request, so `detente ingest` can run beside it.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from detente import __version__
from detente.analysis import dyad_series, timeline, top_issues
from detente.errors import DetenteError
from detente.store import Dyad, EventQuery, Store

MAX_PAGE = 500


def _store(request: Request) -> Iterator[Store]:
    """The request's read-only view of the database (no `from __future__ import annotations`
    in this module: FastAPI reads these annotations at run time)."""
    path = request.app.state.db
    if not Path(path).exists():
        raise HTTPException(503, f"database {path} does not exist: run 'detente ingest' first")
    with Store(path, read_only=True) as opened:
        yield opened


StoreDep = Annotated[Store, Depends(_store)]


def create_app(db: str | Path) -> FastAPI:
    """An app serving the database at `db`."""
    app = FastAPI(
        title="detente",
        version=__version__,
        description="Political event data from news, traceable to the sentence.",
    )
    app.state.db = str(db)

    @app.exception_handler(DetenteError)
    async def detente_error(request: Request, exc: DetenteError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.get("/api/events", summary="Events, filtered and paginated")
    def events(
        db: StoreDep,
        a: Annotated[str | None, Query(description="First actor of a dyad (USA, USAGOV)")] = None,
        b: Annotated[str | None, Query(description="Second actor of the dyad")] = None,
        directed: bool = False,
        actor: Annotated[
            str | None, Query(description="Events with this actor on either side")
        ] = None,
        cameo: Annotated[
            str | None, Query(description="CAMEO code or prefix, e.g. 04 or 163")
        ] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        issue: str | None = None,
        status: Annotated[
            str | None, Query(pattern="^(occurred|planned|hypothetical|negated)$")
        ] = None,
        kind: Annotated[str | None, Query(pattern="^(international|domestic|one-sided)$")] = None,
        since: date | None = None,
        until: date | None = None,
        merged: bool = False,
        offset: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> dict[str, Any]:
        if (a is None) != (b is None):
            raise HTTPException(422, "give both a and b for a dyad, or neither")
        query = EventQuery(
            dyad=(a.upper(), b.upper()) if a and b else None,
            directed=directed,
            since=since,
            until=until,
            issue=issue,
            kind=kind,
            merged=merged,
        )
        records = db.events(query)
        if actor:
            code = actor.upper()
            records = [
                r
                for r in records
                if any(
                    (r[s]["country"] == code or r[s]["code"].startswith(code))
                    for s in ("source", "target")
                )
            ]
        if cameo:
            records = [r for r in records if r["cameo"].startswith(cameo)]
        if quad_class:
            records = [r for r in records if r["quad_class"] == quad_class]
        if status:
            records = [r for r in records if r["status"] == status]
        return {
            "total": len(records),
            "offset": offset,
            "limit": limit,
            "events": records[offset : offset + limit],
        }

    @app.get("/api/dyad/{a}/{b}", summary="Dyad time series with the relations index")
    def dyad(
        db: StoreDep,
        a: str,
        b: str,
        freq: Annotated[str, Query(pattern="^(day|week|month|quarter|year)$")] = "month",
        directed: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> dict[str, Any]:
        pair = Dyad(a.upper(), b.upper(), directed)
        return {
            "dyad": [pair.a, pair.b],
            "directed": directed,
            "freq": freq,
            "series": dyad_series(db, pair, freq, since, until),
            "issues": top_issues(db, pair, since, until),
        }

    @app.get("/api/dyad/{a}/{b}/timeline", summary="The dyad's distinct events with evidence")
    def dyad_timeline(
        db: StoreDep,
        a: str,
        b: str,
        since: date | None = None,
        until: date | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 200,
    ) -> dict[str, Any]:
        return {"events": timeline(db, Dyad(a.upper(), b.upper()), since, until, limit)}

    @app.get("/api/actors", summary="Actors with event counts")
    def actors(
        db: StoreDep,
        country: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        columns = ("code", "country", "sector", "name", "role", "as_source", "as_target", "events")
        rows = db.actor_table(country.upper() if country else None, limit)
        return {"actors": [dict(zip(columns, row, strict=True)) for row in rows]}

    @app.get("/api/network", summary="Actor network: nodes and weighted directed edges")
    def network(
        db: StoreDep, since: date | None = None, until: date | None = None
    ) -> dict[str, Any]:
        from detente.analysis import actor_network

        graph = actor_network(db, since, until)
        return {
            "nodes": [{"id": n} for n in graph.nodes],
            "edges": [{"source": s, "target": t, **d} for s, t, d in graph.edges(data=True)],
        }

    @app.get("/api/quotes", summary="Quotes with their speakers")
    def quotes(
        db: StoreDep,
        speaker: str | None = None,
        country: str | None = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    ) -> dict[str, Any]:
        return {"quotes": db.quotes(speaker, country.upper() if country else None, limit)}

    @app.get("/api/articles/{article_id:path}", summary="An article with its events and quotes")
    def article(db: StoreDep, article_id: str) -> dict[str, Any]:
        row = db.con.execute(
            "SELECT article_id, title, url, source, published, published_source, text, issues "
            "FROM articles WHERE article_id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        keys = (
            "article_id",
            "title",
            "url",
            "source",
            "published",
            "published_source",
            "text",
            "issues",
        )
        events = [e for e in db.events() if e["article_id"] == article_id]
        said = [q for q in db.quotes() if q["article_id"] == article_id]
        return {**dict(zip(keys, row, strict=True)), "events": events, "quotes": said}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        from detente.dashboard import page

        return HTMLResponse(page())

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        from detente.dashboard import plotly_bundle

        return Response(plotly_bundle(), media_type="application/javascript")

    return app
