"""A run's JSON form in a reader's language: the law's texts of its reasons, flags and
obligations translated.

Two forms. :func:`with_translations` is for programs: every ``text`` keeps its English and
gains a ``text_<lang>`` beside it (none where there is no translation, as for an entry a law
overlay added). :func:`in_language` is for the human views: each ``text`` is the translated
one, an English fallback followed by the mark "(English)" in the reader's language, and the
entry keeps its English in ``text_en`` so that a page can tag the fallback as English. Codes,
ids and every other value stay as they are.

>>> from powcase.law.book import Law
>>> flag = {"code": "medical_need", "text": "x"}
>>> with_translations({"flags": [flag]}, Law.packaged(), "en") == {"flags": [flag]}
True
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from powcase._util.i18n import SOURCE_LANGUAGE, Translated, marked
from powcase.law import translated
from powcase.law.book import Law

__all__ = ["in_language", "text_key", "with_translations"]

_REASON_LISTS = ("steps", "verdicts", "violations", "possible_violations")


def text_key(lang: str) -> str:
    """The key of the translated text beside ``text`` (``text_ko``)."""
    return f"text_{lang}"


def _texts(data: dict[str, Any], law: Law, lang: str) -> Iterator[tuple[dict[str, Any], Any]]:
    """Each object of the run that carries a law text, with the text in ``lang`` (None where
    the law does not know its code, as in output made by another law).
    """
    for key in _REASON_LISTS:
        for holder in data.get(key) or ():
            for reason in holder.get("reasons") or ():
                code = reason.get("code")
                found = _reason(law, code, _params(reason), lang) if code in law.messages else None
                yield reason, found
    for flag in data.get("flags") or ():
        code = flag.get("code")
        yield flag, translated.flag(law, code, lang) if code in law.flags else None
    for duty in data.get("obligations") or ():
        code = duty.get("code")
        yield (
            duty,
            (
                translated.obligation(law, code, lang, duty.get("provision"))
                if code in law.obligations
                else None
            ),
        )


def _params(reason: dict[str, Any]) -> dict[str, Any]:
    """A reason's values as the law filled its sentence with them (JSON writes tuples as
    lists).
    """
    params = reason.get("params") or {}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}


def _reason(law: Law, code: str, params: dict[str, Any], lang: str) -> Translated | None:
    """A reason's translation, or None where its values no longer fill the sentence (output
    redacted or made by another version): the English is then shown, marked.
    """
    try:
        return translated.reason(law, code, params, lang)
    except (KeyError, IndexError, ValueError):
        return None


def with_translations(data: dict[str, Any], law: Law, lang: str) -> dict[str, Any]:
    """``data`` (a run's JSON form) with a ``text_<lang>`` beside each law text that has a
    translation in ``lang``; ``data`` itself unchanged (and returned as is in English).
    """
    if lang == SOURCE_LANGUAGE:
        return data
    out = copy.deepcopy(data)
    for holder, found in _texts(out, law, lang):
        if found is not None and not found.fallback and "text" in holder:
            holder[text_key(lang)] = found.text
    return out


def in_language(data: dict[str, Any], law: Law, lang: str) -> dict[str, Any]:
    """``data`` (a run's JSON form) as the human views show it in ``lang``: each law text
    translated, or in English followed by the mark "(English)"; the English kept as
    ``text_en`` where it is shown (a fallback), so that HTML can tag it.
    """
    if lang == SOURCE_LANGUAGE:
        return data
    out = copy.deepcopy(data)
    for holder, found in _texts(out, law, lang):
        if "text" not in holder:
            continue
        english = holder["text"]
        shown = found if found is not None else Translated(str(english), lang, fallback=True)
        if shown.fallback:
            shown = Translated(str(english), lang, fallback=True)
            holder[text_key(SOURCE_LANGUAGE)] = english
        holder["text"] = marked(shown)
    return out
