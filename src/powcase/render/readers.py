"""Which code reads each field of each event, found by reading the code itself.

The format reference says, for every field, what reads it. Rather than a table kept by hand
(which would go stale the day a rule starts reading a field), the modules that judge a record
(:mod:`powcase.engine` and :mod:`powcase.law`) are parsed, and every function that takes an
event is searched for the fields it reads:

- a parameter annotated with an event class (``event: ev.Capture``), or a judgement of one
  (``j: Judgement[ev.Capture]``, read as ``j.event.territory``), reads the fields it names;
- a name narrowed by ``isinstance(event, ev.Move)`` reads, inside that branch, the fields of
  every event of that class;
- a read of an event's property (``event.destination``, ``event.independent``) counts as a
  read of the fields the property itself reads.

A parameter annotated with a base class (``Event``, ``Move``) reads that field of every event
that has it. What reads ``date`` is not listed: every step is judged on its date.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
from collections.abc import Iterator, Mapping

from powcase.model import events as ev
from powcase.model.events import EVENT_TYPES, Event
from powcase.model.fields import attribute_name, field_specs

__all__ = ["READING_PACKAGES", "field_readers", "module_summary"]

READING_PACKAGES = ("powcase.engine", "powcase.law")
"""The packages whose code judges a record: the readers searched."""

_CLASSES: dict[str, type[Event]] = {
    name: cls for name, cls in vars(ev).items() if isinstance(cls, type) and issubclass(cls, Event)
}


def _modules() -> Iterator[str]:
    for package in READING_PACKAGES:
        found = importlib.import_module(package)
        for info in pkgutil.iter_modules(found.__path__):
            yield f"{package}.{info.name}"


def _classes(node: ast.AST) -> tuple[type[Event], ...]:
    """The event classes an annotation or an ``isinstance`` argument names."""
    named = []
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and part.attr in _CLASSES:
            named.append(_CLASSES[part.attr])
        elif isinstance(part, ast.Name) and part.id in _CLASSES:
            named.append(_CLASSES[part.id])
    return tuple(named)


def _narrowed(test: ast.expr) -> tuple[str, tuple[type[Event], ...]] | None:
    """The name and classes of an ``isinstance(name, classes)`` test, or None."""
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "isinstance"
        and len(test.args) == 2
        and isinstance(test.args[0], ast.Name)
    ):
        classes = _classes(test.args[1])
        return (test.args[0].id, classes) if classes else None
    return None


class _Reads(ast.NodeVisitor):
    """The (class, attribute) pairs a function reads of the events it is given."""

    def __init__(self, typed: dict[str, tuple[type[Event], ...]], judged: set[str]) -> None:
        self.typed = typed
        self.judged = judged
        self.found: set[tuple[type[Event], str]] = set()

    def _branch(self, test: ast.expr, body: list[ast.AST], orelse: list[ast.AST]) -> None:
        self.visit(test)
        narrowed = _narrowed(test)
        before = dict(self.typed)
        if narrowed is not None:
            self.typed[narrowed[0]] = narrowed[1]
        for node in body:
            self.visit(node)
        self.typed = before
        for node in orelse:
            self.visit(node)

    def visit_If(self, node: ast.If) -> None:
        self._branch(node.test, list(node.body), list(node.orelse))

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self._branch(node.test, [node.body], [node.orelse])

    def visit_Attribute(self, node: ast.Attribute) -> None:
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in self.typed:
            self.found |= {(cls, node.attr) for cls in self.typed[owner.id]}
        elif (
            isinstance(owner, ast.Attribute)
            and owner.attr == "event"
            and isinstance(owner.value, ast.Name)
            and owner.value.id in self.judged
        ):
            self.found |= {(cls, node.attr) for cls in self.typed[owner.value.id]}
        self.generic_visit(node)


def _function_reads(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
) -> set[tuple[type[Event], str]]:
    typed: dict[str, tuple[type[Event], ...]] = {}
    judged: set[str] = set()
    for arg in [*function.args.args, *function.args.kwonlyargs]:
        if arg.annotation is None:
            continue
        classes = _classes(arg.annotation)
        if not classes:
            continue
        typed[arg.arg] = classes
        annotation = arg.annotation
        if (
            isinstance(annotation, ast.Subscript)
            and isinstance(annotation.value, ast.Name)
            and annotation.value.id == "Judgement"
        ):
            judged.add(arg.arg)
    # Names narrowed by isinstance are followed even where no parameter is annotated.
    visitor = _Reads(typed, judged)
    for statement in function.body:
        visitor.visit(statement)
    return visitor.found


def _property_fields(cls: type[Event], name: str) -> tuple[str, ...]:
    """The fields a property of ``cls`` reads (``self.to``), or ``(name,)`` for a field."""
    member = inspect.getattr_static(cls, name, None)
    if not isinstance(member, property) or member.fget is None:
        return (name,)
    tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(member.fget)))
    return tuple(
        sorted(
            {
                node.attr
                for node in ast.walk(tree)
                if isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
            }
        )
    )


@functools.cache
def field_readers() -> Mapping[tuple[str, str], tuple[str, ...]]:
    """For each (event name, field key), the modules whose code reads that field, sorted.

    >>> field_readers()[("capture", "territory")]
    ('powcase.engine.facts',)
    >>> ("capture", "place") in field_readers()
    False
    """
    pairs: set[tuple[type[Event], str, str]] = set()
    for module in _modules():
        tree = ast.parse(inspect.getsource(importlib.import_module(module)))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                pairs |= {(cls, attr, module) for cls, attr in _function_reads(node)}
    readers: dict[tuple[str, str], set[str]] = {}
    for name, cls in EVENT_TYPES.items():
        keys = {attribute_name(key): key for key in field_specs(cls)}
        for read_cls, attr, module in pairs:
            if not issubclass(cls, read_cls):
                continue
            for field in _property_fields(cls, attr):
                if field in keys and field != "date":
                    readers.setdefault((name, keys[field]), set()).add(module)
    return {key: tuple(sorted(found)) for key, found in readers.items()}


def module_summary(module: str) -> str:
    """The first sentence of a module's docstring: what the module is, for a legend."""
    doc = inspect.getdoc(importlib.import_module(module)) or module
    paragraph = doc.split("\n\n")[0].replace("\n", " ")
    return paragraph.split(". ")[0].rstrip(".") + "."
