"""Run results: plain, typed values with the keys of the output contract (SCENARIO_FORMAT.md).

A result holds no live case, only what a run found, so ``RunResult.from_dict`` rebuilds it
exactly from its JSON form. The subject's name is kept for ``--reveal-names`` and written only
when asked.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from powcase.errors import InvalidInput
from powcase.law.docket import Obligation
from powcase.law.flags import Flag
from powcase.law.provenance import generated_by
from powcase.law.violations import Violation
from powcase.model.assumptions import Assumptions
from powcase.model.events import Event, event_from_dict
from powcase.model.verdict import Missing, Outcome, Reason, Verdict

if TYPE_CHECKING:
    from powcase.case import Case
    from powcase.engine.replay import Step

__all__ = ["Asked", "ClaimGroup", "Failure", "RunResult", "StepResult", "generated_by"]


def _overlays(overlays: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    return {"overlays": [dict(o) for o in overlays]} if overlays else {}


def _date(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _event(plain: Mapping[str, Any], date: str) -> Event:
    return event_from_dict({"date": date, "event": plain["event"], **plain.get("fields", {})})


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
        return {
            "index": self.index,
            "date": self.event.date.isoformat(),
            "event": self.event.name,
            "kind": self.event.event_kind,
            "fields": self.event.fields(),
            "outcome": str(self.outcome),
            "applied": self.applied,
            "from": list(self.before),
            "to": list(self.after),
            "cites": list(self.cites),
            "reasons": [r.to_dict() for r in self.reasons],
            "missing": [m.to_dict() for m in self.missing],
            "sources": list(self.event.source),
            **({"note": self.event.note} if self.event.note is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepResult:
        """The inverse of :meth:`to_dict`."""
        fields = dict(data["fields"])
        if data.get("sources"):
            fields["source"] = data["sources"]
        if "note" in data:
            fields["note"] = data["note"]
        event = _event({"event": data["event"], "fields": fields}, data["date"])
        return cls(
            data["index"],
            event,
            Outcome(data["outcome"]),
            data["applied"],
            tuple(data["from"]),
            tuple(data["to"]),
            tuple(data["cites"]),
            tuple(Reason.from_dict(r) for r in data["reasons"]),
            tuple(Missing.from_dict(m) for m in data["missing"]),
        )


@attrs.frozen
class Asked:
    """A hypothetical step of the scenario, as its author wrote it, and its verdict."""

    event: tuple[tuple[str, Any], ...]
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the event as the scenario wrote it, then the verdict."""
        plain = self.verdict.to_dict()
        plain["event"] = dict(self.event)
        plain["judged_on"] = self.verdict.event.date.isoformat()
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Asked:
        """The inverse of :meth:`to_dict`."""
        written = dict(data["event"])
        event = event_from_dict({"date": data["judged_on"], **written})
        verdict = Verdict(
            event,
            Outcome(data["outcome"]),
            tuple(Reason.from_dict(r) for r in data["reasons"]),
            tuple(Missing.from_dict(m) for m in data["missing"]),
            tuple(data["assumptions"]),
        )
        return cls(tuple(written.items()), verdict)


