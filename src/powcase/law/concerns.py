"""Who raised each kind of humanitarian concern: organisation, date, title and link.

A flag names the concerns of its kind, so a report can say "raised by Human Rights Watch,
26 February 2026" and link to it. The entries are data (``data/concerns.yaml``), about the
North Korean prisoners held in Ukraine since January 2025, and about prisoners of war in the
same conflict. ``CONCERNS`` is read from the data on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powcase.law.book import Law, read_on_first_use
from powcase.law.entries import Concern

__all__ = ["CONCERNS", "Concern", "concerns_for"]

if TYPE_CHECKING:
    CONCERNS: dict[str, Concern]
    """Published concerns, by id."""


__getattr__ = read_on_first_use(__name__, {"CONCERNS": lambda law: law.concerns})


def concerns_for(flag: str) -> tuple[str, ...]:
    """The ids of the concerns bearing on a flag code, oldest first."""
    return Law.packaged().concerns_for(flag)
