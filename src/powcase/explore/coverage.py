"""Coverage of the law by a scenario corpus: for every provision of the catalogue and every
reason code, how many steps and asked verdicts of the corpus cite it.

Every scenario is run as ``powcase run`` runs it: the record under its assumptions, then each
variant under its own, so a record with two variants counts its steps three times. A *step*
cites a provision when its citations (its verdict's reasons'), or
those of a violation found at it, include the provision or a paragraph of it; an asked
*verdict* (``expect.verdicts``) cites it when its reasons do. A reason code counts the same
way, where a step's verdict (or a violation at the step) or an asked verdict gives it.

The catalogue is every provision of every law the corpus ran under: the packaged law, the
overlays given to :func:`measure`, and the overlays scenario files name, in that order. The
reason codes are every code of the law's message catalogue (the sentences of reasons; flags
and obligations keep theirs elsewhere) that some rule still gives: the retired codes are left
out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from powcase.law.book import Law
from powcase.law.messages import RETIRED
from powcase.law.provenance import generated_by
from powcase.scenario.model import Scenario
from powcase.scenario.output_schema import run_schema
from powcase.scenario.result import RunResult
from powcase.scenario.running import run

__all__ = [
    "Count",
    "Coverage",
    "Part",
    "coverage_schema",
    "measure",
    "never_cited",
    "reached",
    "summary",
]


def reached(cited: str) -> tuple[str, ...]:
    """The ids a citation counts for: itself, and the article (and each enclosing paragraph)
    it is a paragraph of, as an expectation's ``cites`` matches it.

    >>> reached("API-75(4)(b)")
    ('API-75(4)(b)', 'API-75', 'API-75(4)')
    """
    return (cited, *(cited[:i] for i, char in enumerate(cited) if char == "("))


def never_cited(law: Law, cites: Iterable[str]) -> tuple[str, ...]:
    """The provisions of ``law``'s catalogue that none of ``cites`` reaches, in catalogue
    order: the law a corpus, or an exploration, never exercised. A paragraph cited reaches
    its article too.
    """
    seen = {pid for cite in cites for pid in reached(cite)}
    return tuple(pid for pid in law.provisions if pid not in seen)


@attrs.frozen
class Count:
    """How many steps and asked verdicts cite one provision (or give one reason code)."""

    id: str
    """The provision id, or the reason code."""
    steps: int
    verdicts: int
    instrument: str | None = None
    """The provision's instrument (None for a reason code)."""

    @property
    def cited(self) -> bool:
        """Whether any step or verdict cites it."""
        return bool(self.steps or self.verdicts)

    def to_dict(self, key: str) -> dict[str, Any]:
        """The JSON form, the id under ``key`` (``id`` or ``code``)."""
        head: dict[str, Any] = {key: self.id}
        if self.instrument is not None:
            head["instrument"] = self.instrument
        return {**head, "steps": self.steps, "verdicts": self.verdicts, "cited": self.cited}


@attrs.frozen
class Part:
    """The counts of one list (the provisions, or the reason codes), in the list's order."""

    entries: tuple[Count, ...]

    @property
    def total(self) -> int:
        """How many ids the list has."""
        return len(self.entries)

    @property
    def cited(self) -> int:
        """How many of them are cited at least once."""
        return sum(1 for e in self.entries if e.cited)

    @property
    def percent(self) -> float:
        """The share cited, in percent (100 for an empty list, as nothing is left out)."""
        return 100.0 * self.cited / self.total if self.entries else 100.0

    @property
    def never_cited(self) -> tuple[str, ...]:
        """The ids no step or verdict cites, in the list's order."""
        return tuple(e.id for e in self.entries if not e.cited)

    def to_dict(self, key: str) -> dict[str, Any]:
        """The JSON form; each entry names its id under ``key``."""
        return {
            "cited": self.cited,
            "total": self.total,
            "percent": round(self.percent, 1),
            "never_cited": list(self.never_cited),
            "entries": [e.to_dict(key) for e in self.entries],
        }


