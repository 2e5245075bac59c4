"""The case report: one self-contained HTML page that works offline and prints well.

No script, style sheet, font or image is fetched from anywhere: the styles are inline, the path
he took is an inline SVG drawn by powcase itself, and the whole chart, a secondary view, is
an inline SVG drawn by Graphviz (or, without it, a sentence saying what is missing).
Every citation links to the official text of its provision. Variants of a scenario appear side
by side. The subject's name appears only when asked for.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from powcase._util.redact import checked_flag, checked_level, redact
from powcase.law.concerns import CONCERNS
from powcase.law.provisions import PROVISIONS
from powcase.law.rules import gravity
from powcase.render.diagram import INSTALL_GRAPHVIZ, Trace, diagram, graphviz_missing
from powcase.render.open_points import open_point
from powcase.render.path_drawing import path_svg
from powcase.render.text import rests_on_lines, words
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


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _cites(cites: Sequence[str]) -> str:
    links = []
    for cite in cites:
        provision = PROVISIONS.get(cite)
        if provision is None:
            links.append(_e(cite))
            continue
        links.append(
            f'<a href="{_e(provision.url)}" title="{_e(provision.paraphrase)}">{_e(cite)}</a>'
        )
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
    later = "; a later source" if reason.get("params", {}).get("later_source") else ""
    return _e(f" (reading: {reading['assumption']} {shown}{later})")


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
        f"<li>{_e(r['text'])} <span class='muted'>{_cites(r['cites'])}{_reading(r)}</span></li>"
        for r in reasons
        if basis or r["kind"] in ("prohibition", "precondition", "graph")
    ]
    items += [
        f"<li><b>{_e(breach_words(b, judged or {'reasons': []}))}</b> "
        f"<span class='muted'>{_cites(StepOutcome.cites_of(b))}</span></li>"
        for b in (seen.breaches if seen else ())
    ]
    if judged is not None:
        items += [f"<li class='muted'>{_e(line)}</li>" for line in rests_on_lines(judged)]
    items += [f"<li>open: {_e(open_point(m))}</li>" for m in missing]
    return f"<ul class='reasons'>{''.join(items)}</ul>" if items else ""


def _timeline(run: dict[str, Any]) -> str:
    rows = []
    for step in run["steps"]:
        fields = _pairs(step["fields"])
        seen = step_outcome(run, step["index"])
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
            f"<td>{_badge('not-yet', 'not yet happened')}</td><td></td></tr>"
        )
    return (
        "<table class='timeline'><thead><tr><th>date</th><th>step</th><th>outcome</th>"
        f"<th>cites</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
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
            f"<td>{_badge(asked['outcome'])}</td><td>{_cites(asked['cites'])}</td></tr>"
        )
    return f"<h2>What if, on {_e(run['as_of'])}?</h2><table><tbody>{''.join(rows)}</tbody></table>"


def _flags(run: dict[str, Any]) -> str:
    standing = sorted(standing_entries(run), key=lambda f: gravity(f["severity"]))
    if not standing:
        return "<h2>Flags</h2><p class='muted flags'>No flag stands.</p>"
    rows = []
    for flag in standing:
        raised = [CONCERNS[c] for c in flag["concerns"] if c in CONCERNS]
        who = "; ".join(
            f'<a href="{_e(c.url)}">{_e(c.organisation)}, {c.date.isoformat()}</a>' for c in raised
        )
        rows.append(
            f"<tr><td>{_badge(flag['severity'])}</td><td><b>{_e(flag['code'])}</b>"
            f"<br>{_e(flag['text'])}<br><span class='muted'>since {_e(flag['since'])}"
            f", events {_e(', '.join(map(str, flag['because'])))}"
            f"{'; raised by ' + who if who else ''}</span></td>"
            f"<td>{_cites(flag['cites'])}</td></tr>"
        )
    return (
        f"<h2>Flags, gravest first</h2><table class='flags'><tbody>{''.join(rows)}</tbody></table>"
    )


def _docket(run: dict[str, Any]) -> str:
    if not run["obligations"]:
        return ""
    rows = []
    for duty in run["obligations"]:
        status = duty["status"]
        mark = "overdue" if status == "overdue" else ""
        rows.append(
            f"<tr><td>{_e(duty['code'])}<br><span class='muted'>{_e(duty['text'])}"
            f"</span></td><td>{_cites([duty['provision']])}</td><td>{_e(due_text(duty))}"
            f"</td><td class='{mark}'>{_e(status)}"
            f"{' (' + _e(note) + ')' if (note := obligation_note(duty)) else ''}</td></tr>"
        )
    return (
        f"<h2>Docket as of {_e(run['as_of'])}</h2><table class='docket'><thead><tr>"
        "<th>obligation</th><th>provision</th><th>due</th><th>status</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _violations(run: dict[str, Any]) -> str:
    found = [("violation", v) for v in run["violations"]]
    found += [("possible violation", v) for v in run["possible_violations"]]
    if not found:
        return ""
    rows = [
        f"<tr><td>{_e(v['date'])}</td><td><b>{_e(v['event']['event'])}</b> ({_e(kind)}, "
        f"by {_e(v['state'])})"
        f"{_reasons(v['reasons'], [], basis=True)}</td><td>{_cites(v['cites'])}</td></tr>"
        for kind, v in found
    ]
    return f"<h2>Violations</h2><table><tbody>{''.join(rows)}</tbody></table>"


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
        body = (
            f"<p class='muted chart-missing'>The whole chart is not drawn here: "
            f"{_e(missing)}. To draw it, {_e(INSTALL_GRAPHVIZ)}.</p>"
            "<details><summary>The chart as Mermaid text</summary>"
            f"<pre>{_e(diagram(trace, 'mermaid'))}</pre></details>"
        )
    return (
        "<details class='chart'><summary>The whole chart, with his path on it</summary>"
        f"{body}</details>"
    )


def _path(run: dict[str, Any], trace: Trace) -> str:
    """The path he took, drawn large, then the whole chart as a secondary view."""
    return (
        f"<h2>The path</h2><figure class='diagram path'>{path_svg(run['steps'], run['state'])}"
        "<figcaption class='muted'>From top to bottom: where he was and the steps that moved "
        "him, with their dates; highlighted: where he is now; red: what the law refused."
        f"</figcaption></figure>{_chart(trace)}"
    )


def _run(run: dict[str, Any], trace: Trace) -> str:
    subject = _e(run["subject"]["id"])
    if "name" in run["subject"]:
        subject += f" ({_e(run['subject']['name'])})"
    title = _e(run["variant"] or "as recorded")
    assumptions = "".join(
        f"<tr><td>{_e(k)}</td><td>{_e(words(v))}</td></tr>" for k, v in run["assumptions"].items()
    )
    return (
        f"<section class='run'><h3>Reading: {title}</h3>"
        f"<p>Subject <b>{subject}</b>, held by {_e(run['detaining_power'])}, "
        f"{_e(run['mode'])} mode. State: <b>{_e(', '.join(run['state']))}</b>.</p>"
        f"<h2>Timeline</h2>{_timeline(run)}{_verdicts(run)}{_flags(run)}{_docket(run)}"
        f"{_violations(run)}"
        f"{_path(run, trace)}"
        f"<h2>Assumptions</h2><table><tbody>{assumptions}</tbody></table></section>"
    )


def _claims(head: dict[str, Any]) -> str:
    claims = "".join(
        f"<li>{_e(c['about'])}{' (sources disagree)' if c['contested'] else ''}: "
        + "; ".join(f"{_e(v['value'])} ({_e(v['source'])}, {_e(v['date'])})" for v in c["values"])
        + "</li>"
        for c in head["claims"]
    )
    return f"<h2>Claims kept side by side</h2><ul>{claims}</ul>" if claims else ""


def _scenario(
    results: Sequence[RunResult], reveal_names: bool, redaction: str, heading: str
) -> str:
    runs = []
    for result in results:
        # Redacted before it is drawn: the diagram's notes obey the level as the tables do.
        data = redact(result.to_dict(reveal_names=reveal_names), redaction)
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
        + f"<p class='muted'>Evaluated as of {_e(head['as_of'])}.</p>"
        f"<div class='runs'>{''.join(runs)}</div>{_claims(head)}</section>"
    )


def render_report(
    results: Sequence[RunResult], *, reveal_names: bool = False, redaction: str = "none"
) -> str:
    """One HTML page for the runs of a file: each scenario with its variants side by side."""
    if not results:
        raise ValueError("a report needs at least one run")
    checked_flag("reveal_names", reveal_names)
    checked_level("redaction", redaction)
    groups: dict[tuple[str, str], list[RunResult]] = {}
    for result in results:
        groups.setdefault((result.file, result.scenario), []).append(result)
    single = len(groups) == 1
    first = results[0].to_dict(reveal_names=reveal_names)
    title = _e(first["scenario"] if single else results[0].file.rsplit("/", 1)[-1])
    generated = first["generated_by"]
    sections = "".join(
        _scenario(runs, reveal_names, redaction, "h1" if single else "h2")
        for runs in groups.values()
    )
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_SECURITY_POLICY}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<header>{'' if single else f'<h1>{title}</h1>'}"
        f"<p class='muted'>powcase {_e(generated['powcase'])}, legal model "
        f"{_e(generated['model'])}, law data of {_e(generated['law_data'])}.</p>"
        "<p class='notice'>Not legal advice: a research and teaching model of contested law. "
        "Its readings of open questions are assumptions, shown with each run.</p></header>"
        f"{sections}</body></html>\n"
    )
    return re.sub(r"\n\s*\n", "\n", page)


def report(
    results: RunResult | Sequence[RunResult],
    *,
    reveal_names: bool = False,
    redaction: str = "none",
) -> str:
    """One self-contained HTML page for a run result, or for the runs of a file side by side.

    The subject's name is shown only with ``reveal_names``; ``redaction="strict"`` also
    withholds what could identify him with other data.
    """
    runs = [results] if isinstance(results, RunResult) else list(results)
    return render_report(runs, reveal_names=reveal_names, redaction=redaction)
