"""The record: value objects, their validators, and the plain-dict form."""

import datetime

import pytest
from hypothesis import given

from powcase import Capture, InvalidInput, Record, Subject, WishExpressed, event_from_dict
from powcase.testing import events, records

RI = {
    "subject": {"id": "ri", "name": "Kim Secret", "nationality": ["KP"], "forces": "KP"},
    "detaining_power": "UA",
    "sources": {"nis": {"name": "National Intelligence Service", "kind": "government"}},
    "events": [
        {"date": "2025-01-09", "event": "capture", "wounded": True, "source": "nis"},
        {"date": "2025-02-19", "event": "wish_expressed", "destination": "KR", "confidence": 0.8},
    ],
}


@given(records())
def test_every_record_round_trips_through_its_plain_form(record):
    assert Record.from_dict(record.to_dict()) == record


@given(events())
def test_every_event_round_trips_through_its_plain_form(event):
    assert event_from_dict(event.to_dict()) == event


def test_plain_form_keeps_the_scenario_keys():
    record = Record.from_dict(RI)
    plain = record.to_dict()
    assert plain["events"][0] == {
        "date": "2025-01-09",
        "event": "capture",
        "wounded": True,
        "source": "nis",
    }
    assert plain["sources"]["nis"]["kind"] == "government"
    assert record.events[1] == WishExpressed(
        date=datetime.date(2025, 2, 19), destination="KR", confidence=0.8
    )


def test_every_problem_is_reported_at_once_with_its_path():
    bad = {
        "subject": {"id": "ri", "nationality": ["kp"]},
        "detaining_power": "UK",
        "events": [
            {"date": "2025-13-01", "event": "capture"},
            {
                "date": "2025-01-10",
                "event": "wish_expressed",
                "destination": "KR",
                "confidence": 1.5,
            },
            {"date": "2025-01-11", "event": "repatriat"},
        ],
    }
    with pytest.raises(InvalidInput) as caught:
        Record.from_dict(bad)
    paths = {p.path for p in caught.value.problems}
    assert paths == {
        "subject.nationality",
        "detaining_power",
        "events[0].date",
        "events[1].confidence",
        "events[2].event",
    }
    suggestions = {p.path: p.suggestion for p in caught.value.problems}
    assert suggestions["events[2].event"] == "repatriate"
    assert suggestions["subject.nationality"] == "KP"


def test_events_out_of_date_order_are_refused_with_their_index():
    data = {**RI, "events": [RI["events"][1], RI["events"][0]]}
    with pytest.raises(InvalidInput, match=r"events\[1\]\.date"):
        Record.from_dict(data)


def test_an_event_citing_an_unknown_source_is_refused():
    data = {**RI, "events": [{"date": "2025-01-09", "event": "capture", "source": "yonhap"}]}
    with pytest.raises(InvalidInput, match=r"events\[0\]\.source: cites unknown source"):
        Record.from_dict(data)


def test_yaml_false_for_norway_gets_a_hint():
    with pytest.raises(InvalidInput, match="quote state codes"):
        Capture(date="2025-01-09", by=False)


def test_booleans_left_out_are_unknown_not_false():
    assert Capture(date="2025-01-09").wounded is None


def test_required_field_missing_is_located():
    with pytest.raises(InvalidInput) as caught:
        event_from_dict({"date": "2025-01-09", "event": "exchange"})
    assert [str(p) for p in caught.value.problems] == [
        "to: is required; expected an ISO 3166 alpha-2 state code in upper case, e.g. 'UA'"
    ]


def test_a_third_state_request_names_its_state():
    with pytest.raises(InvalidInput, match="state: is required when kind is third_state"):
        event_from_dict(
            {"date": "2025-01-09", "event": "request_protection", "kind": "third_state"}
        )


class TestTheNameIsPersonalData:
    def test_not_in_the_repr(self):
        subject = Subject(id="ri", name="Kim Secret", nationality=["KP"])
        assert "Kim Secret" not in repr(subject)
        assert "Kim Secret" not in repr(Record.from_dict(RI))

    def test_not_in_errors(self):
        bad = {**RI, "subject": {**RI["subject"], "nationality": "Kim Secret"}}
        with pytest.raises(InvalidInput) as caught:
            Record.from_dict(bad)
        assert "Kim Secret" not in str(caught.value)

    def test_a_name_of_the_wrong_type_is_not_echoed(self):
        with pytest.raises(InvalidInput) as caught:
            Subject(id="ri", name=12345678, nationality=["KP"])
        assert "12345678" not in str(caught.value)
        assert caught.value.problems[0].path == "name"

    def test_kept_in_the_plain_form_for_the_caller_to_redact(self):
        assert Record.from_dict(RI).to_dict()["subject"]["name"] == "Kim Secret"
