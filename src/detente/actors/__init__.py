"""Actors: mentions in text resolved to country + sector codes (or IGOs)."""

from detente.actors.dictionary import ActorDictionary, Person, RoleSpan
from detente.actors.resolve import ActorResolver, noun_phrase

__all__ = ["ActorDictionary", "ActorResolver", "Person", "RoleSpan", "noun_phrase"]
