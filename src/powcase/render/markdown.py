"""A run result as Markdown: tables a researcher can paste into a paper.

Every value from a scenario is escaped: raw HTML, links, images, headings, code spans and
table cells cannot be opened by a title, an id, a place or a claim, and control characters
and bidi overrides are shown as escapes.
"""

from __future__ import annotations

from typing import Any

from powcase._util.escape import code_span, markdown_text
from powcase._util.readable import phrase
from powcase.render.open_points import open_point
from powcase.render.text import rests_on_lines, words
from powcase.scenario.outcome import step_outcome
from powcase.scenario.result import due_text, obligation_note, standing_entries

__all__ = ["render_markdown"]


class _Markup(str):
    """Markdown we wrote ourselves (``**overdue**``): put in a cell as it is."""

    __slots__ = ()


def _cell(value: Any) -> str:
    if isinstance(value, _Markup):
        return value
    if isinstance(value, list):
        text = ", ".join(map(str, value))
    else:
        text = words(value) if isinstance(value, dict) else str(value)
    return markdown_text(text)


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(data: dict[str, Any]) -> str:
    """The run result as Markdown.

    ``data`` is a run's JSON form (``RunResult.to_dict``), redacted as the caller chose.
    """
    title = data["scenario"] + (f" (variant: {data['variant']})" if data["variant"] else "")
    named = f" ({markdown_text(data['subject']['name'])})" if "name" in data["subject"] else ""
    about = data.get("description")
    lines = [
        f"## {markdown_text(title)}",
        "",
        *([markdown_text(" ".join(about.split())), ""] if about else []),
        (
            f"Subject {code_span(data['subject']['id'])}{named}, held by "
            f"{markdown_text(data['detaining_power'])}, {markdown_text(data['mode'])} mode, "
            f"as of {markdown_text(data['as_of'])}. "
            f"State: {code_span(', '.join(data['state']))}."
        ),
        "",
        "### Timeline",
        "",
    ]
    lines += _table(
        ["#", "date", "event", "outcome", "applied", "cites"],
        [
            [
                s["index"],
                s["date"],
                s["event"],
                step_outcome(data, s["index"]).label,
                "yes" if s["applied"] else "no",
                list(dict.fromkeys([*s["cites"], *step_outcome(data, s["index"]).breach_cites])),
            ]
            for s in data["steps"]
        ]
        # Time travel: events after the as-of date, listed but neither judged nor counted.
        + [
            [e["index"], e["date"], e["event"], "not yet happened", "", []]
            for e in data.get("not_yet", ())
        ],
    )
    if data["verdicts"]:
        lines += ["", "### What if", ""]
        lines += _table(
            ["step", "outcome", "cites", "open"],
            [
                [
                    phrase(v["event"]["event"], _without(v["event"], "event")),
                    v["outcome"],
                    v["cites"],
                    "; ".join(open_point(m) for m in v["missing"]),
                ]
                for v in data["verdicts"]
            ],
        )
    lines += _rests_on(data)
    flags = standing_entries(data)
    if flags:
        lines += ["", "### Flags", ""]
        lines += _table(
            ["severity", "flag", "since", "events", "cites"],
            [[f["severity"], f["code"], f["since"], f["because"], f["cites"]] for f in flags],
        )
    if data["obligations"]:
        lines += ["", "### Docket", ""]
        lines += _table(
            ["obligation", "provision", "due", "status"],
            [
                [
                    o["code"],
                    o["provision"],
                    due_text(o),
                    _status(o),
                ]
                for o in data["obligations"]
            ],
        )
    violations = data["violations"] + data["possible_violations"]
    if violations:
        lines += ["", "### Violations", ""]
        lines += _table(
            ["#", "date", "event", "kind", "by", "why", "cites"],
            [
                [
                    v["index"],
                    v["date"],
                    v["event"]["event"],
                    "possible" if v in data["possible_violations"] else "violation",
                    v["state"],
                    " ".join(r["text"] for r in v["reasons"]),
                    v["cites"],
                ]
                for v in violations
            ],
        )
    failed = data["expectations"]["failed"]
    lines += [
        "",
        f"Expectations: {data['expectations']['passed']} passed, {len(failed)} failed.",
        "",
    ]
    lines += [
        f"- {markdown_text(f['check'])}: expected {markdown_text(f['expected'])}, "
        f"got {markdown_text(f['got'])}"
        for f in failed
    ]
    return "\n".join(lines) + "\n"


def _without(values: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != key}


def _rests_on(data: dict[str, Any]) -> list[str]:
    """What each verdict rests on and which other readings would change it, as a list."""
    items = []
    for step in data["steps"]:
        relied = rests_on_lines(step)
        if relied:
            items.append(f"- step {step['index']} ({step['event']}): " + "; ".join(relied))
    for asked in data["verdicts"]:
        relied = rests_on_lines(asked)
        if relied:
            what = phrase(asked["event"]["event"], _without(asked["event"], "event"))
            items.append(f"- what if {what}: " + "; ".join(relied))
    if not items:
        return []
    return ["", "### What the verdicts rest on", "", *(markdown_text(i) for i in items)]


def _status(duty: dict[str, Any]) -> str:
    """An obligation's status, overdue in bold, with what qualifies it."""
    status = markdown_text(duty["status"])
    status = f"**{status}**" if duty["status"] == "overdue" else status
    note = obligation_note(duty)
    return _Markup(f"{status} ({markdown_text(note)})" if note else status)
