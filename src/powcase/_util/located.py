"""Reading a scenario file: YAML (safe loading only) or JSON, with the place of every value.

The file is composed into YAML nodes and turned into plain data here, so that each key path
(``events[3].destination``) keeps its line and column for error messages. Booleans are YAML
1.2's: only ``true`` and ``false``, so that ``NO`` stays Norway and ``yes`` stays a string.

What a file can make powcase spend is bounded here, before anything else reads it: its size,
its nesting, the aliases it uses and what they expand to (the limits are documented in
docs/reference/input-limits.md). Every value that comes out is plain data a scenario can hold:
text without lone surrogates, finite numbers of a bounded size, no binary data.
"""

from __future__ import annotations

import math
import os
import re
import stat
from typing import Any

import attrs
import yaml

from powcase._util.characters import surrogate_code
from powcase._util.i18n import problem_text
from powcase.errors import Problem

__all__ = [
    "MAX_ALIASES",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EXPANDED",
    "MAX_INTEGER",
    "MAX_VALUES",
    "Document",
    "Location",
    "UnreadableFile",
    "parse_document",
    "read_document",
]

MAX_BYTES = 256 * 1024
"""The largest file read (256 KiB): seventeen times the largest example, and small enough that
any file up to it is read quickly and in bounded memory."""
MAX_DEPTH = 40
"""Deeper nesting than any scenario needs is refused rather than walked."""
MAX_VALUES = 25_000
"""The most values (keys, items and scalars) a file may hold, counting each value an alias
repeats: each costs about a kilobyte while the file is read."""
MAX_ALIASES = 1000
"""The most alias uses (``*name``) a file may make."""
MAX_EXPANDED = MAX_BYTES
"""The most characters of text aliases may repeat: no more than the file itself may hold."""
MAX_INTEGER = 2**63 - 1
"""The largest integer (in magnitude) a file may hold; no field needs more."""


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
    """SafeLoader with YAML 1.2 booleans (true/false only) that bounds, as it composes, the
    nesting and the alias uses: the composer recurses once per level and would otherwise
    run out of stack before the builder could say where.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.paths: list[str] = []
        """The key path of each node being composed, outermost first."""
        self.aliases = 0
        self.values = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        where = Location(event.start_mark.line + 1, event.start_mark.column + 1)
        path = self._path_of(index)
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise UnreadableFile(
                    Problem(
                        path,
                        problem_text("uses an alias: more than {count} alias uses").format(
                            count=MAX_ALIASES
                        ),
                    ),
                    where,
                )
        else:
            self.values += 1
            if self.values > MAX_VALUES:
                raise _too_many(path, where)
        if len(self.paths) > MAX_DEPTH:
            raise UnreadableFile(Problem(path, _too_deep()), where)
        self.paths.append(path)
        try:
            node = super().compose_node(parent, index)
        finally:
            self.paths.pop()
        return node

    def _path_of(self, index: Any) -> str:
        """The key path of a node composed at ``index`` of the node being composed: a position
        in a sequence, the key node of a mapping's value, None for a key (or the root).
        """
        outer = self.paths[-1] if self.paths else ""
        if isinstance(index, int):
            return f"{outer}[{index}]"
        if isinstance(index, yaml.ScalarNode):
            return _child(outer, index.value)
        return outer


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _too_many(path: str, where: Location) -> UnreadableFile:
    return UnreadableFile(
        Problem(
            path,
            problem_text(
                "the file holds more than {count} values (keys, items and scalars, "
                "counting what aliases repeat)"
            ).format(count=f"{MAX_VALUES:,}"),
            problem_text("a smaller file, or several"),
        ),
        where,
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
        self.built: set[int] = set()
        """The nodes built once: building one again is expanding an alias."""
        self.expanding = 0
        """How many alias expansions enclose the node being built."""
        self.values = 0
        """The values built so far, counting each an alias repeats."""
        self.repeated = 0
        """The characters of text aliases have repeated so far."""

    def build(self, node: yaml.Node, path: str, depth: int) -> Any:
        self.locations[path] = _mark(node)
        if depth > MAX_DEPTH:
            raise UnreadableFile(Problem(path, _too_deep()), _mark(node))
        self.values += 1
        if self.values > MAX_VALUES:
            raise _too_many(path, _mark(node))
        again = id(node) in self.built
        self.built.add(id(node))
        self.expanding += again
        try:
            if self.expanding and isinstance(node, yaml.ScalarNode):
                self._repeat(node, path)
            return self._built(node, path, depth)
        finally:
            self.expanding -= again

    def _repeat(self, node: yaml.ScalarNode, path: str) -> None:
        """Count the text an alias repeats; refuse it past :data:`MAX_EXPANDED`."""
        self.repeated += len(node.value)
        if self.repeated > MAX_EXPANDED:
            raise UnreadableFile(
                Problem(
                    path,
                    problem_text("its aliases repeat more than {count} characters of text").format(
                        count=f"{MAX_EXPANDED:,}"
                    ),
                    problem_text("aliases that repeat a little, or the text written out"),
                ),
                _mark(node),
            )

    def _built(self, node: yaml.Node, path: str, depth: int) -> Any:
        if isinstance(node, yaml.MappingNode):
            built: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                if isinstance(key, list | dict):
                    raise UnreadableFile(
                        Problem(path, problem_text("a key must be a plain value")), _mark(key_node)
                    )
                key = key if isinstance(key, str | int) else str(key)
                where = _child(path, key)
                if key in built:
                    raise UnreadableFile(
                        Problem(where, problem_text("is given twice")), _mark(key_node)
                    )
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
        return self._scalar(node, path)

    def _scalar(self, node: yaml.Node, path: str) -> Any:
        implicit = self.loader.resolve(  # type: ignore[no-untyped-call]
            yaml.ScalarNode, node.value, (True, False)
        )
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise
        except Exception:  # PyYAML's constructors fail in many ways on text they do not fit
            if node.tag != implicit:
                # An explicit tag the text does not fit (!!bool maybe, !!int x). The text is
                # not echoed: the reader cannot tell a name from any other value.
                tag = node.tag.replace("tag:yaml.org,2002:", "!!")
                raise UnreadableFile(
                    Problem(
                        path,
                        problem_text("is not a valid {tag}").format(tag=tag),
                        problem_text("text that fits {tag}, or no tag").format(tag=tag),
                    ),
                    _mark(node),
                ) from None
            # A date YAML recognises but the calendar does not (2025-02-30): keep the text, so
            # that the field's own check reports it where it stands.
            value = node.value
        return _plain(value, path, node)


def _plain(value: Any, path: str, node: yaml.Node) -> Any:
    """``value`` if a scenario can hold it; else :class:`UnreadableFile`, saying why."""
    problem = None
    if isinstance(value, bytes):
        problem = problem_text("binary data is not accepted")
    elif isinstance(value, str):
        match = surrogate_code(value)
        if match is not None:
            problem = problem_text(
                "has a lone surrogate ({code}), which is not a character; write a character "
                "beyond U+FFFF as \\U and eight hex digits, not as a pair"
            ).format(code=match)
    elif isinstance(value, float) and not math.isfinite(value):
        problem = problem_text("is not a finite number")
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
        problem = problem_text("the number is too large (more than {limit})").format(
            limit=MAX_INTEGER
        )
    if problem is not None:
        raise UnreadableFile(Problem(path, problem), _mark(node))
    return value


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read a YAML or JSON file; :class:`UnreadableFile` if it cannot be read or parsed, is
    not a regular file (a folder, a device, a pipe), or is larger than :data:`MAX_BYTES`.
    """
    name = str(path)
    raw = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise UnreadableFile(
            Problem("", problem_text("is not UTF-8 text")), Location(line, column)
        ) from None
    return parse_document(text, name)


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """At most :data:`MAX_BYTES` of a regular file, checked before and while reading."""
    try:
        # Non-blocking, so that opening a named pipe returns at once instead of waiting for a
        # writer; it changes nothing for a regular file.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadableFile(
            Problem("", problem_text("cannot be read: {reason}").format(reason=error.strerror)),
            None,
        ) from None
    measured = os.fstat(handle)
    if not stat.S_ISREG(measured.st_mode) or measured.st_size > MAX_BYTES:
        os.close(handle)
        if stat.S_ISREG(measured.st_mode):
            raise _too_large()
        kind = "a folder" if stat.S_ISDIR(measured.st_mode) else "a device, pipe or socket"
        raise UnreadableFile(
            Problem(
                "",
                problem_text("is {kind}, not a file").format(kind=kind),
                problem_text("a scenario file (YAML or JSON)"),
            ),
            None,
        )
    with os.fdopen(handle, "rb") as file:
        try:
            # One byte more than the cap tells a file that grew since it was measured.
            raw = file.read(MAX_BYTES + 1)
        except OSError as error:
            raise UnreadableFile(
                Problem(
                    "", problem_text("cannot be read: {reason}").format(reason=error.strerror)
                ),
                None,
            ) from None
    if len(raw) > MAX_BYTES:
        raise _too_large()
    return raw


