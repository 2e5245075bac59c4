"""The law's sentences in another language keep what the English says: every risk kind of a
list, the derived clauses, and a publication's own title as published.
"""

from __future__ import annotations

import pytest

from powcase._util.i18n import lookup
from powcase.law import clauses, translated
from powcase.law.book import Law

LAW = Law.packaged()


def test_the_clause_for_a_move_instead_names_the_state_or_says_that_state():
    named = clauses.values({"to": "RU", "instead": ""})["instead_text"]
    assert named.startswith("RU is a party to the conflict on his side")
    unnamed = clauses.values({"instead": ""})["instead_text"]
    assert unnamed.startswith("that state is a party to the conflict on his side")
    moved = clauses.values({"to": "RU", "instead": "transfer_to_power"})["instead_text"]
    assert moved == "handing him to RU is another move (transfer_to_power)"


@pytest.mark.parametrize("lang", ["ko", "uk"])
@pytest.mark.parametrize(
    "kinds", [("torture",), ("torture", "death"), ("torture", "death", "persecution")]
)
def test_every_risk_kind_of_a_list_is_said_in_the_reader_s_words(lang, kinds):
    english = " and ".join(kinds) if len(kinds) < 3 else "torture, death and persecution"
    params = {"to": "KP", "risks": english, "onward": ""}
    sentence = translated.reason(LAW, "refoulement_human_rights", params, lang).text
    for kind in kinds:
        word = lookup(f"risk:{kind}", kind, lang).text
        assert word != kind
        assert word in sentence, (kind, sentence)
        assert kind not in sentence
    assert "KP" in sentence


@pytest.mark.parametrize("lang", ["ko", "uk"])
def test_a_value_that_is_no_list_of_risk_kinds_is_shown_as_given(lang):
    params = {"to": "KP", "risks": "what the record says", "onward": ""}
    sentence = translated.reason(LAW, "refoulement_human_rights", params, lang).text
    assert "what the record says" in sentence


@pytest.mark.parametrize("lang", ["ko", "uk"])
def test_our_description_of_a_publication_is_translated_its_own_title_is_not(lang):
    ours = [c for c in LAW.concerns.values() if c.title.startswith("[")]
    theirs = [c for c in LAW.concerns.values() if not c.title.startswith("[")]
    assert ours
    assert theirs
    for concern in ours:
        found = translated.concern(LAW, concern.id, lang)
        assert found.text != concern.title
        assert not found.fallback
    for concern in theirs:
        assert translated.concern(LAW, concern.id, lang).text == concern.title
