"""Manage powcase's translation catalogues: extract, update, compile, check.

    python tools/catalogues.py extract   # the template, locale/powcase.pot, from the data and code
    python tools/catalogues.py update    # each language's .po brought up to the template
    python tools/catalogues.py compile   # each .po compiled to the .mo shipped in the wheel
    python tools/catalogues.py check     # exit 1 if a catalogue is stale, incomplete or wrong
    python tools/catalogues.py all       # extract, update, compile, then check

The law's YAML files stay the source of the English text (read by the extraction methods of
powcase.law.extraction); translators edit only ``src/powcase/locale/<lang>/LC_MESSAGES/
powcase.po``. Run with the package importable (``PYTHONPATH=src`` in a checkout).
"""

from __future__ import annotations

import datetime
import io
import pathlib
import string
import sys

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from powcase._util.i18n import DOMAIN, LANGUAGES, SOURCE_LANGUAGE
from powcase.law.extraction import PACKAGE, extracted

LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
TRANSLATED = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
WIDTH = 99
# A fixed date in the headers: the files change only when a message does.
_EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _say(line: str) -> None:
    sys.stdout.write(f"{line}\n")


def po_path(lang: str) -> pathlib.Path:
    """The catalogue translators edit for ``lang``."""
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> pathlib.Path:
    """The compiled catalogue of ``lang``, shipped in the wheel."""
    return po_path(lang).with_suffix(".mo")


def _write_po(path: pathlib.Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, omit_header=False, sort_output=False)
    # The creation date would change the file at every run: a stale check compares content.
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read_po(path: pathlib.Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


def template() -> Catalog:
    """The template as extracted now, with a fixed header (no date), so it is reproducible."""
    catalog = extracted()
    catalog.creation_date = catalog.revision_date = _EPOCH
    catalog.version = "1"
    catalog.msgid_bugs_address = ""
    catalog.copyright_holder = "The powcase authors"
    return catalog


def extract() -> None:
    """Write the template from the package's data and code."""
    _write_po(TEMPLATE, template())
    _say(f"{TEMPLATE.relative_to(PACKAGE.parent.parent)}: {len(template())} messages")


def update() -> None:
    """Bring each language's catalogue up to the template: new messages added empty, those
    gone removed (Babel keeps them as obsolete; we drop them), changed ones marked fuzzy.
    """
    current = _read_po(TEMPLATE)
    for lang in TRANSLATED:
        path = po_path(lang)
        catalog = _read_po(path, lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        catalog.update(current, update_header_comment=False)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = _EPOCH
        _write_po(path, catalog)
        _say(f"{path.relative_to(PACKAGE.parent.parent)}: {len(catalog)} messages")


def compile_all() -> None:
    """Compile each language's .po to the .mo that powcase reads at run time."""
    for lang in TRANSLATED:
        catalog = _read_po(po_path(lang), lang)
        with mo_path(lang).open("wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)
        _say(f"{mo_path(lang).relative_to(PACKAGE.parent.parent)}: compiled")


def fields(message: str) -> set[str]:
    """The placeholders of a message (``{to}`` and the like)."""
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def problems() -> list[str]:
    """Everything wrong with the catalogues: a stale template or catalogue, a message left
    untranslated or fuzzy, placeholders that differ, a compiled catalogue out of date.
    """
    found: list[str] = []
    fresh = template()
    wanted = {(m.context, m.id) for m in fresh if m.id}
    on_disk = {(m.context, m.id) for m in _read_po(TEMPLATE) if m.id}
    if wanted != on_disk:
        found.append(
            f"{TEMPLATE.name} is stale ({len(wanted - on_disk)} new, "
            f"{len(on_disk - wanted)} gone): run `python tools/catalogues.py all`"
        )
    for lang in TRANSLATED:
        catalog = _read_po(po_path(lang), lang)
        ids = {(m.context, m.id) for m in catalog if m.id}
        if ids != wanted:
            found.append(
                f"{lang}: {len(wanted - ids)} messages missing, {len(ids - wanted)} obsolete: "
                "run `python tools/catalogues.py update`"
            )
        for m in catalog:
            if not m.id:
                continue
            where = f"{lang} {m.context}"
            if not m.string:
                found.append(f"{where}: not translated")
            elif m.fuzzy:
                found.append(f"{where}: fuzzy (check the translation, then remove the flag)")
            elif fields(str(m.id)) != fields(str(m.string)):
                found.append(f"{where}: placeholders differ from the English")
        with mo_path(lang).open("rb") as stream:
            compiled = {(m.context, m.id): m.string for m in read_mo(stream) if m.id}
        if compiled != {(m.context, m.id): m.string for m in catalog if m.id and not m.fuzzy}:
            found.append(
                f"{lang}: the .mo is out of date: run `python tools/catalogues.py compile`"
            )
    return found


def check() -> int:
    """Print every problem; 1 if there is any."""
    found = problems()
    for problem in found:
        sys.stderr.write(f"{problem}\n")
    return 1 if found else 0


def main(argv: list[str]) -> int:
    """Run the commands named in ``argv``."""
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if len(argv) != 1 or argv[0] not in {*commands, "check", "all"}:
        sys.stderr.write(__doc__ or "")
        return 2
    if argv[0] == "check":
        return check()
    for name in ("extract", "update", "compile") if argv[0] == "all" else (argv[0],):
        commands[name]()
    return check() if argv[0] == "all" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
