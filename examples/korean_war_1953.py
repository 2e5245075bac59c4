"""1953-1954: a prisoner who refused repatriation, through neutral custody to his release.

What it teaches: an agreement between the parties binds them whatever reading of the law one
takes. The 1953 armistice let only those who insisted on it go home (Art. III(51)), and its
Terms of Reference barred force to make anyone in the Commission's custody go (para. 3), so a
return to China against a Chinese prisoner's verified refusal is refused under every reading
of non-refoulement, the default included, though no risk to him is on record: citing
Art. III(51) where the United States holds him, and para. 3 too where the Commission does.
Without the armistice on record, only the free-will reading would refuse it. Neutral custody
is a move of its own: the Neutral Nations Repatriation Commission held those who refused,
guarded by Indian troops, under the armistice (para. 4); in January 1954 it handed them back,
and the UN Command released them as civilians (para. 11). Those who chose a neutral nation
stayed with the custodian, which took them to India: that release is the custodian's act
under the agreement, and the United States' duty to release them was met as of the
agreement's release day, not late. The law changes with time too: the belligerents had only
declared they would apply the 1949 Conventions, and neither CAT nor the ICCPR existed, so the
model applies GCIII as declared (see docs/explanation/legal-model.md#model-time).

Sources: the text of the armistice and its Terms of Reference (UN Peacemaker; the ICRC's
practice for Rule 128 of customary IHL quotes Art. III(51)); the US Army's record of August
1953 to February 1954; the editorial note of Foreign Relations of the United States on the
release of 23 January 1954; Time (4 January and 1 February 1954) on the end of the
explanations and the release; NK News (2024) on the 88 who sailed for India on 9 February
1954; the Lieber Institute on repatriation as an interpretive choice (see
korean_war_1953.powcase.yaml).

Outcome: in neutral custody and after his return to the UN Command, a return to China is
refused under every reading, on the armistice's terms (and under the free-will reading on
GCIII-118 too); release to Taiwan two days before the armistice's release day is allowed on
his verified wish, resting on GCIII-118 (on the strict text, on the armistice's voluntary
repatriation, Art. III(51)), with para. 11 not yet cited: those not repatriated became
civilians only on 23 January. His release on 23 January 1954 is allowed and meets the duty to
release him, which neutral custody did not; one who chose India goes there from neutral
custody, the custodian's act, and the repatriation duty reads met on time.
"""

from __future__ import annotations

import datetime
import pathlib

import powcase
from powcase.law.parties import profile


def main() -> None:
    """Compare the readings side by side, with and without the armistice, then the releases."""
    in_custody, released, to_india = powcase.load_scenarios(
        pathlib.Path(__file__).with_suffix(".powcase.yaml")
    )
    comparison = powcase.compare(in_custody, ["ihl_non_refoulement"])
    print(" | ".join(("reading", *comparison.columns)))
    for row in comparison.rows:
        print(" | ".join((str(dict(row.reading)["ihl_non_refoulement"]), *row.cells)))

    # The same record without the armistice: only the free-will reading refuses the return.
    record = in_custody.record
    without = powcase.Record(
        subject=record.subject,
        detaining_power=record.detaining_power,
        sources=record.sources,
        events=[e for e in record.events if e.name != "agreement_concluded"],
    )
    home = powcase.Repatriate(date="1954-01-21", to="CN")
    for reading in ("icrc_2020", "free_will", "strict_text"):
        case = powcase.Case.replay(without, {"ihl_non_refoulement": reading})
        print(f"without the armistice, {reading}: repatriate to CN", case.verdict(home).outcome)

    for scenario in (released, to_india):
        last = powcase.Case.replay(scenario.record, scenario.assumptions).steps[-1]
        print(
            f"{scenario.title}: {last.event.name} to {last.event.to}",
            last.verdict.outcome,
            list(last.verdict.cites),
        )
    india = powcase.Case.replay(to_india.record, to_india.assumptions)
    duty = next(o for o in india.docket() if o.code == "repatriation")
    print(f"{to_india.title}: repatriation {duty.status}, late: {duty.late}")

    armistice = datetime.date(1953, 7, 27)
    binding = profile("US", armistice)["binding"]
    print(
        "binding the United States on", armistice, [(b["instrument"], b["how"]) for b in binding]
    )


if __name__ == "__main__":
    main()
