"""One step of a run explained as text: its outcome in the words every view uses, the reasons
with each provision's paraphrase and address, any breach found in it, what the verdict rests
on and what would change it, and the facts that would settle an open verdict.
"""

from __future__ import annotations

from typing import Any

from powcase._util.escape import neutral_data
from powcase._util.readable import phrase, words
from powcase.law.book import Law
from powcase.render.open_points import open_point
from powcase.render.text import rests_on_lines
from powcase.scenario.outcome import breach_words, step_outcome

__all__ = ["render_explain"]


def _cited(cites: list[str], law: Law) -> list[str]:
    lines = []
    for cite in cites:
        provision = law.provisions.get(cite)
        if provision is None:
            lines.append(f"    {cite}")
            continue
        lines += [f"    {cite}: {provision.paraphrase}", f"      {provision.url}"]
    return lines


def render_explain(run: dict[str, Any], index: int, law: Law) -> str:
    """Step ``index`` of a run in its JSON form (redacted as the caller chose, with the
    ``rests_on`` of :func:`~powcase.scenario.rests_on.annotated` where known), explained.
    """
    run = neutral_data(run)
    step = run["steps"][index]
    seen = step_outcome(run, index)
    lines = [
        f"Step {step['index']}, {step['date']}: {phrase(step['event'], step['fields'])}",
        f"  {seen.label}",
        f"  from {', '.join(step['from'])}",
        f"  to   {', '.join(step['to'])}",
    ]
    for reason in step["reasons"]:
        lines += ["", f"  [{reason['kind']}] {reason['text']}"]
        reading = reason.get("reading")
        if reading:
            lines.append(f"    read under {reading['assumption']}: {words(reading['option'])}")
        lines += _cited(reason["cites"], law)
    for breach in seen.breaches:
        lines += ["", f"  ! {breach_words(breach, step)}"]
        lines += _cited(seen.cites_of(breach), law)
    relied = rests_on_lines(step)
    if relied:
        lines += ["", *(f"  {line[0].upper()}{line[1:]}" for line in relied)]
    for missing in step["missing"]:
        lines += ["", f"  [open] {open_point(missing)}"]
    return "\n".join(lines) + "\n"
