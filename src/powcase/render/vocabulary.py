"""The words the human views use for a run's values: a verdict's outcome, a flag's severity,
an obligation's status, the legal path's states, each marked for translation.

In English each word is the value itself, so the English views are unchanged; in another
language it is the catalogue's translation (``_(OUTCOMES["refused"])``).

>>> from powcase._util.i18n import gettext_for
>>> gettext_for("uk")(SEVERITIES["critical"])
'критичний'
>>> state_names(["pow", "none"], "en")
['pow', 'none']
"""

from __future__ import annotations

from collections.abc import Iterable

from powcase._util.i18n import N_, SOURCE_LANGUAGE
from powcase.engine.table import NODES
from powcase.law import translated
from powcase.scenario.outcome import OUTCOME_WORDS

__all__ = ["OUTCOMES", "SEVERITIES", "STATUSES", "state_names"]

OUTCOMES = OUTCOME_WORDS
"""A verdict's outcome in words."""

SEVERITIES = {
    "critical": N_("critical"),
    "high": N_("high"),
    "medium": N_("medium"),
    "low": N_("low"),
}
"""A flag's severity in words."""

STATUSES = {
    "met": N_("met"),
    "pending": N_("pending"),
    "overdue": N_("overdue"),
    "lapsed": N_("lapsed"),
}
"""An obligation's status in words."""


def state_names(states: Iterable[str], lang: str) -> list[str]:
    """The legal path's states by their names in ``lang``; in English, by their ids, as the
    English views always showed them.
    """
    if lang == SOURCE_LANGUAGE:
        return list(states)
    return [translated.state(s, lang).text if s in NODES else s for s in states]
