"""The provisions catalogue: every provision the code cites, paraphrased in our own words.

Each entry has a stable id (``GCIII-118``, ``GCIII-109(3)``, ``ICRC-COM-2020-GCIII-118``),
its instrument, the article (and paragraph), a one-line paraphrase and the URL of the official
text. The entries are data, one file per instrument under ``data/provisions/``; the functions
here read the packaged law (:meth:`powcase.law.book.Law.packaged`). The paraphrases are ours,
written to explain a rule, not to replace the text: follow the URL before relying on one.
Nothing here is legal advice.

``INSTRUMENTS``, ``PROVISIONS`` and ``LAW_DATA_DATE`` are read from the data on first use.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from powcase.law.book import Law, read_on_first_use
from powcase.law.entries import Instrument, Provision

__all__ = [
    "INSTRUMENTS",
    "LAW_DATA_DATE",
    "PROVISIONS",
    "Instrument",
    "Provision",
    "provision",
    "resolves",
]

if TYPE_CHECKING:
    INSTRUMENTS: dict[str, Instrument]
    """The instruments the provisions belong to, by id."""
    PROVISIONS: dict[str, Provision]
    """Every provision the code cites, by id."""
    LAW_DATA_DATE: datetime.date
    """When the catalogue and the parties table were last reviewed against their sources."""


__getattr__ = read_on_first_use(
    __name__,
    {
        "INSTRUMENTS": lambda law: law.instruments,
        "PROVISIONS": lambda law: law.provisions,
        "LAW_DATA_DATE": lambda law: law.checked,
    },
)


_ID = re.compile(r"^[A-Z][A-Z0-9-]*-[0-9A-Za-z.]+(\([0-9a-z]+\))*$")


def provision(provision_id: str) -> Provision:
    """The catalogue entry for ``provision_id``.

    >>> provision("GCIII-118").article
    'Art. 118'
    >>> provision("GCIII-1188")
    Traceback (most recent call last):
    ...
    powcase.errors.UnknownProvision: no provision 'GCIII-1188' ... (did you mean 'GCIII-118'?)
    """
    return Law.packaged().provision(provision_id)


def resolves(provision_id: str) -> bool:
    """Whether ``provision_id`` is in the catalogue."""
    return Law.packaged().resolves(provision_id)


def ids() -> Iterator[str]:
    """Every provision id, in catalogue order."""
    return iter(Law.packaged().provisions)


def matches(cited: str, wanted: str) -> bool:
    """Whether a cited id satisfies a wanted id: exactly, or with a paragraph added.

    >>> matches("GCIII-109(3)", "GCIII-109"), matches("GCIII-1090", "GCIII-109")
    (True, False)
    """
    return cited == wanted or cited.startswith(wanted + "(")


def well_formed(provision_id: str) -> bool:
    """Whether an id has the catalogue's shape (used to validate ids users write)."""
    return bool(_ID.match(provision_id))
