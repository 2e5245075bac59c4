"""A JSON Schema of the scenario format, generated from the field table, the assumptions and
the model's names, so that editors can check YAML scenario files as they are written.
"""

from __future__ import annotations

from typing import Any

from powcase.law.book import Law
from powcase.law.rules import Status
from powcase.model.assumptions import Assumptions
from powcase.model.countries import STATE_CODES
from powcase.model.events import EVENT_TYPES
from powcase.model.fields import FieldSpec, field_specs
from powcase.model.mode import Mode
from powcase.model.record import SOURCE_KINDS, Source, Subject
from powcase.model.verdict import MISSING_FACTS
from powcase.scenario.model import HELD_BACK_BY, LAPSED_WHY, public_states
from powcase.scenario.output_schema import run_schema

__all__ = ["output_schema", "scenario_schema"]

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_STATE = {"$ref": "#/$defs/state"}
_OUTCOME = {"enum": ["allowed", "refused", "undetermined"]}
_IDS = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
    ]
}


def _field(spec: FieldSpec) -> dict[str, Any]:
    kinds: dict[str, dict[str, Any]] = {
        "date": _DATE,
        "state": _STATE,
        "states": {"type": "array", "items": _STATE, "uniqueItems": True},
        "state_or": {"anyOf": [_STATE, {"enum": list(spec.options)}]},
        "choice": {"enum": list(spec.options)},
        "choices": {"type": "array", "items": {"enum": list(spec.options)}, "uniqueItems": True},
        "provisions": {
            "anyOf": [
                _IDS,
                {
                    "type": "object",
                    "propertyNames": {"enum": list(spec.options)},
                    "additionalProperties": _IDS,
                    "minProperties": 1,
                },
            ]
        },
        "bool": {"type": "boolean"},
        "text": {"type": "string"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "year": {
            "anyOf": [{"type": "integer", "minimum": 1850, "maximum": 2100}, _DATE],
        },
        "sources": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
    }
    schema = dict(kinds[spec.kind])
    schema["description"] = spec.doc
    if not spec.required and spec.kind not in ("states", "sources", "choices"):
        schema = {"anyOf": [schema, {"type": "null"}], "description": spec.doc}
    return schema


def _object(cls: type, *, skip: tuple[str, ...] = (), dated: bool = True) -> dict[str, Any]:
    specs = {k: v for k, v in field_specs(cls).items() if k not in skip}
    properties = {name: _field(spec) for name, spec in specs.items()}
    required = [
        name for name, spec in specs.items() if spec.required and (dated or name != "date")
    ]
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _event(name: str, *, dated: bool = True) -> dict[str, Any]:
    schema = _object(EVENT_TYPES[name], dated=dated)
    schema["properties"]["event"] = {"const": name}
    schema["required"] = ["event", *schema["required"]]
    schema["description"] = (EVENT_TYPES[name].__doc__ or "").strip().splitlines()[0]
    return schema


def _assumptions() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key, spec in Assumptions.specs().items():
        if spec.days:
            properties[key] = {"type": "integer", "minimum": 0, "maximum": 3650}
        else:
            properties[key] = {"enum": list(spec.options)}
        properties[key]["description"] = spec.question
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _names(values: Any) -> dict[str, Any]:
    return {"type": "array", "items": {"enum": list(values)}}


def _expect() -> dict[str, Any]:
    law = Law.packaged()
    flag = {"enum": list(law.flags)}
    undated = [_event(name, dated=False) for name in EVENT_TYPES]
    ids = {"type": "array", "items": {"type": "string"}}
    not_cites = {
        "type": "array",
        "items": {"type": "string"},
        "description": "provision ids, or instrument ids (every provision of the instrument)",
    }
    reasons = _names(law.messages)
    missing = _names(MISSING_FACTS)
    step = {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "outcome": _OUTCOME,
            "applied": {"type": "boolean"},
            "cites": ids,
            "not_cites": not_cites,
            "reasons": reasons,
            "missing": missing,
        },
    }
    matcher = {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "step": {"type": "integer", "minimum": 0},
            "event": {"enum": list(EVENT_TYPES)},
            "cites": ids,
            "state": _STATE,
        },
    }
    matchers = {"type": "array", "items": matcher}
    none_of = {"anyOf": [{"const": True}, matchers]}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "state": {"type": "array", "items": {"enum": list(public_states())}},
            "flags": {"type": "array", "items": flag},
            "no_flags": {"type": "array", "items": flag},
            "steps": {
                "type": "object",
                "patternProperties": {r"^\d+$": {"anyOf": [_OUTCOME, step]}},
                "additionalProperties": False,
            },
            "verdicts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["event"],
                    "additionalProperties": False,
                    "properties": {
                        "event": {"oneOf": undated},
                        "outcome": _OUTCOME,
                        "cites": ids,
                        "not_cites": not_cites,
                        "rests_on": _names(Assumptions.specs()),
                        "reasons": reasons,
                        "missing": missing,
                    },
                },
            },
            "obligations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["status"],
                    "additionalProperties": False,
                    "properties": {
                        "code": {"enum": list(law.obligations)},
                        "provision": {
                            "enum": sorted(
                                {p for r in law.obligations.values() for p in r.provisions}
                            )
                        },
                        "status": {"enum": [s.value for s in Status]},
                        "late": {"type": "boolean"},
                        "held_back": {"type": "boolean"},
                        "held_back_by": {"enum": [*HELD_BACK_BY, None]},
                        "why": {"enum": [*LAPSED_WHY, None]},
                        "due": _DATE,
                        "started": _DATE,
                    },
                },
            },
            "violations": matchers,
            "possible_violations": matchers,
            "no_violations": none_of,
            "no_possible_violations": none_of,
        },
    }


