"""Small helpers for building test inputs."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, content: str | bytes) -> Path:
    """Write a test input file and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def make_event(
    article_id: str = "a1",
    source: str = "USA",
    target: str = "CHN",
    cameo: str = "040",
    day: str = "2024-04-26",
    sentence_index: int = 0,
    issues: tuple[str, ...] = (),
):
    """A hand-built event for store and output tests (no model needed)."""
    from datetime import date

    from detente.ontology import Ontology
    from detente.schema import Actor, Event, Mention, Status, stable_hash

    entry = Ontology.load()[cameo]
    return Event(
        event_id=stable_hash(article_id, sentence_index, source, target, cameo),
        article_id=article_id,
        sentence_index=sentence_index,
        evidence=f"{source} did {cameo} to {target}.",
        source=Mention(source, 0, 1, Actor.make(source[:3], source[3:] or None, name=source)),
        target=Mention(target, 3, 4, Actor.make(target[:3], target[3:] or None, name=target)),
        cameo=cameo,
        cameo_root=entry.root,
        goldstein=entry.goldstein,
        quad_class=entry.quad_class,
        plover_type=entry.plover_type,
        plover_mode=entry.plover_mode,
        status=Status.OCCURRED,
        date=date.fromisoformat(day),
        date_precision="day",
        location=None,
        rule="test",
        confidence=0.9,
        trigger="did",
        issues=issues,
    )
