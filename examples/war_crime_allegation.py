"""A war-crime allegation: charge, hold-back after hostilities, exclusion from protection.

What it teaches: a prisoner may be tried for a war crime and keeps the Convention's protection
(GCIII-85); pending proceedings allow, but do not require, holding him back after hostilities
(GCIII-119(5)), so the repatriation obligation is pending, not overdue; a credible
allegation excludes him from refugee status (RC-1F); and returning him before his trial stays
open while the record does not say whether the crime is a grave breach, which he must be
tried for or handed over for (GCIII-129).

Sources: illustrative; the rules are GCIII-85, GCIII-119(5) and RC-1F.

Outcome: the charge is allowed, asylum refused, repatriation held back; returning him before
his trial is undetermined.
"""

from __future__ import annotations

import datetime

from powcase import (
    Capture,
    Case,
    Charge,
    HostilitiesEnded,
    RequestProtection,
    Subject,
    WarCrimeAllegation,
)


def main() -> None:
    """Charge, ask for asylum, end the war, and look at the docket."""
    case = Case.open(Subject(id="oleg", nationality=["RU"], forces="RU"), "UA")
    for event in (
        Capture(date="2025-02-01"),
        WarCrimeAllegation(date="2025-02-20", credible=True),
        Charge(date="2025-03-01", offence="war_crime"),
        RequestProtection(date="2025-04-01", kind="asylum"),
        HostilitiesEnded(date="2026-06-01"),
    ):
        case = case.apply(event)
    asylum = case.verdict({"event": "decide_protection", "granted": True})
    print("asylum:", asylum.outcome, asylum.cites)
    repatriation = next(
        o for o in case.docket(datetime.date(2026, 12, 1)) if o.code == "repatriation"
    )
    print("repatriation:", repatriation.status, "held back:", repatriation.held_back)


if __name__ == "__main__":
    main()
