"""One step of a run explained as text: its outcome in the words every view uses, the reasons
with each provision's paraphrase and address, any breach found in it, what the verdict rests
on and what would change it, and the facts that would settle an open verdict.
"""

from __future__ import annotations

from typing import Any

from powcase._util.escape import neutral_data
from powcase._util.i18n import SOURCE_LANGUAGE, gettext_for, unofficial
from powcase._util.readable import phrase, words
from powcase.law import translated
from powcase.law.book import Law
from powcase.render.open_points import open_point
from powcase.render.text import rests_on_lines
from powcase.scenario.outcome import breach_words, step_outcome

__all__ = ["render_explain"]


def _cited(cites: list[str], law: Law, lang: str) -> list[str]:
    lines = []
    for cite in cites:
        provision = law.provisions.get(cite)
        if provision is None:
            lines.append(f"    {cite}")
            continue
        said = (
            provision.paraphrase
            if lang == SOURCE_LANGUAGE
            else translated.provision(law, cite, lang).text
        )
        lines += [f"    {cite}: {said}", f"      {provision.url}"]
    return lines


def render_explain(run: dict[str, Any], index: int, law: Law, lang: str = SOURCE_LANGUAGE) -> str:
    """Step ``index`` of a run in its JSON form (redacted as the caller chose, with the
    ``rests_on`` of :func:`~powcase.scenario.rests_on.annotated` where known), explained, in
    ``lang`` (the run as :func:`~powcase.scenario.in_language.in_language` gives it there).
    """
    _ = gettext_for(lang)
    run = neutral_data(run)
    step = run["steps"][index]
    seen = step_outcome(run, index, lang)
    lines = [
        _("Step {index}, {date}: {event}").format(
            index=step["index"], date=step["date"], event=phrase(step["event"], step["fields"])
        ),
        f"  {seen.label}",
        "  " + _("from {states}").format(states=", ".join(step["from"])),
        "  " + _("to   {states}").format(states=", ".join(step["to"])),
    ]
    for reason in step["reasons"]:
        lines += ["", f"  [{reason['kind']}] {reason['text']}"]
        reading = reason.get("reading")
        if reading:
            lines.append(
                "    "
                + _("read under {assumption}: {option}").format(
                    assumption=reading["assumption"], option=words(reading["option"])
                )
            )
        lines += _cited(reason["cites"], law, lang)
    for breach in seen.breaches:
        lines += ["", f"  ! {breach_words(breach, step, lang)}"]
        lines += _cited(seen.cites_of(breach), law, lang)
    relied = rests_on_lines(step, lang)
    if relied:
        lines += ["", *(f"  {line[0].upper()}{line[1:]}" for line in relied)]
    for missing in step["missing"]:
        lines += ["", "  [" + _("open") + f"] {open_point(missing, lang)}"]
    said = unofficial(lang)
    if said is not None:
        lines += ["", said.text]
    return "\n".join(lines) + "\n"
