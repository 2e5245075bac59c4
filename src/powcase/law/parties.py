"""The parties table: which instruments bind each state and since when, and what it does to
those returned to it (LEGAL_MODEL.md §8).

Each participation is dated by its deposit; the date it binds the state is computed from that
deposit with the instrument's own entry-into-force clause (six months for the Geneva
Conventions, three for the ICCPR, thirty days for CAT...). Each entry names a source: the
depositary's list, which is where to check a date before relying on it. States that declared
they would apply a treaty before being bound (the Korean War belligerents, 1950-1953) have a
``declared`` participation that ends when they became bound.

A state the table does not describe has no known treaty, ally or risk: guards say so in their
reasons rather than guess.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from powcase._util.dates import add_months
from powcase.errors import UnknownState
from powcase.law.provisions import INSTRUMENTS, PROVISIONS

__all__ = [
    "PARTIES",
    "Alliance",
    "Participation",
    "Party",
    "Reservation",
    "Treatment",
    "allies",
    "binding",
    "binds",
    "party",
    "profile",
    "reservations",
    "treatment",
]

RISK_KINDS = ("persecution", "torture", "death")
"""The risks that make a move towards a state a move towards risk (LEGAL_MODEL.md §6)."""

ACTS = ("capture", "surrender", "family")
"""What a state may punish: being captured, surrendering, or being the family of either."""

_ICRC_PARTIES = "https://ihl-databases.icrc.org/en/ihl-treaties/{}/state-parties"
_UNTC = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={}&lang=en"
_COE = "https://www.coe.int/en/web/conventions/full-list?module=signatures-by-treaty&treatynum={}"

DEPOSITARY: dict[str, str] = {
    "GCIII": _ICRC_PARTIES.format("gciii-1949"),
    "GCIV": _ICRC_PARTIES.format("gciv-1949"),
    "API": _ICRC_PARTIES.format("api-1977"),
    "RC": _UNTC.format("V-2&chapter=5"),
    "RC-1967": _UNTC.format("V-5&chapter=5"),
    "CAT": _UNTC.format("IV-9&chapter=4"),
    "ICCPR": _UNTC.format("IV-4&chapter=4"),
    "ECHR": _COE.format("005"),
    "ECHR-P13": _COE.format("187"),
}
"""Where each treaty's depositary lists its parties."""


def _d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _first_of_month_after(day: datetime.date, months: int) -> datetime.date:
    after = add_months(day, months)
    return add_months(after.replace(day=1), 1)


# When a deposit takes effect for the depositing state: each instrument's own clause, and never
# before the instrument itself entered into force.
_TAKES_EFFECT: dict[str, Callable[[datetime.date], datetime.date]] = {
    "GCIII": lambda d: add_months(d, 6),  # GCIII Arts. 138 and 140
    "GCIV": lambda d: add_months(d, 6),  # GCIV Arts. 153 and 155
    "API": lambda d: add_months(d, 6),  # API Arts. 95 and 94
    "RC": lambda d: d + datetime.timedelta(days=90),  # RC Art. 43(2)
    "RC-1967": lambda d: d,  # Protocol Art. VIII(2)
    "CAT": lambda d: d + datetime.timedelta(days=30),  # CAT Art. 27(2)
    "ICCPR": lambda d: add_months(d, 3),  # ICCPR Art. 49(2)
    "ECHR": lambda d: d,  # ECHR Art. 59
    "ECHR-P13": lambda d: _first_of_month_after(d, 3),  # Protocol 13 Art. 7
}
_GENERAL_ENTRY = {
    "RC-1967": _d("1967-10-04"),
    **{i.id: i.in_force for i in INSTRUMENTS.values() if i.in_force is not None},
}


@attrs.frozen
class Participation:
    """A state's tie to a treaty: ``how`` (ratification, accession, succession or declared),
    the deposit date, the day it started to bind the state, and the day it stopped, if any.
    """

    instrument: str
    how: str
    since: datetime.date
    until: datetime.date | None
    deposited: datetime.date | None
    source: str
    note: str = ""

    def in_force(self, on: datetime.date) -> bool:
        """Whether it binds the state on that day (the ``until`` day itself no longer)."""
        return self.since <= on and (self.until is None or on < self.until)


