"""A run result as Markdown: tables a researcher can paste into a paper."""

from __future__ import annotations

from typing import Any

from powcase.render.text import words
from powcase.scenario.result import due_text, obligation_note, standing_entries

__all__ = ["render_markdown"]


def _cell(value: Any) -> str:
    if isinstance(value, list):
        text = ", ".join(map(str, value))
    else:
        text = words(value) if isinstance(value, dict) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(data: dict[str, Any]) -> str:
    """The run result as Markdown.

    ``data`` is a run's JSON form (``RunResult.to_dict``), redacted as the caller chose.
    """
    title = data["scenario"] + (f" (variant: {data['variant']})" if data["variant"] else "")
    named = f" ({data['subject']['name']})" if "name" in data["subject"] else ""
    lines = [
        f"## {title}",
        "",
        (
            f"Subject `{data['subject']['id']}`{named}, held by "
            f"{data['detaining_power']}, {data['mode']} mode, as of "
            f"{data['as_of']}. State: `{', '.join(data['state'])}`."
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
                s["outcome"] if s["kind"] == "machine" else "fact",
                "yes" if s["applied"] else "no",
                s["cites"],
            ]
            for s in data["steps"]
        ],
    )
    if data["verdicts"]:
        lines += ["", "### What if", ""]
        lines += _table(
            ["step", "outcome", "cites", "open"],
            [
                [
                    ", ".join(f"{k}: {v}" for k, v in v["event"].items()),
                    v["outcome"],
                    v["cites"],
                    [m["fact"] for m in v["missing"]],
                ]
                for v in data["verdicts"]
            ],
        )
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
            ["#", "date", "event", "kind", "by", "cites"],
            [
                [
                    v["index"],
                    v["date"],
                    v["event"]["event"],
                    "possible" if v in data["possible_violations"] else "violation",
                    v["state"],
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
    lines += [f"- {f['check']}: expected {f['expected']}, got {f['got']}" for f in failed]
    return "\n".join(lines) + "\n"


def _status(duty: dict[str, Any]) -> str:
    """An obligation's status, overdue in bold, with what qualifies it."""
    status = f"**{duty['status']}**" if duty["status"] == "overdue" else duty["status"]
    note = obligation_note(duty)
    return f"{status} ({note})" if note else status
