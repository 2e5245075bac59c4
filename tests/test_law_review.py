"""The law review page: every guard, flag and obligation with provisions that all resolve."""

import pathlib
import re

import pytest

from powcase.law.docket import OBLIGATION_RULES
from powcase.law.flags import FLAG_RULES
from powcase.law.guards import GUARDS
from powcase.law.provisions import resolves
from powcase.render.law_review import guard_citations, law_review

ROW_ID = re.compile(r"^\| `([^`]+)` \|", re.M)
HEADING = re.compile(r"^### `([^`]+)`$", re.M)


@pytest.fixture(scope="module")
def page():
    return law_review()


def test_the_page_lists_every_guard_flag_and_obligation(page):
    headings = set(HEADING.findall(page))
    assert set(GUARDS) - headings == set()
    assert set(FLAG_RULES) - headings == set()
    assert set(OBLIGATION_RULES) - headings == set()


def test_every_provision_the_page_names_resolves(page):
    named = ROW_ID.findall(page) + re.findall(r"found in its code: (.*)\.$", page, re.M)
    ids = [i for text in named for i in re.findall(r"[^`, ]+", text)]
    assert ids, "the page names no provision"
    assert [i for i in ids if not resolves(i)] == []


def test_each_guard_shows_every_provision_its_transition_cites(page):
    for event, guard in GUARDS.items():
        section = page.split(f"### `{event}`\n", 1)[1].split("\n### ", 1)[0]
        assert set(guard.cites) <= set(ROW_ID.findall(section)), event


def test_the_collection_follows_the_guards_into_the_rules_they_call():
    # exchange cites the human-rights bars only through the shared non-refoulement rule.
    exchange = {c.id for c in guard_citations("exchange")}
    assert {"CAT-3", "ICCPR-7", "RC-33", "GCIV-45(4)"} <= exchange
    # The commentary id is built from a template; the collection fills it in.
    assert "ICRC-COM-2020-GCIII-118" in exchange
    # convict falls back on the customary rule where API-75 does not bind.
    assert "CIHL-100" in {c.id for c in guard_citations("convict")}


def test_the_page_points_at_no_file_outside_the_repository(page):
    # Every Markdown file the page names is one of the documentation's own pages.
    here = pathlib.Path(__file__).parent.parent / "docs" / "reference"
    named = set(re.findall(r"[\w./-]+\.md\b", page))
    assert named
    assert all((here / name).resolve().is_file() for name in named)
