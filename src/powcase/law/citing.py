"""Which provisions a rule may cite: those that bind the acting state on the day.

A treaty article binds a state that ratified or acceded to it (or declared it would apply
it) by then; an agreement's, the states it was made between; custom binds every state; a
national law is cited only by the rules that read it for its own state. An article that does
not bind gives way to the customary rule where there is one. An interpretive source is cited
only beside a rule that binds, under the reading that adopts it.
"""

from __future__ import annotations

import datetime

from powcase.law.book import Law
from powcase.model.verdict import Reading

__all__ = ["cited", "cited_now"]


def cited(
    law: Law,
    acting: str,
    on: datetime.date,
    cites: tuple[str, ...],
    reading: Reading | None,
) -> tuple[tuple[str, ...], bool, tuple[tuple[str, str | None], ...]]:
    """Which of ``cites`` a rule may cite for an act of ``acting`` on ``on`` under
    ``reading``: the ids kept (a treaty id that does not bind gives way to its customary rule,
    or is dropped), whether an interpretive source kept is later than ``on``, and each id that
    did not bind ``acting`` with the customary rule cited in its place (None: nothing is).
    """
    kept: list[str] = []
    unbound: list[tuple[str, str | None]] = []
    later = False
    rules = 0
    for cite in cites:
        provision = law.provisions[cite]
        instrument = law.instruments[provision.instrument]
        binding = instrument.binding
        if binding == "interpretive":
            adopted = reading in provision.readings if provision.readings else reading is None
            if not adopted:
                continue
            later = later or (instrument.adopted is not None and instrument.adopted > on)
        elif binding not in _BINDING_ALWAYS and not law.binds(acting, cite, on):
            unbound.append((cite, provision.customary))
            if provision.customary is None or provision.customary in kept:
                continue
            cite = provision.customary  # noqa: PLW2901 - the customary rule takes its place
        rules += binding != "interpretive"
        kept.append(cite)
    if not rules:
        # An interpretive source is never cited alone: it reads a rule that binds.
        return (), False, tuple(unbound)
    return (cites if kept == list(cites) else tuple(kept)), later, tuple(unbound)


_BINDING_ALWAYS = frozenset({"custom", "national"})
"""Instruments a reason may cite whoever acts: custom binds every state; national law is
cited only by the rules that read it for its own state's act, claim or reading."""


def cited_now(law: Law, acting: str, on: datetime.date, cites: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of ``cites`` that a finding of ``on`` about an act of ``acting`` may cite, read
    under no contested reading; remembered per law and period.
    """
    key = ("cited now", acting, cites, law.binding_period(on))
    return law.remembered(key, lambda: cited(law, acting, on, cites, None)[0])
