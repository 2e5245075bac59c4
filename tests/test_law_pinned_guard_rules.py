"""Guards' finer rules, each from the provision it applies (tools/mutate_law.py found them
unpinned): an allegation found not credible, a civilian held by his own state, a neutral
custodian that is not neutral, and an occupier's death sentence.
"""

from __future__ import annotations

import pytest

from powcase import Case, Subject

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def run(subject, holder, *events, mode="normative"):
    opened = Case.open(subject, holder, mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def reasons(opened, index):
    return {r.code: r.cites for r in opened.steps[index].verdict.reasons}


@pytest.mark.parametrize(
    ("credible", "outcome", "code"),
    [
        (False, "allowed", None),
        (None, "undetermined", "allegation_credibility_open"),
        (True, "refused", "grave_breach_suspect_not_tried"),
    ],
)
def test_only_a_credible_allegation_of_a_grave_breach_holds_back_his_return_gciii_129(
    credible, outcome, code
):
    """GCIII-129: one suspected of a grave breach is to be searched for and tried; an
    allegation found not credible holds nothing back, an open one leaves the return open.
    """
    opened = run(
        RU_SOLDIER,
        "UA",
        CAPTURE,
        {
            "date": "2025-01-10",
            "event": "war_crime_allegation",
            "credible": credible,
            "grave_breach_of": "gciii",
        },
        {"date": "2025-06-01", "event": "hostilities_ended"},
        {"date": "2025-06-02", "event": "repatriate", "to": "RU"},
    )
    assert opened.steps[3].verdict.outcome.value == outcome
    found = reasons(opened, 3)
    others = {"grave_breach_suspect_not_tried", "allegation_credibility_open"} - {code}
    assert not others & found.keys()
    if code is not None:
        assert found[code] == ("GCIII-129",)


def test_a_civilian_held_by_his_own_state_is_not_interned_under_the_fourth_convention_gciv_4():
    """GCIV-4: a national of the detaining power is not a protected person; an internment
    under the Fourth Convention does not fit him.
    """
    own = Subject(id="citizen", nationality=["UA"], membership="none")
    opened = run(
        own,
        "UA",
        {"date": "2025-01-09", "event": "capture", "territory": "own"},
        {
            "date": "2025-01-20",
            "event": "determine_status",
            "outcome": "civilian_internee",
            "by": "authority",
        },
    )
    assert opened.steps[1].verdict.outcome.value == "refused"
    assert reasons(opened, 1) == {"not_protected_person": ("GCIV-4",)}


NEPALI_IN_RUSSIAN_FORCES = Subject(id="recruit", nationality=["NP"], forces="RU")
DEAL = {
    "date": "2025-01-15",
    "event": "agreement_concluded",
    "kind": "armistice",
    "between": ["GB", "RU"],
    "terms": ["neutral_custody"],
    "custodian": "Commission",
}


@pytest.mark.parametrize(
    ("state", "neutral"),
    [("GB", False), ("RU", False), ("CH", True)],
    ids=["detaining-power", "power-of-origin", "neutral"],
)
def test_neither_the_detaining_power_nor_his_power_of_origin_is_a_neutral_custodian_gciii_6(
    state, neutral
):
    """A Nepali serving in Russian forces, held by the United Kingdom (neither at war in the
    parties table): the custodian's forces must belong to a state not party to the conflict,
    and the two parties to his capture are parties to it whatever the table says.
    """
    opened = run(
        NEPALI_IN_RUSSIAN_FORCES,
        "GB",
        {"date": "2025-01-09", "event": "capture"},
        DEAL,
        {
            "date": "2025-02-01",
            "event": "hand_over_to_neutral_custody",
            "state": state,
            "custodian": "Commission",
        },
    )
    found = reasons(opened, 2)
    assert ("custodian_not_neutral" in found) is not neutral
    assert opened.steps[2].verdict.outcome.value == ("allowed" if neutral else "refused")


UKRAINIAN_RESIDENT = Subject(id="resident", nationality=["UA"], membership="none")


def _death_sentence(subject, holder, captured):
    return run(
        subject,
        holder,
        {"date": captured, "event": "capture", "territory": "occupied"},
        {"date": "2000-02-01", "event": "charge", "offence": "ordinary_crime"},
        {"date": "2000-03-01", "event": "convict", "fair_trial": True, "sentence": "death"},
    )


def test_an_occupier_may_not_sentence_to_death_where_the_territory_s_law_had_abolished_it():
    """GCIV-68(2): only where the occupied territory's law allowed death before the
    occupation. Ukraine abolished it from 1999-12-29: captured that day, it was abolished.
    """
    opened = _death_sentence(UKRAINIAN_RESIDENT, "RU", "1999-12-29")
    assert reasons(opened, 2) == {"occupied_law_bars_death": ("GCIV-68",)}


def test_the_day_before_abolition_the_territory_s_law_leaves_the_offence_open_gciv_68():
    opened = _death_sentence(UKRAINIAN_RESIDENT, "RU", "1999-12-28")
    assert reasons(opened, 2) == {"occupied_death_offence_open": ("GCIV-68",)}


def test_an_occupier_not_bound_by_the_fourth_convention_is_not_judged_by_gciv_68():
    """North Korea was not bound by the Fourth Convention in 1950 (it acceded in 1957): its
    death sentence on a South Korean civilian in occupied territory then is not judged under
    GCIV-68.
    """
    korean = Subject(id="civilian", nationality=["KR"], membership="none")
    opened = run(
        korean,
        "KP",
        {"date": "1950-07-01", "event": "capture", "territory": "occupied"},
        {"date": "1950-07-10", "event": "charge", "offence": "ordinary_crime"},
        {"date": "1950-08-01", "event": "convict", "fair_trial": True, "sentence": "death"},
    )
    cited = {c for cites in reasons(opened, 2).values() for c in cites}
    assert not {c for c in cited if c.startswith("GCIV")}
    assert "occupied_death_offence_open" not in reasons(opened, 2)


# --- a release in the detaining state --------------------------------------------------------

RI = Subject(id="ri", nationality=["KP"], forces="KP")
ENDED = {"date": "2025-06-01", "event": "hostilities_ended"}
RELEASE = {"date": "2025-06-02", "event": "release_in_detaining_state"}


def test_a_release_during_hostilities_needs_a_ground_and_nothing_else_is_asked():
    """While hostilities last, a prisoner of war is released in the detaining state only on
    a ground (asylum granted, a release ordered for an internee): without one, that is the
    only reason given.
    """
    opened = run(
        RU_SOLDIER, "UA", CAPTURE, {"date": "2025-02-01", "event": "release_in_detaining_state"}
    )
    assert reasons(opened, 1) == {"no_ground_for_release": ("GCIII-118", "RC-33", "GCIV-132")}


def test_after_hostilities_a_release_where_every_return_is_barred_cites_the_bars_gciii_118():
    """GCIII-118 as the ICRC's 2020 Commentary reads it: when every return would send him to
    a real risk, he is released where he is, on the bars that stop each return; the release
    rests on the readings that barred them.
    """
    opened = run(RI, "UA", CAPTURE, ENDED, RELEASE)
    verdict = opened.steps[2].verdict
    assert verdict.outcome.value == "allowed"
    cites = reasons(opened, 2)["every_return_barred"]
    assert cites[:2] == ("GCIII-118", "ICRC-COM-2020-GCIII-118")
    assert {"CAT-3", "ICCPR-7"} <= set(cites)
    assert set(verdict.assumptions) >= {"ihl_non_refoulement", "human_rights_non_refoulement"}


def test_one_return_open_and_another_possible_is_no_ground_for_release_gciii_118():
    """A Nepali in Russian forces: his return to Russia, where a risk is on record, waits on
    his unverified wish to go there; his return to Nepal is possible. A return is possible,
    so he is to be repatriated, not released where he is.
    """
    nepali = Subject(id="recruit", nationality=["NP"], forces="RU")
    opened = run(
        nepali,
        "UA",
        CAPTURE,
        {"date": "2025-01-20", "event": "risk_on_return", "state": "RU", "kind": "torture"},
        {"date": "2025-01-21", "event": "wish_expressed", "destination": "RU"},
        ENDED,
        RELEASE,
    )
    assert opened.steps[4].verdict.outcome.value == "refused"
    assert reasons(opened, 4) == {"return_possible": ("GCIII-118",)}


# --- a request for protection ------------------------------------------------------------------


def test_his_own_power_is_no_third_state_to_ask_for_protection_gciii_118():
    """To go to the power he fought for is to be repatriated (GCIII-118), not released to a
    third state: a request to it as a third state is refused. A state of his nationality
    that is not his power (a Nepali in Russian forces asking Nepal) stays a third state.
    """
    asked = {"date": "2025-01-20", "event": "request_protection", "kind": "third_state"}
    opened = run(RI, "UA", CAPTURE, asked | {"state": "KP"})
    assert opened.steps[1].verdict.outcome.value == "refused"
    assert reasons(opened, 1) == {"third_state_is_his_power": ("GCIII-118",)}
    nepali = Subject(id="recruit", nationality=["NP"], forces="RU")
    home = run(nepali, "UA", CAPTURE, asked | {"state": "NP"})
    assert home.steps[1].verdict.outcome.value == "allowed"
    to_russia = run(nepali, "UA", CAPTURE, asked | {"state": "RU"})
    assert "third_state_is_his_power" in reasons(to_russia, 1)
