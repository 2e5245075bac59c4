"""Hostilities can resume: the duty to repatriate, born of their end, lapses with them.

GCIII-118 makes release and repatriation due once active hostilities have ended between the
detaining power and the power he depends on. A ceasefire that breaks down puts the parties
back where they were: nothing is due any more, and an item pending on the docket lapses
(``why: hostilities_resumed``); a later end starts it again from that day. A resumption
between other parties changes nothing for him. Each test failed before ``hostilities_resumed``
existed.
"""

import datetime

from powcase import Assumptions, Case, Subject
from powcase.law.docket import Lapse, Status
from support import codes

D = datetime.date
KP = Subject(id="prisoner", nationality=["KP"], forces="KP")
CAPTURE = {"date": "2025-01-09", "event": "capture"}
ENDED = {"date": "2025-06-01", "event": "hostilities_ended"}
RESUMED = {"date": "2025-07-01", "event": "hostilities_resumed"}


def case(*steps, **assumed):
    opened = Case.open(KP, "UA", assumptions=Assumptions(**assumed))
    for step in steps:
        opened = opened.apply(step, on_refusal="record")
    return opened


def repatriation(c, as_of=None):
    return [o for o in c.docket(as_of) if o.code == "repatriation"]


def test_a_resumption_lapses_the_pending_repatriation_duty_gciii_118():
    (item,) = repatriation(case(CAPTURE, ENDED, RESUMED))
    assert (item.status, item.why, item.lapsed_by) == (
        Status.LAPSED,
        Lapse.HOSTILITIES_RESUMED,
        2,
    )


def test_after_a_resumption_a_return_home_is_not_yet_due_gciii_118():
    home = {"date": "2025-07-02", "event": "repatriate"}
    verdict = case(CAPTURE, ENDED, RESUMED).verdict(home)
    assert "repatriation_before_due" in codes(verdict)
    assert "repatriation_due" not in codes(verdict)


def test_a_new_end_starts_the_duty_again_from_its_day_gciii_118():
    again = {"date": "2025-09-01", "event": "hostilities_ended"}
    lapsed, pending = repatriation(case(CAPTURE, ENDED, RESUMED, again))
    assert lapsed.status is Status.LAPSED
    assert (pending.started, pending.status) == (D(2025, 9, 1), Status.PENDING)


def test_a_resumption_between_other_parties_changes_nothing_for_him_gciii_118():
    elsewhere = dict(RESUMED, between=["UA", "RU"])
    (item,) = repatriation(case(CAPTURE, ENDED, elsewhere))
    assert item.status is Status.PENDING
    home = {"date": "2025-07-02", "event": "repatriate"}
    assert "repatriation_due" in codes(
        case(
            CAPTURE,
            ENDED,
            elsewhere,
            ihl_non_refoulement="strict_text",
            human_rights_non_refoulement=False,
        ).verdict(home)
    )


def test_an_end_between_his_pair_after_a_general_resumption_counts_gciii_118():
    pair_end = {"date": "2025-09-01", "event": "hostilities_ended", "between": ["UA", "KP"]}
    items = repatriation(case(CAPTURE, ENDED, RESUMED, pair_end))
    assert [i.status for i in items] == [Status.LAPSED, Status.PENDING]


def test_an_overdue_duty_stays_overdue_when_hostilities_resume_gciii_118():
    late = dict(RESUMED, date="2025-12-01")
    (item,) = repatriation(case(CAPTURE, ENDED, late))
    assert item.status is Status.OVERDUE
