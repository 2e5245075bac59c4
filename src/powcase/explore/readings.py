"""Readings of the law an exploration runs under, as sets packed into integers.

A reading is one :class:`~powcase.model.assumptions.Assumptions` value. An exploration runs
under a grid of them (by default every combination of the options of the choice assumptions;
the day-valued ones keep the start's values) and keeps sets of readings as bit masks: bit
``i`` stands for reading ``i`` of the grid. A verdict that rests on some assumptions holds
for every reading that agrees with it on those, so it is worked out once for all of them
(:meth:`ReadingGrid.agreeing`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from powcase.errors import InvalidAssumption, Problem
from powcase.model.assumptions import Assumptions

__all__ = ["CHOICE_KEYS", "ReadingGrid", "bits"]

CHOICE_KEYS: tuple[str, ...] = tuple(
    key for key, spec in Assumptions.specs().items() if not spec.days
)
"""The assumptions that choose between readings (the others count days)."""


def bits(mask: int) -> Iterator[int]:
    """The indexes of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


@attrs.frozen
class ReadingGrid:
    """The readings explored, in order, with a mask per option of each varying assumption."""

    readings: tuple[Assumptions, ...]
    varying: tuple[str, ...]
    """The choice assumptions whose options the grid varies (the others keep one value)."""
    _by_option: dict[tuple[str, Any], int] = attrs.field(repr=False, eq=False)

    @classmethod
    def of(
        cls, base: Assumptions, subset: Mapping[str, Sequence[Any]] | None = None
    ) -> ReadingGrid:
        """Every combination of the options of the choice assumptions, the others as in
        ``base``; with ``subset``, only the keys it names vary, over the options it lists.
        """
        specs = Assumptions.specs()
        if subset is None:
            domains = {key: specs[key].options for key in CHOICE_KEYS}
        else:
            domains = _checked(subset, specs)
        keys = tuple(domains)
        readings = tuple(
            base.changed(**dict(zip(keys, values, strict=True)))
            for values in itertools.product(*(domains[k] for k in keys))
        )
        return cls.of_readings(readings, keys)

    @classmethod
    def of_readings(
        cls, readings: Sequence[Assumptions], varying: Sequence[str] = CHOICE_KEYS
    ) -> ReadingGrid:
        """A grid of exactly ``readings``, in order (e.g. a sample of another grid's)."""
        by_option: dict[tuple[str, Any], int] = {}
        for index, reading in enumerate(readings):
            for key in CHOICE_KEYS:
                option = (key, _key_of(getattr(reading, key)))
                by_option[option] = by_option.get(option, 0) | (1 << index)
        return cls(tuple(readings), tuple(varying), by_option)

    @property
    def every(self) -> int:
        """The mask of every reading."""
        return (1 << len(self.readings)) - 1

    def agreeing(self, index: int, keys: Iterable[str], among: int) -> int:
        """The readings of ``among`` that agree with reading ``index`` on ``keys``."""
        reading = self.readings[index]
        found = among
        for key in keys:
            found &= self._by_option.get((key, _key_of(getattr(reading, key))), 0)
        return found

    def describe(self, index: int) -> dict[str, Any]:
        """Reading ``index`` as every choice assumption with its option."""
        reading = self.readings[index]
        return {key: getattr(reading, key) for key in CHOICE_KEYS}

    def __len__(self) -> int:
        return len(self.readings)


def _key_of(value: Any) -> Any:
    # True == 1 in Python: keep booleans apart from numbers in the option masks.
    return (type(value).__name__, value)


def _checked(
    subset: Mapping[str, Sequence[Any]], specs: Mapping[str, Any]
) -> dict[str, tuple[Any, ...]]:
    problems: list[Problem] = []
    domains: dict[str, tuple[Any, ...]] = {}
    for key, options in subset.items():
        if key not in CHOICE_KEYS:
            problems.append(
                Problem(str(key), "is not a choice assumption", ", ".join(CHOICE_KEYS))
            )
            continue
        values = (options,) if isinstance(options, str | bool) else tuple(options)
        spec = specs[key]
        bad = [v for v in values if not spec.accepts(v)]
        if bad or not values:
            problems.append(
                Problem(
                    key, f"{bad[0]!r} is not an option" if bad else "is empty", spec.expected()
                )
            )
            continue
        domains[key] = tuple(dict.fromkeys(values))
    if problems:
        raise InvalidAssumption(problems)
    return domains
