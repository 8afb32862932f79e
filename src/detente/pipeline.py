"""The pipeline: Article -> Doc -> [Mention] -> [Event], in batches.

`Pipeline()` is cheap; `load()` reads the model and every knowledge file once.
`process(articles)` streams `ArticleResult`s, parsing with `nlp.pipe`.
`extract(text, published=...)` is the one-call API for a single text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from detente import __version__
from detente.actors import ActorDictionary, ActorResolver
from detente.events.coder import ArticleContext, EventCoder, SentenceCoding
from detente.events.lexicon import Lexicon
from detente.events.proposer import Proposer
from detente.events.status import StatusCues
from detente.ingest.dateline import date_from_text
from detente.issues import IssueTagger, Taxonomy
from detente.knowledge import combined_digest
from detente.nlp import BATCH_SIZE, load_model, parse
from detente.ontology import Ontology
from detente.quotes import QuoteFinder, ReportingCues
from detente.schema import Article, ArticleResult, Event, PublishedSource, stable_hash
from detente.timeplace import DateResolver, Gazetteer


@dataclass
class PipelineConfig:
    """Everything that changes what the pipeline produces."""

    model: str | None = None
    user_actors: list[Path] = field(default_factory=list)
    batch_size: int = BATCH_SIZE
    proposer: bool = False  # the learned proposer (docs/lexicon.md): off until it raises F1


@dataclass(frozen=True, slots=True)
class _Loaded:
    nlp: Language
    coder: EventCoder
    tagger: IssueTagger
    quotes: QuoteFinder


class Pipeline:
    """Turns articles into coded events. Construct freely; call `load()` before use."""

    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        self._parts: _Loaded | None = None
        self.digest = ""

    def load(self) -> Pipeline:
        if self._parts is not None:
            return self
        nlp = load_model(self.config.model)
        ontology = Ontology.load()
        lexicon = Lexicon.load(ontology)
        cues = StatusCues.load()
        book = ActorDictionary.load(user_files=self.config.user_actors)
        dates = DateResolver.load()
        gazetteer = Gazetteer.load()
        taxonomy = Taxonomy.load()
        reporting = ReportingCues.load()
        resolver = ActorResolver(nlp, book)
        proposer = Proposer.load() if self.config.proposer else None
        self._parts = _Loaded(
            nlp,
            EventCoder(ontology, lexicon, cues, resolver, dates, gazetteer, proposer),
            IssueTagger(nlp, taxonomy),
            QuoteFinder(resolver, reporting),
        )
        self.digest = combined_digest(
            [
                ontology.digest,
                lexicon.digest,
                cues.digest,
                book.digest,
                dates.digest,
                taxonomy.digest,
                reporting.digest,
                proposer.digest if proposer is not None else "",
            ]
        )
        return self

    @property
    def parts(self) -> _Loaded:
        """The loaded model and stages (loading them on first use)."""
        self.load()
        assert self._parts is not None
        return self._parts

    @property
    def nlp(self) -> Language:
        return self.parts.nlp

    @property
    def coder(self) -> EventCoder:
        return self.parts.coder

    @property
    def tagger(self) -> IssueTagger:
        return self.parts.tagger

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"detente {__version__}; model {meta.get('name')} {meta.get('version')}"

    def process(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Code a stream of articles, parsing them in batches."""
        self.load()
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= self.config.batch_size:
                yield from self._process_batch(pending)
                pending = []
        if pending:
            yield from self._process_batch(pending)

    def _process_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        docs = parse(self.nlp, (a.body for a in batch), batch_size=self.config.batch_size)
        for article, doc in zip(batch, docs, strict=True):
            yield self.code_doc(doc, article)

    def code_doc(self, doc: Doc, article: Article) -> ArticleResult:
        tags = self.tagger.tag(doc)
        learned: list = []
        codings = self.code_sentences(doc, article, tags=tags, learned=learned)
        return ArticleResult(
            article,
            [e for coding in codings for e in coding.events],
            quotes=self.parts.quotes.find(doc, article.article_id, article.published),
            issues=IssueTagger.for_article(tags),
            learned=learned,
            unresolved=[u for coding in codings for u in coding.unresolved],
        )

    def code_sentences(
        self,
        doc: Doc,
        article: Article,
        explain: bool = False,
        tags: dict[int, tuple[str, ...]] | None = None,
        learned: list | None = None,
    ) -> list[SentenceCoding]:
        """Mark actors in the whole document, then code it sentence by sentence."""
        taught = self.coder.resolver.annotate(doc, article.published)
        if learned is not None:
            learned.extend(taught)
        tags = self.tagger.tag(doc) if tags is None else tags
        dateline = self.coder.gazetteer.lookup(article.dateline) if article.dateline else None
        if dateline is not None:
            dateline = replace(dateline, source="dateline")
        context = ArticleContext(
            article.article_id,
            article.published,
            dateline=dateline,
            year_only=article.published_source is PublishedSource.TEXT_YEAR,
            home=(dateline.country if dateline else None) or self.coder.resolver.story_country(doc),
        )
        codings = []
        for index, sent in enumerate(doc.sents):
            coding = self.coder.code_sentence(sent, index, context, explain=explain)
            issues = tags.get(sent.start, ())
            if issues:
                coding.events = [replace(e, issues=issues) for e in coding.events]
            codings.append(coding)
        return codings


def article_from_text(
    text: str, published: date | None = None, article_id: str | None = None
) -> Article:
    """Wrap a bare text as an Article (the id is the content hash unless given); a
    dateline is split off as ingest does, and dates the text when nothing else does."""
    dating = date_from_text(text)
    source = PublishedSource.GIVEN if published else dating.source
    return Article(
        article_id=article_id or stable_hash(text),
        text=text,
        origin="<text>",
        published=published or dating.published,
        published_source=source,
        dateline=dating.place,
        body_start=dating.body_start,
    )


def extract(
    text: str, published: date | str | None = None, pipeline: Pipeline | None = None
) -> list[Event]:
    """Code one text: `detente.extract("...", published="2024-04-26")`."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    pipeline = pipeline or _default_pipeline()
    result = next(pipeline.process([article_from_text(text, published)]))
    return result.events


_DEFAULT: list[Pipeline] = []


def _default_pipeline() -> Pipeline:
    """The pipeline `extract()` uses when none is passed, loaded once per process."""
    if not _DEFAULT:
        _DEFAULT.append(Pipeline().load())
    return _DEFAULT[0]
