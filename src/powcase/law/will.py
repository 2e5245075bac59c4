"""His will: what the record says he wants, and whether it settles a guard.

A prisoner cannot renounce his rights (GCIII-7), so a wish that lets the detaining power send
him somewhere is his consent only if it was shown to be free. The assumption
``wish_verifiers`` says whose check shows it: by default the ICRC, UNHCR, a protecting power or
a neutral commission (``independent``); those after hearing him without witnesses
(``independent_private``); or anyone (``any``, as version 1 read every ``wish_verified``).

Under a reading, a ``wish_verified`` that counts is consent, and free. A ``wish_expressed``, a
verification that does not count (a claim from its sources), a wish he made conditional, or
wishes that differ between sources since the last counting verification (contested, whatever
their dates) leave a guard open. A ``wish_withdrawn`` sets aside his wishes for that
destination. No wish for a destination at all fails a guard that needs one.
"""

from __future__ import annotations

import enum

from powcase.engine.facts import VERIFIER_READINGS, Facts, Wish, counts
from powcase.model import events as ev

__all__ = [
    "Refusal",
    "Will",
    "contested",
    "open_fact",
    "reading_matters",
    "refusal_of",
    "verification_counts",
    "wish_for",
    "wished",
]


class Will(enum.Enum):
    """His will towards one destination, as far as a guard needing his wish is concerned."""

    CONSENT = "consent"
    """A verified, free, unconditional wish to go there, uncontradicted since."""
    OPEN = "open"
    """A wish to go there that is unverified, conditional or contested by another source."""
    NONE = "none"
    """No wish to go there on record."""


class Refusal(enum.Enum):
    """Whether he has openly and freely refused a move (the ``free_will`` reading)."""

    REFUSED = "refused"
    OPEN = "open"
    NOT_REFUSED = "not_refused"


def contested(facts: Facts, verifiers: str) -> bool:
    """Whether the wishes on record since the last counting verification differ."""
    return len({w.destination for w in facts.wishes(verifiers)}) > 1


def wished(facts: Facts, verifiers: str) -> list[str]:
    """Every destination a wish on record names, sorted."""
    return sorted({w.destination for w in facts.wishes(verifiers)})


def _settled(matching: list[Wish]) -> bool:
    """Whether a counting, unconditional verification for the destination stands, with no
    later condition claimed on it.
    """
    verified = next((w for w in matching if w.verified), None)
    if verified is None or verified.condition is not None:
        return False
    return all(w.condition is None for w in matching)


def wish_for(facts: Facts, destination: str, verifiers: str) -> Will:
    """His will towards ``destination`` under the ``wish_verifiers`` option ``verifiers``.

    >>> from powcase.engine.facts import Wish
    >>> import datetime
    >>> day = datetime.date(2025, 2, 19)
    >>> claim = (Wish("KR", ("chosun",), day, 3),)
    >>> wish_for(Facts(wish_views=(claim, claim, claim)), "KR", "independent")
    <Will.OPEN: 'open'>
    >>> checked = (Wish("KR", (), day, 3, verified=True),)
    >>> wish_for(Facts(wish_views=(claim, claim, checked)), "KR", "any")
    <Will.CONSENT: 'consent'>
    """
    wishes = facts.wishes(verifiers)
    matching = [w for w in wishes if w.destination == destination]
    if not matching:
        return Will.NONE
    if len({w.destination for w in wishes}) == 1 and _settled(matching):
        return Will.CONSENT
    return Will.OPEN


def open_fact(facts: Facts, destination: str, verifiers: str) -> str:
    """What an open point on his wish about ``destination`` is about: ``wish_condition``
    where the latest wish for it is conditional (only an unconditional one settles it), else
    ``wish`` (unverified or contested).
    """
    matching = [w for w in facts.wishes(verifiers) if w.destination == destination]
    if matching and matching[-1].condition is not None:
        return "wish_condition"
    return "wish"


def refusal_of(facts: Facts, destination: str, verifiers: str) -> Refusal:
    """Whether he has openly and freely refused a move to ``destination``.

    A counting, unconditional verified wish for another destination (or to stay) is a
    refusal; any unverified, conditional or contested wish leaves it open; no wish at all is
    no refusal.
    """
    wishes = facts.wishes(verifiers)
    if not wishes:
        return Refusal.NOT_REFUSED
    verified = wishes[0] if wishes[0].verified else None
    if verified is not None and not contested(facts, verifiers):
        if verified.destination == destination:
            return Refusal.NOT_REFUSED
        if _settled([w for w in wishes if w.destination == verified.destination]):
            return Refusal.REFUSED
    return Refusal.OPEN


def verification_counts(event: ev.WishVerified, verifiers: str) -> bool:
    """Whether the verification ``event`` counts as his consent under ``verifiers``."""
    return counts(event)[VERIFIER_READINGS.index(verifiers)]


def reading_matters(facts: Facts) -> bool:
    """Whether ``wish_verifiers`` could change what the record says of his will: the
    readings see his wishes differently (a verification counts under some, not others).
    """
    views = facts.wish_views
    return not (views[0] == views[1] == views[2])
