"""The rules of flags and obligations as data: a flag's severity and citations, an
obligation's provision, period and what meets it, each with its text.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from powcase._util.dates import add_months

if TYPE_CHECKING:
    from powcase.model.assumptions import Assumptions

__all__ = [
    "MEETERS",
    "REGIMES",
    "TEXT_KEYS",
    "FlagRule",
    "HoldBack",
    "Lapse",
    "ObligationRule",
    "Severity",
    "Status",
    "gravity",
]

_PERIOD = re.compile(r"^(\d+) (days|months)$")


@functools.cache
def _fixed_period(period: str) -> tuple[int, str] | None:
    """``(count, unit)`` of a fixed period (``"7 days"``), None for an assumption's key; a
    docket reads the periods of a few rules many times, so each is parsed once.
    """
    fixed = _PERIOD.match(period)
    return (int(fixed.group(1)), fixed.group(2)) if fixed else None


class Severity(enum.StrEnum):
    """How grave a flag is, most grave first."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


def gravity(severity: Severity | str) -> int:
    """The rank of a severity, 0 for the gravest: the one order flags are listed in.

    >>> sorted(["low", "critical", "medium"], key=gravity)
    ['critical', 'medium', 'low']
    """
    return _GRAVITY[severity]


_GRAVITY: dict[str, int] = {str(severity): rank for rank, severity in enumerate(Severity)}
"""The rank of each severity; a StrEnum member looks itself up as its string."""


@attrs.frozen
class FlagRule:
    """A flag code with its severity, the provisions it engages and what it means."""

    code: str
    severity: Severity
    cites: tuple[str, ...]
    text: str = ""
    causes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The provisions each cause of raising it engages, where they differ by cause: an entry
    raised for some of them cites theirs, in the order of this table."""
    while_held: bool = False
    """Whether it stands only while he is a prisoner (in the detaining power's custody, in
    neutral hands for it, or held by a power it transferred him to): a risk in his treatment
    there, which his leaving captivity ends; a recapture raises it again."""

    def cites_for(self, causes: Iterable[str]) -> tuple[str, ...]:
        """The provisions an entry raised for ``causes`` engages (all of :attr:`cites` when
        the flag has no causes, or none is known).
        """
        known = set(causes)
        found = [c for cause, cites in self.causes if cause in known for c in cites]
        return tuple(dict.fromkeys(found)) if found else self.cites

    def to_dict(self) -> dict[str, Any]:
        """The form ``describe()`` lists."""
        described: dict[str, Any] = {
            "code": self.code,
            "severity": str(self.severity),
            "cites": list(self.cites),
            "text": self.text,
        }
        if self.causes:
            described["causes"] = {cause: list(cites) for cause, cites in self.causes}
        if self.while_held:
            described["while_held"] = True
        return described


MEETERS: dict[str, tuple[str, ...]] = {
    "leaving_custody": (),
    "return_home": ("repatriate", "exchange", "repatriate_medically"),
    "return_or_release": (
        "repatriate",
        "exchange",
        "repatriate_medically",
        "release_to_third_state",
        "release_in_detaining_state",
    ),
}
"""What may meet an obligation besides a single event, by name: ``leaving_custody`` (his
leaving the detaining power's hands, save by death or escape), ``return_home`` (a return to
his power of origin) and ``return_or_release`` (a return, or a release to a third state or in
the detaining state), each with the events that can do it."""

TEXT_KEYS = ("occupied_territory", "protected_person", "detainee")
"""The fields of an obligation whose provision may have its own text (``texts``), in the order
they are tried: the law of occupation's first."""

REGIMES = ("pow", "protected_person", "detainee")
"""Whom an obligation is owed to: one treated as a prisoner of war, a protected person of the
Fourth Convention, or a detainee who is neither."""


