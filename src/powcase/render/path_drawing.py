"""The path he took, drawn as an SVG a class can read from the back of the room.

One column, read from top to bottom: each situation he was in (its state, and in custody the
state of each of its three regions), joined by the steps that moved him, each with its name
and date; the situation he is in now is highlighted; a step that was refused and not applied
is a red dead end beside the situation it was tried from. Labels are the chart's own names for
its states and events (never a Python identifier, a guard or an entry action).

The layout is computed here, with no program or package beyond powcase, so it draws on every
machine. Its text is large (:data:`MIN_FONT_SIZE` user units in a drawing
:data:`WIDTH` units wide, scaled to the width of the page by its ``viewBox``), escaped, and the
drawing holds no script, link or style sheet.

The drawing shows what the steps it is given say: dates arrive already redacted to the level
the output asked for, and no name of the subject is read.
"""

from __future__ import annotations

import html
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
from statemachine import State

from powcase._util.escape import neutral
from powcase._util.i18n import N_, SOURCE_LANGUAGE, gettext_for
from powcase.chart import LegalPath
from powcase.law import translated
from powcase.scenario.outcome import OUTCOME_WORDS

__all__ = [
    "FONTS",
    "MIN_FONT_SIZE",
    "WIDTH",
    "DeadEnd",
    "Move",
    "Situation",
    "event_label",
    "path_of",
    "path_svg",
    "state_label",
]

WIDTH = 800
"""The drawing's width in user units; the page scales it to the width it has."""
MIN_FONT_SIZE = 26
"""The smallest text in the drawing, in user units: 3.25 % of its width, so that the drawing
shown 600 pixels wide (one column of the report) has text of 19.5 pixels, larger than the
report's own."""

_TITLE_SIZE = 30
_TEXT_SIZE = MIN_FONT_SIZE
_LINE = 1.3
"""Line height as a multiple of the font size."""
_CHAR = 0.6
"""A generous average character width as a multiple of the font size, for wrapping."""
_MARGIN = 16
_PAD = 14
_SPINE = 56
"""The x of the line that joins the situations."""
_LABEL_X = _SPINE + 28
_NOTE_X = _SPINE + 48
_GAP = 18

_PASSED_FILL, _PASSED_LINE = "#dbeafe", "#1e40af"
_NOW_FILL, _NOW_LINE = "#fde68a", "#92400e"
_INK, _MUTED, _RED, _RED_FILL = "#111827", "#374151", "#b91c1c", "#fef2f2"

_STATES: Mapping[str, State] = LegalPath.states_map
_WHY = {
    "refused": N_("the law refuses it; it happened anyway"),
    "undetermined": N_("the law leaves it undetermined; it happened"),
}

FONTS = (
    "system-ui, -apple-system, 'Segoe UI', 'Noto Sans KR', 'Noto Sans CJK KR', "
    "'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans', 'DejaVu Sans', sans-serif"
)
"""The drawing's fonts in Korean and Ukrainian: common system fonts with Hangul and Cyrillic
(none is embedded)."""


