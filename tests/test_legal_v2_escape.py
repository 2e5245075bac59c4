"""Escape and its discipline, and no active service after a medical repatriation.

Weapons against an escaping prisoner are a last resort, after warnings (GCIII-42); a recaptured
prisoner is punished for an attempt by discipline only (GCIII-92), for a successful escape not
at all (GCIII-91), and for a non-violent offence done only to escape by discipline only
(GCIII-93). The state he depends on may not put one it got back as seriously sick or wounded
into active service (GCIII-117).

Each test names the provision it rests on; each failed on the first version of the model.
"""

import json

import pytest

import powcase
from powcase import Case, InvalidInput, Subject
from powcase.law.book import Law
from powcase.model.events import event_from_dict

RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
ESCAPE = {"date": "2025-03-01", "event": "escape"}
RECAPTURE = {"date": "2025-03-05", "event": "recapture"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def history(*steps, subject=RU_SOLDIER, mode="descriptive", holder="UA"):
    case = Case.open(subject, holder, mode=mode)
    for step in steps:
        case = case.apply(step, on_refusal="record")
    return case


def found(case, event):
    """The violations and the possible violations the incidents named ``event`` gave."""
    sure = [v for v in case.violations if v.event.name == event]
    possible = [v for v in case.possible_violations if v.event.name == event]
    return sure, possible


def attempt(**fields):
    return ev("2025-03-01", "escape_attempt", **fields)


def punished(**fields):
    return ev("2025-03-10", "punished", **fields)


class TestWeaponsAreALastResort:
    """GCIII-42: weapons against prisoners, above all those escaping, only after warnings."""

    @pytest.mark.parametrize("mode", ["normative", "descriptive"])
    def test_weapons_without_warnings_at_an_attempt_are_a_violation_gciii_42(self, mode):
        shot = history(CAPTURE, attempt(force_used="weapons", warnings=False), mode=mode)
        (violation,), possible = found(shot, "escape_attempt")
        assert possible == []
        assert violation.cites == ("GCIII-42",)
        assert violation.state == "UA"
        (reason,) = violation.reasons
        assert reason.code == "weapons_without_warning"
        assert reason.kind == "prohibition"
        assert reason.text

    def test_weapons_after_warnings_are_no_violation_gciii_42(self):
        warned = history(CAPTURE, attempt(force_used="weapons", warnings=True, injured=True))
        assert found(warned, "escape_attempt") == ([], [])

    def test_an_attempt_stopped_without_weapons_is_no_violation_gciii_42(self):
        stopped = history(CAPTURE, attempt(force_used="none", warnings=False))
        assert found(stopped, "escape_attempt") == ([], [])

    def test_weapons_with_warnings_unknown_are_a_possible_violation_gciii_42(self):
        shot = history(CAPTURE, attempt(force_used="weapons"))
        sure, (possible,) = found(shot, "escape_attempt")
        assert sure == []
        assert possible.cites == ("GCIII-42",)

    def test_no_warnings_with_the_force_unknown_are_a_possible_violation_gciii_42(self):
        unwarned = history(CAPTURE, attempt(warnings=False))
        assert [v.cites for v in found(unwarned, "escape_attempt")[1]] == [("GCIII-42",)]

    def test_an_attempt_with_nothing_known_is_no_violation_gciii_42(self):
        assert found(history(CAPTURE, attempt()), "escape_attempt") == ([], [])

    @pytest.mark.parametrize("mode", ["normative", "descriptive"])
    def test_a_guard_killing_an_escapee_without_warnings_is_a_violation_gciii_42(self, mode):
        death = ev(
            "2025-03-01", "die", cause="killed_by_guard", during_escape=True, warnings=False
        )
        killed = history(CAPTURE, death, mode=mode)
        assert killed.state == ["deceased"]
        (violation,), possible = found(killed, "die")
        assert possible == []
        assert violation.index == 1
        assert violation.cites == ("GCIII-42",)
        assert violation.state == "UA"
        assert [r.code for r in violation.reasons] == ["killed_escaping_without_warning"]

    def test_a_guard_killing_an_escapee_warnings_unknown_is_possible_gciii_42(self):
        death = ev("2025-03-01", "die", cause="killed_by_guard", during_escape=True)
        sure, (possible,) = found(history(CAPTURE, death), "die")
        assert sure == []
        assert possible.cites == ("GCIII-42",)

    @pytest.mark.parametrize(
        "fields",
        [
            {"cause": "killed_by_guard", "during_escape": True, "warnings": True},
            {"cause": "killed_by_guard", "during_escape": False, "warnings": False},
            {"cause": "killed_by_prisoner", "during_escape": True, "warnings": False},
            {"cause": "killed_by_guard"},
        ],
    )
    def test_other_deaths_are_no_violation_under_gciii_42(self, fields):
        assert found(history(CAPTURE, ev("2025-03-01", "die", **fields)), "die") == ([], [])

    def test_a_death_by_execution_can_be_recorded(self):
        died = history(CAPTURE, ev("2025-03-01", "die", cause="executed"))
        assert died.state == ["deceased"]
        assert died.record.events[-1].cause == "executed"

    def test_a_transferred_prisoner_shot_escaping_is_a_violation_by_the_receiver_gciii_12_2(
        self,
    ):
        """GCIII-12(2): the power he was transferred to answers for him while it holds him."""
        consent = ev("2025-02-01", "receiving_state_consents", state="PL")
        moved = ev("2025-02-02", "transfer_to_power", to="PL")
        shot = history(CAPTURE, consent, moved, attempt(force_used="weapons", warnings=False))
        (violation,), _ = found(shot, "escape_attempt")
        assert violation.state == "PL"


class TestEscapeBringsDisciplineOnly:
    """GCIII-91, GCIII-92, GCIII-93: an attempt, and offences done only to escape without
    violence, bring disciplinary punishment only; a successful escape none at all."""

    @pytest.mark.parametrize("kind", ["disciplinary", "judicial", None])
    def test_any_punishment_for_a_successful_escape_is_a_violation_gciii_91(self, kind):
        fields = {"for": "escape"} | ({"kind": kind} if kind else {})
        again = history(CAPTURE, ESCAPE, RECAPTURE, punished(**fields))
        (violation,), possible = found(again, "punished")
        assert possible == []
        assert violation.cites == ("GCIII-91",)
        assert violation.state == "UA"
        assert [r.code for r in violation.reasons] == ["punished_for_successful_escape"]

    @pytest.mark.parametrize("mode", ["normative", "descriptive"])
    def test_a_judicial_punishment_for_an_attempt_is_a_violation_gciii_92(self, mode):
        tried = history(
            CAPTURE, attempt(), punished(**{"for": "escape", "kind": "judicial"}), mode=mode
        )
        (violation,), possible = found(tried, "punished")
        assert possible == []
        assert violation.cites == ("GCIII-92",)
        assert [r.code for r in violation.reasons] == ["judicial_punishment_for_attempt"]

    def test_an_attempt_not_otherwise_recorded_is_still_an_attempt_gciii_92(self):
        tried = history(CAPTURE, punished(**{"for": "escape", "kind": "judicial"}))
        assert [v.cites for v in found(tried, "punished")[0]] == [("GCIII-92",)]

    def test_a_disciplinary_punishment_for_an_attempt_is_lawful_gciii_92(self):
        held = history(CAPTURE, attempt(), punished(**{"for": "escape", "kind": "disciplinary"}))
        assert found(held, "punished") == ([], [])

    def test_an_attempt_after_a_successful_escape_may_be_punished_by_discipline_gciii_92(self):
        later = ev("2025-03-08", "escape_attempt")
        held = history(
            CAPTURE,
            ESCAPE,
            RECAPTURE,
            later,
            punished(**{"for": "escape", "kind": "disciplinary"}),
        )
        assert found(held, "punished") == ([], [])

    def test_a_punishment_for_an_attempt_of_unknown_kind_is_possible_gciii_92(self):
        held = history(CAPTURE, attempt(), punished(**{"for": "escape"}))
        sure, (possible,) = found(held, "punished")
        assert sure == []
        assert possible.cites == ("GCIII-92",)

    def test_a_judicial_punishment_for_a_non_violent_offence_to_escape_is_a_violation_gciii_93(
        self,
    ):
        tried = history(
            CAPTURE,
            attempt(),
            punished(**{"for": "offence_to_escape", "kind": "judicial", "violent": False}),
        )
        (violation,), possible = found(tried, "punished")
        assert possible == []
        assert violation.cites == ("GCIII-93",)
        assert [r.code for r in violation.reasons] == ["judicial_punishment_for_escape_offence"]

    def test_a_violent_offence_to_escape_may_be_tried_gciii_93(self):
        tried = history(
            CAPTURE,
            attempt(),
            punished(**{"for": "offence_to_escape", "kind": "judicial", "violent": True}),
        )
        assert found(tried, "punished") == ([], [])

    def test_an_offence_to_escape_after_a_successful_escape_follows_gciii_93_not_91(self):
        tried = history(
            CAPTURE,
            ESCAPE,
            RECAPTURE,
            punished(**{"for": "offence_to_escape", "kind": "disciplinary", "violent": False}),
        )
        assert found(tried, "punished") == ([], [])

    @pytest.mark.parametrize(
        "fields",
        [
            {"for": "offence_to_escape", "kind": "judicial"},
            {"for": "offence_to_escape", "violent": False},
        ],
    )
    def test_an_offence_to_escape_with_a_deciding_field_unknown_is_possible_gciii_93(self, fields):
        held = history(CAPTURE, attempt(), punished(**fields))
        sure, (possible,) = found(held, "punished")
        assert sure == []
        assert possible.cites == ("GCIII-93",)

    def test_a_punishment_for_something_else_is_no_violation(self):
        held = history(
            CAPTURE, ESCAPE, RECAPTURE, punished(**{"for": "other", "kind": "judicial"})
        )
        assert found(held, "punished") == ([], [])

    def test_a_punishment_of_unknown_cause_after_an_escape_is_possible_gciii_91(self):
        held = history(CAPTURE, ESCAPE, RECAPTURE, punished(kind="disciplinary"))
        sure, (possible,) = found(held, "punished")
        assert sure == []
        assert possible.cites == ("GCIII-91",)

    def test_a_judicial_punishment_of_unknown_cause_after_an_attempt_is_possible_gciii_92_93(
        self,
    ):
        held = history(CAPTURE, attempt(), punished(kind="judicial"))
        sure, (possible,) = found(held, "punished")
        assert sure == []
        assert possible.cites == ("GCIII-92", "GCIII-93")

    def test_a_punishment_of_unknown_cause_with_no_escape_on_record_is_no_violation(self):
        assert found(history(CAPTURE, punished(kind="judicial")), "punished") == ([], [])

    def test_the_rules_are_the_third_convention_s_not_a_civilian_internee_s_gciii_92(self):
        """GCIII-92 protects prisoners of war; a civilian internee is under GCIV-120."""
        decided = ev("2025-02-01", "determine_status", outcome="civilian_internee", by="tribunal")
        tried = history(
            CAPTURE, decided, attempt(), punished(**{"for": "escape", "kind": "judicial"})
        )
        (violation,), _ = found(tried, "punished")
        assert violation.cites == ("GCIV-120",)

    def test_an_unprotected_unprivileged_detainee_has_no_such_rule(self):
        """Neither GCIII-92 nor GCIV-120 covers a detainee neither a prisoner nor protected."""
        own = Subject(id="sasha", nationality=["UA"], forces="RU")
        decided = ev(
            "2025-02-01",
            "determine_status",
            outcome="unprivileged_detainee",
            by="tribunal",
            grounds="other",
        )
        tried = history(
            CAPTURE,
            decided,
            attempt(),
            punished(**{"for": "escape", "kind": "judicial"}),
            subject=own,
        )
        assert found(tried, "punished") == ([], [])


class TestNoActiveServiceAfterAMedicalRepatriation:
    """GCIII-117: no one repatriated as seriously sick or wounded serves actively again; the
    state he depends on answers for it."""

    HOME = (
        CAPTURE,
        ev("2025-04-01", "medical_assessment", category="gcIII_110_1"),
        ev("2025-04-02", "wish_verified", destination="RU", by="ICRC"),
        ev("2025-04-10", "repatriate_medically", to="RU"),
    )

    @pytest.mark.parametrize("mode", ["normative", "descriptive"])
    def test_active_service_after_it_is_a_violation_by_his_own_state_gciii_117(self, mode):
        served = history(
            *self.HOME, ev("2025-09-01", "returned_to_active_service", by="RU"), mode=mode
        )
        assert served.state == ["medically_repatriated"]
        (violation,), possible = found(served, "returned_to_active_service")
        assert possible == []
        assert violation.state == "RU"
        assert violation.cites == ("GCIII-117",)
        (reason,) = violation.reasons
        assert reason.code == "active_service_after_medical_repatriation"
        assert dict(reason.params)["state"] == "RU"
        assert json.loads(json.dumps(violation.to_dict()))["state"] == "RU"

    def test_active_service_after_an_exchange_is_no_violation_gciii_117(self):
        agreed = ev("2025-05-01", "exchange_agreed", between=["UA", "RU"])
        exchanged = history(
            CAPTURE,
            agreed,
            ev("2025-05-02", "exchange", to="RU"),
            ev("2025-09-01", "returned_to_active_service", by="RU"),
        )
        assert exchanged.state == ["exchanged"]
        assert found(exchanged, "returned_to_active_service") == ([], [])

    def test_service_after_an_escape_is_no_violation_gciii_117(self):
        fled = history(CAPTURE, ESCAPE, ev("2025-09-01", "returned_to_active_service", by="RU"))
        assert found(fled, "returned_to_active_service") == ([], [])

    def test_service_once_hostilities_have_ended_is_no_violation_gciii_117(self):
        """GCIII-117 holds for the hostilities he was captured in: with no hostilities between
        his state and the detaining power there is no active service against it."""
        ended = ev("2026-06-01", "hostilities_ended", between=["UA", "RU"])
        served = history(
            *self.HOME, ended, ev("2026-09-01", "returned_to_active_service", by="RU")
        )
        assert found(served, "returned_to_active_service") == ([], [])

    def test_service_after_hostilities_resumed_is_a_violation_again_gciii_117(self):
        ended = ev("2026-06-01", "hostilities_ended", between=["UA", "RU"])
        resumed = ev("2026-08-01", "hostilities_resumed", between=["UA", "RU"])
        served = history(
            *self.HOME, ended, resumed, ev("2026-09-01", "returned_to_active_service", by="RU")
        )
        (violation,), _ = found(served, "returned_to_active_service")
        assert violation.cites == ("GCIII-117",)

    def test_by_is_a_state_code(self):
        with pytest.raises(InvalidInput):
            event_from_dict(ev("2025-09-01", "returned_to_active_service", by="Russia"))


class TestTheNewFields:
    """The events and fields of escape and active service in the model and the catalogue."""

    def test_punished_is_written_with_the_key_for(self):
        event = event_from_dict(punished(**{"for": "escape", "kind": "judicial"}))
        assert event.for_ == "escape"
        assert event.to_dict() == {
            "date": "2025-03-10",
            "event": "punished",
            "for": "escape",
            "kind": "judicial",
        }
        with pytest.raises(InvalidInput) as raised:
            event_from_dict(punished(**{"for": "escaping"}))
        assert raised.value.problems[0].path == "for"

    def test_describe_lists_the_new_events_and_fields(self):
        events = {e["id"]: e for e in powcase.describe()["events"]}
        assert set(events["punished"]["fields"]) >= {"for", "kind", "violent"}
        assert set(events["escape_attempt"]["fields"]) >= {"force_used", "warnings", "injured"}
        assert set(events["returned_to_active_service"]["fields"]) >= {"by"}
        die = events["die"]["fields"]
        assert {"during_escape", "warnings"} <= set(die)
        assert "executed" in die["cause"]["options"]

    @pytest.mark.parametrize("provision", ["GCIII-42", "GCIII-92", "GCIII-93", "GCIII-117"])
    def test_the_catalogue_holds_the_articles(self, provision):
        entry = Law.packaged().provisions[provision]
        assert entry.paraphrase
        assert entry.url.endswith("article-" + provision.split("-")[1])


def test_the_law_review_shows_each_breach_beside_its_law_gciii_42_gciii_117():
    from powcase.render.law_review import law_review

    page = law_review()
    breaches = page[page.index("## Breaches") : page.index("## Humanitarian-risk flags")]
    for event in ("escape_attempt", "punished", "returned_to_active_service", "die"):
        assert f"### `{event}`" in breaches
    for provision in ("GCIII-42", "GCIII-91", "GCIII-92", "GCIII-93", "GCIII-117", "GCIV-120"):
        assert f"`{provision}`" in breaches
