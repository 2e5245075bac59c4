"""Who answers for a protected person after a transfer: the article the transferring power's
reservation must name is GCIV-45 for a civilian and GCIII-12 for a prisoner of war.

GCIV-45(3) (like GCIII-12(2) for prisoners of war) passes responsibility to the power that
accepts him; a transferring power that reserved the article keeps answering for him, so its
open items run on. A reservation to the other Convention's article does not count.
"""

from __future__ import annotations

import datetime

import pytest

from powcase import Assumptions, Case, Subject
from powcase.law.book import Law
from powcase.law.docket import Status

CIVILIAN = Subject(id="resident", nationality=["UA"], membership="none")
SOLDIER = Subject(id="taras", nationality=["UA"], forces="UA")
EVENTS = [
    {"date": "2025-01-09", "event": "capture", "territory": "own"},
    {"date": "2025-01-20", "event": "receiving_state_consents", "state": "GB"},
    {"date": "2025-01-21", "event": "transfer_to_power", "to": "GB"},
]
_PARTICIPATIONS = [
    {
        "instrument": instrument,
        "how": "accession",
        "deposited": "1960-01-01",
        "source": "https://example.org/br",
    }
    for instrument in ("GCIII", "GCIV")
]


def _holder(reserved: str) -> dict[str, object]:
    """A hypothetical detaining power (Brazil's code, not its real entry), party to both
    Conventions, that reserved ``reserved``.
    """
    return {
        "parties": {
            "BR": {
                "name": "A hypothetical Brazil, for the test",
                "participations": _PARTICIPATIONS,
                "reservations": [
                    {
                        "provision": reserved,
                        "kind": "reservation",
                        "made": "1960-01-01",
                        "summary": "Keeps the transferring power answerable after a transfer.",
                        "source": "https://example.org/br",
                    }
                ],
                "conflicts": [
                    {
                        "conflict": "test_war",
                        "side": "A",
                        "since": "2024-01-01",
                        "source": "https://example.org/br",
                    }
                ],
            },
        }
    }


def _icrc_access(subject: Subject, reserved: str):
    law = Law.packaged().overlaid(_holder(reserved))
    case = Case.open(subject, "BR", assumptions=Assumptions(), mode="descriptive", law=law)
    for event in EVENTS:
        case = case.apply(event, on_refusal="record")
    assert case.steps[2].applied
    (item,) = [o for o in case.docket(datetime.date(2025, 1, 25)) if o.code == "icrc_access"]
    return item


@pytest.mark.parametrize(
    ("subject", "reserved", "runs_on"),
    [
        (CIVILIAN, "GCIV-45", True),
        (CIVILIAN, "GCIII-12", False),
        (SOLDIER, "GCIII-12", True),
        (SOLDIER, "GCIV-45", False),
    ],
    ids=["civilian-gciv45", "civilian-gciii12", "soldier-gciii12", "soldier-gciv45"],
)
def test_only_a_reservation_to_the_article_that_governs_him_keeps_items_running(
    subject, reserved, runs_on
):
    item = _icrc_access(subject, reserved)
    if runs_on:
        assert (item.status, item.why) == (Status.PENDING, None)
    else:
        assert (item.status, item.why, item.lapsed_by) == (Status.LAPSED, "transferred", 2)


def _transfer_verdict(subject: Subject, reserved: str):
    law = Law.packaged().overlaid(_holder(reserved))
    case = Case.open(subject, "BR", assumptions=Assumptions(), law=law)
    for event in EVENTS:
        case = case.apply(event, on_refusal="record")
    return case.steps[2].verdict


@pytest.mark.parametrize(
    ("subject", "reserved", "article", "noted"),
    [
        (CIVILIAN, "GCIV-45", "GCIV-45(3)", True),
        (CIVILIAN, "GCIII-12", "GCIV-45(3)", False),
        (SOLDIER, "GCIII-12", "GCIII-12(2)", True),
        (SOLDIER, "GCIV-45", "GCIII-12(2)", False),
    ],
    ids=["civilian-gciv45", "civilian-gciii12", "soldier-gciii12", "soldier-gciv45"],
)
def test_an_allowed_transfer_rests_on_its_article_and_notes_only_the_reservation_to_it(
    subject, reserved, article, noted
):
    """The transfer of a protected person rests on GCIV-45(3), of a prisoner of war on
    GCIII-12(2); the transferring power's reservation is noted where it bears on that
    article.
    """
    verdict = _transfer_verdict(subject, reserved)
    assert verdict.outcome.value == "allowed"
    codes = {r.code: r.cites for r in verdict.reasons}
    assert codes["transfer_to_party"] == (article,)
    assert ("reservation_in_force" in codes) is noted
    if noted:
        assert codes["reservation_in_force"] == (reserved,)


@pytest.mark.parametrize("subject", [CIVILIAN, SOLDIER], ids=["civilian", "soldier"])
def test_the_receiver_s_ability_is_assumed_and_said_so_gciv_45_3_gciii_12_2(subject):
    """Both articles let the detaining power transfer him only once it has satisfied itself
    that the receiver is willing and able to apply the Convention. Its consent stands for
    its willingness; its ability is not judged beyond the onward risk, and the allowed
    transfer says so, citing the article that asks it.
    """
    verdict = _transfer_verdict(subject, "GCIII-12")
    article = "GCIV-45(3)" if subject is CIVILIAN else "GCIII-12(2)"
    notes = {r.code: r.cites for r in verdict.reasons}
    assert notes["receiver_ability_assumed"] == (article,)
