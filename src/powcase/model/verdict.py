"""Verdicts: whether a step is lawful, with reasons that cite the law.

A verdict is ``allowed`` when every guard holds, ``refused`` when at least one fails (its
reasons name every failing guard), and ``undetermined`` when none fails but the law and the
record do not settle it: a contested fact, an unverified wish that could change the outcome,
or a decision left to an authority's discretion.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from powcase._util.readable import cited, event_words, pairs, readable, words
from powcase.errors import InvalidInput
from powcase.model import contract

if TYPE_CHECKING:
    from powcase.model.events import Event

__all__ = ["MISSING_FACTS", "Missing", "Outcome", "Reading", "Reason", "ReasonKind", "Verdict"]

MISSING_FACTS = (
    "wish",
    "wish_condition",
    "forces",
    "allegation_credible",
    "grave_breach_of",
    "decision",
    "rc_33_2_exception",
    "age",
    "risk_despite_wish",
    "offence",
)
"""What an open point (a verdict's ``missing`` entry) may be about: his wish (about a
``destination``, ``contested``), a condition on it, his forces, an allegation's credibility,
which Convention a grave breach is of, a decision left to an authority, the refugee-law
exception for a convicted refugee, his age, whether a risk of torture or death he chose to
face is real notwithstanding his wish, which kind of offence he is sentenced for (an
occupier's death sentence, GCIV-68)."""

T = TypeVar("T")


class Outcome(enum.StrEnum):
    """The three values of a verdict."""

    ALLOWED = "allowed"
    REFUSED = "refused"
    UNDETERMINED = "undetermined"


class ReasonKind(enum.StrEnum):
    """What a reason says about the step."""

    PROHIBITION = "prohibition"
    """The law forbids the step."""
    PRECONDITION = "precondition"
    """The step lacks what the law requires for it (an agreement, a finding, consent...)."""
    BASIS = "basis"
    """On an allowed step: what authorises it."""
    GRAPH = "graph"
    """The legal path has no such move from here (no citation)."""
    NOTE = "note"
    """Context that changes nothing: e.g. a rule that did not bind the state on that date."""
    OPEN = "open"
    """The provision behind an open point (a ``missing`` entry, named by its ``fact`` param):
    why the verdict stays undetermined, e.g. NKRA-9(1) for a decision left to discretion."""


FAILING = frozenset({ReasonKind.PROHIBITION, ReasonKind.PRECONDITION, ReasonKind.GRAPH})


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return items if type(items) is tuple else tuple(items)


def _reasons(items: Iterable[Reason]) -> tuple[Reason, ...]:
    return items if type(items) is tuple else tuple(items)


def _missing(items: Iterable[Missing]) -> tuple[Missing, ...]:
    return items if type(items) is tuple else tuple(items)


E = TypeVar("E", bound=enum.Enum)


def _member(kind: type[E], key: str) -> Callable[[E | str], E]:
    """A converter to ``kind`` that reports a bad value as located input."""

    def convert(value: E | str) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            options = ", ".join(str(m.value) for m in kind)
            raise InvalidInput.single(
                key, f"got {value!r}", expected=f"one of {options}"
            ) from None

    return convert


_as_kind = _member(ReasonKind, "kind")
_as_outcome = _member(Outcome, "outcome")


def _kind(value: ReasonKind | str) -> ReasonKind:
    return _as_kind(value)


def _outcome(value: Outcome | str) -> Outcome:
    return _as_outcome(value)


def _plain(build: Callable[[], T], what: str) -> T:
    """Build from a plain dict, turning a missing or malformed key into a located error."""
    try:
        return build()
    except InvalidInput:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput.single(
            what,
            f"is malformed ({type(error).__name__}: {error})",
            expected=f"the output of {what}.to_dict()",
        ) from None


def _pairs(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    # A list value (read back from JSON) is kept as a tuple, so the value stays hashable.
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in items))


@readable
@attrs.frozen
class Reading:
    """The option of an open question (an assumption) whose reading of the law a reason
    applies: ``Reading("ihl_non_refoulement", "icrc_2020")``. A reason that applies a rule
    binding as it stands has none.
    """

    assumption: str
    option: str | bool

    def to_dict(self) -> dict[str, Any]:
        """``{"assumption": ..., "option": ...}``."""
        return contract.to_plain(self)

    def _summary(self) -> str:
        return f"{self.assumption} {words(self.option)}"


contract.shape(Reading, "assumption", "option")


def _reading(value: Reading | Mapping[str, Any] | None) -> Reading | None:
    if value is None or isinstance(value, Reading):
        return value
    return Reading(value["assumption"], value["option"])