def state_label(state: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The chart's name for a state (``Presumed prisoner of war``), or the id made readable;
    in ``lang``.
    """
    found = _STATES.get(state)
    if found is None:
        return state.replace("_", " ").capitalize()
    if lang != SOURCE_LANGUAGE:
        return translated.state(state, lang).text
    return str(found.name)


def event_label(event: str, lang: str = SOURCE_LANGUAGE) -> str:
    """The chart's name for an event (``Release to third state``), or the id made readable;
    in ``lang``.
    """
    if event in translated.EVENT_NAMES:
        return translated.event(event, lang).text
    return event.replace("_", " ").capitalize()


@attrs.frozen
class Situation:
    """A configuration he was in: the states active at once, outermost first."""

    states: tuple[str, ...]
    now: bool = False

    def lines(
        self, before: Situation | None = None, lang: str = SOURCE_LANGUAGE
    ) -> list[tuple[str, bool]]:
        """The box's lines after its heading (in ``lang``), each with whether it changed since
        ``before``.
        """
        shown = []
        earlier = set(before.states) if before is not None else set()
        for state in self.states[1:]:
            found = _STATES.get(state)
            region = found.parent if found is not None else None
            text = state_label(state, lang)
            if region is not None and region.id != self.states[0]:
                text = f"{state_label(region.id, lang)}: {text}"
            # Only a change inside the same outer state is news: after a capture every
            # region is new, and bold on every line would mark nothing.
            same = before is not None and before.states[0] == self.states[0]
            shown.append((text, same and state not in earlier))
        return shown

    @property
    def heading(self) -> str:
        """The outermost state's name, marked when it is final."""
        return self.heading_in(SOURCE_LANGUAGE)

    def heading_in(self, lang: str) -> str:
        """The outermost state's name in ``lang``, marked when it is final."""
        top = _STATES.get(self.states[0])
        _ = gettext_for(lang)
        final = _(" (final)") if top is not None and top.final else ""
        return state_label(self.states[0], lang) + final


@attrs.frozen
class Move:
    """A step that moved him, with its date and the law's outcome."""

    event: str
    date: str
    outcome: str


@attrs.frozen
class DeadEnd:
    """A step tried and not applied: the law refused it (or could not decide it)."""

    event: str
    date: str
    outcome: str


Drawn = Situation | Move | DeadEnd


def path_of(steps: Iterable[Mapping[str, Any]], state: Sequence[str]) -> tuple[Drawn, ...]:
    """The path, in order, from a run's steps in their JSON form and its configuration now.

    Incidents are recorded facts, not moves, and are left out; so is any step of a kind the
    chart does not run.
    """
    machine = [s for s in steps if s.get("kind", "machine") == "machine"]
    here = Situation(tuple(machine[0]["from"]) if machine else tuple(state))
    drawn: list[Drawn] = [here]
    for step in machine:
        moved = bool(step["applied"]) and list(step["to"]) != list(step["from"])
        if moved:
            here = Situation(tuple(step["to"]))
            drawn += [Move(step["event"], str(step["date"]), step["outcome"]), here]
        elif not step["applied"] or step["outcome"] != "allowed":
            drawn.append(DeadEnd(step["event"], str(step["date"]), step["outcome"]))
    last = len(drawn) - 1 - drawn[::-1].index(here)
    drawn[last] = Situation(tuple(state) or here.states, now=True)
    return tuple(drawn)


def _t(text: str) -> str:
    """Text for the drawing: unsafe characters shown as escapes, markup escaped."""
    return html.escape(neutral(text, newlines=False), quote=True)


def _wrap(text: str, room: float, size: int) -> list[str]:
    # Hangul is about twice as wide as the average Latin letter: a line of it holds fewer.
    wide = sum(1 for c in text if unicodedata.east_asian_width(c) in "WF")
    scale = 1 + wide / max(1, len(text))
    return textwrap.wrap(text, width=max(8, int(room / (size * _CHAR * scale)))) or [""]


class _Canvas:
    """The drawing's elements and the height used so far."""

    def __init__(self, lang: str = SOURCE_LANGUAGE) -> None:
        self.parts: list[str] = []
        self.lang = lang
        self.y = float(_MARGIN)

    def text(
        self, x: float, lines: Sequence[str], size: int, *, fill: str = _INK, bold: bool = False
    ) -> None:
        """Lines of text from the top at ``self.y``, one below the other."""
        weight = " font-weight='bold'" if bold else ""
        for line in lines:
            self.y += size * _LINE
            self.parts.append(
                f"<text x='{x}' y='{self.y - size * 0.3:.0f}' font-size='{size}' "
                f"fill='{fill}'{weight}>{_t(line)}</text>"
            )

    def spine(self, top: float, bottom: float, colour: str = _MUTED, dashed: bool = False) -> None:
        """The line that joins the situations, from ``top`` to ``bottom``."""
        dash = " stroke-dasharray='10 8'" if dashed else ""
        self.parts.append(
            f"<line x1='{_SPINE}' y1='{top:.0f}' x2='{_SPINE}' y2='{bottom:.0f}' "
            f"stroke='{colour}' stroke-width='5'{dash}/>"
        )


def _situation(canvas: _Canvas, situation: Situation, before: Situation | None) -> None:
    top = canvas.y
    room = WIDTH - 2 * _MARGIN - 2 * _PAD
    parts, canvas.parts = canvas.parts, []
    canvas.y += _PAD
    canvas.text(
        _MARGIN + _PAD,
        _wrap(situation.heading_in(canvas.lang), room - 120, _TITLE_SIZE),
        _TITLE_SIZE,
        bold=True,
    )
    heading_bottom = canvas.y
    for text, changed in situation.lines(before, canvas.lang):
        canvas.text(
            _MARGIN + _PAD + 12, _wrap(text, room - 12, _TEXT_SIZE), _TEXT_SIZE, bold=changed
        )
    canvas.y += _PAD
    fill, line, width = (
        (_NOW_FILL, _NOW_LINE, 6) if situation.now else (_PASSED_FILL, _PASSED_LINE, 2)
    )
    box = (
        f"<rect x='{_MARGIN}' y='{top:.0f}' width='{WIDTH - 2 * _MARGIN}' "
        f"height='{canvas.y - top:.0f}' rx='14' fill='{fill}' stroke='{line}' "
        f"stroke-width='{width}'/>"
    )
    inside, canvas.parts = canvas.parts, parts
    canvas.parts.append(box)
    canvas.parts += inside
    if situation.now:
        _ = gettext_for(canvas.lang)
        now = _("now")
        canvas.parts.append(
            f"<text x='{WIDTH - _MARGIN - _PAD}' y='{heading_bottom - _TITLE_SIZE * 0.3:.0f}' "
            f"font-size='{_TITLE_SIZE}' font-weight='bold' text-anchor='end' "
            f"fill='{_NOW_LINE}'>{_t(now)}</text>"
        )


def _move(canvas: _Canvas, move: Move) -> None:
    top = canvas.y
    colour = _MUTED if move.outcome == "allowed" else _RED
    canvas.y += _GAP
    room = WIDTH - _LABEL_X - _MARGIN
    canvas.text(
        _LABEL_X,
        _wrap(event_label(move.event, canvas.lang), room, _TITLE_SIZE),
        _TITLE_SIZE,
        fill=colour,
        bold=True,
    )
    _ = gettext_for(canvas.lang)
    lines = [move.date]
    if move.outcome in _WHY:
        lines.append(_(_WHY[move.outcome]))
    elif move.outcome != "allowed":
        lines.append(move.outcome)
    canvas.text(
        _LABEL_X,
        [w for line in lines for w in _wrap(line, room, _TEXT_SIZE)],
        _TEXT_SIZE,
        fill=colour,
    )
    canvas.y += _GAP + 12
    canvas.spine(top, canvas.y - 16, colour)
    tip = canvas.y
    canvas.parts.append(
        f"<polygon points='{_SPINE - 14},{tip - 22:.0f} {_SPINE + 14},{tip - 22:.0f} "
        f"{_SPINE},{tip:.0f}' fill='{colour}'/>"
    )


def _dead_end(canvas: _Canvas, dead: DeadEnd, last: bool) -> None:
    top = canvas.y
    canvas.y += _GAP
    box_top = canvas.y
    room = WIDTH - _NOTE_X - _MARGIN - 2 * _PAD
    parts, canvas.parts = canvas.parts, []
    canvas.y += _PAD
    _ = gettext_for(canvas.lang)
    outcome = _(OUTCOME_WORDS.get(dead.outcome, dead.outcome))
    heading = f"\u2715 {outcome[:1].upper()}{outcome[1:]}: {event_label(dead.event, canvas.lang)}"
    canvas.text(_NOTE_X + _PAD, _wrap(heading, room, _TEXT_SIZE), _TEXT_SIZE, fill=_RED, bold=True)
    canvas.text(
        _NOTE_X + _PAD,
        _wrap(f"{dead.date} \u00b7 " + _("not applied"), room, _TEXT_SIZE),
        _TEXT_SIZE,
        fill=_RED,
    )
    canvas.y += _PAD
    inside, canvas.parts = canvas.parts, parts
    middle = (box_top + canvas.y) / 2
    canvas.spine(top, canvas.y + (0 if last else _GAP), _MUTED, dashed=last)
    canvas.parts.append(
        f"<line x1='{_SPINE}' y1='{middle:.0f}' x2='{_NOTE_X}' y2='{middle:.0f}' "
        f"stroke='{_RED}' stroke-width='4' stroke-dasharray='8 6'/>"
    )
    canvas.parts.append(
        f"<rect x='{_NOTE_X}' y='{box_top:.0f}' width='{WIDTH - _NOTE_X - _MARGIN}' "
        f"height='{canvas.y - box_top:.0f}' rx='8' fill='{_RED_FILL}' stroke='{_RED}' "
        "stroke-width='3' stroke-dasharray='10 6'/>"
    )
    canvas.parts += inside
    if not last:
        canvas.y += _GAP


def path_svg(
    steps: Iterable[Mapping[str, Any]],
    state: Sequence[str],
    *,
    title: str | None = None,
    lang: str = SOURCE_LANGUAGE,
) -> str:
    """The path as one ``<svg>`` element: situations top to bottom, the one he is in now
    highlighted, refused steps as red dead ends. ``steps`` are a run's steps in their JSON
    form (redacted as the output asks), ``state`` its configuration now. Its labels are in
    ``lang``; ``title`` defaults to "The path he took" in that language.
    """
    if title is None:
        _ = gettext_for(lang)
        title = _("The path he took")
    drawn = path_of(steps, state)
    canvas = _Canvas(lang)
    before: Situation | None = None
    for index, item in enumerate(drawn):
        if isinstance(item, Situation):
            _situation(canvas, item, before)
            before = item
        elif isinstance(item, Move):
            _move(canvas, item)
        else:
            _dead_end(canvas, item, last=index == len(drawn) - 1)
    height = int(canvas.y + _MARGIN)
    if lang == SOURCE_LANGUAGE:
        return (
            f"<svg xmlns='http://www.w3.org/2000/svg' class='path-drawing' role='img' "
            f"viewBox='0 0 {WIDTH} {height}' width='100%' preserveAspectRatio='xMinYMin meet' "
            "font-family='system-ui, -apple-system, Segoe UI, sans-serif' "
            f"aria-label='{_t(title)}'><title>{_t(title)}</title>{''.join(canvas.parts)}</svg>"
        )
    fonts = FONTS
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' class='path-drawing' role='img' "
        f"viewBox='0 0 {WIDTH} {height}' width='100%' preserveAspectRatio='xMinYMin meet' "
        f"font-family=\"{fonts}\" lang='{lang}' aria-label='{_t(title)}'>"
        f"<title>{_t(title)}</title>{''.join(canvas.parts)}</svg>"
    )
