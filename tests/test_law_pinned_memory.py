"""What the law remembers never changes what it answers.

The rules ask the same questions of the law for every event of a record, so :class:`Law`
remembers answers by question and by *period* (a stretch of days over which the parties
table gives the same answers). These tests pin that a remembered answer is the answer: for
each question asked twice, with different states, days or overlays, in either order, and that
the memory stays bounded. They also pin the small public questions of the law (binding,
reservations, a state's profile) that the rules rest on.
"""

from __future__ import annotations

import datetime
import itertools
import pickle

import attrs
import pytest

import powcase.law.flags
from powcase.errors import InvalidArgument
from powcase.law import book
from powcase.law.book import Law, law_of
from powcase.law.citing import cited, cited_now
from powcase.model.verdict import Reading

DAY = datetime.timedelta(days=1)
D = datetime.date.fromisoformat


@pytest.fixture
def law() -> Law:
    """A fresh packaged law with an empty memory, so each test's questions are its own."""
    fresh = Law.packaged()
    fresh.memo.clear()
    return fresh


# --- periods ---------------------------------------------------------------------------------

_DATED = {
    "parties": {
        "XA": {
            "name": "A state of the test",
            "participations": [
                {
                    "instrument": "GCIII",
                    "how": "accession",
                    "deposited": "1960-01-01",
                    "source": "https://example.org/xa",
                }
            ],
            "allies": [
                {
                    "state": "KP",
                    "since": "2001-01-01",
                    "until": "2002-01-01",
                    "basis": "a treaty of the test",
                    "source": "https://example.org/xa",
                }
            ],
            "treatment": [
                {
                    "act": "capture",
                    "kinds": ["torture"],
                    "since": "2003-01-01",
                    "until": "2004-01-01",
                    "summary": "A practice of the test.",
                    "source": "https://example.org/xa",
                }
            ],
            "conflicts": [
                {
                    "conflict": "test_war",
                    "side": "A",
                    "since": "2005-01-01",
                    "until": "2006-01-01",
                    "source": "https://example.org/xa",
                }
            ],
        }
    }
}


@pytest.mark.parametrize("ends", [D("2002-01-01"), D("2004-01-01"), D("2006-01-01")], ids=str)
def test_the_day_an_alliance_treatment_or_conflict_ends_begins_a_new_period(ends):
    """A remembered answer about treatment, allies or sides holds for one period only: the
    day an entry stops applying must start a new one, or the entry would seem to last.
    """
    law = Law.packaged().overlaid(_DATED)
    assert law.period(ends - DAY) != law.period(ends)


def test_answers_on_both_sides_of_the_end_of_an_entry_differ_in_either_order():
    law = Law.packaged().overlaid(_DATED)
    asked = {
        "allies": (lambda on: law.allies("XA", on), D("2001-06-01"), D("2002-06-01")),
        "treatment": (
            lambda on: law.treatment("XA", {"capture"}, on),
            D("2003-06-01"),
            D("2004-06-01"),
        ),
        "sides": (lambda on: law.sides("XA", on), D("2005-06-01"), D("2006-06-01")),
    }
    for name, (ask, during, after) in asked.items():
        assert ask(during), name
        assert not ask(after), name


def test_each_day_of_the_packaged_table_answers_what_its_period_answers(law):
    """Days with one period get one answer from treatment, allies and sides: checked on the
    first and last day of every period of the packaged table, for every state.
    """
    days = law.change_days
    assert days
    assert list(days) == sorted(days)
    for first, nxt in itertools.pairwise(days):
        last = nxt - DAY
        assert law.period(first) == law.period(last)
        for state in law.parties:
            assert law.allies(state, first) == law.allies(state, last), (state, first)
            assert law.sides(state, first) == law.sides(state, last), (state, first)
            acts = {"capture", "surrender", "family", "desertion"}
            assert law.treatment(state, acts, first) == law.treatment(state, acts, last)


def test_each_day_of_a_binding_period_binds_alike(law):
    days = law.binding_days
    assert days
    assert list(days) == sorted(days)
    assert D("1992-12-03") in days  # the Republic of Korea's accession to the 1951 Convention
    for first, nxt in itertools.pairwise(days):
        last = nxt - DAY
        assert law.binding_period(first) == law.binding_period(last)
        for state in law.parties:
            for provision in ("GCIII-118", "RC-33", "API-41", "CAT-3", "ECHR-3"):
                assert law.binds(state, provision, first) == law.binds(state, provision, last)


# --- remembered answers ----------------------------------------------------------------------


@pytest.mark.parametrize("order", ["ua_first", "ch_first"])
def test_whether_two_states_are_adverse_is_remembered_per_pair(law, order):
    """KP and UA are on opposite sides from KP's entry into the conflict; KP and CH are not:
    asking one pair first never answers for the other.
    """
    on = D("2025-01-09")
    pairs = [("UA", True), ("CH", False)]
    for other, adverse in pairs if order == "ua_first" else reversed(pairs):
        assert law.adverse("KP", other, on) is adverse, other


@pytest.mark.parametrize("order", ["ua_first", "kp_first"])
def test_what_a_finding_may_cite_is_remembered_per_acting_state(law, order):
    """ECHR-3 binds Ukraine (a party to the European Convention) and not North Korea: a
    finding about an act of one may cite it, about the other not.
    """
    on = D("2025-01-09")
    states = {"UA": ("ECHR-3",), "KP": ()}
    for state in states if order == "ua_first" else reversed(list(states)):
        assert cited_now(law, state, on, ("ECHR-3",)) == states[state], state


