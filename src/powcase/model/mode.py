"""How a case treats a step whose verdict is not ``allowed``."""

from __future__ import annotations

import enum

from powcase.errors import InvalidInput

__all__ = ["Mode", "mode_of"]


class Mode(enum.StrEnum):
    """How steps whose verdict is not ``allowed`` are treated."""

    NORMATIVE = "normative"
    """Such a step is not applied: what may lawfully happen."""
    DESCRIPTIVE = "descriptive"
    """Every step the legal path allows is applied: what did happen, with its violations."""


def mode_of(value: Mode | str) -> Mode:
    """``value`` as a :class:`Mode`; a located error for anything else."""
    try:
        return Mode(value)
    except ValueError:
        options = " or ".join(repr(str(m)) for m in Mode)
        raise InvalidInput.single("mode", f"got {value!r}", expected=options) from None
