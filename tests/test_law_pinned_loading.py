"""The packaged law data read from its files: every problem in any of them is reported at
its file, line and column, and nothing is read from a set of files that has one.

Each test copies the packaged data to a temporary folder, spoils one file, and reads it.
"""

from __future__ import annotations

import datetime
import pathlib
import shutil

import pytest

from powcase.errors import LawDataError
from powcase.law import loading
from powcase.law.book import Law
from powcase.law.loading import packaged_fragments


@pytest.fixture
def data(tmp_path: pathlib.Path) -> pathlib.Path:
    root = tmp_path / "data"
    shutil.copytree(loading.DATA, root)
    return root


def _errors(root: pathlib.Path) -> list[str]:
    with pytest.raises(LawDataError) as caught:
        packaged_fragments(root)
    return [str(p) for p in caught.value.located]


def test_an_unspoiled_copy_reads_as_the_packaged_law(data):
    checked, fragments = packaged_fragments(data)
    assert checked == Law.packaged().checked
    kinds = {f.table for f in fragments}
    assert {"instruments", "provisions", "parties", "concerns", "flags", "messages"} <= kinds


def test_a_file_that_is_not_yaml_is_located(data):
    (data / "flags.yaml").write_text("refoulement_risk:\n\tseverity: critical\n", "utf-8")
    (found,) = _errors(data)
    assert found.startswith(f"{data / 'flags.yaml'}:2:")


def test_a_table_that_is_not_a_mapping_is_located_and_no_law_is_read(data):
    (data / "obligations.yaml").write_text("- one\n- two\n", "utf-8")
    (found,) = _errors(data)
    assert found.startswith(str(data / "obligations.yaml"))
    assert "is not accepted" in found


def test_a_missing_manifest_is_reported(data):
    (data / "law.yaml").unlink()
    found = _errors(data)
    assert any(str(data / "law.yaml") in f for f in found)


def test_a_party_file_the_manifest_does_not_list_is_an_error(data):
    shutil.copy(data / "parties" / "TW.yaml", data / "parties" / "FR.yaml")
    assert _errors(data) == ["law.yaml: parties: FR has a file but is not listed"]


def test_a_provision_filed_under_another_instrument_is_located(data):
    path = data / "provisions" / "CAT.yaml"
    text = path.read_text("utf-8").replace("instrument: CAT\n", "instrument: GCIII\n", 1)
    path.write_text(text, "utf-8")
    (found,) = _errors(data)
    assert found.startswith(str(path))
    assert "instrument: GCIII is not this file's; expected CAT" in found


def test_a_bad_value_in_a_party_file_is_located_in_that_file(data):
    path = data / "parties" / "NP.yaml"
    path.write_text(path.read_text("utf-8").replace("name:", "name: ''\nnome:", 1), "utf-8")
    found = _errors(data)
    assert found
    assert all(f.startswith(str(path)) for f in found)


@pytest.mark.parametrize(
    ("instrument", "message"),
    [
        ("CIHL", "instrument: CIHL has no takes_effect clause"),
        ("GCIIII", "instrument: GCIIII is not an instrument"),
    ],
)
def test_a_deposit_in_an_instrument_without_a_clause_is_located(instrument, message):
    """When a deposit binds is read from the instrument's clause: a deposit in custom, or in
    an instrument the catalogue does not have, cannot be dated.
    """
    overlay = {
        "parties": {
            "XA": {
                "name": "A state of the test",
                "participations": [
                    {
                        "instrument": instrument,
                        "how": "accession",
                        "deposited": "2000-01-01",
                        "source": "https://example.org/xa",
                    }
                ],
            }
        }
    }
    with pytest.raises(LawDataError) as caught:
        Law.packaged().overlaid(overlay)
    found = [str(p) for p in caught.value.located]
    assert any(message in f for f in found), found


def test_overlays_given_as_nested_mappings_and_tuples_read_as_plain_data():
    """An overlay built in Python (tuples, nested mappings) reads like one from a file."""
    overlay = {
        "parties": {
            "XA": {
                "name": "A state of the test",
                "participations": (
                    {
                        "instrument": "GCIII",
                        "how": "accession",
                        "deposited": datetime.date(1960, 1, 1),
                        "source": "https://example.org/xa",
                    },
                ),
            }
        }
    }
    law = Law.packaged().overlaid(overlay)
    (participation,) = law.parties["XA"].participations
    assert participation.since == datetime.date(1960, 7, 1)


def test_a_first_of_month_clause_counts_from_the_months_given():
    """ECHR Protocol 13's clause: the first day of the month after three months."""
    clause = loading._takes_effect({"first_of_month_after": {"months": 3}})
    assert clause is not None
    assert (clause.months, clause.days, clause.first_of_month) == (3, 0, True)
    assert clause.after(datetime.date(2003, 7, 3)) == datetime.date(2003, 11, 1)


def test_an_obligation_is_not_without_delay_unless_it_says_so():
    """``without_delay`` marks a treaty that sets no period; an entry that does not say so
    has one.
    """
    packaged = Law.packaged().obligations["capture_card"]
    assert packaged.without_delay is True
    entry = {
        "provision": packaged.provision,
        "period": "7 days",
        "met_by": packaged.met_by,
        "text": packaged.text,
    }
    law = Law.packaged().overlaid({"obligations": {"capture_card": entry}})
    assert law.obligations["capture_card"].without_delay is False


