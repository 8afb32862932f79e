"""Issue tagging: which topics (Taiwan, sanctions, fentanyl, ...) a sentence or article is about.

The taxonomy is data (`data/issues/taxonomy.yaml`): issues with a parent and
phrases. Phrases are matched case-insensitively on whole tokens. A match also
tags the issue's ancestors, so filtering on `human_rights` finds events tagged
`xinjiang`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from detente.errors import DataFileError
from detente.knowledge import data_path, load_yaml, require, strings


@dataclass(frozen=True, slots=True)
class Issue:
    id: str
    label: str
    parent: str | None
    phrases: tuple[str, ...]


class Taxonomy:
    """Issues by id, checked for unique ids and existing, acyclic parents."""

    def __init__(self, issues: dict[str, Issue], digest: str = "") -> None:
        self.issues = issues
        self.digest = digest

    @classmethod
    def load(cls, path: Path | None = None) -> Taxonomy:
        path = path or data_path("issues", "taxonomy.yaml")
        data = load_yaml(path, "issues")
        issues: dict[str, Issue] = {}
        for number, entry in enumerate(data.entries, 1):
            require(path, entry, number, "id", "label", "phrases")
            issue_id = str(entry["id"])
            if issue_id in issues:
                raise DataFileError(path, f"entry {number}: duplicate issue id {issue_id!r}")
            issues[issue_id] = Issue(
                issue_id, str(entry["label"]), entry.get("parent"), tuple(strings(entry["phrases"]))
            )
        for issue in issues.values():
            seen = {issue.id}
            parent = issue.parent
            while parent is not None:
                if parent not in issues:
                    raise DataFileError(path, f"issue {issue.id!r}: unknown parent {parent!r}")
                if parent in seen:
                    raise DataFileError(path, f"issue {issue.id!r}: parents form a cycle")
                seen.add(parent)
                parent = issues[parent].parent
        return cls(issues, data.digest)

    def with_ancestors(self, issue_id: str) -> list[str]:
        chain = [issue_id]
        parent = self.issues[issue_id].parent
        while parent is not None:
            chain.append(parent)
            parent = self.issues[parent].parent
        return chain


class IssueTagger:
    """Tags spans of a parsed document with issue ids."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for issue in taxonomy.issues.values():
            self._matcher.add(issue.id, [nlp.make_doc(p) for p in issue.phrases])

    def tag(self, doc: Doc) -> dict[int, tuple[str, ...]]:
        """Issue ids (with ancestors) per sentence start token, for the whole document."""
        found: dict[int, list[str]] = {}
        strings_ = doc.vocab.strings
        for match_id, start, _end in self._matcher(doc):
            sent_start = doc[start].sent.start
            for issue_id in self.taxonomy.with_ancestors(strings_[match_id]):
                found.setdefault(sent_start, [])
                if issue_id not in found[sent_start]:
                    found[sent_start].append(issue_id)
        return {k: tuple(sorted(v)) for k, v in found.items()}

    @staticmethod
    def for_article(tags: dict[int, tuple[str, ...]]) -> tuple[str, ...]:
        """Every issue the article mentions, those in the most sentences first."""
        counts: Counter[str] = Counter(i for ids in tags.values() for i in ids)
        return tuple(issue for issue, _ in counts.most_common())
