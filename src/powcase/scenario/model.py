"""Scenarios: a record, the reading of the law it runs under, and what its author expects.

The format is explained in the documentation (docs/explanation/legal-model.md, "Scenario
files"). :func:`parse_scenarios` checks a whole document and reports every problem at once,
each with its key path; :mod:`powcase.scenario.load` adds the file, line and column.
"""

from __future__ import annotations

import contextlib
import datetime
import pathlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from powcase._util.date_range import RANGE, day_problem
from powcase._util.i18n import problem_text
from powcase._util.problems import Problems, join
from powcase._util.redact import problem_withheld
from powcase._util.suggest import closest
from powcase.errors import InvalidInput, Problem
from powcase.law.book import Law, Source
from powcase.law.rules import HoldBack, Lapse, Status
from powcase.model.assumptions import Assumptions
from powcase.model.countries import STATE_CODES
from powcase.model.events import EVENT_TYPES, event_from_dict
from powcase.model.fields import TermProvisions, date_field, parse_field
from powcase.model.mode import Mode
from powcase.model.record import Record
from powcase.model.verdict import MISSING_FACTS, Outcome

__all__ = [
    "Expectations",
    "ObligationExpected",
    "Scenario",
    "StepExpected",
    "Variant",
    "VerdictExpected",
    "ViolationMatcher",
    "parse_scenarios",
]

FORMAT_VERSION = 1
RECORD_KEYS = ("subject", "detaining_power", "sources", "events", "claims")
SCENARIO_KEYS = (
    "powcase",
    "title",
    "description",
    "mode",
    *RECORD_KEYS,
    "assumptions",
    "as_of",
    "expect",
    "variants",
    "law",
)
VARIANT_KEYS = ("assumptions", "mode", "as_of", "expect")
EXPECT_KEYS = (
    "state",
    "flags",
    "no_flags",
    "steps",
    "verdicts",
    "obligations",
    "violations",
    "possible_violations",
    "no_violations",
    "no_possible_violations",
)
STEP_KEYS = ("outcome", "applied", "cites", "not_cites", "reasons", "missing")
"""The keys of a step's long form (format version 2)."""
VERDICT_KEYS = ("event", "outcome", "cites", "not_cites", "rests_on", "reasons", "missing")
OBLIGATION_KEYS = (
    "code",
    "provision",
    "status",
    "late",
    "held_back",
    "held_back_by",
    "why",
    "due",
    "started",
)
HELD_BACK_BY = tuple(h.value for h in HoldBack)
"""What may hold an obligation back: proceedings (GCIII-119(5)), his refusal (GCIII-109(3))."""
LAPSED_WHY = tuple(lapse.value for lapse in Lapse)
"""Why an obligation may lapse."""
MATCHER_KEYS = ("step", "event", "cites", "state")
"""The keys of a violation matcher."""
MODES = tuple(m.value for m in Mode)
MAX_STEPS = 20_000
"""The most steps a file may ask to be judged: each run (a scenario, and each of its variants)
replays the scenario's events and asks its expected verdicts. It bounds the time and memory a
run of any file takes, whatever its variants multiply."""


def public_states() -> tuple[str, ...]:
    """The state ids a configuration can hold (read from the chart when first needed)."""
    from powcase.engine.table import NODES  # noqa: PLC0415 - `powcase validate` loads it only if asked

    return tuple(n.id for n in NODES.values() if n.kind == "atomic" or n.parent is None)


OUTCOMES = tuple(o.value for o in Outcome)
STATUSES = tuple(s.value for s in Status)


@attrs.frozen
class VerdictExpected:
    """A hypothetical step asked at the end of the record, and what its verdict should be.

    ``missing`` is None when not asked, ``()`` when no point may be open.
    """

    event: dict[str, Any]
    outcome: str | None
    cites: tuple[str, ...] = ()
    not_cites: tuple[str, ...] | None = None
    rests_on: tuple[str, ...] | None = None
    reasons: tuple[str, ...] | None = None
    missing: tuple[str, ...] | None = None

    @property
    def count(self) -> int:
        """How many checks it makes: the outcome, each citation, and each other key given."""
        others = (self.not_cites, self.rests_on, self.reasons, self.missing)
        return (
            int(self.outcome is not None)
            + len(self.cites)
            + sum(1 for o in others if o is not None)
        )


