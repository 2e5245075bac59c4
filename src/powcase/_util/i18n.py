"""Translations: the language a reader asked for, and a message looked up in it.

Messages are looked up by context and English text in the gettext catalogues shipped under
``powcase/locale`` (compiled from the ``.po`` files translators edit). English is the source
language and needs no catalogue. A message with no translation, such as an entry a law
overlay adds, falls back to its English text, and the :class:`Translated` value says so, so
that a renderer can mark it.

>>> lookup("state:pow", "Prisoner of war", "uk").text
'Військовополонений'
>>> lookup("state:pow", "Prisoner of war", "en")
Translated(text='Prisoner of war', lang='en', fallback=False)
>>> lookup("flag:new", "A flag an overlay added.", "ko").fallback
True
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Mapping

import attrs

from powcase._util.arguments import choice

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "UNOFFICIAL",
    "Translated",
    "catalogue",
    "lookup",
    "resolve",
    "translatable",
    "unofficial",
]

SOURCE_LANGUAGE = "en"
"""The language the messages are written in (and the fallback of every other)."""

LANGUAGES = ("en", "ko", "uk")
"""The languages powcase speaks: English, Korean and Ukrainian."""

_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables naming the locale, in the order POSIX gives them precedence."""

DOMAIN = "powcase"
"""The gettext domain of the catalogues (``locale/<lang>/LC_MESSAGES/powcase.mo``)."""


def translatable(context: str, message: str) -> str:
    """``message``, marked for extraction into the catalogues under ``context``.

    It returns the English text unchanged: look a marked message up with :func:`lookup`.
    """
    return message


UNOFFICIAL = translatable(
    "notice:unofficial",
    "Unofficial translation: the paraphrases of the law are ours, not the official texts; "
    "where a translation and the English differ, the English governs.",
)
"""What every translated output says of itself (in its own language)."""


@attrs.frozen
class Translated:
    """A message in the language asked for, or in English where it has no translation.

    ``fallback`` is True when the text is the English one because no translation exists
    (an entry a law overlay added, or a message changed since it was translated): a renderer
    marks such a text. ``str()`` is the text.
    """

    text: str
    lang: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text

    def format(self, **values: object) -> Translated:
        """The same message with its placeholders filled."""
        return attrs.evolve(self, text=self.text.format(**values))


def resolve(lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to write in: ``lang`` if given (one of :data:`LANGUAGES`), else the
    environment's locale (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``: the first set
    decides), else English. ``ko_KR.UTF-8`` is ``ko``; a locale powcase does not speak
    (``C``, ``fr_FR``) is English.

    >>> resolve(environ={"LANG": "ko_KR.UTF-8"})
    'ko'
    >>> resolve(environ={"LC_ALL": "C", "LANG": "uk_UA.UTF-8"})
    'en'
    >>> resolve("uk", environ={"LANG": "ko_KR.UTF-8"})
    'uk'
    """
    if lang is not None:
        return choice("lang", lang, LANGUAGES, "a language powcase speaks")
    env = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        value = env.get(name, "")
        if value:
            code = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0].lower()
            return code if code in LANGUAGES else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


@functools.cache
def catalogue(lang: str) -> dict[tuple[str | None, str], str]:
    """The compiled catalogue of ``lang`` shipped with powcase, read once: each translation
    by (context, English message). Empty for English or a language with no catalogue.
    """
    if lang == SOURCE_LANGUAGE:
        return {}
    mo = importlib.resources.files("powcase") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not mo.is_file():
        return {}
    # Imported on first use: English output, the default, never reads a catalogue.
    from babel.messages.mofile import read_mo  # noqa: PLC0415

    with mo.open("rb") as stream:
        compiled = read_mo(stream)
    return {
        (message.context, message.id): message.string
        for message in compiled
        if message.id
        and isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.string
    }


def lookup(context: str, message: str, lang: str) -> Translated:
    """``message`` (English, under ``context``) in ``lang``; its English text, marked as a
    fallback, where the catalogue has no translation of it.
    """
    if lang == SOURCE_LANGUAGE:
        return Translated(message, lang)
    found = catalogue(choice("lang", lang, LANGUAGES, "a language powcase speaks"))
    text = found.get((context, message))
    if text is None:
        return Translated(message, lang, fallback=True)
    return Translated(text, lang)


def unofficial(lang: str) -> Translated | None:
    """The notice a translated output carries (None in English)."""
    return None if lang == SOURCE_LANGUAGE else lookup("notice:unofficial", UNOFFICIAL, lang)
