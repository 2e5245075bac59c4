"""The entries of the law's tables: instruments, provisions, parties and published concerns.

These are plain frozen values built from the data files under ``data/``; the tables that hold
them are a :class:`~powcase.law.book.Law`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from powcase._util.dates import add_months
from powcase._util.readable import readable
from powcase.model.verdict import Reading

__all__ = [
    "Alliance",
    "Concern",
    "ConcernAbout",
    "ConflictSide",
    "Instrument",
    "Participation",
    "Party",
    "Provision",
    "Reservation",
    "TakesEffect",
    "Treatment",
]


@attrs.frozen
class TakesEffect:
    """An instrument's entry-into-force clause for a state that joins it later.

    The deposit takes effect ``months`` and ``days`` after it is made; with ``first_of_month``
    on the first day of the month that follows that period (as Council of Europe protocols
    count). ``article`` names the clause.
    """

    months: int = 0
    days: int = 0
    first_of_month: bool = False
    article: str = ""
    in_conflict: str | None = None
    """The provision giving a deposit by a party to an armed conflict immediate effect for it
    (GCIII-141, GCIV-157); None where the instrument has no such clause."""

    def after(self, deposited: datetime.date) -> datetime.date:
        """The day a deposit made on ``deposited`` takes effect under this clause alone."""
        day = add_months(deposited, self.months) + datetime.timedelta(days=self.days)
        if self.first_of_month:
            return add_months(day.replace(day=1), 1)
        return day


@attrs.frozen
class Instrument:
    """A treaty, a body of customary law, a commentary, a declaration, an agreement or a
    national law.

    ``binding`` says how it binds: ``treaty`` (a state by ratification or accession, or by
    declaring it would apply it, see the parties table), ``custom`` (every state), ``national``
    (the enacting state, for its own acts, claims and readings), ``declaration`` (the declaring
    ``state`` alone, from the day it was made, ``adopted``, or, made with a deposit, from the
    day the deposit binds it: ``with_deposit``), ``agreement`` (the states
    ``between`` which it was made, from the day it was made) or ``interpretive`` (it binds
    nobody; it is a reading of another text, cited beside it under a reading that adopts it).
    """

    id: str
    title: str
    binding: str
    adopted: datetime.date | None
    url: str
    in_force: datetime.date | None = None
    state: str | None = None
    """For a national law or a state's declaration: the state it belongs to."""
    takes_effect: TakesEffect | None = None
    """For a treaty: when a later deposit takes effect for the depositing state."""
    depositary: str | None = None
    """For a treaty: where its depositary lists its parties."""
    between: tuple[str, ...] = ()
    """For an agreement: the states that made it."""
    with_deposit: str | None = None
    """For a declaration made with the declaring state's deposit of a treaty (on acceding to
    it, or ratifying it): that treaty. An interpretive declaration speaks to obligations the
    state has only once the deposit binds it, so it binds from that day, not from the day it
    was made."""

    def effective(
        self, deposited: datetime.date, conflicts: Iterable[ConflictSide] = ()
    ) -> datetime.date | None:
        """The day a deposit binds the state: its clause, never before general entry into
        force; None for an instrument without a clause.

        Where the clause gives a party to an armed conflict immediate effect (``in_conflict``:
        GCIII-141, GCIV-157), a deposit made while the state is a party to one of
        ``conflicts`` with hostilities not yet closed, or shortly before it becomes one (before
        the usual period has run), binds from the later of the deposit and the day it became
        a party.
        """
        if self.takes_effect is None or self.in_force is None:
            return None
        day = self.takes_effect.after(deposited)
        if self.takes_effect.in_conflict is not None:
            starts = [
                start
                for c in conflicts
                if (start := max(deposited, c.since)) < day and c.active(start)
            ]
            day = min([day, *starts])
        return max(day, self.in_force)

    def immediate(self, deposited: datetime.date, conflicts: Iterable[ConflictSide]) -> bool:
        """Whether a deposit binds sooner than the usual period because the state is a party
        to an armed conflict (see :meth:`effective`).
        """
        if self.takes_effect is None or self.in_force is None:
            return False
        usual = max(self.takes_effect.after(deposited), self.in_force)
        return self.effective(deposited, conflicts) != usual


