"""Paek: a contested wish, settled only by a verified interview.

What it teaches: sources that report different wishes make a wish *contested*; a move that
depends on his wish is then undetermined, whatever the dates, until a verified, private
interview settles it (docs/explanation/legal-model.md#model-wishes).

Sources: the President of Ukraine on 2025-01-12 (one of the two wanted to go back, the report
does not say which), South Korea's foreign minister on 2025-03-17 (it would accept them), and a
documentary producer's interview of 2025-10-28 in which both asked for South Korea (reported by
the Korea Herald on 2025-10-31 and broadcast by MBC's PD Notebook on 2026-01-20). The ICRC
interview is hypothetical.

Outcome: release to South Korea is undetermined while the wishes conflict, and allowed once a
verified interview settles his wish.
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
        Source(id="kyiv", name="President of Ukraine", kind="government"),
        Source(id="herald", name="The Korea Herald", kind="press"),
    ]
    case = Case.open(Subject(id="paek", nationality=["KP"], forces="KP"), "UA", sources=sources)
    for event in (
        Capture(date="2025-01-09", wounded=True, place="Kursk"),
        WishExpressed(date="2025-01-12", destination="KP", source="kyiv"),
        ReceivingStateConsents(date="2025-03-17", state="KR"),
        WishExpressed(date="2025-10-28", destination="KR", source="herald"),
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
