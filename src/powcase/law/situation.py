"""What a guard sees, and how it builds its verdict.

A :class:`Situation` is the case just before the step: the subject, the detaining power, the
assumptions, the position on the legal path, the facts on record and the step's date. A
:class:`Judgement` collects the reasons, open points and assumptions of one guard evaluation
and adds them up to a :class:`~powcase.model.verdict.Verdict`.
"""

from __future__ import annotations

import datetime
from typing import Any, Generic, TypeVar

import attrs

from powcase._util.derived import derived
from powcase.engine.facts import Facts
from powcase.engine.table import Position
from powcase.law.book import Law
from powcase.law.citing import cited
from powcase.law.will import (
    Refusal,
    Will,
    contested,
    open_fact,
    reading_matters,
    refusal_of,
    wish_for,
    wished,
)
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event
from powcase.model.record import Subject
from powcase.model.verdict import Missing, Reading, Reason, ReasonKind, Verdict

__all__ = [
    "HELD_AS_POW",
    "Judgement",
    "Situation",
    "acting_state",
    "context_of",
    "held_as_civilian",
    "held_as_pow_in",
    "is_civilian",
    "treated_as_pow_in",
]

HELD_AS_POW = frozenset({"presumed_pow", "status_in_doubt", "pow"})
"""The status leaves in which he is held as a prisoner of war (``presumed_pow`` not for a
civilian: see :attr:`Situation.held_as_pow`)."""

_HELD_AS_CIVILIAN = frozenset({"presumed_pow", "civilian_internee"})
"""The status leaves in which a civilian is held as one: no belligerent act alleged."""

TRANSFERRED = "transferred_to_third_power"


def held_as_civilian(subject: Subject, active: frozenset[str]) -> bool:
    """Whether he is held as a civilian: a member of no armed force or group
    (``membership: none``, no ``forces``) whose status no belligerent act alleged has put in
    doubt: undetermined (``presumed_pow``) or found a civilian internee.

    GCIII-5 presumes a prisoner of war only one who committed a belligerent act and whose
    status is in doubt; a civilian in enemy hands is a protected person from capture (GCIV-4).
    """
    return is_civilian(subject) and not _HELD_AS_CIVILIAN.isdisjoint(active)


def held_as_pow_in(subject: Subject, leaves: frozenset[str]) -> bool:
    """Whether the status ``leaves`` (active, or remembered from custody) hold him as a
    prisoner of war: in doubt, found one, or not yet determined, unless he is held as a
    civilian (:func:`held_as_civilian`).
    """
    if "presumed_pow" in leaves and held_as_civilian(subject, leaves):
        return False
    return bool(HELD_AS_POW & leaves)


def treated_as_pow_in(subject: Subject, facts: Facts, leaves: frozenset[str]) -> bool:
    """Whether the status ``leaves`` treat him as a prisoner of war: held as one
    (:func:`held_as_pow_in`), or an unprivileged detainee found not to have distinguished
    himself, who keeps a prisoner's protection (API-44(4)).
    """
    return held_as_pow_in(subject, leaves) or (
        "unprivileged_detainee" in leaves and facts.status_grounds == "no_distinction"
    )


def is_civilian(subject: Subject) -> bool:
    """Whether the record makes him a civilian: a member of no armed force or group
    (``membership: none``) serving in no state's forces.
    """
    return subject.membership == "none" and subject.forces is None


def acting_state(position: Position, facts: Facts, event: str, detaining_power: str) -> str:
    """The state whose act the step ``event`` is, and whose law it is judged under.

    The detaining power; while he is transferred under GCIII-12(2), the power that accepted
    him, which then answers for him, save for a ``recall``: the sender takes him back
    (GCIII-12(3)).
    """
    if event != "recall" and TRANSFERRED in position.active and facts.destination is not None:
        return facts.destination
    return detaining_power