@attrs.frozen
class StepExpected:
    """The long form of a recorded step's expectation: one check of every key given."""

    index: int
    outcome: str | None = None
    applied: bool | None = None
    cites: tuple[str, ...] = ()
    not_cites: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    missing: tuple[str, ...] | None = None


@attrs.frozen
class ObligationExpected:
    """An obligation, by code or by provision, the status it should have, and the other
    keys it should have (``late``, ``held_back``, ``held_back_by``, ``why``, ``due``,
    ``started``), as given.
    """

    status: str
    code: str | None = None
    provision: str | None = None
    keys: tuple[tuple[str, Any], ...] = ()


@attrs.frozen
class ViolationMatcher:
    """What a violation (or a possible one) must have: any of the index of its step, its
    event's name, citations among its reasons', the state that committed it. A matcher with
    no key matches every entry (``no_violations: true``).
    """

    step: int | None = None
    event: str | None = None
    cites: tuple[str, ...] = ()
    state: str | None = None


@attrs.frozen
class Expectations:
    """What the author expects of a run (all optional).

    ``no_violations`` and ``no_possible_violations`` are None when not asked, else matchers
    none of which may match an entry (``true`` is one matcher matching every entry).
    """

    state: tuple[str, ...] | None = None
    flags: tuple[str, ...] = ()
    no_flags: tuple[str, ...] = ()
    steps: tuple[tuple[int, str], ...] = ()
    verdicts: tuple[VerdictExpected, ...] = ()
    obligations: tuple[ObligationExpected, ...] = ()
    long_steps: tuple[StepExpected, ...] = ()
    """Steps given in the long form (format version 2)."""
    violations: tuple[ViolationMatcher, ...] = ()
    possible_violations: tuple[ViolationMatcher, ...] = ()
    no_violations: tuple[ViolationMatcher, ...] | None = None
    no_possible_violations: tuple[ViolationMatcher, ...] | None = None

    @property
    def count(self) -> int:
        """How many checks these expectations make."""
        return (
            int(self.state is not None)
            + len(self.flags)
            + len(self.no_flags)
            + len(self.steps)
            + len(self.long_steps)
            + sum(v.count for v in self.verdicts)
            + len(self.obligations)
            + len(self.violations)
            + len(self.possible_violations)
            + int(self.no_violations is not None)
            + int(self.no_possible_violations is not None)
        )


@attrs.frozen
class Variant:
    """A what-if run of the same record: other assumptions, mode or as-of date."""

    name: str
    assumptions: Assumptions
    mode: Mode
    as_of: datetime.date | None
    expect: Expectations


@attrs.frozen
class Scenario:
    """One scenario of a file."""

    title: str
    record: Record
    assumptions: Assumptions
    mode: Mode
    as_of: datetime.date | None = None
    expect: Expectations = Expectations()
    variants: tuple[Variant, ...] = ()
    description: str | None = None
    file: str = "<string>"
    path: str = ""
    """The key path of this scenario in its file ("" or ``scenarios[2]``)."""
    law: Law = attrs.field(factory=Law.packaged, repr=False)
    """The law it runs under: the packaged data, the file's ``law:`` overlays, then any given
    by its caller (``--law``)."""


@attrs.frozen(kw_only=True)
class _AsOf:
    as_of: datetime.date = date_field("the date flags and the docket are evaluated at")


class _Problems(Problems):
    """Collects problems; each check runs even after another failed. ``law`` is the law the
    names in expectations (flags, provisions, obligations) are checked against.
    """

    def __init__(self, extra: Sequence[Source] = ()) -> None:
        super().__init__()
        self.law = Law.packaged()
        self.extra: tuple[Source, ...] = tuple(extra)
        """Overlays the caller applies after the file's own."""
        self.laws: dict[tuple[Any, ...], Law] = {}
        """The laws built so far, by their overlays: scenarios of a file share them."""
        self.steps = 0
        """The steps the scenarios read so far ask to be judged (see :data:`MAX_STEPS`)."""

    def attempt(self, path: str, build: Any, *args: Any) -> Any:
        try:
            return build(*args)
        except InvalidInput as error:
            self.found.extend(error.under(path).problems)
            return None

    def one_of(self, path: str, value: Any, options: tuple[str, ...], expected: str) -> bool:
        """Whether ``value`` is one of ``options``; if not, a problem with a guess."""
        if value in options:
            return True
        guess = closest(value, options) if isinstance(value, str) else None
        self.add(path, problem_text("got {value}").format(value=repr(value)), expected, guess)
        return False


