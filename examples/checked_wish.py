"""Whose check of his wish counts: the ICRC's private interview against the detaining power's
own service (a hypothetical prisoner).

What it teaches: a prisoner cannot renounce his rights (GCIII-7), so a wish that lets the
detaining power move him is his consent only if a body independent of the parties checked it.
Under the default reading of ``wish_verifiers`` a check by the detaining power's security
service is only its claim; it contests, and cannot replace, what the ICRC heard in a private
interview (docs/explanation/legal-model.md#model-wishes).

Sources: hypothetical. The prisoner is a fictional label and both checks are invented; only
South Korea's statement of 2025-03-17 that it would accept North Korean prisoners who wish to
come (its foreign minister, reported by the Kyiv Independent) is real, and it concerns them in
general.

Outcome: release to South Korea is undetermined under the default reading, with the
coerced_consent flag raised; read as version 1 read every verification, it would be allowed.
"""

from __future__ import annotations

from powcase import (
    Assumptions,
    Capture,
    Case,
    IcrcVisit,
    ReceivingStateConsents,
    Source,
    Subject,
    WishVerified,
)


def main() -> None:
    """Replay both checks under two readings of whose check counts."""
    sources = [
        Source(
            id="icrc_interview",
            name="A private ICRC interview (hypothetical)",
            kind="intergovernmental",
        ),
        Source(
            id="service",
            name="A statement of the detaining power's security service (hypothetical)",
            kind="government",
        ),
    ]
    subject = Subject(id="prisoner_c", nationality=["KP"], forces="KP")
    events = (
        Capture(date="2025-02-10"),
        ReceivingStateConsents(date="2025-03-17", state="KR", scope="release"),
        IcrcVisit(date="2025-05-02", private_interview=True, source="icrc_interview"),
        WishVerified(
            date="2025-05-02",
            destination="stay",
            verifier="icrc",
            private_interview=True,
            source="icrc_interview",
        ),
        WishVerified(
            date="2025-06-10",
            destination="KR",
            verifier="intelligence_service",
            source="service",
        ),
    )
    release = {"event": "release_to_third_state", "to": "KR"}
    for option in ("independent", "any"):
        assumptions = Assumptions(wish_verifiers=option)
        case = Case.open(subject, "UA", sources=sources, assumptions=assumptions)
        for event in events:
            case = case.apply(event)
        verdict = case.verdict(release)
        flags = sorted(f.code for f in case.active_flags())
        print(
            f"wish_verifiers={option}: release to KR {verdict.outcome}, "
            f"open: {[m.to_dict() for m in verdict.missing]}, flags: {flags}"
        )


if __name__ == "__main__":
    main()
