"""The guards: for every machine event, the rules that judge the step.

Each guard is a pure function of the situation just before the step and the event; it names
its provisions in its docstring and in every reason it gives. ``GUARDS`` maps each machine
event to its guard and to the provisions the transition itself rests on; ``judge`` runs one.

Closed world for acts, open world for persons: an enabling act absent from the record (an
agreement, a consent, a finding, the end of hostilities) fails its guard; only a contested fact
or a person-level fact (a wish) leaves a verdict undetermined.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from powcase.law.agreements import binding as agreed_terms
from powcase.law.agreements import civilian_release, custodian_matches
from powcase.law.book import Law
from powcase.law.refoulement import judge_move
from powcase.law.situation import Judgement, Situation, is_civilian, treated_as_pow_in
from powcase.law.will import Refusal, Will
from powcase.model import events as ev
from powcase.model.events import Event, MachineEvent
from powcase.model.verdict import Outcome, Reading, ReasonKind, Verdict

__all__ = ["GUARDS", "Guard", "judge"]


@attrs.frozen
class Guard:
    """The guard of one machine event and the provisions its transition rests on."""

    event: str
    cites: tuple[str, ...]
    check: Callable[[Judgement[Any]], None]


GUARDS: dict[str, Guard] = {}
"""Every machine event's guard, by event name."""

E = TypeVar("E", bound=MachineEvent)


def guard(
    event: type[E], *cites: str
) -> Callable[[Callable[[Judgement[E]], None]], Callable[[Judgement[E]], None]]:
    """Register the decorated function as the guard of the machine event class ``event``;
    the function reads the event's own typed fields.
    """

    def register(check: Callable[[Judgement[E]], None]) -> Callable[[Judgement[E]], None]:
        GUARDS[event.name] = Guard(event.name, cites, check)
        return check

    return register


def judge(situation: Situation, event: Event) -> Verdict:
    """The verdict on ``event`` in ``situation``: every guard evaluated, none short-cut."""
    judgement = Judgement(situation, event)
    GUARDS[event.name].check(judgement)
    return judgement.verdict()


# --- before custody


@guard(ev.FallHorsDeCombat, "API-41", "CIHL-47")
def _fall_hors_de_combat(j: Judgement[ev.FallHorsDeCombat]) -> None:
    """API-41, CIHL-47: once out of combat he may not be attacked."""
    j.basis("hors_de_combat_protected", j.binding("API-41", customary="CIHL-47"))
    if j.event.cause == "surrender":
        home = j.situation.subject.state_of_nationality
        for treatment in j.situation.law.treatment(home, ["surrender"], j.situation.on):
            j.note(
                "surrender_punished_at_home",
                treatment.cites,
                state=home,
                kinds=", ".join(treatment.kinds),
            )


@guard(ev.RejoinForces, "CIHL-47")
def _rejoin_forces(j: Judgement[ev.RejoinForces]) -> None:
    """CIHL-47: protection as hors de combat lasts only while he is out of the fight."""
    j.basis("rejoined_forces", ("CIHL-47",))


# The transition cites nothing of its own: which Convention protects him depends on who he is.
@guard(ev.Capture)
def _capture(j: Judgement[ev.Capture]) -> None:
    """GCIII-5: protection starts when he falls into enemy hands; GCIII-12: the state, not the
    unit, answers for him. A civilian, a member of no armed force or group, is not presumed a
    prisoner of war: the Fourth Convention protects him from capture (GCIV-4).
    """
    situation = j.situation
    subject = situation.subject
    if is_civilian(subject) and situation.detaining_power not in subject.nationality:
        j.basis("civilian_protection_starts", j.binding("GCIV-4"))
    else:
        j.basis("protection_starts", j.binding("GCIII-5") + j.binding("GCIII-12"))
    by = j.event.by
    if by is not None and by != j.situation.detaining_power:
        j.note("captured_by_another_state", (), by=by, holder=j.situation.detaining_power)


# --- status


@guard(ev.RaiseStatusDoubt, "GCIII-5", "API-45")
def _raise_status_doubt(j: Judgement[ev.RaiseStatusDoubt]) -> None:
    """GCIII-5, API-45: while his status is in doubt he keeps POW protection; a civilian held
    as one gains it, a belligerent act being alleged.
    """
    cites = j.binding("GCIII-5") + j.binding("API-45")
    if j.situation.civilian:
        j.basis("pow_protection_while_in_doubt", cites)
    else:
        j.basis("keeps_pow_protection", cites)


@guard(ev.DetermineStatus, "GCIII-5", "API-45", "GCIII-4A(1)")
def _determine_status(j: Judgement[ev.DetermineStatus]) -> None:
    """GCIII-5, API-45: only a competent tribunal may deny POW status. An authority may find
    it where GCIII-4A(1) plainly holds: he is a member of the armed forces of a party adverse
    to the detaining power, or of a militia forming part of them, whatever his nationality.
    API-47(2)(e): a member of a party's armed forces is no mercenary (else CIHL-108).
    """
    outcome, by = j.event.outcome, j.event.by
    if j.event.grounds == "mercenary":
        _no_mercenary(j)
    elif j.event.grounds == "spy" and j.event.in_uniform is True:
        # API-46(2): gathering information in his own forces' uniform is not spying.
        j.prohibit("in_uniform_not_spy", j.binding("API-46", customary="CIHL-107"))
    tribunal = j.binding("GCIII-5") + j.binding("API-45")
    situation = j.situation
    own_national = situation.detaining_power in situation.subject.nationality
    if outcome == "civilian_internee" and own_national:
        # GCIV-4: the Fourth Convention does not protect a state's own nationals from it.
        j.require("not_protected_person", j.binding("GCIV-4"), holder=situation.detaining_power)
        return
    if outcome == "pow" and own_national:
        reading = j.reading("detaining_power_nationals")
        if reading.option == "not_pow":
            j.require(
                "national_of_detaining_power",
                ("GCIII-4A(1)",),
                reading=reading,
                holder=situation.detaining_power,
            )
            return
    if by == "tribunal":
        j.basis("tribunal_decided", tribunal, outcome=outcome)
        return
    if j.situation.civilian and j.situation.protected_person:
        _determine_civilian(j, tribunal)
        return
    if outcome != "pow":
        j.require("status_denial_needs_tribunal", tribunal, outcome=outcome)
        return
    situation = j.situation
    subject = situation.subject
    membership = subject.member_of_forces
    if subject.forces is None:
        j.open("forces", code="forces_open", cites=("GCIII-4A(1)",), subject=subject.id)
    elif not situation.law.adverse(subject.forces, situation.detaining_power, situation.on):
        j.require(
            "pow_by_authority_needs_party_forces",
            ("GCIII-4A(1)", *tribunal),
            forces=subject.forces,
            holder=situation.detaining_power,
        )
    elif membership in _MEMBERS_OF_FORCES:
        j.basis("member_of_armed_forces", ("GCIII-4A(1)",), forces=subject.forces)
    elif membership == "other_group" and j.event.conditions_met is True:
        j.basis("group_meets_conditions", ("GCIII-4A(2)",), forces=subject.forces)
    else:
        cites = ("GCIII-4A(1)", "GCIII-4A(2)") if membership == "other_group" else ("GCIII-4A(1)",)
        j.require(
            "pow_by_authority_needs_membership",
            (*cites, *tribunal),
            forces=subject.forces,
            membership=membership or "unknown",
        )


