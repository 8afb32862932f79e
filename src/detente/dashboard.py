"""The offline dashboard: one HTML page over the JSON API, charts by plotly.js.

plotly.js is served from the installed `plotly` package, so the page works
with no internet. The page reads only /api/... endpoints: every view has its
JSON twin.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def page() -> str:
    return resources.files("detente").joinpath("web", "index.html").read_text(encoding="utf-8")


@cache
def plotly_bundle() -> bytes:
    """plotly.min.js from the plotly package (no CDN)."""
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
