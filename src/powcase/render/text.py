r"""A run result as text a person reads in a terminal: a dated timeline of steps with their
outcome, the verdicts asked, the flags by severity, the docket with overdue items marked,
violations, claims, and the assumptions used. Colour only where asked (a terminal, no
``NO_COLOR``). Every value is put on its line with control characters, escape sequences and
bidi overrides shown as escapes (``\x1b``), so a scenario cannot write to the terminal.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from powcase._util.escape import neutral_data
from powcase._util.i18n import SOURCE_LANGUAGE, Gettext, gettext_for, unofficial
from powcase._util.readable import pairs, phrase, words
from powcase.law import translated
from powcase.law.concerns import CONCERNS
from powcase.law.rules import gravity
from powcase.render.open_points import open_point
from powcase.render.vocabulary import OUTCOMES, SEVERITIES, STATUSES, state_names
from powcase.scenario.outcome import StepOutcome, breach_words, outcome_label, step_outcome
from powcase.scenario.result import due_text, obligation_note, standing_entries

__all__ = ["overlays_line", "render_text", "rests_on_lines", "words"]

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
    def __init__(self, colour: bool, lang: str = SOURCE_LANGUAGE) -> None:
        self.colour = colour
        self.lang = lang
        self.gettext: Gettext = gettext_for(lang)

    def __call__(self, text: str, key: str) -> str:
        code = _COLOURS.get(key)
        return f"\033[{code}m{text}\033[0m" if self.colour and code else text


def _cites(cites: Iterable[str]) -> str:
    listed = ", ".join(cites)
    return f"[{listed}]" if listed else ""


def _reason(reason: dict[str, Any], _: Gettext = str) -> str:
    """A reason's line: its sentence, its citations, and the reading it applies, if any."""
    reading = reason.get("reading")
    # A source later than the step (the 2020 commentary on a 1954 release) is read back.
    later = _("; a later source") if reason.get("params", {}).get("later_source") else ""
    read = (
        _(" (reading: {assumption} {option}{later})").format(
            assumption=reading["assumption"], option=words(reading["option"]), later=later
        )
        if reading
        else ""
    )
    return f"      - {reason['text']} {_cites(reason['cites'])}".rstrip() + read


def _timeline(result: dict[str, Any], style: _Style) -> list[str]:
    _ = style.gettext
    lines = [style(_("Timeline"), "title")]
    for step in result["steps"]:
        seen = step_outcome(result, step["index"], style.lang)
        shown = f"{seen.mark} {seen.label}"
        status = style(shown.ljust(13) if len(shown) < 13 else f"{shown} ", seen.key)
        lines.append(f"  {step['date']}  {status} {_event(step, style.lang)}")
        for reason in step["reasons"]:
            if reason["kind"] in ("prohibition", "precondition", "graph") or not step["applied"]:
                lines.append(_reason(reason, _))
        lines += _breaches(seen, step, style.lang)
        lines += _rests_on(step, style.lang)
        for missing in step["missing"]:
            lines.append(
                "      ? " + _("open: {point}").format(point=open_point(missing, style.lang))
            )
    for later in result.get("not_yet", ()):
        # Time travel: dated after the as-of date, so listed but neither judged nor counted.
        status = style("  " + _pad(_("not yet"), 11), "dim")
        lines.append(f"  {later['date']}  {status} {_event(later, style.lang)}")
    if result.get("not_yet"):
        lines.append(
            "  "
            + _("(events after {date} had not happened yet: not judged)").format(
                date=result["as_of"]
            )
        )
    return lines


def _event(step: dict[str, Any], lang: str) -> str:
    """A step's event as its id and fields (the scenario's words); in a translated view, its
    name in the reader's language first.
    """
    shown = phrase(step["event"], step["fields"])
    if lang == SOURCE_LANGUAGE:
        return shown
    name = translated.event(step["event"], lang).text
    return shown if name == step["event"] else f"{name}: {shown}"


def _breaches(seen: StepOutcome, step: dict[str, Any], lang: str) -> list[str]:
    """The breaches found in a step, one line each, with their citations."""
    return [
        f"      ! {breach_words(b, step, lang)} {_cites(seen.cites_of(b))}".rstrip()
        for b in seen.breaches
    ]


