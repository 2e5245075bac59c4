"""Property files: what to explore, and the legal properties to check on every path.

A property file (``*.properties.yaml``, ``powcase: 1``) names a start (a scenario file, one of
its scenarios, a fresh capture of its subject, or a record written inline), how far to explore
(``explore: {depth, mode, step_days, alphabet}``), the readings (``readings:``, a subset of the
choice assumptions, every combination by default), the alphabet's events (``events: {include,
exclude}``) and the properties. Each property has an ``id``, an optional ``text`` and one
temporal form, ``never``, ``reachable``, ``always`` or ``eventually``, of a *selector*,
optionally ``after`` another selector. :func:`load_properties` reports every problem at once,
each located (``file:line:column key.path: what``) like a scenario file's.

The vocabulary is documented in the how-to "Exploring every path"; what it cannot express is
said there too.
"""

from __future__ import annotations

import enum
import pathlib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from powcase._util.located import Document, UnreadableFile, read_document
from powcase._util.problems import Problems, join
from powcase._util.redact import problem_withheld
from powcase._util.suggest import closest
from powcase.errors import InvalidInput, LawDataError, LocatedProblem, Problem
from powcase.explore.alphabet import Letter, alphabet
from powcase.explore.readings import CHOICE_KEYS
from powcase.law.book import Law, Source
from powcase.law.rules import Status
from powcase.law.shape import RISK_KINDS
from powcase.model.assumptions import Assumptions
from powcase.model.events import EVENT_TYPES
from powcase.model.fields import field_specs
from powcase.model.mode import Mode
from powcase.model.record import Record
from powcase.scenario.load import ScenarioError, load_scenarios
from powcase.scenario.model import public_states

__all__ = [
    "AllOf",
    "AnyOf",
    "FlagActive",
    "Form",
    "HisWill",
    "Not",
    "ObligationIs",
    "Property",
    "PropertyFile",
    "PropertyFileError",
    "Selector",
    "StateIs",
    "StepHad",
    "TowardsRisk",
    "load_properties",
    "parse_properties",
]

FORMAT_VERSION = 1
TOP_KEYS = ("powcase", "title", "start", "explore", "readings", "events", "properties")
START_KEYS = ("file", "scenario", "fresh")
INLINE_KEYS = ("subject", "detaining_power", "sources", "events", "claims", "assumptions", "fresh")
EXPLORE_KEYS = ("depth", "mode", "step_days", "alphabet")
EVENTS_KEYS = ("include", "exclude")
PROPERTY_KEYS = ("id", "text", "never", "reachable", "always", "eventually", "after")
SELECTOR_KEYS = (
    "state",
    "state_not",
    "flag",
    "applied",
    "refused",
    "undetermined",
    "towards_risk",
    "against_his_will",
    "obligation",
    "all",
    "any",
)
STEP_KEYS = ("event", "fields")
OBLIGATION_KEYS = ("code", "status")
MAX_DEPTH = 12
"""A deeper exploration is refused in a file: depth multiplies the alphabet."""


class PropertyFileError(ScenarioError):
    """A property file that cannot be read or is invalid: every problem, located."""

    code = "invalid_properties"


class Form(enum.Enum):
    """The temporal form of a property."""

    NEVER = "never"
    """No path reaches a point where the selector holds."""
    REACHABLE = "reachable"
    """Some path reaches a point where the selector holds."""
    ALWAYS = "always"
    """The selector holds at every point of every path."""
    EVENTUALLY = "eventually"
    """Every path that reaches the full depth passes a point where the selector holds."""


# Selectors: what holds at one point of a path (the start, or the situation a step led to,
# with that step and the situation before it).


@attrs.frozen
class StateIs:
    """He is in one of ``states`` (``negated``: in none of them)."""

    states: tuple[str, ...]
    negated: bool = False


@attrs.frozen
class FlagActive:
    """One of the flags ``codes`` is active on the day of the point."""

    codes: tuple[str, ...]


@attrs.frozen
class StepHad:
    """The step into the point had ``outcome`` (``applied``: it took effect; ``refused`` or
    ``undetermined``: its verdict), for one of ``events`` (any when empty), with ``fields``.
    """

    outcome: str
    events: tuple[str, ...] = ()
    fields: tuple[tuple[str, Any], ...] = ()