def _too_deep() -> str:
    return problem_text("nesting deeper than {count} levels").format(count=MAX_DEPTH)


def _too_large() -> UnreadableFile:
    return UnreadableFile(
        Problem(
            "",
            problem_text("is larger than {count} bytes").format(count=f"{MAX_BYTES:,}"),
            problem_text("a smaller file, or several"),
        ),
        None,
    )


def parse_document(text: str, name: str = "<string>") -> Document:
    """Parse YAML or JSON text into a located document."""
    if len(text) > MAX_BYTES:
        raise UnreadableFile(
            Problem(
                "",
                problem_text("is longer than {count} characters").format(count=f"{MAX_BYTES:,}"),
                problem_text("a smaller document"),
            ),
            None,
        )
    loader: _Loader | None = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            raise UnreadableFile(Problem("", problem_text("is empty")), Location(1, 1))
        builder = _Builder(loader)
        data = builder.build(node, "", 0)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Location(mark.line + 1, mark.column + 1) if mark else Location(1, 1)
        message = (error.problem or error.context or "is not valid YAML").strip()
        raise UnreadableFile(
            Problem("", problem_text("is not valid YAML or JSON: {error}").format(error=message)),
            where,
        ) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        raise UnreadableFile(
            Problem(
                "",
                problem_text("has a character YAML does not allow ({code})").format(
                    code=f"#x{error.character:04x}"
                ),
            ),
            Location(line, column),
        ) from None
    except yaml.YAMLError as error:
        raise UnreadableFile(
            Problem("", problem_text("is not valid YAML or JSON: {error}").format(error=error)),
            Location(1, 1),
        ) from None
    except RecursionError:
        raise UnreadableFile(
            Problem("", problem_text("is nested too deeply")), Location(1, 1)
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(name, data, builder.locations, builder.key_locations)