def _determine_civilian(j: Judgement[ev.DetermineStatus], tribunal: tuple[str, ...]) -> None:
    """A civilian, no belligerent act alleged, is a protected person from capture (GCIV-4):
    GCIII-5's tribunal is for one whose status a belligerent act put in doubt. An authority
    may intern him, in occupied territory for imperative security (GCIV-78), else where the
    detaining power's security makes it absolutely necessary (GCIV-42), his internment then
    reviewed (GCIV-43). Any other outcome still needs a tribunal.
    """
    outcome = j.event.outcome
    if outcome == "civilian_internee":
        occupied = j.situation.facts.territory == "occupied"
        cites = j.binding("GCIV-78") if occupied else j.binding("GCIV-42") + j.binding("GCIV-43")
        j.basis("civilian_interned", (*j.binding("GCIV-4"), *cites))
    elif outcome == "pow":
        j.require("civilian_pow_needs_tribunal", tribunal)
    else:
        j.require("status_denial_needs_tribunal", tribunal, outcome=outcome)


_MEMBERS_OF_FORCES = ("armed_forces", "militia_in_forces")
"""The memberships that make him a prisoner of war under GCIII-4A(1) once captured."""


def _no_mercenary(j: Judgement[ev.DetermineStatus]) -> None:
    """API-47(2): a mercenary meets six cumulative conditions, so none is one who is (d) a
    national of a party to the conflict, (e) a member of a party's armed forces, whatever his
    nationality, or (f) sent on official duty by a state (CIHL-108 where the Protocol does
    not bind).
    """
    situation = j.situation
    subject, law, on = situation.subject, situation.law, situation.on
    # A party to *the* conflict: one the detaining power is a party to that day.
    conflicts = law.sides(situation.detaining_power, on).keys()

    def in_this_conflict(state: str) -> bool:
        return bool(law.sides(state, on).keys() & conflicts)

    member = subject.forces is not None and subject.member_of_forces in _MEMBERS_OF_FORCES
    if member and in_this_conflict(subject.forces or ""):
        j.prohibit(
            "member_of_forces_not_mercenary",
            j.binding("API-47(2)(e)", customary="CIHL-108"),
            forces=subject.forces,
        )
    party = next((state for state in subject.nationality if in_this_conflict(state)), None)
    if party is not None:
        j.prohibit(
            "party_national_not_mercenary",
            j.binding("API-47(2)(d)", customary="CIHL-108"),
            state=party,
        )
    if subject.sent_by is not None:
        j.prohibit(
            "sent_by_state_not_mercenary",
            j.binding("API-47(2)(f)", customary="CIHL-108"),
            state=subject.sent_by,
        )


# --- protection requests


# The transition cites nothing of its own: RC-1A(2) is cited for a claim to asylum only, a
# request to a third state to take him being no refugee claim.
@guard(ev.RequestProtection)
def _request_protection(j: Judgement[ev.RequestProtection]) -> None:
    """RC-1A(2): anyone may seek asylum; NKRA-3: KR protects North Koreans who ask for it
    (cited only for a request to KR by one its law covers). The ``asylum_while_pow``
    assumption decides whether a POW may claim asylum in captivity. A request to a third
    state to take him is no refugee claim: RC-1A(2) is not cited for it; neither the detaining
    power nor his own power of origin is a third state (going there is repatriation,
    GCIII-118).
    """
    kind = j.event.kind
    state = j.event.state or j.situation.detaining_power
    if kind == "asylum":
        if state != j.situation.detaining_power:
            j.require(
                "asylum_elsewhere", ("RC-1A(2)",), state=state, holder=j.situation.detaining_power
            )
        reading = j.reading("asylum_while_pow")
        if not j.situation.held_as_pow:
            j.basis("may_seek_asylum", ("RC-1A(2)",), state=state)
        elif reading.option == "barred_until_release":
            j.require("asylum_barred_while_pow", ("GCIII-118",), reading=reading)
        else:
            j.basis("may_seek_asylum", ("RC-1A(2)",), reading=reading, state=state)
        return
    if state == j.situation.detaining_power:
        j.require("third_state_is_holder", ("GCIII-118",), state=state)
    elif state == j.situation.power_of_origin:
        # Going to the power he fought for is repatriation, not a release to a third state.
        j.require("third_state_is_his_power", ("GCIII-118",), state=state)
    elif _korean_defectors_act(j.situation, state):
        # NKRA-7: he applies, in principle in person, at a mission abroad or an agency.
        at_mission = ("NKRA-7",) if j.event.via == "mission" else ()
        j.basis("asks_korean_protection", ("NKRA-3", *at_mission))
    else:
        # No treaty gives a prisoner a right to ask a third state: the request only records
        # his wish (an interpretive text is never the basis of a step on its own).
        j.basis("asks_third_state", (), state=state)


def _korean_defectors_act(situation: Situation, state: str) -> bool:
    """Whether KR's law on North Korean defectors (NKRA) governs his case in ``state``: only
    KR applies it, and only to the people it counts as its own nationals (KP: ROK-CONST-3).
    """
    korea = situation.law.parties.get("KR")
    return (
        state == "KR"
        and korea is not None
        and any(n in korea.claims_nationals_of for n in situation.subject.nationality)
    )


@guard(ev.DecideProtection, "RC-1A(2)", "RC-1F")
def _decide_protection(j: Judgement[ev.DecideProtection]) -> None:
    """RC-1F: no refugee status for a person seriously suspected of war crimes; RC-1A(2): a
    person another state protects as its national is not a refugee (``rok_nationality``).
    """
    # On the chart a decision follows a request, so the facts hold one.
    assert j.situation.facts.request is not None
    kind, state = j.situation.facts.request
    if not j.event.granted:
        j.basis("protection_refused", (), state=state)
        return
    if kind == "third_state":
        if _korean_defectors_act(j.situation, state):
            j.basis("korean_protection_decided", ("NKRA-8",))
        else:
            j.basis("third_state_decided", (), state=state)
        return
    if j.event.granted_as == "complementary":
        _complementary_protection(j, state)
        return
    refugee_law = j.binding("RC-1F")
    if not refugee_law:
        # The Refugee Convention did not bind the deciding state: its own law governs.
        j.basis("asylum_granted", (), state=state)
        return
    credibility = j.situation.facts.allegations
    if True in credibility:
        j.prohibit("excluded_war_crimes", refugee_law)
    elif None in credibility:
        j.open("allegation_credible", code="allegation_credibility_open", cites=refugee_law)
    reading = j.reading("rok_nationality")
    if reading.option == "effective":
        home = j.situation.subject.state_of_nationality
        claimants = [
            p.code for p in j.situation.law.parties.values() if home in p.claims_nationals_of
        ]
        # RC-1A(2), and what the claim rests on: the Constitution, the Nationality Act and the
        # Supreme Court's 1996 judgment.
        claim = ("RC-1A(2)", "ROK-CONST-2", "ROK-CONST-3", "ROK-NA-2", "ROK-SC-96NU1221")
        for claimant in claimants:
            j.require("other_nationality_protects", claim, reading=reading, state=claimant)
    j.basis("asylum_granted", ("RC-1A(2)",), state=state)


