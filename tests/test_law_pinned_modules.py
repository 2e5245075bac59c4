"""The law modules' own functions, as an application calls them: each answers from the
packaged law what the :class:`~powcase.law.book.Law` method of the same name answers.
"""

from __future__ import annotations

import datetime

from powcase.law import messages, parties, provisions
from powcase.law.book import Law

ON = datetime.date(2025, 1, 9)


def test_a_reason_s_sentence_from_the_messages_module():
    assert messages.render("no_known_risk", {"to": "RU"}) == "No risk to him in RU is on record."


def test_a_party_and_its_profile_from_the_parties_module():
    law = Law.packaged()
    assert parties.party("KP") == law.party("KP")
    profile = parties.profile("KP", ON)
    assert profile == law.profile("KP", ON)
    assert profile["name"] == "Democratic People's Republic of Korea"


def test_every_provision_id_in_catalogue_order_and_their_shape():
    ids = list(provisions.ids())
    assert ids == list(Law.packaged().provisions)
    assert "GCIII-118" in ids
    assert all(provisions.well_formed(i) for i in ids)
    assert provisions.well_formed("GCIII-109(2)") is True
    assert provisions.well_formed("gciii 118") is False


def test_an_obligation_rule_lists_its_code_provision_and_period():
    rule = Law.packaged().obligations["capture_card"]
    listed = rule.to_dict()
    assert (listed["code"], listed["provision"]) == ("capture_card", rule.provision)
    assert listed["due"] == rule.period
    assert listed["met_by"] == rule.met_by


def test_the_concerns_of_a_flag_from_the_concerns_module():
    from powcase.law import concerns

    found = concerns.concerns_for("refoulement_risk")
    assert found == Law.packaged().concerns_for("refoulement_risk")
    assert "hrw-2026-02-26" in found
