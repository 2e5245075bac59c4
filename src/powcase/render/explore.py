"""Property checks as text and Markdown: each property's answers, the shortest paths that show
them, the readings grouped by their answers (the table a researcher puts in a paper), how the
exploration ran and the provisions no explored path cites.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from powcase.explore.results import Answer, CheckResult, PathStep, PropertyResult

__all__ = ["render_check_markdown", "render_check_text"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _plain(text: object) -> str:
    """Text from a file, on one line, with no control character left to act on a terminal."""
    return _CONTROL.sub("?", " ".join(str(text).split()))


_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])")


def _md(text: object) -> str:
    """Text from a file, as Markdown that shows it and does nothing else."""
    return _MARKDOWN.sub(r"\\\1", _plain(text))


def _step_label(step: PathStep) -> str:
    event = step.event.to_dict()
    name = event.pop("event")
    date = event.pop("date")
    for key in ("source", "note"):
        event.pop(key, None)
    fields = ", ".join(f"{k}={_value(v)}" for k, v in event.items())
    return f"{date} {name}({fields}) {step.outcome.value}" + (
        "" if step.applied else ", not applied"
    )


def _value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "+".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _paths(prop: PropertyResult) -> list[tuple[tuple[str, ...], list[int]]]:
    """Each distinct path shown, with the readings (their numbers, from 1) it is shortest for."""
    found: dict[tuple[str, ...], list[int]] = {}
    for item in prop.results:
        if item.path is not None:
            labels = tuple(_step_label(s) for s in item.path)
            found.setdefault(labels, []).append(item.reading + 1)
    return list(found.items())


def _counts(prop: PropertyResult, total: int) -> str:
    return "; ".join(
        f"{answer.value} under {prop.count(answer)} of {total}"
        for answer in Answer
        if prop.count(answer)
    )


def _numbers(readings: Sequence[int]) -> str:
    """Reading numbers as ranges: 1-4, 7."""
    runs: list[list[int]] = []
    for n in readings:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _header(result: CheckResult) -> list[str]:
    source, stats = result.source, result.stats
    varied = ", ".join(result.reading_keys) or "nothing (one reading)"
    by_depth = ", ".join(f"{n:,}" for n in stats.by_depth)
    exact = " (told apart by every fact: a property reads flags or the docket)"
    return [
        f"from {_plain(source.start_label)}",
        (
            f"depth {stats.depth}, {source.mode.value} mode, {source.step_days} days a step, "
            f"{stats.letters} letters, {stats.readings} readings varying {varied}"
        ),
        (
            f"explored {stats.steps:,} steps, {stats.situations:,} distinct situations "
            f"({by_depth} by depth){exact if stats.exact else ''}, {stats.verdicts:,} verdicts, "
            f"{stats.explore_seconds:.1f} s exploring and {stats.check_seconds:.1f} s checking"
        ),
    ]


def _reading_words(result: CheckResult, number: int) -> str:
    described = result.grid.describe(number - 1)
    return ", ".join(f"{k}={_value(described[k])}" for k in result.reading_keys)


def render_check_text(results: Sequence[CheckResult]) -> str:
    """Property checks as plain text."""
    lines: list[str] = []
    for result in results:
        total = len(result.grid)
        lines.append(f"{_plain(result.source.title)} ({_plain(result.source.file)})")
        lines += [f"  {line}" for line in _header(result)]
        lines.append("")
        for prop in result.properties:
            p = prop.definition
            text = f": {_plain(p.text)}" if p.text else ""
            lines.append(f"{_plain(p.id)} ({p.form.value}){text}")
            if prop.note:
                lines.append(f"  {prop.note}")
            lines.append(f"  {_counts(prop, total)} readings")
            for labels, readings in _paths(prop):
                kind = "witness" if prop.definition.form.value == "reachable" else "counterexample"
                lines.append(
                    f"  shortest {kind} ({len(labels)} steps) for readings {_numbers(readings)}:"
                )
                lines += [f"    {label}" for label in labels] or ["    (the start itself)"]
            lines.append("")
        lines.append("Readings grouped by their answers:")
        head = ["readings", *(_plain(p.definition.id) for p in result.properties), "where"]
        rows = [
            [str(len(g.readings)), *(a.value for a in g.answers), g.describe()]
            for g in result.groups()
        ]
        lines += ["  " + row for row in _columns([head, *rows])]
        lines.append("")
        if result.reading_keys:
            lines.append("Readings:")
            lines += [f"  {n}: {_reading_words(result, n)}" for n in range(1, total + 1)]
            lines.append("")
        never = result.never_cited
        lines.append(
            f"Provisions never cited on an explored path ({len(never)} of "
            f"{len(result.law.provisions)}): {', '.join(never) if never else 'none'}"
        )
        lines.append("")
    return "\n".join(lines)


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_check_markdown(results: Sequence[CheckResult]) -> str:
    """Property checks as Markdown."""
    lines: list[str] = []
    for result in results:
        total = len(result.grid)
        lines += [f"## {_md(result.source.title)}", ""]
        lines += [f"- {_md(line)}" for line in _header(result)]
        lines += ["", "### Answers by reading", ""]
        head = ["readings", *(f"`{_plain(p.definition.id)}`" for p in result.properties), "where"]
        rows = [
            [str(len(g.readings)), *(a.value for a in g.answers), _md(g.describe())]
            for g in result.groups()
        ]
        lines += _table(head, rows)
        lines.append("")
        for prop in result.properties:
            p = prop.definition
            lines += [f"### `{_plain(p.id)}` ({p.form.value})", ""]
            if p.text:
                lines += [_md(p.text), ""]
            if prop.note:
                lines += [f"*{prop.note}.*", ""]
            lines += [f"{_counts(prop, total)} readings.", ""]
            for labels, readings in _paths(prop):
                kind = "witness" if p.form.value == "reachable" else "counterexample"
                lines += [
                    f"Shortest {kind} ({len(labels)} steps), readings {_numbers(readings)}:",
                    "",
                ]
                lines += [f"1. {_md(label)}" for label in labels] or ["- the start itself"]
                lines.append("")
        if result.reading_keys:
            lines += ["### Readings", ""]
            lines += _table(
                ["#", *result.reading_keys],
                [
                    [
                        str(n),
                        *(
                            _md(_value(result.grid.describe(n - 1)[k]))
                            for k in result.reading_keys
                        ),
                    ]
                    for n in range(1, total + 1)
                ],
            )
            lines.append("")
        never = result.never_cited
        lines += [
            f"### Provisions never cited ({len(never)} of {len(result.law.provisions)})",
            "",
            _md(", ".join(never)) if never else "none",
            "",
        ]
    return "\n".join(lines)
