"""Babel extraction methods: every sentence of the law data and the chart a user reads.

The YAML files under ``law/data`` stay the source of the English text; these methods read
them (and the chart's state and event names) into the gettext template that translators
work from. Every message carries a context naming what it is (``reason:<code>``,
``flag:<code>``, ``obligation:<code>`` or ``obligation:<code>:<key>``, ``provision:<id>``,
``article:<id>``, ``instrument:<id>``, ``party:<code>``, ``concern:<id>``, ``state:<id>``,
``event:<id>``, ``risk:<kind>``), so one English sentence used in two places can be
translated in two ways, and a runtime lookup finds a message by what it is as well as by its
words.

Babel calls a method with the open file and its keywords; each yields ``(line, "pgettext",
(context, message), comments)``. :func:`extracted` runs them over the package and returns the
template as a :class:`babel.messages.catalog.Catalog`.
"""

from __future__ import annotations

import pathlib
import re
import string
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, cast

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

__all__ = ["MAPPING", "PACKAGE", "extract_chart", "extract_law", "extract_risks", "extracted"]

PACKAGE = pathlib.Path(__file__).resolve().parent.parent
"""The directory of the powcase package, which extraction reads."""

Extracted = tuple[int, str, tuple[str, str], list[str]]
"""What a Babel extraction method yields: line, keyword, (context, message), comments."""

MAPPING: list[tuple[str, str]] = [
    ("law/data/**.yaml", "powcase.law.extraction:extract_law"),
    ("chart.py", "powcase.law.extraction:extract_chart"),
    ("model/events.py", "powcase.law.extraction:extract_risks"),
    ("law/clauses.py", "python"),
    ("law/loading.py", "python"),
    ("law/shape.py", "python"),
    ("_util/**.py", "python"),
    ("model/**.py", "python"),
    ("scenario/**.py", "python"),
    ("render/**.py", "python"),
    ("cli.py", "python"),
    ("options.py", "python"),
]
"""Which files of the package each method reads (the same as the repository's babel.cfg)."""

KEYWORDS: dict[str, Any] = {
    "translatable": ((1, "c"), 2),
    "_": None,
    "N_": None,
    "problem_text": None,
}
"""The markers of a message written in Python: ``translatable(context, message)``, and a
phrase of the code with no context, ``_(message)`` where it is translated or ``N_(message)``
where it is kept to be translated later (see :func:`powcase._util.i18n.gettext_for`), and
``problem_text(template)`` for a message of the loader."""


def _placeholders(message: str) -> list[str]:
    names = sorted({name for _, name, _, _ in string.Formatter().parse(message) if name})
    return [f"Placeholders: {', '.join('{' + n + '}' for n in names)}"] if names else []


def _entries(fileobj: IO[bytes]) -> Iterator[tuple[str, yaml.Node]]:
    node = yaml.compose(fileobj.read().decode("utf-8"), Loader=yaml.SafeLoader)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield str(key.value), value


def _field(node: yaml.Node, name: str) -> yaml.ScalarNode | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name and isinstance(value, yaml.ScalarNode):
                return value
    return None


def _message(
    node: yaml.ScalarNode | None, context: str, comments: list[str] | None = None
) -> Iterator[Extracted]:
    if node is not None and str(node.value).strip():
        text = str(node.value)
        notes = [*(comments or []), *_placeholders(text)]
        yield node.start_mark.line + 1, "pgettext", (context, text), notes


def _messages(fileobj: IO[bytes]) -> Iterator[Extracted]:
    for code, node in _entries(fileobj):
        if isinstance(node, yaml.ScalarNode):
            yield from _message(node, f"reason:{code}", [f"The reason {code}."])


def _flags(fileobj: IO[bytes]) -> Iterator[Extracted]:
    for code, node in _entries(fileobj):
        yield from _message(_field(node, "text"), f"flag:{code}", [f"The flag {code}."])


def _obligations(fileobj: IO[bytes]) -> Iterator[Extracted]:
    for code, node in _entries(fileobj):
        yield from _message(
            _field(node, "text"), f"obligation:{code}", [f"The obligation {code}."]
        )
        texts = None
        if isinstance(node, yaml.MappingNode):
            texts = next((v for k, v in node.value if k.value == "texts"), None)
        if isinstance(texts, yaml.MappingNode):
            for key, value in texts.value:
                if isinstance(value, yaml.ScalarNode):
                    yield from _message(
                        value,
                        f"obligation:{code}:{key.value}",
                        [f"The obligation {code}, owed under its {key.value} provision."],
                    )


def _instruments(fileobj: IO[bytes]) -> Iterator[Extracted]:
    for code, node in _entries(fileobj):
        yield from _message(
            _field(node, "title"), f"instrument:{code}", [f"The title of the instrument {code}."]
        )


def _concerns(fileobj: IO[bytes]) -> Iterator[Extracted]:
    # A concern's title is the publication's own unless it is in square brackets (then it is
    # our description of it, which is ours to translate).
    for key, node in _entries(fileobj):
        title = _field(node, "title")
        if title is not None and str(title.value).startswith("["):
            yield from _message(
                title, f"concern:{key}", ["Our description of a publication, in brackets."]
            )


