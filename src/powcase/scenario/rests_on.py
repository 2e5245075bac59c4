"""Which readings of the law a run's verdicts rest on, and which other readings would change
them: computed, never guessed.

A step rests on the assumptions its verdict names, and on those whose reading its reasons (or
the reasons of a breach found in it) apply. For each such assumption, every other option is
tried: the whole record is replayed under the reading with that one option changed, and the
step's outcome in words (:func:`~powcase.scenario.outcome.step_outcome`) is compared. An asked
verdict ("what if") is judged again on the replayed case. An assumption that is a number of
days has no list of options to try; it is named, not varied.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from powcase.model.assumptions import Assumptions
from powcase.scenario.outcome import step_outcome

if TYPE_CHECKING:
    from powcase.case import Case
    from powcase.model.verdict import Reason, Verdict
    from powcase.scenario.result import RunResult

__all__ = ["Change", "RestsOn", "annotated", "rests_on"]


@attrs.frozen
class Change:
    """Another option of one assumption, and the outcome the step would have under it."""

    assumption: str
    option: Any
    outcome: str

    def to_dict(self) -> dict[str, Any]:
        """``{"assumption": ..., "option": ..., "outcome": ...}``."""
        return {"assumption": self.assumption, "option": self.option, "outcome": self.outcome}


@attrs.frozen
class RestsOn:
    """The assumptions a verdict rests on with their values in the run, and the other
    options that change its outcome (none when every other option gives the same).
    """

    assumptions: tuple[tuple[str, Any], ...] = ()
    changes: tuple[Change, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The plain form the views read: ``assumptions`` (a mapping) and ``would_change``."""
        return {
            "assumptions": dict(self.assumptions),
            "would_change": [c.to_dict() for c in self.changes],
        }


def _keys(verdict: Verdict, reasons: Iterable[Reason]) -> tuple[str, ...]:
    read = [r.reading.assumption for r in (*verdict.reasons, *reasons) if r.reading is not None]
    return tuple(dict.fromkeys((*verdict.assumptions, *read)))


def _plain(case: Case) -> dict[str, Any]:
    """What :func:`step_outcome` reads of a case."""
    return {
        "steps": [s.to_dict() for s in case.steps],
        "violations": [v.to_dict() for v in case.violations],
        "possible_violations": [v.to_dict() for v in case.possible_violations],
    }


@attrs.define
class _Replays:
    """The case under each reading with one option changed, replayed once and kept."""

    case: Case
    kept: dict[tuple[str, Any], tuple[Case, dict[str, Any]]] = attrs.field(factory=dict)

    def under(self, key: str, option: Any) -> tuple[Case, dict[str, Any]]:
        from powcase.case import Case  # noqa: PLC0415 - the case layer is imported on use

        if (key, option) not in self.kept:
            case = self.case
            reading = case.assumptions.changed(**{key: option})
            other = Case.replay(case.record, reading, case.mode, law=case.law)
            self.kept[key, option] = (other, _plain(other))
        return self.kept[key, option]

    def options(self, key: str) -> tuple[Any, ...]:
        """The options of ``key`` other than the case's (none for a number of days)."""
        spec = Assumptions.specs()[key]
        current = getattr(self.case.assumptions, key)
        return tuple(o for o in spec.options if not (o == current and type(o) is type(current)))


def _step(replays: _Replays, plain: Mapping[str, Any], index: int) -> RestsOn:
    case = replays.case
    step = case.steps[index]
    breaches = [v for v in (*case.violations, *case.possible_violations) if v.index == index]
    keys = _keys(step.verdict, (r for v in breaches for r in v.reasons))
    now = step_outcome(plain, index).label
    changes = []
    for key in keys:
        for option in replays.options(key):
            _, other = replays.under(key, option)
            then = step_outcome(other, index).label
            if then != now:
                changes.append(Change(key, option, then))
    values = tuple((k, getattr(case.assumptions, k)) for k in keys)
    return RestsOn(values, tuple(changes))


def _asked(replays: _Replays, verdict: Verdict) -> RestsOn:
    case = replays.case
    keys = _keys(verdict, ())
    changes = []
    for key in keys:
        for option in replays.options(key):
            other, _ = replays.under(key, option)
            then = other.verdict(verdict.event).outcome
            if then is not verdict.outcome:
                changes.append(Change(key, option, str(then)))
    values = tuple((k, getattr(case.assumptions, k)) for k in keys)
    return RestsOn(values, tuple(changes))


def rests_on(result: RunResult) -> dict[str, list[RestsOn]] | None:
    """For each step and each asked verdict of ``result``, what it rests on and what would
    change it; None for a result rebuilt from JSON (it has no case to replay).
    """
    case = result.case
    if case is None:
        return None
    replays = _Replays(case)
    plain = _plain(case)
    return {
        "steps": [_step(replays, plain, i) for i in range(len(case.steps))],
        "verdicts": [_asked(replays, asked.verdict) for asked in result.asked],
    }


def annotated(data: dict[str, Any], result: RunResult) -> dict[str, Any]:
    """A run's JSON form (``data``, redacted as the caller chose) with ``rests_on`` added to
    each step and each asked verdict, for the human views; unchanged without a case.
    """
    found = rests_on(result)
    if found is None:
        return data
    steps = [
        {**s, "rests_on": r.to_dict()} for s, r in zip(data["steps"], found["steps"], strict=True)
    ]
    verdicts = [
        {**v, "rests_on": r.to_dict()}
        for v, r in zip(data["verdicts"], found["verdicts"], strict=True)
    ]
    return {**data, "steps": steps, "verdicts": verdicts}
