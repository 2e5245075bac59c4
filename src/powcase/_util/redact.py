"""Redaction: what the outputs withhold, in one place.

The subject's name is personal data of a person seeking protection: it is withheld from every
output unless names are revealed. Withheld means both that the output contract leaves out the
``subject.name`` key and that every copy of the name, or of a part of it, is replaced by
:data:`MARK` wherever it appears in free text: a title, a description, a note, a claim, the
text of a field, an error's echo of a value. A part of a name is one of its whole words of
three letters or more (of any length in Hangul), matched in any letter case; identifiers (the
subject's id, source ids, codes, states, event names, keys) are not free text and are never
rewritten.

``strict`` redaction also withholds what could identify him with other data: his year of
birth, rank and unit, the place of events, and exact dates (shown to the month).

:func:`redact` applies both to plain output (the JSON form of a result, or any payload made of
dicts, lists and strings); :meth:`Names.scrub` to one text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from powcase._util import arguments
from powcase.errors import InvalidInput, Problem

__all__ = [
    "LEVELS",
    "MARK",
    "NOBODY",
    "Names",
    "checked_flag",
    "checked_level",
    "problem_withheld",
    "redact",
    "withheld",
]

LEVELS = ("none", "strict")
MARK = "[name withheld]"
_WITHHELD = frozenset({"born", "rank", "unit", "place"})
_DAY = re.compile(r"^(\d{4}-\d{2})-\d{2}$")

_LETTERS = r"[^\W\d_]"
"""A letter of any script (a word character that is neither a digit nor an underscore)."""
_LETTER = re.compile(_LETTERS)
_HANGUL = "\uac00-\ud7a3"
_CYRILLIC = "\u0400-\u04ff"

_IDENTIFIERS = frozenset(
    {
        "id",
        "file",
        "variant",
        "event",
        "code",
        "cites",
        "from",
        "to",
        "state",
        "kind",
        "outcome",
        "severity",
        "status",
        "source",
        "sources",
        "provision",
        "concerns",
        "active_flags",
        "mode",
        "detaining_power",
        "fact",
        "check",
    }
)
"""Keys whose text values are identifiers of the model or of the scenario, not free text."""
_OPAQUE = frozenset({"generated_by", "assumptions", "reading"})
"""Keys whose whole value is made of the model's own identifiers and versions."""


def _fold(text: str) -> tuple[str, Sequence[int]]:
    """``text`` case-folded, with the index in ``text`` of each character of the result.

    Folding character by character keeps the way back to the original, which a whole-string
    ``casefold()`` loses where one letter folds to two (``ß`` to ``ss``).
    """
    whole = text.casefold()
    if len(whole) == len(text):
        # No letter folded to two: the positions are the same.
        return whole, range(len(text))
    folded: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        fold = char.casefold()
        folded.append(fold)
        where += [index] * len(fold)
    return "".join(folded), where


def _parts(name: str) -> set[str]:
    """The whole words of a name that are withheld on their own, case-folded."""
    words = re.findall(_LETTERS + "+", name)
    # A word written with a hyphen ("Jin-hyok") is also written run together ("Jinhyok").
    words += ["".join(re.findall(_LETTERS + "+", token)) for token in name.split()]
    return {w for w in words if len(w) >= 3 or any(_is_hangul(c) for c in w)}


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _form(words: Iterable[str]) -> str:
    """The pattern of a name or part: its words, apart or run together, as a whole word.

    Hangul takes its particles after a name (``진혁은``) and Cyrillic its case endings
    (``Ивана``): a form of two Hangul syllables or more, and a Cyrillic one, match with them.
    """
    words = list(words)
    body = r"[\W_]{0,2}".join(re.escape(w) for w in words)
    last = words[-1]
    if _is_hangul(last[-1]) and sum(map(_is_hangul, "".join(words))) >= 2:
        body += f"[{_HANGUL}]*"
    elif "\u0400" <= last[-1] <= "\u04ff":
        body += f"[{_CYRILLIC}]{{0,3}}"
    # Not preceded by a letter either: checked by Names._spans, since a look-behind here would
    # keep the regular expression engine from skipping ahead to a first letter.
    return f"{body}(?!{_LETTERS})"


