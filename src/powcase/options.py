"""What can happen next: every machine event possible from the current state, with its verdict.

For a move to a state there is one option per state that the record names (his nationalities,
his forces, states its events name) or the parties table describes. For an event whose target
the event chooses (``determine_status``, ``decide_protection``, ``charge``) there is one option
per choice.

Some options make no sense for him, and the command hides them unless asked (``--all``); the
rule is :func:`hidden_because`, and only here. It never hides a route the law may leave open:
whatever the reading of the law, the states he may be returned to are his power of origin (his
state of nationality or the state whose forces he served in, as ``status_route`` reads it),
his other states of nationality, and the allies of each (the real counterpart of an exchange).
Hidden are: events that are no one's decision (``die``); a return (``repatriate``,
``repatriate_medically``, ``exchange``) to any other state; a move away to a third state
(``release_to_third_state``, ``transfer_to_power``, ``intern_in_neutral_state``,
``hand_over_to_neutral_custody``) that is the detaining power itself, or his own state where
it is a party to the conflict adverse to the detaining power (a state of his nationality at
peace with it is a lawful way out, and is shown); and protection asked, as of a third state, of
the detaining power. Each is still judged, and kept in the JSON output, marked ``hidden``.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from typing import Any, Protocol

import attrs

from powcase._util.dates import evaluated_on
from powcase._util.i18n import N_
from powcase._util.readable import phrase, readable
from powcase.engine.table import Position, events_from
from powcase.errors import InvalidInput
from powcase.law.book import Law
from powcase.model.events import EVENT_TYPES, Event, Move
from powcase.model.fields import field_specs
from powcase.model.record import Record
from powcase.model.verdict import Verdict


class Case(Protocol):
    """What options read of a case (the case, one layer up, is what passes itself here)."""

    @property
    def record(self) -> Record: ...

    @property
    def position(self) -> Position: ...

    @property
    def law(self) -> Law: ...

    @property
    def last_date(self) -> datetime.date | None: ...

    def verdict(self, event: Event) -> Verdict:
        """The verdict on a hypothetical ``event``."""
        ...


__all__ = ["NOT_DECISIONS", "Option", "hidden_because", "options"]

_BASE = frozenset({"date", "source", "note"})
_STATE_KINDS = frozenset({"state", "states", "state_or"})


NOT_DECISIONS = frozenset({"die"})
"""Events possible from most states that are no one's decision: hidden unless asked."""
_RETURNS = frozenset({"repatriate", "repatriate_medically", "exchange"})
"""Moves that return him to his own side."""
_AWAY = frozenset(
    {
        "release_to_third_state",
        "transfer_to_power",
        "intern_in_neutral_state",
        "hand_over_to_neutral_custody",
    }
)
"""Moves that send him to a state other than his own."""


def _returns_to(record: Record, law: Law, on: datetime.date) -> set[str]:
    """The states a return may hand him to under any reading: his power of origin under every
    option of ``status_route`` (his state of nationality, or the state whose forces he served
    in; a civilian's is his state), his other states of nationality, and their allies that day.
    """
    subject = record.subject
    his = {*subject.nationality, *((subject.forces,) if subject.forces else ())}
    return his | {ally for state in his for ally in law.allies(state, on)}


def hidden_because(event: Event, record: Record, law: Law | None = None) -> str | None:
    """Why the option of ``event`` makes no sense for the subject of ``record`` and is hidden
    unless asked for, in words; None when it is shown. ``law`` (default: the packaged law)
    says who is allied with his states and who is a party to the conflict on the event's date.

    The one rule of hiding (see the module's description): a fact about the step and about
    him, never what the law makes of it, and never a route the law may leave open.
    """
    law = law if law is not None else Law.packaged()
    name = event.name
    if name in NOT_DECISIONS:
        return N_("no one's decision")
    holder = record.detaining_power
    subject = record.subject
    destination = event.destination if isinstance(event, Move) else None
    if (
        destination is not None
        and name in _RETURNS
        and destination not in _returns_to(record, law, event.date)
    ):
        return N_("a return to a state that is neither his nor his state's ally")
    if destination is not None and name in _AWAY:
        if destination == holder:
            return N_("a move to a third state that is the detaining power itself")
        his = {*subject.nationality, *((subject.forces,) if subject.forces else ())}
        if destination in his and law.adverse(destination, holder, event.date):
            return N_("a move to a third state that is his own")
    state = getattr(event, "state", None)
    if (
        name == "request_protection"
        and getattr(event, "kind", None) == "third_state"
        and state == holder
    ):
        return N_("protection asked of the detaining power as a third state")
    return None