def _joined(
    instrument: str, how: str, deposited: str, *, until: str | None = None, note: str = ""
) -> Participation:
    day = _d(deposited)
    since = max(_TAKES_EFFECT[instrument](day), _GENERAL_ENTRY[instrument])
    return Participation(
        instrument, how, since, _d(until) if until else None, day, DEPOSITARY[instrument], note
    )


def _declared(
    instrument: str, since: str, until: str | None, source: str, note: str
) -> Participation:
    return Participation(
        instrument, "declared", _d(since), _d(until) if until else None, None, source, note
    )


@attrs.frozen
class Reservation:
    """A reservation or interpretive declaration that matters to the model."""

    provision: str
    kind: str
    made: datetime.date
    summary: str
    source: str
    until: datetime.date | None = None

    def in_force(self, on: datetime.date) -> bool:
        """Whether it was made by, and not withdrawn before, that day."""
        return self.made <= on and (self.until is None or on < self.until)


@attrs.frozen
class Alliance:
    """An ally that would pass a national of the other state on to it (onward return)."""

    state: str
    since: datetime.date
    basis: str
    source: str
    until: datetime.date | None = None

    def in_force(self, on: datetime.date) -> bool:
        """Whether the alliance held on that day."""
        return self.since <= on and (self.until is None or on < self.until)


@attrs.frozen
class Treatment:
    """What a state does to those returned to it for an act: ``kinds`` among persecution,
    torture, death and prosecution.
    """

    act: str
    kinds: tuple[str, ...]
    summary: str
    source: str
    since: datetime.date | None = None
    cites: tuple[str, ...] = ()

    def in_force(self, on: datetime.date) -> bool:
        """Whether the state treated the act so on that day."""
        return self.since is None or self.since <= on


@attrs.frozen
class Party:
    """What the model knows of one state."""

    code: str
    name: str
    participations: tuple[Participation, ...] = ()
    reservations: tuple[Reservation, ...] = ()
    allies: tuple[Alliance, ...] = ()
    treatment: tuple[Treatment, ...] = ()
    claims_nationals_of: tuple[str, ...] = ()
    """States whose people this state counts as its own nationals (KR: KP, ROK-CONST-3)."""


_HRW_2026 = (
    "https://www.hrw.org/news/2026/02/26/"
    "a-year-on-two-north-korean-pows-in-ukraine-fear-forced-return"
)
_NK_INSIDER = "https://www.nkinsider.org/captured-soldiers-are-considered-traitors-by-north-korea/"
_LIEBER = "https://lieber.westpoint.edu/north-koreas-entry-international-armed-conflict/"
_FRUS_1951 = "https://history.state.gov/historicaldocuments/frus1951v07p1/d836"
_FRUS_1950 = "https://history.state.gov/historicaldocuments/frus1950v07/d388"
_ICRC_KOREA = "https://blogs.icrc.org/cross-files/icrc-action-in-the-korean-war-br-1950-1953/"
_GC85_COMMENTARY = (
    "https://ihl-databases.icrc.org/applic/ihl/ihl.nsf/Comment.xsp?action="
    "openDocument&documentId=3A23C27AF17D2326C1258585005366D3"
)
_RU_RESERVATIONS = "https://casebook.icrc.org/print/20820"
_KP_RESERVATIONS = (
    "http://www.icrc.org/applic/ihl/dih.nsf/Notification.xsp?action="
    "openDocument&documentId=F8F6A7BDA91B4D6DC12563FF0047C2F7"
)
_KR_DECLARATION = PROVISIONS["ROK-DECL-GCIII-118"].url
_KR_API_DECLARATION = (
    "https://ihl-databases.icrc.org/applic/ihl/ihl.nsf/Notification.xsp?"
    "action=openDocument&documentId=CD8F2DF28F824B75C1256402003FB477"
)

_GENEVA = ("GCIII", "GCIV")


def _geneva(how: str, deposited: str, note: str = "") -> tuple[Participation, ...]:
    return tuple(_joined(i, how, deposited, note=note) for i in _GENEVA)


def _refugee(how: str, deposited: str) -> tuple[Participation, ...]:
    return (_joined("RC", how, deposited), _joined("RC-1967", how, deposited))