def _complementary_protection(j: Judgement[ev.DecideProtection], state: str) -> None:
    """Complementary protection is national law (UA: UA-REF-LAW-1), for one who is no refugee
    but faces the death penalty, torture or inhuman treatment: neither RC-1A(2) nor RC-1F
    decides it, but the law's own exclusion of a credible war-crime suspect does
    (UA-REF-LAW-6). Another state's law is not modelled.
    """
    situation = j.situation
    if not situation.law.binds(j.acting, "UA-REF-LAW-1", situation.on):
        j.basis("asylum_granted", (), state=state)
        return
    credibility = situation.facts.allegations
    if True in credibility:
        j.prohibit("excluded_from_complementary_protection", ("UA-REF-LAW-6",))
    elif None in credibility:
        j.open(
            "allegation_credible",
            code="allegation_credibility_open",
            cites=("UA-REF-LAW-6",),
        )
    j.basis("complementary_protection_granted", ("UA-REF-LAW-1",), state=state)


# --- penal proceedings


@guard(ev.Charge)
def _charge(j: Judgement[ev.Charge]) -> None:
    """API-43, GCIII-99: a prisoner of war may not be punished for lawful participation in
    hostilities; GCIII-85: one charged with a war crime keeps the Convention's protection.
    One not treated as a prisoner of war is tried with the guarantees of
    :func:`_fair_trial_cites`, never under GCIII; one who did not distinguish himself keeps a
    prisoner of war's trial guarantees (API-44(4)) but may be tried for taking part.
    """
    offence = j.event.offence
    situation = j.situation
    if offence == "participation_in_hostilities" and situation.held_as_pow:
        _combatant_immunity(j)
    elif offence == "participation_in_hostilities":
        cites = j.binding("API-45")
        if situation.treated_as_pow:
            cites += j.binding("API-44(4)")
        j.basis("no_combatant_immunity", cites)
    elif not situation.treated_as_pow:
        j.basis("tried_with_guarantees", _fair_trial_cites(j, offence))
    elif offence == "war_crime":
        j.basis("war_crime_charge", j.binding("GCIII-85"))
        j.note_reservations("GCIII-85")
    else:
        j.basis("ordinary_charge", j.binding("GCIII-82"))
    if offence == "war_crime":
        _icc_note(j)


def _icc_note(j: Judgement[Any]) -> None:
    """ICC-RS-12: the International Criminal Court may try an alleged act where, on the day
    it was committed, the state where it was committed or his own state was a party to the
    Statute or had accepted the Court by declaration. A note: it changes nothing here.
    """
    situation = j.situation
    law, home = situation.law, situation.subject.state_of_nationality
    for place, committed_on in situation.facts.alleged_acts:
        if committed_on is None:
            continue
        for state in dict.fromkeys(s for s in (place, home) if s is not None):
            # A declaration under Art. 12(3) accepts the Court for acts on the declaring
            # state's territory; only a state party's acceptance reaches its nationals abroad.
            as_national = state != place
            if as_national and not _icc_party(law, state, committed_on):
                continue
            if law.binds(state, "ICC-RS-12", committed_on):
                # The Court's jurisdiction turns on the states that accepted it, not on the
                # acting state: the note cites the article whoever holds him.
                j.note_for_others(
                    "icc_jurisdiction", ("ICC-RS-12",), state=state, date=committed_on.isoformat()
                )
                return


def _icc_party(law: Law, state: str, on: datetime.date) -> bool:
    """Whether ``state`` was a party to the Rome Statute on ``on`` (not only a declarant)."""
    party = law.parties.get(state)
    return party is not None and any(
        p.instrument == "ICC-RS" and p.how != "declared" and p.in_force(on)
        for p in party.participations
    )


def _fair_trial_cites(j: Judgement[Any], offence: str | None) -> tuple[str, ...]:
    """The trial guarantees of one not treated as a prisoner of war, for ``offence``.

    API-75(4) (else CIHL-100) covers offences related to the armed conflict: a war crime or
    taking part in the hostilities; an ordinary crime is tried under ICCPR-14 where it binds
    and the customary fair-trial rule (CIHL-100). A protected person adds the Fourth
    Convention's trial rules: captured in occupied territory, GCIV-71 to 74 (notice of the
    charges, defence and interpreter, appeal, the protecting power told); interned in the
    detaining state's own territory, the same by analogy (GCIV-126). GCIV-5 only where the
    record suspects him of hostile activity: a charge of taking part in the hostilities, or a
    status decided against him (an unprivileged detainee, a spy); a civilian internee charged
    with an ordinary crime has none.
    """
    related = offence in _CONFLICT_OFFENCES
    cites = j.binding("API-75(4)") if related else ()
    if j.binds("ICCPR-14"):
        cites += ("ICCPR-14",)
    if not related:
        cites += ("CIHL-100",)
    situation = j.situation
    if situation.protected_person:
        if offence == "participation_in_hostilities" or _suspected_of_hostile_activity(situation):
            cites += j.binding("GCIV-5")
        if situation.facts.territory != "occupied" and situation.is_in("civilian_internee"):
            cites += j.binding("GCIV-126")
        if situation.facts.territory == "occupied" or situation.is_in("civilian_internee"):
            for article in _OCCUPATION_TRIAL_RULES:
                cites += j.binding(article)
    return tuple(dict.fromkeys(cites))


def _suspected_of_hostile_activity(situation: Situation) -> bool:
    """GCIV-5: whether his status marks him as suspected of activity hostile to the detaining
    power's security: found a spy, or an unprivileged detainee (he took part without a
    combatant's privilege).
    """
    return situation.facts.status_grounds == "spy" or situation.is_in("unprivileged_detainee")


_CONFLICT_OFFENCES = frozenset({"war_crime", "participation_in_hostilities"})
"""The offences related to the armed conflict, whose trial API-75(4) governs."""

_OCCUPATION_TRIAL_RULES = ("GCIV-71", "GCIV-72", "GCIV-73", "GCIV-74")


@guard(ev.Convict)
def _convict(j: Judgement[ev.Convict]) -> None:
    """GCIII-84, GCIII-99, GCIII-105: no conviction of one treated as a prisoner of war without
    the Convention's trial guarantees (API-44(4) for one who did not distinguish himself);
    others: the guarantees of :func:`_fair_trial_cites` for the charge on record. API-45:
    one not held as a POW is convicted only after a tribunal decided his status.
    """
    situation = j.situation
    treated = situation.treated_as_pow
    if treated:
        guarantees = j.binding("GCIII-84") + j.binding("GCIII-99") + j.binding("GCIII-105")
        if not situation.held_as_pow:
            guarantees += j.binding("API-44(4)")
    else:
        guarantees = _fair_trial_cites(j, situation.facts.charge)
    if j.event.fair_trial is False:
        j.prohibit("unfair_trial", guarantees)
    for missing in j.event.missing_guarantees:
        j.prohibit(
            "trial_guarantee_missing",
            _guarantee_cites(j, missing, treated, guarantees),
            guarantee=missing,
        )
    if j.event.sentence == "death":
        _death_sentence(j, treated)
    if _needs_status_tribunal(situation):
        cites = j.binding("API-45") or j.binding("GCIII-5")
        if cites:
            j.require("conviction_needs_status_tribunal", cites)
    if situation.held_as_pow and situation.facts.charge == "participation_in_hostilities":
        _combatant_immunity(j)
    if treated:
        j.basis("convicted_after_fair_trial", j.binding("GCIII-99", customary="CIHL-100"))
    else:
        j.basis("convicted_after_fair_trial", guarantees)


