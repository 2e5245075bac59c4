"""Agreements between states about prisoners, and what their terms bind the detaining power to.

An agreement on record (``agreement_concluded``, or ``exchange_agreed``) binds the states in its
``between`` alone. A reason resting on one of its terms cites the article the agreement maps to
that term, else the article given for the whole agreement, else GCIII-6, the Convention's
article on special agreements between the parties.

The terms a move reads, whatever the ``ihl_non_refoulement`` reading (GCIII-6: such agreements
may not lessen the prisoners' protection; GCIII-7: he cannot give it up):

- ``voluntary_repatriation`` or ``no_force``: a return to his power of origin (``repatriate``,
  ``exchange``) against his verified refusal is forbidden; ``voluntary_repatriation`` also
  needs his verified wish to go home (none on record: a precondition; unverified: open). In an
  agreement that gives the prisoners to a neutral custodian, the bar on force is the
  custodian's rule, cited only for a return from its hands.
- ``non_refoulement``: a move towards risk he has not verifiably chosen is forbidden.
- ``all_for_all`` lifts none of these.

``neutral_custody`` and ``civilian_release`` authorise moves (a hand-over to a neutral
custodian; a release of those not repatriated, after hostilities: from the custodian's hands,
the custodian's act, noted as such); ``neutral_internment`` is read with GCIII-111.
"""

from __future__ import annotations

import datetime
from typing import Any

from powcase.engine.facts import Agreement, Facts
from powcase.law.situation import Judgement, Situation
from powcase.law.will import Refusal, Will
from powcase.model import events as ev

__all__ = [
    "binding",
    "civilian_release",
    "custodian_matches",
    "judge_terms",
    "release_by",
    "released_as_civilians",
]

_RETURNS = (ev.Repatriate, ev.Exchange)
"""The moves a voluntary-repatriation term governs: returns to his power of origin."""

_VOLUNTARY = ("voluntary_repatriation", "no_force")


def binding(situation: Situation, term: str, state: str | None = None) -> tuple[Agreement, ...]:
    """The agreements on record that bind ``state`` and provide ``term``.

    ``state`` is the detaining power when None. An agreement binds the states it was made
    between; the articles it names are cited only where the catalogue, too, shows them
    binding the acting state.
    """
    party = state or situation.detaining_power
    return tuple(a for a in situation.facts.agreements if term in a.terms and party in a.between)


def civilian_release(
    situation: Situation, state: str | None = None
) -> tuple[tuple[Agreement, ...], tuple[Agreement, ...]]:
    """The agreements binding ``state`` (the detaining power when None) that release those not
    repatriated as civilians: those whose term applies on the step's date, and those whose
    ``release_by`` is still to come. PANMUNJOM-TOR-11 made them civilians only when the 120
    days ran out: before the agreement's release day the term does not apply.
    """
    applies: list[Agreement] = []
    later: list[Agreement] = []
    for agreement in binding(situation, "civilian_release", state):
        day = agreement.release_by
        (later if day is not None and situation.on < day else applies).append(agreement)
    return tuple(applies), tuple(later)


def custodian_matches(named: str, agreed: str) -> bool:
    """Whether a custodian named on a step is the one an agreement names, compared ignoring
    case and spaces.
    """
    return _plain(named) == _plain(agreed)


def _plain(name: str) -> str:
    return "".join(name.split()).casefold()


def release_by(facts: Facts, state: str) -> datetime.date | None:
    """The day by which the agreements on record binding ``state`` say the prisoners are to
    be released (the earliest, if several do), or None.
    """
    days = [a.release_by for a in facts.agreements if state in a.between and a.release_by]
    return min(days) if days else None


def released_as_civilians(facts: Facts, state: str) -> datetime.date | None:
    """The day from which an agreement binding ``state`` releases those not repatriated as
    civilians (a ``civilian_release`` term with a ``release_by``; the earliest), or None.
    """
    days = [
        a.release_by
        for a in facts.agreements
        if state in a.between and "civilian_release" in a.terms and a.release_by
    ]
    return min(days) if days else None


