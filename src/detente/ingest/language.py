"""A cheap English check so foreign-language inputs are skipped with a reason.

The English model would parse French into nonsense events; refusing it up
front is better. The test: the share of words that are English stop words
(spaCy's list). English news runs at 35-50%; other Latin-script languages stay
well under 15%, and non-Latin scripts have almost no such words at all.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 12  # below this, too little evidence to reject anything
MIN_STOPWORD_SHARE = 0.15


def looks_english(text: str) -> bool:
    """True unless the text is long enough to judge and clearly not English."""
    words = WORD.findall(text[:5000].lower())
    if len(words) < MIN_WORDS:
        return True
    share = sum(1 for w in words if w in STOP_WORDS) / len(words)
    return share >= MIN_STOPWORD_SHARE
