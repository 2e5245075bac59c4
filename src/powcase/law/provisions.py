"""The provisions catalogue: every provision the code cites, paraphrased in our own words.

Each entry has a stable id (``GCIII-118``, ``GCIII-109(3)``, ``ICRC-COM-2020-GCIII-118``),
its instrument, the article (and paragraph), a one-line paraphrase and the URL of the official
text. The paraphrases are ours, written to explain a rule, not to replace the text: follow the
URL before relying on one. Nothing here is legal advice.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import attrs

from powcase._util.suggest import closest
from powcase.errors import UnknownProvision

__all__ = [
    "INSTRUMENTS",
    "LAW_DATA_DATE",
    "PROVISIONS",
    "Instrument",
    "Provision",
    "provision",
    "resolves",
]

LAW_DATA_DATE = datetime.date(2026, 11, 26)
"""When the catalogue and the parties table were last reviewed against their sources."""

_ICRC = "https://ihl-databases.icrc.org/en"


@attrs.frozen
class Instrument:
    """A treaty, a body of customary law, a commentary, a declaration or a national law.

    ``binding`` says how it binds: ``treaty`` (a state by ratification or accession, see the
    parties table), ``custom`` (every state), ``national`` (the enacting state), or
    ``interpretive`` (it binds nobody; it is a reading of another text).
    """

    id: str
    title: str
    binding: str
    adopted: datetime.date | None
    url: str
    in_force: datetime.date | None = None
    state: str | None = None
    """For a national law or a state's declaration: the state it belongs to."""


@attrs.frozen
class Provision:
    """One provision: id, instrument, article (and paragraph), paraphrase and official URL."""

    id: str
    instrument: str
    article: str
    paraphrase: str
    url: str

    def to_dict(self) -> dict[str, str]:
        """The JSON form used by ``describe()``."""
        return {
            "id": self.id,
            "instrument": self.instrument,
            "article": self.article,
            "paraphrase": self.paraphrase,
            "url": self.url,
        }


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


INSTRUMENTS: dict[str, Instrument] = {
    i.id: i
    for i in (
        Instrument(
            "GCIII",
            "Geneva Convention (III) relative to the Treatment of Prisoners of War",
            "treaty",
            _date("1949-08-12"),
            f"{_ICRC}/ihl-treaties/gciii-1949",
            _date("1950-10-21"),
        ),
        Instrument(
            "GCIV",
            "Geneva Convention (IV) relative to the Protection of Civilian Persons in Time of War",
            "treaty",
            _date("1949-08-12"),
            f"{_ICRC}/ihl-treaties/gciv-1949",
            _date("1950-10-21"),
        ),
        Instrument(
            "API",
            "Protocol Additional to the Geneva Conventions, relating to the "
            "Protection of Victims of International Armed Conflicts (Protocol I)",
            "treaty",
            _date("1977-06-08"),
            f"{_ICRC}/ihl-treaties/api-1977",
            _date("1978-12-07"),
        ),
        Instrument(
            "CIHL",
            "Customary International Humanitarian Law (ICRC study)",
            "custom",
            _date("2005-01-01"),
            f"{_ICRC}/customary-ihl/v1",
        ),
        Instrument(
            "ICRC-COM-2020",
            "ICRC Commentary on the Third Geneva Convention (2020)",
            "interpretive",
            _date("2020-06-01"),
            f"{_ICRC}/ihl-treaties/gciii-1949",
        ),
        Instrument(
            "RC",
            "Convention relating to the Status of Refugees (1951) and its 1967 Protocol",
            "treaty",
            _date("1951-07-28"),
            "https://www.unhcr.org/media/convention-and-protocol-relating-status-refugees",
            _date("1954-04-22"),
        ),
        Instrument(
            "CAT",
            "Convention against Torture and Other Cruel, Inhuman or Degrading "
            "Treatment or Punishment",
            "treaty",
            _date("1984-12-10"),
            "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "convention-against-torture-and-other-cruel-inhuman-or-degrading",
            _date("1987-06-26"),
        ),
        Instrument(
            "ICCPR",
            "International Covenant on Civil and Political Rights",
            "treaty",
            _date("1966-12-16"),
            "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
            "international-covenant-civil-and-political-rights",
            _date("1976-03-23"),
        ),
        Instrument(
            "ECHR",
            "European Convention on Human Rights",
            "treaty",
            _date("1950-11-04"),
            "https://www.echr.coe.int/documents/d/echr/convention_ENG",
            _date("1953-09-03"),
        ),
        Instrument(
            "ECHR-P13",
            "Protocol No. 13 to the European Convention on Human Rights, "
            "concerning the abolition of the death penalty in all circumstances",
            "treaty",
            _date("2002-05-03"),
            "https://www.coe.int/en/web/conventions/full-list?module=treaty-detail&treatynum=187",
            _date("2003-07-01"),
        ),
        Instrument(
            "NKRA",
            "Republic of Korea: North Korean Refugees Protection and Settlement Support Act",
            "national",
            _date("1997-01-13"),
            "https://elaw.klri.re.kr/eng_mobile/viewer.do?hseq=20154&type=part&key=1",
            state="KR",
        ),
        Instrument(
            "ROK-CONST",
            "Constitution of the Republic of Korea",
            "national",
            _date("1987-10-29"),
            "https://elaw.klri.re.kr/eng_service/lawView.do?hseq=1&lang=ENG",
            state="KR",
        ),
        Instrument(
            "ROK-DECL",
            "Republic of Korea: declarations made on acceding to the Geneva Conventions (1966)",
            "interpretive",
            _date("1966-08-16"),
            "https://ihl-databases.icrc.org/applic/ihl/ihl.nsf/Notification.xsp?action="
            "openDocument&documentId=1C6F6F6349C065D3C1256402003F95D4",
            state="KR",
        ),
        Instrument(
            "RU-CC",
            "Criminal Code of the Russian Federation",
            "national",
            _date("1996-06-13"),
            "http://pravo.gov.ru/proxy/ips/?docbody=&nd=102041891",
            state="RU",
        ),
        Instrument(
            "PANMUNJOM",
            "Korean War Armistice Agreement (1953)",
            "interpretive",
            _date("1953-07-27"),
            "https://peacemaker.un.org/sites/peacemaker.un.org/files/"
            "KP%2BKR_530727_AgreementConcerningMilitaryArmistice.pdf",
        ),
    )
}
"""The instruments the provisions belong to, by id."""


