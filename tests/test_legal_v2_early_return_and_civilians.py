"""Two readings corrected by the lawyer's review of the examples.

- GCIII-118 sets when release and repatriation become *due*; it does not forbid sending a
  prisoner home earlier (Art. 109's second paragraph lets the parties agree to repatriate
  able-bodied prisoners after long captivity while hostilities last). An early return keeps
  every other check: the origin check, the grave-breach check, non-refoulement.
- A civilian, a member of no armed force or group, is not presumed a prisoner of war: GCIII-5's
  presumption covers one who committed a belligerent act and whose status is in doubt. From
  capture he is a person the Fourth Convention protects (GCIV-4), interned under GCIV-42/43 or,
  in occupied territory, GCIV-78, and owed its items (GCIV-106, -137, -143, -92).

Each test names the provision it rests on; each failed on the code before the change.
"""

import datetime

from powcase import Assumptions, Case, Outcome, Subject
from powcase.law.docket import Lapse, Status

D = datetime.date
RU_SOLDIER = Subject(id="ivan", nationality=["RU"], forces="RU")
KP_SOLDIER = Subject(id="ri", nationality=["KP"], forces="KP")
NEPALI_RECRUIT = Subject(id="bikram", nationality=["NP"], forces="RU")
CIVILIAN = Subject(id="resident", nationality=["RU"], membership="none")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
IN_KURSK = {"date": "2024-08-20", "event": "capture", "territory": "occupied"}
ENDED = {"date": "2026-06-01", "event": "hostilities_ended"}


def case(*events, subject=RU_SOLDIER, holder="UA", mode="normative", **assumptions):
    opened = Case.open(subject, holder, assumptions=Assumptions(**assumptions), mode=mode)
    for event in events:
        opened = opened.apply(event, on_refusal="record")
    return opened


def ask(c, event, **fields):
    return c.verdict({"event": event, **fields})


def codes(verdict):
    return [r.code for r in verdict.reasons]


def reason(verdict, code):
    found = [r for r in verdict.reasons if r.code == code]
    assert found, (code, codes(verdict))
    return found[0]


def provisions(c, as_of=None):
    return {o.code: o.provision for o in c.docket(as_of) if o.status is not Status.LAPSED}


class TestAnEarlyRepatriationIsNotForbidden:
    """GCIII-118 makes repatriation due when active hostilities end; it does not forbid an
    earlier release home."""

    def test_a_repatriation_during_hostilities_is_allowed_with_a_note_gciii_118(self):
        verdict = ask(case(CAPTURE), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED, codes(verdict)
        assert "hostilities_not_ended" not in codes(verdict)
        found = reason(verdict, "repatriation_before_due")
        assert found.kind == "note"
        assert found.cites == ("GCIII-118",)
        assert "not forbidden" in found.text

    def test_after_hostilities_the_return_is_due_and_no_early_note_is_given_gciii_118(self):
        verdict = ask(case(CAPTURE, ENDED), "repatriate", to="RU")
        assert verdict.outcome is Outcome.ALLOWED
        assert "repatriation_due" in codes(verdict)
        assert "repatriation_before_due" not in codes(verdict)

    def test_an_early_return_keeps_the_origin_check_gciii_118(self):
        verdict = ask(case(CAPTURE, subject=NEPALI_RECRUIT), "repatriate", to="NP")
        assert verdict.outcome is Outcome.REFUSED
        assert [r.code for r in verdict.failing] == ["not_power_of_origin"]

    def test_an_early_return_keeps_non_refoulement_gciii_118(self):
        verdict = ask(case(CAPTURE, subject=KP_SOLDIER), "repatriate", to="KP")
        assert verdict.outcome is Outcome.REFUSED
        assert "refoulement_icrc_2020" in [r.code for r in verdict.failing]
        assert "hostilities_not_ended" not in codes(verdict)

    def test_an_early_return_keeps_the_grave_breach_check_gciii_129(self):
        alleged = {
            "date": "2025-02-01",
            "event": "war_crime_allegation",
            "credible": True,
            "grave_breach_of": "gciii",
        }
        verdict = ask(case(CAPTURE, alleged), "repatriate", to="RU")
        assert [r.code for r in verdict.failing] == ["grave_breach_suspect_not_tried"]

    def test_an_early_return_is_no_possible_violation_in_descriptive_mode_gciii_118(self):
        home = {"date": "2025-03-01", "event": "repatriate", "to": "RU"}
        c = case(CAPTURE, home, mode="descriptive")
        assert c.steps[-1].applied
        assert list(c.violations) == []
        assert list(c.possible_violations) == []

    def test_an_early_return_ends_custody_and_starts_no_repatriation_duty_gciii_118(self):
        home = {"date": "2025-01-20", "event": "repatriate", "to": "RU"}
        c = case(CAPTURE, home)
        assert c.steps[-1].applied
        docket = c.docket(D(2026, 1, 1))
        assert [o for o in docket if o.code == "repatriation"] == []
        lapsed = {o.code: o.why for o in docket if o.status is Status.LAPSED}
        assert lapsed["icrc_access"] is Lapse.LEFT_CUSTODY

    def test_the_repatriation_duty_still_starts_only_when_hostilities_end_gciii_118(self):
        (entry,) = [o for o in case(CAPTURE, ENDED).docket() if o.code == "repatriation"]
        assert entry.started == D(2026, 6, 1)