def judge_terms(
    judgement: Judgement[Any], to: str, *, towards_risk: bool, will: tuple[Will, str]
) -> None:
    """Apply the terms of the agreements binding the detaining power to a move to ``to``.

    ``towards_risk`` says whether the move is towards risk, and ``will`` is his will towards
    where the risk lies (and the state an open wish is about).
    """
    situation = judgement.situation
    if isinstance(judgement.event, ev.ReleaseToThirdState) and situation.is_in(
        "in_neutral_custody"
    ):
        _custodians_release(judgement)
    if isinstance(judgement.event, _RETURNS) and to == situation.power_of_origin:
        _voluntary_return(judgement, to)
    if not towards_risk or will[0] is Will.CONSENT:
        return
    for agreement in binding(situation, "non_refoulement", judgement.acting):
        cites = agreement.cites("non_refoulement")
        if will[0] is Will.OPEN:
            judgement.open_wish(will[1], cites)
        else:
            judgement.prohibit("agreement_non_refoulement", cites, to=to)


def _custodians_release(judgement: Judgement[Any]) -> None:
    """PANMUNJOM-TOR-11: a release from a neutral custodian's hands under the agreement's
    terms for those not repatriated is the custodian's act: they became civilians on the day
    the agreement set, and those choosing a neutral nation were helped there by the
    custodian (1954: the Indian custodial force took the 88 to India). A note says so, from
    that day on.
    """
    situation = judgement.situation
    # Before the agreement's release day its term does not apply (the guard notes the day).
    for agreement in civilian_release(situation, judgement.acting)[0]:
        day = agreement.release_by
        judgement.note(
            "released_by_custodian",
            agreement.cites("civilian_release"),
            custodian=agreement.custodian or "the neutral custodian",
            release_by=day.isoformat() if day else "the day the agreement set",
        )


def _voluntary_return(judgement: Judgement[Any], to: str) -> None:
    """GCIII-6, GCIII-7 and the agreement's own articles (1953: PANMUNJOM-51, -TOR-3): under
    voluntary repatriation, or a bar on force, he is not returned against his verified
    refusal; under voluntary repatriation, only on his verified wish.
    """
    situation = judgement.situation
    facts = situation.facts
    agreements = [
        a
        for a in facts.agreements
        if judgement.acting in a.between and a.terms.intersection(_VOLUNTARY)
    ]
    if not agreements:
        return
    refusal = judgement.refusal(to)
    in_neutral_custody = situation.is_in("in_neutral_custody")
    for agreement in agreements:
        cites = tuple(
            dict.fromkeys(
                c
                for t in _governing(agreement, in_neutral_custody=in_neutral_custody)
                for c in agreement.cites(t)
            )
        )
        if refusal is Refusal.REFUSED:
            judgement.prohibit("agreement_voluntary_repatriation", cites, to=to)
            continue
        if "voluntary_repatriation" in agreement.terms:
            voluntary = agreement.cites("voluntary_repatriation")
            wish = judgement.will(to)
            if wish is Will.NONE:
                judgement.require("agreement_needs_wish_to_return", voluntary, to=to)
            elif wish is Will.OPEN:
                judgement.open_wish(to, voluntary)
            else:
                judgement.basis("agreement_wish_to_return", voluntary, to=to)
        elif refusal is Refusal.OPEN:
            # An unverified wish may yet be a refusal: each is an open point.
            for destination in judgement.wished():
                judgement.open_wish(destination, cites)


def _governing(agreement: Agreement, *, in_neutral_custody: bool) -> tuple[str, ...]:
    """The agreement's voluntary-repatriation terms that govern a return from where he is.

    Where the agreement also gives the prisoners to a neutral custodian, its bar on force is
    the custodian's rule (1953: PANMUNJOM-TOR-3 binds the Commission's custody): a return
    by the detaining side itself rests on its voluntary-repatriation term (PANMUNJOM-51),
    one from the custodian's hands on both. Without such a term, the bar on force governs
    wherever he is.
    """
    terms = tuple(t for t in _VOLUNTARY if t in agreement.terms)
    custodians = "neutral_custody" in agreement.terms and not in_neutral_custody
    if custodians and "voluntary_repatriation" in terms:
        return ("voluntary_repatriation",)
    return terms
