"""An undetermined verdict's open points in words: what is missing, and what would settle it.

Each ``missing`` entry names a fact (``wish``, ``forces``...); why the verdict stays open is
the sentence of the law's ``open`` reason beside it. Here is the fact in words and what a
scenario's author can record to give it, in the scenario format's terms (an event, or a field
of the subject); where no field of the record settles it (a decision left to an authority),
that is said.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powcase._util.readable import pairs, words

__all__ = ["OPEN_POINTS", "open_point"]

OPEN_POINTS = {
    "wish": (
        "his wish about {destination}, verified by one whose check counts",
        "record a wish_verified by a verifier the wish_verifiers assumption counts",
    ),
    "wish_condition": (
        "an unconditional wish about {destination}",
        "record it verified, without a condition (wish_verified)",
    ),
    "forces": ("whose armed forces he served in", "give subject.forces"),
    "allegation_credible": (
        "whether the war-crime allegation is credible",
        "give its credible field (true or false)",
    ),
    "grave_breach_of": (
        "whether the allegation is of a grave breach, and of which Convention",
        "give its grave_breach_of field",
    ),
    "decision": (
        "a decision left to {by}",
        "it is for {by} to make; a decide_protection step records it",
    ),
    "rc_33_2_exception": (
        "whether the exception for a refugee convicted of a particularly serious crime applies",
        "it is for the authorities to weigh; no field of the record settles it",
    ),
    "age": ("whether he was under 18 on {date}", "give subject.born (his year of birth)"),
    "risk_despite_wish": (
        "whether the risk in {to} is real for him notwithstanding his wish",
        "record it (risk_on_return), or that it is gone (risk_lifted)",
    ),
    "offence": (
        "which offence he was sentenced for",
        "record the offence (espionage, serious sabotage or an intentional killing, or other)",
    ),
}
"""Each kind of open point (a verdict's ``missing`` entry, by its fact): the fact that would
settle it, and what a scenario's author can record to give it."""


def _filled(template: str, details: Mapping[str, Any]) -> str:
    try:
        return template.format(**{k: words(v) for k, v in details.items()})
    except (KeyError, IndexError):
        return template


def open_point(missing: Mapping[str, Any]) -> str:
    """An open point in words: the fact that would settle it, and how to give it.

    >>> open_point({"fact": "forces"})
    'whose armed forces he served in. To settle it: give subject.forces.'
    """
    fact = str(missing["fact"])
    details = {k: v for k, v in missing.items() if k != "fact"}
    known = OPEN_POINTS.get(fact)
    if known is None:
        shown = pairs((k, v) for k, v in details.items() if v is not False)
        return f"{fact} ({shown})" if shown else fact
    what, how = (_filled(t, details) for t in known)
    contested = " (the wishes on record disagree)" if details.get("contested") else ""
    return f"{what}{contested}. To settle it: {how}."
