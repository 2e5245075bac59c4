"""The output contract, written once: one cattrs converter and the shape of each output type.

Every type of the run output declares its JSON object once, as a
:class:`Shape`: the keys in the order they are written, the attribute or property each one
reads, and what is special about it. From that one declaration the converter writes the JSON
form (``to_dict``), reads it back (``from_dict``), and the output JSON Schema is generated.

The converter lives in the model layer so that the lowest output types (a verdict's reasons)
can use it; the types above declare their shapes next to their classes, with :func:`shape`.
What every type shares is registered here: dates as ISO strings, enums as their values,
events in their scenario-file form, and ``(key, value)`` pairs as JSON objects.
"""

from __future__ import annotations

import datetime
import enum
import sys
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from powcase.model.assumptions import Assumptions
from powcase.model.events import Event, event_from_dict

__all__ = [
    "CONVERTER",
    "PAIRS",
    "Key",
    "Shape",
    "computed",
    "from_plain",
    "is_enum",
    "key",
    "shape",
    "shape_of",
    "to_plain",
]

T = TypeVar("T")

PAIRS: Any = tuple[tuple[str, Any], ...]
"""``(key, value)`` pairs kept in order: a JSON object in the output."""

CONVERTER = cattrs.Converter(detailed_validation=False)
"""The one converter of the output contract. Without detailed validation a malformed value
raises the plain error (``KeyError``, ``ValueError``...) that ``from_dict`` reports.
"""


def _date(value: Any, _: type) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def _is_event(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, Event)


def _pairs(value: Mapping[str, Any] | Any, _: Any) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), v) for k, v in items)