_POW_GUARANTEES = {
    "independent_court": "GCIII-84",
    "notice": "GCIII-104",
    "counsel": "GCIII-105",
    "interpreter": "GCIII-105",
    "appeal": "GCIII-106",
    "judgment_notified": "GCIII-107",
}
"""The article of the Third Convention that gives each trial guarantee."""

_PROTECTED_GUARANTEES = {
    "independent_court": "GCIV-71",
    "notice": "GCIV-71",
    "counsel": "GCIV-72",
    "interpreter": "GCIV-72",
    "appeal": "GCIV-73",
    "judgment_notified": "GCIV-74",
}
"""The article of the Fourth Convention's trial rules (GCIV-71 to 74) that gives each."""


def _guarantee_cites(
    j: Judgement[Any], missing: str, treated: bool, guarantees: tuple[str, ...]
) -> tuple[str, ...]:
    """The provisions a conviction lacking the guarantee ``missing`` breaks. Treated as a
    prisoner of war: the Third Convention's article for it (GCIII-84, -104, -105, -106,
    -107). Others: the general guarantees of :func:`_fair_trial_cites` (API-75(4) or
    CIHL-100, ICCPR-14, GCIV-5, GCIV-126) and, of the Fourth Convention's trial rules it
    applies, the one for it.
    """
    if treated:
        return j.binding(_POW_GUARANTEES[missing])
    article = _PROTECTED_GUARANTEES[missing]
    return tuple(c for c in guarantees if c not in _OCCUPATION_TRIAL_RULES or c == article)


def _death_sentence(j: Judgement[ev.Convict], treated: bool) -> None:
    """A death sentence. Refused where the detaining state had abolished the death penalty
    that day (ICCPR-6, as read in Judge v Canada: an abolitionist state may not bring it
    back) or Protocol 13 binds it (ECHR-P13-1); refused for an offence committed under 18
    (ICCPR-6(5); API-77: never carried out), open where his year of birth leaves his age
    then in doubt. The offence's day is that of the allegation on record, else his capture.
    Treated as a prisoner of war: GCIII-100 and GCIII-101 govern it.
    """
    situation = j.situation
    state = situation.law.parties.get(j.acting)
    day = state.abolished_death_penalty if state is not None else None
    abolished = day is not None and day <= situation.on
    cites: tuple[str, ...] = ("ICCPR-6",) if abolished and j.binds("ICCPR-6") else ()
    if j.binds("ECHR-P13-1"):
        cites += ("ECHR-P13-1",)
    if cites:
        j.prohibit("death_penalty_abolished", cites, state=j.acting)
    facts = situation.facts
    if situation.protected_person and facts.territory == "occupied":
        _occupiers_death_sentence(j)
    offence_on = facts.offence_on or facts.captured_on
    if offence_on is not None and situation.subject.born is not None:
        child = (("ICCPR-6(5)",) if j.binds("ICCPR-6(5)") else ()) + j.binding("API-77")
        minor = situation.subject.minor_on(offence_on)
        # Where no rule bound the acting state that day, j.binding's note says so.
        if child and minor:
            j.prohibit("death_sentence_for_child", child, date=offence_on)
        elif child and minor is None:
            j.open("age", code="death_sentence_age_open", cites=child, date=offence_on)
    if treated:
        j.note("pow_death_sentence", j.binding("GCIII-100") + j.binding("GCIII-101"))


def _occupiers_death_sentence(j: Judgement[ev.Convict]) -> None:
    """GCIV-68: an occupier may sentence a protected person to death only for espionage,
    serious sabotage or an intentional killing, and only where the occupied territory's law
    allowed death before the occupation. The occupied state is read as his state of
    nationality (a resident of the territory he was captured in); which of the three the
    offence was is not recorded, so where the territory's law allowed death it is open.
    """
    situation = j.situation
    cites = j.binding("GCIV-68")
    if not cites:
        return
    home = situation.subject.state_of_nationality
    occupied = situation.law.parties.get(home)
    abolished = occupied.abolished_death_penalty if occupied is not None else None
    captured = situation.facts.captured_on
    if abolished is not None and captured is not None and abolished <= captured:
        j.prohibit("occupied_law_bars_death", cites, state=home)
    else:
        j.open("offence", code="occupied_death_offence_open", cites=cites)


def _needs_status_tribunal(situation: Situation) -> bool:
    """API-45(2): one not held as a prisoner of war and tried for an offence arising out of
    the hostilities may have his status decided by a tribunal first. A civilian tried for
    anything but taking part in the hostilities needs none: no belligerent act is alleged.
    """
    if situation.held_as_pow or situation.facts.status_by_tribunal:
        return False
    return not situation.civilian or situation.facts.charge == "participation_in_hostilities"


def _combatant_immunity(j: Judgement[Any]) -> None:
    """API-43, GCIII-99: no punishment of a prisoner of war for lawful acts of war, where
    those treaties bound the detaining power.
    """
    cites = j.binding("API-43") + j.binding("GCIII-99")
    if cites:
        j.prohibit("combatant_immunity", cites)


@guard(ev.Acquit, "GCIII-99")
def _acquit(j: Judgement[ev.Acquit]) -> None:
    """GCIII-99: proceedings end with the acquittal."""
    j.basis("acquitted", ("GCIII-99",))


@guard(ev.CompleteSentence, "GCIII-108")
def _complete_sentence(j: Judgement[ev.CompleteSentence]) -> None:
    """GCIII-108: the sentence is served; GCIII-119(5) hold-back ends with it."""
    j.basis("sentence_served", ("GCIII-108",))


# --- moves to another state


def _agreed(j: Judgement[Any], other: str, agreements: tuple[frozenset[str], ...]) -> bool:
    """Whether an agreement on record binds both the detaining power and ``other``."""
    needed = {j.situation.detaining_power, other}
    return any(needed <= agreed for agreed in agreements)


def _needs_wish(
    j: Judgement[Any],
    to: str,
    code: str,
    cites: tuple[str, ...],
    *,
    reading: Reading | None = None,
    basis: str | None = None,
) -> None:
    """A guard that needs his wish to go to ``to``: none fails it; an unverified, contested or
    conditional one, or one verified by one whose check does not count under
    ``wish_verifiers``, leaves it open; a counting, unconditional verification satisfies it
    (the reason ``basis``, if given, says so).
    ``reading`` marks a requirement that rests on a reading of the law.
    """
    will = j.will(to)
    if will is Will.NONE:
        j.require(code, cites, reading=reading, to=to)
    elif will is Will.OPEN:
        j.open_wish(to, cites, reading=reading)
    elif basis is not None:
        j.basis(basis, cites, reading=reading, to=to)


def _origin_check(j: Judgement[Any], to: str, *, medical: bool = False) -> None:
    """GCIII-118 (medical: GCIII-109(1)): a return hands him to his power of origin. A
    hand-over to any other state is another move: a release to it, or a transfer under GCIII-12
    to a state bound by the Convention (medical: accommodation in a neutral state). A party to
    the conflict on his side is reached by neither (see :func:`_to_adverse_party`): none is
    named.
    """
    situation = j.situation
    if situation.origin_rests_on_route:
        j.rely_on("status_route")
    origin = situation.power_of_origin
    if to == origin:
        return
    cites: tuple[str, ...] = ("GCIII-109(1)",) if medical else ("GCIII-118",)
    instead: tuple[str, ...] = ()
    if not situation.law.adverse(to, situation.detaining_power, situation.on):
        instead = ("release_to_third_state",)
        if medical:
            instead += ("intern_in_neutral_state",)
        elif situation.law.binds(to, "GCIII-12", situation.on):
            cites += ("GCIII-12",)
            instead += ("transfer_to_power",)
    j.require("not_power_of_origin", cites, to=to, power_of_origin=origin, instead=instead)


