"""The case report: one self-contained HTML page that works offline and prints well.

No script, style sheet, font or image is fetched from anywhere: the styles are inline, the path
he took is an inline SVG drawn by powcase itself, and the whole chart, a secondary view, is
an inline SVG drawn by Graphviz (or, without it, a sentence saying what is missing).
Every citation links to the official text of its provision. Variants of a scenario appear side
by side. The subject's name appears only when asked for.
"""

from __future__ import annotations

import contextvars
import html
import re
from collections.abc import Sequence
from typing import Any

from powcase._util.i18n import SOURCE_LANGUAGE, gettext_for, resolve, unofficial
from powcase._util.redact import checked_flag, checked_level, redact
from powcase.law import translated
from powcase.law.book import Law
from powcase.law.concerns import CONCERNS
from powcase.law.provisions import PROVISIONS
from powcase.law.rules import gravity
from powcase.render.diagram import INSTALL_GRAPHVIZ, Trace, diagram, graphviz_missing
from powcase.render.open_points import open_point
from powcase.render.path_drawing import path_svg
from powcase.render.text import overlays_line, rests_on_lines, words
from powcase.render.vocabulary import OUTCOMES, SEVERITIES, STATUSES, state_names
from powcase.scenario.in_language import in_language
from powcase.scenario.outcome import StepOutcome, breach_words, step_outcome
from powcase.scenario.rests_on import annotated
from powcase.scenario.result import RunResult, due_text, obligation_note, standing_entries

__all__ = ["CONTENT_SECURITY_POLICY", "render_report"]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
"""The page's policy, a second line of defence behind escaping: no script runs, nothing is
fetched (the styles are inline), no form is sent and no base address is changed."""

_STYLE = """
:root { --ink:#1f2937; --muted:#6b7280; --line:#e5e7eb; --ok:#15803d; --no:#b91c1c;
        --open:#b45309; --crit:#7f1d1d; --high:#b91c1c; --med:#b45309; --low:#0369a1; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       margin: 0 auto; padding: 2rem; max-width: 110rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem;
border-bottom: 1px solid var(--line); padding-bottom: .2rem; } h3 { margin: 0 0 .4rem; }
.muted { color: var(--muted); } .notice { border-left: 4px solid var(--open);
  background: #fffbeb; padding: .5rem .8rem; margin: 1rem 0; }
.runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(34rem, 1fr));
        gap: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
         border-bottom: 1px solid var(--line); }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .8rem;
         font-weight: 600; color: white; white-space: nowrap; }
.allowed { background: var(--ok); } .refused { background: var(--no); }
.undetermined { background: var(--open); } .recorded { background: var(--muted); }
.violation { background: var(--crit); }
.badge.not-yet { background: none; color: var(--muted); border: 1px dashed var(--muted); }
.critical { background: var(--crit); } .high { background: var(--high); }
.medium { background: var(--med); } .low { background: var(--low); }
.overdue { color: var(--no); font-weight: 700; }
ul.reasons { margin: .2rem 0 0; padding-left: 1.1rem; font-size: .88rem; }
a { color: #1d4ed8; } .diagram svg { max-width: 100%; height: auto; }
.diagram svg.path-drawing { width: 100%; max-width: 56rem; display: block; }
details.chart { margin: .8rem 0; } details.chart summary { cursor: pointer; font-weight: 600; }
details.chart svg { max-width: 100%; height: auto; }
details.chart pre { white-space: pre-wrap; font-size: .75rem; }
@media print {
  body { padding: 0; font-size: 11pt; } .runs { display: block; }
  section, tr, figure { break-inside: avoid; } a { color: inherit; text-decoration: none; }
  .badge { border: 1px solid #000; color: #000; background: none; }
}
"""


_FONTS = """
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR",
  "Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans", "DejaVu Sans", sans-serif; }
"""
"""The fonts of a page in Korean or Ukrainian: common system fonts with Hangul and Cyrillic,
none embedded (the English page keeps its own)."""

_LANG: contextvars.ContextVar[str] = contextvars.ContextVar("report_lang", default=SOURCE_LANGUAGE)
"""The language of the page being written (set by :func:`render_report`)."""