def _gc(
    instrument: str,
    slug: str,
    article: str,
    paraphrase: str,
    pid: str | None = None,
) -> Provision:
    number = re.match(r"\d+", article)
    assert number is not None
    return Provision(
        pid or f"{instrument}-{article}",
        instrument,
        f"Art. {article}",
        paraphrase,
        f"{_ICRC}/ihl-treaties/{slug}/article-{number.group()}",
    )


def _gciii(article: str, paraphrase: str) -> Provision:
    return _gc("GCIII", "gciii-1949", article, paraphrase)


def _gciv(article: str, paraphrase: str) -> Provision:
    return _gc("GCIV", "gciv-1949", article, paraphrase)


def _api(article: str, paraphrase: str) -> Provision:
    return _gc("API", "api-1977", article, paraphrase)


def _cihl(rule: int, paraphrase: str) -> Provision:
    return Provision(
        f"CIHL-{rule}", "CIHL", f"Rule {rule}", paraphrase, f"{_ICRC}/customary-ihl/v1/rule{rule}"
    )


def _commentary(article: int, paraphrase: str) -> Provision:
    return Provision(
        f"ICRC-COM-2020-GCIII-{article}",
        "ICRC-COM-2020",
        f"Commentary on Art. {article}",
        paraphrase,
        f"{_ICRC}/ihl-treaties/gciii-1949/article-{article}/commentary/2020",
    )


def _other(pid: str, instrument: str, article: str, paraphrase: str) -> Provision:
    return Provision(pid, instrument, article, paraphrase, INSTRUMENTS[instrument].url)