def _scenario() -> dict[str, Any]:
    source = _object(Source, skip=("id",))
    source["properties"]["kind"] = {"enum": list(SOURCE_KINDS)}
    claim = {
        "type": "object",
        "required": ["about", "value", "date"],
        "additionalProperties": False,
        "properties": {
            "about": {"type": "string"},
            "value": {"type": ["string", "number"]},
            "source": {"type": "string"},
            "date": _DATE,
        },
    }
    variant = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "assumptions": {"$ref": "#/$defs/assumptions"},
            "mode": {"enum": [m.value for m in Mode]},
            "as_of": _DATE,
            "expect": {"$ref": "#/$defs/expect"},
        },
    }
    return {
        "type": "object",
        "required": ["subject", "detaining_power"],
        "additionalProperties": False,
        "properties": {
            "powcase": {"const": 1},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "mode": {"enum": [m.value for m in Mode]},
            "subject": _object(Subject),
            "detaining_power": _STATE,
            "assumptions": {"$ref": "#/$defs/assumptions"},
            "sources": {"type": "object", "additionalProperties": source},
            "events": {
                "type": "array",
                "items": {"oneOf": [_event(name) for name in EVENT_TYPES]},
            },
            "claims": {"type": "array", "items": claim},
            "as_of": _DATE,
            "expect": {"$ref": "#/$defs/expect"},
            "variants": {"type": "object", "additionalProperties": variant},
            "law": _LAW_OVERLAYS,
        },
    }


_LAW_OVERLAYS = {
    "type": "array",
    "items": {"type": "string"},
    "description": "law overlay files (paths relative to the scenario file), applied in order "
    "after the packaged law; see `powcase schema --law`",
}


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file: one scenario, or a list of them
    under ``scenarios``.
    """
    scenario = _scenario()
    single = {**scenario, "required": ["powcase", *scenario["required"]]}
    listed = {
        "type": "object",
        "required": ["powcase", "scenarios"],
        "additionalProperties": False,
        "properties": {
            "powcase": {"const": 1},
            "scenarios": {"type": "array", "items": {"$ref": "#/$defs/scenario"}},
            "law": _LAW_OVERLAYS,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://powcase.invalid/schema/scenario-1.json",
        "title": "powcase scenario, format 1",
        "description": f"Provision ids: {len(Law.packaged().provisions)} in the catalogue "
        "(see `powcase provisions`).",
        "$defs": {
            "scenario": scenario,
            "assumptions": _assumptions(),
            "expect": _expect(),
            "state": {
                "type": "string",
                "enum": sorted(STATE_CODES),
                "description": "an ISO 3166 alpha-2 state code",
            },
        },
        "oneOf": [single, listed],
    }


def output_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``powcase run --format json``: a list of runs,
    generated from the shapes of the output types.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://powcase.invalid/schema/output-1.json",
        "title": "powcase run output, format 1",
        "$defs": {
            "assumptions": {**_assumptions(), "required": list(Assumptions.specs())},
            "run": run_schema(),
        },
        "type": "array",
        "items": {"$ref": "#/$defs/run"},
    }
