"""Property checks as text and Markdown: each property's answers, the shortest paths that show
them, the readings grouped by their answers (the table a researcher puts in a paper), how the
exploration ran and the provisions no explored path cites.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Callable, Sequence
from typing import Any

from powcase._util.i18n import N_, SOURCE_LANGUAGE, gettext_for, resolve, unofficial
from powcase.explore.results import Answer, CheckResult, PathStep, PropertyResult
from powcase.render.vocabulary import OUTCOMES

__all__ = ["render_check_markdown", "render_check_text"]

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar(
    "explore_lang", default=SOURCE_LANGUAGE
)
"""The language of the output being written (set by the render functions)."""

_ANSWERS = {
    Answer.HOLDS: N_("holds"),
    Answer.VIOLATED: N_("violated"),
    Answer.REACHABLE: N_("reachable"),
    Answer.UNREACHABLE: N_("unreachable"),
}
"""A property's answer in words."""


def _(message: str) -> str:
    """``message`` in the output's language."""
    return gettext_for(_LANG.get())(message)


def _answer(answer: Answer) -> str:
    return _(_ANSWERS[answer])


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
    return f"{date} {name}({fields}) {_(OUTCOMES[step.outcome.value])}" + (
        "" if step.applied else ", " + _("not applied")
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
        _("{answer} under {count} of {total}").format(
            answer=_answer(answer), count=prop.count(answer), total=total
        )
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
    varied = ", ".join(result.reading_keys) or _("nothing (one reading)")
    by_depth = ", ".join(f"{n:,}" for n in stats.by_depth)
    exact = _(" (told apart by every fact: a property reads flags or the docket)")
    return [
        _("from {start}").format(start=_plain(source.start_label)),
        _(
            "depth {depth}, {mode} mode, {days} days a step, {letters} letters, {readings} "
            "readings varying {varied}"
        ).format(
            depth=stats.depth,
            mode=source.mode.value,
            days=source.step_days,
            letters=stats.letters,
            readings=stats.readings,
            varied=varied,
        ),
        _(
            "explored {steps} steps, {situations} distinct situations ({by_depth} by depth)"
            "{exact}, {verdicts} verdicts, {exploring} s exploring and {checking} s checking"
        ).format(
            steps=f"{stats.steps:,}",
            situations=f"{stats.situations:,}",
            by_depth=by_depth,
            exact=exact if stats.exact else "",
            verdicts=f"{stats.verdicts:,}",
            exploring=f"{stats.explore_seconds:.1f}",
            checking=f"{stats.check_seconds:.1f}",
        ),
    ]


def _reading_words(result: CheckResult, number: int) -> str:
    described = result.grid.describe(number - 1)
    return ", ".join(f"{k}={_value(described[k])}" for k in result.reading_keys)


def render_check_text(results: Sequence[CheckResult], *, lang: str = SOURCE_LANGUAGE) -> str:
    """Property checks as plain text, in ``lang`` (the properties' own texts as written)."""
    return _in_language(lang, _check_text, results)


def _check_text(results: Sequence[CheckResult]) -> str:
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
            lines.append("  " + _("{counts} readings").format(counts=_counts(prop, total)))
            for labels, readings in _paths(prop):
                shortest = (
                    _("shortest witness ({count} steps) for readings {readings}:")
                    if prop.definition.form.value == "reachable"
                    else _("shortest counterexample ({count} steps) for readings {readings}:")
                )
                lines.append(
                    "  " + shortest.format(count=len(labels), readings=_numbers(readings))
                )
                lines += [f"    {label}" for label in labels] or ["    " + _("(the start itself)")]
            lines.append("")
        lines.append(_("Readings grouped by their answers:"))
        head = [
            _("readings"),
            *(_plain(p.definition.id) for p in result.properties),
            _("where"),
        ]
        rows = [
            [str(len(g.readings)), *(_answer(a) for a in g.answers), g.describe()]
            for g in result.groups()
        ]
        lines += ["  " + row for row in _columns([head, *rows])]
        lines.append("")
        if result.reading_keys:
            lines.append(_("Readings:"))
            lines += [f"  {n}: {_reading_words(result, n)}" for n in range(1, total + 1)]
            lines.append("")
        never = result.never_cited
        lines.append(
            _("Provisions never cited on an explored path ({count} of {total}): {ids}").format(
                count=len(never),
                total=len(result.law.provisions),
                ids=", ".join(never) if never else _("none"),
            )
        )
        lines.append("")
    said = unofficial(_LANG.get())
    if said is not None:
        lines.append(said.text)
    return "\n".join(lines)


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render_check_markdown(results: Sequence[CheckResult], *, lang: str = SOURCE_LANGUAGE) -> str:
    """Property checks as Markdown, in ``lang`` (the properties' own texts as written)."""
    return _in_language(lang, _check_markdown, results)


def _in_language(
    lang: str, render: Callable[[Sequence[CheckResult]], str], results: Sequence[CheckResult]
) -> str:
    """``render(results)`` with its phrases in ``lang``."""
    token = _LANG.set(resolve(lang))
    try:
        return render(results)
    finally:
        _LANG.reset(token)


def _check_markdown(results: Sequence[CheckResult]) -> str:
    english = _LANG.get() == SOURCE_LANGUAGE
    lines: list[str] = []
    for result in results:
        total = len(result.grid)
        lines += [f"## {_md(result.source.title)}", ""]
        lines += [f"- {_md(line)}" for line in _header(result)]
        lines += ["", "### " + _("Answers by reading"), ""]
        head = [
            _("readings"),
            *(f"`{_plain(p.definition.id)}`" for p in result.properties),
            _("where"),
        ]
        rows = [
            [
                str(len(g.readings)),
                *(a.value if english else _answer(a) for a in g.answers),
                _md(g.describe()),
            ]
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
            lines += [_("{counts} readings").format(counts=_counts(prop, total)) + ".", ""]
            for labels, readings in _paths(prop):
                shortest = (
                    _("Shortest witness ({count} steps), readings {readings}:")
                    if p.form.value == "reachable"
                    else _("Shortest counterexample ({count} steps), readings {readings}:")
                )
                lines += [shortest.format(count=len(labels), readings=_numbers(readings)), ""]
                lines += [f"1. {_md(label)}" for label in labels] or ["- " + _("the start itself")]
                lines.append("")
        if result.reading_keys:
            lines += ["### " + _("Readings"), ""]
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
            "### "
            + _("Provisions never cited ({count} of {total})").format(
                count=len(never), total=len(result.law.provisions)
            ),
            "",
            _md(", ".join(never)) if never else _("none"),
            "",
        ]
    said = unofficial(_LANG.get())
    if said is not None:
        lines += [f"*{_md(said.text)}*", ""]
    return "\n".join(lines)
