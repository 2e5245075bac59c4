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