PROVISIONS: dict[str, Provision] = {
    p.id: p
    for p in (
        # Geneva Convention III
        _gciii(
            "4",
            "Lists who becomes a prisoner of war on falling into enemy hands, starting "
            "with members of a party's armed forces.",
        ),
        _gciii(
            "4A(1)",
            "Soldiers of a belligerent's regular army, and militias that belong to that army, "
            "become prisoners of war once the enemy holds them.",
        ),
        _gciii(
            "5",
            "Protection runs from capture until final release and repatriation; if it "
            "is doubtful whether a captive is a prisoner of war, he keeps that protection "
            "until a competent tribunal decides.",
        ),
        _gciii(
            "6",
            "Parties may make special agreements about prisoners, but none may worsen "
            "their situation or cut down their rights under the Convention.",
        ),
        _gciii(
            "7",
            "Prisoners of war cannot give up, wholly or partly, the rights the "
            "Convention secures them.",
        ),
        _gciii(
            "12",
            "Prisoners are in the power of the enemy state, which answers for their "
            "treatment; it may transfer them only to another party it has found willing and "
            "able to apply the Convention, and must correct or take back a failed transfer.",
        ),
        _gciii(
            "12(2)",
            "A transfer is allowed only to a party to the Convention, after the "
            "transferring power has satisfied itself that the receiver will and can apply "
            "it; responsibility then rests with the receiver.",
        ),
        _gciii(
            "12(3)",
            "If the receiving power fails to apply the Convention in an important "
            "respect, the transferring power, once notified, must correct the situation or "
            "ask for the prisoners back.",
        ),
        _gciii(
            "13",
            "The holding state must treat prisoners decently throughout, shield them from "
            "harm, threats, abuse and being put on show, and never retaliate against them.",
        ),
        _gciii(
            "15",
            "The detaining power must keep prisoners at no cost to them and give them "
            "the medical care their health needs.",
        ),
        _gciii(
            "17",
            "A prisoner need only give his name, rank, date of birth and number; no "
            "torture or coercion may be used to get information, and questioning must be in "
            "a language he understands.",
        ),
        _gciii(
            "30",
            "Every camp must have an infirmary; prisoners with serious illness must be "
            "admitted to a medical unit able to treat them.",
        ),
        _gciii("31", "Prisoners must have a medical inspection at least once a month."),
        _gciii(
            "70",
            "Each prisoner must be able to send a capture card to his family and the "
            "Central Agency at once, and at the latest a week after reaching a camp.",
        ),
        _gciii(
            "82",
            "Prisoners are subject to the laws and orders in force in the detaining "
            "power's armed forces.",
        ),
        _gciii(
            "84",
            "Prisoners are tried by military courts as a rule, and never by a court "
            "lacking the essential guarantees of independence and impartiality.",
        ),
        _gciii(
            "85",
            "A prisoner prosecuted for acts committed before capture keeps the "
            "Convention's benefits even if convicted (reserved by some states).",
        ),
        _gciii(
            "91",
            "An escape succeeds when he rejoins his own or allied forces or leaves "
            "territory the detaining power controls; a successful escapee who is captured "
            "again cannot be punished for that escape.",
        ),
        _gciii(
            "92",
            "A prisoner caught before his escape succeeds is liable only to "
            "disciplinary punishment for it.",
        ),
        _gciii(
            "99",
            "No prisoner may be tried or sentenced for an act that was not an offence "
            "when committed, nor be coerced into admitting guilt, nor convicted without a "
            "defence.",
        ),
        _gciii(
            "105",
            "An accused prisoner is entitled to a qualified advocate, an interpreter, "
            "witnesses and notice of the charges in good time.",
        ),
        _gciii(
            "108",
            "Sentences are served in the same places and conditions as for members "
            "of the detaining power's forces.",
        ),
        _gciii(
            "109",
            "Seriously wounded and sick prisoners must be sent home once fit to "
            "travel, or may be accommodated in a neutral state; during hostilities none of "
            "them may be repatriated against his will.",
        ),
        _gciii(
            "109(3)",
            "While the fighting goes on, a sick or wounded prisoner who qualifies for going "
            "home is not sent home unless he agrees.",
        ),
        _gciii(
            "110",
            "Sets out who is repatriated directly: the incurable, those unlikely to "
            "recover within a year, and those permanently and gravely impaired.",
        ),
        _gciii(
            "111",
            "The detaining power, the power of origin and a neutral power may agree "
            "to intern prisoners in the neutral state until hostilities end.",
        ),
        _gciii(
            "112",
            "Mixed medical commissions examine sick and wounded prisoners and decide "
            "on repatriation; manifest cases may be decided without them.",
        ),
        _gciii(
            "118",
            "When the fighting is over, prisoners are to be freed and sent home promptly, by "
            "agreement between the parties or, if there is none, by the holding state's own "
            "plan.",
        ),
        _gciii(
            "119",
            "Sets how repatriation is carried out; prisoners facing proceedings for an "
            "indictable offence may be held until the proceedings and any sentence end.",
        ),
        _gciii(
            "119(5)",
            "A prisoner who is being prosecuted, or is serving a sentence, for a serious "
            "offence may be kept after the others go home until that is finished.",
        ),
        _gciii(
            "120",
            "A prisoner's death must be certified and notified, and he must be buried honourably.",
        ),
        _gciii(
            "121",
            "Every death or serious injury caused, or suspected to be caused, by a "
            "guard, another prisoner or anyone else, or of unknown cause, must be the "
            "subject of an official inquiry.",
        ),
        _gciii(
            "122",
            "Each party runs an information bureau that records prisoners and passes "
            "their details quickly to the powers concerned through the Central Agency.",
        ),
        _gciii(
            "123",
            "A Central Prisoners of War Information Agency (run by the ICRC) gathers "
            "and passes on information about prisoners.",
        ),
        _gciii(
            "126",
            "Delegates of the protecting power and the ICRC may visit every place "
            "where prisoners are and talk with them without witnesses; visits may be stopped "
            "only temporarily, for imperative military necessity.",
        ),
        _gciii(
            "130",
            "Wilful killing, torture, inhuman treatment and denial of a fair trial of "
            "prisoners are grave breaches.",
        ),
        # Geneva Convention IV
        _gciv(
            "5",
            "A protected person suspected of hostile activity may lose some rights, but "
            "keeps humane treatment and a fair trial.",
        ),
        _gciv(
            "43",
            "An internee may have his internment reconsidered by a court or board, "
            "which must review it at least twice a year.",
        ),
        _gciv(
            "45",
            "A civilian in enemy hands may be handed to another state only if it will and can "
            "apply the Convention, and never to one where he has reason to fear persecution "
            "for his politics or religion.",
        ),
        _gciv(
            "132",
            "A civilian internee is to be let go once the grounds for holding him have fallen "
            "away.",
        ),
        # Additional Protocol I
        _api(
            "41",
            "A person who is hors de combat (surrendering, wounded, sick or unconscious) "
            "must not be attacked.",
        ),
        _api(
            "43",
            "A party's armed forces are its organised forces under a responsible "
            "command; their members are combatants entitled to take a direct part in "
            "hostilities.",
        ),
        _api(
            "45",
            "A captured fighter who claims prisoner-of-war status is presumed to have "
            "it; doubts go to a tribunal, and one tried for an offence arising from hostilities "
            "may have his status decided by a judicial tribunal.",
        ),
        _api(
            "75",
            "Anyone in a party's power who has no better protection keeps minimum "
            "guarantees: humane treatment, no torture and a fair trial.",
        ),
        _api(
            "85",
            "Adds grave breaches of the Protocol, among them unjustifiable delay in "
            "repatriating prisoners of war.",
        ),
        _api(
            "85(4)(b)",
            "Holding back the return home of prisoners or civilians without good reason "
            "counts as a grave breach.",
        ),
        # Customary IHL
        _cihl(47, "No one may target a fighter who is plainly out of the fight."),
        _cihl(
            100,
            "A conviction or a sentence needs a fair trial with the basic guarantees of justice.",
        ),
        _cihl(
            124,
            "In a war between states, the ICRC must be able to see everyone held, regularly.",
        ),
        _cihl(
            128,
            "Custom requires prisoners to be freed and sent home promptly once the fighting "
            "is over; those being prosecuted or serving a sentence may be kept until that is "
            "done.",
        ),
        # ICRC 2020 commentary
        _commentary(
            12,
            "Reads the transfer rule as barring a transfer where there are "
            "substantial grounds to fear that the prisoner would face violations of his "
            "fundamental rights (non-refoulement).",
        ),
        _commentary(
            13,
            "Reads protection from public curiosity as generally barring the "
            "publication of images that identify prisoners, with narrow exceptions.",
        ),
        _commentary(
            118,
            "Reads the duty to repatriate as subject to non-refoulement: a "
            "prisoner facing a real risk of fundamental-rights violations is not to be "
            "repatriated against his will, which the ICRC may verify in private.",
        ),
        # Refugee law
        _other(
            "RC-1A(2)",
            "RC",
            "Art. 1A(2)",
            "A refugee fears persecution for his race, "
            "religion, nationality, social group or political opinion and is outside his "
            "country; one with several nationalities must lack the protection of each.",
        ),
        _other(
            "RC-1F",
            "RC",
            "Art. 1F",
            "The Convention does not cover a person seriously "
            "suspected of war crimes, crimes against humanity, serious non-political crimes "
            "before admission, or acts against the purposes of the United Nations.",
        ),
        _other(
            "RC-33",
            "RC",
            "Art. 33",
            "A state may not push a refugee back to a place where he would be in danger of "
            "death or loss of freedom because of who he is or what he believes.",
        ),
        _other(
            "RC-33(2)",
            "RC",
            "Art. 33(2)",
            "The bar on return does not protect a refugee "
            "who is a danger to the host country's security or, convicted of a particularly "
            "serious crime, a danger to its community.",
        ),
        # Human rights law
        _other(
            "CAT-3",
            "CAT",
            "Art. 3",
            "A state may not hand anyone over to another state when there are solid reasons "
            "to think he would be tortured there.",
        ),
        _other(
            "ICCPR-6",
            "ICCPR",
            "Art. 6",
            "Everyone has the inherent right to life; read "
            "with the Covenant's general duty, no one may be sent where he faces a real risk "
            "of being killed, including by a death sentence.",
        ),
        _other(
            "ICCPR-7",
            "ICCPR",
            "Art. 7",
            "No one may be tortured or treated cruelly, "
            "inhumanly or degradingly; this also bars sending a person where he faces such "
            "treatment.",
        ),
        _other(
            "ICCPR-14",
            "ICCPR",
            "Art. 14",
            "A person accused of a crime has a right to a public trial, fairly conducted, "
            "before a court that is independent and unbiased.",
        ),
        _other(
            "ICCPR-17",
            "ICCPR",
            "Art. 17",
            "No one's privacy, family or home may be "
            "arbitrarily interfered with, nor his honour and reputation unlawfully "
            "attacked.",
        ),
        _other("ECHR-2", "ECHR", "Art. 2", "The law must protect each person's life."),
        _other(
            "ECHR-3",
            "ECHR",
            "Art. 3",
            "No one may be tortured or subjected to inhuman or "
            "degrading treatment; a state may not send a person to face such a risk.",
        ),
        _other(
            "ECHR-P13-1",
            "ECHR-P13",
            "Art. 1",
            "The death penalty is abolished in all circumstances.",
        ),
        # Republic of Korea
        _other(
            "NKRA-3",
            "NKRA",
            "Art. 3",
            "The Act covers North Koreans who have left the "
            "North and expressed the wish to be protected by the Republic of Korea.",
        ),
        _other(
            "NKRA-8",
            "NKRA",
            "Art. 8",
            "The government decides whether to protect an "
            "applicant, after review; security-sensitive cases go to the intelligence "
            "service.",
        ),
        _other(
            "NKRA-9",
            "NKRA",
            "Art. 9",
            "Protection may be refused to, among others, those "
            "suspected of serious international or non-political crimes such as murder, and "
            "to suspected disguised defectors.",
        ),
        _other(
            "ROK-CONST-3",
            "ROK-CONST",
            "Art. 3",
            "The territory of the Republic of Korea is "
            "the whole Korean peninsula and its islands.",
        ),
        _other(
            "ROK-DECL-GCIII-118",
            "ROK-DECL",
            "Declaration on GCIII Art. 118(1)",
            "The "
            "Republic of Korea reads Article 118(1) as not requiring a detaining power to "
            "repatriate prisoners by force against their openly and freely expressed will.",
        ),
        # Russia
        _other(
            "RU-CC-352.1",
            "RU-CC",
            "Art. 352.1",
            "Makes voluntary surrender into captivity "
            "by a serviceman a crime punished with imprisonment (added in 2022).",
        ),
        # The 1953 armistice
        _other(
            "PANMUNJOM-51",
            "PANMUNJOM",
            "Art. III, para. 51",
            "Prisoners who insisted on "
            "repatriation were to be sent home directly; the others were handed to a neutral "
            "repatriation commission.",
        ),
    )
}
"""Every provision the code cites, by id."""

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
    if not isinstance(provision_id, str):
        raise UnknownProvision(repr(provision_id))
    try:
        return PROVISIONS[provision_id]
    except KeyError:
        raise UnknownProvision(provision_id, closest(provision_id, PROVISIONS)) from None


def resolves(provision_id: str) -> bool:
    """Whether ``provision_id`` is in the catalogue."""
    return provision_id in PROVISIONS


def ids() -> Iterator[str]:
    """Every provision id, in catalogue order."""
    return iter(PROVISIONS)


def matches(cited: str, wanted: str) -> bool:
    """Whether a cited id satisfies a wanted id: exactly, or with a paragraph added.

    >>> matches("GCIII-109(3)", "GCIII-109"), matches("GCIII-1090", "GCIII-109")
    (True, False)
    """
    return cited == wanted or cited.startswith(wanted + "(")


def well_formed(provision_id: str) -> bool:
    """Whether an id has the catalogue's shape (used to validate ids users write)."""
    return bool(_ID.match(provision_id))