def _changed_outcome(change: dict[str, Any], lang: str) -> str:
    """The outcome another reading would give, in ``lang``: a step's from its parts, an asked
    verdict's from its outcome.
    """
    if change.get("said"):
        kind, outcome, applied, found = change["said"]
        return outcome_label(kind, outcome, applied, found, lang)
    return gettext_for(lang)(OUTCOMES.get(change["outcome"], change["outcome"]))


def rests_on_lines(judged: dict[str, Any], lang: str = SOURCE_LANGUAGE) -> list[str]:
    """What a verdict rests on and which other readings would change it, in words (in
    ``lang``; empty when it rests on no assumption or none was computed).
    """
    _ = gettext_for(lang)
    relied = judged.get("rests_on")
    if not relied or not relied["assumptions"]:
        return []
    lines = [_("rests on: {assumptions}").format(assumptions=pairs(relied["assumptions"]))]
    changes = relied["would_change"]
    if not changes:
        lines.append(_("no other option of these changes the outcome"))
    lines += [
        _("under {assumption} {option} it would be: {outcome}").format(
            assumption=c["assumption"],
            option=words(c["option"]),
            outcome=_changed_outcome(c, lang),
        )
        for c in changes
    ]
    return lines


def _rests_on(judged: dict[str, Any], lang: str) -> list[str]:
    return [f"      ~ {line}" for line in rests_on_lines(judged, lang)]


