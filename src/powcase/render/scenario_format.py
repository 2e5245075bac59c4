"""The scenario-format reference page, generated from the code that reads scenario files.

Every table comes from what the loader itself uses: the file's keys and the expectation keys
from the JSON Schema of the format, the fields of the subject, the sources and every event from
the field table (type, required or default, allowed values), what reads each field from the
code of the engine and the law (:mod:`powcase.render.readers`), and each event's example from
its fields. The page is committed; a test fails when it differs from what this module writes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

import yaml

from powcase.description import describe
from powcase.model.events import EVENT_TYPES, Event
from powcase.model.fields import FieldSpec, field_specs
from powcase.model.record import Source, Subject
from powcase.render.readers import field_readers, module_summary
from powcase.scenario.schema import scenario_schema
from powcase.scenario.starter import STARTERS

__all__ = ["REGENERATE", "event_example", "scenario_format"]

REGENERATE = "python -m powcase.render.pages docs/reference"
"""The command that rewrites the generated reference pages."""

_COMMON = ("date", "source", "note")
"""The fields every event has, described once."""

_TOP_KEYS = {
    "powcase": "the format version: `1`. Required.",
    "title": "a short title, shown in every output.",
    "description": "a longer text, shown under the title in `run` and the report.",
    "mode": "`normative` (the default: a refused step is not applied, the record stops "
    "there) or `descriptive` (a refused step is applied anyway and reported as a violation).",
    "subject": "the person: see [the subject](#the-subject). Required.",
    "detaining_power": "the state code of the state that holds him. Required.",
    "assumptions": "how contested law is read: a mapping from an assumption key to one of its "
    "options; keys left out take their default (see [assumptions](#assumptions)).",
    "sources": "who reported the events: a mapping from a source id to a source (see "
    "[sources](#sources)); an event names its sources with `source:`.",
    "events": "the record, in date order (events of one date keep the file's order): see "
    "[events](#events).",
    "claims": "facts that feed no rule, kept side by side when sources disagree: a list of "
    "`{about, value, source, date}` (see [claims](#claims)).",
    "as_of": "the date the docket, the flags and the asked verdicts are read at; the last "
    "event's date when left out.",
    "expect": "what you expect; `powcase run` and `powcase test` check it (see "
    "[expectations](#expectations)).",
    "variants": "what-if runs of the same record: a mapping from a variant name to "
    "`{assumptions, mode, as_of, expect}`. Its assumptions are merged over the scenario's; "
    "its `expect` replaces the scenario's.",
    "law": "law overlay files, paths relative to the scenario file, applied in order after "
    "the packaged law (`powcase schema --law` gives their schema).",
}

_EXPECT_KEYS = {
    "state": "the whole configuration at the end, one state per region, in any order.",
    "flags": "flags that must be active (others may be).",
    "no_flags": "flags that must not be active.",
    "steps": "the outcome of recorded steps by index in `events` (0-based): "
    "`allowed`, `refused` or `undetermined`, or a mapping with any of `outcome`, `applied`, "
    "`cites`, `not_cites`, `reasons`, `missing`.",
    "verdicts": "steps asked at the end of the record: each has `event` (an event without "
    "its date) and any of `outcome`, `cites`, `not_cites`, `rests_on`, `reasons`, `missing`.",
    "obligations": "docket entries: each matches by `code` (or `provision`) and has "
    "`status` and any of `late`, `held_back`, `held_back_by`, `why`, `due`, `started`.",
    "violations": "each matcher (any of `step`, `event`, `cites`, `state`) must match a "
    "violation.",
    "possible_violations": "each matcher must match a possible violation.",
    "no_violations": "`true` (none at all) or a list of matchers that must match none.",
    "no_possible_violations": "`true` or a list of matchers, as `no_violations`.",
}

_KIND_NAMES = {
    "date": "date",
    "state": "state code",
    "states": "list of state codes",
    "state_or": "state code or word",
    "choice": "one of",
    "choices": "list of",
    "bool": "true or false",
    "text": "text",
    "confidence": "number from 0 to 1",
    "year": "year or date",
    "sources": "source id or list",
    "provisions": "provision ids",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _values(spec: FieldSpec) -> str:
    """The allowed values of a field, enumerated where they are a closed list."""
    if spec.kind == "text":
        return "any text"
    if spec.kind in ("choice", "choices", "state_or"):
        listed = ", ".join(f"`{o}`" for o in spec.options)
        return listed if spec.kind != "state_or" else f"a state code, or {listed}"
    if spec.kind == "bool" and (spec.required or spec.default not in (None, ())):
        return "true or false"  # never unknown: required, or its default when left out
    if spec.kind == "provisions":
        terms = ", ".join(f"`{o}`" for o in spec.options)
        return f"a provision id, a list of ids, or a mapping from a term ({terms}) to ids"
    return spec.expected()


def _required(spec: FieldSpec) -> str:
    if spec.required:
        return "required"
    if spec.default not in (None, ()):
        default = str(spec.default).lower() if isinstance(spec.default, bool) else spec.default
        return f"default `{default}`"
    return "optional (unknown when left out)" if spec.kind == "bool" else "optional"


def _fields_table(
    specs: Mapping[str, FieldSpec], readers: Mapping[str, tuple[str, ...]] | None
) -> list[str]:
    head = ["field", "type", "required", "allowed values", "meaning"]
    if readers is not None:
        head.append("read by")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key, spec in specs.items():
        row = [f"`{key}`", _KIND_NAMES[spec.kind], _required(spec), _values(spec), spec.doc]
        if readers is not None:
            found = readers.get(key, ())
            row.append(", ".join(f"`{m}`" for m in found) if found else "no rule: kept and shown")
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return lines


_EXAMPLE_WORD = re.compile(r"\be\.g\. ([A-Za-z_][\w-]*)")
_SAMPLE_DATE = datetime.date(2025, 3, 1)


def _sample(key: str, spec: FieldSpec) -> Any:
    """A value of the field for an example, or None to leave the field out."""
    samples: dict[str, Any] = {
        "date": datetime.date(2025, 6, 1),
        "state": "KR",
        "states": ["UA", "RU"],
        "bool": True,
        "confidence": 0.8,
        "year": 1998,
    }
    if spec.kind in samples:
        return samples[spec.kind]
    if spec.kind in ("choice", "state_or"):
        return spec.default if spec.default is not None else spec.options[0]
    if spec.kind == "choices":
        return list(spec.options[:2])
    if spec.kind == "provisions":
        return {spec.options[0]: "GCIII-6"}
    example = _EXAMPLE_WORD.search(spec.doc)
    return example.group(1) if spec.kind == "text" and example else None


def event_example(name: str) -> dict[str, Any]:
    """An example of the event ``name`` as a scenario file writes it: every field with a
    value, but free text without an example in its description, and the sources.
    """
    example: dict[str, Any] = {"date": _SAMPLE_DATE, "event": name}
    for key, spec in field_specs(EVENT_TYPES[name]).items():
        if key in _COMMON:
            continue
        value = _sample(key, spec)
        if value is not None:
            example[key] = value
    return example


def _flow(data: Mapping[str, Any]) -> str:
    text = yaml.safe_dump(dict(data), default_flow_style=True, sort_keys=False, width=88)
    return text.strip()


def _event_section(
    event: Mapping[str, Any], readers: Mapping[tuple[str, str], tuple[str, ...]]
) -> list[str]:
    name = event["id"]
    specs = {k: s for k, s in field_specs(EVENT_TYPES[name]).items() if k not in _COMMON}
    out = [f"### `{name}`", "", event["doc"], ""]
    if event["moves"]:
        out += ["From " + "; ".join(event["moves"]) + ".", ""]
    if specs:
        mine = {key: readers.get((name, key), ()) for key in specs}
        out += _fields_table(specs, mine)
    else:
        out.append("No fields beyond `date`, `source` and `note`.")
    # A code-block directive, not a plain yaml fence: the docs test runs every plain yaml
    # block as a whole scenario, and this is one item of `events`.
    out += ["", "```{code-block} yaml", "- " + _flow(event_example(name)), "```", ""]
    return out


def _transitions() -> dict[str, list[str]]:
    moves: dict[str, list[str]] = {}
    for t in describe()["transitions"]:
        moves.setdefault(t["event"], []).append(f"`{t['source']}` to `{t['target']}`")
    return moves


def _checked_keys(described: Mapping[str, str], schema_keys: Any, what: str) -> None:
    """Every key of the schema described, and no description of a key it lacks."""
    if set(described) != set(schema_keys):
        missing = sorted(set(schema_keys) - set(described))
        extra = sorted(set(described) - set(schema_keys))
        raise AssertionError(f"{what}: describe {missing}, drop {extra}")


def _keys_table(described: Mapping[str, str], order: Any) -> list[str]:
    lines = ["| key | what it holds |", "|---|---|"]
    lines += [f"| `{key}` | {_cell(described[key])} |" for key in order]
    return lines


_MINIMAL = """\
powcase: 1
title: Captured near Kursk
subject: {id: soldier_a, nationality: [RU], forces: RU}
detaining_power: UA
events:
  - {date: 2025-03-01, event: capture}
