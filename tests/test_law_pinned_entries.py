"""The law's entries read their own dates: when a deposit binds, when an alliance or a side
in a conflict ends, and how a provision presents itself.
"""

from __future__ import annotations

import datetime

import pytest

from powcase.law.book import Law
from powcase.law.entries import Alliance, ConflictSide, Instrument, TakesEffect

D = datetime.date.fromisoformat
DAY = datetime.timedelta(days=1)


def _instrument(**fields: object) -> Instrument:
    base: dict[str, object] = {
        "id": "TREATY",
        "title": "A treaty of the test",
        "binding": "treaty",
        "adopted": D("1950-01-01"),
        "url": "https://example.org/treaty",
    }
    return Instrument(**(base | fields))


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"in_force": D("1951-01-01")},
        {"takes_effect": TakesEffect(months=6)},
    ],
    ids=["neither", "no-clause", "no-entry-into-force"],
)
def test_a_treaty_without_both_its_clause_and_its_entry_into_force_dates_no_deposit(fields):
    """Without both, when a deposit binds cannot be read from the instrument: the
    participation must give its own first day.
    """
    treaty = _instrument(**fields)
    assert treaty.effective(D("1960-01-01")) is None
    assert treaty.immediate(D("1960-01-01"), ()) is False


def test_a_deposit_binds_after_the_clause_s_period_and_never_before_entry_into_force():
    """GCIII-138: six months after the deposit; GCIII-141: at once for a party to an armed
    conflict with hostilities not closed.
    """
    treaty = _instrument(
        in_force=D("1950-10-21"),
        takes_effect=TakesEffect(months=6, in_conflict="GCIII-141"),
    )
    assert treaty.effective(D("1949-12-01")) == D("1950-10-21")
    assert treaty.effective(D("1960-01-01")) == D("1960-07-01")
    at_war = ConflictSide("war", "A", D("1959-06-01"), "https://example.org/war")
    assert treaty.effective(D("1960-01-01"), [at_war]) == D("1960-01-01")
    assert treaty.immediate(D("1960-01-01"), [at_war]) is True
    assert treaty.immediate(D("1960-01-01"), []) is False


def test_an_alliance_and_a_side_in_a_conflict_end_on_their_until_day():
    """``until`` is the first day an entry no longer holds."""
    ally = Alliance("KP", D("2001-01-01"), "a treaty", "https://example.org", D("2002-01-01"))
    side = ConflictSide("war", "A", D("2001-01-01"), "https://example.org", D("2002-01-01"))
    for entry in (ally, side):
        assert entry.in_force(D("2002-01-01") - DAY)
        assert not entry.in_force(D("2002-01-01"))
        assert entry.in_force(D("2001-01-01"))
        assert not entry.in_force(D("2001-01-01") - DAY)


def test_a_provision_presents_its_readings_and_customary_rule_only_when_it_has_them():
    law = Law.packaged()
    commentary = law.provisions["ICRC-COM-2020-GCIII-12"].to_dict()
    assert commentary["readings"] == [{"assumption": "ihl_non_refoulement", "option": "icrc_2020"}]
    assert "customary" not in commentary
    treaty = law.provisions["API-41"].to_dict()
    assert treaty["customary"] == "CIHL-47"
    assert "readings" not in treaty
    assert treaty["id"] == "API-41"
    assert treaty["paraphrase"] == law.provisions["API-41"].paraphrase


def test_a_case_with_no_event_has_no_flag_obligation_or_violation():
    from powcase import Case, Subject

    opened = Case.open(Subject(id="ri", nationality=["KP"], forces="KP"), "UA")
    assert opened.flags == ()
    assert opened.active_flags() == ()
    assert opened.docket() == ()
    assert opened.violations == ()


def test_a_flag_s_json_form_reads_back_as_the_same_flag():
    from powcase import Flag, Subject
    from powcase.case import Case

    opened = Case.open(Subject(id="ri", nationality=["KP"], forces="KP"), "UA")
    opened = opened.apply({"date": "2025-01-09", "event": "capture"})
    opened = opened.apply(
        {"date": "2025-01-11", "event": "media_exposure", "identifiable": True, "by": "UA"}
    )
    assert opened.flags
    for flag in opened.flags:
        plain = flag.to_dict()
        assert plain["code"] == flag.code
        assert Flag.from_dict(plain) == flag