def _(message: str) -> str:
    """``message`` in the page's language."""
    return gettext_for(_LANG.get())(message)


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _text(item: dict[str, Any]) -> str:
    """The law's text of a reason, flag or obligation, escaped; one shown in English for want
    of a translation is tagged as English (and marked so in the page's language).
    """
    english = item.get("text_en")
    if english is None:
        return _e(item["text"])
    mark = item["text"][len(str(english)) :]
    return f"<span lang='en'>{_e(english)}</span>{_e(mark)}"


def _cites(cites: Sequence[str]) -> str:
    lang = _LANG.get()
    links = []
    for cite in cites:
        provision = PROVISIONS.get(cite)
        if provision is None:
            links.append(_e(cite))
            continue
        said = (
            provision.paraphrase
            if lang == SOURCE_LANGUAGE
            else translated.provision(Law.packaged(), cite, lang).text
        )
        links.append(f'<a href="{_e(provision.url)}" title="{_e(said)}">{_e(cite)}</a>')
    return ", ".join(links)


def _pairs(values: dict[str, Any], skip: str = "") -> str:
    """``key value`` pairs for a line of text: booleans as true and false, and an open point's
    ``contested: false`` left out.
    """
    return ", ".join(
        f"{key} {words(value)}"
        for key, value in values.items()
        if key != skip and not (key == "contested" and value is False)
    )


def _badge(kind: str, text: str | None = None) -> str:
    return f'<span class="badge {_e(kind)}">{_e(text or kind)}</span>'


def _reading(reason: dict[str, Any]) -> str:
    reading = reason.get("reading")
    if not reading:
        return ""
    option = reading["option"]
    shown = str(option).lower() if isinstance(option, bool) else str(option)
    later = _("; a later source") if reason.get("params", {}).get("later_source") else ""
    return _e(
        _(" (reading: {assumption} {option}{later})").format(
            assumption=reading["assumption"], option=shown, later=later
        )
    )


def _reasons(
    reasons: Sequence[dict[str, Any]],
    missing: Sequence[dict[str, Any]],
    *,
    basis: bool,
    judged: dict[str, Any] | None = None,
    seen: StepOutcome | None = None,
) -> str:
    """The reasons shown, the breaches found (``seen``), what the verdict rests on
    (``judged``'s ``rests_on``) and the open points in words, as one list.
    """
    items = [
        f"<li>{_text(r)} <span class='muted'>{_cites(r['cites'])}{_reading(r)}</span></li>"
        for r in reasons
        if basis or r["kind"] in ("prohibition", "precondition", "graph")
    ]
    items += [
        f"<li><b>{_e(breach_words(b, judged or {'reasons': []}, _LANG.get()))}</b> "
        f"<span class='muted'>{_cites(StepOutcome.cites_of(b))}</span></li>"
        for b in (seen.breaches if seen else ())
    ]
    if judged is not None:
        lines = rests_on_lines(judged, _LANG.get())
        items += [f"<li class='muted'>{_e(line)}</li>" for line in lines]
    items += [
        f"<li>{_e(_('open: {point}').format(point=open_point(m, _LANG.get())))}</li>"
        for m in missing
    ]
    return f"<ul class='reasons'>{''.join(items)}</ul>" if items else ""


