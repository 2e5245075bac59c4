"""Non-refoulement: one rule for every move that hands him to another state.

A move ``to`` a state is *towards risk* when that state, or the state it would pass him on to,
is one where he faces a risk kind: persecution, forced labour, arbitrary detention or enforced
disappearance (the persecution-type kinds), torture, death (a killing, or a death sentence
ICCPR-6(2) forbids) or a death penalty 6(2) allows. Prosecution is no risk. A state passes him
on where the parties table marks it an ally of his state of nationality, or a
``risk_on_return`` names it. A state faces him with risk when the parties table says it
answers what happened to him so on that day (for one of its own nationals or soldiers), or a
``risk_on_return`` names it, until a ``risk_lifted`` ends that kind there.

The IHL reading is the ``ihl_non_refoulement`` assumption; the human-rights, refugee-law and
GCIV rules apply beside it. Each rule is applied under the treaty that binds the detaining power
on the step's date, or under the customary rule where there is one; a rule that bound nothing
is named in a note and refuses nothing.

His verified, free wish to go where the risk lies lifts these bars, save the human-rights bar
on torture or death, which it leaves open on whether the risk is real for him; an unverified or
contested wish leaves that bar standing. Where the risk
lies in an onward return (an ally would pass him on to his state of nationality), a wish to go
to the ally is not a wish to be passed on: only a verified wish for the onward state too lifts
the bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from powcase.law.agreements import judge_terms
from powcase.law.shape import RISK_KINDS
from powcase.law.situation import Judgement, Situation
from powcase.law.will import Refusal, Will
from powcase.model import events as ev
from powcase.model.verdict import Reading

__all__ = ["Risk", "answers", "judge_move", "risk_towards"]

T = TypeVar("T")


@attrs.frozen
class Risk:
    """What he faces if moved to ``state``: the kinds of risk, and the state he would be passed
    on to when the risk lies there.
    """

    state: str
    kinds: frozenset[str]
    onward: str | None = None

    def describe(self) -> str:
        """The kinds in a fixed order, for messages: "persecution, torture and death"."""
        return _kinds(self.kinds)


def _kinds(kinds: frozenset[str] | set[str]) -> str:
    """Risk kinds in a fixed order, in words: "enforced disappearance and torture"."""
    return _and([k.replace("_", " ") for k in RISK_KINDS if k in kinds])


def _and(words: list[str]) -> str:
    return " and ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " and " + words[-1]


def answers(situation: Situation, state: str) -> frozenset[str]:
    """What ``state`` does to him for what happened to him: the risk kinds or prosecution
    the parties table gives that day, and any a ``risk_on_return`` names there, less those a
    ``risk_lifted`` ended there.
    """
    return _remembered("answers", situation, state, _answers)


def _remembered(
    question: str, situation: Situation, state: str, work_out: Callable[[Situation, str], T]
) -> T:
    """The answer to ``question`` about ``state``, remembered under the situation's
    circumstances (the same question comes back for every event of a record).
    """
    key = (question, state, situation.context)
    try:
        answer: T = situation.law.memo[key]
    except KeyError:
        answer = situation.law.remembered(key, lambda: work_out(situation, state))
    return answer


def _answers(situation: Situation, state: str) -> frozenset[str]:
    subject = situation.subject
    kinds: set[str] = set()
    # A state's treatment of those returned concerns its own nationals and soldiers.
    if state in subject.nationality or state == subject.forces:
        for treatment in situation.law.treatment(state, situation.acts(), situation.on):
            kinds.update(treatment.kinds)
        # A lifted risk is gone for this case, whatever the table says of others.
        kinds.difference_update(k for s, k in situation.facts.lifted if s == state)
    for named, kind in situation.facts.risks:
        if named == state:
            kinds.add(kind)
    return frozenset(kinds) if kinds else _NONE


_NONE: frozenset[str] = frozenset()
_RISKS = frozenset(RISK_KINDS)


def _own(situation: Situation, state: str) -> frozenset[str]:
    return answers(situation, state) & _RISKS


def risk_towards(situation: Situation, state: str) -> Risk:
    """The risk of a move to ``state``, directly or through onward return."""
    return _remembered("risk", situation, state, _risk_towards)


def _risk_towards(situation: Situation, state: str) -> Risk:
    kinds = _own(situation, state)
    home = situation.subject.state_of_nationality
    if state == home:
        return Risk(state, kinds)
    named = any(s == state for s, _ in situation.facts.risks)
    if home in situation.law.allies(state, situation.on) or named:
        onward = _own(situation, home)
        if onward - kinds:
            return Risk(state, kinds | onward, home)
    return Risk(state, kinds)


def _where_risk_lies(judgement: Judgement[Any], risk: Risk) -> tuple[Will, str]:
    """His will towards where the risk lies, and the state an open wish is about.

    A verified wish for the destination settles it unless the risk lies in an onward return:
    his will is then read towards the onward state, where the risk lies. A verified wish names
    one destination, so a wish to go to the ally is no consent to be passed on to his own
    state, and such a move stays barred (one who wants to go home is repatriated directly).
    """
    will = judgement.will(risk.state)
    if risk.onward is None or will is not Will.CONSENT:
        return will, risk.state
    return judgement.will(risk.onward), risk.onward


def _bar(
    judgement: Judgement[Any],
    will: tuple[Will, str],
    code: str,
    cites: tuple[str, ...],
    reading: Reading | None = None,
    **params: str,
) -> None:
    """Refuse a move towards risk, or leave it open while his wish is unverified."""
    if will[0] is Will.OPEN:
        judgement.open_wish(will[1], cites, reading=reading)
    else:
        judgement.prohibit(code, cites, reading=reading, **params)


def judge_move(judgement: Judgement[Any], to: str, *, returning: bool) -> None:
    """Apply the non-refoulement rule to a move to ``to``.

    ``returning`` marks a return (``repatriate``, ``exchange``, ``repatriate_medically``): the
    ICRC reading reads GCIII-118 there and GCIII-12 for every other move. The free-will reading
    governs only a return to his power of origin, the forcible repatriation it was made
    against: accommodation in a neutral state (GCIII-109(2), GCIII-111), a transfer (GCIII-12)
    or a release to a third state needs no consent under it. A protected person's moves are
    read under the Fourth Convention (GCIV-45(4)), not these readings of GCIII. Agreements
    binding the detaining power add their terms, whatever the reading.
    """
    situation = judgement.situation
    risk = risk_towards(situation, to)
    will = _where_risk_lies(judgement, risk)
    required = _required_by_ihl(judgement, to, returning=returning)
    if not risk.kinds:
        judgement.note("no_known_risk", (), to=to)

    # A protected person's moves are read under the Fourth Convention (below), not GCIII.
    reading = ""
    if not situation.protected_person:
        judgement.rely_on("ihl_non_refoulement")
        reading = situation.assumptions.ihl_non_refoulement
    if reading == "icrc_2020" and risk.kinds and will[0] is not Will.CONSENT:
        _icrc_bar(judgement, to, risk, will, returning=returning)
    elif reading == "free_will" and returning and to == situation.power_of_origin:
        refusal = judgement.refusal(to)
        if refusal is Refusal.REFUSED:
            cites = judgement.binding("GCIII-118", customary="CIHL-128")
            # The Korean declaration of 1966 reads 118 so for the Republic of Korea alone.
            if judgement.binds("ROK-DECL-GCIII-118"):
                cites += ("ROK-DECL-GCIII-118",)
            judgement.prohibit("refoulement_free_will", cites, reading=_FREE_WILL, to=to)
        elif refusal is Refusal.OPEN:
            # Under this reading any unverified wish could decide it: each is an open point.
            cites = judgement.binding("GCIII-118", customary="CIHL-128")
            for destination in judgement.wished():
                judgement.open_wish(destination, cites, reading=_FREE_WILL)

    judge_terms(judgement, to, towards_risk=bool(risk.kinds), will=will)
    if will[0] is Will.CONSENT:
        # His wish does not waive the human-rights bar: it is only evidence on the risk.
        if risk.kinds and not _human_rights(judgement, risk, will, required=required):
            judgement.note("risk_accepted_by_verified_wish", (), to=to, risks=risk.describe())
        return
    if _asylum_pending(situation):
        _pending_claim(judgement, risk, will)
    _human_rights(judgement, risk, will, required=required)
    if risk.kinds & _COMPLEMENTARY:
        _complementary(judgement, risk, will)
    if risk.kinds & PERSECUTION_TYPE:
        _persecution(judgement, risk, will)


def _icrc_bar(
    judgement: Judgement[Any], to: str, risk: Risk, will: tuple[Will, str], *, returning: bool
) -> None:
    """The ICRC's 2020 reading: GCIII-118 for a return, GCIII-12 for any other move, bars a
    move towards risk he has not verifiably consented to. A reading reads a rule that binds:
    where neither the article nor a customary rule binds the acting state (a note says so),
    the commentary alone bars nothing.
    """
    treaty = "GCIII-118" if returning else "GCIII-12"
    cites = judgement.binding(treaty, customary="CIHL-128" if returning else None)
    if cites:
        _bar(
            judgement,
            will,
            "refoulement_icrc_2020",
            (*cites, f"ICRC-COM-2020-{treaty}"),
            _ICRC_2020,
            to=to,
            risks=risk.describe(),
            onward=risk.onward or "",
        )


_ICRC_2020 = Reading("ihl_non_refoulement", "icrc_2020")
_FREE_WILL = Reading("ihl_non_refoulement", "free_will")


PERSECUTION_TYPE = frozenset(
    {"persecution", "forced_labour", "arbitrary_detention", "enforced_disappearance"}
)
"""The risk kinds that refugee law's bar on return (RC-33) covers."""