def _verdicts(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["verdicts"]:
        return []
    _ = style.gettext
    lines = ["", style(_("What if, on {date}?").format(date=result["as_of"]), "title")]
    for asked in result["verdicts"]:
        event = dict(asked["event"])
        name = event.pop("event")
        outcome = asked["outcome"]
        lines.append(f"  {phrase(name, event)}: {style(_(OUTCOMES[outcome]), outcome)}")
        for reason in asked["reasons"]:
            if reason["kind"] != "note":
                lines.append(_reason(reason, _))
        lines += _rests_on(asked, style.lang)
        for missing in asked["missing"]:
            lines.append(
                "      ? " + _("open: {point}").format(point=open_point(missing, style.lang))
            )
    return lines


def _flags(result: dict[str, Any], style: _Style) -> list[str]:
    _ = style.gettext
    standing = standing_entries(result)
    if not standing:
        return ["", style(_("Flags"), "title"), "  " + _("none")]
    lines = ["", style(_("Flags, gravest first"), "title")]
    for flag in sorted(standing, key=lambda f: gravity(f["severity"])):
        shown = _(SEVERITIES[flag["severity"]]).upper()
        severity = style(_pad(shown, 8), flag["severity"])
        because = ", ".join(str(i) for i in flag["because"])
        lines.append(
            f"  {severity} {flag['code']}  "
            + _("since {date}  (events {events})").format(date=flag["since"], events=because)
            + f"  {_cites(flag['cites'])}"
        )
        lines.append(f"           {flag['text']}")
        raised = [CONCERNS[c] for c in flag["concerns"] if c in CONCERNS]
        if raised:
            who = "; ".join(f"{c.organisation}, {c.date.isoformat()}" for c in raised)
            lines.append(style("           " + _("raised by {who}").format(who=who), "dim"))
    return lines


def _docket(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["obligations"]:
        return []
    _ = style.gettext
    lines = ["", style(_("Docket as of {date}").format(date=result["as_of"]), "title")]
    for duty in result["obligations"]:
        status = duty["status"]
        mark = "!" if status == "overdue" else " "
        note = obligation_note(duty, style.lang)
        extra = f" ({note})" if note else ""
        due = _("due {date}").format(date=due_text(duty, style.lang))
        lines.append(
            f"  {mark} {style(_pad(_(STATUSES[status]), 8), status)} {duty['code']:<20} "
            f"{duty['provision']:<10} {due}{extra}"
        )
        if style.lang != SOURCE_LANGUAGE:
            # The English view shows the code; a translated one also says what is owed.
            lines.append(f"           {duty['text']}")
    return lines


def _violations(result: dict[str, Any], style: _Style) -> list[str]:
    _ = style.gettext
    lines = []
    for key, title in (
        ("violations", _("Violations")),
        ("possible_violations", _("Possible violations")),
    ):
        if result[key]:
            lines += ["", style(title, "title")]
            for v in result[key]:
                lines.append(
                    f"  {v['date']}  "
                    + _("{event} (event {index}), by {state}").format(
                        event=v["event"]["event"], index=v["index"], state=v["state"]
                    )
                )
                lines += [_reason(r, _) for r in v["reasons"]]
    return lines


def _claims(result: dict[str, Any], style: _Style) -> list[str]:
    if not result["claims"]:
        return []
    _ = style.gettext
    lines = ["", style(_("Claims"), "title")]
    unsourced = _("no source")
    for group in result["claims"]:
        contested = _(" (sources disagree)") if group["contested"] else ""
        lines.append(f"  {group['about']}{contested}")
        lines += [
            f"      {v['value']}  ({v['source'] or unsourced}, {v['date']})"
            for v in group["values"]
        ]
    return lines


def overlays_line(
    generated: Sequence[Mapping[str, Any]], lang: str = SOURCE_LANGUAGE
) -> str | None:
    """The law overlays applied (``generated_by["overlays"]`` of a run's JSON form), each with
    the entries it added and replaced, in one line in ``lang``; None when there are none.

    >>> overlays_line([{"path": "by.yaml", "added": ["provisions.BY-1"], "replaced": []}])
    'Law overlays applied: by.yaml (added: provisions.BY-1; replaced: none)'
    """
    if not generated:
        return None
    _ = gettext_for(lang)
    none = _("none")
    each = (
        _("{path} (added: {added}; replaced: {replaced})").format(
            path=o["path"],
            added=", ".join(o["added"]) or none,
            replaced=", ".join(o["replaced"]) or none,
        )
        for o in generated
    )
    return _("Law overlays applied: {overlays}").format(overlays="; ".join(each))


def _pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, a wide character (Hangul) taking two."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def render_text(
    data: dict[str, Any], *, colour: bool = False, lang: str = SOURCE_LANGUAGE, notice: bool = True
) -> str:
    """The run result as text, in ``lang``.

    ``data`` is a run's JSON form (``RunResult.to_dict``), redacted as the caller chose; in
    another language than English, as :func:`~powcase.scenario.in_language.in_language` gives
    it (the law's texts translated). A translated text ends with the notice that the
    translation is unofficial, unless ``notice`` is False (the command says it once).
    """
    about = " ".join((data.get("description") or "").split())  # a YAML block ends in a newline
    data = neutral_data(data)
    style = _Style(colour, lang)
    _ = style.gettext
    title = data["scenario"] + (f"  [variant: {data['variant']}]" if data["variant"] else "")
    subject = data["subject"]["id"] + (
        f" ({data['subject']['name']})" if "name" in data["subject"] else ""
    )
    about = neutral_data(about)
    lines = [
        style(title, "title"),
        *(textwrap.wrap(about, 96, initial_indent="  ", subsequent_indent="  ") if about else []),
        "  "
        + _("subject {subject} · held by {power} · {mode} · as of {date}").format(
            subject=subject, power=data["detaining_power"], mode=data["mode"], date=data["as_of"]
        ),
        "  " + _("state: {states}").format(states=" · ".join(state_names(data["state"], lang))),
        "",
        *_timeline(data, style),
        *_verdicts(data, style),
        *_flags(data, style),
        *_docket(data, style),
        *_violations(data, style),
        *_claims(data, style),
        "",
        style(_("Assumptions"), "title"),
        "  "
        + ", ".join(
            f"{k}={str(v).lower() if isinstance(v, bool) else v}"
            for k, v in data["assumptions"].items()
        ),
    ]
    overlays = overlays_line(data.get("generated_by", {}).get("overlays", ()), lang)
    if overlays is not None:
        lines.append("  " + overlays)
    lines.append("")
    failed = data["expectations"]["failed"]
    summary = _("Expectations: {passed} passed, {failed} failed").format(
        passed=data["expectations"]["passed"], failed=len(failed)
    )
    lines.append(style(summary, "fail" if failed else "pass"))
    lines += [
        "  x "
        + _("{check}: expected {expected}, got {got}").format(
            check=f["check"], expected=f["expected"], got=f["got"]
        )
        for f in failed
    ]
    said = unofficial(lang) if notice else None
    if said is not None:
        lines += ["", said.text]
    return "\n".join(lines) + "\n"
