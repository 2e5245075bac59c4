"""Work over many scenarios or paths at once: comparisons of readings of the law, and every
path from a start under every reading, with legal properties checked on them.

The names below are imported when first used, so that importing one module of the package
does not load the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from powcase.explore.checking import check, check_exploration, check_files
    from powcase.explore.properties import (
        Property,
        PropertyFile,
        PropertyFileError,
        load_properties,
    )
    from powcase.explore.results import (
        Answer,
        CheckResult,
        Group,
        PropertyResult,
        ReadingResult,
    )
    from powcase.explore.results_schema import check_schema

__all__ = [
    "Answer",
    "CheckResult",
    "Group",
    "Property",
    "PropertyFile",
    "PropertyFileError",
    "PropertyResult",
    "ReadingResult",
    "check",
    "check_exploration",
    "check_files",
    "check_schema",
    "load_properties",
]

_EXPORTS = {
    "Answer": "powcase.explore.results",
    "CheckResult": "powcase.explore.results",
    "Group": "powcase.explore.results",
    "Property": "powcase.explore.properties",
    "PropertyFile": "powcase.explore.properties",
    "PropertyFileError": "powcase.explore.properties",
    "PropertyResult": "powcase.explore.results",
    "ReadingResult": "powcase.explore.results",
    "check": "powcase.explore.checking",
    "check_exploration": "powcase.explore.checking",
    "check_files": "powcase.explore.checking",
    "check_schema": "powcase.explore.results_schema",
    "load_properties": "powcase.explore.properties",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'powcase.explore' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
