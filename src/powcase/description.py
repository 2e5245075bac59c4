"""``describe()``: the whole legal model as JSON-ready data, built from the code itself.

States and transitions come from the chart, event fields from the field table, citations from
the guards, provisions from the catalogue and assumptions from their class: nothing here is
maintained by hand, so it cannot drift from what the library does.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs

from powcase.engine.table import EDGES, NODES
from powcase.law.book import Law, LawLike, law_of
from powcase.law.guards import GUARDS
from powcase.law.provenance import MODEL_VERSION, generated_by
from powcase.law.translated import event_doc
from powcase.model.assumptions import Assumptions
from powcase.model.events import EVENT_TYPES
from powcase.model.fields import field_specs

__all__ = ["MODEL_VERSION", "describe"]


def _states() -> list[dict[str, Any]]:
    return [
        {
            "id": n.id,
            "name": n.name,
            "final": n.final,
            "parent": n.parent,
            "kind": n.kind,
            "initial": n.id == NODES[n.parent].initial if n.parent else n.order == 0,
        }
        for n in sorted(NODES.values(), key=lambda n: n.order)
    ]


def _events() -> list[dict[str, Any]]:
    described = []
    for name, cls in EVENT_TYPES.items():
        fields = {k: spec.to_dict() for k, spec in field_specs(cls).items()}
        described.append(
            {
                "id": name,
                "kind": cls.event_kind,
                "doc": event_doc(cls),
                "fields": fields,
            }
        )
    return described


def _transitions() -> list[dict[str, Any]]:
    described = []
    for edge in EDGES:
        item: dict[str, Any] = {
            "event": edge.event,
            "source": edge.source,
            "target": edge.target,
            "cites": list(GUARDS[edge.event].cites),
        }
        if edge.selector is not None:
            item["when"] = {edge.selector[0]: edge.selector[1]}
        if edge.restores:
            item["restores"] = "history"
        described.append(item)
    return described


def _assumptions() -> list[dict[str, Any]]:
    defaults = Assumptions().to_dict()
    described = []
    for key, spec in Assumptions.specs().items():
        item: dict[str, Any] = {"key": key, "question": spec.question, "default": defaults[key]}
        if spec.days:
            item["options"] = {"days": {"min": 0, "max": 3650}}
        else:
            item["options"] = list(spec.options)
        described.append(item)
    return described


def _json(value: Any) -> Any:
    """Attrs value objects as plain JSON data: dates in ISO form, tuples as lists."""
    if attrs.has(type(value)):
        return {a.name: _json(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _parties(law: Law) -> list[dict[str, Any]]:
    plain = _json
    return [
        {
            "code": p.code,
            "name": p.name,
            "participations": [plain(x) for x in p.participations],
            "reservations": [plain(x) for x in p.reservations],
            "allies": [plain(x) for x in p.allies],
            "treatment": [plain(x) for x in p.treatment],
            "claims_nationals_of": list(p.claims_nationals_of),
        }
        for p in law.parties.values()
    ]


def describe(law: LawLike = None) -> dict[str, Any]:
    """The legal model: states, events, transitions, provisions, assumptions and parties,
    under ``law`` (the packaged law when None; overlay paths apply to it).

    >>> model = describe()
    >>> sorted(model)
    ['assumptions', 'events', 'flags', 'generated_by', 'model', 'obligations', 'parties',
     'provisions', 'states', 'transitions']
    >>> next(s for s in model["states"] if s["id"] == "pow")["parent"]
    'status'
    """
    law = law_of(law)
    return {
        "generated_by": generated_by(law),
        "model": MODEL_VERSION,
        "states": _states(),
        "events": _events(),
        "transitions": _transitions(),
        "provisions": [p.to_dict() for p in law.provisions.values()],
        "assumptions": _assumptions(),
        "flags": [rule.to_dict() for rule in law.flags.values()],
        "obligations": [rule.to_dict() for rule in law.obligations.values()],
        "parties": _parties(law),
    }
