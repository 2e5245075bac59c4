"""A reservation or declaration made with a deposit takes effect when the deposit binds.

A state's reservations and interpretive declarations go with its consent to be bound: one made
on depositing its instrument of accession or ratification has effect for that state only once
the treaty is in force for it (the Vienna Convention on the Law of Treaties, articles 2(1)(d)
and 21, writing down the customary rule). South Korea ratified Additional Protocol I with its
declaration on API-85(4)(b) on 15 January 1982; the Protocol bound it six months later, from
15 July 1982 (API art. 95(2)). Its accession to the Geneva Conventions, with its declaration on
GCIII-118, took effect on the day of deposit, 16 August 1966: a party to the conflict in Viet
Nam then, it was bound at once (GCIII-141), as the Swiss depositary's notice records.
"""

import datetime
import io
import pathlib

import pytest
import yaml

import powcase
from powcase.cli import main
from powcase.errors import LawDataError
from powcase.law.book import Law

D = datetime.date
LAW = Law.packaged()


def test_a_declaration_made_with_a_ratification_takes_effect_with_it_api_95():
    assert LAW.reservations("KR", "API-85(4)(b)", D(1982, 1, 15)) == ()
    assert LAW.reservations("KR", "API-85(4)(b)", D(1982, 7, 14)) == ()
    (found,) = LAW.reservations("KR", "API-85(4)(b)", D(1982, 7, 15))
    assert found.kind == "declaration"


def test_an_accession_with_immediate_effect_brings_its_declaration_at_once_gciii_141():
    assert LAW.binding("KR", "GCIII", D(1966, 8, 16)).immediate_effect == "GCIII-141"
    assert LAW.reservations("KR", "GCIII-118", D(1966, 8, 15)) == ()
    (found,) = LAW.reservations("KR", "GCIII-118", D(1966, 8, 16))
    assert found.kind == "declaration"


def test_the_declaration_s_own_text_binds_korea_from_the_same_day():
    assert not LAW.binds("KR", "ROK-DECL-GCIII-118", D(1966, 8, 15))
    assert LAW.binds("KR", "ROK-DECL-GCIII-118", D(1966, 8, 16))


def test_the_profile_lists_each_only_once_in_effect():
    assert LAW.profile("KR", D(1966, 8, 15))["reservations"] == []
    listed = LAW.profile("KR", D(1982, 3, 1))["reservations"]
    assert [r["provision"] for r in listed] == ["GCIII-118"]


def _korea_with(reservation):
    """The packaged law with South Korea's entry carrying one more reservation."""
    path = pathlib.Path(powcase.__file__).parent / "law" / "data" / "parties" / "KR.yaml"
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry["reservations"] = [*entry["reservations"], reservation]
    return LAW.overlaid({"parties": {"KR": entry}})


LATER = {
    "provision": "GCIII-118",
    "kind": "declaration",
    "summary": "A declaration made apart from any deposit.",
    "source": "https://example.org/a-declaration",
}


def test_one_made_after_the_state_was_bound_takes_effect_when_made():
    law = _korea_with({**LATER, "made": D(1990, 1, 1)})
    assert len(law.reservations("KR", "GCIII-118", D(1989, 12, 31))) == 1
    assert len(law.reservations("KR", "GCIII-118", D(1990, 1, 1))) == 2


def test_one_made_before_the_deposit_takes_effect_only_when_the_deposit_does():
    # Made at signature, a reservation has no effect before the state's consent binds it.
    law = _korea_with({**LATER, "kind": "reservation", "made": D(1960, 1, 1)})
    assert law.reservations("KR", "GCIII-118", D(1960, 1, 1)) == ()
    assert len(law.reservations("KR", "GCIII-118", D(1966, 8, 16))) == 2


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


def test_powcase_parties_says_from_when_it_has_effect():
    out = io.StringIO()
    assert main(["parties", "KR", "--as-of", "1990-01-01"], out=out, err=io.StringIO()) == 0
    text = out.getvalue()
    assert "declaration on GCIII-118 (1966-08-16)" in text
    assert "declaration on API-85(4)(b) (made 1982-01-15, in effect from 1982-07-15)" in text
    assert LAW.profile("KR", D(1990, 1, 1))["reservations"][1]["in_effect_from"] == "1982-07-15"
