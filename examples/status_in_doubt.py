"""Status in doubt: only a competent tribunal may deny prisoner-of-war status.

What it teaches: a man caught after a belligerent act, with no uniform or insignia, papers
that are not genuine and a claim to be a civilian, may or may not belong to a category of
GCIII-4: that is the doubt of GCIII-5(2). While it lasts he keeps a prisoner of war's
protection; an authority's finding that he is not a prisoner of war is refused, a competent
tribunal's finding is lawful (GCIII-5, API-45).

Sources: hypothetical; the person, place and dates are illustrative and describe no one
real. The reading of the doubt follows GCIII-5(2) and the ICRC's 2020 commentary on it.

Outcome: the authority's determination is refused, the tribunal's allowed.
"""

from __future__ import annotations

from powcase import Capture, Case, DetermineStatus, IdentityDocuments, RaiseStatusDoubt, Subject


def main() -> None:
    """Raise the doubt, then try both ways of deciding it."""
    case = Case.open(Subject(id="detainee_x", nationality=["KP"]), "UA")
    for event in (
        Capture(date="2025-03-01"),
        IdentityDocuments(date="2025-03-01", issued_by="RU", genuine=False),
        RaiseStatusDoubt(
            date="2025-03-03",
            reason="a belligerent act, no uniform, papers not genuine, says he is a civilian",
        ),
    ):
        case = case.apply(event)
    by_authority = DetermineStatus(
        date="2025-03-20", outcome="unprivileged_detainee", by="authority"
    )
    print("authority:", case.verdict(by_authority).outcome)
    by_tribunal = DetermineStatus(date="2025-04-10", outcome="pow", by="tribunal")
    print("tribunal:", case.apply(by_tribunal).state)


if __name__ == "__main__":
    main()
