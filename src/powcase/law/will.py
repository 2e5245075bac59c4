"""His will: what the record says he wants, and whether it settles a guard.

A ``wish_verified`` for a destination is consent, and implies the wish is free. A
``wish_expressed`` without verification, or wishes that differ between sources since the last
verification (contested, whatever their dates), leave a guard open. No wish for a destination
at all fails a guard that needs one.
"""

from __future__ import annotations

import enum

from powcase.engine.facts import Facts

__all__ = ["Refusal", "Will", "contested", "refusal_of", "wish_for"]


class Will(enum.Enum):
    """His will towards one destination, as far as a guard needing his wish is concerned."""

    CONSENT = "consent"
    """A verified, free wish to go there, uncontradicted since."""
    OPEN = "open"
    """A wish to go there that is unverified, or contested by another source."""
    NONE = "none"
    """No wish to go there on record."""


class Refusal(enum.Enum):
    """Whether he has openly and freely refused a move (the ``free_will`` reading)."""

    REFUSED = "refused"
    OPEN = "open"
    NOT_REFUSED = "not_refused"


def contested(facts: Facts) -> bool:
    """Whether the wishes on record since the last verification differ."""
    return len({w.destination for w in facts.wishes}) > 1


def wish_for(facts: Facts, destination: str) -> Will:
    """His will towards ``destination``.

    >>> from powcase.engine.facts import Wish
    >>> import datetime
    >>> day = datetime.date(2025, 2, 19)
    >>> wish_for(Facts(wishes=(Wish("KR", ("chosun",), day, 3),)), "KR")
    <Will.OPEN: 'open'>
    >>> wish_for(Facts(wishes=(Wish("KR", (), day, 3, verified=True),)), "KR")
    <Will.CONSENT: 'consent'>
    """
    matching = [w for w in facts.wishes if w.destination == destination]
    if not matching:
        return Will.NONE
    if not contested(facts) and any(w.verified for w in matching):
        return Will.CONSENT
    return Will.OPEN


def refusal_of(facts: Facts, destination: str) -> Refusal:
    """Whether he has openly and freely refused a move to ``destination``.

    A verified wish for another destination (or to stay) is a refusal; any unverified or
    contested wish leaves it open; no wish at all is no refusal.
    """
    if not facts.wishes:
        return Refusal.NOT_REFUSED
    verified = facts.verified_wish
    if verified is not None and not contested(facts):
        return Refusal.NOT_REFUSED if verified.destination == destination else Refusal.REFUSED
    return Refusal.OPEN