def _plain_pairs(pairs: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    # A value given as a tuple (a reason's list of moves, say) is a JSON array; a date, its
    # ISO text: whatever a rule puts in a reason's params, the JSON output can write.
    return {k: _plain_param(v) for k, v in pairs}


def _plain_param(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain_param(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


CONVERTER.register_unstructure_hook(datetime.date, datetime.date.isoformat)
CONVERTER.register_structure_hook(datetime.date, _date)
# Enums as their values (a StrEnum member would otherwise pass through as a string).
CONVERTER.register_unstructure_hook(enum.StrEnum, lambda member: member.value)
CONVERTER.register_unstructure_hook(enum.Enum, lambda member: member.value)
CONVERTER.register_unstructure_hook(Assumptions, Assumptions.to_dict)
CONVERTER.register_structure_hook(Assumptions, lambda value, _: Assumptions.from_dict(value))
# An event nested in the output (a verdict's, a violation's) is written as in a scenario file.
CONVERTER.register_unstructure_hook_func(_is_event, lambda event: event.to_dict())
CONVERTER.register_structure_hook_func(_is_event, lambda value, _: event_from_dict(value))
CONVERTER.register_unstructure_hook_func(lambda kind: kind == PAIRS, _plain_pairs)
CONVERTER.register_structure_hook_func(lambda kind: kind == PAIRS, _pairs)


def _text_or_flag(value: Any, _: Any) -> str | bool:
    if not isinstance(value, str | bool):
        raise TypeError(f"expected a string or a boolean, got {value!r}")
    return value


# An assumption's option (a reason's reading) is a string or a boolean, kept as it is.
CONVERTER.register_structure_hook_func(lambda kind: kind == str | bool, _text_or_flag)


def _follow(obj: Any, path: str) -> Any:
    """The value at a dotted attribute path; a method at the end of it is called."""
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj() if callable(obj) and not isinstance(obj, type) else obj


@attrs.frozen
class Key:
    """One key of a JSON object: where its value comes from, and whether it is read back."""

    json: str
    """The key; dotted for a key of a nested object (``subject.id``)."""
    read: str | None
    """The path of the attribute or property written; ``None`` for :attr:`value`."""
    attr: str | None = None
    """The attrs field the key is read back into; ``None``: written only (derived)."""
    kind: Any = None
    """The type of a written-only key, for the schema (a field's own type otherwise)."""
    value: Callable[[Any], Any] | None = None
    """Computes the value from the object, when no attribute holds it."""
    optional: bool = False
    """Left out when ``None``."""
    personal: bool = False
    """Personal data: written only when names are revealed."""
    spread: bool = False
    """A mapping whose keys are written into the enclosing object."""
    read_as: Callable[[Any], Any] | None = None
    """Applied to the value read back, after the converter built it."""

    def get(self, obj: Any) -> Any:
        """The value this key writes for ``obj``."""
        if self.value is not None:
            return self.value(obj)
        assert self.read is not None
        return _follow(obj, self.read)


def key(json: str, attr: str | None = None, **options: Any) -> Key:
    """A key written from the field ``attr`` (default: the key itself) and read back into it."""
    name = attr or json.rsplit(".", 1)[-1]
    return Key(json, name, name, **options)


def computed(json: str, read: str | Callable[[Any], Any], kind: Any, **options: Any) -> Key:
    """A key written from a property, an attribute path or a function; not read back."""
    if callable(read):
        return Key(json, None, None, kind, value=read, **options)
    return Key(json, read, None, kind, **options)


@attrs.frozen
class Shape:
    """The JSON object of one output type: its keys, in the order they are written."""

    cls: type
    keys: tuple[Key, ...]
    assemble: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    """Plain values of the fields that no key reads back, gathered from the whole object
    (an event written as several keys, a verdict merged into its object).
    """

    def field_type(self, attr: str) -> Any:
        """The resolved type of a field (``None`` if ``attr`` is not a field)."""
        return _field_types(self.cls).get(attr)


_SHAPES: dict[type, Shape] = {}
_TYPES: dict[type, dict[str, Any]] = {}


def _field_types(cls: type) -> dict[str, Any]:
    """The fields' types, resolved one by one. An event's type may be imported for annotations
    only, so the names of this module count too; a field kept only for Python callers may
    name a type imported for annotations only: it is never converted, and left out.
    """
    if cls not in _TYPES:
        names = {**globals(), **vars(sys.modules[cls.__module__])}
        resolved: dict[str, Any] = {}
        for field in attrs.fields(cls):
            try:
                kind = eval(field.type, names) if isinstance(field.type, str) else field.type
            except NameError:
                continue
            resolved[field.name] = kind
        _TYPES[cls] = resolved
    return _TYPES[cls]


def _put(plain: dict[str, Any], path: str, value: Any) -> None:
    *outer, last = path.split(".")
    for part in outer:
        plain = plain.setdefault(part, {})
    plain[last] = value


def _find(plain: Mapping[str, Any], path: str) -> tuple[bool, Any]:
    value: Any = plain
    for part in path.split("."):
        if part not in value:
            return False, None
        value = value[part]
    return True, value


def _write(form: Shape, obj: Any, reveal_names: bool = False) -> dict[str, Any]:
    plain: dict[str, Any] = {}
    for each in form.keys:
        if each.personal and not reveal_names:
            continue
        value = each.get(obj)
        if value is None and each.optional:
            continue
        declared = form.field_type(each.attr) if each.attr else None
        written = CONVERTER.unstructure(value, unstructure_as=declared)
        if each.spread:
            plain.update(written)
        else:
            _put(plain, each.json, written)
    return plain


def _read(form: Shape, plain: Mapping[str, Any]) -> Any:
    if not isinstance(plain, Mapping):
        raise TypeError(f"expected a JSON object for {form.cls.__name__}, got {plain!r}")
    raw = form.assemble(plain) if form.assemble else {}
    defaults = {f.name for f in attrs.fields(form.cls) if f.default is not attrs.NOTHING}
    values: dict[str, Any] = {}
    for each in form.keys:
        if each.attr is None or each.attr in raw:
            continue
        found, value = _find(plain, each.json)
        if not found:
            if each.attr in defaults:
                continue
            raise KeyError(each.json)
        raw[each.attr] = value
    for attr, value in raw.items():
        built = CONVERTER.structure(value, form.field_type(attr))
        read_as = next((k.read_as for k in form.keys if k.attr == attr and k.read_as), None)
        values[attr] = read_as(built) if read_as else built
    return form.cls(**values)


def shape(
    cls: type[T],
    *keys: str | Key,
    assemble: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None,
) -> type[T]:
    """Declare the JSON object of ``cls`` and register it with the converter. A plain string
    is a key written from, and read back into, the field of that name.
    """
    form = Shape(cls, tuple(k if isinstance(k, Key) else key(k) for k in keys), assemble)
    _SHAPES[cls] = form
    # Hook functions, so that cattrs does not resolve the class's annotations itself.
    CONVERTER.register_unstructure_hook_func(lambda t: t is cls, lambda obj: _write(form, obj))
    CONVERTER.register_structure_hook_func(lambda t: t is cls, lambda plain, _: _read(form, plain))
    return cls


def shape_of(cls: type) -> Shape:
    """The declared shape of an output type."""
    return _SHAPES[cls]


def to_plain(obj: Any, *, reveal_names: bool = False) -> dict[str, Any]:
    """The JSON form of an output value; its personal keys only with ``reveal_names``."""
    return _write(_SHAPES[type(obj)], obj, reveal_names)


def from_plain(cls: type[T], plain: Mapping[str, Any]) -> T:
    """The output value of type ``cls`` that ``plain`` is the JSON form of."""
    built: T = CONVERTER.structure(plain, cls)
    return built


def is_enum(kind: Any) -> bool:
    """Whether ``kind`` is an enum class (written as its values)."""
    return isinstance(kind, type) and issubclass(kind, enum.Enum)
