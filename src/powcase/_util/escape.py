r"""Neutralising text for output: no control character, escape sequence or bidi override that a
scenario file carries reaches a terminal, a Markdown page or a JSON reader as itself.

A scenario's strings (title, id, place, claim, note) and the paths of its files are written
by whoever made the file. Written raw, an ``ESC`` sequence can rewrite a terminal's title,
clear the screen or colour a spoofed line, and a right-to-left override (U+202E) can make a
line read differently from what it holds. Every such character is shown as a visible escape
(``\x1b``, ``\u202e``) instead.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["UNSAFE", "code_span", "markdown_text", "neutral", "neutral_data", "neutral_json"]

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(
    # C0 controls but tab and newline, DEL, C1 controls, bidi controls, line and paragraph
    # separators (which some terminals and editors break lines at), and lone surrogates
    # (which no UTF-8 output can carry).
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]"
)
"""The characters :func:`neutral` escapes (tab and newline are kept)."""

_UNSAFE_IN_LINE = re.compile(UNSAFE.pattern[:-1] + "\t\n]")
_SGR = re.compile(r"\x1b\[[0-9;]*m")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    if match.group() in _NAMED:
        return _NAMED[match.group()]
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def neutral(text: str, *, newlines: bool = True, colour: bool = False) -> str:
    r"""``text`` with every unsafe character shown as a visible escape.

    ``newlines=False`` escapes tab and newline too: for a value that must stay on its line.
    ``colour=True`` lets the colour codes (SGR sequences) of our own renderers through; only
    a writer that asked for colour passes it, after the values were neutralised.

    >>> neutral("a\x1b]0;owned\x07b\u202e")
    'a\\x1b]0;owned\\x07b\\u202e'
    >>> neutral("two\nlines", newlines=False)
    'two\\nlines'
    """
    pattern = UNSAFE if newlines else _UNSAFE_IN_LINE
    if not colour:
        return pattern.sub(_visible, text)
    return "".join(
        pattern.sub(_visible, part) if index % 2 == 0 else part
        for index, part in enumerate(_split_sgr(text))
    )


def _split_sgr(text: str) -> list[str]:
    """``text`` cut into plain parts (even indexes) and SGR sequences (odd indexes)."""
    parts: list[str] = []
    last = 0
    for match in _SGR.finditer(text):
        parts += [text[last : match.start()], match.group()]
        last = match.end()
    parts.append(text[last:])
    return parts


def neutral_json(text: str) -> str:
    r"""JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every unsafe character
    written as a ``\uXXXX`` escape: the same document for a JSON reader, inert in a terminal.
    """
    return UNSAFE.sub(_json_escape, text)


def neutral_data(data: Any) -> Any:
    """Plain data (JSON form) with every string, keys included, on one safe line."""
    if isinstance(data, str):
        return neutral(data, newlines=False)
    if isinstance(data, dict):
        return {neutral_data(k): neutral_data(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [neutral_data(v) for v in data]
    return data


_MARKDOWN = re.compile(r"([\\`*\[\]<>#|&])")


def markdown_text(text: object) -> str:
    r"""A value as inert Markdown text on one line: raw HTML, links and images, headings,
    emphasis, code spans and table cells cannot be opened from it.

    >>> markdown_text("<img src=x onerror=alert(1)> | # x")
    '\\<img src=x onerror=alert(1)\\> \\| \\# x'
    """
    flat = neutral(str(text), newlines=False)
    return _MARKDOWN.sub(r"\\\1", flat)


def code_span(text: object) -> str:
    """A value as one Markdown code span in running text, whatever backticks it holds (not for
    a table cell, where a ``|`` would end the cell).
    """
    flat = neutral(str(text), newlines=False)
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
