"""Witnesses as scenario files: each shortest witness or counterexample, written so that
``powcase run`` replays it under its reading and ``powcase test`` checks it gives the same
answer.

A witness file is an ordinary scenario file: the start's record with the path's events after
it, the reading in ``assumptions`` (every assumption, so that a change of default cannot
change it), the mode, and an ``expect:`` that the final step has the outcome seen and the
case ends where the path did. The subject's name is left out unless names are revealed.
"""

from __future__ import annotations

import datetime
import pathlib
import re
from collections.abc import Sequence
from typing import Any

import attrs
import yaml

from powcase._util.output import OutputRefused, write_file
from powcase.case import Case
from powcase.explore.results import CheckResult, PropertyResult, ReadingResult

__all__ = ["witness_scenario", "write_witnesses"]


def witness_scenario(
    result: CheckResult, prop: PropertyResult, item: ReadingResult, *, reveal_names: bool = False
) -> dict[str, Any]:
    """The scenario (plain data, as in a ``*.powcase.yaml`` file) that replays ``item``'s
    path under its reading, with its expectations.
    """
    assert item.path is not None
    source = result.source
    reading = result.reading(item.reading)
    record = attrs.evolve(
        source.start, events=(*source.start.events, *(s.event for s in item.path))
    )
    case = Case(record, reading, source.mode, result.law)
    final = case.timeline.steps[-1]
    plain = record.to_dict()
    if not reveal_names:
        plain["subject"].pop("name", None)
    varied = ", ".join(
        f"{k}={v}"
        for k, v in result.grid.describe(item.reading).items()
        if k in result.reading_keys
    )
    answer = item.answer.value
    text = f" ({prop.definition.text})" if prop.definition.text else ""
    description = (
        f"The shortest path found for {prop.definition.id}{text}: the property is {answer} "
        f"under this reading ({varied or 'the base reading'}). Written by powcase explore "
        f"from {source.start_label}; the last {len(item.path)} events are the path."
    )
    return {
        "powcase": 1,
        "title": f"{prop.definition.id}: {answer}, reading {item.reading + 1}",
        "description": description,
        "mode": source.mode.value,
        **plain,
        "assumptions": reading.to_dict(),
        "expect": {
            "state": list(case.state),
            "steps": {len(record.events) - 1: final.outcome.value},
        },
    }


def _file_name(prop_id: str, reading: int) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", prop_id).strip("._") or "property"
    return f"{safe}.reading-{reading + 1}.powcase.yaml"


class _Dumper(yaml.SafeDumper):
    """Dates as ISO dates, strings that look like other values quoted."""


def _represent_date(dumper: yaml.SafeDumper, value: datetime.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_Dumper.add_representer(datetime.date, _represent_date)


def dump(data: dict[str, Any]) -> str:
    """``data`` as YAML a scenario file reads back the same (booleans as true/false; the
    state codes NO and ON stay strings).
    """
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=99)


def write_witnesses(
    result: CheckResult, directory: str | pathlib.Path, *, reveal_names: bool = False
) -> CheckResult:
    """Write every witness and counterexample of ``result`` under ``directory`` (made if
    missing), one file per property and reading; the result with each file's path.
    """
    folder = pathlib.Path(directory)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise OutputRefused(f"{folder} is not a folder to write witnesses in")
    folder.mkdir(parents=True, exist_ok=True)
    inputs = [result.source.file, *(o["path"] for o in result.source.law.overlays)]
    properties = []
    for prop in result.properties:
        items = []
        for item in prop.results:
            if item.path is None:
                items.append(item)
                continue
            target = folder / _file_name(prop.definition.id, item.reading)
            data = witness_scenario(result, prop, item, reveal_names=reveal_names)
            _write(target, dump(data), inputs)
            items.append(attrs.evolve(item, witness=str(target)))
        properties.append(attrs.evolve(prop, results=tuple(items)))
    return attrs.evolve(result, properties=tuple(properties))


def _write(target: pathlib.Path, text: str, inputs: Sequence[str]) -> None:
    """Write whole or not at all, never over an input, a link or a special file."""
    write_file(str(target), text.encode("utf-8"), inputs=inputs)