PARTIES: dict[str, Party] = {
    p.code: p
    for p in (
        Party(
            "UA",
            "Ukraine",
            participations=(
                *_geneva("ratification", "1954-08-03", "ratified as the Ukrainian SSR"),
                _joined("API", "ratification", "1990-01-25"),
                *_refugee("accession", "2002-06-10"),
                _joined("CAT", "ratification", "1987-02-24"),
                _joined("ICCPR", "ratification", "1973-11-12"),
                _joined("ECHR", "ratification", "1997-09-11"),
                _joined("ECHR-P13", "ratification", "2003-03-11"),
            ),
            reservations=(
                Reservation(
                    "GCIII-85",
                    "reservation",
                    _d("1954-08-03"),
                    "Like the USSR's: would not extend the Convention to prisoners "
                    "convicted of war crimes; withdrawn in 2006.",
                    _GC85_COMMENTARY,
                    until=_d("2006-06-30"),
                ),
            ),
        ),
        Party(
            "RU",
            "Russian Federation",
            participations=(
                *_geneva(
                    "ratification",
                    "1954-05-10",
                    "ratified by the USSR; the Russian Federation continues it",
                ),
                _joined("API", "ratification", "1989-09-29", note="ratified by the USSR"),
                *_refugee("accession", "1993-02-02"),
                _joined("CAT", "ratification", "1987-03-03", note="ratified by the USSR"),
                _joined("ICCPR", "ratification", "1973-10-16", note="ratified by the USSR"),
                _joined(
                    "ECHR",
                    "ratification",
                    "1998-05-05",
                    until="2022-09-16",
                    note="ceased to be a party six months after its expulsion from the "
                    "Council of Europe on 2022-03-16",
                ),
            ),
            reservations=(
                Reservation(
                    "GCIII-12",
                    "reservation",
                    _d("1954-05-10"),
                    "Does not regard a power that transfers prisoners as freed from "
                    "its responsibility for them while the receiver holds them.",
                    _RU_RESERVATIONS,
                ),
                Reservation(
                    "GCIII-85",
                    "reservation",
                    _d("1954-05-10"),
                    "Does not extend the Convention's benefits to prisoners convicted "
                    "of war crimes or crimes against humanity; they are treated as "
                    "persons serving sentences.",
                    _RU_RESERVATIONS,
                ),
            ),
            treatment=(
                Treatment(
                    "surrender",
                    ("prosecution",),
                    "Voluntary surrender by a serviceman is a crime punished with 3 to "
                    "10 years' imprisonment; capture while unable to resist is not.",
                    "https://tass.ru/obschestvo/17323995",
                    _d("2022-09-24"),
                    ("RU-CC-352.1",),
                ),
            ),
        ),
        Party(
            "KP",
            "Democratic People's Republic of Korea",
            participations=(
                _declared(
                    "GCIII",
                    "1950-07-13",
                    "1958-02-27",
                    _FRUS_1951,
                    "its foreign minister declared in 1950 that its army observed the "
                    "principles of the Convention on prisoners of war",
                ),
                *_geneva("accession", "1957-08-27"),
                _joined("API", "accession", "1988-03-09"),
                _joined(
                    "ICCPR",
                    "accession",
                    "1981-09-14",
                    note="its 1997 notice of withdrawal is not accepted: the Covenant has "
                    "no withdrawal clause",
                ),
            ),
            reservations=(
                Reservation(
                    "GCIII-12",
                    "reservation",
                    _d("1957-08-27"),
                    "Holds the original detaining power responsible after a transfer.",
                    _KP_RESERVATIONS,
                ),
                Reservation(
                    "GCIII-85",
                    "reservation",
                    _d("1957-08-27"),
                    "Does not extend the Convention's benefits to prisoners convicted "
                    "of war crimes or crimes against humanity.",
                    _GC85_COMMENTARY,
                ),
            ),
            treatment=(
                Treatment(
                    "capture",
                    ("persecution", "torture", "death"),
                    "Treats being taken prisoner as betrayal of the fatherland; those "
                    "returned face disappearance, torture, forced labour or execution.",
                    _HRW_2026,
                ),
                Treatment(
                    "surrender",
                    ("persecution", "torture", "death"),
                    "Treats surrender as treason against the fatherland, which carries "
                    "the death penalty.",
                    _NK_INSIDER,
                ),
                Treatment(
                    "family",
                    ("persecution",),
                    "Punishes the families of soldiers who were captured or surrendered.",
                    _HRW_2026,
                ),
            ),
        ),
        Party(
            "KR",
            "Republic of Korea",
            participations=(
                _declared(
                    "GCIII",
                    "1950-07-04",
                    "1967-02-16",
                    _ICRC_KOREA,
                    "accepted the ICRC's call of June 1950 to apply the Convention's "
                    "principles (date approximate)",
                ),
                *_geneva("accession", "1966-08-16"),
                _joined("API", "ratification", "1982-01-15"),
                *_refugee("accession", "1992-12-03"),
                _joined("CAT", "accession", "1995-01-09"),
                _joined("ICCPR", "accession", "1990-04-10"),
            ),
            reservations=(
                Reservation(
                    "GCIII-118",
                    "declaration",
                    _d("1966-08-16"),
                    "Reads Article 118(1) as not obliging a detaining power to "
                    "repatriate prisoners by force against their openly and freely "
                    "expressed will.",
                    _KR_DECLARATION,
                ),
                Reservation(
                    "API-85(4)(b)",
                    "declaration",
                    _d("1982-01-15"),
                    "Declining to repatriate prisoners against their openly and freely "
                    "expressed will is not an unjustifiable delay.",
                    _KR_API_DECLARATION,
                ),
            ),
            claims_nationals_of=("KP",),
        ),
        Party(
            "US",
            "United States",
            participations=(
                _declared(
                    "GCIII",
                    "1950-07-04",
                    "1956-02-02",
                    _FRUS_1950,
                    "the UN Command announced it would treat captives by the principles "
                    "of the 1949 Conventions (date approximate)",
                ),
                *_geneva("ratification", "1955-08-02"),
                _joined("RC-1967", "accession", "1968-11-01"),
                _joined("CAT", "ratification", "1994-10-21"),
                _joined("ICCPR", "ratification", "1992-06-08"),
            ),
        ),
        Party(
            "CN",
            "People's Republic of China",
            participations=(
                _declared(
                    "GCIII",
                    "1952-07-13",
                    "1957-06-28",
                    _FRUS_1951,
                    "recognised the 1949 Conventions, with reservations, during the Korean War",
                ),
                *_geneva("ratification", "1956-12-28"),
                _joined("API", "accession", "1983-09-14"),
                *_refugee("accession", "1982-09-24"),
                _joined("CAT", "ratification", "1988-10-04"),
            ),
            reservations=(
                Reservation(
                    "GCIII-12",
                    "reservation",
                    _d("1956-12-28"),
                    "Holds the original detaining power responsible after a transfer.",
                    DEPOSITARY["GCIII"],
                ),
                Reservation(
                    "GCIII-85",
                    "reservation",
                    _d("1956-12-28"),
                    "Does not extend the Convention's benefits to prisoners convicted "
                    "of war crimes or crimes against humanity.",
                    _GC85_COMMENTARY,
                ),
            ),
        ),
        Party(
            "GB",
            "United Kingdom",
            participations=(
                *_geneva("ratification", "1957-09-23"),
                _joined("API", "ratification", "1998-01-28"),
                _joined("RC", "ratification", "1954-03-11"),
                _joined("RC-1967", "accession", "1968-09-04"),
                _joined("CAT", "ratification", "1988-12-08"),
                _joined("ICCPR", "ratification", "1976-05-20"),
                _joined("ECHR", "ratification", "1951-03-08"),
                _joined("ECHR-P13", "ratification", "2003-10-10"),
            ),
        ),
        Party(
            "TW",
            "Taiwan",
            # Signed the 1949 Conventions as the Republic of China but never ratified them, and
            # cannot deposit instruments today: no treaty binds it here, only custom.
        ),
        Party(
            "IN",
            "India",
            participations=(
                *_geneva("ratification", "1950-11-09"),
                _joined("ICCPR", "accession", "1979-04-10"),
            ),
        ),
    )
}
"""The states the model knows, by ISO 3166 alpha-2 code."""


