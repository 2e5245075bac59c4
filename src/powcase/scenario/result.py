"""Run results: plain, typed values with the keys of the output contract.

A result holds no live case, only what a run found, so ``RunResult.from_dict`` rebuilds it
exactly from its JSON form. The subject's name is kept for ``--reveal-names`` and written only
when asked.

"Exact" means: ``RunResult.from_dict(r.to_dict(reveal_names=True)) == r`` (the whole result,
name included), and ``RunResult.from_dict(r.to_dict()) == r.redacted()`` (the JSON shown
without names is the whole of the redacted result: no name, and the name's words withheld from
the free text). Equality leaves out the replayed ``case``, which no JSON form carries.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.escape import code_span, markdown_text
from powcase._util.i18n import SOURCE_LANGUAGE, gettext_for
from powcase._util.readable import cited, event_words, phrase, readable, words
from powcase._util.redact import Names, checked_flag, redact
from powcase.engine.replay import STEP_KEYS
from powcase.errors import InvalidInput
from powcase.law.docket import Obligation
from powcase.law.flags import Flag
from powcase.law.provenance import generated_by
from powcase.law.violations import Violation
from powcase.model import contract
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event
from powcase.model.verdict import Missing, Outcome, Reason, Verdict
from powcase.scenario.outcome import step_outcome

if TYPE_CHECKING:
    from powcase.case import Case
    from powcase.engine.replay import Step

__all__ = [
    "Asked",
    "ClaimGroup",
    "Failure",
    "LaterEvent",
    "RunResult",
    "StepResult",
    "generated_by",
    "standing_entries",
]


def _step_event(plain: Mapping[str, Any]) -> dict[str, Any]:
    """A step's event, in its scenario-file form, from the keys it is written as."""
    fields = dict(plain["fields"])
    if plain.get("sources"):
        fields["source"] = plain["sources"]
    if "note" in plain:
        fields["note"] = plain["note"]
    return {"event": {"date": plain["date"], "event": plain["event"], **fields}}


