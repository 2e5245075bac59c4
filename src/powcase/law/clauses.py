"""The derived wording of reasons: clauses built from a reason's parameters, in any language.

A reason's sentence may hold ``{onward_text}`` (the clause about an ally that would pass him
on, when ``onward`` names one) and ``{instead_text}`` (the moves named by ``instead`` or, when
it names none, that ``to`` is a party on his side which no other move reaches) and
``{why_text}`` (what ``why`` says a state is to him: his power of origin, his state of
nationality, the detaining power or a party to the conflict); a tuple of values reads as
alternatives ("a or b"). :func:`values` derives them, with the English
wording by default or with each clause looked up in a language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from powcase._util.i18n import translatable

__all__ = ["AND", "DERIVED", "english", "values"]

DERIVED = frozenset({"onward_text", "instead_text", "why_text"})
"""The parameters that are only sentence glue, derived from others."""

_OR = translatable("clause:or", "or")
_AND = translatable("clause:and", "and")
_ONWARD = translatable("clause:onward_text", ", as it would pass him on to {onward}")
_INSTEAD_MOVE = translatable(
    "clause:instead_text:move", "handing him to {to} is another move ({instead})"
)
_INSTEAD_SIDE = translatable(
    "clause:instead_text:side",
    "{to} is a party to the conflict on his side, which no transfer or release reaches either",
)
_THAT_STATE = translatable("clause:that_state", "that state")
_WHY = {
    "power_of_origin": translatable("clause:why_text:power_of_origin", "his power of origin"),
    "nationality": translatable("clause:why_text:nationality", "his state of nationality"),
    "detaining_power": translatable("clause:why_text:detaining_power", "the detaining power"),
    "party": translatable("clause:why_text:party", "a party to the conflict"),
}
"""What ``why`` says a state is to him, by value."""

AND = _AND
"""The word that joins the last two items of a list ("a, b and c")."""

Wording = Callable[[str, str], str]
"""How a clause is worded: (context, English text) to the text to use."""


def english(context: str, message: str) -> str:
    """The English wording of a clause (the text itself)."""
    return message


def values(params: Mapping[str, Any], wording: Wording = english) -> dict[str, Any]:
    """The values a reason's sentence is filled with: ``params``, tuples joined as
    alternatives, and the derived clauses, each worded by ``wording``.

    >>> values({"to": ("RU", "KP"), "onward": "KP"})["onward_text"]
    ', as it would pass him on to KP'
    """
    word = wording("clause:or", _OR)
    filled = {k: f" {word} ".join(v) if isinstance(v, tuple) else v for k, v in params.items()}
    onward = filled.get("onward")
    filled["onward_text"] = (
        wording("clause:onward_text", _ONWARD).format(onward=onward) if onward else ""
    )
    if "instead" in filled:
        to = filled["to"] if "to" in filled else wording("clause:that_state", _THAT_STATE)
        filled["instead_text"] = (
            wording("clause:instead_text:move", _INSTEAD_MOVE).format(
                to=to, instead=filled["instead"]
            )
            if filled["instead"]
            else wording("clause:instead_text:side", _INSTEAD_SIDE).format(to=to)
        )
    why = filled.get("why")
    if why in _WHY:
        filled["why_text"] = wording(f"clause:why_text:{why}", _WHY[why])
    return filled