@pytest.mark.parametrize("order", ["before_first", "after_first"])
def test_what_a_finding_may_cite_is_remembered_per_binding_period(law, order):
    """The Republic of Korea acceded to the 1951 Convention with effect from 1993-03-03: a
    finding about its act may cite RC-33 after, not before.
    """
    days = {D("1990-01-01"): (), D("2000-01-01"): ("RC-33",)}
    for on in days if order == "before_first" else reversed(list(days)):
        assert cited_now(law, "KR", on, ("RC-33",)) == days[on], on


def test_a_context_number_is_never_another_question_s_answer(law):
    """The number standing for some circumstances is a number, whatever else was asked
    before with a key that looks like those circumstances.
    """
    on = D("2025-01-09")
    question = ("adverse", "KP", "UA", law.period(on))
    assert law.adverse("KP", "UA", on) is True
    number = law.context(question)
    assert type(number) is int
    assert law.context(question) == number
    assert law.context(("other circumstances",)) != number


def test_the_memory_is_bounded(law):
    """A long-running application asks ever new questions: past its limit the memory starts
    again, so it never holds more than the limit.
    """
    for n in range(book._MEMO_LIMIT + 1):
        law.remembered(("question", n), lambda n=n: n)
    assert len(law.memo) <= book._MEMO_LIMIT
    assert law.remembered(("question", 1), lambda: "again") == "again"


# --- citations under a reading ---------------------------------------------------------------

_READING = Reading("ihl_non_refoulement", "icrc_2020")


def test_an_interpretive_source_is_never_cited_alone(law):
    """A commentary reads a rule that binds: with no rule kept beside it, nothing is cited."""
    kept, later, unbound = cited(law, "UA", D("2025-01-09"), ("ICRC-COM-2020-GCIII-12",), _READING)
    assert (kept, later, unbound) == ((), False, ())


def test_an_interpretive_source_beside_a_binding_rule_is_cited_under_its_reading(law):
    cites = ("GCIII-12", "ICRC-COM-2020-GCIII-12")
    kept, later, _ = cited(law, "UA", D("2025-01-09"), cites, _READING)
    assert kept == cites
    assert later is False
    kept, _, _ = cited(law, "UA", D("2025-01-09"), cites, None)
    assert kept == ("GCIII-12",)


def test_a_commentary_is_later_than_a_day_before_its_publication_not_on_it(law):
    """The 2020 Commentary was published on 2020-06-01: read for an act of that day it is
    not later than the act; for an act of the day before it is.
    """
    cites = ("GCIII-12", "ICRC-COM-2020-GCIII-12")
    assert cited(law, "UA", D("2020-06-01"), cites, _READING)[1] is False
    assert cited(law, "UA", D("2020-05-31"), cites, _READING)[1] is True


# --- the small questions the rules rest on ---------------------------------------------------


def test_a_commentary_binds_nobody(law):
    assert law.binds("UA", "ICRC-COM-2020-GCIII-12", D("2025-01-09")) is False
    assert law.interpretive("ICRC-COM-2020-GCIII-12") is True
    assert law.interpretive("GCIII-12") is False


def test_a_state_not_in_the_table_has_no_reservations(law):
    assert law.reservations("ZZ", "GCIII-12", D("2025-01-09")) == ()
    assert law.binding("ZZ", "GCIII", D("2025-01-09")) is None


def test_a_state_s_profile_lists_only_what_holds_on_the_day(law):
    """North Korea's alliance with Russia runs from 2024-12-04, its part in the war against
    Ukraine from 2024-10-23, and its reservation to GCIII-12 from its accession in 1957.
    """
    before = law.profile("KP", D("1957-01-01"))
    assert before["reservations"] == []
    assert [a["state"] for a in before["allies"]] == ["CN"]
    assert [c["conflict"] for c in before["conflicts"]] == ["korea_1950"]
    now = law.profile("KP", D("2025-01-09"))
    assert {a["state"] for a in now["allies"]} == {"RU", "CN"}
    assert {r["provision"] for r in now["reservations"]} == {"GCIII-12", "GCIII-85"}
    assert "ru_ua" in {c["conflict"] for c in now["conflicts"]}
    titles = {b["instrument"]: b["title"] for b in now["binding"]}
    assert titles["GCIII"] == law.instruments["GCIII"].title


def test_a_law_with_no_overlay_but_its_own_tables_pickles_as_itself():
    """Only the packaged law pickles as a pointer to the package: a law built from other
    tables carries them.
    """
    packaged = Law.packaged()
    parties = {k: v for k, v in packaged.parties.items() if k != "TW"}
    own = attrs.evolve(packaged, parties=parties)
    assert own.overlays == ()
    copy = pickle.loads(pickle.dumps(own))
    assert "TW" not in copy.parties
    assert pickle.loads(pickle.dumps(packaged)) is Law.packaged()


def test_a_law_module_reads_its_table_on_first_use_and_knows_no_other_name():
    assert "refoulement_risk" in powcase.law.flags.FLAG_RULES
    with pytest.raises(AttributeError, match="no_such_table"):
        _ = powcase.law.flags.no_such_table


@pytest.mark.parametrize("value", [42, object(), 3.5])
def test_a_law_argument_of_the_wrong_type_is_refused(value):
    with pytest.raises(InvalidArgument):
        law_of(value)
    with pytest.raises(InvalidArgument):
        Law.packaged().overlaid(value)
