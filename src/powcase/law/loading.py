"""Reading the law data files and overlays into tables, every problem located in its file.

A file is read by the scenario reader (safe YAML or JSON, YAML 1.2 booleans, the line and
column of every value), checked against the declared shape, turned into entries and merged
into the tables. Cross-references are checked once everything is merged, and a problem is
reported in the file that brought the entry in.
"""

from __future__ import annotations

import datetime
import pathlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from powcase._util.date_range import LONGEST_DAYS, LONGEST_MONTHS
from powcase._util.i18n import problem_text
from powcase._util.located import Document, UnreadableFile, read_document
from powcase._util.suggest import closest
from powcase.errors import LawDataError, LocatedProblem, Problem
from powcase.law import shape
from powcase.law.entries import (
    Alliance,
    Concern,
    ConcernAbout,
    ConflictSide,
    Instrument,
    Participation,
    Party,
    Provision,
    Reservation,
    TakesEffect,
    Treatment,
)
from powcase.law.rules import MEETERS, TEXT_KEYS, FlagRule, ObligationRule, Severity
from powcase.model.assumptions import ASSUMPTION, Assumptions
from powcase.model.events import EVENT_TYPES
from powcase.model.fields import field_specs

__all__ = ["DATA", "TABLE_NAMES", "Fragment", "apply", "overlay_fragments", "packaged_fragments"]

DATA = pathlib.Path(__file__).parent / "data"
"""The packaged law data."""

TABLE_NAMES = tuple(shape.TABLES)
"""The tables, in the order they are merged."""

Tables = dict[str, dict[str, Any]]


@attrs.frozen
class Fragment:
    """Entries of one table from one file: where each entry stands in the file."""

    file: str
    table: str
    entries: dict[str, Any]
    """Checked raw entries by key."""
    where: Callable[[str], str]
    """The key path of an entry in its file."""
    document: Document | None = None


@attrs.define
class _Report:
    """The problems found so far, each located in its file."""

    located: list[LocatedProblem] = attrs.Factory(list)

    def add(self, fragment: Fragment | None, problem: Problem, file: str = "") -> None:
        document = fragment.document if fragment else None
        location = None
        if document is not None:
            location = document.locate(problem.path, key=problem.message == "is not a known key")
        self.located.append(
            LocatedProblem(
                fragment.file if fragment else file,
                location.line if location else None,
                location.column if location else None,
                problem,
            )
        )

    def raise_if_any(self) -> None:
        if self.located:
            raise LawDataError(self.located)


def _read(path: pathlib.Path, report: _Report) -> Document | None:
    try:
        return read_document(path)
    except UnreadableFile as error:
        where = error.location
        report.located.append(
            LocatedProblem(
                str(path),
                where.line if where else None,
                where.column if where else None,
                error.problem,
            )
        )
        return None


def _checked(kind: str, document: Document, report: _Report) -> Any:
    value, problems = shape.check_file(kind, document.data)
    for problem in problems:
        report.add(Fragment(document.path, "", {}, str, document), problem)
    return value


def packaged_fragments(root: pathlib.Path = DATA) -> tuple[datetime.date, list[Fragment]]:
    """The review date and the fragments of the packaged data under ``root``."""
    report = _Report()
    fragments: list[Fragment] = []

    def table_file(kind: str, name: str) -> dict[str, Any]:
        document = _read(root / name, report)
        if document is None:
            return {}
        entries = _checked(kind, document, report)
        if entries is shape.INVALID:
            return {}
        fragments.append(Fragment(document.path, kind, entries, str, document))
        return dict(entries)

    manifest_doc = _read(root / "law.yaml", report)
    manifest = _checked("manifest", manifest_doc, report) if manifest_doc else shape.INVALID
    instruments = table_file("instruments", "instruments.yaml")
    for instrument in instruments:
        path = root / "provisions" / f"{instrument}.yaml"
        if path.exists():
            _provisions_file(path, instrument, fragments, report)
    listed = manifest["parties"] if manifest is not shape.INVALID else ()
    for code in listed:
        _party_file(root / "parties" / f"{code}.yaml", code, fragments, report)
    for path in sorted((root / "parties").glob("*.yaml")):
        if path.stem not in listed and manifest is not shape.INVALID:
            report.add(
                None,
                Problem(
                    "parties",
                    problem_text("{code} has a file but is not listed").format(code=path.stem),
                ),
                "law.yaml",
            )
    for table in ("concerns", "flags", "obligations", "messages"):
        table_file(table, f"{table}.yaml")
    report.raise_if_any()
    return manifest["checked"], fragments


