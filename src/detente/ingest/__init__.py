"""Ingest: files, directories, JSON Lines and HTML become `Article` records.

Every input ends in exactly one outcome. `read_inputs` yields an `Article` for
each readable document and an `IngestOutcome` (skipped or failed, with the
reason and the file or line) for everything else, so nothing is silently
dropped.
"""

from detente.ingest.readers import SUPPORTED_SUFFIXES, read_inputs

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs"]
