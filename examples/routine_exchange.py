"""A routine exchange of a Russian prisoner: the model must not over-block.

What it teaches: non-refoulement bars only moves towards a risk on record; a Russian soldier
who did not surrender faces no persecution, torture or death at home in the parties table, so
an agreed exchange is lawful and the docket shows the capture card and ICRC visit met.

Sources: illustrative, after the 1,000-for-1,000 exchange agreed at the Istanbul talks of
2025-05-16 (Xinhua) and carried out on 23-25 May 2025 (Asia Economy, 2025-05-27).

Outcome: the exchange is allowed; no refoulement or persecution flag is raised.
"""

from __future__ import annotations

from powcase import Capture, CaptureCardSent, Case, Exchange, ExchangeAgreed, IcrcVisit, Subject


def main() -> None:
    """Capture, register, visit, agree and exchange."""
    case = Case.open(Subject(id="ivan", nationality=["RU"], forces="RU"), "UA")
    for event in (
        Capture(date="2025-03-01"),
        CaptureCardSent(date="2025-03-06"),
        IcrcVisit(date="2025-03-12", private_interview=True),
        ExchangeAgreed(date="2025-05-16", between=["UA", "RU"]),
        Exchange(date="2025-05-23", to="RU"),
    ):
        case = case.apply(event)
    print("state:", case.state)
    print("flags:", [f.code for f in case.active_flags()] or "none")
    print("docket:", {o.code: str(o.status) for o in case.docket()})


if __name__ == "__main__":
    main()
