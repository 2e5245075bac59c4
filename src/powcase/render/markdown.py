"""A run result as Markdown: tables a researcher can paste into a paper.

Every value from a scenario is escaped: raw HTML, links, images, headings, code spans and
table cells cannot be opened by a title, an id, a place or a claim, and control characters
and bidi overrides are shown as escapes.
"""

from __future__ import annotations

from typing import Any

from powcase._util.escape import code_span, markdown_text
from powcase._util.i18n import SOURCE_LANGUAGE, Gettext, gettext_for, unofficial
from powcase._util.readable import phrase
from powcase.law.rules import gravity
from powcase.render.open_points import open_point
from powcase.render.text import overlays_line, rests_on_lines, words
from powcase.render.vocabulary import OUTCOMES, SEVERITIES, STATUSES, state_names
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


def render_markdown(
    data: dict[str, Any], *, lang: str = SOURCE_LANGUAGE, notice: bool = True
) -> str:
    """The run result as Markdown, in ``lang``.

    ``data`` is a run's JSON form (``RunResult.to_dict``), redacted as the caller chose; in
    another language than English, as :func:`~powcase.scenario.in_language.in_language` gives
    it. A translated text ends with the notice that the translation is unofficial, unless
    ``notice`` is False; it also gives each flag's and obligation's text, which the English
    tables leave to their codes.
    """
    _ = gettext_for(lang)
    translated = lang != SOURCE_LANGUAGE
    title = data["scenario"] + (
        _(" (variant: {variant})").format(variant=data["variant"]) if data["variant"] else ""
    )
    named = f" ({markdown_text(data['subject']['name'])})" if "name" in data["subject"] else ""
    about = data.get("description")
    lines = [
        f"## {markdown_text(title)}",
        "",
        *([markdown_text(" ".join(about.split())), ""] if about else []),
        _(
            "Subject {subject}{named}, held by {power}, {mode} mode, as of {date}. "
            "State: {states}."
        ).format(
            subject=code_span(data["subject"]["id"]),
            named=named,
            power=markdown_text(data["detaining_power"]),
            mode=markdown_text(data["mode"]),
            date=markdown_text(data["as_of"]),
            states=(
                markdown_text(", ".join(state_names(data["state"], lang)))
                if translated
                else code_span(", ".join(data["state"]))
            ),
        ),
        "",
    ]
    overlays = overlays_line(data.get("generated_by", {}).get("overlays", ()), lang)
    if overlays is not None:
        lines += [markdown_text(overlays), ""]
    lines += ["### " + _("Timeline"), ""]
    lines += _table(
        [_("#"), _("date"), _("event"), _("outcome"), _("applied"), _("cites")],
        [
            [
                s["index"],
                s["date"],
                s["event"],
                said.label,
                _("yes") if s["applied"] else _("no"),
                list(dict.fromkeys([*s["cites"], *said.breach_cites])),
            ]
            for s in data["steps"]
            for said in (step_outcome(data, s["index"], lang),)
        ]
        # Time travel: events after the as-of date, listed but neither judged nor counted.
        + [
            [e["index"], e["date"], e["event"], _("not yet happened"), "", []]
            for e in data.get("not_yet", ())
        ],
    )
    if translated:
        lines += _reasons(data, _)
    if data["verdicts"]:
        lines += ["", "### " + _("What if"), ""]
        lines += _table(
            [_("step"), _("outcome"), _("cites"), _("open")],
            [
                [
                    phrase(v["event"]["event"], _without(v["event"], "event")),
                    _(OUTCOMES[v["outcome"]]),
                    v["cites"],
                    "; ".join(open_point(m, lang) for m in v["missing"]),
                ]
                for v in data["verdicts"]
            ],
        )
    lines += _rests_on(data, lang)
    flags = standing_entries(data)
    if flags:
        lines += ["", "### " + _("Flags"), ""]
        lines += _table(
            [_("severity"), _("flag"), _("since"), _("events"), _("cites")]
            + ([_("what")] if translated else []),
            [
                [_(SEVERITIES[f["severity"]]), f["code"], f["since"], f["because"], f["cites"]]
                + ([f["text"]] if translated else [])
                for f in sorted(flags, key=lambda f: gravity(f["severity"]))
            ],
        )
    if data["obligations"]:
        lines += ["", "### " + _("Docket"), ""]
        lines += _table(
            [_("obligation"), _("provision"), _("due"), _("status")]
            + ([_("what")] if translated else []),
            [
                [o["code"], o["provision"], due_text(o, lang), _status(o, lang)]
                + ([o["text"]] if translated else [])
                for o in data["obligations"]
            ],
        )
    violations = data["violations"] + data["possible_violations"]
    if violations:
        lines += ["", "### " + _("Violations"), ""]
        lines += _table(
            [_("#"), _("date"), _("event"), _("kind"), _("by"), _("why"), _("cites")],
            [
                [
                    v["index"],
                    v["date"],
                    v["event"]["event"],
                    _("possible") if v in data["possible_violations"] else _("violation"),
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
        _("Expectations: {passed} passed, {failed} failed.").format(
            passed=data["expectations"]["passed"], failed=len(failed)
        ),
        "",
    ]
    lines += [
        "- "
        + _("{check}: expected {expected}, got {got}").format(
            check=markdown_text(f["check"]),
            expected=markdown_text(f["expected"]),
            got=markdown_text(f["got"]),
        )
        for f in failed
    ]
    said = unofficial(lang) if notice else None
    if said is not None:
        lines += ["", f"*{markdown_text(said.text)}*", ""]
    return "\n".join(lines) + "\n"


def _reasons(data: dict[str, Any], _: Gettext) -> list[str]:
    """The reasons of each step the law refused or forbade, as a list (a translated view
    gives them; the English table leaves them to ``explain``).
    """
    items = [
        f"- {step['index']} ({step['event']}): {r['text']} [{', '.join(r['cites'])}]"
        for step in data["steps"]
        for r in step["reasons"]
        if r["kind"] in ("prohibition", "precondition", "graph") or not step["applied"]
    ]
    if not items:
        return []
    return ["", "### " + _("Why"), "", *(markdown_text(i) for i in items)]


def _without(values: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k != key}


def _rests_on(data: dict[str, Any], lang: str) -> list[str]:
    """What each verdict rests on and which other readings would change it, as a list."""
    _ = gettext_for(lang)
    items = []
    for step in data["steps"]:
        relied = rests_on_lines(step, lang)
        if relied:
            items.append(
                "- "
                + _("step {index} ({event}): ").format(index=step["index"], event=step["event"])
                + "; ".join(relied)
            )
    for asked in data["verdicts"]:
        relied = rests_on_lines(asked, lang)
        if relied:
            what = phrase(asked["event"]["event"], _without(asked["event"], "event"))
            items.append("- " + _("what if {step}: ").format(step=what) + "; ".join(relied))
    if not items:
        return []
    return ["", "### " + _("What the verdicts rest on"), "", *(markdown_text(i) for i in items)]


def _status(duty: dict[str, Any], lang: str) -> str:
    """An obligation's status, overdue in bold, with what qualifies it."""
    status = markdown_text(gettext_for(lang)(STATUSES[duty["status"]]))
    status = f"**{status}**" if duty["status"] == "overdue" else status
    note = obligation_note(duty, lang)
    return _Markup(f"{status} ({markdown_text(note)})" if note else status)
