"""The JSON Schema of property checks (``powcase explore --format json``): a list, one entry
per property file, each :meth:`~powcase.explore.results.CheckResult.to_dict`.
"""

from __future__ import annotations

from typing import Any

from powcase.explore.readings import CHOICE_KEYS
from powcase.explore.results import Answer
from powcase.law.book import Law
from powcase.model.assumptions import Assumptions
from powcase.model.events import EVENT_TYPES
from powcase.model.mode import Mode
from powcase.model.verdict import Outcome
from powcase.scenario.output_schema import run_schema

__all__ = ["check_schema"]

_COUNT = {"type": "integer", "minimum": 0}
_SECONDS = {"type": "number", "minimum": 0}


def _object(properties: dict[str, Any], *, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _option(key: str) -> dict[str, Any]:
    options = list(Assumptions.specs()[key].options)
    return {"enum": options}


def _reading() -> dict[str, Any]:
    return _object({key: _option(key) for key in CHOICE_KEYS})


def _step() -> dict[str, Any]:
    return _object(
        {
            "event": {
                "type": "object",
                "required": ["event", "date"],
                "properties": {
                    "event": {"enum": list(EVENT_TYPES)},
                    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                },
            },
            "outcome": {"enum": [o.value for o in Outcome]},
            "applied": {"type": "boolean"},
        }
    )


def _entry(law: Law) -> dict[str, Any]:
    generated_by = run_schema(law)["properties"]["generated_by"]
    result = _object(
        {
            "reading": {"$ref": "#/$defs/reading"},
            "answer": {"enum": [a.value for a in Answer]},
            "witness": {"type": ["string", "null"]},
            "path": {"anyOf": [_list({"$ref": "#/$defs/step"}), {"type": "null"}]},
        }
    )
    prop = _object(
        {
            "id": {"type": "string"},
            "text": {"type": ["string", "null"]},
            "form": {"enum": ["never", "reachable", "always", "eventually"]},
            "note": {"type": ["string", "null"]},
            "results": _list(result),
        }
    )
    stats = _object(
        {
            "letters": _COUNT,
            "readings": _COUNT,
            "depth": _COUNT,
            "steps": _COUNT,
            "situations": _COUNT,
            "situations_by_depth": _list(_COUNT),
            "verdicts": _COUNT,
            "explore_seconds": _SECONDS,
            "check_seconds": _SECONDS,
            "exact_situations": {"type": "boolean"},
        }
    )
    group = _object(
        {
            "readings": _COUNT,
            "answers": _list({"enum": [a.value for a in Answer]}),
            "where": _list(
                {
                    "type": "object",
                    "propertyNames": {"enum": list(CHOICE_KEYS)},
                    "additionalProperties": {"type": "array"},
                }
            ),
        }
    )
    return _object(
        {
            "generated_by": generated_by,
            "file": {"type": "string"},
            "title": {"type": "string"},
            "start": {"type": "string"},
            "explore": _object(
                {
                    "depth": _COUNT,
                    "mode": {"enum": [m.value for m in Mode]},
                    "step_days": _COUNT,
                    "alphabet": {"enum": ["default", "full"]},
                }
            ),
            "varied": _list({"enum": list(CHOICE_KEYS)}),
            "stats": stats,
            "properties": _list(prop),
            "summary": _list(group),
            "never_cited": _list({"enum": list(law.provisions)}),
        }
    )


def check_schema(law: Law | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``powcase explore --format json``."""
    law = law or Law.packaged()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://powcase.invalid/schema/explore-1.json",
        "title": "powcase explore output, format 1",
        "$defs": {"reading": _reading(), "step": _step(), "check": _entry(law)},
        "type": "array",
        "items": {"$ref": "#/$defs/check"},
    }
