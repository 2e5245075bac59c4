"""A civilian internee: the Fourth Convention's rules, not the Third's.

What it teaches: a civilian, a member of no armed force or group (``membership: none``) with
no belligerent act alleged, is not presumed a prisoner of war: GCIII-5's presumption is for one
who committed a belligerent act. From his capture he is a person the Fourth Convention protects
(GCIV-4), owed its internment card, information, ICRC visits and inspections (GCIV-106, -137,
-143, -92), and the occupying authority interns him without a status tribunal (GCIV-78). A
soldier is presumed a prisoner of war, owed GCIII-70, -122, -126 and -31. A transfer to
another state is judged under GCIV-45, not GCIII-12, and out of the occupied territory he was
taken in it is barred (GCIV-49); a trial without the guarantees is refused under API-75(4),
ICCPR-14 and GCIV-5 with the occupied territory's trial rules (GCIV-71 to 74), never under
GCIII-84, -99 or -105; his internment is reviewed (GCIV-78), and a review ordering his release
grounds it (GCIV-132). The same steps for a prisoner of war cite the Third Convention.

Sources: illustrative, after Russia's reports (November 2024) and the ICRC's (March 2025)
that Ukrainian forces took residents of the Sudzha district to Ukraine and returned some of
them through Belarus (see civilian_internee.powcase.yaml).

Outcome: his docket cites GCIV-106, -137, -143 and -92 from capture, a soldier's GCIII-70,
-122, -126 and -31; an unfair conviction is refused citing API-75(4), ICCPR-14, GCIV-5 and
GCIV-71 to 74; a transfer to the United Kingdom, even once it consents, is refused under
GCIV-49; a review ordering his release allows his release in Ukraine (GCIV-132); a prisoner of
war's transfer and trial cite GCIII-12 and GCIII-84, -99, -105 instead.
"""

from __future__ import annotations

import datetime
import pathlib

import powcase
from powcase import Case, Subject

CAPTURED = datetime.date(2024, 8, 20)


def main() -> None:
    """Judge the same steps for the internee and for a prisoner of war."""
    (scenario,) = powcase.load_scenarios(pathlib.Path(__file__).with_suffix(".powcase.yaml"))
    internee = Case.replay(scenario.record)
    print("state:", ", ".join(internee.state))
    consents = {"date": "2024-11-01", "event": "receiving_state_consents", "state": "GB"}
    soldier = (
        Case.open(Subject(id="ivan", nationality=["RU"], forces="RU"), "UA")
        .apply({"date": "2024-08-20", "event": "capture"})
        .apply({"date": "2024-10-01", "event": "charge", "offence": "ordinary_crime"})
        .apply(consents)
    )
    for who, case in (("internee", internee), ("prisoner of war", soldier)):
        owed = {o.code: o.provision for o in case.docket() if o.started == CAPTURED}
        print(f"{who}: owed from capture", ", ".join(owed.values()))
    for who, case in (("internee", internee.apply(consents)), ("prisoner of war", soldier)):
        unfair = case.verdict({"event": "convict", "fair_trial": False, "date": "2024-12-01"})
        transfer = case.verdict({"event": "transfer_to_power", "to": "GB", "date": "2024-12-01"})
        print(f"{who}: unfair conviction {unfair.outcome} {list(unfair.cites)}")
        print(f"{who}: transfer to GB {transfer.outcome} {list(transfer.cites)}")
    reviewed = internee.apply(
        {"date": "2025-02-01", "event": "internment_reviewed", "outcome": "release"}
    )
    release = reviewed.verdict({"event": "release_in_detaining_state"})
    print("after a review ordering release:", release.outcome, list(release.cites))


if __name__ == "__main__":
    main()
