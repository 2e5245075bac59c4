"""The record: who the case is about, who reports what, and the dated events.

A record is the only source of truth of a case: state, verdicts, flags and the docket are
derived by replaying it. Its plain-dict form is the scenario format's, so a scenario file and a
record are the same data.

The subject is named by a pseudonymous ``id``. A ``name`` is optional personal data of a person
seeking protection: it is left out of reprs and error messages, and out of every output unless
a user asks for it.

>>> record = Record.from_dict({
...     "subject": {"id": "ri", "name": "withheld", "nationality": ["KP"], "forces": "KP"},
...     "detaining_power": "UA",
...     "events": [{"date": "2025-01-09", "event": "capture", "wounded": True}],
... })
>>> record.subject
Subject(id='ri', nationality=('KP',), forces='KP', membership=None, born=None, sent_by=None,
        rank=None, unit=None)
>>> Record.from_dict(record.to_dict()) == record
True
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from powcase._util.chain import Chain
from powcase._util.i18n import problem_text
from powcase._util.redact import withheld
from powcase.errors import InvalidInput, Problem
from powcase.model.events import Event, event_from_dict
from powcase.model.fields import (
    choice_field,
    date_field,
    field_specs,
    from_plain,
    parse_field,
    state_field,
    states_field,
    text_field,
    to_plain,
    year_field,
)

__all__ = ["Claim", "Record", "Source", "Subject"]

T = TypeVar("T")

MEMBERSHIPS = ("armed_forces", "militia_in_forces", "other_group", "none")
"""How he belonged to the forces he fought with: a member of a party's armed forces, of a
militia or volunteer corps forming part of them, of another organised group, or of none."""

_ADULT = 18
"""The age below which he is a child (API-77, ICCPR-6(5))."""

SOURCE_KINDS = ("press", "ngo", "government", "intergovernmental", "court", "academic", "other")


def _plain_fields(value: object) -> dict[str, Any]:
    """The non-default fields of a value object, in plain form."""
    return {
        name: to_plain(getattr(value, name))
        for name, spec in field_specs(type(value)).items()
        if getattr(value, name) != spec.default and getattr(value, name) != ()
    }


def _mapping(data: object, path: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise InvalidInput.single(
            path, problem_text("must be a mapping, got {kind}").format(kind=type(data).__name__)
        )
    return data


@attrs.frozen(kw_only=True, init=False)
class Subject:
    """The person the case is about.

    ``nationality`` is a list: its first entry is his state of nationality, and moves towards
    any listed state are checked for risk. ``forces`` names whose armed forces he served in;
    ``membership`` how he belonged to them (left out: a member of the armed forces, where
    ``forces`` is set; see :attr:`member_of_forces`).
    """

    id: str = text_field("a pseudonym that names him in outputs", required=True)
    name: str | None = text_field(
        "his name: personal data, never shown unless asked", personal=True
    )
    nationality: tuple[str, ...] = states_field(
        "his nationalities; the first is his state of nationality"
    )
    forces: str | None = state_field("whose armed forces he served in", required=False)
    membership: str | None = choice_field(
        "how he belonged to the forces he fought with: armed_forces (a member of a party's "
        "armed forces; the default where forces is set), militia_in_forces (a militia or "
        "volunteer corps forming part of them), other_group (another organised group) or none",
        MEMBERSHIPS,
    )
    born: int | datetime.date | None = year_field("his year or date of birth")
    sent_by: str | None = state_field(
        "the state that sent him on official duty as a member of its forces, if any",
        required=False,
    )
    rank: str | None = text_field("his rank")
    unit: str | None = text_field("his unit")

    def __init__(
        self,
        *,
        id: str,
        name: str | None = None,
        nationality: tuple[str, ...] | list[str] | str = (),
        forces: str | None = None,
        membership: str | None = None,
        born: int | datetime.date | str | None = None,
        sent_by: str | None = None,
        rank: str | None = None,
        unit: str | None = None,
    ) -> None:
        # A mistake can put the name into another field; no error may echo it.
        listed: Any = nationality  # the field's converter makes the tuple
        birth: Any = born  # and a date of a string
        try:
            self.__attrs_init__(
                id=id,
                name=name,
                nationality=listed,
                forces=forces,
                membership=membership,
                born=birth,
                sent_by=sent_by,
                rank=rank,
                unit=unit,
            )
        except InvalidInput as error:
            raise withheld(error, name) from None

    def minor_on(self, day: datetime.date) -> bool | None:
        """Whether he was under 18 on ``day``, from his date or year of birth: None where a
        year leaves that open (he turned 18 that year) or nothing is on record.
        """
        born = self.born
        if born is None:
            return None
        if isinstance(born, datetime.date):
            turned = (day.month, day.day) >= (born.month, born.day)
            return day.year - born.year - (0 if turned else 1) < _ADULT
        years = day.year - born
        if years <= _ADULT - 1:
            return True
        if years >= _ADULT + 1:
            return False
        return None

    @property
    def state_of_nationality(self) -> str:
        """The first listed nationality."""
        return self.nationality[0]

    @property
    def member_of_forces(self) -> str | None:
        """How he belonged to his forces: ``membership``, or ``armed_forces`` where it is
        left out and ``forces`` is set (None: not known).

        >>> Subject(id="b", nationality=["NP"], forces="RU").member_of_forces
        'armed_forces'
        """
        if self.membership is None and self.forces is not None:
            return "armed_forces"
        return self.membership

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form (the name included: callers redact it for output)."""
        return _plain_fields(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Subject:
        """Build a subject from its plain-dict form."""
        data = _mapping(data, "")
        try:
            return from_plain(cls, data)
        except InvalidInput as error:
            raise withheld(error, data.get("name")) from None


@attrs.frozen(kw_only=True)
class Source:
    """Who reports a fact: a press outlet, an NGO, a government, a court..."""

    id: str = text_field("the id events cite", required=True)
    name: str = text_field("the source's name", required=True)
    kind: str = choice_field("what kind of source", SOURCE_KINDS, required=True)
    country: str | None = state_field("the source's country", required=False)
    url: str | None = text_field("where to read it")
    date: datetime.date | None = date_field("the date of the report", required=False)

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form, without the id (it is the key in a record's sources)."""
        return {k: v for k, v in _plain_fields(self).items() if k != "id"}

    @classmethod
    def from_dict(cls, source_id: str, data: Mapping[str, Any]) -> Source:
        """Build a source from its id and its plain-dict form."""
        if "id" in _mapping(data, ""):
            raise InvalidInput.single(
                "id", problem_text("is the source's key; do not repeat it inside")
            )
        return from_plain(cls, {**data, "id": source_id})


@attrs.frozen(kw_only=True)
class Claim:
    """A fact that feeds no guard (a casualty figure, an age), kept with its source.

    Claims about the same thing from different sources are kept side by side.
    """

    about: str = text_field("what the claim is about, e.g. kursk_casualties", required=True)
    value: str = text_field("what the source says", required=True)
    source: str | None = text_field("the source id")
    date: datetime.date = date_field("the date of the claim")

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form."""
        return _plain_fields(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        """Build a claim from its plain-dict form; a number value is kept as its text."""
        data = _mapping(data, "")
        value = data.get("value")
        if isinstance(value, int | float) and not isinstance(value, bool):
            data = {**data, "value": str(value)}
        return from_plain(cls, data)


def _unknown_sources(path: str, cited: Iterable[str], known: set[str]) -> list[Problem]:
    return [
        Problem(
            f"{path}.source",
            problem_text("cites unknown source {source}").format(source=repr(ref)),
            problem_text("an id listed under sources"),
        )
        for ref in cited
        if ref not in known
    ]


def _out_of_order(index: int, earlier: Event | None, later: Event) -> list[Problem]:
    if earlier is None or later.date >= earlier.date:
        return []
    return [
        Problem(
            f"events[{index}].date",
            problem_text("{date} is before the previous event's date {previous}").format(
                date=later.date, previous=earlier.date
            ),
            problem_text("events in date order (same-date events keep their order)"),
        )
    ]


def _check_sources_cited(
    sources: Iterable[Source], events: Iterable[Event], claims: Iterable[Claim]
) -> list[Problem]:
    known = {s.id for s in sources}
    problems = []
    for index, event in enumerate(events):
        problems += _unknown_sources(f"events[{index}]", event.source, known)
    for index, claim in enumerate(claims):
        if claim.source is not None:
            problems += _unknown_sources(f"claims[{index}]", (claim.source,), known)
    return problems


def _check_order(events: Iterable[Event]) -> list[Problem]:
    problems = []
    for index, (earlier, later) in enumerate(itertools.pairwise(events), start=1):
        problems += _out_of_order(index, earlier, later)
    return problems


def _sources(items: Iterable[Source]) -> tuple[Source, ...]:
    return _typed_tuple(items, Source, "sources")


def _events(items: Iterable[Event]) -> Chain[Event]:
    return Chain(_typed_tuple(items, Event, "events"))


def _claims(items: Iterable[Claim]) -> tuple[Claim, ...]:
    return _typed_tuple(items, Claim, "claims")


def _typed_tuple(items: Iterable[T], kind: type[T], key: str) -> tuple[T, ...]:
    """The items as a tuple, each checked to be a ``kind`` (use from_dict for plain data)."""
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise InvalidInput.single(
            key,
            problem_text("expected a list of {expected}, got {kind}").format(
                expected=kind.__name__, kind=type(items).__name__
            ),
        )
    built = tuple(items)
    for index, item in enumerate(built):
        if not isinstance(item, kind):
            raise InvalidInput.single(
                f"{key}[{index}]",
                problem_text("expected a {expected}, got {kind}").format(
                    expected=kind.__name__, kind=type(item).__name__
                ),
            )
    return built


def _check_subject(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Subject):
        raise InvalidInput.single(
            "subject",
            problem_text("expected a {expected}, got {kind}").format(
                expected="Subject", kind=type(value).__name__
            ),
        )


@attrs.frozen(kw_only=True)
class Record:
    """A subject, the detaining power, the sources, the dated events and the claims.

    Events are in date order; events on the same date keep their order. Every source an event
    or claim cites must be listed.
    """

    subject: Subject = attrs.field(validator=_check_subject)
    detaining_power: str = state_field("the state holding him")
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    events: Sequence[Event] = attrs.field(default=(), converter=_events)
    """The events in date order: an immutable sequence (compares equal to a tuple)."""
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)

    def __attrs_post_init__(self) -> None:
        problems = _check_order(self.events)
        problems += _check_sources_cited(self.sources, self.events, self.claims)
        ids = [s.id for s in self.sources]
        problems += [
            Problem("sources", problem_text("lists {source} twice").format(source=repr(sid)))
            for sid in sorted(set(ids))
            if ids.count(sid) > 1
        ]
        if problems:
            raise withheld(InvalidInput(problems), self.subject.name)

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise InvalidInput.single(
            "source",
            problem_text("no source {source} in the record").format(source=repr(source_id)),
        )

    def check_next(self, event: Event) -> None:
        """Check ``event`` as the record's next one: its type, its date after the last
        event's, and its sources listed. Only the new event is checked.
        """
        index = len(self.events)
        _typed_tuple((event,), Event, "event")
        events: Chain[Event] = self.events  # type: ignore[assignment]  # the converter's
        problems = _out_of_order(index, events.last, event)
        known = {source.id for source in self.sources}
        problems += _unknown_sources(f"events[{index}]", event.source, known)
        if problems:
            raise withheld(InvalidInput(problems), self.subject.name)

    def with_event(self, event: Event, *, checked: bool = False) -> Record:
        """A new record with ``event`` appended; only the new event is checked (not again
        when ``checked``), so a record built one event at a time costs time in proportion to
        its length.
        """
        if not checked:
            self.check_next(event)
        events: Chain[Event] = self.events  # type: ignore[assignment]  # the converter's
        record: Record = object.__new__(Record)
        for field in attrs.fields(Record):
            object.__setattr__(record, field.name, getattr(self, field.name))
        object.__setattr__(record, "events", events.appended(event))
        return record

    def to_dict(self) -> dict[str, Any]:
        """The plain-dict form: the scenario format's ``subject``, ``detaining_power``,
        ``sources``, ``events`` and ``claims`` keys.
        """
        plain: dict[str, Any] = {
            "subject": self.subject.to_dict(),
            "detaining_power": self.detaining_power,
        }
        if self.sources:
            plain["sources"] = {s.id: s.to_dict() for s in self.sources}
        plain["events"] = [e.to_dict() for e in self.events]
        if self.claims:
            plain["claims"] = [c.to_dict() for c in self.claims]
        return plain

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Record:
        """Build a record from its plain-dict form, reporting every problem at once.

        A subject's name that a mistake put into another field is blanked out of the errors.
        """
        data = _mapping(data, "")
        subject = data.get("subject")
        name = subject.get("name") if isinstance(subject, Mapping) else None
        try:
            return cls._from_dict(data)
        except InvalidInput as error:
            raise withheld(error, name) from None

    @classmethod
    def _from_dict(cls, data: Mapping[str, Any]) -> Record:
        problems: list[Problem] = []
        unknown = set(data) - {"subject", "detaining_power", "sources", "events", "claims"}
        problems += [
            Problem(
                str(k),
                problem_text("is not a record key"),
                problem_text("one of {options}").format(
                    options="subject, detaining_power, sources, events, claims"
                ),
            )
            for k in sorted(unknown, key=str)
        ]

        def attempt(path: str, build: Any, *args: Any) -> Any:
            try:
                return build(*args)
            except InvalidInput as error:
                problems.extend(error.under(path).problems)
                return None

        subject = None
        if "subject" not in data:
            problems.append(
                Problem(
                    "subject",
                    problem_text("is required"),
                    problem_text("a mapping with at least id"),
                )
            )
        else:
            subject = attempt("subject", Subject.from_dict, data["subject"])
        detaining_power: Any = data.get("detaining_power")
        if detaining_power is None:
            problems.append(
                Problem(
                    "detaining_power", problem_text("is required"), problem_text("a state code")
                )
            )
        else:
            attempt("", parse_field, cls, "detaining_power", detaining_power)
        sources: list[Source] = []
        raw_sources = data.get("sources") or {}
        if not isinstance(raw_sources, Mapping):
            problems.append(
                Problem("sources", problem_text("must be a mapping of source ids to sources"))
            )
            raw_sources = {}
        for sid, raw in raw_sources.items():
            built = attempt(f"sources.{sid}", Source.from_dict, str(sid), raw)
            if built is not None:
                sources.append(built)
        events = attempt("", _build_list, data.get("events") or [], "events", event_from_dict)
        claims = attempt("", _build_list, data.get("claims") or [], "claims", Claim.from_dict)
        if events is not None:
            problems += _check_order(events)
            problems += _check_sources_cited(tuple(sources), events, claims or ())
        if problems:
            raise InvalidInput(problems)
        # With no problem found, every part was built (the detaining power is checked below).
        assert isinstance(subject, Subject)
        return cls(
            subject=subject,
            detaining_power=detaining_power,
            sources=sources,
            events=events,
            claims=claims,
        )


def _build_list(items: object, key: str, build: Any) -> tuple[Any, ...]:
    if not isinstance(items, list | tuple):
        raise InvalidInput.single(
            key, problem_text("must be a list, got {kind}").format(kind=type(items).__name__)
        )
    problems: list[Problem] = []
    built = []
    for index, item in enumerate(items):
        try:
            built.append(build(_mapping(item, "")))
        except InvalidInput as error:
            problems.extend(error.under(f"{key}[{index}]").problems)
    if problems:
        raise InvalidInput(problems)
    return tuple(built)
