"""Values as people read them: plain words for a field's value, and the four faces of a public
value (``str``, a short ``repr``, Markdown and HTML for Jupyter) from one summary.

No Python syntax reaches a person through these: ``True`` is ``true``, a list is its items
joined by commas, a mapping is ``key value`` pairs, a date is its ISO form. A value class
gives a one-line ``_summary()`` and, if it has more to say, ``_details()`` (one line each);
:func:`readable` makes the four faces from them, each escaped for where it goes.
"""

from __future__ import annotations

import datetime
import enum
import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from powcase._util.escape import markdown_text, neutral

__all__ = ["cited", "event_words", "pairs", "phrase", "readable", "words"]

T = TypeVar("T")


def words(value: Any) -> str:
    """A field value as a person reads it: true and false, none, dates in ISO form, lists
    joined by commas, a mapping as ``key: value`` pairs joined by semicolons.

    >>> words(True), words(["KP", "RU"]), words({"kind": "asylum"}), words(None)
    ('true', 'KP, RU', 'kind: asylum', 'none')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "none"
    if isinstance(value, enum.Enum):
        return words(value.value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(words(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {words(v)}" for k, v in value.items())
    return str(value)


def pairs(fields: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> str:
    """``key value`` pairs joined by commas: ``to KP, wounded true``.

    >>> pairs({"to": "KP", "wounded": True})
    'to KP, wounded true'
    """
    items = fields.items() if isinstance(fields, Mapping) else fields
    return ", ".join(f"{k} {words(v)}" for k, v in items)


def phrase(name: str, fields: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> str:
    """An event as a person reads it: its name, and its fields in brackets when it has any
    (never an empty pair of brackets).

    >>> phrase("repatriate", {"to": "KP"}), phrase("release_in_detaining_state", {})
    ('repatriate (to KP)', 'release_in_detaining_state')
    """
    shown = pairs(fields)
    return f"{name} ({shown})" if shown else name


def event_words(event: Any) -> str:
    """An event (anything with ``name``, ``fields()`` and ``date``) in words: ``repatriate
    (to KP) on 2025-01-11``.
    """
    return f"{phrase(event.name, event.fields())} on {words(event.date)}"


def cited(cites: Iterable[str]) -> str:
    """Citations in brackets, or nothing when there are none.

    >>> cited(["GCIII-13", "GCIII-17"]), cited([])
    (' [GCIII-13, GCIII-17]', '')
    """
    listed = ", ".join(cites)
    return f" [{listed}]" if listed else ""


def _repr(self: Any) -> str:
    short = self._short() if hasattr(self, "_short") else self._summary()
    return neutral(f"<{type(self).__name__} {short}>", newlines=False)


def _str(self: Any) -> str:
    details: list[str] = list(self._details())
    lines = [self._summary(), *(f"  {line}" for line in details)]
    return "\n".join(neutral(line, newlines=False) for line in lines)


def _markdown(self: Any) -> str:
    details: list[str] = list(self._details())
    lines = [f"**{markdown_text(type(self).__name__)}** {markdown_text(self._summary())}"]
    if details:
        lines += ["", *(f"- {markdown_text(line)}" for line in details)]
    return "\n".join(lines) + "\n"


def _html(self: Any) -> str:
    details: list[str] = list(self._details())
    items = "".join(f"<li>{html.escape(neutral(d, newlines=False))}</li>" for d in details)
    summary = html.escape(neutral(self._summary(), newlines=False))
    listed = f"<ul>{items}</ul>" if items else ""
    return f"<div><b>{html.escape(type(self).__name__)}</b> {summary}{listed}</div>"


def _no_details(self: Any) -> tuple[str, ...]:
    return ()


def readable(cls: type[T]) -> type[T]:
    """Give ``cls`` a readable ``str``, a short ``repr`` (``<Verdict refused: ...>``) and
    Markdown and HTML reprs, made from its ``_summary()`` and ``_details()`` methods (and
    ``_short()``, where the repr says less than the summary).

    Applied outside ``attrs``' decorator, so it replaces the repr attrs generated; Markdown
    and HTML reprs the class writes itself are kept.
    """
    methods: dict[str, Callable[..., Any]] = {
        "__repr__": _repr,
        "__str__": _str,
        "_repr_markdown_": _markdown,
        "_repr_html_": _html,
    }
    if not hasattr(cls, "_details"):
        methods["_details"] = _no_details
    for name, method in methods.items():
        if name.startswith("_repr_") and name in vars(cls):
            continue
        setattr(cls, name, method)
    return cls
