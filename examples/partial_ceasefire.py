"""A ceasefire between one pair of parties: whose prisoners are due home (hypothetical).

What it teaches: GCIII-118 makes release and repatriation due once active hostilities have
ended between the detaining power and the power the prisoner depends on. A ceasefire between
Ukraine and Russia alone opens that duty for a Russian soldier Ukraine holds, not for a North
Korean one, whose state is a party to the conflict the ceasefire does not cover; and if the
fighting resumes, the duty it opened lapses (docs/explanation/legal-model.md).

Sources: hypothetical. No such ceasefire is on record; the prisoners are fictional labels and
the dates illustrative.

Outcome: the Russian's repatriation duty opens on the ceasefire and lapses when fighting
resumes; the North Korean is owed none, and a return home stays barred by the risks he faces.
"""

from __future__ import annotations

from powcase import Capture, Case, HostilitiesEnded, HostilitiesResumed, Repatriate, Subject

CEASEFIRE = HostilitiesEnded(date="2026-06-01", between=["UA", "RU"])


def _duty(case: Case) -> str:
    found = [o for o in case.docket() if o.code == "repatriation"]
    if not found:
        return "none"
    return ", ".join(f"{o.status} (from {o.started})" for o in found)


def main() -> None:
    """The same ceasefire for a Russian and a North Korean prisoner, then its breakdown."""
    russian = Case.open(Subject(id="prisoner_r", nationality=["RU"], forces="RU"), "UA")
    russian = russian.apply(Capture(date="2025-03-01")).apply(CEASEFIRE)
    korean = Case.open(Subject(id="prisoner_k", nationality=["KP"], forces="KP"), "UA")
    korean = korean.apply(Capture(date="2025-01-09")).apply(CEASEFIRE)
    home = Repatriate(date="2026-06-02")
    print("Russian prisoner, repatriation duty:", _duty(russian))
    print("  a return home:", russian.verdict(home).outcome)
    print("North Korean prisoner, repatriation duty:", _duty(korean))
    print("  a return home:", korean.verdict(home).outcome)
    resumed = russian.apply(HostilitiesResumed(date="2026-07-01", between=["UA", "RU"]))
    print("After the fighting resumes, the Russian's duty:", _duty(resumed))


if __name__ == "__main__":
    main()