_GRAVE_BREACH_DUTY = {"gciii": "GCIII-129", "gciv": "GCIV-146"}
"""The duty to try or hand over an alleged offender, by the Convention whose grave breach he
is accused of."""


def _grave_breach_check(j: Judgement[Any]) -> None:
    """GCIII-129 (GCIV-146): a state must search for those alleged to have committed grave
    breaches and try them, or hand them to a party with a prima facie case. A credible
    suspect not yet tried for a war crime (never charged, or charged and awaiting trial:
    returning him would drop the prosecution) is not returned until that is done (a
    precondition: the article asks for a trial or a hand-over first; it does not forbid the
    move). An unassessed allegation, or one that does not say which breach, leaves it open.
    """
    facts = j.situation.facts
    awaiting_trial = facts.charge == "war_crime" and j.situation.is_in("charged")
    if facts.war_crime_charged and not awaiting_trial:
        return  # tried: convicted or acquitted
    for credible, breach in j.situation.facts.grave_breaches:
        if credible is False or breach == "none":
            continue
        if breach is None:
            # Which duty applies is open: either binding one.
            cites = tuple(d for d in _GRAVE_BREACH_DUTY.values() if j.binds(d))
            if cites:
                j.open("grave_breach_of", code="grave_breach_open", cites=cites)
        else:
            cites = j.binding(_GRAVE_BREACH_DUTY[breach])
        if not cites:
            continue
        if credible is None:
            j.open("allegation_credible", code="allegation_credibility_open", cites=cites)
        elif breach is not None:
            j.require("grave_breach_suspect_not_tried", cites, convention=breach.upper())


def _medical_consent(j: Judgement[Any], to: str) -> None:
    """GCIII-109(3): during hostilities no eligible sick or wounded prisoner is repatriated
    against his will. His verified refusal (a counting, unconditional wish to stay or to go
    elsewhere) forbids it; otherwise his will must be ascertained: none on record is an unmet
    precondition, an unverified one open; a verified wish to go is a basis.
    """
    if j.hostilities_over():
        return
    if j.refusal(to) is Refusal.REFUSED:
        j.prohibit("against_his_verified_will", ("GCIII-109(3)",), to=to)
    elif j.will(to) is Will.CONSENT:
        j.basis("not_against_his_will", ("GCIII-109(3)",), to=to)
    else:
        _needs_wish(j, to, "against_his_will", ("GCIII-109(3)",))


def _sick_or_wounded_return(j: Judgement[Any], to: str) -> None:
    """GCIII-109(3) on a return of one found eligible for direct repatriation (a GCIII-110(1)
    finding), whatever the move is called (``exchange``, ``repatriate``): not against his
    will during hostilities (:func:`_medical_consent`). The article protects prisoners of
    war: one treated as a prisoner of war (in doubt, found one, or keeping a prisoner's
    protection under API-44(4)), in custody or, in neutral hands or transferred, as he was
    held in custody; not a protected person (GCIV-4) nor a detainee who is neither, whatever
    finding is on record.
    """
    situation = j.situation
    if situation.facts.medical_category != "gcIII_110_1":
        return
    position = situation.position
    # In neutral hands or transferred, he is held as he was in custody (GCIII-12(2)).
    leaves = (
        position.active
        if situation.is_in("in_custody")
        else frozenset(position.remembered("in_custody"))
    )
    if treated_as_pow_in(situation.subject, situation.facts, leaves):
        _medical_consent(j, to)


@guard(ev.Exchange, "GCIII-6", "GCIII-7")
def _exchange(j: Judgement[ev.Exchange]) -> None:
    """GCIII-6: an exchange rests on an agreement between the detaining power and the
    receiving state, and hands him to his power of origin (GCIII-118); non-refoulement;
    GCIII-109(3) for the seriously wounded or sick; GCIII-129 for a grave-breach suspect.
    """
    to = j.event.to
    _origin_check(j, to)
    if _agreed(j, to, j.situation.facts.exchange_agreements):
        j.basis("exchange_agreed", ("GCIII-6",), to=to)
    else:
        j.require("no_exchange_agreement", ("GCIII-6",), to=to, holder=j.situation.detaining_power)
    _sick_or_wounded_return(j, to)
    _grave_breach_check(j)
    judge_move(j, to, returning=True)


@guard(ev.RepatriateMedically, "GCIII-109", "GCIII-110", "GCIII-112")
def _repatriate_medically(j: Judgement[ev.RepatriateMedically]) -> None:
    """GCIII-109, GCIII-110, GCIII-112: direct repatriation to his power of origin
    (GCIII-109(1)) needs a finding that he falls under GCIII-110(1) (one under 110(2) grounds
    accommodation in a neutral country only), and his consent during hostilities;
    non-refoulement applies. These are a prisoner's route home: a protected person (GCIV-4)
    goes free once the grounds for interning him cease (GCIV-132), at the latest when
    hostilities close (GCIV-133), whatever finding is on record.
    """
    to = j.event.to
    if j.situation.protected_person:
        # His return home, as for a repatriate: no GCIII-109(1) medical route.
        _origin_check(j, to)
        release = j.binding("GCIV-132") + j.binding("GCIV-133", customary="CIHL-128")
        j.note("internment_ends_when_grounds_cease", release, to=to)
        judge_move(j, to, returning=True)
        return
    _origin_check(j, to, medical=True)
    category = j.situation.facts.medical_category
    if category == "gcIII_110_1":
        j.basis("gciii_110_finding", ("GCIII-109(1)", "GCIII-110(1)", "GCIII-112"))
    elif category == "gcIII_110_2":
        j.require("neutral_accommodation_only", ("GCIII-110(2)", "GCIII-109(1)"))
    else:
        j.require("no_gciii_110_finding", ("GCIII-110(1)", "GCIII-112"))
    _medical_consent(j, to)
    judge_move(j, to, returning=True)


@guard(ev.InternInNeutralState, "GCIII-109", "GCIII-111")
def _intern_in_neutral_state(j: Judgement[ev.InternInNeutralState]) -> None:
    """GCIII-111: internment in a neutral state needs an agreement with it, not his consent
    (GCIII-109(2)): one binding the detaining power with that state among its parties.
    GCIII-109(2), GCIII-110(2) and GCIII-111 all mean a neutral state: his own power, the
    detaining power or another party to the conflict is none, whatever agreement it joined
    (the test of :func:`_hand_over_to_neutral_custody`). Non-refoulement, read through
    GCIII-12 for this move.
    """
    state = j.event.state
    situation = j.situation
    finding = situation.facts.medical_category == "gcIII_110_2"
    why = _why_not_neutral(situation, state)
    if why is not None:
        paragraph = ("GCIII-110(2)",) if finding else ()
        cites = ("GCIII-109(2)", *paragraph, "GCIII-111")
        j.require("state_not_neutral", cites, state=state, why=why)
    if not _agreed(j, state, situation.facts.neutral_agreements):
        j.require("no_neutral_agreement", ("GCIII-111",), state=state)
    elif why is None:
        j.basis("neutral_internment_agreed", ("GCIII-111",), state=state)
    if finding:
        j.basis("gciii_110_2_finding", ("GCIII-110(2)",))
    judge_move(j, state, returning=False)


