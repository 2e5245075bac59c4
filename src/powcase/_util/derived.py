"""A value an immutable object works out from its fields on first read, then keeps.

``functools.cached_property`` does the same, but on Python 3.11 it takes a lock on every
first read, which costs more than most of what it keeps here (a position's configuration,
what the record has established). This descriptor stores the value in the instance's
``__dict__`` under its own name, so later reads never reach it. Use it only on classes with a
``__dict__`` whose fields do not change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["derived"]

T = TypeVar("T")


class derived(Generic[T]):  # noqa: N801 - used as a decorator, like property
    """A property worked out once per instance and kept in its ``__dict__``."""

    def __init__(self, work_out: Callable[[Any], T]) -> None:
        self.work_out = work_out
        self.name = work_out.__name__
        self.__doc__ = work_out.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> derived[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object, owner: type | None = None) -> T | derived[T]:
        if instance is None:
            return self
        value = self.work_out(instance)
        instance.__dict__[self.name] = value
        return value