def _as_list(problems: _Problems, value: Any, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(
            path, problem_text("must be a list, got {kind}").format(kind=type(value).__name__)
        )
        return []
    return value


def _names(
    problems: _Problems, value: Any, path: str, known: tuple[str, ...] | list[str], what: str
) -> tuple[str, ...]:
    found = []
    for index, item in enumerate(_as_list(problems, value, path)):
        where = f"{path}[{index}]"
        if not isinstance(item, str) or item not in known:
            guess = closest(item, known) if isinstance(item, str) else None
            problems.add(
                where,
                problem_text("{value} is not a known {what}").format(value=repr(item), what=what),
                problem_text("a {what} of the model").format(what=what),
                guess,
            )
        else:
            found.append(item)
    return tuple(found)


def _mode(problems: _Problems, value: Any, path: str) -> Mode:
    if value is None:
        return Mode.NORMATIVE
    if not problems.one_of(path, value, MODES, " or ".join(MODES)):
        return Mode.NORMATIVE
    return Mode(value)


def _as_of(problems: _Problems, value: Any, path: str) -> datetime.date | None:
    if value is None:
        return None
    parsed = problems.attempt("", parse_field, _AsOf, "as_of", value)
    if parsed is None:
        # parse_field reports the field name; locate it at this scenario's key.
        problems.found[-1] = attrs.evolve(problems.found[-1], path=path)
    return parsed if isinstance(parsed, datetime.date) else None


def _expectations(problems: _Problems, data: Any, path: str, events: int) -> Expectations:
    if data is None:
        return Expectations()
    if not isinstance(data, Mapping):
        problems.add(
            path,
            problem_text("must be a mapping"),
            problem_text("keys among {keys}").format(keys=", ".join(EXPECT_KEYS)),
        )
        return Expectations()
    problems.unknown_keys(data, EXPECT_KEYS, path)
    state = None
    if "state" in data:
        state = _names(problems, data["state"], join(path, "state"), public_states(), "state")
    codes = list(problems.law.flags)
    flags = _names(problems, data.get("flags"), join(path, "flags"), codes, "flag")
    no_flags = _names(problems, data.get("no_flags"), join(path, "no_flags"), codes, "flag")
    short, long = _steps(problems, data.get("steps"), join(path, "steps"), events)
    return Expectations(
        state=state,
        flags=flags,
        no_flags=no_flags,
        steps=short,
        verdicts=_verdicts(problems, data.get("verdicts"), join(path, "verdicts")),
        obligations=_obligations(problems, data.get("obligations"), join(path, "obligations")),
        long_steps=long,
        violations=_matchers(problems, data.get("violations"), join(path, "violations"), events),
        possible_violations=_matchers(
            problems,
            data.get("possible_violations"),
            join(path, "possible_violations"),
            events,
        ),
        no_violations=_none_of(problems, data, path, "no_violations", events),
        no_possible_violations=_none_of(problems, data, path, "no_possible_violations", events),
    )


def _steps(
    problems: _Problems, data: Any, path: str, events: int
) -> tuple[tuple[tuple[int, str], ...], tuple[StepExpected, ...]]:
    if data is None:
        return (), ()
    if not isinstance(data, Mapping):
        problems.add(
            path,
            problem_text("must be a mapping of event indexes to outcomes"),
            problem_text("e.g. {example}").format(example="{3: allowed}"),
        )
        return (), ()
    short = []
    long = []
    for key, outcome in data.items():
        where = join(path, str(key))
        index = _index(key)
        if index is None or not 0 <= index < events:
            problems.add(
                where,
                problem_text("{value} is not the index of an event").format(value=repr(key)),
                problem_text("an index from 0 to {last}").format(last=events - 1)
                if events
                else problem_text("no events to index"),
            )
            continue
        if isinstance(outcome, Mapping):
            found = _long_step(problems, outcome, where, index)
            if found is not None:
                long.append(found)
            continue
        if not problems.one_of(
            where, outcome, OUTCOMES, problem_text("allowed, refused or undetermined")
        ):
            continue
        short.append((index, outcome))
    return tuple(short), tuple(long)


def _index(key: Any) -> int | None:
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    if isinstance(key, str) and key.isascii() and key.isdigit() and len(key) < 10:
        return int(key)
    return None


def _long_step(
    problems: _Problems, data: Mapping[str, Any], where: str, index: int
) -> StepExpected | None:
    """A step's long form: a mapping with any of :data:`STEP_KEYS`, at least one."""
    problems.unknown_keys(data, STEP_KEYS, where)
    if not data:
        problems.add(
            where,
            problem_text("names nothing to check"),
            problem_text("any of {keys}").format(keys=", ".join(STEP_KEYS)),
        )
    if not any(k in data for k in STEP_KEYS):
        return None
    outcome = data.get("outcome")
    if outcome is not None:
        problems.one_of(
            join(where, "outcome"),
            outcome,
            OUTCOMES,
            problem_text("allowed, refused or undetermined"),
        )
    applied = _flag(problems, data, where, "applied")
    return StepExpected(
        index,
        outcome,
        applied,
        _cites(problems, data.get("cites"), join(where, "cites")),
        _not_cites(problems, data.get("not_cites"), join(where, "not_cites")),
        _reason_codes(problems, data.get("reasons"), join(where, "reasons")),
        _facts(problems, data, where),
    )


def _flag(problems: _Problems, data: Mapping[str, Any], where: str, key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    problems.add(
        join(where, key),
        problem_text("got {value}").format(value=repr(value)),
        problem_text("true or false"),
    )
    return None


def _cites(problems: _Problems, data: Any, path: str) -> tuple[str, ...]:
    found = []
    provisions = problems.law.provisions
    for index, cite in enumerate(_as_list(problems, data, path)):
        where = f"{path}[{index}]"
        known = isinstance(cite, str) and (
            cite in provisions or any(p.startswith(cite + "(") for p in provisions)
        )
        if not known:
            guess = closest(cite, provisions) if isinstance(cite, str) else None
            problems.add(
                where,
                problem_text("{value} is not a provision id of the catalogue").format(
                    value=repr(cite)
                ),
                problem_text("an id such as GCIII-118"),
                guess,
            )
        else:
            found.append(cite)
    return tuple(found)


def _not_cites(problems: _Problems, data: Any, path: str) -> tuple[str, ...]:
    """Provision ids, or instrument ids standing for every provision of their instrument."""
    found = []
    law = problems.law
    for index, cite in enumerate(_as_list(problems, data, path)):
        where = f"{path}[{index}]"
        known = isinstance(cite, str) and (
            cite in law.instruments
            or cite in law.provisions
            or any(p.startswith(cite + "(") for p in law.provisions)
        )
        if not known:
            guess = None
            if isinstance(cite, str):
                guess = closest(cite, [*law.instruments, *law.provisions])
            problems.add(
                where,
                problem_text(
                    "{value} is neither a provision nor an instrument of the catalogue"
                ).format(value=repr(cite)),
                problem_text("an id such as GCIII-118, or an instrument such as API"),
                guess,
            )
        else:
            found.append(cite)
    return tuple(found)


def _reason_codes(problems: _Problems, data: Any, path: str) -> tuple[str, ...]:
    return _names(problems, data, path, list(problems.law.messages), "reason code")


def _facts(problems: _Problems, data: Mapping[str, Any], where: str) -> tuple[str, ...] | None:
    if "missing" not in data or data["missing"] is None:
        return None
    return _names(problems, data["missing"], join(where, "missing"), MISSING_FACTS, "fact")


def _entries(
    problems: _Problems, data: Any, path: str, keys: tuple[str, ...]
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each mapping of a list, with its key path; anything else, and unknown keys, reported."""
    for index, item in enumerate(_as_list(problems, data, path)):
        where = f"{path}[{index}]"
        if not isinstance(item, Mapping):
            problems.add(
                where,
                problem_text("must be a mapping"),
                problem_text("keys among {keys}").format(keys=", ".join(keys)),
            )
            continue
        problems.unknown_keys(item, keys, where)
        yield where, item


def _verdicts(problems: _Problems, data: Any, path: str) -> tuple[VerdictExpected, ...]:
    found = []
    for where, item in _entries(problems, data, path, VERDICT_KEYS):
        event = item.get("event")
        if not isinstance(event, Mapping):
            problems.add(
                join(where, "event"),
                problem_text("is required: the hypothetical step"),
                problem_text("e.g. {example}").format(example="{event: repatriate, to: KP}"),
            )
            continue
        # Checked with a stand-in date: the run judges it at the as-of date.
        problems.attempt(
            join(where, "event"), event_from_dict, {"date": datetime.date(2000, 1, 1), **event}
        )
        outcome = item.get("outcome")
        if outcome is not None:
            problems.one_of(
                join(where, "outcome"),
                outcome,
                OUTCOMES,
                problem_text("allowed, refused or undetermined"),
            )
        cites = _cites(problems, item.get("cites"), join(where, "cites"))
        found.append(
            VerdictExpected(
                dict(event),
                outcome,
                cites,
                not_cites=_given(problems, item, where, "not_cites", _not_cites),
                rests_on=_given(problems, item, where, "rests_on", _assumption_keys),
                reasons=_given(problems, item, where, "reasons", _reason_codes),
                missing=_facts(problems, item, where),
            )
        )
    return tuple(found)


def _given(
    problems: _Problems,
    item: Mapping[str, Any],
    where: str,
    key: str,
    read: Callable[[_Problems, Any, str], tuple[str, ...]],
) -> tuple[str, ...] | None:
    """``item[key]`` read as a list of names, or None where the key is not given."""
    return read(problems, item[key], join(where, key)) if key in item else None


def _assumption_keys(problems: _Problems, data: Any, path: str) -> tuple[str, ...]:
    return _names(problems, data, path, list(Assumptions.specs()), "assumption")


def _obligations(problems: _Problems, data: Any, path: str) -> tuple[ObligationExpected, ...]:
    found = []
    for where, item in _entries(problems, data, path, OBLIGATION_KEYS):
        code, provision = item.get("code"), item.get("provision")
        if code is None and provision is None:
            problems.add(
                where,
                problem_text("names no obligation"),
                problem_text("a code, or a provision id"),
            )
        rules = problems.law.obligations
        if code is not None and not (isinstance(code, str) and code in rules):
            guess = closest(code, rules) if isinstance(code, str) else None
            problems.add(
                join(where, "code"),
                problem_text("{value} is not an obligation").format(value=repr(code)),
                problem_text("an obligation of the docket"),
                guess,
            )
        known = {p for r in rules.values() for p in r.provisions}
        if provision is not None and not (isinstance(provision, str) and provision in known):
            guess = closest(provision, known) if isinstance(provision, str) else None
            problems.add(
                join(where, "provision"),
                problem_text("{value} starts no obligation").format(value=repr(provision)),
                problem_text("one of {options}").format(options=", ".join(sorted(known))),
                guess,
            )
        keys = _obligation_keys(problems, item, where)
        status = item.get("status")
        if not problems.one_of(
            join(where, "status"),
            status,
            STATUSES,
            problem_text("met, pending, overdue or lapsed"),
        ):
            continue
        found.append(ObligationExpected(str(status), code, provision, keys))
    return tuple(found)


def _obligation_keys(
    problems: _Problems, item: Mapping[str, Any], where: str
) -> tuple[tuple[str, Any], ...]:
    """The keys of an obligation expected beside its status, each checked (format 2)."""
    keys: list[tuple[str, Any]] = []
    for key in ("late", "held_back"):
        if key in item and _flag(problems, item, where, key) is not None:
            keys.append((key, item[key]))
    for key, options in (("held_back_by", HELD_BACK_BY), ("why", LAPSED_WHY)):
        if key not in item:
            continue
        value = item[key]
        if value is None or problems.one_of(
            join(where, key), value, options, "null or one of " + ", ".join(options)
        ):
            keys.append((key, value))
    for key in ("due", "started"):
        if key in item:
            day = _day(problems, item[key], join(where, key))
            if day is not None:
                keys.append((key, day))
    return tuple(keys)


def _day(problems: _Problems, value: Any, path: str) -> datetime.date | None:
    day = None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        day = value
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = datetime.date.fromisoformat(value)
    if day is None:
        problems.add(
            path,
            problem_text("{value} is not a date").format(value=repr(value)),
            problem_text("a date such as 2025-01-16"),
        )
        return None
    outside = day_problem(day)
    if outside is not None:
        problems.add(path, outside, RANGE)
        return None
    return day


def _matchers(
    problems: _Problems, data: Any, path: str, events: int
) -> tuple[ViolationMatcher, ...]:
    """Violation matchers: each a mapping with any of :data:`MATCHER_KEYS`, at least one."""
    found = []
    for where, item in _entries(problems, data, path, MATCHER_KEYS):
        if not item:
            problems.add(
                where,
                problem_text("names nothing to match"),
                problem_text("any of {keys}").format(keys=", ".join(MATCHER_KEYS)),
            )
        if not any(k in item for k in MATCHER_KEYS):
            continue
        step = item.get("step")
        if step is not None:
            index = step if isinstance(step, int) and not isinstance(step, bool) else None
            if index is None or not 0 <= index < events:
                problems.add(
                    join(where, "step"),
                    problem_text("{value} is not the index of an event").format(value=repr(step)),
                    problem_text("an index from 0 to {last}").format(last=events - 1)
                    if events
                    else problem_text("no events to index"),
                )
                continue
        event = item.get("event")
        if event is not None and not problems.one_of(
            join(where, "event"), event, tuple(EVENT_TYPES), problem_text("an event name")
        ):
            continue
        state = item.get("state")
        if state is not None and not problems.one_of(
            join(where, "state"),
            state,
            tuple(STATE_CODES),
            problem_text("an ISO 3166 alpha-2 state code"),
        ):
            continue
        cites = _cites(problems, item.get("cites"), join(where, "cites"))
        found.append(ViolationMatcher(step, event, cites, state))
    return tuple(found)


def _none_of(
    problems: _Problems, data: Mapping[str, Any], path: str, key: str, events: int
) -> tuple[ViolationMatcher, ...] | None:
    """``no_violations``: ``true`` (no entry at all), or matchers none may match."""
    if key not in data:
        return None
    value = data[key]
    where = join(path, key)
    if value is True:
        return (ViolationMatcher(),)
    if isinstance(value, list):
        return _matchers(problems, value, where, events)
    problems.add(
        where,
        problem_text("got {value}").format(value=repr(value)),
        problem_text("true, or a list of matchers"),
    )
    return None


def _one(  # noqa: PLR0917 - an internal step of parse_scenarios
    problems: _Problems,
    data: Any,
    path: str,
    inherited: Mapping[str, Any],
    file: str,
    fallback_title: str,
) -> Scenario | None:
    if not isinstance(data, Mapping):
        problems.add(
            path,
            problem_text("a scenario must be a mapping"),
            problem_text("keys such as subject and events"),
        )
        return None
    problems.unknown_keys(data, SCENARIO_KEYS, path)
    law = _law(problems, data, path, inherited, file)
    version = data.get("powcase", inherited.get("powcase"))
    if version is None:
        problems.add(join(path, "powcase"), problem_text("is required"), "powcase: 1")
    elif version != FORMAT_VERSION:
        problems.add(
            join(path, "powcase"),
            problem_text("format version {version} is not supported").format(
                version=repr(version)
            ),
            "powcase: 1",
        )
    title = data.get("title", fallback_title)
    if not isinstance(title, str) or not title.strip():
        problems.add(join(path, "title"), problem_text("must be text"))
        title = fallback_title
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        problems.add(join(path, "description"), problem_text("must be text"))
        description = None
    record_data = {k: data[k] for k in RECORD_KEYS if k in data}
    record = problems.attempt(path, Record.from_dict, record_data)
    if record is not None:
        _articles_of_agreements(problems, record, path, law)
    raw_assumptions = data.get("assumptions") or {}
    assumptions = problems.attempt(
        join(path, "assumptions"), Assumptions.from_dict, raw_assumptions
    )
    mode = _mode(problems, data.get("mode"), join(path, "mode"))
    as_of = _as_of(problems, data.get("as_of"), join(path, "as_of"))
    events = len(data["events"]) if isinstance(data.get("events"), list) else 0
    expect = _expectations(problems, data.get("expect"), join(path, "expect"), events)
    variants = _variants(
        problems,
        data.get("variants"),
        join(path, "variants"),
        # A base reading that is itself invalid is reported once, at its own place.
        raw_assumptions if assumptions is not None else {},
        mode,
        as_of,
        events,
    )
    if record is not None:
        # Time travel: an as-of date before the last event shows the case as it stood then,
        # so an expectation about a later step cannot be read.
        _expected_by(problems, expect, join(path, "expect"), record, as_of)
        for variant in variants:
            where = join(join(join(path, "variants"), variant.name), "expect")
            _expected_by(problems, variant.expect, where, record, variant.as_of)
    asked = len(expect.verdicts) + sum(len(v.expect.verdicts) for v in variants)
    _count_steps(problems, events * (1 + len(variants)) + asked, path, variants)
    if record is None or assumptions is None:
        return None
    return Scenario(
        title, record, assumptions, mode, as_of, expect, variants, description, file, path, law
    )


def _expected_by(
    problems: _Problems,
    expect: Expectations,
    path: str,
    record: Record,
    as_of: datetime.date | None,
) -> None:
    """Refuse an expectation about a step dated after ``as_of``: on that day it had not
    happened yet, so there is no verdict to compare.
    """
    if as_of is None:
        return
    events = record.events
    places = [(join(join(path, "steps"), str(i)), i) for i, _ in expect.steps]
    places += [(join(join(path, "steps"), str(w.index)), w.index) for w in expect.long_steps]
    lists = (
        ("violations", expect.violations),
        ("possible_violations", expect.possible_violations),
        ("no_violations", expect.no_violations or ()),
        ("no_possible_violations", expect.no_possible_violations or ()),
    )
    for key, matchers in lists:
        places += [
            (join(f"{join(path, key)}[{number}]", "step"), m.step)
            for number, m in enumerate(matchers)
            if m.step is not None
        ]
    for where, index in places:
        if index < len(events) and events[index].date > as_of:
            problems.add(
                where,
                problem_text(
                    "event {index} ({date}) is after as_of ({as_of}): it has not "
                    "happened yet on that day"
                ).format(index=index, date=events[index].date, as_of=as_of),
                problem_text("an event dated on or before as_of, or a later as_of"),
            )


def _count_steps(
    problems: _Problems, steps: int, path: str, variants: tuple[Variant, ...]
) -> None:
    """Add the steps a scenario's runs ask to be judged; refuse the file past the cap."""
    before = problems.steps
    problems.steps += steps
    if before <= MAX_STEPS < problems.steps:
        problems.add(
            join(path, "variants" if variants else "events"),
            problem_text(
                "the file asks for more than {count} steps to be judged: each run (a "
                "scenario, and each of its variants) replays its events and asks its verdicts"
            ).format(count=f"{MAX_STEPS:,}"),
            problem_text("fewer variants or events, or several files"),
        )


def _articles_of_agreements(problems: _Problems, record: Record, path: str, law: Law) -> None:
    """Every article an agreement on record names must be in the catalogue: reasons resting on
    the agreement cite it.
    """
    for index, event in enumerate(record.events):
        named = getattr(event, "provision", None)
        if not isinstance(named, TermProvisions):
            continue
        for provision_id in named.ids():
            if provision_id not in law.provisions:
                problems.add(
                    join(path, f"events[{index}].provision"),
                    problem_text("{value} is not a provision id of the catalogue").format(
                        value=repr(provision_id)
                    ),
                    problem_text("an id of the catalogue (powcase provisions)"),
                    closest(provision_id, law.provisions),
                )


def _variants(  # noqa: PLR0917 - an internal step of parse_scenarios
    problems: _Problems,
    data: Any,
    path: str,
    base: Mapping[str, Any],
    mode: Mode,
    as_of: datetime.date | None,
    events: int,
) -> tuple[Variant, ...]:
    """The variants of a scenario; ``as_of`` is the scenario's own as-of date."""
    if data is None:
        return ()
    if not isinstance(data, Mapping):
        problems.add(path, problem_text("must be a mapping of names to variants"))
        return ()
    found = []
    for name, item in data.items():
        where = join(path, str(name))
        if not isinstance(item, Mapping):
            problems.add(
                where,
                problem_text("must be a mapping"),
                problem_text("keys among {keys}").format(keys=", ".join(VARIANT_KEYS)),
            )
            continue
        problems.unknown_keys(item, VARIANT_KEYS, where)
        own = item.get("assumptions") or {}
        if not isinstance(own, Mapping):
            problems.add(
                join(where, "assumptions"),
                problem_text("must be a mapping, got {kind}").format(kind=type(own).__name__),
                problem_text("assumption keys and their options, e.g. {example}").format(
                    example="{rok_nationality: effective}"
                ),
            )
            continue
        merged = problems.attempt(
            join(where, "assumptions"),
            Assumptions.from_dict,
            {**base, **own},
        )
        variant_mode = _mode(problems, item.get("mode", mode), join(where, "mode"))
        own_as_of = _as_of(problems, item.get("as_of"), join(where, "as_of"))
        variant_as_of = own_as_of or as_of
        expect = _expectations(problems, item.get("expect"), join(where, "expect"), events)
        if merged is not None:
            found.append(Variant(str(name), merged, variant_mode, variant_as_of, expect))
    return tuple(found)


def parse_scenarios(
    data: Any, file: str = "<string>", law: Sequence[Source] = ()
) -> tuple[list[Scenario], list[Problem]]:
    """The scenarios of a document, and every problem found in it (empty when valid).

    ``law`` are overlays applied after the file's own ``law:`` (the command's ``--law``).
    :class:`~powcase.errors.LawDataError` reports a problem in an overlay file, located in it.
    """
    problems = _Problems(law)
    stem = file.rsplit("/", 1)[-1]
    if not isinstance(data, Mapping):
        problems.add(
            "",
            problem_text("a scenario file must be a mapping"),
            problem_text("keys such as powcase, subject and events"),
        )
        return [], problems.found
    scenarios: list[Scenario] = []
    if "scenarios" in data:
        problems.unknown_keys(data, ("powcase", "scenarios", "law"), "")
        if data.get("powcase") is None:
            problems.add("powcase", problem_text("is required"), "powcase: 1")
        items = _as_list(problems, data["scenarios"], "scenarios")
        if not items:
            problems.add(
                "scenarios",
                problem_text("lists no scenario"),
                problem_text("at least one scenario"),
            )
        for index, item in enumerate(items):
            found = _one(problems, item, f"scenarios[{index}]", data, file, f"{stem} #{index + 1}")
            if found is not None:
                scenarios.append(found)
    else:
        found = _one(problems, data, "", {}, file, stem)
        if found is not None:
            scenarios.append(found)
    return scenarios, _redact(problems.found, data)


def _law(
    problems: _Problems,
    data: Mapping[str, Any],
    path: str,
    inherited: Mapping[str, Any],
    file: str,
) -> Law:
    """The law of a scenario: the packaged law, the file's ``law:`` overlays (paths relative to
    the file; a scenario's own list replaces the file's), then the caller's.
    """
    # A list written at the top of a file of several scenarios is reported there, once.
    where = join(path, "law") if "law" in data else "law"
    listed = data.get("law", inherited.get("law"))
    if listed is None:
        listed = []
    if isinstance(listed, str):
        listed = [listed]
    if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
        problems.add(
            where,
            problem_text("must be a list of overlay file paths"),
            problem_text("e.g. {example}").format(example="[law/overlay.yaml]"),
        )
        listed = []
    base = pathlib.Path(file).parent if file != "<string>" else pathlib.Path()
    paths = [base / entry for entry in listed]
    missing = [i for i, path in enumerate(paths) if not path.is_file()]
    for index in missing:
        problems.add(
            f"{where}[{index}]",
            problem_text("{value} is not a file").format(value=repr(listed[index])),
            problem_text("a law overlay file, its path relative to the scenario file"),
        )
    if missing:
        paths = []
    sources: tuple[Source, ...] = (*paths, *problems.extra)
    if not sources:
        problems.law = Law.packaged()
        return problems.law
    key = tuple(str(s) if not isinstance(s, Mapping) else id(s) for s in sources)
    known = problems.laws.get(key)
    if known is None:
        # Problems in an overlay are located in the overlay file: they propagate as they are.
        known = Law.packaged().overlaid(*sources)
        problems.laws[key] = known
    problems.law = known
    return known


def _redact(problems: list[Problem], data: Mapping[Any, Any]) -> list[Problem]:
    """Blank every subject name of the file out of the problems."""
    subjects = [data.get("subject")]
    if isinstance(data.get("scenarios"), list):
        subjects += [s.get("subject") for s in data["scenarios"] if isinstance(s, Mapping)]
    names = [s.get("name") for s in subjects if isinstance(s, Mapping)]
    for name in names:
        if isinstance(name, str) and name.strip():
            problems = [problem_withheld(p, name) for p in problems]
    return problems
