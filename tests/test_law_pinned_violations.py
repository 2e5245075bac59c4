"""Breaches and violations that mutation testing of ``powcase.law.violations`` showed no test
pinned: each test names the provision, the verdict, the reason's code and what it cites.

Whose escape rules protect him (GCIII-5, GCIII-42), what a possible breach of GCIII-92 and
GCIII-93 leaves open, an execution outside every treaty (CIHL-100), active service after a
medical repatriation once hostilities ended (GCIII-117), a convicted person kept in the
occupied country (GCIV-76), which steps and escapes are on record at all, and which reasons a
refused or undetermined step is reported with.
"""

import pytest

from powcase import Case, Subject
from powcase.law.violations import breach_checks

RU_SOLDIER = Subject(id="soldier", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
KURSK_RESIDENT = Subject(id="resident", nationality=["RU"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}


def ev(date, event, **fields):
    return {"date": date, "event": event, **fields}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="descriptive"):
    opened = Case.open(subject, holder, mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def found(opened):
    """Each violation, then each possible one: (index, state, [(code, kind, cites, params)])."""

    def plain(violations):
        return [
            (v.index, v.state, [(r.code, r.kind, r.cites, dict(r.params)) for r in v.reasons])
            for v in violations
        ]

    return plain(opened.violations), plain(opened.possible_violations)


class TestWeaponsAgainstOneEscaping:
    """GCIII-42: weapons against a prisoner of war escaping, only after warnings. It protects
    one who has fallen into the enemy's power before any status is decided (GCIII-4, GCIII-5);
    a civilian internee's escape is GCIV-120's, where GCIII-42 does not reach.
    """

    UNWARNED = {"force_used": "weapons", "warnings": False}

    def test_hors_de_combat_before_custody_he_is_protected_as_a_prisoner_gciii_5_gciii_42(self):
        fallen = ev("2025-01-08", "fall_hors_de_combat", cause="wounded")
        attempt = ev("2025-01-08", "escape_attempt", **self.UNWARNED)
        assert found(case(fallen, attempt)) == (
            [(1, "UA", [("weapons_without_warning", "prohibition", ("GCIII-42",), {})])],
            [],
        )

    def test_killed_hors_de_combat_escaping_unwarned_is_a_breach_gciii_5_gciii_42(self):
        fallen = ev("2025-01-08", "fall_hors_de_combat", cause="wounded")
        killed = ev(
            "2025-01-08", "die", cause="killed_by_guard", during_escape=True, warnings=False
        )
        assert found(case(fallen, killed)) == (
            [(1, "UA", [("killed_escaping_without_warning", "prohibition", ("GCIII-42",), {})])],
            [],
        )

    INTERNEE = ev(
        "2025-02-01",
        "determine_status",
        outcome="civilian_internee",
        by="tribunal",
        grounds="civilian",
    )

    def test_a_civilian_internee_is_not_protected_by_gciii_42(self):
        attempt = ev("2025-03-01", "escape_attempt", **self.UNWARNED)
        assert found(case(CAPTURE, self.INTERNEE, attempt)) == ([], [])

    def test_a_civilian_internee_killed_escaping_is_no_gciii_42_breach(self):
        killed = ev(
            "2025-03-01", "die", cause="killed_by_guard", during_escape=True, warnings=False
        )
        assert found(case(CAPTURE, self.INTERNEE, killed)) == ([], [])


class TestWhatAPossiblePunishmentBreachLeavesOpen:
    """GCIII-91 to 93: what a punishment was for (an escape or an offence done to escape), its
    kind (disciplinary or judicial) and, for an offence, whether it was violent decide the
    breach; the possible breach names the fields not on record that decide it. Whether the
    offence was violent decides only GCIII-93.
    """

    @staticmethod
    def punished(**fields):
        return ev("2025-03-10", "punished", **fields)

    def test_after_an_attempt_nothing_on_record_leaves_all_three_open_gciii_92_gciii_93(self):
        attempt = ev("2025-03-01", "escape_attempt")
        assert found(case(CAPTURE, attempt, self.punished())) == (
            [],
            [
                (
                    2,
                    "UA",
                    [
                        (
                            "punishment_open",
                            "open",
                            ("GCIII-92", "GCIII-93"),
                            {"unknown": ("for", "kind", "violent")},
                        )
                    ],
                )
            ],
        )

    def test_for_an_attempt_only_its_kind_is_open_gciii_92(self):
        assert found(case(CAPTURE, self.punished(**{"for": "escape"}))) == (
            [],
            [(1, "UA", [("punishment_open", "open", ("GCIII-92",), {"unknown": ("kind",)})])],
        )

    def test_for_an_attempt_whether_it_was_violent_is_not_open_even_if_known_gciii_92(self):
        punished = self.punished(**{"for": "escape", "violent": True})
        assert found(case(CAPTURE, punished)) == (
            [],
            [(1, "UA", [("punishment_open", "open", ("GCIII-92",), {"unknown": ("kind",)})])],
        )

    def test_for_an_offence_judged_judicially_only_violence_is_open_gciii_93(self):
        punished = self.punished(**{"for": "offence_to_escape", "kind": "judicial"})
        assert found(case(CAPTURE, punished)) == (
            [],
            [(1, "UA", [("punishment_open", "open", ("GCIII-93",), {"unknown": ("violent",)})])],
        )

    def test_for_an_offence_its_kind_and_violence_are_open_gciii_93(self):
        punished = self.punished(**{"for": "offence_to_escape"})
        assert found(case(CAPTURE, punished)) == (
            [],
            [
                (
                    1,
                    "UA",
                    [
                        (
                            "punishment_open",
                            "open",
                            ("GCIII-93",),
                            {"unknown": ("kind", "violent")},
                        )
                    ],
                )
            ],
        )


class TestExecution:
    """An execution with no death sentence on record: a prisoner's wilful killing (GCIII-130),
    else API-75(4); where no treaty binds the holder, the customary rule that no penalty is
    passed but by a regular court (CIHL-100).
    """

    UNPRIVILEGED = ev(
        "2025-02-01",
        "determine_status",
        outcome="unprivileged_detainee",
        by="tribunal",
        grounds="other",
    )
    EXECUTED = ev("2025-04-01", "die", cause="executed")

    def test_a_state_not_party_to_api_executing_its_own_national_breaches_cihl_100(self):
        # The United States is not party to Additional Protocol I: API-75(4) does not bind
        # it; its own national held as an unprivileged detainee has no GCIV protection.
        national = Subject(id="citizen", nationality=["US"], forces="US")
        opened = case(CAPTURE, self.UNPRIVILEGED, self.EXECUTED, subject=national, holder="US")
        assert found(opened) == (
            [(2, "US", [("executed_without_sentence", "prohibition", ("CIHL-100",), {})])],
            [],
        )

    def test_the_die_check_judges_an_execution_too_gciii_130(self):
        """``breach_checks`` gives the check of each event that can be a breach by itself; for
        ``die`` it judges an execution as the record's violations do (GCIII-130)."""
        opened = case(CAPTURE, self.EXECUTED)
        moment = opened.moments()[1]
        breach = breach_checks()["die"](moment, moment.step.event, None)
        assert breach is not None
        assert (breach.reason.code, breach.reason.cites, breach.state) == (
            "executed_without_sentence",
            ("GCIII-130",),
            "UA",
        )
        assert found(opened) == (
            [(1, "UA", [("executed_without_sentence", "prohibition", ("GCIII-130",), {})])],
            [],
        )


class TestActiveServiceAfterMedicalRepatriation:
    """GCIII-117: no one repatriated medically may be employed on active service, while the
    hostilities last; on the day they ended between his state and the captor, they no longer
    do.
    """

    HOME = (
        CAPTURE,
        ev("2025-04-01", "medical_assessment", category="gcIII_110_1"),
        ev("2025-04-02", "wish_verified", destination="RU", by="ICRC"),
        ev("2025-04-10", "repatriate_medically", to="RU"),
    )

    def test_active_service_on_the_day_hostilities_ended_is_no_breach_gciii_117(self):
        ended = ev("2025-09-01", "hostilities_ended", between=["RU", "UA"])
        served = ev("2025-09-01", "returned_to_active_service", by="RU")
        assert found(case(*self.HOME, ended, served)) == ([], [])

    def test_active_service_the_day_before_they_ended_is_a_breach_gciii_117(self):
        served = ev("2025-08-31", "returned_to_active_service", by="RU")
        ended = ev("2025-09-01", "hostilities_ended", between=["RU", "UA"])
        violations, possible = found(case(*self.HOME, served, ended))
        assert possible == []
        assert [(i, state, [r[:3] for r in reasons]) for i, state, reasons in violations] == [
            (
                4,
                "RU",
                [("active_service_after_medical_repatriation", "prohibition", ("GCIII-117",))],
            )
        ]


class TestConvictedKeptInTheOccupiedCountry:
    """GCIV-76: a protected person convicted is detained, and serves his sentence, in the
    occupied country: an evacuation does not excuse taking him out (GCIV-49's exception is
    not GCIV-76's).
    """

    def test_one_sentenced_evacuated_out_is_a_breach_gciv_76(self):
        captured = ev("2024-08-20", "capture", territory="occupied")
        charged = ev("2024-08-25", "charge", offence="ordinary_crime")
        convicted = ev("2024-08-28", "convict", sentence="imprisonment")
        removed = ev("2024-09-01", "removed_from_occupied_territory", evacuation=True)
        opened = case(captured, charged, convicted, removed, subject=KURSK_RESIDENT)
        assert "sentenced" in opened.state
        assert found(opened) == (
            [
                (
                    3,
                    "UA",
                    [
                        (
                            "accused_removed_from_occupied_territory",
                            "prohibition",
                            ("GCIV-76",),
                            {},
                        )
                    ],
                )
            ],
            [],
        )


class TestOnlyWhatHappenedIsOnRecord:
    """A step the legal path does not allow is not applied, even in descriptive mode: it did
    not happen as a step of his path, and is no breach nor an escape on record."""

    @pytest.mark.parametrize("mode", ["normative", "descriptive"])
    def test_a_second_death_is_not_applied_and_breaches_nothing_gciii_42(self, mode):
        died = ev("2025-02-01", "die", cause="wounds")
        again = ev(
            "2025-03-01", "die", cause="killed_by_guard", during_escape=True, warnings=False
        )
        opened = case(CAPTURE, died, again, mode=mode)
        assert [s.applied for s in opened.steps] == [True, True, False]
        assert found(opened) == ([], [])

    def test_an_escape_before_capture_is_no_escape_to_punish_gciii_91(self):
        """An escape while at large is not applied: a later punishment is tied to no escape,
        so GCIII-91 to 93 do not reach it."""
        escaped = ev("2025-01-05", "escape")
        punished = ev("2025-03-10", "punished")
        opened = case(escaped, CAPTURE, punished)
        assert opened.steps[0].applied is False
        assert found(opened) == ([], [])


class TestTheReasonsOfAStepViolation:
    """A refused step applied anyway is reported with the reasons it failed on, not the
    notes beside them; an undetermined one with every reason it was given."""

    def test_a_death_sentence_after_an_unfair_trial_is_reported_with_its_failing_reasons(self):
        # GCIII-84, GCIII-99, GCIII-105: the trial's guarantees; ICCPR-6: the death penalty
        # abolished; the note on a prisoner's death sentence (GCIII-100, GCIII-101) is no
        # reason of the violation.
        charged = ev("2025-02-01", "charge", offence="war_crime")
        convicted = ev("2025-03-01", "convict", sentence="death", fair_trial=False)
        violations, _ = found(case(CAPTURE, charged, convicted))
        assert [(i, [r[:2] for r in reasons]) for i, _, reasons in violations] == [
            (2, [("unfair_trial", "prohibition"), ("death_penalty_abolished", "prohibition")])
        ]

    def test_an_undetermined_release_is_reported_with_every_reason_gciii_7(self):
        wish = ev("2025-02-19", "wish_expressed", destination="KR")
        consent = ev("2025-03-01", "receiving_state_consents", state="KR")
        release = ev("2025-03-02", "release_to_third_state", to="KR")
        opened = case(CAPTURE, wish, consent, release, subject=KP_SOLDIER)
        assert opened.steps[3].verdict.failing == ()
        (possible,) = opened.possible_violations
        assert possible.reasons == opened.steps[3].verdict.reasons
        first = possible.reasons[0]
        assert (first.code, first.kind, first.cites) == (
            "wish_open",
            "open",
            ("GCIII-7",),
        )
