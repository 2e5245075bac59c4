"""The mutants of a Python module: small changes to the code of its functions and methods.

A mutant is found by walking the module's syntax tree in a fixed order, so the same source
always yields the same mutants, numbered in that order; :func:`mutated_code` rebuilds one and
compiles it with the module's own file name and line numbers. Only code inside a function or
method body is mutated (docstrings, annotations, defaults, decorators and ``assert`` statements
are left alone), so every mutant is reached by swapping one function's ``__code__``: a
decorated function (a guard registered by ``@guard``) is mutated like any other.

The operators, each a change a missing test would let through:

- ``delete``: a call made for its effect (``j.require(...)``), a ``return``, ``raise``,
  ``continue``, ``break`` or ``x += ...`` becomes ``pass``;
- ``return None``: ``return value`` returns None instead;
- ``compare``: ``==``/``!=``, ``is``/``is not``, ``in``/``not in``, ``<``/``<=``, ``>``/``>=``
  swapped;
- ``bool``: ``and``/``or`` swapped; ``not x`` becomes ``x``; a bare condition ``if x`` becomes
  ``if not x``;
- ``constant``: ``True``/``False`` swapped; an integer ``n`` becomes ``n + 1``; a string
  compared with (``x == "pow"``) becomes another string;
- ``drop``: one element of a literal tuple, list or set of two or more is dropped (a
  provision from the cites);
- ``operand``: ``a + b`` becomes ``a`` or ``b`` (a cite tuple loses a part); ``a - b``
  becomes ``a + b``.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import types
from collections.abc import Callable, Iterator

_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
}


@dataclasses.dataclass(frozen=True)
class Mutant:
    """One change to one function of a module."""

    module: str
    """The module's dotted name (``powcase.law.guards``)."""
    index: int
    """Its number among the module's mutants, in walk order."""
    unit: str
    """The qualified name of the top-level function or method whose code changes."""
    line: int
    operator: str
    before: str
    after: str

    @property
    def key(self) -> str:
        """A name that stays the same while the module's source does."""
        return f"{self.module}#{self.index}"

    def describe(self) -> str:
        """One line: where, and what changed."""
        where = f"{self.module}:{self.line} {self.unit}"
        return f"{where}: {self.operator}: {self.before} -> {self.after}"


Make = Callable[[], ast.AST]
"""Builds the node that replaces the original."""


@dataclasses.dataclass
class _Point:
    """A place a mutation applies: ``parent.field[slot] = make()``."""

    parent: ast.AST
    field: str
    slot: int | None
    unit: str
    operator: str
    make: Make

    def node(self) -> ast.AST:
        """The node the mutation replaces."""
        value = getattr(self.parent, self.field)
        return value if self.slot is None else value[self.slot]

    def apply(self) -> None:
        """Replace the node in the tree."""
        replacement = self.make()
        if self.slot is None:
            setattr(self.parent, self.field, replacement)
        else:
            getattr(self.parent, self.field)[self.slot] = replacement


def _units(tree: ast.Module) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """The top-level functions and the methods of top-level classes, by qualified name."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node.name, node
        elif isinstance(node, ast.ClassDef):
            for member in node.body:
                if isinstance(member, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield f"{node.name}.{member.name}", member


def _docstring(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """1 if the function's first statement is its docstring, else 0."""
    first = function.body[0]
    is_text = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
    return 1 if is_text and isinstance(first.value.value, str) else 0  # type: ignore[attr-defined]


_SKIPPED = frozenset({"annotation", "returns", "decorator_list", "type_comment"})
"""Fields evaluated at definition time or never: no mutant there changes a function's code."""


def _children(node: ast.AST) -> Iterator[tuple[str, int | None, ast.AST]]:
    """The child nodes worth mutating, with where each sits in ``node``."""
    for field, value in ast.iter_fields(node):
        # A nested function's arguments (defaults) are skipped; a call's are not.
        if field in _SKIPPED or (field == "args" and not isinstance(node, ast.Call)):
            continue
        if isinstance(value, list):
            for slot, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield field, slot, item
        elif isinstance(value, ast.AST):
            yield field, None, value


def _pass(node: ast.AST) -> Make:
    return lambda: ast.copy_location(ast.Pass(), node)


def _statement(node: ast.AST) -> Iterator[tuple[str, Make]]:
    """Deleting a statement: a call for its effect, a return, raise, continue, break, +=."""
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        yield "delete", _pass(node)
    elif isinstance(node, ast.Raise | ast.Continue | ast.Break | ast.AugAssign | ast.Return):
        yield "delete", _pass(node)
        value = node.value if isinstance(node, ast.Return) else None
        if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
            yield "return None", lambda: ast.copy_location(ast.Return(value=None), node)