def _provisions_file(
    path: pathlib.Path, instrument: str, fragments: list[Fragment], report: _Report
) -> None:
    document = _read(path, report)
    if document is None:
        return
    entries = _checked("provisions", document, report)
    if entries is shape.INVALID:
        return
    fragment = Fragment(document.path, "provisions", entries, str, document)
    for key, entry in entries.items():
        if entry["instrument"] != instrument:
            report.add(
                fragment,
                Problem(
                    f"{key}.instrument",
                    problem_text("{value} is not this file's").format(value=entry["instrument"]),
                    instrument,
                ),
            )
    fragments.append(fragment)


def _party_file(path: pathlib.Path, code: str, fragments: list[Fragment], report: _Report) -> None:
    document = _read(path, report)
    if document is None:
        return
    entry = _checked("party", document, report)
    if entry is not shape.INVALID:
        fragments.append(Fragment(document.path, "parties", {code: entry}, lambda _: "", document))


def overlay_fragments(
    source: str | pathlib.Path | Mapping[str, Any], origin: str
) -> tuple[str, list[Fragment]]:
    """The label and the fragments of one overlay: a file's path, or a mapping."""
    report = _Report()
    document: Document | None
    if isinstance(source, Mapping):
        label = origin
        document = None
        data: Any = _plain(source)
    else:
        label = str(source)
        document = _read(pathlib.Path(source), report)
        report.raise_if_any()
        assert document is not None
        data = document.data
    value, problems = shape.check_file("overlay", data)
    holder = Fragment(label, "", {}, str, document)
    for problem in problems:
        report.add(holder, problem)
    report.raise_if_any()
    fragments = [
        Fragment(label, table, entries, _under(table), document)
        for table, entries in value.items()
    ]
    return label, fragments


def _under(table: str) -> Callable[[str], str]:
    return lambda key: f"{table}.{key}"


