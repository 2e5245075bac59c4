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

from powcase._util.i18n import N_, SOURCE_LANGUAGE, gettext_for
from powcase._util.readable import pairs, words

__all__ = ["OPEN_POINTS", "open_point"]

OPEN_POINTS = {
    "wish": (
        N_("his wish about {destination}, verified by one whose check counts"),
        N_("record a wish_verified by a verifier the wish_verifiers assumption counts"),
    ),
    "wish_condition": (
        N_("an unconditional wish about {destination}"),
        N_("record it verified, without a condition (wish_verified)"),
    ),
    "forces": (N_("whose armed forces he served in"), N_("give subject.forces")),
    "allegation_credible": (
        N_("whether the war-crime allegation is credible"),
        N_("give its credible field (true or false)"),
    ),
    "grave_breach_of": (
        N_("whether the allegation is of a grave breach, and of which Convention"),
        N_("give its grave_breach_of field"),
    ),
    "decision": (
        N_("a decision left to {by}"),
        N_("it is for {by} to make; a decide_protection step records it"),
    ),
    "rc_33_2_exception": (
        N_(
            "whether the exception for a refugee convicted of a particularly serious crime applies"
        ),
        N_("it is for the authorities to weigh; no field of the record settles it"),
    ),
    "age": (N_("whether he was under 18 on {date}"), N_("give subject.born (his year of birth)")),
    "risk_despite_wish": (
        N_("whether the risk in {to} is real for him notwithstanding his wish"),
        N_("record it (risk_on_return), or that it is gone (risk_lifted)"),
    ),
    "offence": (
        N_("which offence he was sentenced for"),
        N_("record the offence (espionage, serious sabotage or an intentional killing, or other)"),
    ),
}
"""Each kind of open point (a verdict's ``missing`` entry, by its fact): the fact that would
settle it, and what a scenario's author can record to give it."""


def _filled(template: str, details: Mapping[str, Any]) -> str:
    try:
        return template.format(**{k: words(v) for k, v in details.items()})
    except (KeyError, IndexError):
        return template


def open_point(missing: Mapping[str, Any], lang: str = SOURCE_LANGUAGE) -> str:
    """An open point in words (in ``lang``): the fact that would settle it, and how to give
    it.

    >>> open_point({"fact": "forces"})
    'whose armed forces he served in. To settle it: give subject.forces.'
    """
    fact = str(missing["fact"])
    details = {k: v for k, v in missing.items() if k != "fact"}
    known = OPEN_POINTS.get(fact)
    if known is None:
        shown = pairs((k, v) for k, v in details.items() if v is not False)
        return f"{fact} ({shown})" if shown else fact
    _ = gettext_for(lang)
    what, how = (_filled(_(t), details) for t in known)
    contested = _(" (the wishes on record disagree)") if details.get("contested") else ""
    return _("{what}{contested}. To settle it: {how}.").format(
        what=what, contested=contested, how=how
    )