@readable
@attrs.frozen
class StepResult:
    """One recorded event of a run with its verdict, as the output contract shows it."""

    index: int
    event: Event
    outcome: Outcome
    applied: bool
    before: tuple[str, ...]
    after: tuple[str, ...]
    cites: tuple[str, ...]
    reasons: tuple[Reason, ...]
    missing: tuple[Missing, ...]

    def _summary(self) -> str:
        if self.event.event_kind != "machine":
            said = "recorded"
        elif not self.applied:
            said = f"{self.outcome} (not applied)"
        elif self.outcome is not Outcome.ALLOWED:
            said = f"{self.outcome} (applied anyway)"
        else:
            said = str(self.outcome)
        return f"{self.index}: {event_words(self.event)}: {said}"

    def _details(self) -> list[str]:
        lines = [f"{r.text or r.code}{cited(r.cites)}" for r in self.reasons]
        return lines + [m._summary() for m in self.missing]

    @classmethod
    def of(cls, step: Step) -> StepResult:
        """The result of a case's step."""
        return cls(
            step.index,
            step.event,
            step.outcome,
            step.applied,
            step.before,
            step.after,
            step.cites,
            step.verdict.reasons,
            step.verdict.missing,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepResult:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


contract.shape(StepResult, *STEP_KEYS, assemble=_step_event)


@readable
@attrs.frozen
class LaterEvent:
    """An event of the record dated after a run's as-of date: it had not happened yet on that
    day, so it is listed, never judged, and counts in no flag, docket or violation.
    """

    index: int
    event: Event

    def _summary(self) -> str:
        event = self.event
        shown = phrase(event.name, event.fields())
        return f"event {self.index}, {event.date}: {shown}, not yet happened"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the index and the event's keys, as a step writes them."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LaterEvent:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


LATER_EVENT_KEYS = tuple(
    k for k in STEP_KEYS if k == "index" or (isinstance(k, contract.Key) and k.attr is None)
)
"""A step's index and event keys, without its verdict."""

contract.shape(LaterEvent, *LATER_EVENT_KEYS, assemble=_step_event)


@readable
@attrs.frozen
class Asked:
    """A hypothetical step of the scenario, as its author wrote it, and its verdict."""

    event: tuple[tuple[str, Any], ...]
    verdict: Verdict

    def _summary(self) -> str:
        event = dict(self.event)
        name = str(event.pop("event", self.verdict.event.name))
        return f"what if {phrase(name, event)}: {self.verdict.outcome}"

    def _details(self) -> list[str]:
        return self.verdict._details()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the verdict, with the event as the scenario wrote it."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Asked:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


def _asked_verdict(plain: Mapping[str, Any]) -> dict[str, Any]:
    """The verdict of an asked step: the keys of the object, judged on ``judged_on``."""
    event = {"date": plain["judged_on"], **plain["event"]}
    return {"verdict": {**plain, "event": event}}


# The verdict's keys come first; its event is replaced, in place, by the one as written.
contract.shape(
    Asked,
    contract.Key("verdict", "verdict", kind=Verdict, spread=True),
    contract.key("event", kind=contract.PAIRS),
    contract.computed("judged_on", "verdict.event.date", datetime.date),
    assemble=_asked_verdict,
)


@readable
@attrs.frozen
class ClaimGroup:
    """Claims about one thing, side by side; contested where the sources disagree."""

    about: str
    values: tuple[tuple[str, str | None, str], ...]
    """(value, source, date) triples."""

    def _summary(self) -> str:
        disagree = " (sources disagree)" if self.contested else ""
        return f"{self.about}{disagree}"

    def _details(self) -> list[str]:
        return [f"{v} ({s or 'no source'}, {d})" for v, s, d in self.values]

    @property
    def contested(self) -> bool:
        """Whether the sources disagree."""
        return len({v for v, _, _ in self.values}) > 1

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClaimGroup:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


_CLAIM = ("value", "source", "date")
"""The keys of one claim of a group, in the order of its triple."""


def _claim_values(plain: Mapping[str, Any]) -> dict[str, Any]:
    return {"values": [tuple(v[k] for k in _CLAIM) for v in plain["values"]]}


contract.shape(
    ClaimGroup,
    "about",
    contract.computed("contested", "contested", bool),
    contract.computed(
        "values",
        lambda group: [dict(zip(_CLAIM, v, strict=True)) for v in group.values],
        list[dict[str, str | None]],
    ),
    assemble=_claim_values,
)


@readable
@attrs.frozen
class Failure:
    """An expectation that did not hold: what was checked, what was expected, what came out."""

    check: str
    expected: Any
    got: Any

    def _summary(self) -> str:
        return f"{self.check}: expected {words(self.expected)}, got {words(self.got)}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Failure:
        """The inverse of :meth:`to_dict`."""
        return contract.from_plain(cls, data)


contract.shape(Failure, "check", "expected", "got")


@readable
@attrs.frozen
class RunResult:
    """One run of a scenario (or of one of its variants): what the output contract shows."""

    scenario: str
    variant: str | None
    file: str
    subject_id: str
    detaining_power: str
    mode: str
    as_of: datetime.date | None
    assumptions: Assumptions
    state: tuple[str, ...]
    steps: tuple[StepResult, ...]
    asked: tuple[Asked, ...]
    flags: tuple[Flag, ...]
    active: tuple[str, ...]
    violations: tuple[Violation, ...]
    possible_violations: tuple[Violation, ...]
    obligations: tuple[Obligation, ...]
    claims: tuple[ClaimGroup, ...]
    passed: int
    failures: tuple[Failure, ...]
    not_yet: tuple[LaterEvent, ...] = ()
    """The record's events dated after ``as_of``: not yet happened on that day (time travel:
    the run shows the case as it stood then)."""
    subject_name: str | None = attrs.field(default=None, repr=False)
    """Personal data: written only with ``reveal_names``."""
    case: Case | None = attrs.field(default=None, eq=False, repr=False)
    """The replayed case, for callers in Python (not part of the output)."""
    overlays: tuple[dict[str, Any], ...] = ()
    """The law overlays the run applied, each with what it added and replaced (shown under
    ``generated_by``)."""
    description: str | None = None
    """The scenario's longer text (written only when the scenario has one)."""

    def _summary(self) -> str:
        plain = self.to_dict()  # the subject's name withheld from the title
        variant = f" [variant: {self.variant}]" if self.variant else ""
        failed = f", {len(self.failures)} failed" if self.failures else ""
        return (
            f"{plain['scenario']}{variant}: {len(self.steps)} steps, now "
            f"{', '.join(self.state)}; {self.passed} expectations passed{failed}"
        )

    def _short(self) -> str:
        variant = f" [variant: {self.variant}]" if self.variant else ""
        return f"{self.subject_id}{variant}: {len(self.steps)} steps, now {', '.join(self.state)}"

    def _details(self) -> list[str]:
        plain = self.to_dict()
        lines = [
            f"{s['index']}: {phrase(s['event'], s['fields'])} on {s['date']}: "
            f"{step_outcome(plain, s['index']).label}"
            for s in plain["steps"]
        ]
        lines += [a._summary() for a in self.asked]
        if self.active:
            lines.append(f"flags: {', '.join(self.active)}")
        return lines + [f"failed: {f}" for f in self.failures]

    @property
    def ok(self) -> bool:
        """Whether every expectation held."""
        return not self.failures

    def to_dict(self, *, reveal_names: bool = False) -> dict[str, Any]:
        """The JSON output contract. The subject's name only with ``reveal_names`` (a bool):
        without it, the name and its parts are withheld from the free text too (a title
        or a note that repeats it).
        """
        plain = contract.to_plain(self, reveal_names=checked_flag("reveal_names", reveal_names))
        if reveal_names:
            return plain
        withheld: dict[str, Any] = redact(plain, names=Names.of(self.subject_name))
        return withheld

    def _repr_markdown_(self) -> str:
        """A short summary as Markdown, for Jupyter (the name withheld); the whole run as
        Markdown is :func:`powcase.render.markdown.render_markdown`.
        """
        outcome = "all expectations hold" if self.ok else f"{len(self.failures)} failed"
        plain = self.to_dict()
        variant = f" ({self.variant})" if self.variant else ""
        lines = [
            f"## {markdown_text(plain['scenario'] + variant)}",
            "",
            (
                f"{code_span(self.subject_id)} held by {markdown_text(self.detaining_power)}, "
                f"{self.mode} mode. "
                f"State: `{', '.join(self.state)}`. {outcome}."
            ),
            "",
            "| # | date | event | outcome | applied |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {s['index']} | {s['date']} | {s['event']} | {s['outcome']} | "
            f"{'yes' if s['applied'] else 'no'} |"
            for s in plain["steps"]
        ]
        if self.active:
            lines += ["", "Flags: " + ", ".join(f"**{code}**" for code in self.active)]
        return "\n".join(lines) + "\n"

    def redacted(self) -> RunResult:
        """The result as a reader without ``--reveal-names`` sees it: no ``subject_name``,
        the name's words withheld from the free text (the title, notes, claims), and no
        replayed ``case`` (it holds the name). A result without a name is returned equal.

        ``RunResult.from_dict(r.to_dict()) == r.redacted()`` and
        ``r.redacted().to_dict(reveal_names=True) == r.to_dict()``.
        """
        if self.subject_name is None:
            return attrs.evolve(self, case=None)
        return type(self).from_dict(self.to_dict())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunResult:
        """Rebuild a result from its JSON form (``to_dict``); exact: the form written with
        ``reveal_names=True`` gives back an equal result, the form written without it gives
        :meth:`redacted`.
        """
        try:
            return contract.from_plain(cls, data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            if isinstance(error, InvalidInput):
                raise
            raise InvalidInput.single(
                "",
                f"is not a run result ({type(error).__name__}: {error})",
                expected="the output of RunResult.to_dict()",
            ) from None


def _possible(violations: tuple[Violation, ...]) -> tuple[Violation, ...]:
    return tuple(attrs.evolve(v, possible=True) for v in violations)


def _provenance(run: RunResult) -> dict[str, Any]:
    overlays = {"overlays": [dict(o) for o in run.overlays]} if run.overlays else {}
    return {**generated_by(), **overlays}


def _read_overlays(plain: Mapping[str, Any]) -> dict[str, Any]:
    return {"overlays": tuple(plain.get("generated_by", {}).get("overlays", ()))}


contract.shape(
    RunResult,
    contract.computed("generated_by", _provenance, dict[str, Any]),
    "scenario",
    contract.key("description", optional=True),
    *("variant", "file"),
    contract.key("subject.id", "subject_id"),
    contract.key("subject.name", "subject_name", optional=True, personal=True),
    *("detaining_power", "mode", "as_of", "assumptions", "state", "steps", "not_yet"),
    contract.key("verdicts", "asked"),
    "flags",
    contract.key("active_flags", "active"),
    "violations",
    contract.key("possible_violations", read_as=_possible),
    *("obligations", "claims"),
    contract.key("expectations.passed", "passed"),
    contract.key("expectations.failed", "failures"),
    assemble=_read_overlays,
)


def standing_entries(run: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The flag entries of a run's JSON form that stand on its as-of date, in the order they
    were raised: the open entries of the codes in ``active_flags``, which
    :func:`~powcase.law.flags.standing` chose. Works on redacted output too (its dates are
    cut to the month, too coarse to decide again).
    """
    active = set(run["active_flags"])
    return [f for f in run["flags"] if f["code"] in active and f["until"] is None]


def due_text(duty: Mapping[str, Any], lang: str = SOURCE_LANGUAGE) -> str:
    """An obligation's due date as people read it: where the treaty sets no period, with the
    number of days assumed (a reading of "without delay", not the treaty's own deadline);
    where an agreement on record sets it, saying so.

    >>> due_text({"due": "2025-02-08", "assumed_days": 30})
    '2025-02-08 (assumed: 30 days)'
    >>> due_text({"due": "2025-01-16", "assumed_days": None})
    '2025-01-16'
    >>> due_text({"due": "1954-01-23", "assumed_days": None, "due_agreed": True})
    '1954-01-23 (agreed)'
    """
    _ = gettext_for(lang)
    if duty.get("due_agreed"):
        return _("{due} (agreed)").format(due=duty["due"])
    days = duty.get("assumed_days")
    if days is None:
        return str(duty["due"])
    return _("{due} (assumed: {days} days)").format(due=duty["due"], days=days)


def obligation_note(duty: Mapping[str, Any], lang: str = SOURCE_LANGUAGE) -> str:
    """What qualifies an obligation's status in a run's JSON form: ``late``, met by a step
    found unlawful, what holds it back, or why it lapsed and at which event; empty when
    nothing does.

    >>> obligation_note({"why": "transferred", "lapsed_by": 3})
    'transferred, event 3'
    >>> obligation_note({"held_back": True, "held_back_by": "proceedings"})
    'held back: proceedings'
    >>> obligation_note({"status": "met", "met_unlawfully": True})
    'by a step found unlawful'
    """
    _ = gettext_for(lang)
    met = [
        note
        for key, note in (("late", _("late")), ("met_unlawfully", _("by a step found unlawful")))
        if duty.get(key)
    ]
    if met:
        return ", ".join(met)
    if duty.get("held_back"):
        by = duty.get("held_back_by")
        return _("held back: {by}").format(by=by) if by else _("held back")
    why = duty.get("why")
    if why:
        at = duty.get("lapsed_by")
        return _("{why}, event {at}").format(why=why, at=at) if at is not None else str(why)
    return ""