def _asylum_pending(situation: Situation) -> bool:
    """Whether he has asked the detaining state for asylum and the claim is not decided."""
    request = situation.facts.request
    return (
        situation.is_in("request_pending")
        and request is not None
        and request == ("asylum", situation.detaining_power)
    )


def _pending_claim(judgement: Judgement[Any], risk: Risk, will: tuple[Will, str]) -> None:
    """RC-33, UNHCR-HB-28: refugee status is declaratory. One who asked the detaining state
    for asylum may already be a refugee, so a move towards persecution waits for the decision
    on his claim, under every reading. Where the detaining state's own law protects applicants
    from removal meanwhile (UA-REF-LAW-1), a move towards any other risk waits too.
    """
    persecution = risk.kinds & PERSECUTION_TYPE
    if persecution:
        cites = judgement.binding("RC-33")
        if cites:
            _hold(
                judgement,
                will,
                "asylum_pending",
                (*cites, "UNHCR-HB-28"),
                to=risk.state,
                risks=_kinds(persecution),
                onward=risk.onward or "",
            )
    others = risk.kinds - PERSECUTION_TYPE
    if not others:
        return
    situation = judgement.situation
    holder = situation.law.parties.get(situation.detaining_power)
    national: tuple[str, ...] = ()
    for provision_id in holder.protects_applicants if holder else ():
        national += judgement.binding(provision_id)
    if national:
        _hold(
            judgement,
            will,
            "asylum_pending_national_law",
            national,
            to=risk.state,
            risks=_kinds(others),
            onward=risk.onward or "",
            state=situation.detaining_power,
        )


