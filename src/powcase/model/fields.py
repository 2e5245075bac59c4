"""The field table: one definition per field of every record type.

Each field of the subject, the sources and every event is declared once, with one of the
builders below. The builder attaches a :class:`FieldSpec` (its kind, options, whether it is
required, what it means) to the attrs field, and the converter and validator that enforce it.
The attrs validators, :func:`powcase.describe`, the plain-dict loaders and their located
errors are all generated from these specs, so they cannot drift apart.

A boolean field left out is *unknown* (``None``), not false: the model keeps the two apart.
"""

from __future__ import annotations

import datetime
import keyword
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from powcase._util.characters import surrogate_problem
from powcase._util.date_range import FIRST_DAY, LAST_DAY, day_problem
from powcase._util.i18n import problem_text
from powcase._util.suggest import closest
from powcase.errors import InvalidInput, Problem
from powcase.model.countries import STATE_CODES, is_state_code

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__ = [
    "FIELD_SPEC",
    "FieldSpec",
    "TermProvisions",
    "attribute_name",
    "bool_field",
    "choice_field",
    "choices_field",
    "confidence_field",
    "date_field",
    "field_specs",
    "from_plain",
    "parse_field",
    "plain_key",
    "provisions_field",
    "sources_field",
    "state_field",
    "state_or_field",
    "states_field",
    "text_field",
    "to_plain",
    "year_field",
]

FIELD_SPEC = "powcase"
"""The key of a field's :class:`FieldSpec` in its attrs metadata."""

_REQUIRED = attrs.NOTHING


