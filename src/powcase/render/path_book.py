"""The path book: the situations an exploration reached, as one hyperlinked HTML file.

A book is for a class: it follows one reading of the law, named with every assumption on its
cover. Each situation is a page (a ``<section>`` with a plain ``#s<number>`` anchor) that says
where he is, on which day, which flags stand there and every step possible next, with its
verdict, its reasons and a link to the situation it leads to. Situations are merged when the
guards cannot tell them apart, but flags depend on how he got there: a page shows the flags of
one path to it (the shortest, as the exploration chooses it), and says so. A page's day is that
of its depth under the book's reading: the day of his first arrival there on that reading.

One file rather than a folder of pages, so that a teacher hands out one attachment. Only the
page asked for (the target of the address) is shown, by a CSS rule, so the file reads like a
book; printed, every page follows the one before. Like the case report it runs no script and
fetches nothing: the styles are inline (the report's), its Content-Security-Policy (the
report's) forbids script, every string of the scenario is escaped as the report escapes it, and
no control or bidi character reaches the page raw. The subject
appears by his id, never by his name.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

from powcase._util.escape import neutral
from powcase._util.i18n import SOURCE_LANGUAGE, resolve, unofficial
from powcase.case import Case
from powcase.engine.table import NODES
from powcase.errors import InvalidInput
from powcase.explore.search import Exploration, Situation, Step
from powcase.law import translated
from powcase.law.book import Law
from powcase.law.provenance import generated_by
from powcase.model.events import Event
from powcase.model.verdict import Outcome
from powcase.render.report import (
    _FONTS,
    _LANG,
    _STYLE,
    CONTENT_SECURITY_POLICY,
    _,
    _badge,
    _cites,
    _e,
    _reasons,
    _text,
)
from powcase.render.text import words
from powcase.render.vocabulary import OUTCOMES, SEVERITIES
from powcase.scenario.in_language import in_language

__all__ = ["MAX_SITUATIONS", "path_book", "where"]

MAX_SITUATIONS = 400
"""How many situations a book holds at most by default: beyond this the file grows past what a
browser opens quickly and a class reads."""

_BOOK_STYLE = """
section.page { display: none; border-top: 1px solid var(--line); padding-top: .5rem; }
section.page:target { display: block; }
body:has(section.page:target) #cover { display: none; }
nav.turn { font-size: .9rem; margin: 0 0 .8rem; }
.where { font-size: 1.05rem; } .final { border-left: 4px solid var(--ok);
  background: #f0fdf4; padding: .5rem .8rem; }
.edge { border-left: 4px solid var(--muted); background: #f9fafb; padding: .5rem .8rem; }
ol.path, ul.contents { padding-left: 1.4rem; } ul.contents { columns: 2 24rem; }
@media print { section.page { display: block; break-before: page; } nav.turn { display: none; } }
"""


def where(configuration: Sequence[str], lang: str = SOURCE_LANGUAGE) -> str:
    """Where he is, in the chart's own words (in ``lang``): ``In custody: Status: Prisoner of
    war; Protection request: No request; Penal proceedings: No proceedings``.
    """

    def name(state: str) -> str:
        if lang == SOURCE_LANGUAGE:
            return NODES[state].name
        return translated.state(state, lang).text

    parts: list[str] = []
    regions: list[str] = []
    for state in configuration:
        node = NODES[state]
        if node.parent is None:
            parts.append(name(state))
            continue
        regions.append(f"{name(node.parent)}: {name(state)}")
    text = ", ".join(parts)
    return f"{text}: {'; '.join(regions)}" if regions else text


def path_book(
    exploration: Exploration,
    reading: int = 0,
    *,
    max_situations: int = MAX_SITUATIONS,
    lang: str = SOURCE_LANGUAGE,
) -> str:
    """The path book of ``exploration`` under its reading ``reading`` (an index into its
    grid): one self-contained HTML page, the cover first, then one section per situation that
    reading reaches, each anchored ``#s<index>`` by the situation's index. In ``lang``: its
    words, the law's texts and the names of states (an unofficial translation, said on the
    cover).

    Raises :class:`~powcase.errors.InvalidInput` when ``reading`` is not in the grid, or when
    the reading reaches more than ``max_situations`` situations (explore less deep, or with
    fewer letters).
    """
    grid = exploration.grid
    if not 0 <= reading < len(grid):
        raise InvalidInput.single(
            "reading",
            f"{reading} is not a reading of this exploration",
            expected=f"an index from 0 to {len(grid) - 1}",
        )
    bit = 1 << reading
    pages = sorted(
        (s for s in exploration.situations if s.readings & bit),
        key=lambda s: (s.depth_for(reading), s.index),
    )
    if len(pages) > max_situations:
        raise InvalidInput.single(
            "max_situations",
            f"the book would have {len(pages)} pages (the situations this reading reaches "
            f"in {exploration.depth} steps), more than the {max_situations} allowed",
            expected="a smaller depth, fewer letters (include or exclude events), "
            "or a larger max_situations",
        )
    token = _LANG.set(resolve(lang))
    try:
        return _Book(exploration, reading, pages).html()
    finally:
        _LANG.reset(token)


class _Book:
    """The pages of one reading, with the case of the path each page shows."""

    def __init__(self, exploration: Exploration, reading: int, pages: list[Situation]) -> None:
        self.found = exploration
        self.reading = reading
        self.bit = 1 << reading
        self.pages = pages
        self.assumptions = exploration.grid.readings[reading]
        self.depth = {s.index: s.depth_for(reading) for s in pages}
        """How many steps each page is from the start under this reading."""
        self.cases: dict[int, Case] = {}
        # Pages go by depth, so the case of the step before a page's path is known before
        # the page: each case is its source's with one event applied, not a replay.
        for situation in pages:
            if self.depth[situation.index] == 0:
                start = exploration.record([])
                self.cases[situation.index] = Case(
                    start, self.assumptions, exploration.mode, exploration.law
                )
                continue
            step = exploration.path(situation.index, reading)[-1]
            before = self.cases[step.source]
            event = self._event(step)
            self.cases[situation.index] = before.apply(event, on_refusal="record")
        self.start = next(s.index for s in pages if self.depth[s.index] == 0)

    def _day(self, depth: int) -> datetime.date:
        return self.found.first_day + datetime.timedelta(days=self.found.step_days * depth)

    def _event(self, step: Step) -> Event:
        """The step's event as taken from its source on this reading's path: dated a step
        after the day of its source.
        """
        return self.found.letters[step.letter].at(self._day(self.depth[step.source] + 1))

    def _leaving(self, situation: Situation) -> list[Step]:
        steps = (self.found.steps[i] for i in situation.leaving)
        return [step for step in steps if step.readings & self.bit]

    def _ways_in(self, situation: Situation) -> int:
        """How many steps of this reading lead to it from a page one step nearer the start."""
        depth = self.depth[situation.index]
        return sum(
            1
            for i in situation.entering
            if self.found.steps[i].readings & self.bit
            and self.depth[self.found.steps[i].source] == depth - 1
        )

    def html(self) -> str:
        record = self.found.start
        lang = _LANG.get()
        title = _("Path book: {subject}, held by {power}").format(
            subject=record.subject.id, power=record.detaining_power
        )
        body = self._cover(title) + "".join(
            self._page(situation, self._ways_in(situation)) for situation in self.pages
        )
        fonts = "" if lang == SOURCE_LANGUAGE else _FONTS
        page = (
            f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<meta http-equiv='Content-Security-Policy' content=\"{CONTENT_SECURITY_POLICY}\">"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{_e(title)}</title><style>{_STYLE}{_BOOK_STYLE}{fonts}</style></head>"
            f"<body>{body}</body></html>\n"
        )
        # Escaped, then neutral: no control or bidi character of the scenario reaches the
        # reader raw, whoever writes the file.
        return neutral(re.sub(r"\n\s*\n", "\n", page))

    # --- the cover

    def _cover(self, title: str) -> str:
        found = self.found
        record = found.start
        made = generated_by(found.law)
        chosen = found.grid.describe(self.reading)
        varied = set(found.grid.varying)
        varied_here, counts_days = _("varied in this exploration"), _("counts days")
        rows = "".join(
            f"<tr><td>{_e(key)}</td><td>{_e(words(value))}</td>"
            f"<td class='muted'>{varied_here if key in varied else ''}"
            f"{'' if key in chosen else counts_days}</td></tr>"
            for key, value in self.assumptions.to_dict().items()
        )
        events = "".join(f"<li>{_e(event.date)} {_e(event.name)}</li>" for event in record.events)
        letters = ", ".join(_e(letter.label) for letter in found.letters)
        finals = sum(1 for s in self.pages if s.position.final)
        said = unofficial(_LANG.get())
        notice = f"<p class='notice unofficial'>{_e(said.text)}</p>" if said else ""
        made_by = _("powcase {version}, legal model {model}, law data of {date}.").format(
            version=_e(made["powcase"]), model=_e(made["model"]), date=_e(made["law_data"])
        )
        advice = _(
            "Not legal advice: a research and teaching model of contested law. This book "
            "follows one reading of its open questions, listed below."
        )
        opening = _("<b>Open the book at the start</b>")
        at_start = _("{where}, on {date}.").format(
            where=_e(where(found.situations[self.start].configuration, _LANG.get())),
            date=_e(found.first_day),
        )
        reading = _("The reading this book follows (reading {number} of {count})").format(
            number=self.reading + 1, count=len(found.grid)
        )
        how = _(
            "Subject <b>{subject}</b>, held by {power}, {mode} mode. From the end of his record, "
            "every step of the alphabet below, one every {days} days, to {depth} steps: "
            "{situations} situations, {finals} of them final. A step the legal path does not "
            "have from a situation is not listed there."
        ).format(
            subject=_e(record.subject.id),
            power=_e(record.detaining_power),
            mode=_e(found.mode),
            days=found.step_days,
            depth=found.depth,
            situations=len(self.pages),
            finals=finals,
        )
        return (
            f"<section id='cover'><h1>{_e(title)}</h1>"
            f"<p class='muted'>{made_by}</p>"
            f"<p class='notice'>{advice}</p>{notice}"
            f"<p><a href='#s{self.start}'>{opening}</a>: {at_start}</p>"
            f"<h2>{reading}</h2><table class='reading'><tbody>{rows}</tbody></table>"
            f"<h2>" + _("How the book was made") + f"</h2><p>{how}</p>"
            f"<h3>" + _("His record up to the start") + f"</h3><ol class='start'>{events}</ol>"
            f"<h3>" + _("The alphabet") + f"</h3><p class='muted'>{letters}</p>"
            f"<h2>" + _("Contents") + f"</h2>{self._contents()}</section>"
        )

    def _contents(self) -> str:
        parts = []
        final = _(" (final)")
        for depth in range(self.found.depth + 1):
            items = "".join(
                f"<li>{self._link(s)}{final if s.position.final else ''}</li>"
                for s in self.pages
                if self.depth[s.index] == depth
            )
            if items:
                label = _steps_from_start(depth)
                parts.append(f"<h3>{label}</h3><ul class='contents'>{items}</ul>")
        return "".join(parts)

    def _link(self, situation: Situation) -> str:
        situated = _("situation {index}: {where}").format(
            index=situation.index, where=_e(where(situation.configuration, _LANG.get()))
        )
        return f"<a href='#s{situation.index}'>{situated}</a>"

    # --- a page

    def _page(self, situation: Situation, ways_in: int) -> str:
        index = situation.index
        case = self.cases[index]
        depth = self.depth[index]
        on = self._day(depth)
        here = _e(where(situation.configuration, _LANG.get()))
        cover, start = _("Cover"), _("Start")
        heading = _("Situation {index}").format(index=index)
        here_said = _("Where he is: <b>{where}</b>.").format(where=here)
        when = (
            _("On {date}, after {depth} step from the start.")
            if depth == 1
            else _("On {date}, after {depth} steps from the start.")
        ).format(date=_e(on), depth=depth)
        return (
            f"<section class='page' id='s{index}'>"
            f"<nav class='turn'><a href='#cover'>{cover}</a> · "
            f"<a href='#s{self.start}'>{start}</a></nav>"
            f"<h2>{heading}</h2><p class='where'>{here_said}</p>"
            f"<p>{when}</p>"
            f"{self._path(situation, ways_in)}{self._flags(case, on)}"
            f"{self._end(situation)}{self._next(situation, case)}</section>"
        )

    def _path(self, situation: Situation, ways_in: int) -> str:
        if self.depth[situation.index] == 0:
            said = _(
                "The start: where his record leaves him. The flags below are those of his record."
            )
            return f"<p class='muted'>{said}</p>"
        steps = self.found.path(situation.index, self.reading)
        start = _("the start")
        items = [f"<li><a href='#s{self.start}'>{start}</a></li>"]
        for step in steps:
            items.append(f"<li>{self._step_line(step)} → {self._link_to(step.target)}</li>")
        others = ""
        if ways_in == 2:
            others = _(" 1 other path as short also lead here; they may raise other flags.")
        elif ways_in > 2:
            others = _(
                " {count} other paths as short also lead here; they may raise other flags."
            ).format(count=ways_in - 1)
        shown = _("The flags on this page are those of this path.")
        return (
            "<h3>" + _("The path this page shows") + f"</h3>"
            f"<ol class='path'>{''.join(items)}</ol>"
            f"<p class='muted'>{shown}{others}</p>"
        )

    def _step_line(self, step: Step) -> str:
        label = _e(self.found.letters[step.letter].label)
        event = self._event(step)
        outcome = self._outcome(event.event_kind, step.outcome, step.applied)
        return f"{_e(event.date)} <b>{label}</b> {outcome}"

    def _link_to(self, index: int) -> str:
        return self._link(self.found.situations[index])

    @staticmethod
    def _outcome(kind: str, outcome: Outcome, applied: bool) -> str:
        if kind != "machine":
            return _badge("fact", _("fact"))
        said = _(OUTCOMES[str(outcome)])
        if not (applied or outcome is Outcome.ALLOWED):
            said = _("{outcome} (not applied)").format(outcome=said)
        return _badge(str(outcome), said)

    def _flags(self, case: Case, on: datetime.date) -> str:
        standing = case.active_flags(on)
        if not standing:
            heading = _("Flags standing on {date}").format(date=_e(on))
            return f"<h3>{heading}</h3><p class='muted flags'>" + _("None.") + "</p>"
        lang = _LANG.get()
        rows = "".join(
            f"<tr><td>{_badge(str(flag.severity), _(SEVERITIES[str(flag.severity)]))}</td>"
            f"<td><b>{_e(flag.code)}</b><br>"
            f"{_flag_text(self.found.law, flag.code, flag.text, lang)}<br>"
            f"<span class='muted'>{_e(_('since {date}').format(date=flag.since))}</span></td>"
            f"<td>{_cites(flag.cites)}</td></tr>"
            for flag in standing
        )
        heading = _("Flags standing on {date}, gravest first").format(date=_e(on))
        return f"<h3>{heading}</h3><table class='flags'><tbody>{rows}</tbody></table>"

    def _end(self, situation: Situation) -> str:
        back = f"<a href='#s{self.start}'>" + _("Back to the start") + "</a>."
        if situation.position.final:
            said = _("A final state: his legal path ends here.")
            return f"<p class='final'>{said} {back}</p>"
        if self.depth[situation.index] == self.found.depth:
            said = _("The book ends here: it explores {depth} steps from the start.").format(
                depth=self.found.depth
            )
            return f"<p class='edge'>{said} {back}</p>"
        return ""

    def _next(self, situation: Situation, case: Case) -> str:
        leaving = self._leaving(situation)
        if not leaving:
            return ""
        on = self._day(self.depth[situation.index] + 1)
        this_page = _(" (this page)")
        rows = []
        for step in leaving:
            event = self._event(step)
            verdict = case.verdict(event)
            plain: dict[str, Any] = _reasons_in(verdict.to_dict(), self.found.law)
            basis = verdict.outcome is Outcome.ALLOWED
            rows.append(
                f"<tr><td><b>{_e(self.found.letters[step.letter].label)}</b>"
                f"{_reasons(plain['reasons'], plain['missing'], basis=basis)}</td>"
                f"<td>{self._outcome(event.event_kind, verdict.outcome, step.applied)}</td>"
                f"<td>{_cites(verdict.cites)}</td>"
                f"<td class='to'>→ {self._link_to(step.target)}"
                f"{this_page if step.target == situation.index else ''}</td></tr>"
            )
        heading = _("Every possible next step, on {date}").format(date=_e(on))
        return (
            f"<h3>{heading}</h3>"
            f"<table class='next'><thead><tr><th>"
            + _("step")
            + "</th><th>"
            + _("verdict")
            + "</th>"
            "<th>" + _("cites") + "</th><th>" + _("leads to") + f"</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )


def _steps_from_start(depth: int) -> str:
    """A heading of the contents: the start, or how many steps after it."""
    if depth == 0:
        return _("The start")
    if depth == 1:
        return _("After 1 step")
    return _("After {depth} steps").format(depth=depth)


def _flag_text(law: Law, code: str, english: str, lang: str) -> str:
    """A flag's text on a page, in ``lang``; English (tagged so) where it has no translation."""
    if lang == SOURCE_LANGUAGE or code not in law.flags:
        return _e(english)
    return _text(in_language({"flags": [{"code": code, "text": english}]}, law, lang)["flags"][0])


def _reasons_in(verdict: dict[str, Any], law: Law) -> dict[str, Any]:
    """A verdict's JSON form with its reasons' texts in the book's language."""
    lang = _LANG.get()
    if lang == SOURCE_LANGUAGE:
        return verdict
    shown: dict[str, Any] = in_language({"verdicts": [verdict]}, law, lang)["verdicts"][0]
    return shown
