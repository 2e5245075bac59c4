"""What the tests of the legal model share: a verdict asked of a case, and its reasons read.

Each test module keeps its own ``case`` (its subject, detaining power and readings differ);
these read what a case says.
"""

from __future__ import annotations

from typing import Any

from powcase import Case, Reason, Verdict


def ask(case: Case, event: str, **fields: Any) -> Verdict:
    """The verdict on ``event`` (a name) with ``fields``, asked of ``case`` as of its last
    event.
    """
    return case.verdict({"event": event, **fields})


def reason(verdict: Verdict, code: str) -> Reason:
    """The verdict's first reason with ``code``; fails naming the codes it has instead."""
    found = [r for r in verdict.reasons if r.code == code]
    assert found, (code, [r.code for r in verdict.reasons])
    return found[0]


def codes(verdict: Verdict) -> set[str]:
    """The codes of the verdict's reasons."""
    return {r.code for r in verdict.reasons}


def texts(verdict: Verdict) -> list[str]:
    """The sentences of the verdict's reasons, in order (for assertion messages)."""
    return [r.text for r in verdict.reasons]


COMMISSION = "Neutral Nations Repatriation Commission"
"""The 1953 custodian (PANMUNJOM-TOR-4), as the Korean War example names it."""


def armistice_1953(
    *, custodian: str = COMMISSION, release_by: str = "1954-01-23"
) -> dict[str, Any]:
    """The 1953 armistice as an ``agreement_concluded``: voluntary repatriation, no force,
    neutral custody and release as civilians, each term with its article.
    """
    return {
        "date": "1953-07-27",
        "event": "agreement_concluded",
        "kind": "armistice",
        "between": ["US", "KP", "CN"],
        "terms": ["voluntary_repatriation", "no_force", "neutral_custody", "civilian_release"],
        "custodian": custodian,
        "release_by": release_by,
        "provision": {
            "voluntary_repatriation": "PANMUNJOM-51",
            "no_force": "PANMUNJOM-TOR-3",
            "neutral_custody": ["PANMUNJOM-51", "PANMUNJOM-TOR-4"],
            "civilian_release": "PANMUNJOM-TOR-11",
        },
    }
