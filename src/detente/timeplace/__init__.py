"""Time and place: event dates against the publication date, and offline geocoding."""

from detente.timeplace.dates import DateResolver, ResolvedDate, Tense
from detente.timeplace.places import Gazetteer

__all__ = ["DateResolver", "Gazetteer", "ResolvedDate", "Tense"]