# Not slotted, so that what it derives (functools.cached_property) is a plain attribute read.
@attrs.frozen(slots=False)
class Situation:
    """The case just before a step, as the guards read it."""

    subject: Subject
    detaining_power: str
    assumptions: Assumptions
    position: Position
    facts: Facts
    on: datetime.date
    law: Law = attrs.field(factory=Law.packaged, repr=False)
    """The law the step is judged under: the packaged data and any overlays."""
    last_context: list[ContextEntry] = attrs.field(factory=list, eq=False, repr=False)
    """The last :attr:`context` worked out for the same subject under the same law (see
    :func:`context_of`): a judge hands the same list to every situation it builds."""

    def is_in(self, state: str) -> bool:
        """Whether ``state`` is active."""
        return state in self.position.active

    @derived
    def civilian(self) -> bool:
        """Whether he is held as a civilian (see :func:`held_as_civilian`)."""
        return held_as_civilian(self.subject, self.position.active)

    @derived
    def held_as_pow(self) -> bool:
        """Whether he is in custody and held as a prisoner of war: in doubt, found one, or
        not yet determined, unless he is held as a civilian (:attr:`civilian`).
        """
        return held_as_pow_in(self.subject, self.position.active)

    @derived
    def treated_as_pow(self) -> bool:
        """Whether he is treated as a prisoner of war: held as one, or an unprivileged
        detainee found not to have distinguished himself, who keeps a prisoner of war's
        protection (API-44(4)).
        """
        return treated_as_pow_in(self.subject, self.facts, self.position.active)

    @derived
    def protected_person(self) -> bool:
        """Whether the Fourth Convention protects him (GCIV-4).

        He is protected as a civilian internee; as a civilian whose status is not yet
        determined (:attr:`civilian`), unless he is a national of the detaining power; or as
        an unprivileged detainee neither treated as a prisoner of war nor a national of the
        detaining power. The article's exception for some neutral and co-belligerent
        nationals is not modelled: it turns on diplomatic relations the data does not hold.
        """
        if self.is_in("civilian_internee"):
            return True
        if self.is_in("presumed_pow"):
            # A civilian not yet determined: protected unless he is its own national.
            return self.civilian and self.detaining_power not in self.subject.nationality
        return (
            self.is_in("unprivileged_detainee")
            and not self.treated_as_pow
            and self.detaining_power not in self.subject.nationality
        )

    @derived
    def power_of_origin(self) -> str:
        """The state he depends on, the one a return hands him to (GCIII-118).

        Under ``status_route: own_forces``, his state of nationality where it is a party to
        the conflict adverse to the detaining power that day, else the state whose forces he
        served in (a recruit from a state at peace depends on the army he joined); under
        ``integrated_forces``, the state whose forces he served in. A protected person (a
        civilian internee) depends on his state; so does anyone whose forces are not known.
        """
        subject = self.subject
        home = subject.state_of_nationality
        if subject.forces is None or self.protected_person:
            return home
        if self.assumptions.status_route == "integrated_forces":
            return subject.forces
        if self.law.adverse(home, self.detaining_power, self.on):
            return home
        return subject.forces

    @property
    def origin_rests_on_route(self) -> bool:
        """Whether ``status_route`` decides his power of origin: he served in another state's
        forces, and his own state is a party adverse to the detaining power.
        """
        subject = self.subject
        home = subject.state_of_nationality
        return (
            subject.forces is not None
            and subject.forces != home
            and not self.protected_person
            and self.law.adverse(home, self.detaining_power, self.on)
        )

    def acts(self) -> frozenset[str]:
        """What happened to him that a state may punish: capture, surrender."""
        return self.facts.acts

    @derived
    def context(self) -> int:
        """A number for the circumstances that what a state does to him depends on, beyond
        the state itself: answers are remembered under it (see :func:`context_of`).
        """
        return context_of(self.subject, self.facts, self.on, self.law, self.last_context)


ContextEntry = tuple[
    frozenset[str], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], int, int
]
"""The last circumstances worked out: what he did, the risks on record, the risks lifted,
the period of the law and the number given to them."""


def context_of(
    subject: Subject,
    facts: Facts,
    on: datetime.date,
    law: Law,
    shared: list[ContextEntry],
) -> int:
    """The number ``law`` gives the circumstances of ``subject`` with ``facts`` on ``on``:
    his nationalities and forces, what happened to him, the risks on record and those
    lifted, and the period of the law his day falls in. ``shared`` holds the last one worked
    out for the same subject and law, as ``[(acts, risks, lifted, period, context)]``; most
    steps keep what he did, the risks and the period of the one before.
    """
    period = law.period(on)
    acts, risks, lifted = facts.acts, facts.risks, facts.lifted
    last = shared[0] if shared else None  # one read: another thread may replace it
    # Facts that keep what he did and the risks on record keep these values themselves.
    if (
        last is not None
        and last[0] is acts
        and last[1] is risks
        and last[2] is lifted
        and last[3] == period
    ):
        return last[4]
    context = law.context((subject.nationality, subject.forces, acts, risks, lifted, period))
    shared[:] = [(acts, risks, lifted, period, context)]
    return context