def _readings(values: Iterable[Reading | Mapping[str, Any]]) -> tuple[Reading, ...]:
    return tuple(
        v if isinstance(v, Reading) else Reading(v["assumption"], v["option"]) for v in values
    )


@readable
@attrs.frozen
class Provision:
    """One provision: id, instrument, article (and paragraph), paraphrase and official URL."""

    id: str
    instrument: str
    article: str
    paraphrase: str
    url: str
    readings: tuple[Reading, ...] = attrs.field(default=(), converter=_readings)
    """For an interpretive source: the options of the assumptions that adopt it."""
    customary: str | None = None
    """For a treaty provision: the customary rule that applies where the treaty does not
    bind the acting state, if there is one."""

    def _short(self) -> str:
        return f"{self.id} ({self.instrument} {self.article})"

    def _summary(self) -> str:
        return f"{self.id} ({self.instrument} {self.article}): {self.paraphrase}"

    def _details(self) -> list[str]:
        return [self.url]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form used by ``describe()``; ``readings`` and ``customary`` only where
        there are some.
        """
        out: dict[str, Any] = {
            "id": self.id,
            "instrument": self.instrument,
            "article": self.article,
            "paraphrase": self.paraphrase,
            "url": self.url,
        }
        if self.readings:
            out["readings"] = [r.to_dict() for r in self.readings]
        if self.customary:
            out["customary"] = self.customary
        return out


@attrs.frozen
class Participation:
    """A state's tie to a treaty: ``how`` (ratification, accession, succession or declared),
    the deposit date, the day it started to bind the state, and the day it stopped, if any.
    ``checked`` is the day the entry was last checked against its source.
    """

    instrument: str
    how: str
    since: datetime.date
    until: datetime.date | None
    deposited: datetime.date | None
    source: str
    note: str = ""
    checked: datetime.date | None = None
    immediate_effect: str | None = None
    """The provision by which the deposit bound the state at once, as a party to an armed
    conflict (GCIII-141, GCIV-157); None where the usual period applied."""

    def in_force(self, on: datetime.date) -> bool:
        """Whether it binds the state on that day (the ``until`` day itself no longer)."""
        return self.since <= on and (self.until is None or on < self.until)


@attrs.frozen
class Reservation:
    """A reservation or interpretive declaration that matters to the model."""

    provision: str
    kind: str
    made: datetime.date
    summary: str
    source: str
    until: datetime.date | None = None

    def in_force(self, on: datetime.date) -> bool:
        """Whether it was made by, and not withdrawn before, that day."""
        return self.made <= on and (self.until is None or on < self.until)


@attrs.frozen
class Alliance:
    """An ally that would pass a national of the other state on to it (onward return)."""

    state: str
    since: datetime.date
    basis: str
    source: str
    until: datetime.date | None = None

    def in_force(self, on: datetime.date) -> bool:
        """Whether the alliance held on that day."""
        return self.since <= on and (self.until is None or on < self.until)


@attrs.frozen
class ConflictSide:
    """A state's side in an armed conflict, from the day it became a party to it.

    States on different sides of one conflict are adverse to each other; ``conflict`` is a
    code shared by the states of one conflict (``ru_ua``, ``korea_1950``).
    """

    conflict: str
    side: str
    since: datetime.date
    source: str
    until: datetime.date | None = None
    note: str = ""
    hostilities_closed: datetime.date | None = None
    """The day military operations closed for it (an armistice): it stays a party to the
    conflict, but a Geneva Convention it joins from then takes the usual period to bind it
    (GCIII-141, GCIV-157 cover deposits made while the fighting lasts)."""

    def in_force(self, on: datetime.date) -> bool:
        """Whether the state was a party to the conflict on that day."""
        return self.since <= on and (self.until is None or on < self.until)

    def active(self, on: datetime.date) -> bool:
        """Whether the state was a party to the conflict, with hostilities not yet closed,
        on that day.
        """
        closed = self.hostilities_closed
        return self.in_force(on) and (closed is None or on < closed)


@attrs.frozen
class Treatment:
    """What a state does to those returned to it for an act: ``kinds`` among the risk kinds
    and prosecution, from ``since`` (None: always) until ``until`` (None: still).
    """

    act: str
    kinds: tuple[str, ...]
    summary: str
    source: str
    since: datetime.date | None = None
    cites: tuple[str, ...] = ()
    until: datetime.date | None = None

    def in_force(self, on: datetime.date) -> bool:
        """Whether the state treated the act so on that day."""
        return (self.since is None or self.since <= on) and (self.until is None or on < self.until)


@attrs.frozen
class Party:
    """What the model knows of one state."""

    code: str
    name: str
    participations: tuple[Participation, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    allies: tuple[Alliance, ...] = ()
    treatment: tuple[Treatment, ...] = ()
    claims_nationals_of: tuple[str, ...] = ()
    """States whose people this state counts as its own nationals (KR: KP, on ROK-CONST-2 and
    -3, ROK-NA-2 and ROK-SC-96NU1221)."""
    conflicts: tuple[ConflictSide, ...] = ()
    """The armed conflicts it is a party to, with its side and since when."""
    protects_applicants: tuple[str, ...] = ()
    """Provisions of its own law that protect an asylum applicant from removal while his
    claim is pending (UA: UA-REF-LAW-1)."""
    abolished_death_penalty: datetime.date | None = None
    """The day it abolished the death penalty (UA: 1999-12-29), if it did."""


@attrs.frozen
class ConcernAbout:
    """Whom a published concern is about, as its source says: prisoners of one of
    ``nationality`` (any, when empty), of none of ``not_nationality`` (foreign prisoners of
    the parties), held by one of ``held_by`` (any power, when empty).
    """

    nationality: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    not_nationality: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    held_by: tuple[str, ...] = attrs.field(default=(), converter=tuple)

    def concerns(self, nationality: Iterable[str] | None, held_by: str | None) -> bool:
        """Whether the concern is about a prisoner of ``nationality`` (his list of
        nationalities; None: not known, so any) held by ``held_by`` (None: any power).
        """
        held = not self.held_by or held_by is None or held_by in self.held_by
        if nationality is None:
            return held
        his = set(nationality)
        return (
            held
            and (not self.nationality or bool(his & set(self.nationality)))
            and not his & set(self.not_nationality)
        )

    def to_dict(self) -> dict[str, list[str]]:
        """The JSON form: the keys given only."""
        keys = ("nationality", "not_nationality", "held_by")
        return {k: list(getattr(self, k)) for k in keys if getattr(self, k)}


@attrs.frozen
class Concern:
    """A published concern: who, when, under what title, where; the flags it bears on and
    whom it is about.
    """

    id: str
    organisation: str
    date: datetime.date
    """The day it was published: it is named for a case only as of that day or later."""
    title: str
    url: str
    flags: tuple[str, ...]
    about: ConcernAbout = ConcernAbout()

    def fits(
        self, nationality: Iterable[str] | None, held_by: str | None, on: datetime.date | None
    ) -> bool:
        """Whether it is about a prisoner of ``nationality`` (None: any) held by ``held_by``
        (None: any power) and was published by ``on`` (None: any day).
        """
        return (on is None or self.date <= on) and self.about.concerns(nationality, held_by)

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "id": self.id,
            "organisation": self.organisation,
            "date": self.date.isoformat(),
            "title": self.title,
            "url": self.url,
            "flags": list(self.flags),
            "about": self.about.to_dict(),
        }