@readable
@attrs.frozen
class Option:
    """One possible next step and its verdict, and why it is hidden unless asked for (None:
    shown; see :func:`hidden_because`).
    """

    event: Event
    verdict: Verdict
    hidden: str | None = None

    def _summary(self) -> str:
        hidden = f" (hidden: {self.hidden})" if self.hidden else ""
        return f"{self.verdict.outcome}: {phrase(self.event.name, self.event.fields())}{hidden}"

    def _details(self) -> list[str]:
        return self.verdict._details()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the event's name and fields, the outcome, reasons and open points,
        and ``hidden``: why the command hides it unless asked (None when shown).
        """
        return {
            "event": self.event.name,
            "fields": self.event.fields(),
            **{k: v for k, v in self.verdict.to_dict().items() if k != "event"},
            "hidden": self.hidden,
        }


def named_states(case: Case) -> list[str]:
    """The states the record names or the parties table describes, the detaining power
    excepted: the destinations a move may be judged towards.
    """
    record = case.record
    named = [*record.subject.nationality]
    if record.subject.forces:
        named.append(record.subject.forces)
    for event in record.events:
        plain = event.fields()
        for key, spec in field_specs(type(event)).items():
            value = plain.get(key)
            if spec.kind in _STATE_KINDS and value:
                named += value if isinstance(value, list) else [value]
    named += list(case.law.parties)
    states = [s for s in dict.fromkeys(named) if s != record.detaining_power]
    return [s for s in states if len(s) == 2 and s.isupper()]


def _choices(name: str, states: list[str]) -> Iterator[dict[str, Any]]:
    """Every way of filling the event's required fields (optional ones keep their default)."""
    specs = {k: v for k, v in field_specs(EVENT_TYPES[name]).items() if k not in _BASE}
    per_field: list[list[tuple[str, Any]]] = []
    for field, spec in specs.items():
        if spec.kind == "state" and (spec.required or field == "to"):
            per_field.append([(field, s) for s in states])
        elif spec.required and spec.kind == "choice":
            per_field.append([(field, o) for o in spec.options])
        elif spec.required and spec.kind == "bool":
            per_field.append([(field, True), (field, False)])
    for combination in itertools.product(*per_field):
        yield dict(combination)
    if name == "request_protection":
        # A request to a third state names the state asked.
        yield from ({"kind": "third_state", "state": s} for s in states)


def options(case: Case, as_of: datetime.date | None = None) -> tuple[Option, ...]:
    """Every machine event possible from the case's current state, judged on ``as_of``
    (default: the last event's date).
    """
    on = evaluated_on(as_of, case.last_date)
    if on is None:
        raise InvalidInput.single(
            "as_of", "is needed to judge options of an empty record", expected="an ISO date"
        )
    states = named_states(case)
    found = []
    for name in events_from(case.position):
        for fields in _choices(name, states):
            if (
                name == "request_protection"
                and fields.get("kind") == "third_state"
                and ("state" not in fields)
            ):
                continue
            event = EVENT_TYPES[name](date=on, **fields)
            verdict = case.verdict(event)
            if not any(r.kind == "graph" for r in verdict.reasons):
                found.append(Option(event, verdict, hidden_because(event, case.record, case.law)))
    return tuple(found)
