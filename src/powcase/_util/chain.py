"""An immutable sequence that grows by one item in amortised constant time.

A case grows one event at a time, and every version of it stays valid: ``case.apply`` returns
a new case and leaves the old one as it was. Copying a tuple on every append would make a
record of n events cost n² to build. A :class:`Chain` instead shares one list with the chains
it was grown from: each chain sees only the first ``len(chain)`` items of that list, and an
append writes to the list only when no longer chain already shares it (otherwise it copies).

>>> empty = Chain()
>>> one = empty.appended("capture")
>>> two = one.appended("icrc_visit")
>>> other = one.appended("escape")  # one is no longer the tip: this copies
>>> list(two), list(other), list(one)
(['capture', 'icrc_visit'], ['capture', 'escape'], ['capture'])
>>> two == ("capture", "icrc_visit")
True
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

__all__ = ["Chain"]

T = TypeVar("T")

# Two threads appending to the same tip must not both write to the shared list.
_APPEND = threading.Lock()


class Chain(Sequence[T], Generic[T]):
    """An immutable sequence; :meth:`appended` returns a longer one without copying."""

    __slots__ = ("_items", "_length")

    _items: list[T]
    _length: int

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items = list(items)
        self._length = len(self._items)

    @classmethod
    def _view(cls, items: list[T], length: int) -> Chain[T]:
        chain: Chain[T] = object.__new__(cls)
        chain._items = items
        chain._length = length
        return chain

    def appended(self, item: T) -> Chain[T]:
        """A chain with ``item`` after this chain's items; this chain does not change."""
        with _APPEND:
            if len(self._items) == self._length:
                self._items.append(item)
                return Chain._view(self._items, self._length + 1)
        copied = self._items[: self._length]
        copied.append(item)
        return Chain._view(copied, len(copied))

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._items[: self._length][index])
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("chain index out of range")
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        # The shared list may grow past this chain's length: only its first items are ours.
        return itertools.islice(self._items, self._length)

    def __reversed__(self) -> Iterator[T]:
        items = self._items
        for index in range(self._length - 1, -1, -1):
            yield items[index]

    @property
    def last(self) -> T | None:
        """The last item, or None when empty."""
        return self._items[self._length - 1] if self._length else None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Chain):
            return self._length == other._length and (
                (self._items is other._items) or self[:] == other[:]
            )
        if isinstance(other, tuple):
            return self[:] == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self[:])

    def __repr__(self) -> str:
        # A tuple's repr: valid Python that evaluates to an equal value.
        return repr(self[:])

    def __reduce__(self) -> tuple[Any, ...]:
        return (Chain, (self[:],))
