"""The JSON Schema of the run output, generated from the shapes the output types declare.

Each object of the output is the shape of an attrs class (:mod:`powcase.model.contract`): its
keys, in order, and the type of the field or property each one writes. The schema follows
those types: enums list their values, tuples are arrays, a shaped class is a closed object.
What a type cannot say is given per key: codes that the law data lists (flags, obligations),
the states a configuration can hold, and the few objects written by a function.
"""

from __future__ import annotations

import datetime
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from powcase._util.i18n import LANGUAGES, SOURCE_LANGUAGE
from powcase.law.book import Law
from powcase.law.docket import Obligation
from powcase.law.flags import Flag
from powcase.law.provenance import MODEL_VERSION
from powcase.law.violations import Violation
from powcase.model import contract
from powcase.model.assumptions import Assumptions
from powcase.model.events import EVENT_TYPES, Event
from powcase.model.mode import Mode
from powcase.scenario.model import public_states
from powcase.scenario.result import Asked, ClaimGroup, LaterEvent, RunResult, StepResult

__all__ = ["run_schema"]

# Redacted output shows dates to the month only.
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"}
_COUNT = {"type": "integer", "minimum": 0}
_TRANSLATED_TEXT = (
    "^text_(" + "|".join(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE) + ")$"
)
"""The keys of a text translated into a language powcase speaks, beside ``text``."""


def _list(items: Mapping[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": dict(items)}


def _event() -> dict[str, Any]:
    """An event in its scenario-file form; its fields are checked by the scenario schema."""
    return {
        "type": "object",
        "required": ["event"],
        "properties": {"event": {"enum": list(EVENT_TYPES)}},
    }


def _overrides(law: Law) -> dict[tuple[type, str], dict[str, Any]]:
    """What the types do not say, by (class, key)."""
    flags = {"enum": list(law.flags)}
    claim = {
        "type": "object",
        "properties": {
            "value": {"type": "string"},
            "source": {"type": ["string", "null"]},
            "date": _DATE,
        },
        "additionalProperties": False,
        "required": ["value", "source", "date"],
    }
    return {
        (Flag, "code"): flags,
        (Flag, "because"): _list(_COUNT),
        (Obligation, "code"): {"enum": list(law.obligations)},
        (StepResult, "index"): _COUNT,
        (StepResult, "event"): {"enum": list(EVENT_TYPES)},
        (StepResult, "kind"): {
            "enum": list(dict.fromkeys(c.event_kind for c in EVENT_TYPES.values()))
        },
        (LaterEvent, "index"): _COUNT,
        (LaterEvent, "event"): {"enum": list(EVENT_TYPES)},
        (LaterEvent, "kind"): {
            "enum": list(dict.fromkeys(c.event_kind for c in EVENT_TYPES.values()))
        },
        (Violation, "index"): _COUNT,
        (Asked, "event"): _event(),
        (ClaimGroup, "values"): _list(claim),
        (RunResult, "generated_by"): {
            "type": "object",
            "properties": {
                "powcase": {"type": "string"},
                "model": {"const": MODEL_VERSION},
                "law_data": _DATE,
                "overlays": _list(
                    {
                        "type": "object",
                        "required": ["path", "added", "replaced"],
                        "properties": {
                            "path": {"type": "string"},
                            "added": _list({"type": "string"}),
                            "replaced": _list({"type": "string"}),
                        },
                        "additionalProperties": False,
                    }
                ),
            },
            "additionalProperties": False,
            "required": ["powcase", "model", "law_data"],
        },
        (RunResult, "mode"): {"enum": [m.value for m in Mode]},
        (RunResult, "state"): _list({"enum": list(public_states())}),
        (RunResult, "active_flags"): _list(flags),
        (RunResult, "expectations.passed"): _COUNT,
    }


class _Walk:
    """The schema of each type met, from the shapes and the overrides."""

    def __init__(self, overrides: dict[tuple[type, str], dict[str, Any]]) -> None:
        self.overrides = overrides

    def of(self, kind: Any) -> dict[str, Any]:
        """The schema of a value of type ``kind``."""
        simple: dict[Any, Callable[[], dict[str, Any]]] = {
            str: lambda: {"type": "string"},
            int: lambda: {"type": "integer"},
            bool: lambda: {"type": "boolean"},
            datetime.date: lambda: dict(_DATE),
            Any: dict,
            Assumptions: lambda: {"$ref": "#/$defs/assumptions"},
        }
        if kind in simple:
            return simple[kind]()
        if kind == contract.PAIRS:
            return {"type": "object"}
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            kept = [self.of(a) for a in args if a is not type(None)]
            nullable = type(None) in args
            if len(kept) == 1 and set(kept[0]) == {"type"} and nullable:
                return {"type": [kept[0]["type"], "null"]}
            return {"anyOf": [*kept, {"type": "null"}] if nullable else kept}
        if origin in (tuple, list):
            return _list(self.of(args[0]))
        if origin is dict:
            return {"type": "object"}
        if contract.is_enum(kind):
            return {"enum": [m.value for m in kind]}
        if isinstance(kind, type) and issubclass(kind, Event):
            return _event()
        return self.shaped(contract.shape_of(kind))

    def shaped(self, form: contract.Shape) -> dict[str, Any]:
        """The closed object of a shape; an object spread into it lends it its keys."""
        schema: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        closed = True
        for each in form.keys:
            declared = form.field_type(each.attr) if each.attr else None
            kind = each.kind if each.kind is not None else declared
            if each.optional:
                # An optional key is left out, never written as null.
                kind = _not_none(kind)
            if each.spread:
                lent = self.of(kind) if kind != contract.PAIRS else None
                if lent is None:
                    closed = False  # its keys are whatever the details hold
                    continue
                schema["properties"].update(lent["properties"])
                schema["required"] += lent["required"]
                continue
            value = self.overrides.get((form.cls, each.json)) or self.of(kind)
            _place(schema, each.json, value, required=not (each.optional or each.personal))
        if closed:
            schema["additionalProperties"] = False
            if "text" in schema["properties"]:
                # Output asked in another language gives the law's text in it beside the
                # English (``text_ko``), a text each.
                schema["patternProperties"] = {_TRANSLATED_TEXT: {"type": "string"}}
        return schema


def _not_none(kind: Any) -> Any:
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(kept) == 1:
            return kept[0]
    return kind


def _place(schema: dict[str, Any], path: str, value: dict[str, Any], *, required: bool) -> None:
    """Put a key's schema at its place, nested objects for a dotted key."""
    *outer, last = path.split(".")
    for part in outer:
        properties = schema["properties"]
        if part not in properties:
            properties[part] = {
                "type": "object",
                "properties": {},
                "additionalProperties": False,
                "required": [],
            }
            schema["required"].append(part)
        schema = properties[part]
    schema["properties"][last] = value
    if required and last not in schema["required"]:
        schema["required"].append(last)


def run_schema(law: Law | None = None) -> dict[str, Any]:
    """The schema of one run's JSON form (:meth:`RunResult.to_dict`)."""
    walk = _Walk(_overrides(law or Law.packaged()))
    return walk.shaped(contract.shape_of(RunResult))
