"""The law as one value: every table the model reads, loaded from data files, with overlays.

:meth:`Law.packaged` reads the data shipped with powcase (once per process, on first use:
importing this module reads nothing). :meth:`Law.overlaid` returns a new value with a user's
overlay files applied on top, each recorded in :attr:`Law.overlays` so that outputs can say
which law they were computed under.

>>> law = Law.packaged()
>>> law.provision("GCIII-118").article
'Art. 118'
>>> law.binds("US", "RC-33", datetime.date(2025, 1, 1))
True
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import os
import pathlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from powcase._util import arguments
from powcase._util.suggest import closest
from powcase.errors import UnknownProvision, UnknownState
from powcase.law import clauses, loading
from powcase.law.entries import (
    Concern,
    Instrument,
    Participation,
    Party,
    Provision,
    Reservation,
    Treatment,
)
from powcase.law.rules import FlagRule, ObligationRule

__all__ = ["Law", "Source"]

Source = str | pathlib.Path | Mapping[str, Any]
"""An overlay: the path of a YAML or JSON file, or a mapping of the same shape."""

_MEMO_LIMIT = 100_000
"""How many answers a law remembers before it starts again."""

T = TypeVar("T")

_CONTEXTS = itertools.count()
"""The numbers :meth:`Law.context` gives out, shared by every law in the process."""

_PACKAGED: dict[str, Law] = {}
"""The packaged law once loaded (empty until :meth:`Law.packaged` is first called)."""


@attrs.frozen(unsafe_hash=False)
class Law:
    """Every table of the law, by key, in the order outputs list them.

    Plain dicts and tuples of frozen entries, so a value pickles and compares by value; treat
    it as read-only (use :meth:`overlaid` to change it). ``overlays`` records each overlay
    applied: ``{"path": ..., "added": [...], "replaced": [...]}`` with ``table.key`` names.
    """

    instruments: dict[str, Instrument]
    provisions: dict[str, Provision]
    parties: dict[str, Party]
    concerns: dict[str, Concern]
    flags: dict[str, FlagRule]
    obligations: dict[str, ObligationRule]
    messages: dict[str, str]
    checked: datetime.date
    """The day the packaged data was last reviewed against its sources."""
    overlays: tuple[dict[str, Any], ...] = ()
    _concerns_by_flag: dict[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False)
    """Derived once: the concerns of each flag (flags are derived for every event)."""
    _changes: tuple[datetime.date, ...] = attrs.field(init=False, eq=False, repr=False)
    """Derived once: every day on which what a state does to returnees, or whom it is allied
    with, changes. Between two of them the answers to those questions stay the same."""
    _bindings: tuple[datetime.date, ...] = attrs.field(init=False, eq=False, repr=False)
    """Derived once: every day on which what binds a state may change (a participation
    starts or ends, a declaration or an agreement is made, a commentary is published)."""
    memo: dict[Any, Any] = attrs.field(init=False, eq=False, repr=False)
    """Answers worked out under this law, by question (the rules ask the same ones for every
    event of a record); see :meth:`period`."""

    def __hash__(self) -> int:
        # Two laws are equal when their tables are: the packaged data's review date and the
        # overlays applied to it name the tables (hashing the dicts themselves is not possible).
        return hash((self.checked, repr(self.overlays)))

    def __reduce__(self) -> tuple[Any, ...]:
        # The packaged law is read from the package, not carried in every pickled case.
        if not self.overlays and self == Law.packaged():
            return (Law.packaged, ())
        return (_rebuilt, (self._tables(), self.checked, self.overlays))

    def __attrs_post_init__(self) -> None:
        by_flag: dict[str, list[str]] = {}
        for concern in sorted(self.concerns.values(), key=_dated):
            for flag in concern.flags:
                by_flag.setdefault(flag, []).append(concern.id)
        index = {flag: tuple(ids) for flag, ids in by_flag.items()}
        object.__setattr__(self, "_concerns_by_flag", index)
        days: set[datetime.date] = set()
        for party in self.parties.values():
            days.update(t.since for t in party.treatment if t.since is not None)
            days.update(t.until for t in party.treatment if t.until is not None)
            days.update(a.since for a in party.allies)
            days.update(a.until for a in party.allies if a.until is not None)
            days.update(c.since for c in party.conflicts)
            days.update(c.until for c in party.conflicts if c.until is not None)
        object.__setattr__(self, "_changes", tuple(sorted(days)))
        bound: set[datetime.date] = set()
        for party in self.parties.values():
            bound.update(p.since for p in party.participations)
            bound.update(p.until for p in party.participations if p.until is not None)
        bound.update(i.adopted for i in self.instruments.values() if i.adopted is not None)
        object.__setattr__(self, "_bindings", tuple(sorted(bound)))
        object.__setattr__(self, "memo", {})

    def remembered(self, key: Hashable, work_out: Callable[[], T]) -> T:
        """The answer to the question ``key`` under this law, worked out once. The memory is
        bounded: past a limit it starts again, so a long-running application does not grow.
        """
        try:
            answer: T = self.memo[key]
        except KeyError:
            if len(self.memo) >= _MEMO_LIMIT:
                self.memo.clear()
            answer = self.memo[key] = work_out()
        return answer

    def order(self, table: str) -> dict[str, int]:
        """The place of each code in one of the law's tables (``flags``, ``obligations``):
        the order in which outputs list them, worked out once.
        """
        return self.remembered(
            ("order", table), lambda: {code: n for n, code in enumerate(getattr(self, table))}
        )

    def context(self, circumstances: Hashable) -> int:
        """A number that stands for ``circumstances`` in the keys of remembered answers: a
        small key hashes faster than the circumstances, and the rules ask several questions
        under each. Numbers are never given twice, so one outliving the memory is still true.
        """
        return self.remembered(("context", circumstances), _CONTEXTS.__next__)

    @property
    def change_days(self) -> tuple[datetime.date, ...]:
        """The days :meth:`treatment`, :meth:`allies`, :meth:`adverse` and :meth:`sides`
        may answer differently from the day before, in order.
        """
        return self._changes

    @property
    def binding_days(self) -> tuple[datetime.date, ...]:
        """The days :meth:`binds` may answer differently from the day before, in order."""
        return self._bindings

    def period(self, on: datetime.date) -> int:
        """Which stretch of time ``on`` falls in: days of one period get the same answer
        from :meth:`treatment`, :meth:`allies` and :meth:`adverse`, so rules may remember
        answers by period.
        """
        return bisect.bisect_right(self._changes, on)

    def binding_period(self, on: datetime.date) -> int:
        """Which stretch of time ``on`` falls in for what binds whom: days of one period get
        the same answer from :meth:`binds`, so rules may remember its answers by period.
        """
        return bisect.bisect_right(self._bindings, on)

    # --- loading ---------------------------------------------------------------------------

    @classmethod
    def packaged(cls) -> Law:
        """The law data shipped with powcase, read on the first call and kept."""
        law = _PACKAGED.get("law")
        if law is None:
            checked, fragments = loading.packaged_fragments()
            applied = loading.apply({}, fragments)
            law = cls._of(applied.tables, checked, ())
            _PACKAGED["law"] = law
        return law

    def overlaid(self, *sources: Source, origin: str = "<mapping>") -> Law:
        """A new value with each overlay applied in order.

        An overlay has the shape of the packaged data in one mapping (``instruments``,
        ``provisions``, ``parties``, ``concerns``, ``flags``, ``obligations``, ``messages``,
        each by key); an entry replaces the entry with its key whole, a new key is added,
        nothing is deleted. :class:`~powcase.errors.LawDataError` locates every problem in the
        overlay (``origin`` names a mapping in messages and in :attr:`overlays`).
        """
        arguments.overlays("sources", sources)
        law = self
        for source in sources:
            label, fragments = loading.overlay_fragments(source, origin)
            applied = loading.apply(law._tables(), fragments)
            record = {
                "path": label,
                "added": list(applied.added),
                "replaced": list(applied.replaced),
            }
            law = Law._of(applied.tables, law.checked, (*law.overlays, record))
        return law

    @classmethod
    def _of(
        cls, tables: dict[str, dict[str, Any]], checked: datetime.date, overlays: Iterable[Any]
    ) -> Law:
        return cls(
            tables["instruments"],
            tables["provisions"],
            tables["parties"],
            tables["concerns"],
            tables["flags"],
            tables["obligations"],
            tables["messages"],
            checked,
            tuple(overlays),
        )

    def _tables(self) -> dict[str, dict[str, Any]]:
        return {
            "instruments": self.instruments,
            "provisions": self.provisions,
            "parties": self.parties,
            "concerns": self.concerns,
            "flags": self.flags,
            "obligations": self.obligations,
            "messages": self.messages,
        }

    def generated_by(self) -> dict[str, Any]:
        """What outputs say of the law they used: its review date, and the overlays if any."""
        out: dict[str, Any] = {"law_data": self.checked.isoformat()}
        if self.overlays:
            out["overlays"] = [
                {"path": o["path"], "added": list(o["added"]), "replaced": list(o["replaced"])}
                for o in self.overlays
            ]
        return out

    # --- provisions ------------------------------------------------------------------------

    def provision(self, provision_id: str) -> Provision:
        """The catalogue entry for ``provision_id``; UnknownProvision, with a guess, if none."""
        if not isinstance(provision_id, str):
            raise UnknownProvision(repr(provision_id))
        try:
            return self.provisions[provision_id]
        except KeyError:
            raise UnknownProvision(provision_id, closest(provision_id, self.provisions)) from None

    def resolves(self, provision_id: str) -> bool:
        """Whether ``provision_id`` is in the catalogue."""
        return provision_id in self.provisions

    # --- parties ---------------------------------------------------------------------------

    def party(self, code: str) -> Party:
        """The table's entry for ``code``; :class:`~powcase.errors.UnknownState` if none."""
        try:
            return self.parties[code]
        except KeyError:
            raise UnknownState(code, sorted(self.parties)) from None

    def binding(self, state: str, instrument: str, on: datetime.date) -> Participation | None:
        """The participation by which ``instrument`` binds ``state`` on that day, if any.

        A declared intention to apply a treaty counts. The 1951 Refugee Convention binds a
        state party to its 1967 Protocol, which applies the Convention's rules.
        """
        known = self.parties.get(state)
        if known is None:
            return None
        accepted = {instrument, "RC-1967"} if instrument == "RC" else {instrument}
        for participation in known.participations:
            if participation.instrument in accepted and participation.in_force(on):
                return participation
        return None

    def binds(self, state: str, provision_id: str, on: datetime.date) -> bool:
        """Whether the instrument of ``provision_id`` binds ``state`` on that day.

        Custom binds every state; a treaty the states it binds that day (a paragraph binds
        with its article); a national law its state; a declaration its state from the day it
        was made, or, made with a deposit, from the day the deposit binds it; an agreement the
        states that made it, from that day; an interpretive text binds none.

        >>> law = Law.packaged()
        >>> law.binds("KR", "ROK-DECL-GCIII-118", datetime.date(1966, 8, 16))
        True
        >>> law.binds("KR", "ROK-DECL-GCIII-118", datetime.date(1966, 8, 15))
        False
        >>> law.binds("US", "ROK-DECL-GCIII-118", datetime.date(1966, 8, 16))
        False
        """
        instrument = self.instruments[self.provisions[provision_id].instrument]
        binding = instrument.binding
        if binding == "custom":
            return True
        if binding == "treaty":
            return self.binding(state, instrument.id, on) is not None
        if binding == "national":
            return instrument.state == state
        made = instrument.adopted is None or instrument.adopted <= on
        if binding == "declaration":
            if instrument.state != state:
                return False
            if instrument.with_deposit is None or instrument.adopted is None:
                return made
            return self.in_effect_from(state, instrument.with_deposit, instrument.adopted) <= on
        if binding == "agreement":
            return state in instrument.between and made
        return False

    def interpretive(self, provision_id: str) -> bool:
        """Whether ``provision_id`` belongs to a text that binds nobody (a commentary)."""
        return self.instruments[self.provisions[provision_id].instrument].binding == (
            "interpretive"
        )

    def allies(self, state: str, on: datetime.date) -> tuple[str, ...]:
        """The states allied with ``state`` on that day."""
        known = self.parties.get(state)
        if known is None:
            return ()
        return tuple(a.state for a in known.allies if a.in_force(on))

    def sides(self, state: str, on: datetime.date) -> dict[str, str]:
        """The armed conflicts ``state`` is a party to on that day, with its side in each."""
        known = self.parties.get(state)
        if known is None:
            return {}
        return {c.conflict: c.side for c in known.conflicts if c.in_force(on)}

    def adverse(self, state: str, other: str, on: datetime.date) -> bool:
        """Whether the two states are parties on different sides of one armed conflict on
        that day.

        >>> law = Law.packaged()
        >>> law.adverse("KP", "UA", datetime.date(2025, 1, 9))
        True
        >>> law.adverse("KP", "UA", datetime.date(2024, 10, 1))
        False
        """
        key = ("adverse", state, other, self.period(on))
        try:
            answer: bool = self.memo[key]
        except KeyError:
            mine = self.sides(state, on)
            theirs = self.sides(other, on)
            found = any(theirs.get(conflict, side) != side for conflict, side in mine.items())
            answer = self.remembered(key, lambda: found)
        return answer

    def treatment(
        self, state: str, acts: Iterable[str], on: datetime.date
    ) -> tuple[Treatment, ...]:
        """What ``state`` does, on that day, to those returned to it for any of ``acts``."""
        known = self.parties.get(state)
        if known is None or not known.treatment:
            return ()
        return tuple(t for t in known.treatment if t.act in acts and t.in_force(on))

    def reservations(
        self, state: str, provision_id: str, on: datetime.date
    ) -> tuple[Reservation, ...]:
        """The reservations and declarations of ``state`` on ``provision_id`` in force then:
        one made with a deposit of the provision's treaty has effect from the day the deposit
        binds the state (see :meth:`in_effect_from`).
        """
        known = self.parties.get(state)
        if known is None:
            return ()
        return tuple(
            r
            for r in known.reservations
            if r.provision == provision_id and self._in_effect(state, r, on)
        )

    def _in_effect(self, state: str, reservation: Reservation, on: datetime.date) -> bool:
        """Whether ``state``'s reservation has effect on ``on``: made, not withdrawn, and
        its treaty binding the state under the deposit it was made with, if any.
        """
        instrument = self.provisions[reservation.provision].instrument
        return reservation.in_force(on) and (
            self.in_effect_from(state, instrument, reservation.made) <= on
        )

    def in_effect_from(self, state: str, instrument: str, made: datetime.date) -> datetime.date:
        """The day a reservation or declaration ``state`` made on ``made`` to ``instrument``
        takes effect: never before the treaty binds the state by its own consent (a deposit
        that has taken effect). A reservation modifies obligations only between parties, and
        an interpretive declaration reads obligations the state has only once bound
        (customary law, as the Vienna Convention of 1969 later wrote it down in articles 2
        and 21). One made with the deposit takes effect when the deposit does; one made at
        signature, when the later deposit does; one made after the state was bound, when
        made.
        """
        known = self.parties.get(state)
        starts = [
            p.since
            for p in (known.participations if known else ())
            if p.instrument == instrument
            and p.deposited is not None
            and (p.until is None or made < p.until)
        ]
        return max(made, min(starts)) if starts else made

    def profile(self, code: str, on: datetime.date) -> dict[str, Any]:
        """What the table says of ``code`` on a day: treaties binding it (with
        ``immediate_effect``, the provision by which a deposit bound it at once as a party to
        an armed conflict, GCIII-141 or GCIV-157, else None), reservations and declarations,
        allies, what it does to those returned to it and the conflicts it is a party to, each
        with its source.
        """
        entry = self.party(code)

        def dated(day: datetime.date | None) -> str | None:
            return day.isoformat() if day else None

        def title(instrument: str) -> str:
            known = self.instruments.get(instrument)
            return known.title if known else instrument

        return {
            "code": entry.code,
            "name": entry.name,
            "on": on.isoformat(),
            "binding": [
                {
                    "instrument": p.instrument,
                    "title": title(p.instrument),
                    "how": p.how,
                    "since": dated(p.since),
                    "until": dated(p.until),
                    "immediate_effect": p.immediate_effect,
                    "note": p.note,
                    "source": p.source,
                }
                for p in entry.participations
                if p.in_force(on)
            ],
            "reservations": [
                {
                    "provision": r.provision,
                    "kind": r.kind,
                    "made": dated(r.made),
                    "in_effect_from": dated(
                        self.in_effect_from(
                            entry.code, self.provisions[r.provision].instrument, r.made
                        )
                    ),
                    "summary": r.summary,
                    "source": r.source,
                }
                for r in entry.reservations
                if self._in_effect(entry.code, r, on)
            ],
            "allies": [
                {"state": a.state, "since": dated(a.since), "basis": a.basis, "source": a.source}
                for a in entry.allies
                if a.in_force(on)
            ],
            "treatment": [
                {
                    "act": t.act,
                    "kinds": list(t.kinds),
                    "since": dated(t.since),
                    "until": dated(t.until),
                    "summary": t.summary,
                    "cites": list(t.cites),
                    "source": t.source,
                }
                for t in entry.treatment
                if t.in_force(on)
            ],
            "claims_nationals_of": list(entry.claims_nationals_of),
            "protects_applicants": list(entry.protects_applicants),
            "abolished_death_penalty": dated(entry.abolished_death_penalty),
            "conflicts": [
                {
                    "conflict": c.conflict,
                    "side": c.side,
                    "since": dated(c.since),
                    "source": c.source,
                }
                for c in entry.conflicts
                if c.in_force(on)
            ],
        }

    # --- concerns, flags, obligations, messages --------------------------------------------

    def concerns_for(
        self,
        flag: str,
        *,
        nationality: Iterable[str] | None = None,
        held_by: str | None = None,
        by: datetime.date | None = None,
    ) -> tuple[str, ...]:
        """The ids of the concerns bearing on a flag code, oldest first: with
        ``nationality`` (his list) or ``held_by``, those about a prisoner of that nationality
        or held by that state (each as given); with ``by``, those published by that day.
        """
        found = self._concerns_by_flag.get(flag, ())
        about = nationality is not None or held_by is not None
        if not about and by is None:
            return found
        his = None if nationality is None else tuple(nationality)

        def work_out() -> tuple[str, ...]:
            return tuple(c for c in found if self.concerns[c].fits(his, held_by, by))

        # Every entry of every flag asks it again, with the case's own answers.
        return self.remembered(("concerns", flag, his, held_by, by), work_out)

    def render(self, code: str, params: Mapping[str, Any]) -> str:
        """The sentence of reason ``code`` filled with ``params``.

        ``onward_text`` is derived: the clause about an ally that would pass him on, when
        ``onward`` names one; so is ``instead_text``: the moves named by ``instead``, or, when
        it names none, that ``to`` is a party on his side which no other move reaches. A tuple
        of values reads as alternatives ("a or b").

        >>> Law.packaged().render("no_known_risk", {"to": "RU"})
        'No risk to him in RU is on record.'
        """
        return self.messages[code].format(**clauses.values(params))

    def flag_text(self, code: str) -> str:
        """What flag ``code`` means."""
        return self.flags[code].text

    def obligation_text(self, code: str) -> str:
        """What obligation ``code`` asks."""
        return self.obligations[code].text


