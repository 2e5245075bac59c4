"""The alphabet of an exploration: the candidate events a path is made of.

A :class:`Letter` is an event without its date: its name and its fields. The explorer dates
it when it takes it (each step ``step_days`` after the one before). The default alphabet is
small and chosen for legal relevance: the machine events of the legal process, each with the
field values that change what a guard says, and the incidents that enable or block guards
(his wishes and their verification, a risk on return, consents, agreements, the end and
resumption of hostilities, a medical finding, an allegation). ``full`` takes every value of
every field instead.

State fields are written with roles, filled from the start of the exploration: ``$holder``
(the detaining power), ``$home`` (his state of nationality), ``$forces`` (the state whose
forces he served in), ``$origin`` (each state that can be his power of origin: his state of
nationality and the state whose forces he served in), ``$ally`` (a state allied with his
state of nationality on the start date), ``$neutral`` (a state at peace with every party:
Switzerland unless it is one of them) and ``$third`` (South Korea, the third state of the
case that started powcase, unless it is one of them).
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from powcase.errors import InvalidInput, PowcaseError
from powcase.law.book import Law
from powcase.model.events import EVENT_TYPES, Event, event_from_dict
from powcase.model.fields import field_specs
from powcase.model.record import Record

__all__ = ["DEFAULT_LETTERS", "Letter", "Roles", "alphabet"]


@attrs.frozen
class Letter:
    """An event of the alphabet without its date: its name and its fields (sorted pairs)."""

    name: str
    fields: tuple[tuple[str, Any], ...] = ()

    def at(self, on: datetime.date) -> Event:
        """The event on ``on``."""
        return event_from_dict({"date": on, "event": self.name, **_plain(self.fields)})

    @property
    def label(self) -> str:
        """A short readable form: ``release_to_third_state(to=KR)``."""
        if not self.fields:
            return self.name
        inner = ", ".join(f"{key}={_show(value)}" for key, value in self.fields)
        return f"{self.name}({inner})"

    def to_dict(self) -> dict[str, Any]:
        """``{"event": name, **fields}``, as in a scenario file without a date."""
        return {"event": self.name, **_plain(self.fields)}

    def __str__(self) -> str:
        return self.label


def _plain(fields: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in fields}


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "+".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


@attrs.frozen
class Roles:
    """The states the roles of the alphabet stand for, read from the start of the record."""

    holder: str
    home: str
    forces: str | None
    origins: tuple[str, ...]
    allies: tuple[str, ...]
    neutral: str
    third: str

    @classmethod
    def of(cls, record: Record, law: Law, on: datetime.date) -> Roles:
        """The roles for ``record``'s subject and detaining power on ``on``."""
        subject = record.subject
        home = subject.state_of_nationality
        holder = record.detaining_power
        origins = tuple(dict.fromkeys(s for s in (home, subject.forces) if s is not None))
        parties = {holder, *subject.nationality, *origins}
        allies = tuple(a for a in law.allies(home, on) if a not in parties)
        neutral = next(s for s in ("CH", "SE", "IE") if s not in parties)
        third = next(s for s in ("KR", "DE", "CA") if s not in parties)
        return cls(holder, home, subject.forces, origins, allies, neutral, third)

    def states(self, role: str) -> tuple[str, ...]:
        """The states ``role`` stands for (a plain state code stands for itself)."""
        found: dict[str, tuple[str, ...]] = {
            "$holder": (self.holder,),
            "$home": (self.home,),
            "$forces": (self.forces,) if self.forces is not None else (),
            "$origin": self.origins,
            "$ally": self.allies[:1],
            "$neutral": (self.neutral,),
            "$third": (self.third,),
        }
        if role.startswith("$"):
            if role not in found:
                raise PowcaseError(f"unknown role {role!r} in the alphabet")
            return found[role]
        return (role,)

    @property
    def relevant(self) -> tuple[str, ...]:
        """Every state that matters to the start, for ``full`` alphabets."""
        every = (self.holder, *self.origins, *self.allies[:1], self.third, self.neutral)
        return tuple(dict.fromkeys(every))


LetterSpec = Mapping[str, Any]

DEFAULT_LETTERS: dict[str, tuple[LetterSpec, ...]] = {
    # The legal process: status, requests, trials and every way out of custody.
    "determine_status": (
        {"outcome": "pow", "by": "tribunal"},
        {"outcome": "civilian_internee", "by": "tribunal"},
        {"outcome": "unprivileged_detainee", "by": "tribunal", "grounds": "other"},
    ),
    "request_protection": (
        {"kind": "asylum"},
        {"kind": "third_state", "state": "$third"},
    ),
    "decide_protection": ({"granted": True}, {"granted": False}),
    "charge": ({"offence": "war_crime"},),
    "convict": ({"sentence": "imprisonment"},),
    "acquit": ({},),
    "complete_sentence": ({},),
    "exchange": ({"to": "$origin"},),
    "repatriate_medically": ({"to": "$origin"},),
    "intern_in_neutral_state": ({"state": "$neutral"},),
    "hand_over_to_neutral_custody": ({"state": "$neutral"},),
    "return_from_neutral_custody": ({},),
    "transfer_to_power": ({"to": "$ally"},),
    "recall": ({},),
    "release_in_detaining_state": ({},),
    "release_to_third_state": ({"to": "$third"},),
    "resettle": ({},),
    "repatriate": ({"to": "$origin"},),
    # What enables or blocks those steps.
    "wish_expressed": ({"destination": "$third"}, {"destination": "$home"}),
    "wish_verified": (
        {"destination": "$third", "by": "ICRC", "private_interview": True},
        {"destination": "$home", "by": "ICRC", "private_interview": True},
    ),
    "receiving_state_consents": ({"state": "$third"},),
    "risk_on_return": ({"state": "$home", "kind": "torture"},),
    "exchange_agreed": ({"between": ("$holder", "$origin")},),
    "hostilities_ended": ({},),
    "hostilities_resumed": ({},),
    "medical_assessment": ({"category": "gcIII_110_1"},),
    "war_crime_allegation": ({"credible": True},),
}
"""The default alphabet, by event name: each entry a letter's fields, with roles for states.
A finding the record does not leave open is left out for that record: for a member of a party's
armed forces, only a tribunal's finding that he is a prisoner of war.

Left out on purpose: capture (the start has him captured, or the fresh start is one), events
that are no act of the law's process (escape, recapture, death, falling out of combat), and
incidents that only raise flags (media exposure, interrogation, threats), which no guard reads.
"""