def _alliance(a: str, b: str, since: str, basis: str, source: str) -> None:
    for one, other in ((a, b), (b, a)):
        current = PARTIES[one]
        PARTIES[one] = attrs.evolve(
            current, allies=(*current.allies, Alliance(other, _d(since), basis, source))
        )


_alliance(
    "KP",
    "RU",
    "2024-06-19",
    "Treaty on Comprehensive Strategic Partnership, with a mutual-assistance clause",
    _LIEBER,
)
_alliance(
    "KP",
    "CN",
    "1950-10-19",
    "co-belligerents in the Korean War, allied by treaty since 1961",
    "https://history.state.gov/milestones/1945-1952/korean-war-2",
)


def party(code: str) -> Party:
    """The table's entry for ``code``; :class:`~powcase.errors.UnknownState` if it has none."""
    try:
        return PARTIES[code]
    except KeyError:
        raise UnknownState(code, sorted(PARTIES)) from None


def binding(state: str, instrument: str, on: datetime.date) -> Participation | None:
    """The participation by which ``instrument`` binds ``state`` on that day, if any.

    A declared intention to apply a treaty counts. The 1951 Refugee Convention binds a state
    party to its 1967 Protocol, which applies the Convention's rules.
    """
    known = PARTIES.get(state)
    if known is None:
        return None
    accepted = {instrument, "RC-1967"} if instrument == "RC" else {instrument}
    for participation in known.participations:
        if participation.instrument in accepted and participation.in_force(on):
            return participation
    return None


