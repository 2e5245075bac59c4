"""A contested wish, settled only by a verified interview (a hypothetical prisoner).

What it teaches: sources that report different wishes make a wish *contested*; a move that
depends on his wish is then undetermined, whatever the dates, until a verified, private
interview settles it (docs/explanation/legal-model.md#model-wishes).

Sources: hypothetical. The prisoner is a fictional label and the two reports of his wishes
are invented; only South Korea's statement of 2025-03-17 that it would accept North Korean
prisoners who wish to come (its foreign minister, reported by the Kyiv Independent) is real,
and it concerns them in general. The ICRC interview is hypothetical too.

Outcome: release to South Korea is undetermined while the wishes conflict, and allowed once a
verified interview settles his wish. A return to North Korea stays refused under the
human-rights bar on torture and death (CAT-3, ICCPR-7, ICCPR-6), which an unverified or
contested wish to go back does not touch.
"""

from __future__ import annotations

from powcase import (
    Capture,
    Case,
    ReceivingStateConsents,
    Source,
    Subject,
    WishExpressed,
    WishVerified,
)


def main() -> None:
    """Replay the conflicting reports, then settle them."""
    sources = [
        Source(id="report_a", name="An early press report (hypothetical)", kind="press"),
        Source(id="report_b", name="A later recorded interview (hypothetical)", kind="press"),
    ]
    subject = Subject(id="prisoner_b", nationality=["KP"], forces="KP")
    case = Case.open(subject, "UA", sources=sources)
    for event in (
        Capture(date="2025-02-10", wounded=True),
        WishExpressed(date="2025-02-14", destination="KP", source="report_a"),
        ReceivingStateConsents(date="2025-03-17", state="KR", scope="release"),
        WishExpressed(date="2025-10-28", destination="KR", source="report_b"),
    ):
        case = case.apply(event)
    release = {"event": "release_to_third_state", "to": "KR"}
    before = case.verdict(release)
    print(
        f"While the reports conflict: {before.outcome}, open: "
        f"{[m.to_dict() for m in before.missing]}"
    )
    settled = case.apply(WishVerified(date="2026-03-01", destination="KR", by="ICRC"))
    print(f"After a verified interview:  {settled.verdict(release).outcome}")


if __name__ == "__main__":
    main()