expect:
  state: [in_custody, presumed_pow, no_request, none]
"""

_SEVERAL = """\
powcase: 1
scenarios:
  - title: Captured, then exchanged
    subject: {id: soldier_a, nationality: [RU], forces: RU}
    detaining_power: UA
    events:
      - {date: 2025-03-01, event: capture}
      - {date: 2025-05-16, event: exchange_agreed, between: [UA, RU]}
      - {date: 2025-05-23, event: exchange, to: RU}
    expect: {state: [exchanged]}
  - title: Captured, asks for asylum
    subject: {id: soldier_b, nationality: [RU], forces: RU}
    detaining_power: UA
    events:
      - {date: 2025-03-01, event: capture}
      - {date: 2025-04-12, event: request_protection, kind: asylum}
    variants:
      strict_text:
        assumptions: {ihl_non_refoulement: strict_text}
"""


def _head() -> list[str]:
    starters = ", ".join(f"`{k}` ({s.summary})" for k, s in STARTERS.items())
    return [
        "# The scenario format",
        "",
        f"<!-- Generated from the code: do not edit. Regenerate with `{REGENERATE}`. -->",
        "",
        (
            "A scenario file is YAML (or JSON): one person's record, the reading of the law it "
            "is judged under, and what you expect. This page is generated from the code that "
            "reads the files, and a test fails when it is out of date; to regenerate it, run "
            f"`{REGENERATE}` from the repository's root. `powcase schema` prints the same "
            "format as a JSON Schema for editors."
        ),
        "",
        (
            "To start from a file that works, `powcase new [--kind KIND] [-o PATH]` writes a "
            f"commented starter scenario. Its kinds: {starters}."
        ),
        "",
        "## A file",
        "",
        "The smallest useful scenario:",
        "",
        "```yaml",
        _MINIMAL.rstrip(),
        "```",
        "",
        "The keys of a scenario:",
        "",
    ]


def _listed(values: Any) -> str:
    return ", ".join(f"`{v}`" for v in values if v is not None)


def _expect_values(expect: Mapping[str, Any], model: Mapping[str, Any]) -> list[str]:
    """The values each expectation takes, read from the scenario schema (and the chart's
    regions from the model), with a link to what they mean.
    """
    states = model["states"]
    top = _listed(s["id"] for s in states if s["parent"] is None and s["kind"] == "atomic")
    regions = "; ".join(
        f"`{r['id']}`: " + _listed(s["id"] for s in states if s["parent"] == r["id"])
        for r in states
        if r["kind"] == "compound"
    )
    step = expect["steps"]["patternProperties"][r"^\d+$"]["anyOf"][1]["properties"]
    verdict = expect["verdicts"]["items"]["properties"]
    duty = expect["obligations"]["items"]["properties"]
    missing = _listed(step["missing"]["items"]["enum"])
    state = (
        f"a state outside custody ({top}); or, in custody, `in_custody` and one state of "
        f"each of its regions: {regions}"
    )
    rows = [
        ("`state`", state),
        ("`flags`, `no_flags`", "flag codes: " + _listed(expect["flags"]["items"]["enum"])),
        ("`outcome` (of `steps` and `verdicts`)", _listed(step["outcome"]["enum"])),
        ("`reasons`", "reason codes: " + _listed(step["reasons"]["items"]["enum"])),
        ("`missing`", "a list of the facts the verdict left open: " + missing),
        ("`rests_on`", "assumption keys: " + _listed(verdict["rests_on"]["items"]["enum"])),
        ("`obligations`: `code`", _listed(duty["code"]["enum"])),
        ("`obligations`: `provision`", _listed(duty["provision"]["enum"])),
        ("`obligations`: `status`", _listed(duty["status"]["enum"])),
        ("`obligations`: `held_back_by`", _listed(duty["held_back_by"]["enum"])),
        ("`obligations`: `why`", _listed(duty["why"]["enum"])),
    ]
    return [
        "",
        (
            "The values they take (what each state, flag and obligation means: "
            "[the legal model](model.md); what each reason code says: `powcase describe`):"
        ),
        "",
        "| expectation | values |",
        "|---|---|",
        *(f"| {key} | {_cell(values)} |" for key, values in rows),
    ]


def scenario_format() -> str:
    """The scenario-format reference page (MyST Markdown)."""
    schema = scenario_schema()
    scenario = schema["$defs"]["scenario"]
    _checked_keys(_TOP_KEYS, scenario["properties"], "scenario keys")
    expect_keys = schema["$defs"]["expect"]["properties"]
    _checked_keys(_EXPECT_KEYS, expect_keys, "expectation keys")
    readers = field_readers()
    model = describe()
    moves = _transitions()
    out = _head()
    out += _keys_table(_TOP_KEYS, scenario["properties"])
    out += [
        "",
        "## Several scenarios in one file",
        "",
        (
            "A file may hold a list of scenarios under `scenarios:`, with `powcase: 1` (and "
            "any `law:` overlays) at the top, which every item inherits. Each item has the "
            "keys above but `powcase`."
        ),
        "",
        "```yaml",
        _SEVERAL.rstrip(),
        "```",
        "",
        "## The subject",
        "",
    ]
    out += _fields_table(field_specs(Subject), None)
    out += [
        "",
        "## Sources",
        "",
        "`sources` maps an id (which events name in `source:`) to a source:",
        "",
    ]
    out += _fields_table({k: s for k, s in field_specs(Source).items() if k != "id"}, None)
    out += [
        "",
        "## Events",
        "",
        (
            "Each item of `events` is a mapping with `event` (its name) and `date`. A "
            "*machine event* is judged before it is applied and moves him along the path; an "
            "*incident* is a fact on record that rules read. The *read by* column names the "
            "code that reads the field (found by reading that code; see "
            "[the readers](#the-readers)). Every event also takes:"
        ),
        "",
    ]
    out += _fields_table({k: s for k, s in field_specs(Event).items() if k in _COMMON}, None)
    for kind, title in (("machine", "Machine events"), ("incident", "Incidents")):
        out += ["", f"## {title}", ""]
        for event in model["events"]:
            if event["kind"] == kind:
                out += _event_section({**event, "moves": moves.get(event["id"], [])}, readers)
    out += ["## Claims", ""]
    claim = scenario["properties"]["claims"]["items"]
    out += [
        "Each claim has "
        + ", ".join(f"`{k}`" for k in claim["properties"])
        + " (required: "
        + ", ".join(f"`{k}`" for k in claim["required"])
        + "). Claims about the same `about` are shown side by side, marked contested when "
        "their values differ.",
        "",
        "## Assumptions",
        "",
    ]
    out += ["| key | options | default | question |", "|---|---|---|---|"]
    for item in model["assumptions"]:
        options = item["options"]
        shown = (
            ", ".join(f"`{str(o).lower() if isinstance(o, bool) else o}`" for o in options)
            if isinstance(options, list)
            else "a number of days, 0 to 3650"
        )
        default = item["default"]
        default = str(default).lower() if isinstance(default, bool) else default
        out.append(f"| `{item['key']}` | {shown} | `{default}` | {_cell(item['question'])} |")
    out += ["", "## Expectations", ""]
    out += _keys_table(_EXPECT_KEYS, expect_keys)
    out += _expect_values(expect_keys, model)
    out += [
        "",
        (
            "A citation in `cites` matches a cited id exactly, or one that continues with a "
            "paragraph in parentheses (`GCIII-109` matches `GCIII-109(3)`); `not_cites` also "
            "takes an instrument id, matching all its provisions."
        ),
        "",
        "## The readers",
        "",
    ]
    modules = sorted({m for found in readers.values() for m in found})
    out += ["| code | what it is |", "|---|---|"]
    out += [f"| `{m}` | {_cell(module_summary(m))} |" for m in modules]
    return "\n".join(out) + "\n"
