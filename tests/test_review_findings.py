"""Regressions for the findings of an independent review of the legal core."""

import attrs
import pytest

from powcase import (
    Case,
    InvalidInput,
    Outcome,
    Reason,
    Record,
    Subject,
    UnknownProvision,
    event_from_dict,
    provision,
)
from powcase.model.verdict import Missing

NAME = "Ri Jong-hyok"
KP = Subject(id="ri", nationality=["KP"], forces="KP")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*steps, subject=KP, holder="UA", mode="normative", **assumed):
    opened = Case.open(subject, holder, assumptions=assumed, mode=mode)
    for step in steps:
        opened = opened.apply(step, on_refusal="record")
    return opened


class TestTheNameNeverReachesAnError:
    named = Case.open(Subject(id="ri", name=NAME, nationality=["KP"]), "UA")

    @pytest.mark.parametrize("act", ["apply", "verdict"])
    def test_through_a_plain_event(self, act):
        with pytest.raises(InvalidInput) as caught:
            getattr(self.named, act)(ev("2025-02-01", "exchange", to=NAME))
        assert NAME not in str(caught.value)

    def test_through_another_field_of_the_subject(self):
        with pytest.raises(InvalidInput) as caught:
            Subject(id="ri", name=NAME, forces=NAME, nationality=["KP"])
        assert NAME not in str(caught.value)

    @pytest.mark.parametrize("name", ["x" * 80 + " Kim", "Ri\\Jong", "Ri 'the' Jong"])
    def test_long_or_escaped_names(self, name):
        data = {
            "subject": {"id": "ri", "name": name, "nationality": ["KP"]},
            "detaining_power": "UA",
            "events": [{"date": "2025-01-09", "event": "capture", "by": name}],
        }
        with pytest.raises(InvalidInput) as caught:
            Record.from_dict(data)
        assert name not in str(caught.value)
        assert repr(name)[1:-1] not in str(caught.value)

    def test_a_name_used_as_a_key(self):
        data = {
            "subject": {"id": "ri", "name": NAME, "nationality": ["KP"]},
            "detaining_power": "UA",
            "events": [{"date": "2025-01-09", "event": "capture", NAME: True}],
        }
        with pytest.raises(InvalidInput) as caught:
            Record.from_dict(data)
        assert NAME not in str(caught.value)


def test_a_wish_from_several_sources_replaces_each_source_s_earlier_one():
    record = Record.from_dict(
        {
            "subject": {"id": "x", "nationality": ["KP"]},
            "detaining_power": "UA",
            "sources": {"a": {"name": "A", "kind": "press"}, "b": {"name": "B", "kind": "press"}},
            "events": [
                CAPTURE,
                ev("2025-01-10", "wish_expressed", destination="KP", source="a"),
                ev("2025-01-11", "wish_expressed", destination="stay", source=["a", "b"]),
                ev("2025-02-01", "hostilities_ended"),
            ],
        }
    )
    assert Case.replay(record).verdict({"event": "repatriate", "to": "KP"}).outcome is (
        Outcome.REFUSED
    )


class TestATreatyThatDidNotBindRefusesNothing:
    def test_refugee_exclusion_where_the_convention_does_not_bind(self):
        request = ev("2025-02-01", "request_protection", kind="asylum")
        alleged = ev("2025-02-02", "war_crime_allegation", credible=True)
        for holder, outcome in (("IN", Outcome.ALLOWED), ("UA", Outcome.REFUSED)):
            verdict = case(CAPTURE, request, alleged, holder=holder).verdict(
                {"event": "decide_protection", "granted": True}
            )
            assert verdict.outcome is outcome, holder

    def test_combatant_immunity_where_no_treaty_binds(self):
        verdict = case(CAPTURE, holder="TW").verdict(
            {"event": "charge", "offence": "participation_in_hostilities"}
        )
        assert verdict.outcome is Outcome.ALLOWED
        assert "rule_not_binding" in {r.code for r in verdict.reasons}

    def test_a_fair_trial_is_customary_law(self):
        charged = case(CAPTURE, ev("2025-02-01", "charge", offence="war_crime"), holder="TW")
        verdict = charged.verdict({"event": "convict", "fair_trial": False})
        assert verdict.outcome is Outcome.REFUSED
        assert verdict.cites == ("CIHL-100",)

    def test_the_free_will_reading_cites_custom_where_the_convention_does_not_bind(self):
        refused = case(
            CAPTURE,
            ev("2025-02-01", "hostilities_ended"),
            ev("2025-02-02", "wish_verified", destination="stay", verifier="icrc"),
            holder="TW",
            subject=Subject(id="o", nationality=["UA"]),
            ihl_non_refoulement="free_will",
        )
        verdict = refused.verdict({"event": "repatriate", "to": "UA"})
        # The Korean declaration binds South Korea alone: not cited for Taiwan's act.
        assert verdict.cites == ("CIHL-128",)


def test_a_case_built_from_its_record_is_its_replay():
    # Case(record) replays the record, so attrs.evolve and st.builds work on cases (no case
    # can be built whose steps disagree with its record).
    record = Record(subject=KP, detaining_power="UA").with_event(event_from_dict(CAPTURE))
    assert Case(record) == Case.replay(record)
    assert Case(record).steps == Case.replay(record).steps
    assert attrs.evolve(Case(record), mode="descriptive").mode == "descriptive"


def test_a_hypothetical_before_the_last_event_is_refused():
    with pytest.raises(InvalidInput, match="before the last event"):
        case(CAPTURE, ev("2025-03-01", "hostilities_ended")).verdict(
            ev("2024-01-01", "repatriate", to="KP")
        )


def test_malformed_plain_forms_and_ids_get_powcase_errors():
    with pytest.raises(InvalidInput):
        Reason.from_dict({})
    with pytest.raises(InvalidInput):
        Missing.from_dict({})
    with pytest.raises(InvalidInput, match="kind"):
        Reason("x", "bogus")
    with pytest.raises(UnknownProvision):
        provision(3)


def test_a_refused_verdict_carries_no_basis():
    request = ev("2025-02-01", "request_protection", kind="asylum")
    alleged = ev("2025-02-02", "war_crime_allegation", credible=True)
    verdict = case(CAPTURE, request, alleged).verdict(
        {"event": "decide_protection", "granted": True}
    )
    assert verdict.outcome is Outcome.REFUSED
    assert "basis" not in {r.kind for r in verdict.reasons}


def test_a_wish_to_go_to_an_ally_is_not_a_wish_to_be_passed_on():
    consent = ev("2025-03-01", "receiving_state_consents", state="RU")
    wish = ev("2025-03-02", "wish_verified", destination="RU", verifier="icrc")
    verdict = case(CAPTURE, consent, wish).verdict({"event": "release_to_third_state", "to": "RU"})
    assert verdict.outcome is Outcome.REFUSED
    assert "CAT-3" in verdict.cites
    home = ev("2025-03-03", "wish_verified", destination="KP", verifier="icrc")
    both = case(CAPTURE, consent, wish, home)
    # A verified wish for KP replaces the one for RU: he no longer wants to go to RU.
    assert both.verdict({"event": "release_to_third_state", "to": "RU"}).outcome is (
        Outcome.REFUSED
    )