# --- an overlay's entries checked against the rest of the law ---------------------------------

CARD = Law.packaged().obligations["capture_card"]


def _obligation(**changes):
    entry = {"provision": CARD.provision, "period": "7 days", "met_by": CARD.met_by, "text": "x"}
    return {"obligations": {"capture_card": {**entry, **changes}}}


def _overlay_errors(overlay) -> list[str]:
    with pytest.raises(LawDataError) as caught:
        Law.packaged().overlaid(overlay)
    return [str(p) for p in caught.value.located]


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("36501 days", "36501 days is longer than a century; expected at most 36500 days"),
        ("1201 months", "1201 months is longer than a century; expected at most 1200 months"),
        ("123456789 days", "123456789 days is longer than a century"),
        ("icrc_access_dayz", "icrc_access_dayz is not an assumption giving days"),
    ],
)
def test_an_obligation_s_period_is_a_century_at_most_or_an_assumption(period, message):
    found = _overlay_errors(_obligation(period=period))
    assert any(f"obligations.capture_card.period: {message}" in f for f in found), found


@pytest.mark.parametrize("period", ["36500 days", "1200 months", "icrc_access_days", "1 months"])
def test_a_period_within_a_century_or_an_assumption_is_accepted(period):
    law = Law.packaged().overlaid(_obligation(period=period))
    assert law.obligations["capture_card"].period == period


def test_an_obligation_met_by_an_unknown_event_is_located_with_a_guess():
    (found,) = _overlay_errors(_obligation(met_by="capture_card_sen"))
    assert "obligations.capture_card.met_by: capture_card_sen is not an event" in found
    assert "expected an event name, or " in found
    assert "leaving_custody" in found
    assert "capture_card_sent" in found


def test_met_if_names_a_yes_or_no_field_of_the_event():
    (found,) = _overlay_errors(
        _obligation(met_by="icrc_visit", met_if="private_intervew", period="30 days")
    )
    assert "met_if: private_intervew is not a yes-or-no field of icrc_visit" in found
    assert "private_interview" in found
    law = Law.packaged().overlaid(
        _obligation(met_by="icrc_visit", met_if="private_interview", period="30 days")
    )
    assert law.obligations["capture_card"].met_if == "private_interview"


def test_met_if_with_a_name_for_several_events_has_no_field_to_name():
    (found,) = _overlay_errors(_obligation(met_by="leaving_custody", met_if="free"))
    assert "met_by naming a single event with such a field" in found


def test_a_text_for_a_provision_the_obligation_does_not_name_is_located():
    (found,) = _overlay_errors(_obligation(texts={"protected_person": "y"}))
    assert "texts.protected_person: the obligation names no protected_person provision" in found
    (named,) = _overlay_errors(_obligation(detainee="CIHL-124", texts={"protected_person": "y"}))
    assert "detainee" in named


def test_a_reading_names_an_assumption_and_one_of_its_options():
    provision = Law.packaged().provisions["ICRC-COM-2020-GCIII-12"].to_dict()
    provision.pop("id")
    for reading, message in (
        ({"assumption": "ihl_non_refoulment", "option": "icrc_2020"}, "is not an assumption"),
        (
            {"assumption": "ihl_non_refoulement", "option": "icrc_2021"},
            "'icrc_2021' is not an option",
        ),
        ({"assumption": "icrc_access_days", "option": "30"}, "'30' is not an option"),
    ):
        overlay = {"provisions": {"ICRC-COM-2020-GCIII-12": {**provision, "readings": [reading]}}}
        found = _overlay_errors(overlay)
        assert any("readings[0]" in f and message in f for f in found), found


def test_references_of_concerns_and_obligations_are_checked():
    concern = Law.packaged().concerns["hrw-2022-03-16"].to_dict()
    concern.pop("id")
    found = _overlay_errors({"concerns": {"x-1": {**concern, "flags": ["no_such_flag"]}}})
    assert any("concerns.x-1.flags[0]" in f for f in found), found
    found = _overlay_errors(_obligation(provision="GCIII-7000"))
    assert any("obligations.capture_card.provision" in f for f in found), found


def test_a_replaced_instrument_redates_deposits_and_needs_its_clause_for_them():
    """A deposit's first binding day is read from its instrument's clause: replacing the
    instrument with one that has no clause leaves the deposits undated, an error located at
    the instrument; replacing it with another clause redates them.
    """
    cat = Law.packaged().instruments["CAT"]
    entry = {"title": cat.title, "binding": "treaty", "adopted": "1984-12-10", "url": cat.url}
    found = _overlay_errors({"instruments": {"CAT": entry}})
    assert any(
        "has a deposit of it, so it needs a takes_effect clause and in_force" in f for f in found
    )
    slower = {**entry, "in_force": "1987-06-26", "takes_effect": {"days": 60}}
    law = Law.packaged().overlaid({"instruments": {"CAT": slower}})
    (kr,) = [p for p in law.parties["KR"].participations if p.instrument == "CAT"]
    (before,) = [p for p in Law.packaged().parties["KR"].participations if p.instrument == "CAT"]
    assert before.deposited is not None
    assert kr.since == before.deposited + datetime.timedelta(days=60)
    assert kr.since != before.since
