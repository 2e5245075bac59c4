"""A forced return recorded in descriptive mode, and the violations it finds.

What it teaches: in descriptive mode every step the legal path allows is applied, as history;
a step refused on a prohibition becomes a violation, with its citations, and so do incidents
that are breaches in themselves (identifiable media by the detaining power, coercion).

Sources: hypothetical; no such return has been reported, and the prisoner (a fictional
label, with illustrative dates) is no one real.

Outcome: three violations: the coercive interrogation (GCIII-17), the identifiable video by
the detaining power (GCIII-13) and the return towards persecution, torture and death.
"""

from __future__ import annotations

from powcase import (
    Capture,
    Case,
    HostilitiesEnded,
    Interrogated,
    MediaExposure,
    Repatriate,
    Subject,
)


def main() -> None:
    """Record what happened, then list the violations."""
    case = Case.open(
        Subject(id="prisoner_f", nationality=["KP"], forces="KP"), "UA", mode="descriptive"
    )
    for event in (
        Capture(date="2025-02-10", wounded=True),
        Interrogated(date="2025-02-11", coercive=True),
        MediaExposure(date="2025-02-12", identifiable=True, by="UA"),
        HostilitiesEnded(date="2026-06-01"),
        Repatriate(date="2026-06-02", to="KP"),
    ):
        case = case.apply(event)
    print("state:", case.state)
    for violation in case.violations:
        print(
            f"violation at event {violation.index} ({violation.event.name}):",
            ", ".join(violation.cites),
        )


if __name__ == "__main__":
    main()