@attrs.frozen
class Names:
    """The names to withhold, with their parts, matched in any letter case in any text.

    >>> names = Names.of("Ri Jin-hyok")
    >>> names.scrub("RI JIN-HYOK said so; Jinhyok and jin agreed, Ri too.")
    '[name withheld] said so; [name withheld] and [name withheld] agreed, Ri too.'
    """

    pattern: re.Pattern[str] | None = None

    @classmethod
    def of(cls, *names: object) -> Names:
        """The names given (``None`` and blank names are skipped)."""
        return _names(tuple(n for n in names if isinstance(n, str) and n.strip()))

    def __bool__(self) -> bool:
        return self.pattern is not None

    def _spans(self, text: str) -> Iterator[tuple[int, int]]:
        if self.pattern is None:
            return
        folded, where = _fold(text)
        at = 0
        while match := self.pattern.search(folded, at):
            start = match.start()
            if start and _LETTER.match(folded, start - 1):
                at = start + 1
                continue
            yield where[start], where[match.end() - 1] + 1
            at = match.end()

    def found(self, text: str) -> bool:
        """Whether ``text`` has one of the names or of their parts."""
        normal = unicodedata.normalize("NFC", text)
        return next(self._spans(normal), None) is not None

    def scrub(self, text: str) -> str:
        """``text`` with each of the names and of their parts replaced by :data:`MARK`."""
        normal = unicodedata.normalize("NFC", text)
        pieces, last = [], 0
        for start, end in self._spans(normal):
            pieces += [normal[last:start], MARK]
            last = end
        if not pieces:
            return text
        return "".join([*pieces, normal[last:]])

    def where(self, data: Any, path: str = "") -> list[str]:
        """The key paths of the free text in ``data`` that has one of the names."""
        if isinstance(data, str):
            return [path] if self.found(data) else []
        found = []
        for key, value in _free(data):
            # The path is shown to the author: a key that has the name is shown without it.
            shown = self.scrub(key) if isinstance(key, str) else key
            joined = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{shown}".lstrip(".")
            if isinstance(key, str) and self.found(key):
                found.append(joined)
            found += self.where(value, joined)
        return found

    def withhold(self, data: Any) -> Any:
        """``data`` (plain output) with the names taken out of its free text."""
        if not self or not self.found("\0".join(_strings(data, keys=True))):
            # Most outputs have no copy of the name: one search of all their text, and they
            # are returned as they are.
            return data
        return self._withhold(data)

    def _withhold(self, data: Any) -> Any:
        if isinstance(data, str):
            return self.scrub(data)
        if isinstance(data, Mapping):
            free = dict(_free(data))
            kept = {
                self._key(k) if k in free else k: self._withhold(v) if k in free else v
                for k, v in data.items()
            }
            if _law_sentence(data):
                kept["text"] = self._sentence(data["text"], data.get("params"))
            return kept
        if isinstance(data, list | tuple):
            return type(data)(self._withhold(v) for v in data)
        return data

    def _sentence(self, text: str, params: Any) -> str:
        # The law's own words are not free text (a name part may be a word of the law's
        # language, as "Out" is); the values the author gave it to fill in are.
        for value in _strings(params):
            if self.found(value):
                text = text.replace(value, self.scrub(value))
        return text

    def _key(self, key: Any) -> Any:
        # A key that is an identifier (a field's or an output's key) is never rewritten; a
        # key made of text (a column named after an asked step) is.
        if isinstance(key, str) and not (key.isascii() and key.isidentifier()):
            return self.scrub(key)
        return key


NOBODY = Names()
"""No name to withhold."""


