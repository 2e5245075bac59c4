"""A step's outcome as a person reads it: the one answer every human view gives.

A recorded incident is a fact, not a step the law allows: it reads ``recorded``. A step or an
incident the law finds a breach (the run's ``violations``) says so, and one it finds a
possible breach (``possible_violations``) says that, with the breach's reasons and citations.
The text and Markdown runs, the report and ``explain`` all ask :func:`step_outcome`, so they
cannot disagree; the JSON output keeps its own fields (``outcome``, ``applied``, the lists of
violations).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from powcase._util.i18n import N_, SOURCE_LANGUAGE, gettext_for

__all__ = [
    "BREACH",
    "OUTCOME_WORDS",
    "POSSIBLE_BREACH",
    "StepOutcome",
    "breach_words",
    "outcome_label",
    "step_outcome",
]

BREACH = N_("a violation")
"""What a step found a violation adds to its outcome."""
POSSIBLE_BREACH = N_("a possible violation")
"""What a step found a possible violation adds to its outcome."""

OUTCOME_WORDS = {
    "allowed": N_("allowed"),
    "refused": N_("refused"),
    "undetermined": N_("undetermined"),
}
"""A verdict's outcome in words, marked for translation (in English, the outcome's value)."""

_MARKS = {"allowed": "+", "refused": "x", "undetermined": "?"}


@attrs.frozen
class StepOutcome:
    """A step's outcome in words, the mark and style key the views show it with, and the
    breaches found in it (each a violation in the run's JSON form, ``possible`` added).
    """

    label: str
    """``allowed``, ``refused (not applied)``, ``recorded``, ``recorded, a violation``..."""
    key: str
    """The style of the label: an outcome, ``recorded``, or ``violation`` for a breach."""
    mark: str
    """One character: ``+`` allowed, ``x`` refused, ``?`` undetermined, ``!`` a breach."""
    breaches: tuple[Mapping[str, Any], ...] = ()

    @staticmethod
    def cites_of(breach: Mapping[str, Any]) -> list[str]:
        """The provisions one breach cites, once each."""
        return list(dict.fromkeys(c for r in breach["reasons"] for c in r["cites"]))

    @property
    def breach_cites(self) -> tuple[str, ...]:
        """Every provision the breaches cite, once each."""
        return tuple(dict.fromkeys(c for b in self.breaches for c in b["cites"]))


def breach_words(
    breach: Mapping[str, Any], step: Mapping[str, Any], lang: str = SOURCE_LANGUAGE
) -> str:
    """A breach found in ``step`` in words: what it is, by whom, and its reasons, save those
    the step's verdict already gives (a step refused and taken anyway breaches the law on
    the reasons that refused it). In ``lang``, the reasons' texts as ``breach`` has them.

    >>> breach_words({"possible": False, "state": "UA", "reasons": []}, {"reasons": []})
    'violation by UA, on the reasons above'
    """
    _ = gettext_for(lang)
    new = [r["text"] for r in breach["reasons"] if r not in step["reasons"]]
    if breach["possible"]:
        said = (
            _("possible violation by {state}: {reasons}")
            if new
            else _("possible violation by {state}, on the reasons above")
        )
    else:
        said = (
            _("violation by {state}: {reasons}")
            if new
            else _("violation by {state}, on the reasons above")
        )
    return said.format(state=breach["state"], reasons=" ".join(new))


def _breaches(run: Mapping[str, Any], index: int) -> tuple[dict[str, Any], ...]:
    found = [{**v, "possible": False} for v in run["violations"] if v["index"] == index]
    found += [{**v, "possible": True} for v in run["possible_violations"] if v["index"] == index]
    return tuple(found)


def step_outcome(run: Mapping[str, Any], index: int, lang: str = SOURCE_LANGUAGE) -> StepOutcome:
    """The outcome of step ``index`` of a run in its JSON form (``RunResult.to_dict``,
    redacted or not), as every human view shows it (its label in ``lang``).
    """
    step: Mapping[str, Any] = run["steps"][index]
    breaches = _breaches(run, index)
    certain = any(not b["possible"] for b in breaches)
    found = "violation" if certain else "possible" if breaches else None
    label = outcome_label(step["kind"], step["outcome"], step["applied"], found, lang)
    if step["kind"] == "incident":
        return StepOutcome(
            label, "violation" if found else "recorded", "!" if found else " ", breaches
        )
    outcome = step["outcome"]
    return StepOutcome(label, "violation" if certain else outcome, _MARKS[outcome], breaches)


def outcome_label(
    kind: str, outcome: str, applied: bool, found: str | None, lang: str = SOURCE_LANGUAGE
) -> str:
    """A step's outcome in words, in ``lang``: an incident is recorded; a machine step's
    outcome says whether it was applied; ``found`` (``violation``, ``possible`` or None) adds
    the breach found in it.
    """
    _ = gettext_for(lang)
    breach = {"violation": _(BREACH), "possible": _(POSSIBLE_BREACH)}.get(found or "", "")
    if kind == "incident":
        return _("recorded, {found}").format(found=breach) if breach else _("recorded")
    label = _(OUTCOME_WORDS[outcome])
    if not applied:
        label = _("{outcome} (not applied)").format(outcome=label)
    elif outcome != "allowed":
        label = _("{outcome} (applied anyway)").format(outcome=label)
    if breach:
        label = _("{outcome}, {found}").format(outcome=label, found=breach)
    return label
