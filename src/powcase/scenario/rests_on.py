"""Which readings of the law a run's verdicts rest on, and which other readings would change
them: computed, never guessed.

A step may read an assumption: its verdict names it, or its reasons (or the reasons of a
breach found in it) apply its reading. For each assumption read, every other option is tried:
the whole record is replayed under the reading with that one option changed, and the step is
judged again. The step rests on the assumption only where some other option changes its
outcome in words (:func:`~powcase.scenario.outcome.step_outcome`) or its reasons (their kinds,
codes, citations and values, the reading they apply aside); an assumption read whose every
other option leaves both as they are is kept apart, as read but changing nothing, and the
views do not show it. An asked verdict ("what if") is judged again on the replayed case. An
assumption that is a number of days has no list of options to try; it is named, not varied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
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
    """The outcome in English words (a step's, as :func:`step_outcome` says it)."""
    said: tuple[str, str, bool, str | None] | None = None
    """For a step: its kind, outcome, whether it was applied and the breach found, from which
    a view words the outcome in its own language (:func:`outcome_label`)."""

    def to_dict(self) -> dict[str, Any]:
        """``{"assumption": ..., "option": ..., "outcome": ...}``, and ``said`` for a step."""
        out = {"assumption": self.assumption, "option": self.option, "outcome": self.outcome}
        if self.said is not None:
            out["said"] = list(self.said)
        return out


@attrs.frozen
class RestsOn:
    """The assumptions a verdict rests on with their values in the run (some other option
    changes its outcome or its reasons), the other options that change its outcome (none when
    only its reasons change), and the assumptions it read but no other option of which
    changes either (``unchanged``).
    """

    assumptions: tuple[tuple[str, Any], ...] = ()
    changes: tuple[Change, ...] = ()
    unchanged: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The plain form the views read: ``assumptions`` (a mapping), ``would_change``, and
        ``read_unchanged`` (a mapping the views leave out).
        """
        return {
            "assumptions": dict(self.assumptions),
            "would_change": [c.to_dict() for c in self.changes],
            "read_unchanged": dict(self.unchanged),
        }


def _keys(verdict: Verdict, reasons: Iterable[Reason]) -> tuple[str, ...]:
    read = [r.reading.assumption for r in (*verdict.reasons, *reasons) if r.reading is not None]
    return tuple(dict.fromkeys((*verdict.assumptions, *read)))


def _reasons(reasons: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """Reasons in their plain form as compared across readings: the reading applied aside
    (it names the option, which differs by construction), the sentence aside (it says the
    same as the code and values).
    """
    return [
        (r["kind"], r["code"], tuple(r["cites"]), sorted(r["params"].items(), key=str))
        for r in reasons
    ]


def _judged_step(run: Mapping[str, Any], index: int) -> tuple[str, list[tuple[Any, ...]]]:
    """Step ``index`` of a run in its plain form as compared across readings: its outcome in
    words, and its reasons and those of the breaches found in it.
    """
    outcome = step_outcome(run, index)
    reasons = _reasons(run["steps"][index]["reasons"])
    for breach in outcome.breaches:
        reasons += [("breach", breach["possible"]), *_reasons(breach["reasons"])]
    return outcome.label, reasons


def _said(run: Mapping[str, Any], index: int) -> tuple[str, str, bool, str | None]:
    """What :func:`outcome_label` words step ``index`` of a run from."""
    step = run["steps"][index]
    breaches = step_outcome(run, index).breaches
    certain = any(not b["possible"] for b in breaches)
    found = "violation" if certain else "possible" if breaches else None
    return step["kind"], step["outcome"], step["applied"], found


def _judged(verdict: Verdict) -> tuple[str, list[tuple[Any, ...]]]:
    """A verdict as compared across readings: its outcome and its reasons."""
    return str(verdict.outcome), _reasons(verdict.to_dict()["reasons"])


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


def _compared(
    replays: _Replays,
    keys: tuple[str, ...],
    now: tuple[str, list[tuple[Any, ...]]],
    then: Callable[[Case, dict[str, Any]], tuple[str, list[tuple[Any, ...]]]],
    said: Callable[[dict[str, Any]], tuple[str, str, bool, str | None]] | None = None,
) -> RestsOn:
    """What a verdict judged as ``now`` rests on: each of ``keys`` some other option of which
    changes it when judged again (``then``) on the replayed case; a number of days is named.
    """
    case = replays.case
    relied: list[tuple[str, Any]] = []
    unchanged: list[tuple[str, Any]] = []
    changes: list[Change] = []
    for key in keys:
        value = (key, getattr(case.assumptions, key))
        options = replays.options(key)
        moved = not Assumptions.specs()[key].options  # a number of days: named, not varied
        for option in options:
            replayed = replays.under(key, option)
            other = then(*replayed)
            if other[0] != now[0]:
                words = said(replayed[1]) if said is not None else None
                changes.append(Change(key, option, other[0], words))
            moved = moved or other != now
        (relied if moved else unchanged).append(value)
    return RestsOn(tuple(relied), tuple(changes), tuple(unchanged))


def _step(replays: _Replays, plain: Mapping[str, Any], index: int) -> RestsOn:
    case = replays.case
    step = case.steps[index]
    breaches = [v for v in (*case.violations, *case.possible_violations) if v.index == index]
    keys = _keys(step.verdict, (r for v in breaches for r in v.reasons))
    return _compared(
        replays,
        keys,
        _judged_step(plain, index),
        lambda _, other: _judged_step(other, index),
        lambda other: _said(other, index),
    )


def _asked(replays: _Replays, verdict: Verdict) -> RestsOn:
    return _compared(
        replays,
        _keys(verdict, ()),
        _judged(verdict),
        lambda other, _: _judged(other.verdict(verdict.event)),
    )


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
