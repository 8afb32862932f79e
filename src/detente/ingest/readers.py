"""Readers for each input format, and the walk over paths given by the user."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from detente.ingest.dateline import date_from_text
from detente.ingest.language import looks_english
from detente.schema import (
    Article,
    IngestOutcome,
    OutcomeStatus,
    PublishedSource,
    stable_hash,
)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

Item = Article | IngestOutcome


def read_inputs(paths: Iterable[str | Path], published: date | None = None) -> Iterator[Item]:
    """Yield an Article or an outcome for every input under `paths`.

    `published` is the publication date for inputs that carry none. Articles
    whose text was already seen in this run are skipped as duplicates.
    """
    seen: dict[str, str] = {}
    for item in _walk(paths, published):
        if isinstance(item, Article):
            first = seen.setdefault(item.content_hash, item.origin)
            if first != item.origin:
                yield _skipped(item.origin, f"duplicate of {first}", item.article_id)
                continue
        yield item


def _walk(paths: Iterable[str | Path], published: date | None) -> Iterator[Item]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                if file.name.startswith("."):
                    continue
                if file.suffix.lower() not in SUPPORTED_SUFFIXES:
                    yield _skipped(str(file), f"unsupported file type '{file.suffix or 'none'}'")
                    continue
                yield from read_file(file, published, label=str(file))
        elif path.is_file():
            yield from read_file(path, published, label=str(given))
        else:
            yield _failed(str(given), "no such file or directory")


def read_file(path: Path, published: date | None, label: str) -> Iterator[Item]:
    """Read one file by its suffix; plain text is the default for unknown suffixes."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield _failed(label, f"cannot be read: {exc.strerror}")
        return
    if b"\x00" in raw[:8192]:
        yield _failed(label, "binary file (contains NUL bytes), not text, HTML or JSON Lines")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _failed(label, f"not UTF-8 text (byte {exc.start}): binary or another encoding")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(content, label, published)
    elif suffix in HTML_SUFFIXES:
        yield read_html(content, label, published)
    else:
        yield make_article(content, label, article_id=label, published=published)


def read_jsonl(content: str, label: str, published: date | None) -> Iterator[Item]:
    """One article per line: `id`, `text`, optional `published`, `title`, `url`, `source`."""
    for number, line in enumerate(content.splitlines(), 1):
        origin = f"{label}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _failed(origin, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield _failed(origin, "a JSON Lines record must be an object with 'text'")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield _failed(origin, "record has no string field 'text'")
            continue
        try:
            line_date = _parse_date(record.get("published"))
        except ValueError as exc:
            yield _failed(origin, f"bad 'published' value: {exc}")
            continue
        record_id = record.get("id")
        yield make_article(
            text,
            origin,
            article_id=str(record_id) if record_id not in (None, "") else None,
            published=line_date or published,
            published_source=PublishedSource.JSONL if line_date else None,
            title=_optional_str(record.get("title")),
            url=_optional_str(record.get("url")),
            source=_optional_str(record.get("source")),
        )


def read_html(content: str, label: str, published: date | None) -> Item:
    """Main text, title, site and publication date of an HTML page (trafilatura, htmldate)."""
    import trafilatura  # heavy import: only when HTML is actually read

    try:
        doc = trafilatura.bare_extraction(content, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        return _failed(label, f"HTML could not be parsed: {exc}")
    fields = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
    text = str(fields.get("text") or "")
    if not text.strip():
        return _skipped(label, "no main text found in the HTML page")
    title = _optional_str(fields.get("title"))
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]  # the headline is kept as the title, not as a sentence
    meta_date = None
    if fields.get("date"):
        try:
            meta_date = date.fromisoformat(str(fields["date"])[:10])
        except ValueError:
            meta_date = None
    return make_article(
        text,
        label,
        article_id=label,
        published=meta_date or published,
        published_source=PublishedSource.HTML_META if meta_date else None,
        title=title,
        url=_optional_str(fields.get("url")),
        source=_optional_str(fields.get("sitename")),
    )


def make_article(
    text: str,
    origin: str,
    *,
    article_id: str | None,
    published: date | None,
    published_source: PublishedSource | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Item:
    """Build an Article, or the reason it cannot be one (empty, not English)."""
    text = text.strip()
    if not text:
        return _skipped(origin, "empty text", article_id)
    if not looks_english(text):
        return _skipped(origin, "not English (detente codes English text only)", article_id)
    dating = date_from_text(text)
    if published is None and dating.published is not None:
        published, published_source = dating.published, dating.source
    if published_source is None:
        published_source = PublishedSource.GIVEN if published else PublishedSource.UNKNOWN
    return Article(
        dateline=dating.place,
        body_start=dating.body_start,
        article_id=article_id or stable_hash(text),
        text=text,
        origin=origin,
        title=title,
        url=url,
        source=source,
        published=published,
        published_source=published_source,
    )


def _parse_date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD string")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date") from exc


def _optional_str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _skipped(origin: str, reason: str, article_id: str | None = None) -> IngestOutcome:
    return IngestOutcome(origin, OutcomeStatus.SKIPPED, reason, article_id)


def _failed(origin: str, reason: str) -> IngestOutcome:
    return IngestOutcome(origin, OutcomeStatus.FAILED, reason)