@attrs.frozen
class FieldSpec:
    """What a field holds, as the loaders, ``describe()`` and the docs present it.

    ``kind`` is one of ``date``, ``state``, ``states``, ``state_or``, ``choice``, ``choices``,
    ``bool``, ``text``, ``confidence``, ``year``, ``sources`` or ``provisions``; ``options``
    lists the accepted values of a ``choice`` or ``choices`` (or the extra words a ``state_or``
    accepts beside state codes, or the terms a ``provisions`` mapping may name).
    """

    kind: str
    doc: str
    required: bool
    options: tuple[str, ...] = ()
    default: Any = None

    def expected(self) -> str:
        """A short phrase for error messages: what a valid value looks like."""
        return _EXPECTED[self.kind](self)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-serialisable description used by ``describe()``."""
        described: dict[str, Any] = {"kind": self.kind, "required": self.required}
        if self.options:
            described["options"] = list(self.options)
        if not self.required and self.default not in (None, ()):
            described["default"] = self.default
        described["doc"] = self.doc
        return described


_EXPECTED: dict[str, Callable[[FieldSpec], str]] = {
    "date": lambda s: problem_text("an ISO date (YYYY-MM-DD) from {first} to {last}").format(
        first=FIRST_DAY, last=LAST_DAY
    ),
    "state": lambda s: problem_text("an ISO 3166 alpha-2 state code in upper case, e.g. 'UA'"),
    "states": lambda s: problem_text("a list of ISO 3166 alpha-2 state codes, e.g. ['UA', 'RU']"),
    "state_or": lambda s: problem_text("a state code or one of {options}").format(
        options=", ".join(repr(o) for o in s.options)
    ),
    "choice": lambda s: problem_text("one of {options}").format(
        options=", ".join(repr(o) for o in s.options)
    ),
    "choices": lambda s: problem_text("a list of distinct values among {options}").format(
        options=", ".join(repr(o) for o in s.options)
    ),
    "bool": lambda s: problem_text("true or false (leave it out when unknown)"),
    "text": lambda s: problem_text("text"),
    "confidence": lambda s: problem_text("a number from 0 to 1"),
    "year": lambda s: problem_text("a year or a date, e.g. 1998 or 1998-03-01"),
    "sources": lambda s: problem_text("a source id or a list of source ids"),
    "provisions": lambda s: (
        "a provision id, a list of them, or a mapping from a term ("
        + ", ".join(repr(o) for o in s.options)
        + ") to an id or a list of ids"
    ),
}


@attrs.frozen
class TermProvisions:
    """The provision ids an agreement names: for the whole agreement (``whole``), or term by
    term (``by_term``: pairs of a term and its ids, in the order written).

    >>> TermProvisions.of_plain({"no_force": "PANMUNJOM-TOR-3"}).cites("no_force")
    ('PANMUNJOM-TOR-3',)
    >>> TermProvisions.of_plain("PANMUNJOM-51").cites("no_force")
    ('PANMUNJOM-51',)
    """

    whole: tuple[str, ...] = ()
    by_term: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of_plain(cls, value: object) -> Any:
        """The stored form of a plain value: an id, a list of ids, or a mapping from terms
        to an id or a list of ids. Anything else is returned unchanged (the validator says
        what is wrong with it).
        """
        if isinstance(value, str):
            return cls(whole=(value,))
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return cls(whole=tuple(value))
        if isinstance(value, Mapping):
            pairs = []
            for term, named in value.items():
                ids = [named] if isinstance(named, str) else named
                if not isinstance(ids, list | tuple) or not all(isinstance(i, str) for i in ids):
                    return value
                pairs.append((term, tuple(ids)))
            return cls(by_term=tuple(pairs))
        return value

    def cites(self, term: str) -> tuple[str, ...]:
        """The ids a reason resting on ``term`` cites: those mapped to the term, else those
        given for the whole agreement (empty when neither names any).
        """
        for name, ids in self.by_term:
            if name == term:
                return ids
        return self.whole

    def ids(self) -> tuple[str, ...]:
        """Every id named, once each, in the order written."""
        named = [*self.whole, *(i for _, ids in self.by_term for i in ids)]
        return tuple(dict.fromkeys(named))

    def to_plain(self) -> Any:
        """The plain form: an id, a list of ids, or a mapping from terms to ids."""
        if self.by_term:
            return {t: ids[0] if len(ids) == 1 else list(ids) for t, ids in self.by_term}
        return self.whole[0] if len(self.whole) == 1 else list(self.whole)


T = TypeVar("T")


def plain_key(name: str) -> str:
    """The key a field is written under: its attribute's name, less the trailing underscore
    a Python keyword needs to be a name (``punished.for`` is the attribute ``for_``).
    """
    stem = name[:-1]
    return stem if name.endswith("_") and keyword.iskeyword(stem) else name


def attribute_name(key: str) -> str:
    """The attribute a field written under ``key`` is kept in (see :func:`plain_key`)."""
    return key + "_" if keyword.iskeyword(key) else key


def _fail(attribute: attrs.Attribute[Any], message: str, suggestion: str | None = None) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    raise InvalidInput([Problem(plain_key(attribute.name), message, spec.expected(), suggestion)])


_WORD_END = re.compile(r"[^\W\d_]+$")


def _describe(value: object) -> str:
    """``value`` as an error echoes it: its repr, cut after 397 characters if longer than 400.

    The cut never falls inside a word: a name cut short would no longer be a whole word, and
    the redaction of names (which withholds a name's whole words) would miss its first part.
    """
    text = repr(value)
    if len(text) <= 400:
        return text
    return _WORD_END.sub("", text[:397]) + "..."


def _state_problem(attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool):
        # YAML 1.1 reads an unquoted NO (Norway) as false; say so rather than "not a string".
        _fail(
            attribute,
            problem_text("got {value}; quote state codes in YAML ('NO' is read as false)").format(
                value=repr(value)
            ),
        )
    if not isinstance(value, str):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
    suggestion = closest(value.upper(), sorted(STATE_CODES)) if isinstance(value, str) else None
    if isinstance(value, str) and value.upper() in STATE_CODES:
        suggestion = value.upper()
    _fail(
        attribute,
        problem_text("{value} is not a state code").format(value=_describe(value)),
        suggestion,
    )


# --- converters: turn the plain forms users write into the stored form. A value that cannot
# be converted is passed through unchanged so that the validator reports it with its location.


def _to_date(value: str | datetime.date) -> datetime.date:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return value  # type: ignore[return-value]


def _to_birth(value: int | str | datetime.date | None) -> int | datetime.date | None:
    """A year stays a year; a date in ``YYYY-MM-DD`` form becomes a date."""
    if isinstance(value, str):
        return _to_date(value)
    return value


def _to_tuple(value: Iterable[T] | T | None) -> tuple[T, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return cast("tuple[T, ...]", (value,))
    if isinstance(value, list | tuple):
        return tuple(value)
    return value  # type: ignore[return-value]


# --- validators


def _check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and not attribute.metadata[FIELD_SPEC].required:
        return
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
    else:
        # Deadlines are computed from dates: one near the end of the calendar would overflow.
        outside = day_problem(value)
        if outside is not None:
            _fail(attribute, outside)


def _check_state(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and not attribute.metadata[FIELD_SPEC].required:
        return
    if not is_state_code(value):
        _state_problem(attribute, value)


def _check_states(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if not isinstance(value, tuple):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
        return
    if spec.required and not value:
        _fail(attribute, problem_text("is empty"))
    for item in value:
        if not is_state_code(item):
            _state_problem(attribute, item)
    if len(set(value)) != len(value):
        _fail(attribute, problem_text("lists a state twice"))


def _check_state_or(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if value is None and not spec.required:
        return
    if isinstance(value, str) and value in spec.options:
        return
    if not is_state_code(value):
        if isinstance(value, str):
            guess = closest(value, [*spec.options, *sorted(STATE_CODES)])
            _fail(
                attribute,
                problem_text("{value} is neither a state code nor a known word").format(
                    value=_describe(value)
                ),
                guess,
            )
        _state_problem(attribute, value)


def _check_choice(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if value is None and not spec.required:
        return
    if not isinstance(value, str) or value not in spec.options:
        guess = closest(value, spec.options) if isinstance(value, str) else None
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)), guess)


def _check_choices(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if not isinstance(value, tuple):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
        return
    for item in value:
        if not isinstance(item, str) or item not in spec.options:
            guess = closest(item, spec.options) if isinstance(item, str) else None
            _fail(
                attribute,
                problem_text("{value} is not one of them").format(value=_describe(item)),
                guess,
            )
    if len(set(value)) != len(value):
        _fail(attribute, problem_text("lists a value twice"))


def _check_provisions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if value is None:
        return
    if not isinstance(value, TermProvisions):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
        return
    if not value.ids() or not all(i.strip() for i in value.ids()):
        _fail(attribute, problem_text("names no provision id"))
    for term, ids in value.by_term:
        if not isinstance(term, str) or term not in spec.options:
            guess = closest(term, spec.options) if isinstance(term, str) else None
            _fail(
                attribute,
                problem_text("{value} is not a term").format(value=_describe(term)),
                guess,
            )
        if not ids:
            _fail(
                attribute,
                problem_text("names no provision id for {term}").format(term=repr(term)),
            )


def _check_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and not attribute.metadata[FIELD_SPEC].required:
        return
    if not isinstance(value, bool):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: FieldSpec = attribute.metadata[FIELD_SPEC]
    if value is None and not spec.required:
        return
    if not isinstance(value, str):
        # The value is not echoed: a text field may hold personal data such as a name.
        _fail(attribute, problem_text("got a {kind}").format(kind=type(value).__name__))
    elif spec.required and not value.strip():
        _fail(attribute, problem_text("is empty"))
    else:
        broken = surrogate_problem(value)
        if broken is not None:
            _fail(attribute, broken)


def _check_confidence(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
    elif not 0 <= value <= 1:
        # Compared, not converted: a huge integer has no float, and NaN fails the comparison.
        _fail(attribute, problem_text("{value} is outside 0..1").format(value=_describe(value)))


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, datetime.date):
        year = value.year
    elif isinstance(value, bool) or not isinstance(value, int):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))
        return
    else:
        year = value
    if not 1850 <= year <= 2100:
        _fail(
            attribute,
            problem_text("{value} is not a plausible year of birth").format(value=repr(value)),
        )


def _check_sources(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
        _fail(attribute, problem_text("got {value}").format(value=_describe(value)))


# --- builders


def _field(
    spec: FieldSpec,
    validator: Callable[[Any, attrs.Attribute[Any], Any], None],
    *,
    converter: Callable[[Any], Any] | None = None,
    default: Any = None,
    factory: Callable[[], Any] | None = None,
    repr_: bool = True,
) -> Any:
    metadata = {FIELD_SPEC: spec}
    if factory is not None:
        return attrs.field(
            factory=factory, converter=converter, validator=validator, metadata=metadata
        )
    return attrs.field(
        default=_REQUIRED if spec.required else default,
        converter=converter,
        validator=validator,
        metadata=metadata,
        repr=repr_,
    )


def date_field(doc: str, *, required: bool = True) -> Any:
    """An ISO date; a string in ``YYYY-MM-DD`` form is converted."""
    return _field(FieldSpec("date", doc, required), _check_date, converter=_to_date)


def state_field(doc: str, *, required: bool = True) -> Any:
    """An ISO 3166 alpha-2 state code in upper case."""
    return _field(FieldSpec("state", doc, required), _check_state)


def states_field(doc: str, *, required: bool = True) -> Any:
    """A list of distinct state codes, stored as a tuple; empty only when not required."""
    return _field(
        FieldSpec("states", doc, required, default=()),
        _check_states,
        converter=_to_tuple,
        default=(),
    )


def state_or_field(doc: str, words: tuple[str, ...], *, required: bool = True) -> Any:
    """A state code, or one of a few ``words`` (e.g. ``stay``, ``CTA``)."""
    return _field(FieldSpec("state_or", doc, required, words), _check_state_or)


def choice_field(
    doc: str, options: tuple[str, ...], *, default: str | None = None, required: bool = False
) -> Any:
    """One of ``options``; optional fields default to ``default`` (None means unknown)."""
    spec = FieldSpec("choice", doc, required, options, default)
    return _field(spec, _check_choice, default=default)


def choices_field(doc: str, options: tuple[str, ...]) -> Any:
    """A list of distinct values among ``options``, stored as a tuple (empty when left out)."""
    spec = FieldSpec("choices", doc, False, options, ())
    return _field(spec, _check_choices, converter=_to_tuple, default=())


def provisions_field(doc: str, terms: tuple[str, ...]) -> Any:
    """Provision ids: one, a list, or a mapping from each of some ``terms`` to its ids;
    stored as :class:`TermProvisions` (None when left out).
    """
    spec = FieldSpec("provisions", doc, False, terms)
    return _field(spec, _check_provisions, converter=TermProvisions.of_plain)


def bool_field(doc: str, *, default: bool | None = None, required: bool = False) -> Any:
    """True or false; left out it is ``default``, which is None (unknown) unless given."""
    spec = FieldSpec("bool", doc, required, (), default)
    return _field(spec, _check_bool, default=default)


def text_field(doc: str, *, required: bool = False, personal: bool = False) -> Any:
    """Free text. ``personal`` text (a name) is left out of reprs and never echoed."""
    return _field(FieldSpec("text", doc, required), _check_text, repr_=not personal)


def confidence_field(doc: str) -> Any:
    """A number from 0 to 1, recorded and shown; it changes no verdict."""
    return _field(FieldSpec("confidence", doc, False), _check_confidence)


def year_field(doc: str) -> Any:
    """A year (of birth), or a date; a string in ``YYYY-MM-DD`` form is converted."""
    return _field(FieldSpec("year", doc, False), _check_year, converter=_to_birth)


def sources_field(doc: str) -> Any:
    """Source ids: one as a string, or a list; stored as a tuple."""
    return _field(
        FieldSpec("sources", doc, False), _check_sources, converter=_to_tuple, default=()
    )


# --- the plain-dict form


def field_specs(cls: type) -> dict[str, FieldSpec]:
    """The specs of an attrs class's fields, in declaration order, by the key each is
    written under (:func:`plain_key`).
    """
    return {
        plain_key(a.name): a.metadata[FIELD_SPEC]
        for a in attrs.fields(cls)
        if FIELD_SPEC in a.metadata
    }


def to_plain(value: object) -> Any:
    """The plain (JSON-ready) form of one field value."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_plain(v) for v in value]
    if isinstance(value, TermProvisions):
        return value.to_plain()
    return value


def parse_field(cls: type, name: str, value: object) -> Any:
    """Convert and check one field's plain value as ``cls`` would; InvalidInput if bad.

    ``name`` is the key the field is written under.
    """
    attribute = attrs.fields_dict(cast("type[AttrsInstance]", cls))[attribute_name(name)]
    converted = attribute.converter(value) if callable(attribute.converter) else value
    if attribute.validator is not None:
        attribute.validator(cls, attribute, converted)
    return converted


def from_plain(cls: type[T], data: Mapping[str, Any], *, ignore: Iterable[str] = ()) -> T:
    """Build ``cls`` from a plain mapping, reporting every problem at once.

    Unknown keys get a did-you-mean suggestion; missing required fields and invalid values
    are located by their key. Keys in ``ignore`` are skipped (the caller reads them).
    """
    attributes = attrs.fields(cast("type[AttrsInstance]", cls))
    fields = {plain_key(a.name): a for a in attributes if FIELD_SPEC in a.metadata}
    skipped = set(ignore)
    problems: list[Problem] = []
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key in skipped:
            continue
        if not isinstance(key, str) or key not in fields:
            known = [*fields, *skipped]
            guess = closest(key, known) if isinstance(key, str) else None
            problems.append(
                Problem(
                    str(key),
                    problem_text("is not a known field"),
                    problem_text("one of {options}").format(options=", ".join(known)),
                    guess,
                )
            )
            continue
        attribute = fields[key]
        try:
            converted = parse_field(cls, key, value)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        except (TypeError, ValueError, ArithmeticError):
            spec: FieldSpec = attribute.metadata[FIELD_SPEC]
            problems.append(Problem(key, problem_text("has the wrong type"), spec.expected()))
            continue
        kwargs[attribute.name] = converted
    for name, attribute in fields.items():
        spec = attribute.metadata[FIELD_SPEC]
        if spec.required and name not in data:
            problems.append(Problem(name, problem_text("is required"), spec.expected()))
    if problems:
        raise InvalidInput(problems)
    try:
        return cls(**kwargs)
    except InvalidInput:
        raise
    except (TypeError, ValueError) as error:  # pragma: no cover - guarded by the checks above
        raise InvalidInput.single("", str(error)) from None