def _dated(concern: Concern) -> datetime.date:
    return concern.date


def read_on_first_use(
    module: str, tables: Mapping[str, Callable[[Law], Any]]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` that reads each named table of the packaged law when it is
    first asked for, so that importing the module reads no data file.
    """

    def attribute(name: str) -> Any:
        if name in tables:
            return tables[name](Law.packaged())
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return attribute


def _rebuilt(
    tables: dict[str, dict[str, Any]], checked: datetime.date, overlays: Iterable[Any]
) -> Law:
    """A law from its tables (what :meth:`Law.__reduce__` pickles for an overlaid law)."""
    return Law._of(tables, checked, overlays)


LawLike = Law | Source | Iterable[Source] | None
"""What a ``law`` argument accepts: a Law, None for the packaged law, or overlays to apply to
the packaged law (a path, a mapping, or a list of them)."""


def law_of(value: LawLike) -> Law:
    """The :class:`Law` that a ``law`` argument names."""
    if value is None:
        return Law.packaged()
    if isinstance(value, Law):
        return value
    if isinstance(value, Iterable | str | os.PathLike | Mapping):
        return Law.packaged().overlaid(*arguments.overlays("law", value))
    raise arguments.wrong_type(
        "law", value, "a Law, None, or overlay paths or mappings to apply to the packaged law"
    )
