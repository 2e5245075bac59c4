"""A reservation or declaration made with a deposit takes effect when the deposit binds.

A state's reservations and interpretive declarations qualify its consent to be bound: one made
on depositing its instrument of accession or ratification has effect for that state only once
the treaty is in force for it (the Vienna Convention on the Law of Treaties, article 24(3);
for the Geneva Conventions, six months after the deposit: the Third Convention's articles 138
and 139). South Korea deposited its accession to the Geneva Conventions
with its declaration on GCIII-118 on 16 August 1966; the Conventions bound it from
16 February 1967. It ratified Additional Protocol I with its declaration on API-85(4)(b) on
15 January 1982; the Protocol bound it from 15 July 1982. Each test failed on the model before
this change.
"""

import datetime

import pytest

from powcase.errors import LawDataError
from powcase.law.book import Law

D = datetime.date
LAW = Law.packaged()


@pytest.mark.parametrize(
    ("provision", "deposited", "binding"),
    [
        ("GCIII-118", D(1966, 8, 16), D(1967, 2, 16)),
        ("API-85(4)(b)", D(1982, 1, 15), D(1982, 7, 15)),
    ],
)
def test_a_declaration_made_with_a_deposit_takes_effect_with_it(provision, deposited, binding):
    assert LAW.reservations("KR", provision, deposited) == ()
    assert LAW.reservations("KR", provision, binding - datetime.timedelta(days=1)) == ()
    (found,) = LAW.reservations("KR", provision, binding)
    assert found.kind == "declaration"


def test_the_declaration_s_own_text_binds_korea_from_the_same_day():
    assert not LAW.binds("KR", "ROK-DECL-GCIII-118", D(1966, 8, 16))
    assert not LAW.binds("KR", "ROK-DECL-GCIII-118", D(1967, 2, 15))
    assert LAW.binds("KR", "ROK-DECL-GCIII-118", D(1967, 2, 16))


def test_the_profile_lists_it_only_once_in_effect():
    assert LAW.profile("KR", D(1966, 12, 1))["reservations"] == []
    listed = LAW.profile("KR", D(1967, 3, 1))["reservations"]
    assert [r["provision"] for r in listed] == ["GCIII-118"]


def test_a_reservation_with_no_deposit_that_day_takes_effect_when_made():
    # Russia withdrew its reservation to GCIII-85 and kept the others; a reservation the
    # table dates apart from any deposit is read from the day it was made.
    for state, party in LAW.parties.items():
        for reservation in party.reservations:
            on = reservation.made
            instrument = LAW.provisions[reservation.provision].instrument
            deposits = {p.deposited for p in party.participations if p.instrument == instrument}
            if on not in deposits and reservation.in_force(on):
                assert reservation in LAW.reservations(state, reservation.provision, on)


def _rok_decl(**changes):
    raw = {
        "title": "Republic of Korea: declarations made on acceding to the Geneva Conventions",
        "binding": "declaration",
        "adopted": "1966-08-16",
        "url": "https://example.org/rok-declaration",
        "state": "KR",
        "with_deposit": "GCIII",
    }
    return {"instruments": {"ROK-DECL": {**raw, **changes}}}


def test_an_overlay_without_the_deposit_reads_the_declaration_from_the_day_it_was_made():
    raw = _rok_decl()
    del raw["instruments"]["ROK-DECL"]["with_deposit"]
    law = LAW.overlaid(raw)
    assert law.binds("KR", "ROK-DECL-GCIII-118", D(1966, 8, 16))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"with_deposit": "GCIIII"}, r"ROK-DECL\.with_deposit: GCIIII is not an instrument"),
        ({"binding": "national"}, r"ROK-DECL\.binding: .national. does not go with with_deposit"),
    ],
)
def test_a_wrong_deposit_is_a_located_error(changes, message):
    with pytest.raises(LawDataError, match=message):
        LAW.overlaid(_rok_decl(**changes))