def binds(state: str, provision_id: str, on: datetime.date) -> bool:
    """Whether the instrument of ``provision_id`` binds ``state`` on that day.

    Custom binds every state; an interpretive text binds none; a national law binds its state.
    """
    instrument = INSTRUMENTS[PROVISIONS[provision_id].instrument]
    if instrument.binding == "custom":
        return True
    if instrument.binding == "treaty":
        return binding(state, instrument.id, on) is not None
    if instrument.binding == "national":
        return instrument.state == state
    return False


def allies(state: str, on: datetime.date) -> tuple[str, ...]:
    """The states allied with ``state`` on that day."""
    known = PARTIES.get(state)
    if known is None:
        return ()
    return tuple(a.state for a in known.allies if a.in_force(on))


def treatment(state: str, acts: Iterable[str], on: datetime.date) -> tuple[Treatment, ...]:
    """What ``state`` does, on that day, to those returned to it for any of ``acts``."""
    known = PARTIES.get(state)
    if known is None:
        return ()
    wanted = set(acts)
    return tuple(t for t in known.treatment if t.act in wanted and t.in_force(on))


def reservations(state: str, provision_id: str, on: datetime.date) -> tuple[Reservation, ...]:
    """The reservations and declarations of ``state`` on ``provision_id`` in force that day."""
    known = PARTIES.get(state)
    if known is None:
        return ()
    return tuple(r for r in known.reservations if r.provision == provision_id and r.in_force(on))


def profile(code: str, on: datetime.date) -> dict[str, Any]:
    """What the table says of ``code`` on a day: treaties binding it, reservations and
    declarations, allies, and what it does to those returned to it, each with its source.
    """
    entry = party(code)

    def dated(day: datetime.date | None) -> str | None:
        return day.isoformat() if day else None

    return {
        "code": entry.code,
        "name": entry.name,
        "on": on.isoformat(),
        "binding": [
            {
                "instrument": p.instrument,
                "title": _title(p.instrument),
                "how": p.how,
                "since": dated(p.since),
                "until": dated(p.until),
                "note": p.note,
                "source": p.source,
            }
            for p in entry.participations
            if p.in_force(on)
        ],
        "reservations": [
            {
                "provision": r.provision,
                "kind": r.kind,
                "made": dated(r.made),
                "summary": r.summary,
                "source": r.source,
            }
            for r in entry.reservations
            if r.in_force(on)
        ],
        "allies": [
            {"state": a.state, "since": dated(a.since), "basis": a.basis, "source": a.source}
            for a in entry.allies
            if a.in_force(on)
        ],
        "treatment": [
            {
                "act": t.act,
                "kinds": list(t.kinds),
                "summary": t.summary,
                "cites": list(t.cites),
                "source": t.source,
            }
            for t in entry.treatment
            if t.in_force(on)
        ],
        "claims_nationals_of": list(entry.claims_nationals_of),
    }


def _title(instrument: str) -> str:
    known = INSTRUMENTS.get(instrument)
    return known.title if known else "Protocol relating to the Status of Refugees (1967)"