@guard(ev.HandOverToNeutralCustody, "GCIII-6")
def _hand_over_to_neutral_custody(j: Judgement[ev.HandOverToNeutralCustody]) -> None:
    """GCIII-6: a hand-over to a neutral custodian rests on an agreement binding the detaining
    power that provides for it, cited by its own articles (1953: PANMUNJOM-51, -TOR-4), and
    goes to the custodian it names (compared ignoring case and spaces), held by the forces
    of a state not party to the conflict: his own power, the detaining power and their
    co-belligerents are no neutral custodians. It needs no consent; non-refoulement applies
    towards the state whose forces hold him.
    """
    state, named = j.event.state, j.event.custodian
    agreements = agreed_terms(j.situation, "neutral_custody", j.acting)
    if not agreements:
        j.require("no_neutral_custody_agreement", ("GCIII-6",), holder=j.situation.detaining_power)
    agreed = [
        a
        for a in agreements
        if named is None or a.custodian is None or custodian_matches(named, a.custodian)
    ]
    for agreement in agreements if not agreed else ():
        j.require(
            "not_the_agreed_custodian",
            agreement.cites("neutral_custody"),
            custodian=named,
            agreed=agreement.custodian,
        )
    why = _why_not_neutral(j.situation, state)
    if why is not None:
        cites = tuple(dict.fromkeys(c for a in agreements for c in a.cites("neutral_custody")))
        j.require("custodian_not_neutral", cites or ("GCIII-6",), state=state, why=why)
    elif agreed:
        for agreement in agreed:
            custodian = named or agreement.custodian or "a neutral custodian"
            j.basis(
                "neutral_custody_agreed",
                agreement.cites("neutral_custody"),
                custodian=custodian,
                state=state,
            )
    judge_move(j, state, returning=False)


def _why_not_neutral(situation: Situation, state: str) -> str | None:
    """Why ``state`` is no neutral state on the step's date, or None if it is one: it is his
    power of origin (``power_of_origin``), the detaining power (``detaining_power``), his
    state of nationality (``nationality``), or a party to an armed conflict the detaining
    power is a party to that day (``party``).
    """
    if state == situation.power_of_origin:
        return "power_of_origin"
    if state == situation.detaining_power:
        return "detaining_power"
    if state in situation.subject.nationality:
        return "nationality"
    law, on = situation.law, situation.on
    if law.sides(state, on).keys() & law.sides(situation.detaining_power, on).keys():
        return "party"
    return None


@guard(ev.ReturnFromNeutralCustody)
def _return_from_neutral_custody(j: Judgement[ev.ReturnFromNeutralCustody]) -> None:
    """Never refused, and nothing authorises it: the 1953 terms did not provide for a return
    to the detaining side (PANMUNJOM-TOR-11 made those left civilians after 120 days; in
    January 1954, with no political conference held, the custodian handed them back instead).
    A note says so, citing nothing; his custody resumes as it was.
    """
    j.note(
        "returned_from_neutral_custody",
        (),
        holder=j.situation.detaining_power,
        state=j.situation.facts.destination or "the custodian",
    )


_RETURNS = ("exchange", "repatriate")
"""The moves that hand him to the enemy side: both go to his power of origin (GCIII-118)."""


def _to_adverse_party(j: Judgement[Any], to: str, cites: tuple[str, ...]) -> None:
    """GCIII-12(2), GCIII-118: a party to the conflict adverse to the detaining power on the
    step's date is on his own side. It cannot hold him as a prisoner for his captor (a
    transferee), nor is it a third state he is released to: handing him to it is a return,
    by exchange or repatriation, which goes to his power of origin. A protected person's
    transfer rules leave his repatriation apart (GCIV-45(2)), which is cited for him instead.
    """
    situation = j.situation
    if situation.law.adverse(to, situation.detaining_power, situation.on):
        if situation.protected_person:
            cites = j.binding("GCIV-45(2)")
        j.require("to_adverse_party", cites, to=to, instead=_RETURNS)


def _consent_check(
    j: Judgement[Any], to: str, cites: tuple[str, ...], *, transfer: bool, missing: str
) -> bool:
    """Whether ``to`` agreed to the move: a transfer needs a consent to hold him (scope
    ``transfer``), a release one to admit him (scope ``release``); a consent that names no
    scope covers both. A consent for the other move only is not consent to this one; a
    precondition says so (``consent_only_to_release``, ``consent_only_to_transfer``), else
    ``missing`` says no consent is on record.
    """
    facts = j.situation.facts
    agreed = facts.transfer_consents if transfer else facts.release_consents
    if to in agreed:
        return True
    if to in facts.consents:
        j.require(
            "consent_only_to_release" if transfer else "consent_only_to_transfer", cites, to=to
        )
    else:
        j.require(missing, cites, to=to)
    return False


@guard(ev.TransferToPower)
def _transfer_to_power(j: Judgement[ev.TransferToPower]) -> None:
    """GCIII-12(2): a transfer only to a party to GCIII that is willing and able to apply it
    (its consent to hold him as a prisoner stands for its willingness; its ability is judged
    only through non-refoulement's onward risk, else assumed, which a note on an allowed
    transfer says), never to a party on his own side;
    non-refoulement as the ICRC 2020 commentary reads GCIII-12. A protected person is
    transferred under GCIV-45 instead, so the transition itself cites neither: its reasons
    do.
    """
    to = j.event.to
    _to_adverse_party(j, to, ("GCIII-12(2)",))
    if j.situation.protected_person:
        _transfer_protected_person(j, to)
        judge_move(j, to, returning=False)
        if not [r for r in j.reasons if r.kind in _FAILING]:
            # GCIV-45(3) asks the same satisfaction of willingness and ability.
            j.note("receiver_ability_assumed", j.binding("GCIV-45(3)"), to=to)
        return
    if not j.situation.law.binds(to, "GCIII-12", j.situation.on):
        j.require("receiver_not_bound", ("GCIII-12(2)",), to=to)
    _consent_check(j, to, ("GCIII-12(2)",), transfer=True, missing="receiver_has_not_consented")
    j.note_reservations("GCIII-12")
    if not [r for r in j.reasons if r.kind is ReasonKind.PRECONDITION]:
        j.basis("transfer_to_party", ("GCIII-12(2)",), to=to)
    judge_move(j, to, returning=False)
    if not [r for r in j.reasons if r.kind in _FAILING]:
        # Its consent is read as its willingness; whether it is able is not judged.
        j.note("receiver_ability_assumed", ("GCIII-12(2)",), to=to)


_FAILING = (ReasonKind.PROHIBITION, ReasonKind.PRECONDITION)


def _transfer_protected_person(j: Judgement[ev.TransferToPower], to: str) -> None:
    """GCIV-45(1): a protected person goes only to a party to the Fourth Convention;
    GCIV-45(3): one willing and able to apply it, which then answers for him. GCIII-12 does
    not apply to him. Captured in occupied territory, GCIV-49 governs instead (Art. 45 is in
    the section on aliens in a party's own territory): no transfer out of it.
    """
    situation = j.situation
    if situation.facts.territory == "occupied":
        # GCIV-49(1): no forcible transfer out of occupied territory, whatever the motive (the
        # evacuations its second paragraph allows are not a transfer to another power).
        j.prohibit("transfer_out_of_occupied_territory", j.binding("GCIV-49"), to=to)
        return
    if not situation.law.binds(to, "GCIV-45", situation.on):
        j.require("receiver_not_bound_by_gciv", j.binding("GCIV-45(1)"), to=to)
    _consent_check(
        j, to, j.binding("GCIV-45(3)"), transfer=True, missing="receiver_has_not_consented"
    )
    j.note_reservations("GCIV-45")
    if not [r for r in j.reasons if r.kind is ReasonKind.PRECONDITION]:
        j.basis("transfer_to_party", j.binding("GCIV-45(3)"), to=to)


