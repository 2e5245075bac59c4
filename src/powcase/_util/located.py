"""Reading a scenario file: YAML (safe loading only) or JSON, with the place of every value.

The file is composed into YAML nodes and turned into plain data here, so that each key path
(``events[3].destination``) keeps its line and column for error messages. Booleans are YAML
1.2's: only ``true`` and ``false``, so that ``NO`` stays Norway and ``yes`` stays a string.
"""

from __future__ import annotations

import pathlib
import re
from typing import Any

import attrs
import yaml

from powcase.errors import Problem

__all__ = ["Document", "Location", "UnreadableFile", "read_document"]

MAX_DEPTH = 40
"""Deeper nesting than any scenario needs is refused rather than walked."""


@attrs.frozen
class Location:
    """Where something is in a file: 1-based line and column."""

    line: int
    column: int


class UnreadableFile(Exception):
    """The file cannot be read as a document; carries one located problem."""

    def __init__(self, problem: Problem, location: Location | None) -> None:
        self.problem = problem
        self.location = location
        super().__init__(str(problem))


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans (true/false only)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@attrs.frozen
class Document:
    """The plain data of a file and the location of each key path in it."""

    path: str
    data: Any
    locations: dict[str, Location]
    key_locations: dict[str, Location]

    def locate(self, path: str, *, key: bool = False) -> Location | None:
        """The location of ``path``, or of its nearest enclosing path that has one."""
        table = self.key_locations if key else self.locations
        while True:
            if path in table:
                return table[path]
            if path in self.locations:
                return self.locations[path]
            if not path:
                return None
            path = _parent(path)


def _parent(path: str) -> str:
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


def _child(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _mark(node: yaml.Node) -> Location:
    return Location(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.locations: dict[str, Location] = {}
        self.key_locations: dict[str, Location] = {}

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.locations[path] = _mark(node)
        if depth > MAX_DEPTH:
            raise UnreadableFile(
                Problem(path, f"nesting deeper than {MAX_DEPTH} levels"), _mark(node)
            )
        if isinstance(node, yaml.MappingNode):
            built: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if isinstance(key, list | dict):
                    raise UnreadableFile(
                        Problem(path, "a key must be a plain value"), _mark(key_node)
                    )
                key = key if isinstance(key, str | int) else str(key)
                where = _child(path, key)
                if key in built:
                    raise UnreadableFile(Problem(where, "is given twice"), _mark(key_node))
                self.key_locations[where] = _mark(key_node)
                built[key] = self.build(value_node, where, depth + 1)
            self.locations[path] = _mark(node)
            return built
        if isinstance(node, yaml.SequenceNode):
            items = [
                self.build(item, _child(path, i), depth + 1) for i, item in enumerate(node.value)
            ]
            self.locations[path] = _mark(node)
            return items
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            # A date YAML recognises but the calendar does not (2025-02-30): keep the text, so
            # that the field's own check reports it where it stands.
            value = node.value
        if isinstance(value, bytes):
            raise UnreadableFile(Problem(path, "binary data is not accepted"), _mark(node))
        return value


def read_document(path: str | pathlib.Path) -> Document:
    """Read a YAML or JSON file; :class:`UnreadableFile` if it cannot be read or parsed."""
    name = str(path)
    try:
        raw = pathlib.Path(path).read_bytes()
    except OSError as error:
        raise UnreadableFile(Problem("", f"cannot be read: {error.strerror}"), None) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise UnreadableFile(Problem("", "is not UTF-8 text"), Location(line, column)) from None
    return parse_document(text, name)


def parse_document(text: str, name: str = "<string>") -> Document:
    """Parse YAML or JSON text into a located document."""
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise UnreadableFile(Problem("", "is empty"), Location(1, 1))
        builder = _Builder(loader)
        data = builder.build(node, "", 0)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(mark.line + 1, mark.column + 1) if mark else Location(1, 1)
        message = (error.problem or error.context or "is not valid YAML").strip()
        raise UnreadableFile(Problem("", f"is not valid YAML or JSON: {message}"), where) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise UnreadableFile(
            Problem("", f"has a character YAML does not allow (#x{error.character:04x})"),
            Location(line, column),
        ) from None
    except yaml.YAMLError as error:
        raise UnreadableFile(
            Problem("", f"is not valid YAML or JSON: {error}"), Location(1, 1)
        ) from None
    except RecursionError:
        raise UnreadableFile(Problem("", "is nested too deeply"), Location(1, 1)) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(name, data, builder.locations, builder.key_locations)