def _plain(value: Any) -> Any:
    """Plain data from nested mappings and sequences given by a caller."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- building and merging ----------------------------------------------------------------


def _takes_effect(raw: dict[str, Any] | None) -> TakesEffect | None:
    if raw is None:
        return None
    article, in_conflict = raw.get("article", ""), raw.get("in_conflict")
    if "first_of_month_after" in raw:
        period = raw["first_of_month_after"]
        months, days = period.get("months", 0), period.get("days", 0)
        return TakesEffect(months, days, True, article, in_conflict)
    return TakesEffect(raw.get("months", 0), raw.get("days", 0), False, article, in_conflict)


def _instrument(key: str, raw: dict[str, Any]) -> Instrument:
    return Instrument(
        key,
        raw["title"],
        raw["binding"],
        raw["adopted"],
        raw["url"],
        raw.get("in_force"),
        raw.get("state"),
        _takes_effect(raw.get("takes_effect")),
        raw.get("depositary"),
        tuple(raw.get("between", ())),
        raw.get("with_deposit"),
    )


def _participation(
    raw: dict[str, Any],
    instruments: Mapping[str, Instrument],
    conflicts: tuple[ConflictSide, ...],
) -> Participation | Problem:
    deposited = raw.get("deposited")
    since: datetime.date | None = raw.get("since")
    immediate = None
    if deposited is not None:
        known = instruments.get(raw["instrument"])
        since = known.effective(deposited, conflicts) if known else None
        immediate = _immediate(known, deposited, conflicts)
    if since is None:
        return _unknown_instrument(raw["instrument"], instruments, "instrument")
    return Participation(
        raw["instrument"],
        raw["how"],
        since,
        raw.get("until"),
        deposited,
        raw["source"],
        raw.get("note", ""),
        raw.get("checked"),
        immediate,
    )


def _immediate(
    instrument: Instrument | None, deposited: datetime.date, conflicts: tuple[ConflictSide, ...]
) -> str | None:
    """The provision by which a deposit binds at once (GCIII-141, GCIV-157), if it does."""
    if instrument is None or not instrument.immediate(deposited, conflicts):
        return None
    return instrument.takes_effect.in_conflict if instrument.takes_effect else None


def _unknown_instrument(name: str, instruments: Mapping[str, Instrument], path: str) -> Problem:
    if name in instruments:
        return Problem(
            path,
            problem_text("{name} has no takes_effect clause").format(name=name),
            problem_text("a treaty with takes_effect and in_force"),
        )
    return Problem(
        path,
        problem_text("{value} is not an instrument").format(value=name),
        None,
        closest(name, instruments),
    )


def _party(
    code: str, raw: dict[str, Any], instruments: Mapping[str, Instrument], problems: list[Problem]
) -> Party:
    conflicts = tuple(ConflictSide(**c) for c in raw.get("conflicts", ()))
    participations = []
    for i, item in enumerate(raw.get("participations", ())):
        built = _participation(item, instruments, conflicts)
        if isinstance(built, Problem):
            problems.append(built.under(f"participations[{i}]"))
        else:
            participations.append(built)
    return Party(
        code,
        raw["name"],
        tuple(participations),
        tuple(Reservation(**r) for r in raw.get("reservations", ())),
        tuple(Alliance(**a) for a in raw.get("allies", ())),
        tuple(Treatment(**{"cites": (), **t}) for t in raw.get("treatment", ())),
        tuple(raw.get("claims_nationals_of", ())),
        conflicts,
        tuple(raw.get("protects_applicants", ())),
        raw.get("abolished_death_penalty"),
    )


def _concern(key: str, raw: dict[str, Any]) -> Concern:
    about = ConcernAbout(**raw["about"])
    return Concern(
        key, raw["organisation"], raw["date"], raw["title"], raw["url"], raw["flags"], about
    )


def _flag(key: str, raw: dict[str, Any]) -> FlagRule:
    causes = tuple((cause, tuple(cites)) for cause, cites in raw.get("causes", {}).items())
    held = raw.get("while_held", False)
    return FlagRule(key, Severity(raw["severity"]), raw["cites"], raw["text"], causes, held)


def _obligation(key: str, raw: dict[str, Any]) -> ObligationRule:
    return ObligationRule(
        key,
        raw["provision"],
        raw["period"],
        raw["met_by"],
        raw.get("without_delay", False),
        raw["text"],
        protected_person=raw.get("protected_person"),
        detainee=raw.get("detainee"),
        met_if=raw.get("met_if"),
        prisoner_of_war=raw.get("prisoner_of_war", True),
        occupied_territory=raw.get("occupied_territory"),
        texts=tuple((k, raw["texts"][k]) for k in TEXT_KEYS if k in raw.get("texts", {})),
    )


_BUILDERS: dict[str, Callable[[str, Any], Any]] = {
    "instruments": _instrument,
    "provisions": lambda key, raw: Provision(key, **raw),
    "concerns": _concern,
    "flags": _flag,
    "obligations": _obligation,
    "messages": lambda key, raw: raw,
}


@attrs.frozen
class Applied:
    """The merged tables and what the fragments added and replaced (``table.key``)."""

    tables: Tables
    added: tuple[str, ...]
    replaced: tuple[str, ...]


def apply(base: Tables, fragments: Iterable[Fragment]) -> Applied:
    """Merge ``fragments`` into copies of ``base``: an entry replaces the entry with its key
    whole, a new key is added. :class:`LawDataError` lists every problem, located.
    """
    tables: Tables = {name: dict(base.get(name, {})) for name in TABLE_NAMES}
    report = _Report()
    by_table: dict[str, list[Fragment]] = {name: [] for name in TABLE_NAMES}
    for fragment in fragments:
        by_table[fragment.table].append(fragment)
    added: list[str] = []
    replaced: list[str] = []
    for name in TABLE_NAMES:
        for fragment in by_table[name]:
            for key, raw in fragment.entries.items():
                (replaced if key in tables[name] else added).append(f"{name}.{key}")
                if name == "parties":
                    problems: list[Problem] = []
                    tables[name][key] = _party(key, raw, tables["instruments"], problems)
                    for problem in problems:
                        report.add(fragment, problem.under(fragment.where(key)))
                else:
                    tables[name][key] = _BUILDERS[name](key, raw)
        if name == "instruments":
            _redate(tables, by_table["instruments"], report)
    _check_references(tables, by_table, report)
    report.raise_if_any()
    return Applied(tables, tuple(added), tuple(replaced))


def _redate(tables: Tables, fragments: list[Fragment], report: _Report) -> None:
    """Recompute, for a replaced instrument, when the deposits already in the table bind."""
    changed = {key: f for f in fragments for key in f.entries}
    for code, party in list(tables["parties"].items()):
        if not any(p.instrument in changed and p.deposited for p in party.participations):
            continue
        participations = []
        for p in party.participations:
            since, immediate = p.since, p.immediate_effect
            if p.instrument in changed and p.deposited is not None:
                instrument = tables["instruments"][p.instrument]
                effective = instrument.effective(p.deposited, party.conflicts)
                since = effective or p.since
                immediate = _immediate(instrument, p.deposited, party.conflicts)
                if effective is None:
                    fragment = changed[p.instrument]
                    report.add(
                        fragment,
                        Problem(
                            fragment.where(p.instrument),
                            problem_text(
                                "parties.{code} has a deposit of it, so it needs a "
                                "takes_effect clause and in_force"
                            ).format(code=code),
                        ),
                    )
            participations.append(attrs.evolve(p, since=since, immediate_effect=immediate))
        tables["parties"][code] = attrs.evolve(party, participations=tuple(participations))


_NOUNS = {
    "provisions": problem_text("{value} is not a provision"),
    "instruments": problem_text("{value} is not an instrument"),
    "flags": problem_text("{value} is not a flag"),
}


def _references(table: str, raw: Any) -> Iterator[tuple[str, str, str]]:
    """What an entry refers to: (key path within the entry, the key, the table it is in)."""
    if table == "provisions":
        yield "instrument", raw["instrument"], "instruments"
        yield from _customary(raw)
    elif table == "instruments":
        if "with_deposit" in raw:
            yield "with_deposit", raw["with_deposit"], "instruments"
    elif table == "parties":
        yield from _party_references(raw)
    elif table == "flags":
        yield from _flag_cites(raw)
    elif table == "concerns":
        for j, flag in enumerate(raw["flags"]):
            yield f"flags[{j}]", flag, "flags"
    elif table == "obligations":
        yield from ((k, raw[k], "provisions") for k in _OBLIGATION_CITES if k in raw)


def _party_references(raw: Any) -> Iterator[tuple[str, str, str]]:
    """What a state's entry refers to: instruments, and the provisions it cites."""
    for i, p in enumerate(raw.get("participations", ())):
        if "since" in p:  # a deposit's instrument is checked as its date is computed
            yield f"participations[{i}].instrument", p["instrument"], "instruments"
    for i, r in enumerate(raw.get("reservations", ())):
        yield f"reservations[{i}].provision", r["provision"], "provisions"
    for i, t in enumerate(raw.get("treatment", ())):
        for j, cite in enumerate(t.get("cites", ())):
            yield f"treatment[{i}].cites[{j}]", cite, "provisions"
    for i, cite in enumerate(raw.get("protects_applicants", ())):
        yield f"protects_applicants[{i}]", cite, "provisions"