def _timeline(run: dict[str, Any]) -> str:
    rows = []
    for step in run["steps"]:
        fields = _pairs(step["fields"])
        seen = step_outcome(run, step["index"], _LANG.get())
        reasons = _reasons(
            step["reasons"], step["missing"], basis=step["applied"], judged=step, seen=seen
        )
        cites = list(dict.fromkeys([*step["cites"], *seen.breach_cites]))
        rows.append(
            f"<tr><td>{_e(step['date'])}</td><td><b>{_e(step['event'])}</b> "
            f"<span class='muted'>{_e(fields)}</span>{reasons}</td>"
            f"<td>{_badge(seen.key, seen.label)}</td><td>{_cites(cites)}</td></tr>"
        )
    for later in run.get("not_yet", ()):
        # Time travel: dated after the as-of date, so listed but neither judged nor counted.
        rows.append(
            f"<tr class='not-yet'><td>{_e(later['date'])}</td><td><b>{_e(later['event'])}</b> "
            f"<span class='muted'>{_e(_pairs(later['fields']))}</span></td>"
            f"<td>{_badge('not-yet', _('not yet happened'))}</td><td></td></tr>"
        )
    return (
        "<table class='timeline'><thead><tr><th>" + _("date") + "</th><th>" + _("step") + "</th>"
        "<th>" + _("outcome") + "</th><th>" + _("cites") + f"</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _verdicts(run: dict[str, Any]) -> str:
    if not run["verdicts"]:
        return ""
    rows = []
    for asked in run["verdicts"]:
        event = _pairs(asked["event"], skip="event")
        rows.append(
            f"<tr><td><b>{_e(asked['event']['event'])}</b> {_e(event)}"
            f"{_reasons(asked['reasons'], asked['missing'], basis=False, judged=asked)}</td>"
            f"<td>{_badge(asked['outcome'], _(OUTCOMES[asked['outcome']]))}</td>"
            f"<td>{_cites(asked['cites'])}</td></tr>"
        )
    heading = _e(_("What if, on {date}?").format(date=run["as_of"]))
    return f"<h2>{heading}</h2><table><tbody>{''.join(rows)}</tbody></table>"


def _flags(run: dict[str, Any]) -> str:
    standing = sorted(standing_entries(run), key=lambda f: gravity(f["severity"]))
    if not standing:
        return "<h2>" + _("Flags") + "</h2><p class='muted flags'>" + _("No flag stands.") + "</p>"
    rows = []
    for flag in standing:
        raised = [CONCERNS[c] for c in flag["concerns"] if c in CONCERNS]
        who = "; ".join(
            f'<a href="{_e(c.url)}">{_e(c.organisation)}, {c.date.isoformat()}</a>' for c in raised
        )
        since = _("since {date}, events {events}").format(
            date=flag["since"], events=", ".join(map(str, flag["because"]))
        )
        raised_by = _("; raised by {who}").format(who=who) if who else ""
        rows.append(
            f"<tr><td>{_badge(flag['severity'], _(SEVERITIES[flag['severity']]))}</td>"
            f"<td><b>{_e(flag['code'])}</b>"
            f"<br>{_text(flag)}<br><span class='muted'>{_e(since)}"
            f"{raised_by}</span></td>"
            f"<td>{_cites(flag['cites'])}</td></tr>"
        )
    return (
        "<h2>" + _("Flags, gravest first") + f"</h2>"
        f"<table class='flags'><tbody>{''.join(rows)}</tbody></table>"
    )


def _docket(run: dict[str, Any]) -> str:
    if not run["obligations"]:
        return ""
    rows = []
    for duty in run["obligations"]:
        status = duty["status"]
        mark = "overdue" if status == "overdue" else ""
        lang = _LANG.get()
        rows.append(
            f"<tr><td>{_e(duty['code'])}<br><span class='muted'>{_text(duty)}"
            f"</span></td><td>{_cites([duty['provision']])}</td>"
            f"<td>{_e(due_text(duty, lang))}</td><td class='{mark}'>{_e(_(STATUSES[status]))}"
            f"{' (' + _e(note) + ')' if (note := obligation_note(duty, lang)) else ''}</td></tr>"
        )
    heading = _e(_("Docket as of {date}").format(date=run["as_of"]))
    return (
        f"<h2>{heading}</h2><table class='docket'><thead><tr>"
        f"<th>" + _("obligation") + "</th><th>" + _("provision") + "</th><th>" + _("due") + "</th>"
        "<th>" + _("status") + f"</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _violations(run: dict[str, Any]) -> str:
    found = [(_("violation"), v) for v in run["violations"]]
    found += [(_("possible violation"), v) for v in run["possible_violations"]]
    if not found:
        return ""
    rows = [
        f"<tr><td>{_e(v['date'])}</td><td><b>{_e(v['event']['event'])}</b> "
        + _e(_("({kind}, by {state})").format(kind=kind, state=v["state"]))
        + f"{_reasons(v['reasons'], [], basis=True)}</td><td>{_cites(v['cites'])}</td></tr>"
        for kind, v in found
    ]
    return "<h2>" + _("Violations") + f"</h2><table><tbody>{''.join(rows)}</tbody></table>"


_GRAPHVIZ_NOISE = re.compile(r"<!--.*?-->|<title>.*?</title>", re.DOTALL)
"""Graphviz's comments and tooltips, which name the chart's internal ids."""


def _chart(trace: Trace) -> str:
    """The whole chart with his path on it, folded away: drawn by Graphviz, or, where it
    cannot be, a sentence saying what is missing and the Mermaid text folded further.
    """
    missing = graphviz_missing()
    if missing is None:
        svg = diagram(trace, "svg")
        text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
        # Keep the <svg> element only: the XML prologue and doctype are not HTML.
        body = _GRAPHVIZ_NOISE.sub("", text[text.index("<svg") :])
    else:
        said = _("The whole chart is not drawn here: {missing}. To draw it, {install}.")
        body = (
            f"<p class='muted chart-missing'>"
            f"{_e(said.format(missing=missing, install=INSTALL_GRAPHVIZ))}</p>"
            f"<details><summary>" + _("The chart as Mermaid text") + f"</summary>"
            f"<pre>{_e(diagram(trace, 'mermaid'))}</pre></details>"
        )
    return (
        "<details class='chart'><summary>"
        + _("The whole chart, with his path on it")
        + f"</summary>"
        f"{body}</details>"
    )


def _path(run: dict[str, Any], trace: Trace) -> str:
    """The path he took, drawn large, then the whole chart as a secondary view."""
    drawn = path_svg(run["steps"], run["state"], lang=_LANG.get())
    caption = _(
        "From top to bottom: where he was and the steps that moved him, with their dates; "
        "highlighted: where he is now; red: what the law refused."
    )
    return (
        "<h2>" + _("The path") + f"</h2><figure class='diagram path'>{drawn}"
        f"<figcaption class='muted'>{caption}</figcaption></figure>{_chart(trace)}"
    )


def _run(run: dict[str, Any], trace: Trace) -> str:
    subject = _e(run["subject"]["id"])
    if "name" in run["subject"]:
        subject += f" ({_e(run['subject']['name'])})"
    title = _e(run["variant"] or _("as recorded"))
    assumptions = "".join(
        f"<tr><td>{_e(k)}</td><td>{_e(words(v))}</td></tr>" for k, v in run["assumptions"].items()
    )
    states = ", ".join(state_names(run["state"], _LANG.get()))
    about = _(
        "Subject <b>{subject}</b>, held by {power}, {mode} mode. State: <b>{states}</b>."
    ).format(
        subject=subject,
        power=_e(run["detaining_power"]),
        mode=_e(run["mode"]),
        states=_e(states),
    )
    reading = _("Reading: {title}").format(title=title)
    timeline, assumed = _("Timeline"), _("Assumptions")
    return (
        f"<section class='run'><h3>{reading}</h3><p>{about}</p>"
        f"<h2>{timeline}</h2>{_timeline(run)}{_verdicts(run)}{_flags(run)}{_docket(run)}"
        f"{_violations(run)}"
        f"{_path(run, trace)}"
        f"<h2>{assumed}</h2><table><tbody>{assumptions}</tbody></table></section>"
    )


def _claims(head: dict[str, Any]) -> str:
    disagree = _(" (sources disagree)")
    claims = "".join(
        f"<li>{_e(c['about'])}{disagree if c['contested'] else ''}: "
        + "; ".join(f"{_e(v['value'])} ({_e(v['source'])}, {_e(v['date'])})" for v in c["values"])
        + "</li>"
        for c in head["claims"]
    )
    return "<h2>" + _("Claims kept side by side") + f"</h2><ul>{claims}</ul>" if claims else ""


def _scenario(
    results: Sequence[RunResult], reveal_names: bool, redaction: str, heading: str, law: Law
) -> str:
    runs = []
    for result in results:
        # Redacted before it is drawn: the diagram's notes obey the level as the tables do.
        plain = in_language(result.to_dict(reveal_names=reveal_names), law, _LANG.get())
        data = redact(plain, redaction)
        data = annotated(data, result)
        runs.append(_run(data, Trace.of_steps(data["steps"], data["state"])))
    head = redact(results[0].to_dict(reveal_names=reveal_names), redaction)
    return (
        f"<section class='scenario'><{heading}>{_e(head['scenario'])}</{heading}>"
        + (
            f"<p class='description'>{_e(' '.join(head['description'].split()))}</p>"
            if head.get("description")
            else ""
        )
        + "<p class='muted'>"
        + _e(_("Evaluated as of {date}.").format(date=head["as_of"]))
        + "</p>"
        f"<div class='runs'>{''.join(runs)}</div>{_claims(head)}</section>"
    )


def render_report(
    results: Sequence[RunResult],
    *,
    reveal_names: bool = False,
    redaction: str = "none",
    lang: str = SOURCE_LANGUAGE,
    law: Law | None = None,
) -> str:
    """One HTML page for the runs of a file: each scenario with its variants side by side.

    In ``lang``: its headings and phrases, and the law's texts as ``law`` (the packaged law
    by default) words them, with the notice that the translation is unofficial.
    """
    if not results:
        raise ValueError("a report needs at least one run")
    checked_flag("reveal_names", reveal_names)
    checked_level("redaction", redaction)
    token = _LANG.set(resolve(lang))
    try:
        return _page(results, reveal_names, redaction, law or Law.packaged())
    finally:
        _LANG.reset(token)


def _page(results: Sequence[RunResult], reveal_names: bool, redaction: str, law: Law) -> str:
    lang = _LANG.get()
    groups: dict[tuple[str, str], list[RunResult]] = {}
    for result in results:
        groups.setdefault((result.file, result.scenario), []).append(result)
    single = len(groups) == 1
    first = results[0].to_dict(reveal_names=reveal_names)
    title = _e(first["scenario"] if single else results[0].file.rsplit("/", 1)[-1])
    generated = first["generated_by"]
    sections = "".join(
        _scenario(runs, reveal_names, redaction, "h1" if single else "h2", law)
        for runs in groups.values()
    )
    made = _("powcase {version}, legal model {model}, law data of {date}.").format(
        version=_e(generated["powcase"]),
        model=_e(generated["model"]),
        date=_e(generated["law_data"]),
    )
    applied = {
        o["path"]: o
        for result in results
        for o in result.to_dict(reveal_names=reveal_names)["generated_by"].get("overlays", ())
    }
    overlays = overlays_line(list(applied.values()), lang)
    if overlays is not None:
        made += " " + _e(overlays)
    advice = _(
        "Not legal advice: a research and teaching model of contested law. "
        "Its readings of open questions are assumptions, shown with each run."
    )
    said = unofficial(lang)
    notice = f"<p class='notice unofficial'>{_e(said.text)}</p>" if said else ""
    style = _STYLE if lang == SOURCE_LANGUAGE else _STYLE + _FONTS
    page = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_SECURITY_POLICY}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{style}</style></head><body>"
        f"<header>{'' if single else f'<h1>{title}</h1>'}"
        f"<p class='muted'>{made}</p>"
        f"<p class='notice'>{advice}</p>{notice}</header>"
        f"{sections}</body></html>\n"
    )
    return re.sub(r"\n\s*\n", "\n", page)


def report(
    results: RunResult | Sequence[RunResult],
    *,
    reveal_names: bool = False,
    redaction: str = "none",
    lang: str = SOURCE_LANGUAGE,
) -> str:
    """One self-contained HTML page for a run result, or for the runs of a file side by side.

    The subject's name is shown only with ``reveal_names``; ``redaction="strict"`` also
    withholds what could identify him with other data. ``lang`` is the page's language
    (``en``, ``ko`` or ``uk``; the translations are unofficial and the page says so).
    """
    runs = [results] if isinstance(results, RunResult) else list(results)
    return render_report(runs, reveal_names=reveal_names, redaction=redaction, lang=lang)
