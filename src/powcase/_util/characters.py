r"""Text a scenario can hold: every code point a character, so that every output can encode it.

A lone surrogate (``"\ud800"`` in a YAML or JSON escape, or in a Python string) is half of a
UTF-16 pair, not a character: UTF-8 cannot encode it, and an output would fail half-written.
"""

from __future__ import annotations

import re

from powcase._util.templates import problem_text

__all__ = ["surrogate_code", "surrogate_problem"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def surrogate_problem(text: str) -> str | None:
    r"""What is wrong with ``text`` if it holds a lone surrogate, else None.

    >>> surrogate_problem("\ud83d")
    'has a lone surrogate (\\ud83d), which is not a character'
    >>> surrogate_problem("\U0001F600") is None
    True
    """
    code = surrogate_code(text)
    if code is None:
        return None
    return problem_text("has a lone surrogate ({code}), which is not a character").format(
        code=code
    )


def surrogate_code(text: str) -> str | None:
    r"""The escape of the first lone surrogate in ``text`` (``\\ud83d``), or None."""
    found = _SURROGATE.search(text)
    return None if found is None else f"\\u{ord(found.group()):04x}"