def _hold(
    judgement: Judgement[Any],
    will: tuple[Will, str],
    code: str,
    cites: tuple[str, ...],
    **params: Any,
) -> None:
    """Hold back a move until a decision, or leave it open while his wish is unverified."""
    if will[0] is Will.OPEN:
        judgement.open_wish(will[1], cites)
    else:
        judgement.require(code, cites, **params)


_HUMAN_RIGHTS_KINDS = frozenset({"enforced_disappearance", "torture", "death", "death_penalty"})
"""The risk kinds a human-rights treaty bars removal to (§6's middle column)."""


def _human_rights(
    judgement: Judgement[Any], risk: Risk, will: tuple[Will, str], *, required: bool
) -> bool:
    """The human-rights bars, each where it binds the acting state: enforced disappearance
    (CED-16, ICCPR-7), torture (CAT-3, ICCPR-7, ECHR-3), death (ICCPR-6, ECHR-2; ECHR-P13-1
    where a death sentence is among what awaits him) and a death penalty ICCPR-6(2) allows
    (ICCPR-6 only from a state that abolished it that day, Judge v Canada; ECHR-P13-1).

    The bars give way only under the reading ``human_rights_non_refoulement: false`` (that
    the Third Convention's duty to repatriate displaces them, as the special rule), and only
    for a return IHL itself requires (``required``, see :func:`_required_by_ihl`): a special
    rule displaces a general one only where the two conflict, and during hostilities no rule
    requires a return save a consenting prisoner's direct repatriation (GCIII-109(1), (3)).

    The bar is absolute: his verified wish to go does not waive it, but it is strong evidence
    that he does not fear what is on record, so the move is left open on whether the risk is
    real for him notwithstanding his wish. An unverified or contested wish is no such
    evidence: the move is refused. Whether the bar was read.
    """
    grave = risk.kinds & _HUMAN_RIGHTS_KINDS
    if not grave:
        return False
    reading: Reading | None = None
    universal = True
    if required:
        reading = judgement.reading("human_rights_non_refoulement")
        universal = reading.option is True

    def treaty(provision_id: str) -> tuple[str, ...]:
        # A treaty's bar, unless the reading displaces it for this return.
        return judgement.binding(provision_id) if universal else ()

    def regional(provision_id: str) -> tuple[str, ...]:
        # A regional treaty's bar: cited where it binds, with no note where it does not.
        return _quiet_binding(judgement, provision_id) if universal else ()

    cites: tuple[str, ...] = ()
    barred: set[str] = set()

    def add(kind: str, found: tuple[str, ...]) -> None:
        nonlocal cites
        if found:
            barred.add(kind)
            cites += tuple(c for c in found if c not in cites)

    if "torture" in grave:
        add(
            "torture",
            treaty("CAT-3") + treaty("ICCPR-7") + regional("ECHR-3"),
        )
    if "death" in grave:
        found = treaty("ICCPR-6")
        echr = regional("ECHR-2")
        if echr and regional("ECHR-P13-1"):
            found += (*echr, "ECHR-P13-1")
        else:
            found += echr
        add("death", found)
    if "enforced_disappearance" in grave:
        add("enforced_disappearance", treaty("CED-16") + treaty("ICCPR-7"))
    if "death_penalty" in grave:
        found = treaty("ICCPR-6") if _abolished(judgement) else ()
        add("death_penalty", found + regional("ECHR-P13-1"))
    if not cites:
        return False
    kinds = _kinds(barred)
    if will[0] is Will.CONSENT:
        judgement.open(
            "risk_despite_wish",
            code="risk_despite_wish_open",
            cites=cites,
            reading=reading,
            to=risk.state,
            risks=kinds,
        )
        return True
    # Only a verified, free wish bears on it (above): an unverified or contested one is no
    # evidence that he does not fear the risk, so the bar stands.
    judgement.prohibit(
        "refoulement_human_rights",
        cites,
        reading=reading,
        to=risk.state,
        risks=kinds,
        onward=risk.onward or "",
    )
    return True


