"""detente: political event data from news, traceable to the sentence.

>>> import detente
>>> events = detente.extract("On Friday, the US Secretary of State met China's "
...                          "Foreign Minister in Beijing.", published="2024-04-26")
"""

__version__ = "0.1.0"

from detente.pipeline import Pipeline, PipelineConfig, extract
from detente.schema import Article, Event, IngestOutcome, Mention, Quote

__all__ = [
    "Article",
    "Event",
    "IngestOutcome",
    "Mention",
    "Pipeline",
    "PipelineConfig",
    "Quote",
    "__version__",
    "extract",
]
