"""The templates of the loader's messages about bad input, registered as they are used.

The lowest module of ``_util``: the modules that check input (dates, characters, files) mark
their messages here without depending on the translation machinery, which reads the
registry (:func:`powcase._util.i18n.problem_in`) to word a message in another language.
"""

from __future__ import annotations

__all__ = ["PROBLEMS", "problem_text"]

PROBLEMS: set[str] = set()
"""The templates of the loader's messages, registered by :func:`problem_text` as each is first
used (a template used at import time registers then)."""


def problem_text(template: str) -> str:
    """``template``, a message of the loader about bad input (``"got {value}"``), marked for
    extraction (keyword ``problem_text``) and known to
    :func:`~powcase._util.i18n.problem_in`, which words a message made from it in another
    language. Returns the template unchanged: the loader's errors are made in English, and the
    command translates them as it shows them.
    """
    PROBLEMS.add(template)
    return template
