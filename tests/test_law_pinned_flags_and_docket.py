"""Every flag and every obligation is pinned: for each flag raised (and, where a rule clears
it, cleared) and each obligation in each status it can reach, minimal cases with every flag
or docket item it gives, from ``tests/data/law_pinned_flags_and_docket.yaml``.

The flags are the concerns the ICRC, UN bodies and Human Rights Watch raised, each citing its
provisions (``law/data/flags.yaml``); the docket is the detaining power's duties (GCIII-70,
GCIII-122, GCIII-126, GCIII-31, GCIII-109(1), GCIII-118, GCIII-120, GCIII-121 and the Fourth
Convention's counterparts, ``law/data/obligations.yaml``). A flag or obligation without a case
fails :func:`test_every_flag_and_obligation_is_pinned`.
"""

from __future__ import annotations

import datetime
import pathlib
from typing import Any

import pytest
import yaml

from powcase import Case
from powcase.law.book import Law

PINS: dict[str, dict[str, Any]] = yaml.safe_load(
    (pathlib.Path(__file__).parent / "data" / "law_pinned_flags_and_docket.yaml").read_text()
)
FLAGS = sorted(code for code in PINS if "docket" not in PINS[code])
OBLIGATIONS = sorted(code for code in PINS if "docket" in PINS[code])
DOCKET_FIELDS = (
    "code",
    "provision",
    "status",
    "started",
    "due",
    "late",
    "held_back_by",
    "why",
    "lapsed_by",
    "met_by",
    "assumed_days",
    "met_unlawfully",
)
"""The docket fields pinned; a value that is None or false is left out of the data."""


def _case(pin: dict[str, Any]) -> tuple[Case, datetime.date | None]:
    record = {"subject": pin["subject"], "detaining_power": pin["holder"], "events": pin["events"]}
    case = Case.from_dict(
        record, assumptions=pin.get("readings"), mode=pin.get("mode", "normative")
    )
    as_of = pin.get("as_of")
    return case, datetime.date.fromisoformat(as_of) if as_of else None


def test_every_flag_and_obligation_is_pinned():
    """Each flag of the law, raised and (where a rule clears it) cleared, and each
    obligation, has its cases.
    """
    law = Law.packaged()
    assert {key.split()[0] for key in FLAGS} == set(law.flags)
    assert {key.split()[0] for key in OBLIGATIONS} == set(law.obligations)
    assert {key.split()[1] for key in OBLIGATIONS} == {"pending", "met", "overdue", "lapsed"}


@pytest.mark.parametrize("key", FLAGS)
def test_the_flags_of_the_case(key):
    """The case raises (and clears) exactly its flags, on their days, for the events that
    raised them, citing their provisions.
    """
    case, as_of = _case(PINS[key])
    flags = []
    for flag in case.flags_as_of(as_of):
        row: dict[str, Any] = {"code": flag.code, "since": flag.since.isoformat()}
        if flag.until is not None:
            row["until"] = flag.until.isoformat()
        row["because"] = list(flag.because)
        row["cites"] = list(flag.cites)
        flags.append(row)
    assert flags == PINS[key]["flags"]


@pytest.mark.parametrize("key", OBLIGATIONS)
def test_the_docket_of_the_case(key):
    """The case's docket has exactly its items, each with its provision, status and days."""
    case, as_of = _case(PINS[key])
    docket = []
    for item in case.docket(as_of):
        plain = item.to_dict()
        docket.append({k: plain[k] for k in DOCKET_FIELDS if plain.get(k) not in (None, False)})
    assert docket == PINS[key]["docket"]
