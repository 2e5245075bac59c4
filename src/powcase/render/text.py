r"""A run result as text a person reads in a terminal: a dated timeline of steps with their
outcome, the verdicts asked, the flags by severity, the docket with overdue items marked,
violations, claims, and the assumptions used. Colour only where asked (a terminal, no
``NO_COLOR``). Every value is put on its line with control characters, escape sequences and
bidi overrides shown as escapes (``\x1b``), so a scenario cannot write to the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from powcase._util.escape import neutral_data
from powcase._util.readable import pairs, phrase, words
from powcase.law.concerns import CONCERNS
from powcase.law.rules import gravity
from powcase.render.open_points import open_point
from powcase.scenario.outcome import StepOutcome, breach_words, step_outcome
from powcase.scenario.result import due_text, obligation_note, standing_entries

__all__ = ["render_text", "rests_on_lines", "words"]

_COLOURS = {
    "allowed": "32",
    "refused": "31",
    "undetermined": "33",
    "critical": "1;31",
    "high": "31",
    "medium": "33",
    "low": "36",
    "overdue": "1;31",
    "met": "32",
    "pending": "33",
    "lapsed": "2",
    "title": "1",
    "dim": "2",
    "fail": "1;31",
    "pass": "32",
    "recorded": "2",
    "violation": "1;31",
}


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, key: str) -> str:
        code = _COLOURS.get(key)
        return f"\033[{code}m{text}\033[0m" if self.colour and code else text


def _cites(cites: Iterable[str]) -> str:
    listed = ", ".join(cites)
    return f"[{listed}]" if listed else ""


def _reason(reason: dict[str, Any]) -> str:
    """A reason's line: its sentence, its citations, and the reading it applies, if any."""
    reading = reason.get("reading")
    # A source later than the step (the 2020 commentary on a 1954 release) is read back.
    later = "; a later source" if reason.get("params", {}).get("later_source") else ""
    read = (
        f" (reading: {reading['assumption']} {words(reading['option'])}{later})" if reading else ""
    )
    return f"      - {reason['text']} {_cites(reason['cites'])}".rstrip() + read


def _timeline(result: dict[str, Any], style: _Style) -> list[str]:
    lines = [style("Timeline", "title")]
    for step in result["steps"]:
        seen = step_outcome(result, step["index"])
        shown = f"{seen.mark} {seen.label}"
        status = style(shown.ljust(13) if len(shown) < 13 else f"{shown} ", seen.key)
        lines.append(f"  {step['date']}  {status} {phrase(step['event'], step['fields'])}")
        for reason in step["reasons"]:
            if reason["kind"] in ("prohibition", "precondition", "graph") or not step["applied"]:
                lines.append(_reason(reason))
        lines += _breaches(seen, step)
        lines += _rests_on(step)
        for missing in step["missing"]:
            lines.append(f"      ? open: {open_point(missing)}")
    for later in result.get("not_yet", ()):
        # Time travel: dated after the as-of date, so listed but neither judged nor counted.
        status = style("  not yet    ", "dim")
        lines.append(f"  {later['date']}  {status} {phrase(later['event'], later['fields'])}")
    if result.get("not_yet"):
        lines.append(f"  (events after {result['as_of']} had not happened yet: not judged)")
    return lines


def _breaches(seen: StepOutcome, step: dict[str, Any]) -> list[str]:
    """The breaches found in a step, one line each, with their citations."""
    return [
        f"      ! {breach_words(b, step)} {_cites(seen.cites_of(b))}".rstrip()
        for b in seen.breaches
    ]


def rests_on_lines(judged: dict[str, Any]) -> list[str]:
    """What a verdict rests on and which other readings would change it, in words (empty
    when it rests on no assumption or none was computed).
    """
    relied = judged.get("rests_on")
    if not relied or not relied["assumptions"]:
        return []
    lines = [f"rests on: {pairs(relied['assumptions'])}"]
    changes = relied["would_change"]
    if not changes:
        lines.append("no other option of these changes the outcome")
    lines += [
        f"under {c['assumption']} {words(c['option'])} it would be: {c['outcome']}"
        for c in changes
    ]
    return lines


def _rests_on(judged: dict[str, Any]) -> list[str]:
    return [f"      ~ {line}" for line in rests_on_lines(judged)]


