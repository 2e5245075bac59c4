"""1953: a prisoner who refused repatriation, under each reading of non-refoulement.

What it teaches: the same record gives different answers under different readings of the
law, and the law itself changes with time: in 1953 the belligerents had only declared they
would apply the 1949 Conventions, and neither CAT nor the ICCPR existed, so the model applies
GCIII as declared and says the human-rights rules did not bind anyone (see
docs/explanation/legal-model.md#model-time).

Sources: the Neutral Nations Repatriation Commission's history, the US Army's records of
1953-1954, and the Lieber Institute on repatriation as an interpretive choice (see
korean_war_1953.powcase.yaml).

Outcome: a return to China is allowed under the ICRC 2020 reading (no risk is on record) and
under the strict text, and refused under the free-will reading; release to Taiwan is allowed.
"""

from __future__ import annotations

import datetime
import pathlib

import powcase
from powcase.law.parties import profile


def main() -> None:
    """Compare the readings side by side, as a table."""
    (scenario,) = powcase.load_scenarios(pathlib.Path(__file__).with_suffix(".powcase.yaml"))
    comparison = powcase.compare(scenario, ["ihl_non_refoulement"])
    print(" | ".join(("reading", *comparison.columns)))
    for row in comparison.rows:
        print(" | ".join((str(dict(row.reading)["ihl_non_refoulement"]), *row.cells)))
    armistice = datetime.date(1953, 7, 27)
    binding = profile("US", armistice)["binding"]
    print(
        "binding the United States on", armistice, [(b["instrument"], b["how"]) for b in binding]
    )


if __name__ == "__main__":
    main()