@readable
@attrs.frozen
class Reason:
    """One reason: a stable ``code``, its kind, the provisions it rests on, the values that
    fill its sentence in the message catalogue, that sentence (``text``), rendered by the law
    when the reason is given, and the ``reading`` it applies (None for a binding rule).
    """

    code: str
    kind: ReasonKind = attrs.field(converter=_kind)
    cites: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    params: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)
    text: str = ""
    """The plain sentence, from the message catalogue of the law that gave the reason."""
    reading: Reading | None = attrs.field(default=None, converter=_reading)
    """The assumption and option whose reading of the law the reason applies; None where it
    applies a rule as it binds the acting state."""

    @classmethod
    def given(
        cls,
        code: str,
        kind: ReasonKind,
        cites: tuple[str, ...],
        params: Mapping[str, Any] | tuple[tuple[str, Any], ...],
        text: str,
        *,
        reading: Reading | None = None,
    ) -> Reason:
        """A reason as a rule gives it, from values already of the right types (``params``
        as a mapping, or as its items sorted by key): built without the converters, as
        every judged step gives several.
        """
        reason: Reason = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(reason, "code", code)
        setattr_(reason, "kind", kind)
        setattr_(reason, "cites", cites)
        pairs = params if isinstance(params, tuple) else tuple(sorted(params.items()))
        setattr_(reason, "params", pairs)
        setattr_(reason, "text", text)
        setattr_(reason, "reading", reading)
        return reason

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract (with the code and params added)."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        """The inverse of :meth:`to_dict`."""
        return _plain(lambda: contract.from_plain(cls, data), "Reason")

    def _short(self) -> str:
        return f"{self.kind} {self.code}{cited(self.cites)}"

    def _summary(self) -> str:
        read = f" (reading: {self.reading._summary()})" if self.reading else ""
        return f"{self.kind}: {self.text or self.code}{cited(self.cites)}{read}"


contract.shape(Reason, "code", "text", "cites", "kind", "reading", "params")


@readable
@attrs.frozen
class Missing:
    """An open point that keeps a verdict undetermined, e.g. ``{"fact": "wish", ...}``."""

    fact: str
    details: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)

    def to_dict(self) -> dict[str, Any]:
        """``{"fact": ..., **details}``."""
        return contract.to_plain(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Missing:
        """The inverse of :meth:`to_dict`."""
        return _plain(lambda: contract.from_plain(cls, data), "Missing")

    def _summary(self) -> str:
        shown = pairs((k, v) for k, v in self.details if v is not False)
        return f"open: {self.fact} ({shown})" if shown else f"open: {self.fact}"


def _details(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"details": {k: v for k, v in data.items() if k != "fact"}}


# The details are written into the object itself, next to the fact.
contract.shape(Missing, "fact", contract.key("details", spread=True), assemble=_details)


@readable
@attrs.frozen
class Verdict:
    """The judgement of one step: outcome, reasons, open points and assumptions relied on."""

    event: Event
    outcome: Outcome = attrs.field(converter=_outcome)
    reasons: tuple[Reason, ...] = attrs.field(default=(), converter=_reasons)
    missing: tuple[Missing, ...] = attrs.field(default=(), converter=_missing)
    assumptions: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @classmethod
    def of(
        cls,
        event: Event,
        reasons: Iterable[Reason],
        missing: Iterable[Missing] = (),
        assumptions: Iterable[str] = (),
    ) -> Verdict:
        """The verdict that the reasons and open points add up to.

        Any failing reason refuses the step; otherwise any open point leaves it undetermined.
        """
        unique_reasons = tuple(dict.fromkeys(reasons))
        unique_missing = tuple(dict.fromkeys(missing))
        if any(r.kind in FAILING for r in unique_reasons):
            outcome = Outcome.REFUSED
        elif unique_missing:
            outcome = Outcome.UNDETERMINED
        else:
            outcome = Outcome.ALLOWED
        if outcome is not Outcome.ALLOWED:
            # A basis says what authorises an allowed step; on any other it would mislead.
            unique_reasons = tuple(r for r in unique_reasons if r.kind is not ReasonKind.BASIS)
        relied = tuple(dict.fromkeys(assumptions))
        # Built without the converters: every value above is already a tuple of its type.
        verdict: Verdict = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(verdict, "event", event)
        setattr_(verdict, "outcome", outcome)
        setattr_(verdict, "reasons", unique_reasons)
        setattr_(verdict, "missing", unique_missing)
        setattr_(verdict, "assumptions", relied)
        return verdict

    @classmethod
    def allowing(cls, event: Event) -> Verdict:
        """The verdict on a step no rule judges (an incident): allowed, with nothing to say.

        Built without the converters: a record has many incidents.
        """
        verdict: Verdict = object.__new__(cls)
        setattr_ = object.__setattr__
        setattr_(verdict, "event", event)
        setattr_(verdict, "outcome", Outcome.ALLOWED)
        setattr_(verdict, "reasons", ())
        setattr_(verdict, "missing", ())
        setattr_(verdict, "assumptions", ())
        return verdict

    @property
    def allowed(self) -> bool:
        """Whether the outcome is ``allowed``."""
        return self.outcome is Outcome.ALLOWED

    @property
    def cites(self) -> tuple[str, ...]:
        """Every provision the reasons cite, in order, once each."""
        return tuple(dict.fromkeys(c for r in self.reasons for c in r.cites))

    @property
    def failing(self) -> tuple[Reason, ...]:
        """The reasons that refuse the step."""
        return tuple(r for r in self.reasons if r.kind in FAILING)

    def _said(self) -> str:
        # An incident is a recorded fact, not a step the law allows.
        return "recorded" if self.event.event_kind != "machine" else str(self.outcome)

    def _short(self) -> str:
        count = len(self.reasons)
        open_ = f", {len(self.missing)} open" if self.missing else ""
        return (
            f"{self._said()}: {event_words(self.event)}, "
            f"{count} reason{'' if count == 1 else 's'}{open_}"
        )

    def _summary(self) -> str:
        return f"{self._said()}: {event_words(self.event)}"

    def _details(self) -> list[str]:
        lines = [r._summary() for r in self.reasons]
        lines += [m._summary() for m in self.missing]
        if self.assumptions:
            lines.append(f"rests on: {', '.join(self.assumptions)}")
        return lines

    def rests_on_prohibition(self) -> bool:
        """Whether the step is refused on a prohibition (a violation if it happened anyway)."""
        return any(r.kind is ReasonKind.PROHIBITION for r in self.reasons)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the output contract."""
        return contract.to_plain(self)


contract.shape(
    Verdict,
    "event",
    "outcome",
    contract.computed("cites", "cites", tuple[str, ...]),
    "reasons",
    "missing",
    "assumptions",
)