def _expand(spec: LetterSpec, roles: Roles) -> Iterable[tuple[tuple[str, Any], ...]]:
    """Every letter a spec stands for: a role standing for several states gives one each."""
    choices: list[list[tuple[str, Any]]] = []
    options: list[tuple[str, Any]]
    for key, value in sorted(spec.items()):
        if isinstance(value, str) and value.startswith("$"):
            options = [(key, state) for state in roles.states(value)]
        elif isinstance(value, tuple):
            # A list of states: each role fills one place; the pair stays one value.
            parts = [roles.states(v) for v in value]
            options = [
                (key, tuple(dict.fromkeys(pick)))
                for pick in itertools.product(*parts)
                if len(set(pick)) == len(pick)
            ]
        else:
            options = [(key, value)]
        if not options:
            return  # the role stands for no state here (e.g. no ally): no such letter
        choices.append(options)
    yield from (tuple(pick) for pick in itertools.product(*choices))


def _full_values(kind: str, options: Sequence[Any], required: bool, roles: Roles) -> list[Any]:
    """Every value a field of ``kind`` takes in a ``full`` alphabet."""
    unknown = [] if required else [None]
    if kind == "choice":
        return [*options, *unknown]
    if kind == "bool":
        return [True, False, *unknown]
    if kind == "state":
        return [*roles.relevant, *unknown]
    if kind == "state_or":
        return [*roles.relevant, *options, *unknown]
    if kind == "states":
        pair = (roles.holder, roles.origins[0])
        return [*((s,) for s in roles.relevant), pair]
    if kind == "choices":
        return [(), *((o,) for o in options)]
    if kind == "text":
        return ["x", *unknown] if required else [None]
    return [None] if not required else []


def _full_letters(name: str, roles: Roles) -> Iterable[tuple[tuple[str, Any], ...]]:
    base = {"date", "source", "note"}
    fields = [
        (key, _full_values(spec.kind, spec.options, spec.required, roles))
        for key, spec in field_specs(EVENT_TYPES[name]).items()
        if key not in base
    ]
    for values in itertools.product(*(v for _, v in fields)):
        yield tuple(
            (key, value)
            for (key, _), value in zip(fields, values, strict=True)
            if value is not None
        )


def alphabet(
    record: Record,
    law: Law,
    on: datetime.date,
    *,
    full: bool = False,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> tuple[Letter, ...]:
    """The alphabet for an exploration of ``record`` from ``on``: the default letters (every
    value of every field with ``full``), only the event names in ``include`` when it names
    any, none of those in ``exclude``. Letters that are not valid events are left out.
    """
    roles = Roles.of(record, law, on)
    included, excluded = set(include), set(exclude)
    unknown = sorted((included | excluded) - set(EVENT_TYPES))
    if unknown:
        raise InvalidInput.single(
            "events", f"{unknown[0]!r} is not a known event", expected="an event's name"
        )
    if full:
        names: Iterable[str] = [n for n in EVENT_TYPES if n not in _NEVER_FULL]
    else:
        names = DEFAULT_LETTERS
    if included:
        names = [n for n in (*names, *sorted(included - set(names))) if n in included]
    letters: list[Letter] = []
    for name in names:
        if name in excluded:
            continue
        if full or name not in DEFAULT_LETTERS:
            expanded: Iterable[tuple[tuple[str, Any], ...]] = _full_letters(name, roles)
        else:
            expanded = (f for spec in DEFAULT_LETTERS[name] for f in _expand(spec, roles))
        for fields in expanded:
            letter = Letter(name, fields)
            if _valid(letter, on) and (full or _open_on_record(letter, record)):
                letters.append(letter)
    return tuple(dict.fromkeys(letters))


def _open_on_record(letter: Letter, record: Record) -> bool:
    """Whether a default letter is a finding the record leaves open. A member of a party's
    armed forces (``forces`` on record) is a prisoner of war (GCIII-4A(1)): no tribunal finds
    him a civilian internee (GCIV-4 leaves out those the Third Convention protects), and the
    record holds nothing (spying out of uniform, API-46) on which one could find him an
    unprivileged detainee. Those findings are in the ``full`` alphabet.
    """
    if letter.name != "determine_status" or record.subject.forces is None:
        return True
    return dict(letter.fields).get("outcome") == "pow"


_NEVER_FULL = frozenset({"capture"})
"""Events a ``full`` alphabet leaves out: the start has him captured already."""


def _valid(letter: Letter, on: datetime.date) -> bool:
    try:
        letter.at(on)
    except InvalidInput:
        return False
    return True