def _verdicts(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["verdicts"]:
        return []
    lines = ["", style(f"What if, on {result['as_of']}?", "title")]
    for asked in result["verdicts"]:
        event = dict(asked["event"])
        name = event.pop("event")
        outcome = asked["outcome"]
        lines.append(f"  {phrase(name, event)}: {style(outcome, outcome)}")
        for reason in asked["reasons"]:
            if reason["kind"] != "note":
                lines.append(_reason(reason))
        lines += _rests_on(asked)
        for missing in asked["missing"]:
            lines.append(f"      ? open: {open_point(missing)}")
    return lines


def _flags(result: dict[str, Any], style: _Style) -> list[str]:
    standing = standing_entries(result)
    if not standing:
        return ["", style("Flags", "title"), "  none"]
    lines = ["", style("Flags, gravest first", "title")]
    for flag in sorted(standing, key=lambda f: gravity(f["severity"])):
        severity = style(flag["severity"].upper().ljust(8), flag["severity"])
        because = ", ".join(str(i) for i in flag["because"])
        lines.append(
            f"  {severity} {flag['code']}  since {flag['since']}"
            f"  (events {because})  {_cites(flag['cites'])}"
        )
        lines.append(f"           {flag['text']}")
        raised = [CONCERNS[c] for c in flag["concerns"] if c in CONCERNS]
        if raised:
            who = "; ".join(f"{c.organisation}, {c.date.isoformat()}" for c in raised)
            lines.append(style(f"           raised by {who}", "dim"))
    return lines


def _docket(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["obligations"]:
        return []
    lines = ["", style(f"Docket as of {result['as_of']}", "title")]
    for duty in result["obligations"]:
        status = duty["status"]
        mark = "!" if status == "overdue" else " "
        note = obligation_note(duty)
        extra = f" ({note})" if note else ""
        lines.append(
            f"  {mark} {style(status.ljust(8), status)} {duty['code']:<20} "
            f"{duty['provision']:<10} due {due_text(duty)}{extra}"
        )
    return lines


def _violations(result: dict[str, Any], style: _Style) -> list[str]:
    lines = []
    for key, title in (
        ("violations", "Violations"),
        ("possible_violations", "Possible violations"),
    ):
        if result[key]:
            lines += ["", style(title, "title")]
            for v in result[key]:
                lines.append(
                    f"  {v['date']}  {v['event']['event']} (event {v['index']}), by {v['state']}"
                )
                lines += [_reason(r) for r in v["reasons"]]
    return lines


def _claims(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["claims"]:
        return []
    lines = ["", style("Claims", "title")]
    for group in result["claims"]:
        contested = " (sources disagree)" if group["contested"] else ""
        lines.append(f"  {group['about']}{contested}")
        lines += [
            f"      {v['value']}  ({v['source'] or 'no source'}, {v['date']})"
            for v in group["values"]
        ]
    return lines


def render_text(data: dict[str, Any], *, colour: bool = False) -> str:
    """The run result as text.

    ``data`` is a run's JSON form (``RunResult.to_dict``), redacted as the caller chose.
    """
    about = " ".join((data.get("description") or "").split())  # a YAML block ends in a newline
    data = neutral_data(data)
    style = _Style(colour)
    title = data["scenario"] + (f"  [variant: {data['variant']}]" if data["variant"] else "")
    subject = data["subject"]["id"] + (
        f" ({data['subject']['name']})" if "name" in data["subject"] else ""
    )
    about = neutral_data(about)
    lines = [
        style(title, "title"),
        *(textwrap.wrap(about, 96, initial_indent="  ", subsequent_indent="  ") if about else []),
        (
            f"  subject {subject} · held by {data['detaining_power']} · "
            f"{data['mode']} · as of {data['as_of']}"
        ),
        f"  state: {' · '.join(data['state'])}",
        "",
        *_timeline(data, style),
        *_verdicts(data, style),
        *_flags(data, style),
        *_docket(data, style),
        *_violations(data, style),
        *_claims(data, style),
        "",
        style("Assumptions", "title"),
        "  "
        + ", ".join(
            f"{k}={str(v).lower() if isinstance(v, bool) else v}"
            for k, v in data["assumptions"].items()
        ),
        "",
    ]
    failed = data["expectations"]["failed"]
    summary = f"Expectations: {data['expectations']['passed']} passed, {len(failed)} failed"
    lines.append(style(summary, "fail" if failed else "pass"))
    lines += [f"  x {f['check']}: expected {f['expected']}, got {f['got']}" for f in failed]
    return "\n".join(lines) + "\n"