def _provisions(fileobj: IO[bytes]) -> Iterator[Extracted]:
    for provision, node in _entries(fileobj):
        yield from _message(
            _field(node, "article"),
            f"article:{provision}",
            [f"The article label of {provision} in citations."],
        )
        yield from _message(
            _field(node, "paraphrase"),
            f"provision:{provision}",
            [f"Our paraphrase of {provision}: translate it, never quote the official text."],
        )


def _party(fileobj: IO[bytes], code: str) -> Iterator[Extracted]:
    for key, node in _entries(fileobj):
        if key == "name" and isinstance(node, yaml.ScalarNode):
            yield from _message(node, f"party:{code}", [f"The name of the state {code}."])
        elif key == "reservations" and isinstance(node, yaml.SequenceNode):
            for item in node.value:
                provision = _field(item, "provision")
                if provision is None:
                    continue
                yield from _message(
                    _field(item, "summary"),
                    f"reservation:{code}:{provision.value}",
                    [
                        (
                            f"Our summary of {code}'s reservation or declaration on "
                            f"{provision.value}: keep the provision ids as they are."
                        )
                    ],
                )
        elif key == "treatment" and isinstance(node, yaml.SequenceNode):
            for n, item in enumerate(node.value):
                act = _field(item, "act")
                yield from _message(
                    _field(item, "summary"),
                    f"treatment:{code}:{n}",
                    [
                        (
                            f"Our summary of what {code} does to those returned to it "
                            f"({act.value if act else 'an act'}), by law or by reported practice."
                        )
                    ],
                )


def extract_law(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """The Babel extraction method for the law's YAML data files, chosen by file name."""
    path = pathlib.Path(str(getattr(fileobj, "name", "")))
    if path.parent.name == "provisions":
        yield from _provisions(fileobj)
    elif path.parent.name == "parties":
        yield from _party(fileobj, path.stem)
    else:
        by_name = {
            "messages.yaml": _messages,
            "flags.yaml": _flags,
            "obligations.yaml": _obligations,
            "instruments.yaml": _instruments,
            "concerns.yaml": _concerns,
        }
        method = by_name.get(path.name)
        if method is not None:
            yield from method(fileobj)


def extract_chart(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """The Babel extraction method for the chart: the human name of every state (regions
    included) and of every event of the legal path, at the line that declares it.
    """
    # Imported here: only extraction reads the chart, not the law's users.
    from statemachine import Event  # noqa: PLC0415

    from powcase.chart import LegalPath  # noqa: PLC0415
    from powcase.engine.table import NODES  # noqa: PLC0415

    lines = fileobj.read().decode("utf-8").splitlines()

    def line_of(name: str) -> int:
        pattern = re.compile(rf"^\s*(class\s+)?{re.escape(name)}\b")
        return next((i + 1 for i, line in enumerate(lines) if pattern.search(line)), 1)

    for node in NODES.values():
        yield line_of(node.id), "pgettext", (f"state:{node.id}", node.name), ["A state's name."]
    for value in vars(LegalPath).values():
        if isinstance(value, Event):
            yield (
                line_of(value.id),
                "pgettext",
                (f"event:{value.id}", str(value.name)),
                [f"The name of the event {value.id} (its id stays as it is)."],
            )


def extract_risks(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, Any, list[str]]]:
    """The Babel extraction method for the risk kinds a state may face him with (the words
    reasons name risks by: ``forced_labour`` reads "forced labour"), and for the messages the
    module's code marks, as Babel's Python method finds them (a file has one method).
    """
    from babel.messages.extract import extract_python  # noqa: PLC0415

    from powcase.law.translated import event_doc  # noqa: PLC0415
    from powcase.model.events import EVENT_TYPES, RISK_KINDS  # noqa: PLC0415

    text = fileobj.read().decode("utf-8")
    for kind in RISK_KINDS:
        line = text[: text.find(f'"{kind}"')].count("\n") + 1
        words = kind.replace("_", " ")
        yield line, "pgettext", (f"risk:{kind}", words), [f"The risk kind {kind}, in a list."]
    for name, cls in EVENT_TYPES.items():
        line = text[: text.find(f"class {cls.__name__}(")].count("\n") + 1
        yield (
            line,
            "pgettext",
            (f"event-doc:{name}", event_doc(cls)),
            [f"What the event {name} records, as describe says it (ids stay as they are)."],
        )
    fileobj.seek(0)
    # Babel passes its keywords and options through as it got them; its stubs are narrower.
    found: Iterator[Any] = extract_python(
        fileobj, cast("Any", keywords), comment_tags, cast("Any", options)
    )
    for line, keyword, message, comments in found:
        yield line, keyword, message, list(comments)


def extracted() -> Catalog:
    """The template: every message of the package's data and code, extracted afresh."""
    catalog = Catalog(project="powcase", domain="powcase", charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        PACKAGE,
        MAPPING,
        keywords=KEYWORDS | {"pgettext": ((1, "c"), 2)},
        # Babel skips directories starting with "_" by default; _util holds messages too.
        directory_filter=lambda path: pathlib.Path(path).name != "__pycache__",
    )
    for filename, lineno, message, comments, context in found:
        location = (f"powcase/{pathlib.Path(filename).as_posix()}", lineno)
        existing = catalog.get(message, context)
        if existing is not None:
            existing.locations.append(location)
            continue
        catalog.add(message, locations=[location], auto_comments=comments, context=context)
    return catalog