@attrs.frozen
class ClaimGroup:
    """Claims about one thing, side by side; contested where the sources disagree."""

    about: str
    values: tuple[tuple[str, str | None, str], ...]
    """(value, source, date) triples."""

    @property
    def contested(self) -> bool:
        """Whether the sources disagree."""
        return len({v for v, _, _ in self.values}) > 1

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return {
            "about": self.about,
            "contested": self.contested,
            "values": [{"value": v, "source": s, "date": d} for v, s, d in self.values],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClaimGroup:
        """The inverse of :meth:`to_dict`."""
        return cls(
            data["about"], tuple((v["value"], v["source"], v["date"]) for v in data["values"])
        )


@attrs.frozen
class Failure:
    """An expectation that did not hold: what was checked, what was expected, what came out."""

    check: str
    expected: Any
    got: Any

    def __str__(self) -> str:
        return f"{self.check}: expected {self.expected}, got {self.got}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"check": self.check, "expected": self.expected, "got": self.got}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Failure:
        """The inverse of :meth:`to_dict`."""
        return cls(data["check"], data["expected"], data["got"])


def _violation(data: Mapping[str, Any], possible: bool) -> Violation:
    plain = dict(data["event"])
    event = event_from_dict(plain)
    return Violation(
        data["index"], event, tuple(Reason.from_dict(r) for r in data["reasons"]), possible
    )


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
    subject_name: str | None = attrs.field(default=None, repr=False)
    """Personal data: written only with ``reveal_names``."""
    case: Case | None = attrs.field(default=None, eq=False, repr=False)
    """The replayed case, for callers in Python (not part of the output)."""
    overlays: tuple[dict[str, Any], ...] = ()
    """The law overlays the run applied, each with what it added and replaced (shown under
    ``generated_by``)."""

    @property
    def ok(self) -> bool:
        """Whether every expectation held."""
        return not self.failures

    def to_dict(self, *, reveal_names: bool = False) -> dict[str, Any]:
        """The JSON output contract. The subject's name only with ``reveal_names``."""
        subject: dict[str, Any] = {"id": self.subject_id}
        if reveal_names and self.subject_name is not None:
            subject["name"] = self.subject_name
        return {
            "generated_by": {**generated_by(), **_overlays(self.overlays)},
            "scenario": self.scenario,
            "variant": self.variant,
            "file": self.file,
            "subject": subject,
            "detaining_power": self.detaining_power,
            "mode": self.mode,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "assumptions": self.assumptions.to_dict(),
            "state": list(self.state),
            "steps": [s.to_dict() for s in self.steps],
            "verdicts": [a.to_dict() for a in self.asked],
            "flags": [f.to_dict() for f in self.flags],
            "active_flags": list(self.active),
            "violations": [v.to_dict() for v in self.violations],
            "possible_violations": [v.to_dict() for v in self.possible_violations],
            "obligations": [o.to_dict() for o in self.obligations],
            "claims": [c.to_dict() for c in self.claims],
            "expectations": {
                "passed": self.passed,
                "failed": [f.to_dict() for f in self.failures],
            },
        }

    def _repr_markdown_(self) -> str:
        """A short summary as Markdown, for Jupyter (the name withheld); the whole run as
        Markdown is :func:`powcase.render.markdown.render_markdown`.
        """
        outcome = "all expectations hold" if self.ok else f"{len(self.failures)} failed"
        variant = f" ({self.variant})" if self.variant else ""
        lines = [
            f"## {self.scenario}{variant}",
            "",
            (
                f"`{self.subject_id}` held by {self.detaining_power}, {self.mode} mode. "
                f"State: `{', '.join(self.state)}`. {outcome}."
            ),
            "",
            "| # | date | event | outcome | applied |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {s.index} | {s.event.date} | {s.event.name} | {s.outcome} | "
            f"{'yes' if s.applied else 'no'} |"
            for s in self.steps
        ]
        if self.active:
            lines += ["", "Flags: " + ", ".join(f"**{code}**" for code in self.active)]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunResult:
        """Rebuild a result from its JSON form (``to_dict``); exact, names included if the
        form has them.
        """
        try:
            return cls(
                data["scenario"],
                data["variant"],
                data["file"],
                data["subject"]["id"],
                data["detaining_power"],
                data["mode"],
                _date(data["as_of"]),
                Assumptions.from_dict(data["assumptions"]),
                tuple(data["state"]),
                tuple(StepResult.from_dict(s) for s in data["steps"]),
                tuple(Asked.from_dict(a) for a in data["verdicts"]),
                tuple(Flag.from_dict(f) for f in data["flags"]),
                tuple(data["active_flags"]),
                tuple(_violation(v, False) for v in data["violations"]),
                tuple(_violation(v, True) for v in data["possible_violations"]),
                tuple(Obligation.from_dict(o) for o in data["obligations"]),
                tuple(ClaimGroup.from_dict(c) for c in data["claims"]),
                data["expectations"]["passed"],
                tuple(Failure.from_dict(f) for f in data["expectations"]["failed"]),
                data["subject"].get("name"),
                overlays=tuple(data.get("generated_by", {}).get("overlays", ())),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            if isinstance(error, InvalidInput):
                raise
            raise InvalidInput.single(
                "",
                f"is not a run result ({type(error).__name__}: {error})",
                expected="the output of RunResult.to_dict()",
            ) from None
