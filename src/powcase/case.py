"""Case: a record replayed on the legal path, every step judged (LEGAL_MODEL.md §1).

A case is immutable. :meth:`Case.apply` returns a new case with one more event; replaying a
case's record gives the same case, because state, verdicts and facts are derived from the
record and nothing else.

>>> from powcase import Capture, Repatriate, Subject
>>> case = Case.open(Subject(id="ri", nationality=["KP"], forces="KP"), detaining_power="UA")
>>> case = case.apply(Capture(date="2025-01-09", wounded=True))
>>> case.state
['in_custody', 'presumed_pow', 'no_request', 'none']
>>> case.verdict({"event": "repatriate", "to": "KP"}).outcome
<Outcome.REFUSED: 'refused'>
>>> case.apply(Repatriate(date="2025-02-01", to="KP"))
Traceback (most recent call last):
...
powcase.errors.StepRefused: repatriate is refused: ...
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from powcase.engine.facts import Facts
from powcase.engine.table import Position, fire, initial_position
from powcase.errors import InvalidInput, StepNotPossible, StepRefused
from powcase.law.docket import Obligation, docket
from powcase.law.flags import Flag, derive_flags, standing
from powcase.law.guards import GUARDS, judge
from powcase.law.situation import Situation
from powcase.law.violations import Violation, find_violations
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event, MachineEvent, event_from_dict
from powcase.model.record import Record, Source, Subject
from powcase.model.verdict import Outcome, Reason, ReasonKind, Verdict

if TYPE_CHECKING:
    from powcase.options import Option

__all__ = ["Case", "Mode", "Step"]


class Mode(enum.StrEnum):
    """How steps whose verdict is not ``allowed`` are treated (LEGAL_MODEL.md §1)."""

    NORMATIVE = "normative"
    """Such a step is not applied: what may lawfully happen."""
    DESCRIPTIVE = "descriptive"
    """Every step the graph allows is applied: what did happen, with its violations."""


@attrs.frozen
class Step:
    """One recorded event with its verdict: whether it was applied, and the state before and
    after it. ``cites`` are the transition's own provisions plus those of its reasons.
    """

    index: int
    event: Event
    verdict: Verdict
    applied: bool
    before: tuple[str, ...]
    after: tuple[str, ...]
    position: Position = attrs.field(repr=False)
    """Where the case stood just before the step."""
    facts: Facts = attrs.field(repr=False)
    """What the record had established just before the step."""

    @property
    def outcome(self) -> Outcome:
        """The verdict's outcome."""
        return self.verdict.outcome

    @property
    def cites(self) -> tuple[str, ...]:
        """The transition's provisions, then every provision its reasons cite."""
        guard = GUARDS.get(self.event.name)
        not_in_graph = any(r.kind is ReasonKind.GRAPH for r in self.verdict.reasons)
        own = guard.cites if guard is not None and not not_in_graph else ()
        return tuple(dict.fromkeys((*own, *self.verdict.cites)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract (that of the run output's steps)."""
        from powcase.scenario.result import StepResult  # noqa: PLC0415 - it imports this one

        return StepResult.of(self).to_dict()


@attrs.frozen
class Moment:
    """A step with the case as it stood just before and just after it."""

    step: Step
    before: Situation
    after: Situation


def _not_possible(event: Event, state: tuple[str, ...]) -> Verdict:
    reason = Reason(
        "not_possible_from_state",
        ReasonKind.GRAPH,
        (),
        {"event": event.name, "state": ", ".join(state)},
    )
    return Verdict(event, Outcome.REFUSED, (reason,))


def _assumptions_of(value: Assumptions | Mapping[str, Any] | None) -> Assumptions:
    if value is None:
        return Assumptions()
    if isinstance(value, Assumptions):
        return value
    if isinstance(value, Mapping):
        return Assumptions.from_dict(value)
    raise InvalidInput.single(
        "assumptions",
        f"got {type(value).__name__}",
        expected="Assumptions or a mapping of keys to options",
    )


def _check_record(record: object) -> None:
    if not isinstance(record, Record):
        raise InvalidInput.single("record", f"expected a Record, got {type(record).__name__}")


def _mode_of(mode: Mode | str) -> Mode:
    try:
        return Mode(mode)
    except ValueError:
        raise InvalidInput.single(
            "mode", f"got {mode!r}", expected="'normative' or 'descriptive'"
        ) from None


@attrs.frozen(repr=False, init=False)
class Case:
    """A record replayed under a reading of the law, with every step and its verdict.

    Build one with :meth:`open` (an empty record) or :meth:`replay` (an existing record).
    ``position`` and ``facts`` are derived: the state on the legal path and what the record
    has established so far.
    """

    record: Record = attrs.field(validator=lambda _c, _a, v: _check_record(v))
    assumptions: Assumptions = attrs.field(factory=Assumptions, converter=_assumptions_of)
    mode: Mode = attrs.field(default=Mode.NORMATIVE, converter=_mode_of)
    steps: tuple[Step, ...] = ()
    position: Position = attrs.field(factory=initial_position)
    facts: Facts = attrs.field(factory=Facts)

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Every event has its step: a case is built by replaying its record, never by hand.
        raise InvalidInput.single(
            "Case",
            "a case is built by replaying its record",
            expected="Case.replay(record) or Case.open(subject, detaining_power)",
        )

    @classmethod
    def _new(cls, **fields: Any) -> Case:
        case = object.__new__(cls)
        case.__attrs_init__(**fields)
        return case

    def _evolve(self, **changes: Any) -> Case:
        fields = {a.name: getattr(self, a.name) for a in attrs.fields(Case)}
        return Case._new(**{**fields, **changes})

    # --- building

    @classmethod
    def open(
        cls,
        subject: Subject,
        detaining_power: str,
        *,
        sources: Iterable[Source] = (),
        assumptions: Assumptions | Mapping[str, Any] | None = None,
        mode: Mode | str = Mode.NORMATIVE,
    ) -> Case:
        """A case with an empty record."""
        record = Record(subject=subject, detaining_power=detaining_power, sources=sources)
        return cls.replay(record, assumptions, mode)

    @classmethod
    def replay(
        cls,
        record: Record,
        assumptions: Assumptions | Mapping[str, Any] | None = None,
        mode: Mode | str = Mode.NORMATIVE,
    ) -> Case:
        """The case that ``record`` makes under ``assumptions`` (defaults when None).

        Every event is replayed as a scenario run does: a refused step is recorded with its
        verdict and not applied (normative mode), a step the graph does not allow is recorded
        as such.
        """
        if not isinstance(record, Record):
            raise InvalidInput.single("record", f"expected a Record, got {type(record).__name__}")
        # The record is already checked: it is the case's from the start, and the steps
        # catch up with it one event at a time.
        case = cls._new(record=record, assumptions=assumptions, mode=mode)
        for event in record.events:
            case = case._advance(event, record, raise_refusal=False)
        return case

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        assumptions: Mapping[str, Any] | None = None,
        mode: Mode | str = Mode.NORMATIVE,
    ) -> Case:
        """Replay a record given in its plain-dict (scenario) form."""
        return cls.replay(Record.from_dict(data), Assumptions.from_dict(assumptions or {}), mode)

    # --- reading

    @property
    def state(self) -> list[str]:
        """The configuration: the top-level state and, in custody, one leaf per region."""
        return list(self.position.configuration)

    @property
    def last_date(self) -> datetime.date | None:
        """The date of the last event (None before any): the default as-of date of flags and
        the docket, and the date a plain hypothetical event is judged on.
        """
        return self.record.events[-1].date if self.record.events else None

    @property
    def finished(self) -> bool:
        """Whether the case has reached a final state."""
        return self.position.final

    def situation(self, on: datetime.date) -> Situation:
        """The case as the guards see it, judged on ``on``."""
        return Situation(
            self.record.subject,
            self.record.detaining_power,
            self.assumptions,
            self.position,
            self.facts,
            on,
        )

    # --- findings

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every flag entry, with the dates it was raised and cleared, as of the last event."""
        return derive_flags(self)

    def active_flags(self, as_of: datetime.date | None = None) -> tuple[Flag, ...]:
        """The flags standing on ``as_of`` (default: the last event's date), gravest first."""
        day = as_of or self.last_date
        if day is None:
            return ()
        return standing(derive_flags(self, day), day)

    def docket(self, as_of: datetime.date | None = None) -> tuple[Obligation, ...]:
        """The detaining power's obligations and their status on ``as_of``."""
        return docket(self, as_of)

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Steps refused on a prohibition that happened anyway, and incidents that are
        breaches.
        """
        return tuple(v for v in find_violations(self) if not v.possible)

    @property
    def possible_violations(self) -> tuple[Violation, ...]:
        """Applied steps refused only on preconditions, or undetermined (descriptive mode)."""
        return tuple(v for v in find_violations(self) if v.possible)

    def options(self, as_of: datetime.date | None = None) -> tuple[Option, ...]:
        """What can happen next: every machine event possible from the current state, with
        its verdict; a move once per state the record or the parties table names.
        """
        from powcase.options import options  # noqa: PLC0415 - options imports this module

        return options(self, as_of)

    def moments(self, as_of: datetime.date | None = None) -> list[Moment]:
        """Every step up to ``as_of`` (all when None) with the case just before and after it.

        Flags, the docket and violations read the record through these.
        """
        moments = []
        for step in self.steps:
            if as_of is not None and step.event.date > as_of:
                break
            following = step.index + 1
            if following < len(self.steps):
                position, facts = self.steps[following].position, self.steps[following].facts
            else:
                position, facts = self.position, self.facts
            on = step.event.date
            subject, holder = self.record.subject, self.record.detaining_power
            before = Situation(subject, holder, self.assumptions, step.position, step.facts, on)
            after = Situation(subject, holder, self.assumptions, position, facts, on)
            moments.append(Moment(step, before, after))
        return moments

    def verdict(self, event: Event | Mapping[str, Any]) -> Verdict:
        """What if ``event`` happened now? The case does not change.

        ``event`` may be an event, or its plain-dict form; a plain event without a date is
        judged at the date of the last event (never today's date).
        """
        event = self._coerce(event)
        if self.last_date is not None and event.date < self.last_date:
            raise InvalidInput.single(
                "date",
                f"{event.date} is before the last event ({self.last_date})",
                expected="a date on or after the last event's: a case is judged as it stands",
            )
        if not isinstance(event, MachineEvent):
            return Verdict(event, Outcome.ALLOWED)
        if fire(self.position, event.name, event) is None:
            return _not_possible(event, tuple(self.state))
        return judge(self.situation(event.date), event)

    # --- changing

    def apply(self, event: Event | Mapping[str, Any], *, on_refusal: str = "raise") -> Case:
        """A new case with ``event`` recorded and, if its verdict allows, applied.

        In normative mode a refused or undetermined step raises
        :class:`~powcase.errors.StepRefused`; with ``on_refusal="record"`` it is recorded
        with its verdict and not applied. A step the legal path does not have from the
        current state raises :class:`~powcase.errors.StepNotPossible` (or, with
        ``on_refusal="record"``, is recorded as not possible). In descriptive mode every
        step the graph allows is applied, whatever its verdict.
        """
        if on_refusal not in ("raise", "record"):
            raise InvalidInput.single(
                "on_refusal", f"got {on_refusal!r}", expected="'raise' or 'record'"
            )
        event = self._coerce(event)
        record = self.record.with_event(event)  # checks date order and cited sources
        return self._advance(event, record, raise_refusal=on_refusal == "raise")

    def _coerce(self, event: Event | Mapping[str, Any]) -> Event:
        try:
            return self._event_of(event)
        except InvalidInput as error:
            raise error.redacted(self.record.subject.name) from None

    def _event_of(self, event: Event | Mapping[str, Any]) -> Event:
        if isinstance(event, Event):
            return event
        if isinstance(event, Mapping):
            if "date" not in event and self.last_date is not None:
                event = {**event, "date": self.last_date}
            return event_from_dict(event)
        raise InvalidInput.single("event", f"expected an event, got {type(event).__name__}")

    def _advance(self, event: Event, record: Record, *, raise_refusal: bool) -> Case:
        """The case after ``event``; ``record`` is the record with the event added."""
        index = len(self.steps)
        before = tuple(self.state)
        now = (self.position, self.facts)
        if not isinstance(event, MachineEvent):
            step = Step(index, event, Verdict(event, Outcome.ALLOWED), True, before, before, *now)
            return self._with(step, self.position, event, record)
        target = fire(self.position, event.name, event)
        if target is None:
            if raise_refusal:
                raise StepNotPossible(event.name, before)
            step = Step(index, event, _not_possible(event, before), False, before, before, *now)
            return self._with(step, self.position, None, record)
        verdict = judge(self.situation(event.date), event)
        if verdict.outcome is not Outcome.ALLOWED and self.mode is Mode.NORMATIVE:
            if raise_refusal:
                raise StepRefused(verdict)
            step = Step(index, event, verdict, False, before, before, *now)
            return self._with(step, self.position, None, record)
        step = Step(index, event, verdict, True, before, target.configuration, *now)
        return self._with(step, target, event, record)

    def _with(
        self, step: Step, position: Position, absorbed: Event | None, record: Record
    ) -> Case:
        facts = self.facts
        if absorbed is not None:
            facts = facts.absorb(absorbed, step.index, detaining_power=self.record.detaining_power)
        return self._evolve(
            record=record, steps=(*self.steps, step), position=position, facts=facts
        )

    def diagram(self, format: str = "mermaid") -> str | bytes:
        """The chart with his path on it: states passed shaded, the current configuration
        outlined, refused steps noted. ``mermaid`` or ``dot`` text, ``svg`` or ``png`` bytes
        (the last three need Graphviz and pydot).
        """
        from powcase.render.diagram import Trace, diagram  # noqa: PLC0415

        trace = Trace.of_steps([s.to_dict() for s in self.steps], self.state)
        return diagram(trace, format)

    def _repr_markdown_(self) -> str:
        """The case as Markdown, for Jupyter: state, steps, standing flags, overdue duties."""
        lines = [
            (
                f"**Case `{self.record.subject.id}`**, held by {self.record.detaining_power}, "
                f"{self.mode} mode. State: `{', '.join(self.state)}`"
            ),
            "",
            "| # | date | event | outcome | applied |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {s.index} | {s.event.date} | {s.event.name} | "
            f"{s.outcome if s.event.event_kind == 'machine' else 'fact'} | "
            f"{'yes' if s.applied else 'no'} |"
            for s in self.steps
        ]
        flags = self.active_flags()
        if flags:
            lines += ["", "Flags: " + ", ".join(f"**{f.code}** ({f.severity})" for f in flags)]
        overdue = [o for o in self.docket() if o.status == "overdue"]
        if overdue:
            lines += [
                "",
                "Overdue: " + ", ".join(f"{o.code} ({o.provision}, due {o.due})" for o in overdue),
            ]
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        return (
            f"<Case {self.record.subject.id!r} {self.mode} state={self.state} "
            f"steps={len(self.steps)}>"
        )
