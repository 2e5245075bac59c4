"""The law of each day: answers the rules remember are never carried across a day on which
the law changes (a treaty, an alliance, a conflict or a state's treatment starts or ends),
and the 1951 Refugee Convention binds through its 1967 Protocol too.
"""

import datetime

import pytest

from powcase import Assumptions, Case, Subject
from powcase.errors import UnknownProvision
from powcase.law.book import Law
from support import reason

DAY = datetime.timedelta(days=1)


@pytest.fixture(scope="module")
def law():
    return Law.packaged()


def _changes(law):
    """Every day on which a party's treatment, alliances or conflicts start or end."""
    for party in law.parties.values():
        for entry in (*party.treatment, *party.allies, *party.conflicts):
            for day in (entry.since, entry.until):
                if day is not None:
                    yield party.code, day


def _bindings(law):
    """Every day on which a treaty starts or stops binding a party, or a text is adopted."""
    for party in law.parties.values():
        for participation in party.participations:
            for day in (participation.since, participation.until):
                if day is not None:
                    yield party.code, day
    for instrument in law.instruments.values():
        if instrument.adopted is not None:
            yield instrument.id, instrument.adopted


def test_a_change_in_treatment_alliance_or_conflict_starts_a_new_period(law):
    """The rules remember what treatment, allies and adverse parties give by period: a day
    on which one changes begins a period of its own.
    """
    found = list(_changes(law))
    assert found
    for who, day in found:
        assert law.period(day - DAY) != law.period(day), (who, day)


def test_a_treaty_binding_or_ceasing_to_bind_starts_a_new_binding_period(law):
    """The rules remember which cited provisions bind by binding period (GCIII-118 applies
    from the day it binds): a day on which a participation starts or ends, or a text is
    adopted, begins a period of its own.
    """
    found = list(_bindings(law))
    assert found
    for who, day in found:
        assert law.binding_period(day - DAY) != law.binding_period(day), (who, day)


def test_the_same_rule_cites_the_treaty_from_the_day_it_binds_api_41():
    """API-41 bound the Republic of Korea from 1982-07-15 (six months after its ratification,
    API-95); before, the customary rule (CIHL-47) applies. Asked on both sides in either
    order, each day has its own answer.
    """
    soldier = Subject(id="ri", nationality=["KP"], forces="KP")
    opened = Case.open(soldier, "KR", assumptions=Assumptions())
    days = {"1982-03-01": ("CIHL-47",), "1982-08-01": ("API-41",)}
    for order in (list(days), list(reversed(days))):
        for day in order:
            verdict = opened.verdict({"date": day, "event": "fall_hors_de_combat"})
            assert reason(verdict, "hors_de_combat_protected").cites == days[day], day


@pytest.mark.parametrize(
    ("state", "day", "bound"),
    [
        ("GB", "1960-01-01", True),  # a party to the 1951 Convention, before the Protocol
        ("US", "1970-01-01", True),  # a party to the 1967 Protocol only
        ("US", "1960-01-01", False),
        ("IN", "2025-01-01", False),
    ],
)
def test_the_refugee_convention_binds_its_parties_and_the_protocol_s_rc_1967(
    law, state, day, bound
):
    """RC-1967 Art. I: a party to the Protocol applies the Convention's articles 2 to 34."""
    assert law.binds(state, "RC-33", datetime.date.fromisoformat(day)) is bound


def test_a_provision_id_that_is_not_text_is_an_unknown_provision(law):
    with pytest.raises(UnknownProvision):
        law.provision(3)


def _dated(law):
    """Every dated entry of the parties table, with the day it starts and the day it ends."""
    for party in law.parties.values():
        for entry in (*party.allies, *party.conflicts, *party.treatment):
            yield party.code, entry, entry.since, entry.until
        for reservation in party.reservations:
            yield party.code, reservation, reservation.made, reservation.until


def test_an_entry_holds_from_its_first_day_to_the_day_before_it_ends(law):
    """An alliance, a side in a conflict, a treatment or a reservation applies from the day
    it starts (or is made) and no longer on the day it ends.
    """
    found = list(_dated(law))
    assert found
    for who, entry, since, until in found:
        if since is not None:
            assert entry.in_force(since), (who, entry)
            assert not entry.in_force(since - DAY), (who, entry)
        if until is not None:
            assert entry.in_force(until - DAY), (who, entry)
            assert not entry.in_force(until), (who, entry)


def test_hostilities_closed_ends_the_active_part_of_a_conflict_on_that_day(law):
    """An armistice closes the fighting for a party that stays a party to the conflict."""
    closed = [
        (party.code, side)
        for party in law.parties.values()
        for side in party.conflicts
        if side.hostilities_closed is not None
    ]
    assert closed
    for who, side in closed:
        day = side.hostilities_closed
        assert side.active(day - DAY), who
        assert not side.active(day), who
        assert side.in_force(day), who
