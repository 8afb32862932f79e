"""Events: lexicon patterns matched on the dependency parse, coded in CAMEO and PLOVER."""

from detente.events.coder import EventCoder
from detente.events.lexicon import Lexicon, Pattern, compile_pattern

__all__ = ["EventCoder", "Lexicon", "Pattern", "compile_pattern"]