E = TypeVar("E", bound=Event)


class Judgement(Generic[E]):
    """The reasons, open points and assumptions of one step's guards, as they are found.

    ``event`` is the step's event, typed by the guard that reads it. ``acting`` is the state
    whose act the step is (:func:`acting_state`): every provision a reason cites must bind it
    on the step's date (see :meth:`cited`).
    """

    def __init__(self, situation: Situation, event: E) -> None:
        self.situation = situation
        self.event = event
        self.acting = acting_state(
            situation.position, situation.facts, event.name, situation.detaining_power
        )
        self.reasons: list[Reason] = []
        self.missing: list[Missing] = []
        self.assumptions: list[str] = []

    def _add(
        self,
        code: str,
        kind: ReasonKind,
        cites: tuple[str, ...] | list[str],
        params: dict[str, Any],
        reading: Reading | None = None,
    ) -> None:
        cited = self.cited(tuple(cites), reading, params)
        if reading is not None:
            self.rely_on(reading.assumption)
        law = self.situation.law
        pairs = tuple(sorted(params.items()))
        key = ("text", code, pairs)
        try:
            text: str = law.memo[key]
        except KeyError:
            # The same reasons come back for many steps: each sentence is rendered once.
            text = law.remembered(key, lambda: law.render(code, params))
        except TypeError:  # a value that cannot be a key: rendered each time
            text = law.render(code, params)
        self.reasons.append(Reason.given(code, kind, cited, pairs, text, reading=reading))

    def cited(
        self, cites: tuple[str, ...], reading: Reading | None, params: dict[str, Any]
    ) -> tuple[str, ...]:
        """The provisions a reason may cite, of ``cites``, for the acting state on the step's
        date.

        A treaty, declaration or agreement is cited only where it binds the acting state;
        one that does not gives way to its customary rule (the catalogue's ``customary``),
        named in a ``customary_rule_applies`` note, or else is left out and named in a
        ``rule_not_binding`` note.
        Customary rules bind every state; national law is cited by the rules that read it for
        its own state. An interpretive source is cited only beside a provision kept, in a
        reason whose ``reading`` is one of the options adopting it (none listed: no reading);
        one later than the step sets the param ``later_source``.
        """
        law, on = self.situation.law, self.situation.on
        key = ("cited", self.acting, cites, reading, law.binding_period(on))
        kept: tuple[str, ...]
        try:
            kept, later, unbound = law.memo[key]
        except KeyError:
            kept, later, unbound = law.remembered(
                key, lambda: cited(law, self.acting, on, cites, reading)
            )
        for cite, customary in unbound:
            self._not_binding(cite, customary)
        if later:
            params["later_source"] = True
        return kept

    def prohibit(
        self,
        code: str,
        cites: tuple[str, ...] | list[str],
        *,
        reading: Reading | None = None,
        **params: Any,
    ) -> None:
        """The law forbids the step."""
        self._add(code, ReasonKind.PROHIBITION, cites, params, reading)

    def require(
        self,
        code: str,
        cites: tuple[str, ...] | list[str],
        *,
        reading: Reading | None = None,
        **params: Any,
    ) -> None:
        """The step lacks what the law requires for it."""
        self._add(code, ReasonKind.PRECONDITION, cites, params, reading)

    def basis(
        self,
        code: str,
        cites: tuple[str, ...] | list[str],
        *,
        reading: Reading | None = None,
        **params: Any,
    ) -> None:
        """What authorises the step."""
        self._add(code, ReasonKind.BASIS, cites, params, reading)

    def note(self, code: str, cites: tuple[str, ...] | list[str] = (), **params: Any) -> None:
        """Context that changes nothing."""
        self._add(code, ReasonKind.NOTE, cites, params)

    def note_for_others(self, code: str, cites: tuple[str, ...], **params: Any) -> None:
        """Context that changes nothing, citing provisions that bind states other than the
        acting one (the rule checked whom they bind): not filtered by the acting state.
        """
        pairs = tuple(sorted(params.items()))
        text = self.situation.law.render(code, params)
        self.reasons.append(Reason.given(code, ReasonKind.NOTE, cites, pairs, text))

    def open(
        self,
        fact: str,
        *,
        code: str,
        cites: tuple[str, ...],
        reading: Reading | None = None,
        **details: Any,
    ) -> None:
        """A point the record does not settle: the verdict stays undetermined. A reason of
        kind ``open``, ``code``, cites the provision behind it (its params name the ``fact``).
        """
        self.missing.append(Missing(fact, details))
        self._add(code, ReasonKind.OPEN, cites, {"fact": fact, **details}, reading)

    def open_wish(
        self, destination: str, cites: tuple[str, ...], *, reading: Reading | None = None
    ) -> None:
        """His wish about ``destination`` is unverified, contested or conditional: the verdict
        stays open until a ``wish_verified`` that counts settles it. ``cites`` is the rule that
        needs his wish.
        """
        facts, verifiers = self.situation.facts, self.situation.assumptions.wish_verifiers
        if open_fact(facts, destination, verifiers) == "wish_condition":
            self.open(
                "wish_condition",
                code="wish_condition_open",
                cites=cites,
                reading=reading,
                destination=destination,
            )
            return
        self.open(
            "wish",
            code="wish_open",
            cites=cites,
            reading=reading,
            destination=destination,
            contested=contested(facts, verifiers),
        )

    def _verifiers(self) -> str:
        """The ``wish_verifiers`` option his will is read under, relied on where another
        option would read the record's wishes differently.
        """
        situation = self.situation
        if reading_matters(situation.facts):
            self.rely_on("wish_verifiers")
        return situation.assumptions.wish_verifiers

    def will(self, destination: str) -> Will:
        """His will towards ``destination`` (see :func:`~powcase.law.will.wish_for`)."""
        return wish_for(self.situation.facts, destination, self._verifiers())

    def refusal(self, destination: str) -> Refusal:
        """Whether he has verifiably refused a move to ``destination``."""
        return refusal_of(self.situation.facts, destination, self._verifiers())

    def wished(self) -> list[str]:
        """Every destination a wish of his on record names, sorted."""
        return wished(self.situation.facts, self._verifiers())

    def rely_on(self, *keys: str) -> None:
        """Record the assumptions this verdict rests on."""
        self.assumptions.extend(keys)

    def reading(self, assumption: str) -> Reading:
        """The reading the step is judged under for ``assumption``, relied on."""
        self.rely_on(assumption)
        return Reading(assumption, getattr(self.situation.assumptions, assumption))

    def binding(self, provision_id: str, *, customary: str | None = None) -> tuple[str, ...]:
        """The ids under which a treaty rule applies to the acting state on the step's date.

        The rule applies where its treaty binds the state (or the state declared it would
        apply it); otherwise the customary rule ``customary`` (by default the catalogue's for
        it) applies where one exists; else nothing applies and a note says so.
        """
        law = self.situation.law
        if law.binds(self.acting, provision_id, self.situation.on):
            return (provision_id,)
        customary = customary or law.provisions[provision_id].customary
        self._not_binding(provision_id, customary)
        return (customary,) if customary is not None else ()

    def _not_binding(self, provision_id: str, customary: str | None) -> None:
        """Note that ``provision_id`` did not bind the acting state: the customary rule
        applies instead, or (none) the rule is not applied.
        """
        on = self.situation.on.isoformat()
        if customary is not None:
            self.note(
                "customary_rule_applies",
                (customary,),
                state=self.acting,
                provision=provision_id,
                date=on,
            )
        else:
            self.note("rule_not_binding", (), state=self.acting, provision=provision_id, date=on)

    def binds(self, provision_id: str) -> bool:
        """Whether ``provision_id`` binds the acting state on the step's date (no note)."""
        return self.situation.law.binds(self.acting, provision_id, self.situation.on)

    def note_reservations(self, provision_id: str) -> None:
        """A note for each reservation of the detaining power to ``provision_id`` in force on
        the step's date: it changes how the article binds it, not the verdict.
        """
        situation = self.situation
        holder = situation.detaining_power
        for reservation in situation.law.reservations(holder, provision_id, situation.on):
            self.note(
                "reservation_in_force",
                (provision_id,),
                state=holder,
                summary=reservation.summary,
            )

    def hostilities_over(self) -> bool:
        """Whether active hostilities have ended between the acting state and his power of
        origin (GCIII-118): an end between other parties leaves them at war.
        """
        situation = self.situation
        ended = situation.facts.hostilities_ended_between(self.acting, situation.power_of_origin)
        return ended is not None

    def verdict(self) -> Verdict:
        """The verdict the reasons and open points add up to."""
        return Verdict.of(self.event, self.reasons, self.missing, self.assumptions)
