"""One catalogue of error and warning codes.

Messages name the input and say what to do. Codes are stable so users can
search for them: E0xx data files, E1xx inputs, E2xx store, E3xx models and
configuration.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class for errors detente reports to the user."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class DataFileError(DetenteError):
    """A knowledge file (dictionary, lexicon, ontology) is missing or malformed."""

    code = "E001"

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"data file {path}: {problem}")


class InputError(DetenteError):
    """An input (file, line, record) cannot be read."""

    code = "E101"

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")


class StoreError(DetenteError):
    """The database cannot be opened or written."""

    code = "E201"


class ModelError(DetenteError):
    """No usable spaCy model."""

    code = "E301"


class OptionError(DetenteError):
    """A command-line or API option has a bad value."""

    code = "E302"
