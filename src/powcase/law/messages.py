"""The message catalogue: the sentence of every reason, keyed by its stable code.

Reasons carry a code and parameters; their text is rendered from the law data
(``law/data/messages.yaml``), so a translation is one more catalogue with the same keys.
The texts of flags and obligations live with their rules (``flags.yaml``,
``obligations.yaml``). The catalogues are read from the data on first use.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from powcase.law.book import Law, read_on_first_use
from powcase.law.clauses import DERIVED

__all__ = [
    "FLAG_MESSAGES",
    "MESSAGES",
    "OBLIGATION_MESSAGES",
    "RETIRED",
    "placeholders",
    "render",
]

if TYPE_CHECKING:
    MESSAGES: dict[str, str]
    """Every reason's sentence, by code."""
    FLAG_MESSAGES: dict[str, str]
    """What each humanitarian-risk flag means, by code."""
    OBLIGATION_MESSAGES: dict[str, str]
    """What each obligation of the docket asks, by code."""


__getattr__ = read_on_first_use(
    __name__,
    {
        "MESSAGES": lambda law: law.messages,
        "FLAG_MESSAGES": lambda law: {code: r.text for code, r in law.flags.items()},
        "OBLIGATION_MESSAGES": lambda law: {code: r.text for code, r in law.obligations.items()},
    },
)


RETIRED = frozenset({"hostilities_not_ended"})
"""Codes no rule gives any longer. Codes are a public contract, so each keeps its sentence: a
scenario expecting one still loads, and that expectation then fails, as it should.
``hostilities_not_ended`` refused a return before active hostilities ended; GCIII-118 makes
repatriation due then but does not forbid it earlier (a return before is noted,
``repatriation_before_due``)."""


def placeholders(code: str) -> set[str]:
    """The parameters a message expects (derived wording excluded)."""
    sentence = Law.packaged().messages[code]
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name} - DERIVED


def render(code: str, params: Mapping[str, Any]) -> str:
    """The sentence of ``code`` filled with ``params``.

    >>> render("no_known_risk", {"to": "RU"})
    'No risk to him in RU is on record.'
    """
    return Law.packaged().render(code, params)