def _expression(parent: ast.AST, field: str, node: ast.AST) -> Iterator[tuple[str, Make]]:
    """Changing an expression: operators, constants, collections, conditions."""
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            swap = _SWAPS.get(type(op))
            if swap is not None:
                yield "compare", _with_op(node, i, swap)
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "bool", lambda: ast.copy_location(ast.BoolOp(other, node.values), node)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "bool", lambda: node.operand
    elif isinstance(node, ast.Constant):
        yield from _constant(parent, node)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield "operand", lambda: node.left
        yield "operand", lambda: node.right
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
        yield (
            "operand",
            lambda: ast.copy_location(ast.BinOp(node.left, ast.Add(), node.right), node),
        )
    if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) >= 2:
        for i in range(len(node.elts)):
            yield "drop", _without(node, i)
    bare = not isinstance(node, ast.Compare | ast.BoolOp | ast.UnaryOp | ast.Constant)
    if field in ("test", "ifs") and bare:
        yield "bool", lambda: ast.copy_location(ast.UnaryOp(ast.Not(), node), node)


def _constant(parent: ast.AST, node: ast.Constant) -> Iterator[tuple[str, Make]]:
    """True and False swapped, an integer plus one, a string compared with changed."""
    value = node.value
    if isinstance(value, bool):
        changed: object = not value
    elif isinstance(value, int):
        changed = value + 1
    elif isinstance(value, str) and isinstance(parent, ast.Compare):
        changed = f"XX{value}XX"
    else:
        return
    yield "constant", lambda: ast.copy_location(ast.Constant(changed), node)


def _with_op(node: ast.Compare, i: int, op: type[ast.cmpop]) -> Make:
    def make() -> ast.AST:
        ops = list(node.ops)
        ops[i] = op()
        return ast.copy_location(ast.Compare(node.left, ops, node.comparators), node)

    return make


def _without(node: ast.Tuple | ast.List | ast.Set, i: int) -> Make:
    def make() -> ast.AST:
        changed = copy.copy(node)
        changed.elts = node.elts[:i] + node.elts[i + 1 :]
        return changed

    return make


def _points(tree: ast.Module) -> Iterator[_Point]:
    """Every mutation of the module's function bodies, in a fixed order."""
    for unit, function in _units(tree):
        for slot in range(_docstring(function), len(function.body)):
            yield from _walk(function, "body", slot, function.body[slot], unit)


def _walk(
    parent: ast.AST, field: str, slot: int | None, node: ast.AST, unit: str
) -> Iterator[_Point]:
    """The mutations of ``node`` and of everything in it; ``assert`` is left alone."""
    if isinstance(node, ast.Assert):
        return
    for operator, make in (*_statement(node), *_expression(parent, field, node)):
        yield _Point(parent, field, slot, unit, operator, make)
    for child_field, child_slot, child in _children(node):
        yield from _walk(node, child_field, child_slot, child, unit)


def _source(node: ast.AST) -> str:
    text = ast.unparse(node) if not isinstance(node, ast.Pass) else "pass"
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "..."


def mutants(module: str, source: str) -> list[Mutant]:
    """Every mutant of the module ``module`` whose text is ``source``."""
    tree = ast.parse(source)
    found = []
    for index, point in enumerate(_points(tree)):
        before = point.node()
        after = point.make()
        found.append(
            Mutant(
                module,
                index,
                point.unit,
                getattr(before, "lineno", 0),
                point.operator,
                _source(before),
                _source(after),
            )
        )
    return found


def mutated_code(mutant: Mutant, source: str, filename: str) -> types.CodeType:
    """The code object of ``mutant.unit`` with the mutant applied, compiled as ``filename``."""
    tree = ast.parse(source)
    for index, point in enumerate(_points(tree)):
        if index == mutant.index:
            point.apply()
            break
    else:
        raise LookupError(mutant.key)
    ast.fix_missing_locations(tree)
    code = compile(tree, filename, "exec", dont_inherit=True)
    found = _find_code(code, mutant.unit)
    if found is None:
        raise LookupError(mutant.unit)
    return found


def _find_code(code: types.CodeType, qualname: str) -> types.CodeType | None:
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            if constant.co_qualname == qualname:
                return constant
            inner = _find_code(constant, qualname)
            if inner is not None:
                return inner
    return None
