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
