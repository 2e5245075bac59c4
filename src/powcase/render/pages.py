"""The reference pages generated from the code and committed: write them, or say which are stale.

``python -m powcase.render.pages docs/reference`` rewrites them (each file whole or not at all);
``--check`` writes nothing and exits 1 naming the pages that differ from what the code
generates. The test suite runs the check, so a change to the code that changes a page fails
until the page is regenerated and committed.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Callable, Sequence

from powcase._util.output import write_file
from powcase.render.law_review import law_review
from powcase.render.reference import model_reference
from powcase.render.scenario_format import scenario_format

__all__ = ["PAGES", "main", "stale_pages"]

PAGES: dict[str, Callable[[], str]] = {
    "scenario-format.md": scenario_format,
    "model.md": model_reference,
    "law-review.md": law_review,
}
"""The generated pages of ``docs/reference``, by file name."""


def stale_pages(folder: str | pathlib.Path) -> list[str]:
    """The pages in ``folder`` that are missing or differ from what the code generates."""
    here = pathlib.Path(folder)
    stale = []
    for name, page in PAGES.items():
        path = here / name
        if not path.is_file() or path.read_text(encoding="utf-8") != page():
            stale.append(name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Write the pages into the folder given (``--check``: only compare); the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m powcase.render.pages",
        description="write the generated reference pages (docs/reference)",
    )
    parser.add_argument("folder", help="the docs/reference folder")
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    folder = pathlib.Path(args.folder)
    if args.check:
        stale = stale_pages(folder)
        for name in stale:
            sys.stderr.write(f"{folder / name} is out of date\n")
        return 1 if stale else 0
    for name, page in PAGES.items():
        write_file(str(folder / name), page().encode("utf-8"))
        sys.stdout.write(f"wrote {folder / name}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
