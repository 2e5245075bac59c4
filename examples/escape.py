"""Escape and its discipline, and no active service after a medical repatriation.

What it teaches: a prisoner of war may try to escape. Weapons against him are a last resort,
always after warnings (GCIII-42); a failed attempt brings disciplinary punishment only
(GCIII-92), and so do non-violent offences done only to escape (GCIII-93); an escape that
succeeded may not be punished at all once he is caught again (GCIII-91). These incidents are
violations in either mode, and possible violations where the record leaves out what decides
them. A prisoner sent home as seriously wounded may not be put back into active service: that
violation is his own state's (GCIII-117).

Sources: hypothetical; the rules are GCIII-42, GCIII-91, GCIII-92, GCIII-93 and GCIII-117.

Outcome: the warned shot and the confinement for the attempt are lawful; the court sentence
for the forged pass breaches GCIII-93; punishing a successful escape breaches GCIII-91; with
the warnings not on record, the shot is a possible violation; the return to combat is a
violation by RU.
"""

from __future__ import annotations

from powcase import (
    Capture,
    Case,
    Escape,
    EscapeAttempt,
    MedicalAssessment,
    Punished,
    Recapture,
    RepatriateMedically,
    ReturnedToActiveService,
    Subject,
    WishVerified,
)

PAVEL = Subject(id="pavel", nationality=["RU"], forces="RU")


def _show(title: str, case: Case) -> None:
    print(title)
    for violation in case.violations:
        print("  violation:", violation.event.name, "by", violation.state, violation.cites)
    for violation in case.possible_violations:
        print("  possible:", violation.event.name, "by", violation.state, violation.cites)
    if not (case.violations or case.possible_violations):
        print("  no violation")


def main() -> None:
    """An attempt and its punishments, a punished successful escape, a return to combat."""
    held = Case.open(PAVEL, "UA").apply(Capture(date="2025-03-01"))

    attempt = held.apply(
        EscapeAttempt(date="2025-06-10", force_used="weapons", warnings=True, injured=True)
    )
    attempt = attempt.apply(Punished(date="2025-06-20", for_="escape", kind="disciplinary"))
    _show("a warned shot, confinement for the attempt:", attempt)
    tried = attempt.apply(
        Punished(date="2025-08-01", for_="offence_to_escape", kind="judicial", violent=False)
    )
    _show("then a court for the forged pass:", tried)

    unknown = held.apply(EscapeAttempt(date="2025-06-10", force_used="weapons"))
    _show("a shot, the warnings not on record:", unknown)

    fled = held.apply(Escape(date="2025-06-10")).apply(Recapture(date="2025-10-02"))
    _show(
        "a successful escape punished:",
        fled.apply(Punished(date="2025-10-20", for_="escape", kind="disciplinary")),
    )

    wounded = Case.open(PAVEL, "UA").apply(Capture(date="2025-03-01", wounded=True))
    wounded = wounded.apply(MedicalAssessment(date="2025-04-01", category="gcIII_110_1"))
    wounded = wounded.apply(WishVerified(date="2025-04-05", destination="RU", by="ICRC"))
    home = wounded.apply(RepatriateMedically(date="2025-04-20", to="RU"))
    _show(
        "sent home, then back at the front:",
        home.apply(ReturnedToActiveService(date="2025-11-01", by="RU")),
    )


if __name__ == "__main__":
    main()
