"""Keyword expressions, as ``pytest -k`` takes them, to select runs by their names.

The grammar is pytest's: ``and``, ``or``, ``not`` and parentheses over words, ``not`` binding
tightest and ``or`` loosest. A word matches when it is part of one of the names, in any letter
case (``-k kursk`` selects a scenario titled "Captured in Kursk"). An empty expression selects
everything.

>>> KeywordExpression.compile("kursk and not strict").matches(["Ri, captured in Kursk"])
True
>>> KeywordExpression.compile("(a or b) and not c").matches(["xcx", "b"])
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["KeywordExpression", "KeywordExpressionError"]

_TOKEN = re.compile(r"\s*(?:(\()|(\))|((?:\w|[:+\-.\[\]\\/])+))")
_KEYWORDS = frozenset({"and", "or", "not"})

Matcher = Callable[[tuple[str, ...]], bool]


class KeywordExpressionError(ValueError):
    """An expression that does not parse: the message says where (1-based column) and why."""


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, int]] = []
        position = 0
        while position < len(text):
            if text[position:].strip() == "":
                break
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                column = len(text) - len(text[position:].lstrip()) + 1
                raise KeywordExpressionError(
                    f"at column {column}: unexpected character "
                    f"{text[column - 1]!r}; expected a word, 'and', 'or', 'not' or parentheses"
                )
            token = match.group(1) or match.group(2) or match.group(3)
            self.tokens.append((token, match.start(match.lastindex or 0) + 1))
            position = match.end()
        self.at = 0

    def _peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def _fail(self, expected: str) -> KeywordExpressionError:
        if self.at < len(self.tokens):
            token, column = self.tokens[self.at]
            return KeywordExpressionError(
                f"at column {column}: expected {expected}, got {token!r}"
            )
        return KeywordExpressionError(f"at the end: expected {expected}")

    def parse(self) -> Matcher:
        if not self.tokens:
            return lambda names: True
        matcher = self._or()
        if self._peek() is not None:
            raise self._fail("'and', 'or' or the end")
        return matcher

    def _or(self) -> Matcher:
        parts = [self._and()]
        while self._peek() == "or":
            self.at += 1
            parts.append(self._and())
        return parts[0] if len(parts) == 1 else lambda names: any(p(names) for p in parts)

    def _and(self) -> Matcher:
        parts = [self._not()]
        while self._peek() == "and":
            self.at += 1
            parts.append(self._not())
        return parts[0] if len(parts) == 1 else lambda names: all(p(names) for p in parts)

    def _not(self) -> Matcher:
        token = self._peek()
        if token == "not":
            self.at += 1
            inner = self._not()
            return lambda names: not inner(names)
        if token == "(":
            self.at += 1
            inner = self._or()
            if self._peek() != ")":
                raise self._fail("')'")
            self.at += 1
            return inner
        if token is None or token == ")" or token in _KEYWORDS:
            raise self._fail("a word, 'not' or '('")
        self.at += 1
        word = token.casefold()
        return lambda names: any(word in name for name in names)


class KeywordExpression:
    """A compiled keyword expression (:meth:`compile`), matched against a run's names."""

    def __init__(self, text: str, matcher: Matcher) -> None:
        self.text = text
        self._matcher = matcher

    @classmethod
    def compile(cls, text: str) -> KeywordExpression:
        """The expression ``text``; :class:`KeywordExpressionError` when it does not parse."""
        return cls(text, _Parser(text).parse())

    def matches(self, names: Iterable[str]) -> bool:
        """Whether the expression holds for ``names`` (each word matched as a part of any)."""
        return self._matcher(tuple(name.casefold() for name in names))
