"""Redaction of outputs beyond the name.

The subject's name is always withheld unless asked for. ``strict`` redaction also withholds
what could identify him with other data: his year of birth, rank and unit, the place of
events, and exact dates (shown to the month). A scenario's title and description are its
author's text and are shown as written.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["LEVELS", "redact"]

LEVELS = ("none", "strict")
_WITHHELD = frozenset({"born", "rank", "unit", "place"})
_DAY = re.compile(r"^(\d{4}-\d{2})-\d{2}$")


def redact(data: Any, level: str = "none") -> Any:
    """``data`` (plain JSON output) with what ``level`` withholds taken out.

    >>> redact({"date": "2025-01-09", "fields": {"place": "Kursk", "wounded": True}}, "strict")
    {'date': '2025-01', 'fields': {'wounded': True}}
    """
    if level == "none":
        return data
    if isinstance(data, dict):
        kept = {k: redact(v, level) for k, v in data.items() if k not in _WITHHELD}
        if isinstance(kept.get("subject"), dict):
            # The subject's name is personal data; a source's name is not.
            kept["subject"] = {k: v for k, v in kept["subject"].items() if k != "name"}
        return kept
    if isinstance(data, list):
        return [redact(v, level) for v in data]
    if isinstance(data, str):
        match = _DAY.match(data)
        return match.group(1) if match else data
    return data