@attrs.frozen
class TowardsRisk:
    """The step into the point hands him to a state where he faces a risk of one of
    ``kinds`` (any kind when empty), as the law's non-refoulement rule reads the risk on the
    situation before the step.
    """

    kinds: tuple[str, ...] = ()


@attrs.frozen
class HisWill:
    """The step into the point hands him to a state with (``against``: without) a counting
    verified wish of his to go there, under the reading's ``wish_verifiers``.
    """

    against: bool = True


@attrs.frozen
class ObligationIs:
    """The docket has the obligation ``code`` on the day of the point, with ``status``
    (any status when None).
    """

    code: str
    status: str | None = None


@attrs.frozen
class AllOf:
    """Every one of ``parts`` holds."""

    parts: tuple[Selector, ...]


@attrs.frozen
class AnyOf:
    """At least one of ``parts`` holds."""

    parts: tuple[Selector, ...]


@attrs.frozen
class Not:
    """``part`` does not hold (``always`` checks that its selector never fails)."""

    part: Selector


Selector = (
    StateIs | FlagActive | StepHad | TowardsRisk | HisWill | ObligationIs | AllOf | AnyOf | Not
)
"""What holds at one point of a path."""


def reads_history(selector: Selector | None) -> bool:
    """Whether ``selector`` reads flags or the docket, which depend on the path's history."""
    if selector is None:
        return False
    if isinstance(selector, FlagActive | ObligationIs):
        return True
    if isinstance(selector, AllOf | AnyOf):
        return any(reads_history(p) for p in selector.parts)
    if isinstance(selector, Not):
        return reads_history(selector.part)
    return False


@attrs.frozen
class Property:
    """One property: its id, its text, its form, what it selects and from when."""

    id: str
    form: Form
    selector: Selector
    after: Selector | None = None
    text: str | None = None

    @property
    def reads_history(self) -> bool:
        """Whether it reads flags or the docket (see :func:`reads_history`)."""
        return reads_history(self.selector) or reads_history(self.after)


@attrs.frozen
class PropertyFile:
    """A property file, read: the start, how to explore, the readings and the properties."""

    file: str
    title: str
    start: Record = attrs.field(repr=False)
    start_label: str
    """Where the start comes from, for output (never the subject's name)."""
    assumptions: Assumptions
    """The base reading: the day-valued assumptions keep its values."""
    properties: tuple[Property, ...]
    depth: int = 3
    mode: Mode = Mode.NORMATIVE
    step_days: int = 30
    full_alphabet: bool = False
    readings: Mapping[str, tuple[Any, ...]] | None = None
    """The subset of readings (None: every combination of the choice assumptions)."""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    law: Law = attrs.field(factory=Law.packaged, repr=False)

    def letters(self) -> tuple[Letter, ...]:
        """The alphabet the file explores: from its start, narrowed as it says."""
        start = self.start
        return alphabet(
            start,
            self.law,
            start.events[-1].date,
            full=self.full_alphabet,
            include=self.include,
            exclude=self.exclude,
        )


class _Problems(Problems):
    """The problems of a property file, and those located in the start's scenario file."""

    def __init__(self) -> None:
        super().__init__()
        self.located: list[LocatedProblem] = []
        """Problems located in another file (the start's scenario file)."""

    def mapping(self, value: Any, path: str, known: Sequence[str]) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.add(
                path, f"must be a mapping, got {_kind(value)}", "keys among " + ", ".join(known)
            )
            return None
        self.unknown_keys(value, known, path)
        return value

    def names(
        self, value: Any, path: str, known: Sequence[str], what: str
    ) -> tuple[str, ...] | None:
        """One name or a list of names, each among ``known``."""
        items = value if isinstance(value, list) else [value]
        if not items:
            self.add(path, "is empty", f"a {what} or a list of them")
            return None
        found: list[str] = []
        for index, item in enumerate(items):
            where = f"{path}[{index}]" if isinstance(value, list) else path
            if not isinstance(item, str) or item not in known:
                guess = closest(item, known) if isinstance(item, str) else None
                self.add(where, f"{item!r} is not a known {what}", f"a {what} of the model", guess)
            else:
                found.append(item)
        return tuple(found) if len(found) == len(items) else None


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


