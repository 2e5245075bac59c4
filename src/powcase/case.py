"""Case: a record replayed on the legal path, every step judged.

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

import bisect
import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from powcase._util import arguments
from powcase._util.dates import as_of_problem
from powcase._util.escape import code_span, markdown_text
from powcase._util.readable import readable
from powcase._util.redact import withheld
from powcase.engine.facts import Facts
from powcase.engine.replay import Step, Timeline
from powcase.engine.table import Position, fire
from powcase.errors import InvalidInput
from powcase.law.book import Law, LawLike, law_of
from powcase.law.docket import Obligation
from powcase.law.findings import Findings
from powcase.law.flags import Flag
from powcase.law.judging import LawJudge
from powcase.law.moments import Moment
from powcase.law.situation import Situation
from powcase.law.violations import Violation
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event, MachineEvent, event_from_dict
from powcase.model.mode import Mode, mode_of
from powcase.model.record import Record, Source, Subject
from powcase.model.verdict import Outcome, Verdict
from powcase.options import Option, options

__all__ = ["Case", "Mode", "Moment", "Step"]


_DEFAULTS = Assumptions()
"""Every key at its default: one frozen value shared by every case that sets none (checking
the options of a new one costs more than some replays)."""


def _assumptions_of(value: Assumptions | Mapping[str, Any] | None) -> Assumptions:
    if value is None:
        return _DEFAULTS
    if isinstance(value, Assumptions):
        return value
    if isinstance(value, Mapping):
        return Assumptions.from_dict(value)
    raise InvalidInput.single(
        "assumptions",
        f"got {type(value).__name__}",
        expected="Assumptions or a mapping of keys to options",
    )


def _check_record(instance: Case, attribute: attrs.Attribute[Record], record: Record) -> None:
    if not isinstance(record, Record):
        raise InvalidInput.single("record", f"expected a Record, got {type(record).__name__}")


@readable
@attrs.frozen(repr=False)
class Case:
    """A record replayed under a reading of the law, with every step and its verdict.

    ``Case(record)`` replays ``record``; :meth:`open` starts from an empty record and
    :meth:`apply` adds one event. ``timeline`` is derived from the record: every step with
    its verdict, and where the case stands. Flags, the docket and violations are derived from
    the timeline on first use and kept.
    """

    record: Record = attrs.field(validator=_check_record)
    assumptions: Assumptions = attrs.field(default=_DEFAULTS, converter=_assumptions_of)
    mode: Mode = attrs.field(default=Mode.NORMATIVE, converter=mode_of)
    law: Law = attrs.field(factory=Law.packaged, converter=law_of, repr=False)
    """The law it is judged under: the packaged data with any overlays (a :class:`Law`, or
    overlay paths to apply to the packaged law)."""
    timeline: Timeline = attrs.field(init=False, repr=False, eq=False)
    _findings: Findings = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        judge = self._judge()
        timeline = Timeline.replayed(
            self.record.events, judge, detaining_power=self.record.detaining_power, mode=self.mode
        )
        object.__setattr__(self, "timeline", timeline)
        object.__setattr__(self, "_findings", Findings(timeline, judge))

    def __reduce__(self) -> tuple[Any, ...]:
        # What a case is made of; its timeline and findings are derived again on loading.
        return (Case, (self.record, self.assumptions, self.mode, self.law))

    def _judge(self) -> LawJudge:
        return LawJudge(
            self.record.subject, self.record.detaining_power, self.assumptions, self.law
        )

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
        law: LawLike = None,
    ) -> Case:
        """A case with an empty record."""
        arguments.instance("subject", subject, Subject, "a Subject")
        arguments.instance("sources", sources, Iterable, "Source values, in a list")
        record = Record(subject=subject, detaining_power=detaining_power, sources=sources)
        return cls.replay(record, assumptions, mode, law=law)

    @classmethod
    def replay(
        cls,
        record: Record,
        assumptions: Assumptions | Mapping[str, Any] | None = None,
        mode: Mode | str = Mode.NORMATIVE,
        *,
        law: LawLike = None,
    ) -> Case:
        """The case that ``record`` makes under ``assumptions`` (defaults when None) and
        ``law`` (the packaged law when None; overlay paths apply to it).

        Every event is replayed as a scenario run does: a refused step is recorded with its
        verdict and not applied (normative mode), a step the graph does not allow is recorded
        as such.
        """
        if not isinstance(record, Record):
            raise InvalidInput.single("record", f"expected a Record, got {type(record).__name__}")
        return cls(record, assumptions, mode, law)

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        assumptions: Mapping[str, Any] | None = None,
        mode: Mode | str = Mode.NORMATIVE,
        law: LawLike = None,
    ) -> Case:
        """Replay a record given in its plain-dict (scenario) form."""
        if assumptions is not None:
            arguments.instance("assumptions", assumptions, Mapping, "a mapping, or None")
        reading = Assumptions.from_dict(assumptions or {})
        return cls.replay(Record.from_dict(data), reading, mode, law=law)

    # --- reading

    @property
    def steps(self) -> Sequence[Step]:
        """Every recorded event with its verdict, in record order."""
        return self.timeline.steps

    @property
    def position(self) -> Position:
        """Where the case stands on the legal path."""
        return self.timeline.position

    @property
    def facts(self) -> Facts:
        """What the record has established so far."""
        return self.timeline.facts

    @property
    def state(self) -> list[str]:
        """The configuration: the top-level state and, in custody, one leaf per region."""
        return list(self.position.configuration)

    @property
    def last_date(self) -> datetime.date | None:
        """The date of the last event (None before any): the default as-of date of flags and
        the docket, and the date a plain hypothetical event is judged on.
        """
        return self.timeline.last_date

    @property
    def finished(self) -> bool:
        """Whether the case has reached a final state."""
        return self.position.final

    def situation(self, on: datetime.date) -> Situation:
        """The case as the guards see it, judged on ``on``."""
        on = arguments.day("on", on)
        return self._findings.judge.situation(self.position, self.facts, on)

    # --- findings

    @property
    def flags(self) -> tuple[Flag, ...]:
        """Every flag entry, with the dates it was raised and cleared, as of the last event."""
        return self._findings.flags()

    def active_flags(self, as_of: datetime.date | None = None) -> tuple[Flag, ...]:
        """The flags standing on ``as_of`` (default: the last event's date), gravest first."""
        return self._findings.active_flags(arguments.optional_day("as_of", as_of))

    def flags_as_of(self, as_of: datetime.date | None = None) -> tuple[Flag, ...]:
        """Every flag entry as of ``as_of`` (default: the last event's date)."""
        return self._findings.flags(arguments.optional_day("as_of", as_of))

    def docket(self, as_of: datetime.date | None = None) -> tuple[Obligation, ...]:
        """The detaining power's obligations and their status on ``as_of``."""
        return self._findings.docket(arguments.optional_day("as_of", as_of))

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Steps refused on a prohibition that happened anyway, and incidents (or a death at a
        guard's hands during an escape) that are breaches.
        """
        return tuple(v for v in self._findings.violations() if not v.possible)

    @property
    def possible_violations(self) -> tuple[Violation, ...]:
        """Applied steps refused only on preconditions, or undetermined (descriptive mode)."""
        return tuple(v for v in self._findings.violations() if v.possible)

    def options(self, as_of: datetime.date | None = None) -> tuple[Option, ...]:
        """What can happen next: every machine event possible from the current state, with
        its verdict; a move once per state the record or the parties table names.

        With ``as_of`` before the last event, what could happen next on that day: the
        options of the case as it stood then (:meth:`until`).
        """
        on = arguments.optional_day("as_of", as_of)
        return options(self if on is None else self.until(on), on)

    # --- time travel

    def happened_by(self, as_of: datetime.date) -> int:
        """How many of the record's events had happened by ``as_of`` (those dated on or
        before it); the others had not happened yet.
        """
        on = arguments.day("as_of", as_of)
        dates = [event.date for event in self.record.events]
        return bisect.bisect_right(dates, on)

    def not_yet(self, as_of: datetime.date) -> tuple[int, ...]:
        """The indexes of the events dated after ``as_of``: not yet happened on that day."""
        return tuple(range(self.happened_by(as_of), len(self.record.events)))

    def until(self, as_of: datetime.date) -> Case:
        """The case as it stood on ``as_of``: the record's events and claims dated on or
        before that day, replayed under the same reading (this case itself when none is
        later). Its state, flags, docket, violations and options are those of that day; the
        later events had not happened yet, and are neither judged nor counted.
        """
        on = arguments.day("as_of", as_of)
        kept = self.happened_by(on)
        claims = tuple(c for c in self.record.claims if c.date <= on)
        if kept == len(self.record.events) and len(claims) == len(self.record.claims):
            return self
        record = attrs.evolve(self.record, events=tuple(self.record.events[:kept]), claims=claims)
        return Case(record, self.assumptions, self.mode, self.law)

    def moments(self, as_of: datetime.date | None = None) -> Sequence[Moment]:
        """Every step up to ``as_of`` (all when None) with the case just before and after it.

        Flags, the docket and violations read the record through these.
        """
        return self._findings.moments(arguments.optional_day("as_of", as_of))

    def verdict(self, event: Event | Mapping[str, Any]) -> Verdict:
        """What if ``event`` happened now? The case does not change.

        ``event`` may be an event, or its plain-dict form; a plain event without a date is
        judged at the date of the last event (never today's date).
        """
        event = self._coerce(event)
        late = as_of_problem(event.date, self.last_date)
        if late is not None:
            raise InvalidInput.single(
                "date",
                late,
                expected="a date on or after the last event's: a case is judged as it stands",
            )
        if not isinstance(event, MachineEvent):
            return Verdict(event, Outcome.ALLOWED)
        if fire(self.position, event.name, event) is None:
            return self._findings.judge.not_possible(event, tuple(self.state))
        return self._findings.judge(self.position, self.facts, event)

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
        return self._appended(event, raise_refusal=on_refusal == "raise")

    def _coerce(self, event: Event | Mapping[str, Any]) -> Event:
        try:
            return self._event_of(event)
        except InvalidInput as error:
            raise withheld(error, self.record.subject.name) from None

    def _event_of(self, event: Event | Mapping[str, Any]) -> Event:
        if isinstance(event, Event):
            return event
        if isinstance(event, Mapping):
            if "date" not in event and self.last_date is not None:
                event = {**event, "date": self.last_date}
            return event_from_dict(event)
        raise InvalidInput.single("event", f"expected an event, got {type(event).__name__}")

    def _appended(self, event: Event, *, raise_refusal: bool) -> Case:
        """The case with ``event`` added to the record and the timeline, nothing replayed."""
        # The event is checked before it is judged, and recorded only once judged: a refusal
        # leaves the record's shared events as they were.
        self.record.check_next(event)
        timeline = self.timeline.advanced(
            event,
            self._findings.judge,
            detaining_power=self.record.detaining_power,
            mode=self.mode,
            raise_refusal=raise_refusal,
        )
        record = self.record.with_event(event, checked=True)
        case: Case = object.__new__(Case)
        for name, value in (
            ("record", record),
            ("assumptions", self.assumptions),
            ("mode", self.mode),
            ("law", self.law),
            ("timeline", timeline),
            ("_findings", Findings(timeline, self._findings.judge)),
        ):
            object.__setattr__(case, name, value)
        return case

    def _repr_markdown_(self) -> str:
        """The case as Markdown, for Jupyter: state, steps, standing flags, overdue duties."""
        lines = [
            (
                f"**Case {code_span(self.record.subject.id)}**, held by "
                f"{markdown_text(self.record.detaining_power)}, "
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

    def _summary(self) -> str:
        # The subject's id only: his name is personal data.
        count = len(self.steps)
        return (
            f"{self.record.subject.id}, held by {self.record.detaining_power}, {self.mode}: "
            f"{count} step{'' if count == 1 else 's'}, now {', '.join(self.state)}"
        )

    def _details(self) -> list[str]:
        # A breach found in a step is said with it, as in every view of a run.
        found = {v.index: ", a possible violation" for v in self.possible_violations}
        found |= {v.index: ", a violation" for v in self.violations}
        lines = [step._summary() + found.get(step.index, "") for step in self.steps]
        flags = self.active_flags()
        if flags:
            lines.append("flags: " + ", ".join(f"{f.code} ({f.severity})" for f in flags))
        return lines
