"""His wishes on record: a later claim from a source replaces that source's earlier one.

What the guards read of his will rests on this fold; a change made for speed once kept every
earlier unsourced claim (and made a long record's replay quadratic), so the fold is checked
against its plain definition.
"""

from __future__ import annotations

import datetime

import attrs
from hypothesis import given
from hypothesis import strategies as st

from powcase import Case, Subject
from powcase.engine.facts import Wish, _claimed

DAY = datetime.date(2025, 2, 1)


def _plainly(wishes: tuple[Wish, ...], new: Wish) -> tuple[Wish, ...]:
    """The rule as written: each source keeps only its latest claim; a counting verification
    stays; unsourced claims count as one source.
    """
    reporting = set(new.sources) or {""}
    kept = []
    for wish in wishes:
        if wish.verified:
            kept.append(wish)
            continue
        remaining = tuple(s for s in (wish.sources or ("",)) if s not in reporting)
        if remaining:
            kept.append(attrs.evolve(wish, sources=tuple(s for s in remaining if s)))
    return (*kept, new)


sources = st.lists(st.sampled_from(["kyiv", "press", "icrc"]), unique=True, max_size=2).map(tuple)
wishes = st.builds(
    Wish,
    destination=st.sampled_from(["KR", "KP", "stay"]),
    sources=sources,
    date=st.just(DAY),
    index=st.integers(0, 9),
    verified=st.booleans(),
)


@given(st.lists(wishes, max_size=6).map(tuple), wishes)
def test_a_claim_replaces_what_its_sources_said_before(before, new):
    assert _claimed(before, new) == _plainly(before, new)


def test_a_later_unsourced_claim_replaces_an_earlier_one():
    case = Case.open(Subject(id="ri", nationality=["KP"], forces="KP"), "UA")
    case = case.apply({"date": "2025-01-09", "event": "capture"})
    for day, destination in (("2025-02-01", "KP"), ("2025-02-02", "KR"), ("2025-02-03", "KR")):
        case = case.apply({"date": day, "event": "wish_expressed", "destination": destination})
    views = case.timeline.facts.wish_views
    assert [[w.destination for w in view] for view in views] == [["KR"], ["KR"], ["KR"]]
