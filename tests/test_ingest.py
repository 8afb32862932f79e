"""Ingest: every input ends in exactly one outcome, with a reason a user can act on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from detente.ingest import read_inputs
from detente.ingest.language import looks_english
from detente.schema import Article, IngestOutcome, OutcomeStatus, PublishedSource
from tests.helpers import write

BRIEF = "On Friday, the US Secretary of State met China's Foreign Minister in Beijing."


def outcomes(items) -> dict[str, IngestOutcome]:
    return {i.origin: i for i in items if isinstance(i, IngestOutcome)}


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_ingest_plain_text_file_uses_path_as_id_and_given_date(tmp_path: Path) -> None:
    path = write(tmp_path / "brief.txt", BRIEF)
    (article,) = list(read_inputs([path], published=date(2024, 4, 26)))
    assert isinstance(article, Article)
    assert article.article_id == str(path)
    assert article.published == date(2024, 4, 26)
    assert article.published_source is PublishedSource.GIVEN
    assert article.text == BRIEF


def test_ingest_directory_is_recursive_and_accounts_for_every_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", BRIEF)
    write(
        tmp_path / "sub" / "deeper" / "b.txt",
        "Beijing protested to Washington over the new tariffs.",
    )
    write(tmp_path / "sub" / "notes.pdf", b"%PDF-1.4 not really")
    items = list(read_inputs([tmp_path]))
    assert {Path(a.origin).name for a in articles(items)} == {"a.txt", "b.txt"}
    skipped = outcomes(items)
    (pdf,) = skipped.values()
    assert pdf.status is OutcomeStatus.SKIPPED and "unsupported file type '.pdf'" in pdf.reason


def test_ingest_empty_file_is_skipped_with_reason(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", "  \n\n")
    (outcome,) = list(read_inputs([path]))
    assert isinstance(outcome, IngestOutcome)
    assert outcome.status is OutcomeStatus.SKIPPED
    assert outcome.reason == "empty text"


def test_ingest_binary_file_fails_with_reason(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", bytes(range(256)) * 4)
    (outcome,) = list(read_inputs([path]))
    assert isinstance(outcome, IngestOutcome)
    assert outcome.status is OutcomeStatus.FAILED
    assert "binary" in outcome.reason


def test_ingest_missing_path_fails(tmp_path: Path) -> None:
    (outcome,) = list(read_inputs([tmp_path / "nowhere.txt"]))
    assert outcome.status is OutcomeStatus.FAILED
    assert outcome.reason == "no such file or directory"


def test_ingest_jsonl_malformed_line_is_reported_by_number_and_rest_processed(
    tmp_path: Path,
) -> None:
    lines = [
        json.dumps({"id": "a1", "text": BRIEF, "published": "2024-04-26", "title": "Talks"}),
        '{"id": "a2", "text": "broken',
        json.dumps({"id": "a3", "text": "Moscow expelled two Estonian diplomats on Tuesday."}),
        json.dumps({"id": "a4", "title": "no text field"}),
        json.dumps({"id": "a5", "text": "Seoul and Tokyo held talks.", "published": "26/04/2024"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path], published=date(2024, 5, 1)))
    found = {a.article_id: a for a in articles(items)}
    assert set(found) == {"a1", "a3"}
    assert found["a1"].published == date(2024, 4, 26)
    assert found["a1"].published_source is PublishedSource.JSONL
    assert found["a1"].title == "Talks"
    assert found["a3"].published == date(2024, 5, 1)  # falls back to --published
    assert found["a3"].published_source is PublishedSource.GIVEN
    bad = outcomes(items)
    assert bad[f"{path}:2"].status is OutcomeStatus.FAILED
    assert "malformed JSON" in bad[f"{path}:2"].reason
    assert "no string field 'text'" in bad[f"{path}:4"].reason
    assert "bad 'published' value" in bad[f"{path}:5"].reason


def test_ingest_duplicate_text_in_one_run_is_skipped(tmp_path: Path) -> None:
    first = write(tmp_path / "one.txt", BRIEF)
    second = write(tmp_path / "two.txt", BRIEF)
    items = list(read_inputs([first, second]))
    assert len(articles(items)) == 1
    (dup,) = outcomes(items).values()
    assert dup.status is OutcomeStatus.SKIPPED and dup.reason == f"duplicate of {first}"


def test_ingest_html_takes_main_text_title_and_meta_date(tmp_path: Path) -> None:
    html = """<html><head><title>Envoys meet in Beijing</title>
    <meta property="article:published_time" content="2024-04-26T08:00:00Z">
    <meta property="og:site_name" content="Example Wire"></head>
    <body><nav>Home | World | Business</nav><article><h1>Envoys meet in Beijing</h1>
    <p>On Friday, the US Secretary of State met China's Foreign Minister in Beijing. The two
    sides discussed trade and security for several hours at a state guesthouse.</p>
    <p>Officials from both governments said they agreed to keep channels of communication
    open and to hold further talks on military contacts later in the year.</p></article>
    <footer>Contact us</footer></body></html>"""
    path = write(tmp_path / "page.html", html)
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.title == "Envoys meet in Beijing"
    assert article.published == date(2024, 4, 26)
    assert article.published_source is PublishedSource.HTML_META
    assert article.source == "Example Wire"
    assert article.text.startswith("On Friday, the US Secretary of State met")
    assert "Home | World" not in article.text


def test_ingest_non_english_text_is_skipped() -> None:
    french = (
        "Le ministre des Affaires étrangères a rencontré son homologue chinois à Pékin "
        "vendredi pour discuter des relations commerciales et de la guerre en Ukraine."
    )
    assert not looks_english(french)
    assert looks_english(BRIEF)


def test_ingest_content_hash_is_the_id_when_input_has_none(tmp_path: Path) -> None:
    path = write(tmp_path / "x.jsonl", json.dumps({"text": BRIEF}) + "\n")
    (article,) = list(read_inputs([path]))
    assert len(article.article_id) == 16 and article.article_id.isalnum()


def test_ingest_dateline_gives_place_and_date_when_none_is_known(tmp_path: Path) -> None:
    path = write(
        tmp_path / "wire.txt",
        "NEW DELHI, Nov. 15, 2023 (Example Wire) - India and "
        "Australia signed a trade pact on Wednesday.",
    )
    (article,) = list(read_inputs([path]))
    assert article.dateline == "New Delhi"
    assert article.published == date(2023, 11, 15)
    assert article.published_source is PublishedSource.DATELINE


def test_ingest_copyright_year_dates_article_to_the_year_only(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.txt", "Canberra protested to Beijing on Tuesday.\n\n(c) 2021 Example Wire"
    )
    (article,) = list(read_inputs([path]))
    assert article.published == date(2021, 1, 1)
    assert article.published_source is PublishedSource.TEXT_YEAR


def test_ingest_given_date_wins_over_text(tmp_path: Path) -> None:
    path = write(tmp_path / "d.txt", "KYIV, March 3, 2022 (Example Wire) - Ukraine asked for help.")
    (article,) = list(read_inputs([path], published=date(2022, 3, 4)))
    assert article.published == date(2022, 3, 4)
    assert article.published_source is PublishedSource.GIVEN
    assert article.dateline == "Kyiv"