_OBLIGATION_CITES = ("provision", "protected_person", "detainee", "occupied_territory")
"""The keys of an obligation that name provisions."""


def _flag_cites(raw: Any) -> Iterator[tuple[str, str, str]]:
    """The provisions a flag cites, and those each of its causes does."""
    for j, cite in enumerate(raw["cites"]):
        yield f"cites[{j}]", cite, "provisions"
    for cause, cites in raw.get("causes", {}).items():
        for j, cite in enumerate(cites):
            yield f"causes.{cause}[{j}]", cite, "provisions"


def _customary(raw: Any) -> Iterator[tuple[str, str, str]]:
    """A provision's customary counterpart, if it names one."""
    if "customary" in raw:
        yield "customary", raw["customary"], "provisions"


def _check_references(
    tables: Tables, by_table: dict[str, list[Fragment]], report: _Report
) -> None:
    for table, fragments in by_table.items():
        for fragment in fragments:
            for key, raw in fragment.entries.items():
                for path, value, target in _references(table, raw):
                    if value not in tables[target]:
                        report.add(
                            fragment,
                            Problem(
                                _join(fragment.where(key), path),
                                _NOUNS[target].format(value=value),
                                None,
                                closest(value, tables[target]),
                            ),
                        )
    for fragment in by_table["provisions"]:
        for key, raw in fragment.entries.items():
            for i, reading in enumerate(raw.get("readings", ())):
                problem = _reading_problem(reading)
                if problem is not None:
                    report.add(
                        fragment, problem.under(_join(fragment.where(key), f"readings[{i}]"))
                    )
    days = _assumption_days()
    for fragment in by_table["obligations"]:
        for key, raw in fragment.entries.items():
            _check_period(fragment, key, raw["period"], days, report)
            met_by = raw["met_by"]
            if met_by not in _MEETERS:
                report.add(
                    fragment,
                    Problem(
                        _join(fragment.where(key), "met_by"),
                        problem_text("{value} is not an event").format(value=met_by),
                        problem_text("an event name, or {others}").format(
                            others=", ".join(MEETERS)
                        ),
                        closest(met_by, _MEETERS),
                    ),
                )
            _check_met_if(fragment, key, raw, report)
            _check_texts(fragment, key, raw, report)