@guard(ev.Recall, "GCIII-12(3)")
def _recall(j: Judgement[ev.Recall]) -> None:
    """GCIII-12(3): he is taken back when the receiving power, once notified, failed to apply
    the Convention.
    """
    receiver = j.situation.facts.destination
    if receiver in j.situation.facts.failed_receivers:
        j.basis("receiver_failed", ("GCIII-12(3)",), state=receiver)
    else:
        j.require("no_failure_notified", ("GCIII-12(3)",), state=receiver or "the receiver")


@guard(ev.ReleaseInDetainingState, "GCIII-118", "RC-33", "GCIV-132")
def _release_in_detaining_state(j: Judgement[ev.ReleaseInDetainingState]) -> None:
    """A prisoner of war's release with protection in the detaining state needs a ground:
    asylum granted (RC-33), or every return barred by non-refoulement after hostilities
    (GCIII-118 as the ICRC reads it). A protected person's release is never unlawful:
    internment is the exception (GCIV-42; in occupied territory GCIV-78), and he is released
    as soon as its reasons cease (GCIV-132), on a review ordering it or without one;
    GCIII-118 does not govern him.
    """
    situation = j.situation
    if situation.facts.protection_granted_as == "complementary":
        national = situation.law.binds(j.acting, "UA-REF-LAW-3", situation.on)
        j.basis("released_with_complementary_protection", ("UA-REF-LAW-3",) if national else ())
        return
    if situation.facts.asylum_granted:
        j.basis("released_as_refugee", j.binding("RC-33") or ("RC-1A(2)",))
        return
    if situation.protected_person:
        if situation.facts.internment_release:
            j.basis("internment_release", j.binding("GCIV-132"))
        else:
            occupied = situation.facts.territory == "occupied"
            exception = j.binding("GCIV-78") if occupied else j.binding("GCIV-42")
            j.basis("protected_person_released", j.binding("GCIV-132") + exception)
        return
    if not j.hostilities_over():
        j.require("no_ground_for_release", ("GCIII-118", "RC-33", "GCIV-132"))
        return
    if not _instead_of_return(j, "every_return_barred"):
        j.require("return_possible", ("GCIII-118",), states=", ".join(_returns(situation)))


def _returns(situation: Situation) -> tuple[str, ...]:
    """Where a return would take him: his power of origin and his state of nationality."""
    return tuple(
        dict.fromkeys((situation.power_of_origin, situation.subject.state_of_nationality))
    )


def _instead_of_return(j: Judgement[Any], code: str, **params: str) -> bool:
    """Whether every return (:func:`_returns`) is barred, or may be: tried under
    non-refoulement, each return refused gives the basis ``code`` (GCIII-118, resting on the
    reading that barred them, if one did); none allowed and some undetermined carries their
    open points over. False where a return is not barred.
    """
    situation = j.situation
    returns = _returns(situation)
    verdicts = []
    for state in returns:
        trial = Judgement(situation, j.event)
        judge_move(trial, state, returning=True)
        j.rely_on(*trial.assumptions)
        verdicts.append(trial.verdict())
    outcomes = [v.outcome for v in verdicts]
    if all(o is Outcome.REFUSED for o in outcomes):
        # The release rests on the reading that barred the returns, if one did, and cites
        # the bars themselves beside GCIII-118.
        readings = [r.reading for v in verdicts for r in v.failing if r.reading is not None]
        bars = tuple(c for v in verdicts for r in v.failing for c in r.cites)
        cites = (*j.binding("GCIII-118", customary="CIHL-128"), "ICRC-COM-2020-GCIII-118")
        j.basis(
            code,
            tuple(dict.fromkeys((*cites, *bars))),
            reading=readings[0] if readings else None,
            states=", ".join(returns),
            **params,
        )
        return True
    if Outcome.UNDETERMINED in outcomes and Outcome.ALLOWED not in outcomes:
        for verdict in verdicts:
            if verdict.outcome is Outcome.UNDETERMINED:
                j.missing.extend(verdict.missing)
                j.reasons.extend(r for r in verdict.reasons if r.kind is ReasonKind.OPEN)
        return True
    return False


@guard(ev.ReleaseToThirdState, "GCIII-118")
def _release_to_third_state(j: Judgement[ev.ReleaseToThirdState]) -> None:
    """A release to a third state needs its consent to admit him: a released man enters it
    as a free person, so the consent is its own as a sovereign, cited to the rule the release
    rests on (GCIII-118 after hostilities; during them GCIII-5, his protection ending with
    his release; a protected person: GCIV-133, GCIV-132), and to GCIII-12(2) only where the
    release is read as a transfer (``third_state_release: art12_transfer``). GCIII-118 as the
    ICRC reads it in 2020, and the 1953 practice: his free wish, verified by one whose check
    counts (``wish_verifiers``) and unconditional (GCIII-7), a reading. GCIII-118: a party
    on his own side is no third state (handing him to it is a return); no onward risk.
    Before hostilities end, ``third_state_release``; after, GCIII-118, and on its strict
    text a release instead of repatriation needs a binding agreement term
    (``civilian_release``, from its release day; ``voluntary_repatriation``) or a bar on every
    return.
    """
    to = j.event.to
    situation = j.situation
    protected = situation.protected_person
    over = j.hostilities_over()
    _to_adverse_party(j, to, ("GCIII-118",))
    reading = None if protected else j.reading("ihl_non_refoulement")
    # third_state_release reads GCIII: an internee's release is GCIV-132's (below).
    third_state = None if over or protected else j.reading("third_state_release")
    if protected:
        consent = j.binding("GCIV-133") if over else j.binding("GCIV-132")
    elif third_state is not None and third_state.option == "art12_transfer":
        consent = ("GCIII-12(2)",)
    else:
        consent = ("GCIII-118",) if over else ("GCIII-5",)
    if _consent_check(j, to, consent, transfer=False, missing="third_state_has_not_consented"):
        j.basis("third_state_consents", consent, to=to)
    if protected:
        # His departure must be his choice: no forcible transfer out of occupied territory
        # (GCIV-49), nor a hand-over against his will elsewhere (GCIV-45).
        occupied = situation.facts.territory == "occupied"
        wish: tuple[str, ...] = j.binding("GCIV-49") if occupied else j.binding("GCIV-45")
    elif over:
        wish = ("GCIII-118", "ICRC-COM-2020-GCIII-118", "GCIII-7")
    else:
        # GCIII-118 governs the end of captivity after hostilities; before then his wish is
        # asked because he cannot give up the Convention's protection unless he chooses (GCIII-7).
        wish = ("GCIII-7",)
    _needs_wish(
        j, to, "no_wish_for_third_state", wish, reading=reading, basis="wish_for_third_state"
    )
    if protected and not over:
        j.basis("internee_released", j.binding("GCIV-132"), to=to)
    applies, later = civilian_release(situation, j.acting)
    for agreement in later:
        # PANMUNJOM-TOR-11: those not repatriated became civilians only on the release day.
        assert agreement.release_by is not None
        j.note("civilian_release_from", (), release_by=agreement.release_by.isoformat())
    if third_state is not None:
        if third_state.option == "art12_transfer":
            j.require("release_only_as_transfer", ("GCIII-12",), reading=third_state, to=to)
        elif third_state.option == "barred":
            j.prohibit("release_barred_during_hostilities", ("GCIII-118",), reading=third_state)
        else:
            # Released, he is no longer a prisoner: the Convention applies until then (GCIII-5).
            j.basis("release_during_hostilities", ("GCIII-5",), reading=third_state, to=to)
    else:
        if reading is not None and not _release_instead_allowed(j, reading, to, applies):
            j.require(
                "release_instead_of_repatriation",
                ("GCIII-118",),
                reading=reading,
                to=to,
                power_of_origin=situation.power_of_origin,
            )
        elif reading is not None and not (applies and situation.is_in("in_neutral_custody")):
            # The duty to release is the article's plain text; only where he may go is read.
            # Released from neutral custody under the agreement, he is no longer the
            # detaining power's prisoner: the agreement's term is the basis (below).
            j.basis("release_due", j.binding("GCIII-118"))
        for agreement in applies:
            j.basis("agreement_civilian_release", agreement.cites("civilian_release"))
    judge_move(j, to, returning=False)


