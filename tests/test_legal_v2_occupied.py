"""Removal from occupied territory (legal model version 2, item 20).

GCIV-49: an occupying power may not take protected persons out of the occupied territory,
save an evacuation for their safety or imperative military reasons; GCIV-76: one accused or
convicted is detained, and serves his sentence, in the occupied country. Each test failed
before the item.
"""

from powcase import Case, Subject

CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
SOLDIER = Subject(id="soldier", nationality=["RU"], forces="RU")
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
REMOVED = {"date": "2024-09-01", "event": "removed_from_occupied_territory"}


def case(*events, subject=CIVILIAN):
    opened = Case.open(subject, "UA")
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def test_taking_a_protected_person_out_is_a_violation_gciv_49():
    (found,) = case(IN_KURSK, dict(REMOVED, evacuation=False)).violations
    assert (found.state, found.possible) == ("UA", False)
    assert found.reasons[0].code == "removed_from_occupied_territory"
    assert found.reasons[0].cites == ("GCIV-49",)


def test_an_evacuation_is_no_violation_gciv_49():
    assert case(IN_KURSK, dict(REMOVED, evacuation=True)).violations == ()


def test_an_unknown_motive_is_a_possible_violation_gciv_49():
    (found,) = case(IN_KURSK, REMOVED).possible_violations
    assert found.reasons[0].kind == "open"
    assert dict(found.reasons[0].params)["unknown"] == ("evacuation",)


def test_one_accused_is_also_kept_in_the_occupied_country_gciv_76():
    charged = {"date": "2024-08-25", "event": "charge", "offence": "ordinary_crime"}
    (found,) = case(IN_KURSK, charged, dict(REMOVED, evacuation=False)).violations
    assert found.reasons[0].cites == ("GCIV-49", "GCIV-76")


def test_a_prisoner_of_war_is_not_a_protected_person_here_gciv_4():
    assert case(IN_KURSK, dict(REMOVED, evacuation=False), subject=SOLDIER).violations == ()


def test_outside_occupied_territory_there_is_nothing_to_breach_gciv_49():
    at_home = dict(IN_KURSK, territory="own")
    assert case(at_home, dict(REMOVED, evacuation=False)).violations == ()


def test_an_accused_is_not_evacuated_out_of_the_country_either_gciv_76():
    """GCIV-76 has no evacuation exception (the lawyer's reading)."""
    charged = {"date": "2024-08-25", "event": "charge", "offence": "ordinary_crime"}
    (found,) = case(IN_KURSK, charged, dict(REMOVED, evacuation=True)).violations
    assert found.reasons[0].cites == ("GCIV-76",)
