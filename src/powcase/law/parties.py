"""The parties table: which instruments bind each state and since when, and what it does to
those returned to it.

The table is data, one file per state under ``data/parties/``. Each participation is dated by
its deposit; the date it binds the state is computed from that deposit with the instrument's
own entry-into-force clause (six months for the Geneva Conventions, three for the ICCPR,
thirty days for CAT...), written in ``data/instruments.yaml``. Each entry names a source: the
depositary's list, which is where to check a date before relying on it. States that declared
they would apply a treaty before being bound (the Korean War belligerents, 1950-1953) have a
``declared`` participation that ends when they became bound.

A state the table does not describe has no known treaty, ally or risk: guards say so in their
reasons rather than guess. The functions here read the packaged law
(:meth:`powcase.law.book.Law.packaged`); ``PARTIES`` and ``DEPOSITARY`` are read from the data
on first use.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from powcase.law.book import Law, read_on_first_use
from powcase.law.entries import Alliance, Participation, Party, Reservation, Treatment
from powcase.law.shape import ACTS, RISK_KINDS

__all__ = [
    "ACTS",
    "PARTIES",
    "RISK_KINDS",
    "Alliance",
    "Participation",
    "Party",
    "Reservation",
    "Treatment",
    "allies",
    "binding",
    "binds",
    "party",
    "profile",
    "reservations",
    "treatment",
]

if TYPE_CHECKING:
    PARTIES: dict[str, Party]
    """The states the model knows, by ISO 3166 alpha-2 code."""
    DEPOSITARY: dict[str, str]
    """Where each treaty's depositary lists its parties."""


__getattr__ = read_on_first_use(
    __name__,
    {
        "PARTIES": lambda law: law.parties,
        "DEPOSITARY": lambda law: {
            i.id: i.depositary for i in law.instruments.values() if i.depositary
        },
    },
)


def party(code: str) -> Party:
    """The table's entry for ``code``; :class:`~powcase.errors.UnknownState` if it has none."""
    return Law.packaged().party(code)


def binding(state: str, instrument: str, on: datetime.date) -> Participation | None:
    """The participation by which ``instrument`` binds ``state`` on that day, if any.

    A declared intention to apply a treaty counts. The 1951 Refugee Convention binds a state
    party to its 1967 Protocol, which applies the Convention's rules.
    """
    return Law.packaged().binding(state, instrument, on)


def binds(state: str, provision_id: str, on: datetime.date) -> bool:
    """Whether the instrument of ``provision_id`` binds ``state`` on that day.

    Custom binds every state; an interpretive text binds none; a national law binds its state.
    """
    return Law.packaged().binds(state, provision_id, on)


def allies(state: str, on: datetime.date) -> tuple[str, ...]:
    """The states allied with ``state`` on that day."""
    return Law.packaged().allies(state, on)


def treatment(state: str, acts: Iterable[str], on: datetime.date) -> tuple[Treatment, ...]:
    """What ``state`` does, on that day, to those returned to it for any of ``acts``."""
    return Law.packaged().treatment(state, acts, on)


def reservations(state: str, provision_id: str, on: datetime.date) -> tuple[Reservation, ...]:
    """The reservations and declarations of ``state`` on ``provision_id`` in force that day."""
    return Law.packaged().reservations(state, provision_id, on)


def profile(code: str, on: datetime.date) -> dict[str, Any]:
    """What the table says of ``code`` on a day: treaties binding it, reservations and
    declarations, allies, and what it does to those returned to it, each with its source.
    """
    return Law.packaged().profile(code, on)
