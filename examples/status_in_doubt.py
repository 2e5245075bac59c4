"""Status in doubt: only a competent tribunal may deny prisoner-of-war status.

What it teaches: documents of another state raise a doubt; while it lasts he keeps POW
protection (GCIII-5); an authority's finding that he is not a prisoner of war is refused, a
tribunal's finding is lawful (API-45).

Sources: illustrative, after the report that one of the two North Korean soldiers captured in
Kursk on 2025-01-09 carried a Russian military identity card in another man's name (The Dong-A
Ilbo, 2025-01-13, citing RBC-Ukraine); the other carried no papers.

Outcome: the authority's determination is refused, the tribunal's allowed.
"""

from __future__ import annotations

from powcase import Capture, Case, DetermineStatus, IdentityDocuments, RaiseStatusDoubt, Subject


def main() -> None:
    """Raise the doubt, then try both ways of deciding it."""
    case = Case.open(Subject(id="kim", nationality=["KP"], forces="KP"), "UA")
    for event in (
        Capture(date="2025-01-09"),
        IdentityDocuments(date="2025-01-09", issued_by="RU", genuine=False),
        RaiseStatusDoubt(date="2025-01-15", reason="documents of another state"),
    ):
        case = case.apply(event)
    by_authority = DetermineStatus(
        date="2025-02-01", outcome="unprivileged_detainee", by="authority"
    )
    print("authority:", case.verdict(by_authority).outcome)
    by_tribunal = DetermineStatus(date="2025-03-01", outcome="pow", by="tribunal")
    print("tribunal:", case.apply(by_tribunal).state)


if __name__ == "__main__":
    main()
