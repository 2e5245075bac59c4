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

import dataclasses
import functools
import importlib.resources
import os
import re
from collections.abc import Callable, Mapping

from powcase._util import templates
from powcase._util.templates import problem_text

__all__ = [
    "ENGLISH_MARK",
    "LANGUAGES",
    "N_",
    "SOURCE_LANGUAGE",
    "UNOFFICIAL",
    "Gettext",
    "Translated",
    "catalogue",
    "from_argv",
    "gettext_for",
    "lookup",
    "marked",
    "problem_in",
    "problem_text",
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


@dataclasses.dataclass(frozen=True)
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
        return dataclasses.replace(self, text=self.text.format(**values))


def _checked(lang: str) -> str:
    """``lang`` if powcase speaks it; else an invalid-argument error naming the languages."""
    # Imported here: the command's parser resolves the language, and --version loads no more.
    from powcase._util.arguments import choice  # noqa: PLC0415

    return choice("lang", lang, LANGUAGES, "a language powcase speaks")


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
        return _checked(lang)
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
    found = catalogue(_checked(lang))
    text = found.get((context, message))
    if text is None:
        return Translated(message, lang, fallback=True)
    return Translated(text, lang)


def unofficial(lang: str) -> Translated | None:
    """The notice a translated output carries (None in English)."""
    return None if lang == SOURCE_LANGUAGE else lookup("notice:unofficial", UNOFFICIAL, lang)


Gettext = Callable[[str], str]
"""A function giving a phrase of the code in a reader's language (see :func:`gettext_for`)."""


def _english(message: str) -> str:
    return message


def gettext_for(lang: str) -> Gettext:
    """The function that gives a phrase of powcase's code in ``lang``.

    Write ``_ = gettext_for(lang)``, then ``_("Timeline")``. The phrases are extracted from
    the code by Babel (keyword ``_``) into the same catalogues as the law's texts, with no
    context. In English it returns the
    phrase unchanged (the output is the same as with no translation at all); a phrase with no
    translation reads in English.

    >>> gettext_for("ko")("Timeline")
    '경과'
    >>> gettext_for("en")("Timeline")
    'Timeline'
    """
    if lang == SOURCE_LANGUAGE:
        return _english
    resolved = _checked(lang)

    def gettext(message: str) -> str:
        return catalogue(resolved).get((None, message), message)

    return gettext


ENGLISH_MARK = translatable("mark:english", "(English)")
"""What follows a text shown in English in a translated output (in the output's language)."""


def marked(text: Translated) -> str:
    """``text`` as a translated output shows it: a fallback to English followed by
    :data:`ENGLISH_MARK` in the reader's language, so a reader knows it was not translated.
    """
    if not text.fallback:
        return text.text
    return f"{text.text} {lookup('mark:english', ENGLISH_MARK, text.lang).text}"


def from_argv(argv: list[str] | tuple[str, ...], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for: the value of ``--lang`` (``--lang ko`` or
    ``--lang=ko``) where it names a language powcase speaks, else the environment's. Read
    before the parser is built, so that the parser's help is in that language.

    >>> from_argv(["run", "x.yaml", "--lang", "uk"], environ={})
    'uk'
    >>> from_argv(["run", "--lang=fr"], environ={"LANG": "ko_KR.UTF-8"})
    'ko'
    """
    asked: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            asked = argv[i + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    if asked in LANGUAGES:
        return asked
    return resolve(environ=environ)


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools know
    """``message``, marked for extraction (keyword ``N_``) and translated where it is used,
    with :func:`gettext_for`: for phrases kept in a table or a constant.
    """
    return message


@functools.cache
def _patterns(lang: str, known: int) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each loader template with a translation in ``lang``, as a pattern of its messages.

    ``known`` is how many templates are registered: a template registers when its message is
    first made, so a later message may come from a template the patterns made before lacked.
    """
    found = catalogue(lang)
    patterns = []
    for template in sorted(templates.PROBLEMS, key=len, reverse=True):
        said = found.get((None, template))
        if said is None:
            continue
        parts = re.split(r"\{(\w+)\}", template)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        patterns.append((re.compile(f"^{pattern}$", re.DOTALL), said))
    return tuple(patterns)


def problem_in(message: str, lang: str) -> str:
    """A loader's message (made from a template of :func:`problem_text`) in ``lang``, its
    values as they are; the message as it is where no template fits or none is translated.

    >>> _ = problem_text("{value} is not a state code")
    >>> problem_in("'UAA' is not a state code", "ko")
    "'UAA'은(는) 국가 코드가 아닙니다"
    """
    if lang == SOURCE_LANGUAGE:
        return message
    for pattern, said in _patterns(_checked(lang), len(templates.PROBLEMS)):
        matched = pattern.match(message)
        if matched:
            return said.format(**matched.groupdict())
    return message
