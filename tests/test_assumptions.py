"""Assumptions: the keys, options and defaults the docs list
(docs/explanation/legal-model.md#model-assumptions), and clear errors."""

import pytest

from powcase import Assumptions, InvalidAssumption, InvalidInput

DEFAULTS = {
    "status_route": "own_forces",
    "ihl_non_refoulement": "icrc_2020",
    "human_rights_non_refoulement": True,
    "rok_nationality": "domestic_only",
    "third_state_release": "allowed_as_release",
    "asylum_while_pow": "claim_allowed",
    "media_exception": False,
    "wish_verifiers": "independent",
    "detaining_power_nationals": "not_pow",
    "icrc_access_days": 30,
    "information_days": 7,
    "repatriation_delay_days": 90,
    "prolonged_custody_days": 365,
    "inquiry_days": 30,
}


def test_the_defaults_are_those_of_the_model():
    assert Assumptions().to_dict() == DEFAULTS


def test_the_default_is_the_first_option():
    for key, spec in Assumptions.specs().items():
        if not spec.days:
            assert spec.options[0] == DEFAULTS[key]


def test_an_unknown_key_lists_the_valid_ones_and_guesses():
    with pytest.raises(InvalidAssumption) as caught:
        Assumptions.from_dict({"ihl_nonrefoulement": "strict_text"})
    problem = caught.value.problems[0]
    assert problem.suggestion == "ihl_non_refoulement"
    assert all(key in problem.expected for key in DEFAULTS)


def test_an_unknown_option_lists_the_valid_ones():
    with pytest.raises(InvalidAssumption) as caught:
        Assumptions.from_dict({"ihl_non_refoulement": "icrc2020", "media_exception": "yes"})
    messages = [str(p) for p in caught.value.problems]
    assert messages[0] == (
        "ihl_non_refoulement: 'icrc2020' is not an option; expected one of "
        "icrc_2020, free_will, strict_text (did you mean 'icrc_2020'?)"
    )
    assert "expected one of false, true" in messages[1]


@pytest.mark.parametrize("days", [-1, 3651, 1.5, True, "30"])
def test_periods_are_whole_days_in_range(days):
    with pytest.raises(InvalidInput, match="whole number of days"):
        Assumptions(icrc_access_days=days)


def test_changed_checks_like_from_dict():
    assert Assumptions().changed(status_route="integrated_forces").status_route == (
        "integrated_forces"
    )
    with pytest.raises(InvalidAssumption):
        Assumptions().changed(status_rout="integrated_forces")


def test_an_invalid_assumption_is_also_a_value_error():
    assert issubclass(InvalidAssumption, ValueError)