@functools.lru_cache(maxsize=64)
def _names(names: tuple[str, ...]) -> Names:
    forms: set[tuple[str, ...]] = set()
    for name in names:
        folded = unicodedata.normalize("NFC", name).casefold()
        words = tuple(re.findall(_LETTERS + "+", folded))
        if words:
            forms.add(words)
        forms |= {(part,) for part in _parts(folded)}
    if not forms:
        return NOBODY
    # Longest first, so that the whole name is taken before one of its parts.
    ordered = sorted(forms, key=lambda words: (-sum(map(len, words)), words))
    return Names(re.compile("|".join(_form(words) for words in ordered)))


def _law_sentence(data: Mapping[Any, Any]) -> bool:
    """Whether ``data`` is a reason, flag or obligation, whose ``text`` is the law's sentence
    (filled in with its ``params``).
    """
    return "code" in data and isinstance(data.get("text"), str)


def _strings(data: Any, *, keys: bool = False) -> Iterator[str]:
    """Every text in ``data``, with the keys of its mappings if ``keys``."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for key, value in data.items():
            if keys and isinstance(key, str):
                yield key
            yield from _strings(value, keys=keys)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value, keys=keys)


def _free(data: Any) -> Iterator[tuple[Any, Any]]:
    """The items of ``data`` (a mapping or a list) that may hold free text."""
    if isinstance(data, Mapping):
        sentence = _law_sentence(data)
        for key, value in data.items():
            if key in _OPAQUE or (sentence and key == "text"):
                continue
            if key in _IDENTIFIERS and (
                isinstance(value, str)
                or (isinstance(value, list | tuple) and all(isinstance(v, str) for v in value))
            ):
                continue
            yield key, value
    elif isinstance(data, list | tuple):
        yield from enumerate(data)


def checked_flag(argument: str, value: object) -> bool:
    """``value`` if it is a bool; an :class:`~powcase.errors.InvalidArgument` naming
    ``argument`` otherwise (``"no"`` is true in Python, so a string would reveal a name).
    """
    arguments.instance(argument, value, bool, "True or False")
    return bool(value)


def checked_level(argument: str, value: object) -> str:
    """``value`` if it is one of :data:`LEVELS`; an error naming ``argument`` otherwise."""
    return arguments.choice(argument, value, LEVELS, "a redaction level")


def redact(data: Any, level: str = "none", *, names: Names = NOBODY) -> Any:
    """``data`` (plain JSON output) with what ``level`` withholds taken out, and ``names``
    withheld from its free text.

    >>> redact({"date": "2025-01-09", "fields": {"place": "Kursk", "wounded": True}}, "strict")
    {'date': '2025-01', 'fields': {'wounded': True}}
    >>> redact({"scenario": "Ri Jin-hyok, captured"}, names=Names.of("Ri Jin-hyok"))
    {'scenario': '[name withheld], captured'}
    """
    checked_level("redaction", level)
    return _strict(names.withhold(data), level)


def _strict(data: Any, level: str) -> Any:
    if level == "none":
        return data
    if isinstance(data, dict):
        # The subject's name is governed by revealing names alone, whatever the level.
        return {k: _strict(v, level) for k, v in data.items() if k not in _WITHHELD}
    if isinstance(data, list):
        return [_strict(v, level) for v in data]
    if isinstance(data, str):
        match = _DAY.match(data)
        return match.group(1) if match else data
    return data


E = TypeVar("E", bound=InvalidInput)


def withheld(error: E, name: object) -> E:
    """``error`` with ``name`` (a subject's name) and its parts withheld from every problem
    that echoed them, in any letter case; ``error`` itself when there is no name.
    """
    names = Names.of(name) if isinstance(name, str) else None
    return error.redacted(names.scrub) if names else error  # type: ignore[return-value]


def problem_withheld(problem: Problem, name: object) -> Problem:
    """``problem`` with ``name`` and its parts withheld (see :func:`withheld`)."""
    names = Names.of(name) if isinstance(name, str) else None
    return problem.redacted(names.scrub) if names else problem