@attrs.frozen
class ObligationRule:
    """An obligation of the docket: its provision, its period, what meets it, what it asks."""

    code: str
    provision: str
    """The provision while he is treated as a prisoner of war (or its only one)."""
    period: str
    """``"7 days"``, ``"6 months"`` or the key of an assumption that gives a number of days
    (``"information_days"``)."""
    met_by: str
    """An event name, or one of :data:`MEETERS`."""
    without_delay: bool = False
    """The treaty sets no period ("immediately", "rapidly", "without delay"): the period is
    an assumption or a proxy."""
    text: str = ""
    protected_person: str | None = None
    """The provision for a protected person of the Fourth Convention; None: he has none."""
    detainee: str | None = None
    """The provision for a detainee neither treated as a prisoner of war nor a protected
    person; None: he has none."""
    met_if: str | None = None
    """A yes-or-no field of the ``met_by`` event that must be true for the event to meet it
    (an ICRC visit meets access only with a private interview)."""
    prisoner_of_war: bool = True
    """Whether it is owed to one treated as a prisoner of war (under ``provision``); False for
    an obligation owed to protected persons only, such as the review of an internment."""
    occupied_territory: str | None = None
    """The provision for a protected person captured in occupied territory, where the law of
    occupation sets its own (an internment there is reviewed under GCIV-78); None: the same."""
    texts: tuple[tuple[str, str], ...] = ()
    """What it asks where it rests on another provision than :attr:`provision`, in the words
    of that provision: (key, text) pairs, the key one of :data:`TEXT_KEYS` naming the field
    that holds the provision (a protected person's internment card, GCIV-106)."""

    def text_for(self, provision: str) -> str:
        """What the obligation asks when it rests on ``provision``: the text given for the
        field that names it, else :attr:`text`.
        """
        for key, text in self.texts:
            if getattr(self, key) == provision:
                return text
        return self.text

    def provision_for(self, regime: str) -> str | None:
        """The provision owed to one in ``regime`` (one of :data:`REGIMES`), None if none."""
        if regime == "pow":
            return self.provision if self.prisoner_of_war else None
        return self.protected_person if regime == "protected_person" else self.detainee

    def provision_in(self, regime: str, *, occupied: bool) -> str | None:
        """The provision owed to one in ``regime``, captured in occupied territory or not."""
        if occupied and regime == "protected_person" and self.occupied_territory:
            return self.occupied_territory
        return self.provision_for(regime)

    @property
    def provisions(self) -> tuple[str, ...]:
        """Every provision the obligation may rest on."""
        found = (self.provision_for(regime) for regime in REGIMES)
        every = (*found, self.occupied_territory)
        return tuple(dict.fromkeys(p for p in every if p is not None))

    def days(self, assumptions: Assumptions, start: datetime.date) -> datetime.date:
        """The due date for an obligation started on ``start``."""
        fixed = _fixed_period(self.period)
        if fixed is None:
            return start + datetime.timedelta(days=getattr(assumptions, self.period))
        count, unit = fixed
        if unit == "months":
            return add_months(start, count)
        return start + datetime.timedelta(days=count)

    def to_dict(self) -> dict[str, Any]:
        """The form ``describe()`` lists."""
        return {
            "code": self.code,
            "provision": self.provision,
            "due": self.period,
            "met_by": self.met_by,
            "met_if": self.met_if,
            "without_delay": self.without_delay,
            "prisoner_of_war": self.prisoner_of_war,
            "protected_person": self.protected_person,
            "detainee": self.detainee,
            "text": self.text,
            "texts": dict(self.texts),
        }


class Status(enum.StrEnum):
    """Where an obligation stands on the as-of date."""

    MET = "met"
    PENDING = "pending"
    OVERDUE = "overdue"
    LAPSED = "lapsed"


class Lapse(enum.StrEnum):
    """Why an obligation lapsed: the detaining power stopped answering for him before it
    fell due.
    """

    LEFT_CUSTODY = "left_custody"
    """He died, escaped or was released."""
    TRANSFERRED = "transferred"
    """He was transferred to another power, which answers for him now (GCIII-12(2),
    GCIV-45(3))."""
    NEUTRAL_CUSTODY = "neutral_custody"
    """He is in neutral hands (all but the repatriation duties)."""
    STATUS_CHANGED = "status_changed"
    """A determination that he is not treated as a prisoner of war: the Fourth Convention's
    items, or none, take over."""
    HOSTILITIES_RESUMED = "hostilities_resumed"
    """Hostilities resumed between his captor and his power of origin (repatriation)."""


class HoldBack(enum.StrEnum):
    """What lawfully holds an obligation back past its due date."""

    PROCEEDINGS = "proceedings"
    """He is charged or sentenced (GCIII-119(5); GCIV-133)."""
    HIS_REFUSAL = "his_refusal"
    """His verified refusal to go home, during hostilities (GCIII-109(3))."""