class _Reader:
    """Reads one property file's data, collecting every problem."""

    def __init__(self, file: str, law: Law, extra: Sequence[Source]) -> None:
        self.file = file
        self.law = law
        self.extra = tuple(extra)
        self.problems = _Problems()

    # The start.

    def start(self, data: Any) -> tuple[Record | None, Assumptions, str, Law]:
        path = "start"
        if data is None:
            self.problems.add(path, "is required", "a scenario file, or subject and events")
            return None, Assumptions(), "", self.law
        if isinstance(data, str):
            return self._from_file(data, None, fresh=False, path=path)
        if not isinstance(data, Mapping):
            self.problems.add(path, f"must be a file or a mapping, got {_kind(data)}")
            return None, Assumptions(), "", self.law
        fresh = data.get("fresh", False)
        if not isinstance(fresh, bool):
            self.problems.add(join(path, "fresh"), f"got {fresh!r}", "true or false")
            fresh = False
        if "file" in data:
            self.problems.unknown_keys(data, START_KEYS, path)
            if not isinstance(data["file"], str):
                self.problems.add(join(path, "file"), "must be a file path")
                return None, Assumptions(), "", self.law
            return self._from_file(data["file"], data.get("scenario"), fresh=fresh, path=path)
        self.problems.unknown_keys(data, INLINE_KEYS, path)
        record_data = {k: v for k, v in data.items() if k not in ("assumptions", "fresh")}
        try:
            record = Record.from_dict(record_data)
        except InvalidInput as error:
            self.problems.found.extend(error.under(path).problems)
            return None, Assumptions(), "", self.law
        try:
            assumptions = Assumptions.from_dict(data.get("assumptions") or {})
        except InvalidInput as error:
            self.problems.found.extend(error.under(join(path, "assumptions")).problems)
            assumptions = Assumptions()
        label = f"a record written in {pathlib.Path(self.file).name}"
        return self._fresh(record, fresh, path, label), assumptions, label, self.law

    def _from_file(
        self, name: str, which: Any, *, fresh: bool, path: str
    ) -> tuple[Record | None, Assumptions, str, Law]:
        base = pathlib.Path(self.file).parent if self.file != "<string>" else pathlib.Path()
        target = base / name
        where = join(path, "file") if which is not None or fresh else path
        if not target.is_file():
            self.problems.add(
                where, f"{name!r} is not a file", "a scenario file, its path relative to this file"
            )
            return None, Assumptions(), "", self.law
        try:
            scenarios = load_scenarios(target, law=self.extra)
        except ScenarioError as error:
            self.problems.located.extend(error.problems)
            return None, Assumptions(), "", self.law
        index = 0
        if isinstance(which, int) and not isinstance(which, bool):
            index = which
        elif isinstance(which, str):
            titles = [s.title for s in scenarios]
            index = titles.index(which) if which in titles else -1
        elif which is not None:
            index = -1
        if not 0 <= index < len(scenarios):
            self.problems.add(
                join(path, "scenario"),
                f"{which!r} names no scenario of {name}",
                f"an index from 0 to {len(scenarios) - 1}, or a scenario's title",
            )
            return None, Assumptions(), "", self.law
        scenario = scenarios[index]
        label = f"{name}, scenario {index} ({scenario.title})"
        if fresh:
            label = f"a fresh capture from {label}"
        record = self._fresh(scenario.record, fresh, path, label)
        return record, scenario.assumptions, label, scenario.law

    def _fresh(self, record: Record, fresh: bool, path: str, label: str) -> Record | None:
        """The record itself, or with ``fresh`` his subject and detaining power and only
        the capture.
        """
        if not fresh:
            return record
        capture = next((e for e in record.events if e.name == "capture"), None)
        if capture is None:
            self.problems.add(
                join(path, "fresh"),
                f"{label} has no capture event",
                "a record that starts with a capture",
            )
            return None
        event = {k: v for k, v in capture.to_dict().items() if k not in ("source", "note")}
        return Record.from_dict(
            {
                "subject": record.subject.to_dict(),
                "detaining_power": record.detaining_power,
                "events": [event],
            }
        )

    # How to explore.

    def explore(self, data: Any) -> tuple[int, Mode, int, bool]:
        depth, mode, step_days, full = 3, Mode.NORMATIVE, 30, False
        if data is None:
            return depth, mode, step_days, full
        given = self.problems.mapping(data, "explore", EXPLORE_KEYS)
        if given is None:
            return depth, mode, step_days, full
        depth = self._count(given, "depth", depth, 0, MAX_DEPTH)
        step_days = self._count(given, "step_days", step_days, 1, 3650)
        if "mode" in given:
            value = given["mode"]
            modes = [m.value for m in Mode]
            if value in modes:
                mode = Mode(value)
            else:
                self.problems.add("explore.mode", f"got {value!r}", " or ".join(modes))
        if "alphabet" in given:
            value = given["alphabet"]
            if value not in ("default", "full"):
                self.problems.add("explore.alphabet", f"got {value!r}", "default or full")
            full = value == "full"
        return depth, mode, step_days, full

    def _count(self, given: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
        if key not in given:
            return default
        value = given[key]
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.problems.add(
                f"explore.{key}", f"got {value!r}", f"a whole number from {low} to {high}"
            )
            return default
        return value

    def readings(self, data: Any) -> dict[str, tuple[Any, ...]] | None:
        if data is None:
            return None
        if not isinstance(data, Mapping):
            self.problems.add(
                "readings",
                f"must be a mapping, got {_kind(data)}",
                "choice assumptions, each with a list of options",
            )
            return None
        specs = Assumptions.specs()
        found: dict[str, tuple[Any, ...]] = {}
        for key, options in data.items():
            where = join("readings", str(key))
            if key not in CHOICE_KEYS:
                guess = closest(key, CHOICE_KEYS) if isinstance(key, str) else None
                self.problems.add(
                    where, "is not a choice assumption", "one of " + ", ".join(CHOICE_KEYS), guess
                )
                continue
            values = options if isinstance(options, list) else [options]
            spec = specs[key]
            if not values:
                self.problems.add(where, "is empty", spec.expected())
                continue
            bad = [i for i, v in enumerate(values) if not spec.accepts(v)]
            for i in bad:
                place = f"{where}[{i}]" if isinstance(options, list) else where
                self.problems.add(place, f"{values[i]!r} is not an option", spec.expected())
            if not bad:
                found[str(key)] = tuple(dict.fromkeys(values))
        return found

    def events(self, data: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if data is None:
            return (), ()
        given = self.problems.mapping(data, "events", EVENTS_KEYS)
        if given is None:
            return (), ()
        lists: list[tuple[str, ...]] = []
        for key in EVENTS_KEYS:
            value = given.get(key)
            if value is None:
                lists.append(())
                continue
            lists.append(
                self.problems.names(value, f"events.{key}", list(EVENT_TYPES), "event") or ()
            )
        return lists[0], lists[1]

    # Properties and selectors.

    def properties(self, data: Any) -> tuple[Property, ...]:
        if data is None:
            self.problems.add("properties", "is required", "a list of properties")
            return ()
        if not isinstance(data, list) or not data:
            self.problems.add("properties", f"must be a non-empty list, got {_kind(data)}")
            return ()
        found: list[Property] = []
        seen: set[str] = set()
        for index, item in enumerate(data):
            path = f"properties[{index}]"
            given = self.problems.mapping(item, path, PROPERTY_KEYS)
            if given is None:
                continue
            ident = given.get("id")
            if not isinstance(ident, str) or not ident.strip():
                self.problems.add(
                    join(path, "id"),
                    "is required" if ident is None else "must be text",
                    "a short name such as no_return_to_torture",
                )
                ident = None
            elif ident in seen:
                self.problems.add(
                    join(path, "id"), f"{ident!r} is given twice", "an id of its own"
                )
            else:
                seen.add(ident)
            text = given.get("text")
            if text is not None and not isinstance(text, str):
                self.problems.add(join(path, "text"), "must be text")
                text = None
            forms = [f for f in Form if f.value in given]
            if len(forms) != 1:
                self.problems.add(
                    path,
                    "has no temporal form" if not forms else "has more than one temporal form",
                    "exactly one of never, reachable, always, eventually",
                )
                continue
            form = forms[0]
            selector = self.selector(given[form.value], join(path, form.value))
            after = (
                self.selector(given["after"], join(path, "after")) if "after" in given else None
            )
            if (
                selector is not None
                and ident is not None
                and ("after" not in given or after is not None)
            ):
                found.append(Property(ident, form, selector, after, text))
        return tuple(found)

    def selector(self, data: Any, path: str) -> Selector | None:
        given = self.problems.mapping(data, path, SELECTOR_KEYS)
        if given is None:
            return None
        if not given:
            self.problems.add(path, "selects nothing", "keys among " + ", ".join(SELECTOR_KEYS))
            return None
        parts: list[Selector | None] = [
            self._part(key, value, join(path, key))
            for key, value in given.items()
            if key in SELECTOR_KEYS
        ]
        if any(p is None for p in parts) or len(parts) != len(given):
            return None
        kept = tuple(p for p in parts if p is not None)
        return kept[0] if len(kept) == 1 else AllOf(kept)

    def _part(self, key: str, value: Any, path: str) -> Selector | None:
        if key in ("state", "state_not"):
            states = self.problems.names(value, path, public_states(), "state")
            return StateIs(states, negated=key == "state_not") if states else None
        if key == "flag":
            codes = self.problems.names(value, path, list(self.law.flags), "flag")
            return FlagActive(codes) if codes else None
        if key in ("applied", "refused", "undetermined"):
            return self._step(key, value, path)
        if key == "towards_risk":
            if value is True:
                return TowardsRisk()
            kinds = self.problems.names(value, path, RISK_KINDS, "risk kind")
            return TowardsRisk(kinds) if kinds else None
        if key == "against_his_will":
            if not isinstance(value, bool):
                self.problems.add(path, f"got {value!r}", "true or false")
                return None
            return HisWill(against=value)
        if key == "obligation":
            return self._obligation(value, path)
        # all / any
        if not isinstance(value, list) or not value:
            self.problems.add(path, f"must be a non-empty list of selectors, got {_kind(value)}")
            return None
        parts = [self.selector(item, f"{path}[{i}]") for i, item in enumerate(value)]
        if any(p is None for p in parts):
            return None
        kept = tuple(p for p in parts if p is not None)
        return AllOf(kept) if key == "all" else AnyOf(kept)

    def _step(self, key: str, value: Any, path: str) -> Selector | None:
        if value is True:
            return StepHad(key)
        if isinstance(value, str | list):
            named = self.problems.names(value, path, list(EVENT_TYPES), "event")
            return StepHad(key, named) if named else None
        given = self.problems.mapping(value, path, STEP_KEYS)
        if given is None:
            return None
        events: tuple[str, ...] | None = ()
        if "event" in given:
            events = self.problems.names(
                given["event"], join(path, "event"), list(EVENT_TYPES), "event"
            )
        if events is None:
            return None
        fields = self._fields(given.get("fields"), join(path, "fields"), events)
        if fields is None:
            return None
        return StepHad(key, events, fields)

    def _fields(
        self, value: Any, path: str, events: tuple[str, ...]
    ) -> tuple[tuple[str, Any], ...] | None:
        if value is None:
            return ()
        if not isinstance(value, Mapping):
            self.problems.add(path, f"must be a mapping of fields to values, got {_kind(value)}")
            return None
        names = events or tuple(EVENT_TYPES)
        known = sorted(
            {f for n in names for f in field_specs(EVENT_TYPES[n])} - {"date", "source", "note"}
        )
        ok = True
        for key, item in value.items():
            where = join(path, str(key))
            if key not in known:
                guess = closest(key, known) if isinstance(key, str) else None
                self.problems.add(
                    where,
                    "is not a known field of " + (", ".join(events) if events else "any event"),
                    "one of " + ", ".join(known),
                    guess,
                )
                ok = False
            elif isinstance(item, Mapping):
                self.problems.add(where, "must be a plain value or a list")
                ok = False
        if not ok:
            return None
        return tuple(
            sorted((str(k), tuple(v) if isinstance(v, list) else v) for k, v in value.items())
        )

    def _obligation(self, value: Any, path: str) -> Selector | None:
        given = self.problems.mapping(value, path, OBLIGATION_KEYS)
        if given is None:
            return None
        code = given.get("code")
        rules = self.law.obligations
        if not isinstance(code, str) or code not in rules:
            guess = closest(code, rules) if isinstance(code, str) else None
            self.problems.add(
                join(path, "code"),
                f"{code!r} is not an obligation",
                "an obligation of the docket",
                guess,
            )
            return None
        status = given.get("status")
        statuses = tuple(s.value for s in Status)
        if status is not None and status not in statuses:
            guess = closest(status, statuses) if isinstance(status, str) else None
            self.problems.add(join(path, "status"), f"got {status!r}", ", ".join(statuses), guess)
            return None
        return ObligationIs(code, status)


def parse_properties(
    data: Any, file: str = "<string>", *, law: Sequence[Source] = ()
) -> tuple[PropertyFile | None, list[Problem], list[LocatedProblem]]:
    """A property file's data read: the file (None when invalid), its problems (by key path)
    and those found in the start's scenario file (located there).
    """
    packaged = Law.packaged()
    reader = _Reader(file, packaged.overlaid(*law) if law else packaged, law)
    problems = reader.problems
    if not isinstance(data, Mapping):
        problems.add(
            "", "a property file must be a mapping", "keys such as powcase, start and properties"
        )
        return None, problems.found, problems.located
    problems.unknown_keys(data, TOP_KEYS, "")
    version = data.get("powcase")
    if version is None:
        problems.add("powcase", "is required", "powcase: 1")
    elif version != FORMAT_VERSION:
        problems.add("powcase", f"format version {version!r} is not supported", "powcase: 1")
    stem = file.rsplit("/", 1)[-1]
    title = data.get("title", stem)
    if not isinstance(title, str) or not title.strip():
        problems.add("title", "must be text")
        title = stem
    record, assumptions, label, start_law = reader.start(data.get("start"))
    # Names in selectors are checked against the law the start runs under (its overlays).
    reader.law = start_law
    depth, mode, step_days, full = reader.explore(data.get("explore"))
    readings = reader.readings(data.get("readings"))
    include, exclude = reader.events(data.get("events"))
    properties = reader.properties(data.get("properties"))
    if problems.found or problems.located or record is None:
        return None, _redacted(problems.found, data.get("start")), problems.located
    found = PropertyFile(
        file,
        title,
        record,
        label,
        assumptions,
        properties,
        depth,
        mode,
        step_days,
        full,
        readings,
        include,
        exclude,
        start_law,
    )
    return found, [], []


def _redacted(found: list[Problem], start: Any) -> list[Problem]:
    """Blank the name of a subject written inline out of the problems."""
    subject = start.get("subject") if isinstance(start, Mapping) else None
    name = subject.get("name") if isinstance(subject, Mapping) else None
    if isinstance(name, str) and name.strip():
        return [problem_withheld(p, name) for p in found]
    return found


def _locate(document: Document | None, file: str, problem: Problem) -> LocatedProblem:
    location = None
    if document is not None:
        key = problem.message == "is not a known key" or problem.message.startswith(
            "is not a known field"
        )
        location = document.locate(problem.path, key=key)
    return LocatedProblem(
        file, location.line if location else None, location.column if location else None, problem
    )


def load_properties(path: str | pathlib.Path, *, law: Sequence[Source] = ()) -> PropertyFile:
    """Read a property file; :class:`PropertyFileError` lists every problem, located."""
    file = str(path)
    try:
        document = read_document(path)
    except UnreadableFile as error:
        where = error.location
        raise PropertyFileError(
            [
                LocatedProblem(
                    file,
                    where.line if where else None,
                    where.column if where else None,
                    error.problem,
                )
            ]
        ) from None
    try:
        found, problems, elsewhere = parse_properties(document.data, file, law=law)
    except LawDataError as error:
        raise PropertyFileError(error.located) from None
    if problems or elsewhere or found is None:
        raise PropertyFileError([*(_locate(document, file, p) for p in problems), *elsewhere])
    return found
