"""The shape of the law data files, declared once.

The same declaration checks a file as it is loaded (every problem with its key path) and
gives the JSON Schema of the files (:func:`law_schema`), so the two cannot drift apart.
A checked value comes back normalised: dates as :class:`datetime.date`, lists as tuples.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any, Protocol

import attrs

from powcase._util.date_range import LONGEST_DAYS
from powcase._util.i18n import problem_text
from powcase._util.suggest import closest
from powcase.errors import Problem
from powcase.law.rules import Severity
from powcase.model.events import RISK_KINDS as EVENT_RISK_KINDS

__all__ = [
    "ACTS",
    "ANSWER_KINDS",
    "FILES",
    "INVALID",
    "RISK_KINDS",
    "Field",
    "Kind",
    "Record",
    "check_file",
    "law_schema",
]

INVALID: Any = object()
"""What a check returns for a value it rejected (its problems are already recorded)."""

_DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Kind(Protocol):
    """A kind of value: it checks a value and describes itself in JSON Schema."""

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The normalised value, or :data:`INVALID` after recording its problems."""

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """Its JSON Schema; named records are added to ``defs``."""


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _not_accepted(shown: str) -> str:
    return problem_text("{value} is not accepted").format(value=shown)


@attrs.frozen
class Text:
    """A non-empty string, optionally of a pattern."""

    pattern: str | None = None
    expected: str = problem_text("a non-empty string")

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The string, or INVALID."""
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(path, _not_accepted(repr(value)), self.expected))
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            problems.append(Problem(path, _not_accepted(repr(value)), self.expected))
            return INVALID
        return value

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """A string schema."""
        # Not blank: the check strips the text, so the schema asks for one visible character.
        out: dict[str, Any] = {"type": "string", "minLength": 1}
        out["pattern"] = f"^(?:{self.pattern})$" if self.pattern else r"\S"
        return out


URL = Text(r"https?://\S+", problem_text("an http(s) address"))
STATE = Text(r"[A-Z]{2}", problem_text("an ISO 3166 alpha-2 state code such as UA"))
INSTRUMENT_ID = Text(
    r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*", problem_text("an instrument id such as GCIII")
)
PROVISION_ID = Text(
    r"[A-Z][A-Z0-9-]*-[0-9A-Za-z.]+(?:\([0-9a-z]+\))*",
    problem_text("a provision id such as GCIII-118"),
)
CODE = Text(r"[a-z][a-z0-9_]*", problem_text("a snake_case code"))
CONCERN_ID = Text(r"[a-z0-9][a-z0-9.-]*", problem_text("a concern id such as hrw-2026-02-26"))


@attrs.frozen
class Day:
    """A calendar date: a YAML date or an ISO ``YYYY-MM-DD`` string."""

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The date, or INVALID."""
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str) and _DATE_TEXT.match(value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        problems.append(
            Problem(path, problem_text("{value} is not a date").format(value=_shown(value)))
        )
        return INVALID

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """A date string schema."""
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def _shown(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value if isinstance(value, str) and value.strip() else repr(value)


@attrs.frozen
class Count:
    """A whole number from zero to ``maximum`` (a century of days: a count of days or months
    added to a date must leave a date).
    """

    maximum: int = LONGEST_DAYS

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The number, or INVALID."""
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= self.maximum:
            return value
        problems.append(
            Problem(
                path,
                _not_accepted(repr(value)),
                problem_text("a whole number from 0 to {maximum}").format(maximum=self.maximum),
            )
        )
        return INVALID

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """An integer schema."""
        return {"type": "integer", "minimum": 0, "maximum": self.maximum}


@attrs.frozen
class Boolean:
    """``true`` or ``false``."""

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The boolean, or INVALID."""
        if isinstance(value, bool):
            return value
        problems.append(Problem(path, _not_accepted(repr(value)), problem_text("true or false")))
        return INVALID

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """A boolean schema."""
        return {"type": "boolean"}


@attrs.frozen
class Choice:
    """One of a fixed set of strings."""

    options: tuple[str, ...]

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The option, or INVALID."""
        if isinstance(value, str) and value in self.options:
            return value
        guess = closest(value, self.options) if isinstance(value, str) else None
        problems.append(
            Problem(
                path,
                _not_accepted(repr(value)),
                problem_text("one of {options}").format(options=", ".join(self.options)),
                guess,
            )
        )
        return INVALID

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """An enum schema."""
        return {"enum": list(self.options)}


@attrs.frozen
class TextOrFlag:
    """A non-empty string or a boolean: an assumption's option."""

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The value, or INVALID."""
        if isinstance(value, bool) or (isinstance(value, str) and value.strip()):
            return value
        problems.append(
            Problem(path, _not_accepted(repr(value)), problem_text("an option: text or a boolean"))
        )
        return INVALID

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """A string (not blank) or boolean schema."""
        return {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "boolean"}]}


@attrs.frozen
class ListOf:
    """A list of values of one kind (a tuple once checked)."""

    item: Kind

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The tuple of checked items, or INVALID."""
        if not isinstance(value, list):
            problems.append(Problem(path, _not_accepted(_shown(value)), problem_text("a list")))
            return INVALID
        items = [self.item.check(v, _join(path, i), problems) for i, v in enumerate(value)]
        return INVALID if any(i is INVALID for i in items) else tuple(items)

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """An array schema."""
        return {"type": "array", "items": self.item.schema(defs)}


@attrs.frozen
class Field:
    """A key of a record: its kind, whether it must be given, and what it means."""

    name: str
    kind: Kind
    required: bool = True
    description: str = ""


@attrs.frozen
class When:
    """If ``present`` is given, ``field`` must be one of ``values``."""

    present: str
    field: str
    values: tuple[str, ...]


@attrs.frozen
class Record:
    """A mapping with known keys, some required; ``exactly_one_of`` names keys of which one
    and only one must be given.
    """

    name: str
    fields: tuple[Field, ...]
    description: str = ""
    exactly_one_of: tuple[str, ...] = ()
    when: tuple[When, ...] = ()

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The dict of checked values (absent optional keys left out), or INVALID."""
        if not isinstance(value, dict):
            problems.append(Problem(path, _not_accepted(_shown(value)), problem_text("a mapping")))
            return INVALID
        known = {f.name: f for f in self.fields}
        out: dict[str, Any] = {}
        bad = False
        for key, item in value.items():
            field = known.get(key) if isinstance(key, str) else None
            if field is None:
                guess = closest(str(key), known)
                problems.append(
                    Problem(
                        _join(path, str(key)),
                        problem_text("is not a known key"),
                        ", ".join(known),
                        guess,
                    )
                )
                bad = True
                continue
            checked = field.kind.check(item, _join(path, key), problems)
            bad = bad or checked is INVALID
            out[key] = checked
        for field in self.fields:
            if field.required and field.name not in value:
                problems.append(Problem(_join(path, field.name), problem_text("is missing")))
                bad = True
        bad = self._check_together(value, path, problems) or bad
        return INVALID if bad else out

    def _check_together(self, value: dict[Any, Any], path: str, problems: list[Problem]) -> bool:
        bad = False
        if self.exactly_one_of:
            given = [k for k in self.exactly_one_of if k in value]
            if len(given) != 1:
                problems.append(
                    Problem(
                        path,
                        problem_text("needs exactly one of {fields}").format(
                            fields=", ".join(self.exactly_one_of)
                        ),
                    )
                )
                bad = True
        for rule in self.when:
            if rule.present in value and value.get(rule.field) not in rule.values:
                problems.append(
                    Problem(
                        _join(path, rule.field),
                        problem_text("{value} does not go with {present}").format(
                            value=repr(value.get(rule.field)), present=rule.present
                        ),
                        problem_text("one of {options}").format(options=", ".join(rule.values)),
                    )
                )
                bad = True
        return bad

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """A reference to its definition, added to ``defs`` on first use."""
        if self.name not in defs:
            defs[self.name] = {}  # placeholder: a record may refer to itself
            body: dict[str, Any] = {
                "type": "object",
                "properties": {
                    f.name: _described(f.kind.schema(defs), f.description) for f in self.fields
                },
                "required": [f.name for f in self.fields if f.required],
                "additionalProperties": False,
            }
            if self.description:
                body["description"] = self.description
            rules: list[dict[str, Any]] = []
            if self.exactly_one_of:
                rules.append({"oneOf": [{"required": [k]} for k in self.exactly_one_of]})
            rules += [
                {
                    "if": {"required": [w.present]},
                    "then": {
                        "required": [w.field],
                        "properties": {w.field: {"enum": list(w.values)}},
                    },
                }
                for w in self.when
            ]
            if rules:
                body["allOf"] = rules
            defs[self.name] = body
        return {"$ref": f"#/$defs/{self.name}"}


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description} if description else schema


@attrs.frozen
class MapOf:
    """A mapping from keys of one shape to values of one kind (a table keyed by id)."""

    key: Text
    value: Kind

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The dict of checked entries (bad entries left out), or INVALID if not a mapping."""
        if not isinstance(value, dict):
            problems.append(Problem(path, _not_accepted(_shown(value)), problem_text("a mapping")))
            return INVALID
        out: dict[str, Any] = {}
        for key, item in value.items():
            where = _join(path, str(key))
            if self.key.check(key, where, problems) is INVALID:
                continue
            checked = self.value.check(item, where, problems)
            if checked is not INVALID:
                out[key] = checked
        return out

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """An object schema with a key pattern."""
        return {
            "type": "object",
            "propertyNames": self.key.schema(defs),
            "additionalProperties": self.value.schema(defs),
        }


# --- the law data ------------------------------------------------------------------------

TAKES_EFFECT = Record(
    "takes_effect",
    (
        Field("months", Count(), False, "the deposit binds this many months after it is made"),
        Field("days", Count(), False, "the deposit binds this many days after it is made"),
        Field(
            "first_of_month_after",
            Record(
                "period",
                (
                    Field("months", Count(), False, "months after the deposit"),
                    Field("days", Count(), False, "days after the deposit"),
                ),
            ),
            False,
            "the deposit binds on the first day of the month after this period (months, "
            "days or both)",
        ),
        Field("article", Text(), False, "the clause that says so"),
        Field(
            "in_conflict",
            PROVISION_ID,
            False,
            "the provision giving a deposit by a party to an armed conflict immediate effect "
            "(GCIII-141)",
        ),
    ),
    "When a later deposit binds the depositing state.",
    exactly_one_of=("months", "days", "first_of_month_after"),
)

BINDINGS = ("treaty", "custom", "national", "declaration", "agreement", "interpretive")
"""How an instrument binds: see :class:`~powcase.law.entries.Instrument`."""

INSTRUMENT = Record(
    "instrument",
    (
        Field("title", Text()),
        Field("binding", Choice(BINDINGS)),
        Field(
            "adopted", Day(), description="for a declaration or an agreement: from when it binds"
        ),
        Field("url", URL),
        Field("in_force", Day(), False, "general entry into force"),
        Field(
            "state",
            STATE,
            False,
            "for a national law or a declaration: its state (a declaration binds it alone)",
        ),
        Field("between", ListOf(STATE), False, "for an agreement: the states that made it"),
        Field(
            "with_deposit",
            INSTRUMENT_ID,
            False,
            "for a declaration made with its state's deposit of a treaty: that treaty (it "
            "binds from the day the deposit does)",
        ),
        Field("takes_effect", TAKES_EFFECT, False),
        Field("depositary", URL, False, "where the depositary lists the parties"),
    ),
    "A treaty, body of custom, commentary, declaration, agreement or national law.",
    when=(
        When("takes_effect", "binding", ("treaty",)),
        When("between", "binding", ("agreement",)),
        When("with_deposit", "binding", ("declaration",)),
    ),
)

READING = Record(
    "reading",
    (
        Field("assumption", CODE, description="an assumption key"),
        Field("option", TextOrFlag(), description="the option of it that adopts the source"),
    ),
    "An option of an assumption that reads the law as an interpretive source does.",
)

PROVISION = Record(
    "provision",
    (
        Field("instrument", INSTRUMENT_ID),
        Field("article", Text()),
        Field("paraphrase", Text(), description="our own words, not the text"),
        Field("url", URL),
        Field(
            "customary",
            PROVISION_ID,
            False,
            "the customary rule cited in its place where its treaty does not bind the state",
        ),
        Field(
            "readings",
            ListOf(READING),
            False,
            "for an interpretive source: the options adopting it; it is cited only in a reason "
            "applying one of them, beside the rule it reads",
        ),
    ),
    "One provision, paraphrased.",
)

PARTICIPATION = Record(
    "participation",
    (
        Field("instrument", INSTRUMENT_ID),
        Field("how", Choice(("ratification", "accession", "succession", "declared"))),
        Field("deposited", Day(), False, "the deposit; it binds by the instrument's clause"),
        Field("since", Day(), False, "for a declared participation: from when"),
        Field("until", Day(), False, "the first day it no longer binds"),
        Field("source", URL),
        Field("note", Text(), False),
        Field("checked", Day(), False, "the day the entry was last checked"),
    ),
    "A state's tie to a treaty.",
    exactly_one_of=("deposited", "since"),
    when=(
        When("deposited", "how", ("ratification", "accession", "succession")),
        When("since", "how", ("declared",)),
    ),
)

RESERVATION = Record(
    "reservation",
    (
        Field("provision", PROVISION_ID),
        Field("kind", Choice(("reservation", "declaration"))),
        Field("made", Day()),
        Field("until", Day(), False, "the day it was withdrawn"),
        Field("summary", Text()),
        Field("source", URL),
    ),
    "A reservation or interpretive declaration.",
)

ALLIANCE = Record(
    "alliance",
    (
        Field("state", STATE),
        Field("since", Day()),
        Field("until", Day(), False),
        Field("basis", Text()),
        Field("source", URL),
    ),
    "An ally that would pass a national of the other state on to it.",
)

CONFLICT_SIDE = Record(
    "conflict_side",
    (
        Field("conflict", CODE, description="a code shared by the states of one conflict"),
        Field("side", Choice(("A", "B")), description="states on different sides are adverse"),
        Field("since", Day(), description="the day it became a party to the conflict"),
        Field("until", Day(), False, "the first day it no longer was"),
        Field(
            "hostilities_closed",
            Day(),
            False,
            "the day military operations closed for it (an armistice); it stays a party, but "
            "a Geneva Convention it joins from then no longer binds it at once (GCIII-141)",
        ),
        Field("source", URL),
        Field("note", Text(), False),
    ),
    "A state's side in an armed conflict.",
)

RISK_KINDS = tuple(k for k in EVENT_RISK_KINDS if k != "prosecution")
"""The risks that make a move towards a state a move towards risk: the persecution-type
kinds (persecution, forced labour, arbitrary detention, enforced disappearance), torture, a
killing or a death sentence ICCPR-6(2) forbids (``death``), and a death sentence it allows
(``death_penalty``). ``prosecution`` is a further kind a state may answer with, not a risk."""

ANSWER_KINDS = EVENT_RISK_KINDS
"""Every kind of answer a state may give to what happened to him: the risks and prosecution."""

ACTS = ("capture", "surrender", "family")
"""What a state may punish: being captured, surrendering, or being the family of either."""

TREATMENT = Record(
    "treatment",
    (
        Field("act", Choice(ACTS)),
        Field("kinds", ListOf(Choice(ANSWER_KINDS))),
        Field("since", Day(), False, "the first day the state treated the act so"),
        Field("until", Day(), False, "the first day it no longer did"),
        Field("summary", Text()),
        Field("source", URL),
        Field("cites", ListOf(PROVISION_ID), False),
    ),
    "What a state does to those returned to it for an act.",
)

PARTY = Record(
    "party",
    (
        Field("name", Text()),
        Field("participations", ListOf(PARTICIPATION), False),
        Field("reservations", ListOf(RESERVATION), False),
        Field("allies", ListOf(ALLIANCE), False),
        Field("treatment", ListOf(TREATMENT), False),
        Field("claims_nationals_of", ListOf(STATE), False),
        Field("conflicts", ListOf(CONFLICT_SIDE), False, "the armed conflicts it is a party to"),
        Field(
            "protects_applicants",
            ListOf(PROVISION_ID),
            False,
            "provisions of its own law protecting an asylum applicant from removal meanwhile",
        ),
        Field(
            "abolished_death_penalty",
            Day(),
            False,
            "the day it abolished the death penalty (ICCPR-6: from then it may not expose "
            "anyone to it by removal)",
        ),
    ),
    "What the model knows of one state.",
)

CONCERN = Record(
    "concern",
    (
        Field("organisation", Text()),
        Field("date", Day()),
        Field("title", Text()),
        Field("url", URL),
        Field("flags", ListOf(CODE)),
        Field(
            "about",
            Record(
                "concern_about",
                (
                    Field(
                        "nationality",
                        ListOf(STATE),
                        False,
                        "prisoners of one of these nationalities (any, when absent)",
                    ),
                    Field(
                        "not_nationality",
                        ListOf(STATE),
                        False,
                        "prisoners of none of these nationalities (foreigners to the parties)",
                    ),
                    Field(
                        "held_by",
                        ListOf(STATE),
                        False,
                        "prisoners held by one of these powers (any, when absent)",
                    ),
                ),
                "Whom the concern is about, as its source says.",
            ),
            description="whom it is about: a flag names it only for such a prisoner",
        ),
    ),
    "A published concern, the flags it bears on and whom it is about; named for a case only "
    "as of its date.",
)

FLAG = Record(
    "flag",
    (
        Field("severity", Choice(tuple(s.value for s in Severity))),
        Field("cites", ListOf(PROVISION_ID)),
        Field("text", Text()),
        Field(
            "causes",
            MapOf(CODE, ListOf(PROVISION_ID)),
            False,
            "the provisions each cause of raising it engages, where they differ by cause",
        ),
        Field(
            "while_held",
            Boolean(),
            False,
            "whether it stands only while he is a prisoner (held by the detaining power, in "
            "neutral hands for it, or by a power it transferred him to): his leaving captivity "
            "ends it, a recapture raises it again (default false)",
        ),
    ),
    "A humanitarian-risk flag.",
)

OBLIGATION = Record(
    "obligation",
    (
        Field("provision", PROVISION_ID),
        Field(
            "period",
            Text(r"\d+ (?:days|months)|[a-z][a-z0-9_]*", '"N days", "N months" or an assumption'),
        ),
        Field(
            "met_by",
            CODE,
            description="an event name, or leaving_custody, return_home or return_or_release",
        ),
        Field(
            "met_if",
            CODE,
            False,
            "a yes-or-no field of the met_by event that must be true for it to meet the duty",
        ),
        Field("without_delay", Boolean(), False),
        Field(
            "prisoner_of_war",
            Boolean(),
            False,
            "whether it is owed to one treated as a prisoner of war (default true)",
        ),
        Field(
            "protected_person",
            PROVISION_ID,
            False,
            "the provision for a protected person (none: he has no such duty)",
        ),
        Field(
            "detainee",
            PROVISION_ID,
            False,
            "the provision for a detainee neither treated as a POW nor a protected person",
        ),
        Field(
            "occupied_territory",
            PROVISION_ID,
            False,
            "the provision for a protected person captured in occupied territory, if another",
        ),
        Field("text", Text()),
        Field(
            "texts",
            Record(
                "obligation_texts",
                tuple(
                    Field(
                        key, Text(), False, f"what it asks where it rests on its {key} provision"
                    )
                    for key in ("protected_person", "detainee", "occupied_territory")
                ),
            ),
            False,
            "what it asks in the words of another provision it rests on, by the key naming it",
        ),
    ),
    "An obligation of the detaining power.",
)

TABLES: dict[str, MapOf] = {
    "instruments": MapOf(INSTRUMENT_ID, INSTRUMENT),
    "provisions": MapOf(PROVISION_ID, PROVISION),
    "parties": MapOf(STATE, PARTY),
    "concerns": MapOf(CONCERN_ID, CONCERN),
    "flags": MapOf(CODE, FLAG),
    "obligations": MapOf(CODE, OBLIGATION),
    "messages": MapOf(CODE, Text()),
}
"""Each table of the law, keyed as in an overlay."""


@attrs.frozen
class Whole:
    """A mapping of the tables (an overlay): every key optional, no other key."""

    def check(self, value: object, path: str, problems: list[Problem]) -> Any:
        """The dict of checked tables, or INVALID if not a mapping."""
        if not isinstance(value, dict):
            problems.append(Problem(path, _not_accepted(_shown(value)), problem_text("a mapping")))
            return INVALID
        out: dict[str, Any] = {}
        for key, item in value.items():
            table = TABLES.get(key) if isinstance(key, str) else None
            if table is None:
                problems.append(
                    Problem(
                        str(key),
                        problem_text("is not a known key"),
                        ", ".join(TABLES),
                        closest(str(key), TABLES),
                    )
                )
                continue
            checked = table.check(item, key, problems)
            if checked is not INVALID:
                out[key] = checked
        return out

    def schema(self, defs: dict[str, Any]) -> dict[str, Any]:
        """An object schema of the tables."""
        return {
            "type": "object",
            "properties": {k: t.schema(defs) for k, t in TABLES.items()},
            "additionalProperties": False,
        }


MANIFEST = Record(
    "manifest",
    (
        Field("checked", Day(), description="the day the data was last reviewed"),
        Field("parties", ListOf(STATE), description="the states, in output order"),
    ),
    "The law data as a whole.",
)

FILES: dict[str, Kind] = {
    "overlay": Whole(),
    "manifest": MANIFEST,
    "instruments": TABLES["instruments"],
    "provisions": TABLES["provisions"],
    "party": PARTY,
    "concerns": TABLES["concerns"],
    "flags": TABLES["flags"],
    "obligations": TABLES["obligations"],
    "messages": TABLES["messages"],
}
"""Each kind of law data file: an overlay, ``law.yaml``, and one per table (a party file
holds one party, named by the file)."""


def law_schema(kind: str = "overlay") -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of a law data file of ``kind`` (see :data:`FILES`).

    Every kind shares the same ``$defs``; dates are ``YYYY-MM-DD`` strings in JSON.

    >>> law_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> sorted(law_schema()["properties"])[:3]
    ['concerns', 'flags', 'instruments']
    """
    defs: dict[str, Any] = {}
    for other in FILES.values():
        other.schema(defs)
    root = FILES[kind].schema(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://powcase.invalid/schema/law-{kind}.json",
        "title": f"powcase law data: {kind}",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def check_file(kind: str, data: Mapping[str, Any] | object) -> tuple[Any, list[Problem]]:
    """Check the plain data of a file of ``kind``: its normalised form and its problems."""
    problems: list[Problem] = []
    return FILES[kind].check(data, "", problems), problems