def _check_texts(fragment: Fragment, key: str, raw: dict[str, Any], report: _Report) -> None:
    """Each of ``texts`` is keyed by a field the obligation gives a provision in."""
    for name in raw.get("texts", {}):
        if name not in raw:
            report.add(
                fragment,
                Problem(
                    _join(fragment.where(key), f"texts.{name}"),
                    problem_text("the obligation names no {name} provision for this text").format(
                        name=name
                    ),
                    ", ".join(k for k in TEXT_KEYS if k in raw) or None,
                ),
            )


def _check_met_if(fragment: Fragment, key: str, raw: dict[str, Any], report: _Report) -> None:
    """``met_if`` names a yes-or-no field of the single event that meets the obligation."""
    met_if = raw.get("met_if")
    if met_if is None:
        return
    event = EVENT_TYPES.get(raw["met_by"])
    fields = {
        name for name, spec in (field_specs(event) if event else {}).items() if spec.kind == "bool"
    }
    if met_if not in fields:
        report.add(
            fragment,
            Problem(
                _join(fragment.where(key), "met_if"),
                problem_text("{value} is not a yes-or-no field of {event}").format(
                    value=met_if, event=raw["met_by"]
                ),
                ", ".join(sorted(fields))
                or problem_text("met_by naming a single event with such a field"),
                closest(met_if, fields) if fields else None,
            ),
        )


_MEETERS = (*MEETERS, *EVENT_TYPES)
"""What may meet an obligation: an event of the model, or a name for several."""


def _reading_problem(reading: Mapping[str, Any]) -> Problem | None:
    """What is wrong with an interpretive source's adopting option, if anything."""
    specs = Assumptions.specs()
    spec = specs.get(reading["assumption"])
    if spec is None:
        return Problem(
            "assumption",
            problem_text("{value} is not an assumption").format(value=reading["assumption"]),
            ", ".join(specs),
            closest(reading["assumption"], specs),
        )
    if spec.days or not spec.accepts(reading["option"]):
        return Problem(
            "option",
            problem_text("{value} is not an option").format(value=repr(reading["option"])),
            spec.expected(),
        )
    return None


def _join(at: str, path: str) -> str:
    return f"{at}.{path}" if at else path


def _check_period(
    fragment: Fragment, key: str, period: str, days: tuple[str, ...], report: _Report
) -> None:
    """An obligation's period: a fixed one of a century at most, or an assumption's key."""
    where = _join(fragment.where(key), "period")
    too_long = _too_long(period)
    if too_long is not None:
        report.add(fragment, Problem(where, *too_long))
    if not period[0].isdigit() and period not in days:
        report.add(
            fragment,
            Problem(
                where,
                problem_text("{value} is not an assumption giving days").format(value=period),
                ", ".join(days),
                closest(period, days),
            ),
        )


def _too_long(period: str) -> tuple[str, str] | None:
    """The message and the expected form if a fixed period (``"7 days"``) is longer than a
    century: a deadline that far from a date might not be a date.
    """
    count, _, unit = period.partition(" ")
    if not count.isdigit():
        return None
    longest = LONGEST_MONTHS if unit == "months" else LONGEST_DAYS
    if len(count) <= len(str(longest)) and int(count) <= longest:
        return None
    return (
        problem_text("{period} is longer than a century").format(period=period[:20]),
        problem_text("at most {count} {unit}").format(count=longest, unit=unit),
    )


def _assumption_days() -> tuple[str, ...]:
    """The assumptions that give a number of days (what an obligation's period may name)."""
    return tuple(f.name for f in attrs.fields(Assumptions) if f.metadata[ASSUMPTION].days)