def _release_instead_allowed(
    j: Judgement[Any], reading: Reading, to: str, applies: tuple[Any, ...]
) -> bool:
    """Whether a release to a third state instead of repatriation is allowed after
    hostilities: the 1952-53 dispute over GCIII-118. On the ICRC's 2020 reading and the free
    will reading, on his verified wish (judged apart); on the strict text, only where an
    agreement binding the detaining power provides for it (those not repatriated released as
    civilians, from its release day; voluntary repatriation) or every return is barred.
    """
    if reading.option != "strict_text" or applies:
        return True
    voluntary = agreed_terms(j.situation, "voluntary_repatriation", j.acting)
    for agreement in voluntary:
        j.basis(
            "release_under_voluntary_repatriation",
            agreement.cites("voluntary_repatriation"),
            reading=reading,
            to=to,
        )
    if voluntary:
        return True
    return _instead_of_return(j, "release_as_every_return_barred", to=to)


@guard(ev.Resettle)
def _resettle(j: Judgement[ev.Resettle]) -> None:
    """The third state's own law decides; only KR's is modelled. NKRA-3: KR protects a North
    Korean who asked for its protection (NKRA-7: at a mission abroad), NKRA-8: by the
    decision of the Minister, or of the intelligence service's director in grave security
    cases; NKRA-9(1): a credible or
    unassessed allegation of a serious crime leaves that decision to its discretion.
    """
    situation = j.situation
    state = situation.facts.destination or ""
    if not _korean_defectors_act(situation, state):
        j.note("national_law_not_modelled", (), state=state)
        return
    if ("third_state", "KR") in situation.facts.requests:
        at_mission = ("NKRA-7",) if "KR" in situation.facts.asked_at_mission else ()
        decider = j.event.by or "the government"
        j.basis("asked_korean_protection", ("NKRA-3", *at_mission, "NKRA-8"), by=decider)
    else:
        j.require("no_request_to_korea", ("NKRA-3",))
    if any(c is not False for c in situation.facts.allegations):
        j.open(
            "decision",
            code="nkra_exclusion_open",
            cites=("NKRA-9(1)",),
            by="KR",
            provision="NKRA-9(1)",
        )


@guard(ev.Repatriate)
def _repatriate(j: Judgement[ev.Repatriate]) -> None:
    """GCIII-118, CIHL-128: release and repatriation to his power of origin are due once
    active hostilities have ended (a protected person's internment ends then: GCIV-133, its
    reasons cite that instead). An earlier return is not forbidden, only not yet owed
    (GCIII-109 itself lets the parties agree to send home able-bodied prisoners after long
    captivity while hostilities last). GCIII-119(5) allows, not requires, holding back one
    facing proceedings, and GCIII-129 asks that a grave-breach suspect be tried or handed over
    first; GCIII-109(3) for the seriously wounded or sick, as for any return; the move is
    subject to non-refoulement.
    """
    situation = j.situation
    to = j.event.to or situation.power_of_origin
    _origin_check(j, to)
    _sick_or_wounded_return(j, to)
    if situation.protected_person:
        cites = j.binding("GCIV-133", customary="CIHL-128")
    else:
        cites = j.binding("GCIII-118", customary="CIHL-128")
    if not j.hostilities_over() and situation.protected_person:
        # GCIV-133 sets only the latest point: he goes free once the grounds cease (GCIV-132).
        release = j.binding("GCIV-132") + cites
        j.note("internment_ends_when_grounds_cease", release, to=to)
    elif not j.hostilities_over():
        # Due only once hostilities end; an earlier release home is not forbidden.
        j.note("repatriation_before_due", cites, to=to)
    else:
        j.basis("repatriation_due", cites, to=to)
    if situation.is_in("charged") or situation.is_in("sentenced"):
        j.note("hold_back_allowed", ("GCIII-119(5)",))
    _grave_breach_check(j)
    judge_move(j, to, returning=True)


# --- leaving by other ways


@guard(ev.Escape, "GCIII-91")
def _escape(j: Judgement[ev.Escape]) -> None:
    """GCIII-91: an escape succeeds when he rejoins his forces or leaves the captor's
    territory.
    """
    j.basis("escape_succeeded", ("GCIII-91",))


@guard(ev.Recapture, "GCIII-91", "GCIII-92")
def _recapture(j: Judgement[ev.Recapture]) -> None:
    """GCIII-91: one who escaped successfully may not be punished for it when recaptured."""
    j.basis("no_punishment_for_escape", ("GCIII-91",))


_IN_OTHER_HANDS = frozenset(
    {"transferred_to_third_power", "interned_in_neutral_state", "in_neutral_custody"}
)
"""Where he is still held, but by another power, a neutral state or a neutral custodian."""


@guard(ev.Die)
def _die(j: Judgement[ev.Die]) -> None:
    """GCIII-120: a death in custody is certified and notified; GCIII-121: some causes need
    an official inquiry (a protected person: GCIV-129, GCIV-131), an execution only where no
    death sentence is on record (its breaches: :mod:`powcase.law.violations`). These bind the
    power holding him: in another power's or a neutral state's hands, a note names it; at
    large, after an escape or a release, neither applies.
    """
    cause = j.event.cause
    situation = j.situation
    if situation.is_in("in_custody"):
        # A protected person's death is certified and inquired into under GCIV-129, -131.
        protected = situation.protected_person
        inquiry = j.binding("GCIV-131") if protected else ("GCIII-121",)
        recorded = j.binding("GCIV-129") if protected else ("GCIII-120",)
        sentenced = cause == "executed" and situation.facts.death_sentenced_on is not None
        if cause not in ("wounds", "illness") and not sentenced:
            j.note("death_needs_inquiry", inquiry, cause=cause)
        j.basis("death_recorded", recorded, cause=cause)
    elif _IN_OTHER_HANDS & situation.position.active:
        j.note("death_in_other_hands", (), state=situation.facts.destination or "another state")
    else:
        j.note("death_outside_custody")
