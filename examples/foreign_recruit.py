"""A Nepali recruit in Russian forces: his power of origin is the army he joined.

What it teaches: a return (repatriation, exchange) goes to the state he depends on, his power
of origin. Where his own state is not a party to the conflict, that is the state whose forces
he served in (GCIII-4A(1)): a Nepali recruit in the Russian army depends on Russia, whatever
the ``status_route`` reading, while a North Korean in the same army depends on North Korea
once it is a party. Membership makes him a prisoner of war and no mercenary (API-47(2)(e)).
Going home to Nepal is a release to a third state, not a return: it needs Nepal's consent and
his own verified wish.

Sources: Nepal's Ministry of Foreign Affairs, as reported by AFP (4 December 2023) and ANI
(20 December 2023); the Terai Express (6 December 2023) on a Nepali prisoner's appeal; South
Asia Times (March 2025) on Nepal's request to Ukraine. The person is made up (see
foreign_recruit.powcase.yaml).

Outcome: an authority may find him a prisoner of war; a mercenary finding is refused; a
return to Nepal is refused as not a return to his power of origin, Russia; after hostilities a
repatriation goes to Russia; a release to Nepal waits on his verified wish.
"""

from __future__ import annotations

import pathlib

import powcase
from powcase import Case, Subject


def main() -> None:
    """Run the scenario, then ask where a return would go after hostilities."""
    (scenario,) = powcase.load_scenarios(pathlib.Path(__file__).with_suffix(".powcase.yaml"))
    for result in powcase.run(scenario):
        print(result.variant or "default", "expectations failed:", len(result.failures))
        for asked in result.asked:
            print("  ", dict(asked.event), asked.verdict.outcome)
    ended = {"date": "2026-06-01", "event": "hostilities_ended"}
    case = Case.replay(scenario.record).apply(ended)
    home = case.verdict({"event": "repatriate"})
    origin = case.situation(home.event.date).power_of_origin
    print("after hostilities, repatriate:", home.outcome, "to", origin)
    korean = Subject(id="kim", nationality=["KP"], forces="RU")
    held = Case.open(korean, "UA").apply({"date": "2025-01-09", "event": "capture"})
    on = held.last_date
    assert on is not None
    print("a North Korean in Russian forces depends on", held.situation(on).power_of_origin)


if __name__ == "__main__":
    main()
