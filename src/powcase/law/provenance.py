"""What produced an output: the library's version, the model's version, the law data's date."""

from __future__ import annotations

from typing import Any

from powcase._util.version import package_version
from powcase.law.book import Law

__all__ = ["MODEL_VERSION", "generated_by"]

MODEL_VERSION = 2
"""The version of the legal model's names (states, events, verdicts, flags, obligations)."""


def generated_by(law: Law | None = None) -> dict[str, Any]:
    """What produced an output: library version, model version, date of the law data, and
    the overlays applied to it (when there are any).
    """
    law = law or Law.packaged()
    return {"powcase": package_version(), "model": MODEL_VERSION, **law.generated_by()}