def _required_by_ihl(judgement: Judgement[Any], to: str, *, returning: bool) -> bool:
    """Whether IHL itself requires the return judged now. Once active hostilities between the
    acting state and his power of origin have ended, every return does (GCIII-118: an exchange
    then only carries the duty out). During them only the direct repatriation of a prisoner
    found seriously wounded or sick under GCIII-110(1) does (GCIII-109(1)), and only with his
    consent (GCIII-109(3)); nothing requires an exchange or any other return. Only a required
    return can conflict with a human-rights bar, and so only there may the reading that the
    Convention's duty displaces the bar apply. A return tried to see whether every return is
    barred, for a release instead of one, is read as the repatriation it stands for.
    """
    if not returning:
        return False
    if judgement.hostilities_over():
        return True
    if not isinstance(judgement.event, ev.RepatriateMedically):
        return False
    found = judgement.situation.facts.medical_category == "gcIII_110_1"
    return found and judgement.will(to) is Will.CONSENT


def _abolished(judgement: Judgement[Any]) -> bool:
    """Whether the acting state had abolished the death penalty on the step's date: ICCPR-6
    then bars exposing anyone to it by removal (Judge v Canada, 2003); else it holds the
    state to 6(2) alone.
    """
    situation = judgement.situation
    state = situation.law.parties.get(judgement.acting)
    day = state.abolished_death_penalty if state else None
    return day is not None and day <= situation.on


def _quiet_binding(judgement: Judgement[Any], provision_id: str) -> tuple[str, ...]:
    """A regional rule: cited where it binds, with no note where it does not."""
    return (provision_id,) if judgement.binds(provision_id) else ()


_COMPLEMENTARY = frozenset({"torture", "death", "death_penalty"})
"""The risk kinds complementary protection shields him from (UA-REF-LAW-1, -3)."""


def _complementary(judgement: Judgement[Any], risk: Risk, will: tuple[Will, str]) -> None:
    """UA-REF-LAW-3: one granted complementary protection is not sent back towards the death
    penalty, torture or inhuman treatment (national law: only where it binds the acting
    state).
    """
    if judgement.situation.facts.protection_granted_as != "complementary":
        return
    cites = _quiet_binding(judgement, "UA-REF-LAW-3")
    if cites:
        kinds = _kinds(risk.kinds & _COMPLEMENTARY)
        _bar(judgement, will, "refoulement_complementary", cites, to=risk.state, risks=kinds)


def _persecution(judgement: Judgement[Any], risk: Risk, will: tuple[Will, str]) -> None:
    situation = judgement.situation
    if situation.facts.protection_granted_as == "refugee":
        cites = judgement.binding("RC-33")
        if cites and situation.is_in("sentenced"):
            # A refugee convicted of a particularly serious crime may lose the protection:
            # that is for the authorities to weigh.
            judgement.open(
                "rc_33_2_exception", code="rc_33_2_may_apply", cites=("RC-33(2)",), to=risk.state
            )
        elif cites:
            _bar(judgement, will, "refoulement_refugee", cites, to=risk.state)
    if situation.protected_person:
        # GCIV-45(4): repatriation too is a transfer here; 45(2) lifts only 45(1).
        cites = judgement.binding("GCIV-45(4)")
        if cites:
            _bar(judgement, will, "transfer_to_persecution", cites, to=risk.state)
