"""The open legal questions, each an assumption the user sets.

Where the law is contested, powcase does not choose silently: it reads the law under a set of
assumptions, lists in every verdict the ones it relied on, and lets a researcher run the same
record under other readings side by side.

>>> Assumptions().ihl_non_refoulement
'icrc_2020'
>>> Assumptions.from_dict({"ihl_non_refoulement": "strict_text"}).ihl_non_refoulement
'strict_text'
>>> Assumptions.from_dict({"ihl_nonrefoulement": "strict_text"})
Traceback (most recent call last):
...
powcase.errors.InvalidAssumption: ihl_nonrefoulement: is not an assumption; expected one of ...
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from powcase._util.i18n import N_
from powcase._util.suggest import closest
from powcase.errors import InvalidAssumption, Problem

__all__ = ["ASSUMPTION", "AssumptionSpec", "Assumptions"]

ASSUMPTION = "powcase.assumption"
"""The key of an assumption's :class:`AssumptionSpec` in its attrs metadata."""

MAX_DAYS = 3650


@attrs.frozen
class AssumptionSpec:
    """An open question: its options (the default first), or a range of whole days."""

    question: str
    options: tuple[Any, ...] = ()
    days: bool = False

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is one of the options (or a whole number of days in range)."""
        if self.days:
            return (
                isinstance(value, int) and not isinstance(value, bool) and (0 <= value <= MAX_DAYS)
            )
        return any(value == o and type(value) is type(o) for o in self.options)

    def expected(self) -> str:
        """What is accepted, for error messages."""
        if self.days:
            return f"a whole number of days from 0 to {MAX_DAYS}"
        return "one of " + ", ".join(_plain(o) for o in self.options)


def _plain(option: object) -> str:
    return str(option).lower() if isinstance(option, bool) else str(option)


def _check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    spec: AssumptionSpec = attribute.metadata[ASSUMPTION]
    if not spec.accepts(value):
        guess = None
        if isinstance(value, str) and not spec.days:
            guess = closest(value, [_plain(o) for o in spec.options])
        raise InvalidAssumption(
            [Problem(attribute.name, f"{value!r} is not an option", spec.expected(), guess)]
        )


def _choice(question: str, *options: Any) -> Any:
    return attrs.field(
        default=options[0],
        validator=_check,
        metadata={ASSUMPTION: AssumptionSpec(question, options)},
    )


def _days(question: str, default: int) -> Any:
    return attrs.field(
        default=default,
        validator=_check,
        metadata={ASSUMPTION: AssumptionSpec(question, days=True)},
    )


@attrs.frozen(kw_only=True)
class Assumptions:
    """One reading of the contested law. Omitted keys take their defaults."""

    status_route: str = _choice(
        N_(
            "If his state of nationality and the state whose forces he served in "
            "(subject.forces) are both parties to the conflict, which does he depend on? "
            "Decides his power of origin."
        ),
        "own_forces",
        "integrated_forces",
    )
    ihl_non_refoulement: str = _choice(
        N_("Does IHL itself bar a return against his will, where he faces a risk at home?"),
        "icrc_2020",
        "free_will",
        "strict_text",
    )
    human_rights_non_refoulement: bool = _choice(
        N_(
            "Where IHL itself requires his return (repatriation once active hostilities have "
            "ended, GCIII-118; the direct repatriation of a consenting prisoner found seriously "
            "wounded or sick, GCIII-109(1)), do the human-rights bars on return (CAT-3, "
            "ICCPR-6/7, CED-16, ECHR-2/3, ECHR-P13-1) still apply? false: the Convention's "
            "duty, as the special rule, displaces them there. No rule requires any other "
            "return, so elsewhere they apply whatever the answer."
        ),
        True,
        False,
    )
    rok_nationality: str = _choice(
        N_(
            "Does the KR claim that North Koreans are its nationals count internationally (the "
            "dual-nationality clause of RC-1A)?"
        ),
        "domestic_only",
        "effective",
        "ignored",
    )
    third_state_release: str = _choice(
        N_("Before hostilities end, may a POW be released to a third state?"),
        "allowed_as_release",
        "art12_transfer",
        "barred",
    )
    asylum_while_pow: str = _choice(
        N_("May a POW ask for asylum during captivity (kind asylum only)?"),
        "claim_allowed",
        "barred_until_release",
    )
    media_exception: bool = _choice(
        N_("Does a public interest justify identifiable media?"), False, True
    )
    wish_verifiers: str = _choice(
        N_(
            "Whose verification of his wish counts as his free consent? independent: the ICRC, "
            "UNHCR, a protecting power or a neutral commission; independent_private: those, after "
            "hearing him without witnesses; any: whoever verified it."
        ),
        "independent",
        "independent_private",
        "any",
    )
    detaining_power_nationals: str = _choice(
        N_(
            "Is the detaining power's own national, captured fighting in enemy forces, its "
            "prisoner of war? not_pow: state practice (the Koi case, Privy Council, 1967); pow: "
            "GCIII-4 itself does not ask about nationality."
        ),
        "not_pow",
        "pow",
    )
    icrc_access_days: int = _days(N_("Days after capture by which an ICRC visit is expected."), 30)
    information_days: int = _days(N_("Days allowed for information to the bureau (GCIII-122)."), 7)
    repatriation_delay_days: int = _days(
        N_("Days that 'without delay' allows for release and repatriation."), 90
    )
    prolonged_custody_days: int = _days(
        N_("Days in custody after which custody is prolonged."), 365
    )
    inquiry_days: int = _days(N_("Days allowed to open an inquiry into a death (GCIII-121)."), 30)

    @classmethod
    def specs(cls) -> dict[str, AssumptionSpec]:
        """Every assumption key with its spec, in the order the reference lists them."""
        return {a.name: a.metadata[ASSUMPTION] for a in attrs.fields(cls)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assumptions:
        """Build from a mapping of keys to options, reporting every problem at once."""
        if not isinstance(data, Mapping):
            raise InvalidAssumption([Problem("", "assumptions must be a mapping")])
        specs = cls.specs()
        problems: list[Problem] = []
        for key, value in data.items():
            if key not in specs:
                guess = closest(key, specs) if isinstance(key, str) else None
                problems.append(
                    Problem(str(key), "is not an assumption", "one of " + ", ".join(specs), guess)
                )
                continue
            try:
                _check(None, attrs.fields_dict(cls)[key], value)
            except InvalidAssumption as error:
                problems.extend(error.problems)
        if problems:
            raise InvalidAssumption(problems)
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """Every key with its value (defaults included), JSON-ready."""
        return attrs.asdict(self)

    def changed(self, **changes: Any) -> Assumptions:
        """A copy with some keys changed, checked like :meth:`from_dict`."""
        return Assumptions.from_dict({**self.to_dict(), **changes})
