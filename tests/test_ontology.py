"""The CAMEO and PLOVER tables: complete, consistent and correctly mapped."""

from __future__ import annotations

import pytest

from detente.ontology import Ontology


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_ontology_has_every_cameo_code(ontology: Ontology) -> None:
    assert len(ontology.codes) == 317
    roots = {c.root for c in ontology.codes.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize(
    ("code", "goldstein", "quad", "plover", "mode"),
    [
        ("036", 4.0, 1, "AGREE", None),
        ("040", 1.0, 1, "CONSULT", None),
        ("042", 1.9, 1, "CONSULT", "visit"),
        ("0314", 3.0, 1, "AGREE", None),  # sub-code inherits nothing it does not have
        ("112", -2.0, 3, "ACCUSE", "disapprove"),
        ("163", -8.0, 4, "COERCE", "restrict"),  # as the PLOVER table maps it
        ("010", 0.0, 1, None, None),  # statements have no PLOVER event type
    ],
)
def test_ontology_code_carries_goldstein_quad_and_plover(
    ontology: Ontology, code: str, goldstein: float, quad: int, plover: str | None, mode: str | None
) -> None:
    entry = ontology[code]
    assert entry.quad_class == quad
    assert entry.plover_type == plover
    assert entry.plover_mode == mode
    if code != "0314":
        assert entry.goldstein == goldstein


def test_ontology_quad_class_follows_root(ontology: Ontology) -> None:
    for entry in ontology.codes.values():
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert entry.quad_class == expected, entry.code


def test_ontology_extension_codes_have_no_goldstein(ontology: Ontology) -> None:
    for code in ("155", "176", "1834", "1951", "1952"):
        assert ontology[code].goldstein is None


def test_ontology_plover_only_codes_are_kept_aside(ontology: Ontology) -> None:
    assert ontology.plover_only == ("1214",)
    assert "1214" not in ontology
