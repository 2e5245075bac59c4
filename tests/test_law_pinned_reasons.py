"""Every reason the law can give is pinned: for each code of the message catalogue, a minimal
case that gives it, with the verdict, the kind of reason and the provisions it cites.

The cases are in ``tests/data/law_pinned_reasons.yaml``, grouped by the guard (or breach
check) that gives the reason; each test's id names the code and the provisions it cites. A
reason no case produces fails :func:`test_every_reason_of_the_law_is_pinned`, so a new rule
comes with its case; a rule that stops giving its reason, or cites other provisions, fails
its own case.
"""

from __future__ import annotations

import pathlib
from typing import Any

import pytest
import yaml

from powcase import Case, Reason
from powcase.law.messages import MESSAGES, RETIRED

PINS: dict[str, dict[str, Any]] = yaml.safe_load(
    (pathlib.Path(__file__).parent / "data" / "law_pinned_reasons.yaml").read_text()
)


def _case(pin: dict[str, Any]) -> Case:
    """The case of ``pin``: its record replayed under its readings, in its mode."""
    record = {"subject": pin["subject"], "detaining_power": pin["holder"], "events": pin["events"]}
    return Case.from_dict(
        record, assumptions=pin.get("readings"), mode=pin.get("mode", "normative")
    )


def _reasons(pin: dict[str, Any]) -> tuple[list[Reason], str | None]:
    """The reasons ``pin`` gives and, for a step asked, its verdict's outcome."""
    case = _case(pin)
    if "ask" in pin:
        verdict = case.verdict(pin["ask"])
        return list(verdict.reasons), verdict.outcome.value
    found = case.possible_violations if pin.get("possible") else case.violations
    matching = [v for v in found if v.index == pin["violation"]]
    assert matching, [(v.index, [r.code for r in v.reasons]) for v in found]
    return list(matching[0].reasons), None


def _id(code: str) -> str:
    cites = PINS[code]["cites"]
    return f"{code}:{','.join(cites) or 'no cite'}"


def test_every_reason_of_the_law_is_pinned():
    """Each code the catalogue gives a sentence to (the retired ones apart) has its case, and
    every case is for a code the catalogue has.
    """
    assert set(PINS) == set(MESSAGES) - RETIRED


@pytest.mark.parametrize("code", sorted(PINS), ids=_id)
def test_the_reason_is_given_with_its_provisions(code):
    """The case gives ``code``, of its kind, citing exactly its provisions (in order), beside
    exactly the other reasons the case records, and the step's verdict is the one it records.
    """
    pin = PINS[code]
    reasons, outcome = _reasons(pin)
    given = [(r.kind.value, list(r.cites)) for r in reasons if r.code == code]
    assert (pin["kind"], pin["cites"]) in given, (code, given, [r.code for r in reasons])
    assert {r.code for r in reasons} - {code} == set(pin["others"])
    if "ask" in pin:
        assert outcome == pin["outcome"], (code, [r.code for r in reasons])