@attrs.frozen
class Coverage:
    """What a scenario corpus exercises of the law: per provision and per reason code, the
    steps and asked verdicts that cite it.
    """

    files: tuple[str, ...]
    """The scenario files run, in the order run."""
    runs: int
    """Runs: each scenario once, and each of its variants once."""
    steps: int
    """Recorded steps over all runs."""
    verdicts: int
    """Asked verdicts over all runs."""
    provisions: Part
    reason_codes: Part
    laws: tuple[Law, ...] = attrs.field(default=(), eq=False, repr=False)
    """The laws the corpus was judged under (their overlays are named in ``generated_by``)."""

    @classmethod
    def of(cls, results: Iterable[RunResult], *, law: Law | None = None) -> Coverage:
        """The coverage of runs already made; ``law`` (default: the packaged law) adds its
        catalogue, e.g. an overlay's provisions no scenario file names.
        """
        return _tally(tuple(results), law or Law.packaged())

    def __str__(self) -> str:
        return "\n".join(
            [
                (
                    f"{self.runs} runs of {len(self.files)} scenario "
                    f"file{'' if len(self.files) == 1 else 's'}: "
                    f"{self.steps} steps, {self.verdicts} asked verdicts"
                ),
                summary(self.provisions, "provisions cited"),
                summary(self.reason_codes, "reason codes given"),
            ]
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: one document, with ``generated_by``."""
        return {
            "generated_by": _generated_by(self.laws),
            "files": list(self.files),
            "runs": self.runs,
            "steps": self.steps,
            "verdicts": self.verdicts,
            "provisions": self.provisions.to_dict("id"),
            "reason_codes": self.reason_codes.to_dict("code"),
        }


def summary(part: Part, what: str) -> str:
    """``N of M <what> (P%)``, the percentage to one decimal."""
    return f"{part.cited} of {part.total} {what} ({part.percent:.1f}%)"


def measure(scenarios: Iterable[Scenario], *, law: Law | None = None) -> Coverage:
    """Run every scenario (and each of its variants) and count what the runs cite.

    ``law`` is the law the scenarios were loaded under (the packaged law with the overlays
    given to the loader); its catalogue is counted even where no scenario names its overlays.
    """
    return Coverage.of((r for s in scenarios for r in run(s)), law=law)


def _tally(results: tuple[RunResult, ...], law: Law) -> Coverage:
    laws = _laws(law, results)
    provisions: dict[str, list[int]] = {}
    codes: dict[str, list[int]] = {}
    steps = verdicts = 0
    for result in results:
        breaches: dict[int, list[Any]] = {}
        for violation in (*result.violations, *result.possible_violations):
            breaches.setdefault(violation.index, []).append(violation)
        for step in result.steps:
            steps += 1
            found = breaches.get(step.index, [])
            cites = [*step.cites, *(c for r in step.reasons for c in r.cites)]
            cites += [c for v in found for c in v.cites]
            given = [r.code for r in step.reasons] + [r.code for v in found for r in v.reasons]
            _add(provisions, {pid for c in cites for pid in reached(c)}, 0)
            _add(codes, set(given), 0)
        for asked in result.asked:
            verdicts += 1
            cites = [c for r in asked.verdict.reasons for c in r.cites]
            _add(provisions, {pid for c in cites for pid in reached(c)}, 1)
            _add(codes, {r.code for r in asked.verdict.reasons}, 1)
    catalogue: dict[str, str] = {}
    messages: dict[str, None] = {}
    for each in laws:
        for pid, entry in each.provisions.items():
            catalogue.setdefault(pid, entry.instrument)
        messages.update(dict.fromkeys(c for c in each.messages if c not in RETIRED))
    return Coverage(
        files=tuple(dict.fromkeys(r.file for r in results)),
        runs=len(results),
        steps=steps,
        verdicts=verdicts,
        provisions=Part(
            tuple(_count(provisions, pid, instrument) for pid, instrument in catalogue.items())
        ),
        reason_codes=Part(tuple(_count(codes, code) for code in messages)),
        laws=laws,
    )


def _count(counts: Mapping[str, list[int]], key: str, instrument: str | None = None) -> Count:
    steps, verdicts = counts.get(key, (0, 0))
    return Count(key, steps, verdicts, instrument)


def _add(counts: dict[str, list[int]], ids: Iterable[str], column: int) -> None:
    for key in ids:
        counts.setdefault(key, [0, 0])[column] += 1


def _laws(law: Law, results: Iterable[RunResult]) -> tuple[Law, ...]:
    """The given law, then each other law a run was judged under, each once."""
    laws = [law]
    for result in results:
        judged = result.case.law if result.case is not None else None
        if judged is not None and all(judged is not seen for seen in laws):
            laws.append(judged)
    return tuple(laws)


def _generated_by(laws: tuple[Law, ...]) -> dict[str, Any]:
    """What produced the output, naming every overlay of every law the corpus ran under."""
    made = generated_by(laws[0] if laws else None)
    overlays: dict[str, Mapping[str, Any]] = {}
    for law in laws:
        for record in law.generated_by().get("overlays", ()):
            overlays.setdefault(record["path"], record)
    if overlays:
        made["overlays"] = list(overlays.values())
    return made


def coverage_schema(law: Law | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the coverage output (:meth:`Coverage.to_dict`)."""
    count = {"type": "integer", "minimum": 0}

    def part(key: str, extra: Mapping[str, Any]) -> dict[str, Any]:
        entry = {
            "type": "object",
            "properties": {
                key: {"type": "string"},
                **extra,
                "steps": count,
                "verdicts": count,
                "cited": {"type": "boolean"},
            },
            "required": [key, *extra, "steps", "verdicts", "cited"],
            "additionalProperties": False,
        }
        return {
            "type": "object",
            "properties": {
                "cited": count,
                "total": count,
                "percent": {"type": "number", "minimum": 0, "maximum": 100},
                "never_cited": {"type": "array", "items": {"type": "string"}},
                "entries": {"type": "array", "items": entry},
            },
            "required": ["cited", "total", "percent", "never_cited", "entries"],
            "additionalProperties": False,
        }

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://powcase.invalid/schema/coverage-1.json",
        "title": "powcase coverage output, format 1",
        "type": "object",
        "properties": {
            "generated_by": run_schema(law)["properties"]["generated_by"],
            "files": {"type": "array", "items": {"type": "string"}},
            "runs": count,
            "steps": count,
            "verdicts": count,
            "provisions": part("id", {"instrument": {"type": "string"}}),
            "reason_codes": part("code", {}),
        },
        "required": [
            "generated_by",
            "files",
            "runs",
            "steps",
            "verdicts",
            "provisions",
            "reason_codes",
        ],
        "additionalProperties": False,
    }
