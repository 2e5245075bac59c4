"""Strategies that draw valid powcase values, built from the field table.

Every strategy reads the same field specs as the validators (:mod:`powcase.model.fields`), so what
they draw is exactly what the library accepts.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from powcase.case import Case
from powcase.law.parties import PARTIES
from powcase.model.assumptions import Assumptions
from powcase.model.countries import STATE_CODES
from powcase.model.events import EVENT_TYPES, Event
from powcase.model.fields import FieldSpec, TermProvisions, attribute_name, field_specs
from powcase.model.mode import Mode
from powcase.model.record import Record, Source, Subject
from powcase.scenario.model import Expectations, Scenario, Variant

__all__ = [
    "assumptions",
    "cases",
    "dates",
    "events",
    "records",
    "scenarios",
    "sources",
    "state_codes",
    "subjects",
]

_KNOWN = sorted(PARTIES)
_OTHER = sorted(STATE_CODES - set(PARTIES))
_BASE = frozenset({"date", "source", "note"})
_AGREEMENT_IDS = ("GCIII-6", "PANMUNJOM-51", "PANMUNJOM-TOR-3", "PANMUNJOM-TOR-4")
"""Catalogue ids an agreement's ``provision`` may name (any id must resolve)."""


def _provisions(terms: Sequence[str]) -> st.SearchStrategy[TermProvisions]:
    ids = st.lists(st.sampled_from(_AGREEMENT_IDS), min_size=1, max_size=2, unique=True)
    by_term = st.dictionaries(st.sampled_from(list(terms)), ids, min_size=1, max_size=3)
    return st.one_of(ids, by_term).map(TermProvisions.of_plain)


def state_codes() -> st.SearchStrategy[str]:
    """State codes, mostly those the parties table knows (their rules are the interesting
    ones), sometimes any other assigned code.
    """
    return st.one_of(st.sampled_from(_KNOWN), st.sampled_from(_KNOWN), st.sampled_from(_OTHER))


def dates(
    min_value: datetime.date = datetime.date(1950, 6, 25),
    max_value: datetime.date = datetime.date(2030, 12, 31),
) -> st.SearchStrategy[datetime.date]:
    """Dates in the span the parties table covers (the Korean War to the near future)."""
    return st.dates(min_value=min_value, max_value=max_value)


_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")


def _value(spec: FieldSpec, source_ids: Sequence[str]) -> st.SearchStrategy[Any]:
    kinds: dict[str, st.SearchStrategy[Any]] = {
        "date": dates(),
        "state": state_codes(),
        "states": st.lists(state_codes(), min_size=1, max_size=3, unique=True).map(tuple),
        "state_or": st.one_of(state_codes(), st.sampled_from(spec.options or ("stay",))),
        "choice": st.sampled_from(spec.options),
        "choices": st.lists(st.sampled_from(spec.options), max_size=3, unique=True).map(tuple),
        "provisions": _provisions(spec.options),
        "bool": st.booleans(),
        "text": _TEXT,
        "confidence": st.floats(min_value=0, max_value=1),
        "year": st.integers(min_value=1920, max_value=2010),
        "sources": (
            st.lists(st.sampled_from(list(source_ids)), max_size=2, unique=True).map(tuple)
            if source_ids
            else st.just(())
        ),
    }
    strategy = kinds[spec.kind]
    if spec.required:
        return strategy
    return st.one_of(st.just(spec.default), strategy)


def events(
    names: Sequence[str] | None = None,
    *,
    date: st.SearchStrategy[datetime.date] | None = None,
    source_ids: Sequence[str] = (),
) -> st.SearchStrategy[Event]:
    """Valid events of the given names (all by default), each field drawn from its spec."""
    chosen = list(names) if names is not None else list(EVENT_TYPES)

    @st.composite
    def build(draw: st.DrawFn) -> Event:
        cls = EVENT_TYPES[draw(st.sampled_from(chosen))]
        values: dict[str, Any] = {}
        for name, spec in field_specs(cls).items():
            if name == "date":
                values[name] = draw(date if date is not None else dates())
            else:
                values[attribute_name(name)] = draw(_value(spec, source_ids))
        if cls.name == "request_protection" and values.get("kind") == "third_state":
            values["state"] = values.get("state") or draw(state_codes())
        if cls.name == "request_protection" and values.get("kind") == "asylum":
            values["state"] = None
        return cls(**values)

    return build()


def subjects(*, nationality: Sequence[str] | None = None) -> st.SearchStrategy[Subject]:
    """Subjects with a pseudonymous id, one or two nationalities and sometimes a name."""
    nationalities = (
        st.just(tuple(nationality))
        if nationality is not None
        else st.lists(state_codes(), min_size=1, max_size=2, unique=True).map(tuple)
    )
    return st.builds(
        Subject,
        id=st.from_regex(r"[a-z][a-z0-9_-]{0,11}", fullmatch=True),
        name=st.one_of(st.none(), _TEXT),
        nationality=nationalities,
        forces=st.one_of(st.none(), state_codes()),
        born=st.one_of(st.none(), st.integers(min_value=1920, max_value=2010)),
        rank=st.one_of(st.none(), _TEXT),
        unit=st.one_of(st.none(), _TEXT),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources with ids made of letters."""
    return st.builds(
        Source,
        id=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
        name=_TEXT,
        kind=st.sampled_from(("press", "ngo", "government", "intergovernmental", "court")),
        country=st.one_of(st.none(), state_codes()),
        url=st.one_of(st.none(), st.just("https://example.org/report")),
        date=st.one_of(st.none(), dates()),
    )


@st.composite
def records(
    draw: st.DrawFn, *, max_events: int = 12, names: Sequence[str] | None = None
) -> Record:
    """Valid records: events in date order, citing only listed sources."""
    listed = draw(st.lists(sources(), max_size=3, unique_by=lambda s: s.id))
    ids = [s.id for s in listed]
    drawn = draw(st.lists(events(names, source_ids=ids), max_size=max_events))
    ordered = sorted(drawn, key=lambda e: e.date)
    return Record(
        subject=draw(subjects()),
        detaining_power=draw(state_codes()),
        sources=listed,
        events=ordered,
    )


def assumptions() -> st.SearchStrategy[Assumptions]:
    """Any reading of the law: every key drawn from its options (days from 0 to 3650)."""
    values: dict[str, st.SearchStrategy[Any]] = {}
    for key, spec in Assumptions.specs().items():
        if spec.days:
            values[key] = st.integers(min_value=0, max_value=3650)
        else:
            values[key] = st.sampled_from(spec.options)
    return st.builds(Assumptions, **values)


def cases(*, max_events: int = 12) -> st.SearchStrategy[Case]:
    """Cases: a drawn record replayed under a drawn reading, in either mode."""
    return st.builds(
        Case.replay,
        records(max_events=max_events),
        assumptions(),
        st.sampled_from(list(Mode)),
    )


@st.composite
def scenarios(draw: st.DrawFn, *, max_events: int = 8) -> Scenario:
    """Scenarios without expectations (any run passes), some with a what-if variant."""
    record = draw(records(max_events=max_events))
    variants = draw(
        st.lists(
            st.builds(
                Variant,
                name=st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True),
                assumptions=assumptions(),
                mode=st.sampled_from(list(Mode)),
                as_of=st.none(),
                expect=st.just(Expectations()),
            ),
            max_size=2,
            unique_by=lambda v: v.name,
        )
    )
    return Scenario(
        title=draw(_TEXT),
        record=record,
        assumptions=draw(assumptions()),
        mode=draw(st.sampled_from(list(Mode))),
        variants=tuple(variants),
        file="<generated>",
    )
