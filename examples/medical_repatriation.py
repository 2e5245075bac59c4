"""Direct repatriation of a seriously wounded prisoner, with and without his consent.

What it teaches: GCIII-109 and GCIII-110 require the seriously wounded to be sent home once a
medical finding says so, but during hostilities never against his will: the verdict depends on
a verified wish, and the docket keeps the obligation open until he leaves.

Sources: illustrative; the rules are GCIII-109, GCIII-110 and GCIII-112.

Outcome: with his verified consent the repatriation is allowed, citing GCIII-109(1) and (3),
GCIII-110(1) and GCIII-112, and the obligation met; with his will not on record the step is
refused under GCIII-109(3): his will must be ascertained first (a will not on record is an
unmet precondition).
"""

from __future__ import annotations

from powcase import (
    Capture,
    Case,
    MedicalAssessment,
    RepatriateMedically,
    StepRefused,
    Subject,
    WishVerified,
)


def main() -> None:
    """Judge the same repatriation with and without his consent."""
    found = Case.open(Subject(id="sergei", nationality=["RU"], forces="RU"), "UA")
    found = found.apply(Capture(date="2025-03-01", wounded=True))
    found = found.apply(
        MedicalAssessment(date="2025-04-01", category="gcIII_110", by="mixed_medical_commission")
    )
    home = RepatriateMedically(date="2025-04-20", to="RU")
    try:
        found.apply(home)
    except StepRefused as refusal:
        print("without consent:", [r.cites for r in refusal.verdict.failing])
    consenting = found.apply(WishVerified(date="2025-04-05", destination="RU", by="ICRC"))
    print("with consent:", consenting.apply(home).state)


if __name__ == "__main__":
    main()
