"""Who raised each kind of humanitarian concern: organisation, date, title and link.

A flag names the concerns of its kind, so a report can say "raised by Human Rights Watch,
26 February 2026" and link to it. The entries are about the North Korean prisoners held in
Ukraine since January 2025, and about prisoners of war in the same conflict. A title is the
publication's own where its address gives it; a title in square brackets is our description of
a publication whose title we could not check.
"""

from __future__ import annotations

import datetime

import attrs

__all__ = ["CONCERNS", "Concern", "concerns_for"]


@attrs.frozen
class Concern:
    """A published concern: who, when, under what title, where; and the flags it bears on."""

    id: str
    organisation: str
    date: datetime.date
    title: str
    url: str
    flags: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "id": self.id,
            "organisation": self.organisation,
            "date": self.date.isoformat(),
            "title": self.title,
            "url": self.url,
            "flags": list(self.flags),
        }


def _c(cid: str, organisation: str, date: str, title: str, url: str, *flags: str) -> Concern:
    return Concern(cid, organisation, datetime.date.fromisoformat(date), title, url, flags)


CONCERNS: dict[str, Concern] = {
    c.id: c
    for c in (
        _c(
            "hrw-2026-02-26",
            "Human Rights Watch",
            "2026-02-26",
            "A Year On, Two North Korean POWs in Ukraine Fear Forced Return",
            "https://www.hrw.org/news/2026/02/26/"
            "a-year-on-two-north-korean-pows-in-ukraine-fear-forced-return",
            "refoulement_risk",
            "persecution_on_return",
            "family_reprisal",
            "self_harm_risk",
            "prolonged_limbo",
            "coerced_consent",
        ),
        _c(
            "hrw-2022-03-16",
            "Human Rights Watch",
            "2022-03-16",
            "Ukraine: Respect Rights of Prisoners of War",
            "https://www.hrw.org/news/2022/03/16/ukraine-respect-rights-prisoners-war",
            "public_curiosity",
            "propaganda_use",
        ),
        _c(
            "ngos-2025-01-23",
            "North Korean human rights organisations (open letter)",
            "2025-01-23",
            "Human rights groups urge Ukrainian President Zelensky not to repatriate North "
            "Korean POWs",
            "https://koreajoongangdaily.joins.com/news/2025-01-23/national/northKorea/"
            "Human-rights-groups-urge-Ukrainian-President-Zelensky-not-to-repatriate-North-"
            "Korean-POWs/2229063",
            "public_curiosity",
            "family_reprisal",
            "refoulement_risk",
        ),
        _c(
            "ohchr-2025-02-20",
            "UN Office of the High Commissioner for Human Rights",
            "2025-02-20",
            "[KBS report of the OHCHR spokesperson's call to respect non-refoulement]",
            "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=191145",
            "refoulement_risk",
        ),
        _c(
            "un-sr-2026-02-06",
            "UN Special Rapporteur on human rights in the DPRK",
            "2026-02-06",
            "UN special rapporteur urges media restraint on North Korean POWs, dialogue with "
            "Pyongyang",
            "https://koreajoongangdaily.joins.com/news/2026-02-06/national/northKorea/"
            "UN-special-rapporteur-urges-media-restraint-on-North-Korean-POWs-dialogue-with-"
            "Pyongyang/2518063",
            "public_curiosity",
            "family_reprisal",
            "refoulement_risk",
            "propaganda_use",
        ),
        _c(
            "icrc-2025-02-13",
            "International Committee of the Red Cross",
            "2025-02-13",
            "ICRC in contact with Russia, Ukraine over foreign POWs in ongoing war",
            "https://nation.lk/online/"
            "icrc-in-contact-with-russia-ukraine-over-foreign-pows-in-ongoing-war-296845.html",
            "icrc_access_unconfirmed",
        ),
        _c(
            "nis-2025-01-13",
            "National Intelligence Service (Republic of Korea)",
            "2025-01-13",
            "North Korean troops told to choose suicide over capture in Ukraine: Seoul",
            "https://asia.nikkei.com/politics/ukraine-war/"
            "north-korean-troops-told-to-choose-suicide-over-capture-in-ukraine-seoul",
            "self_harm_risk",
        ),
        _c(
            "kbs-2025-02-19",
            "KBS World (interview reported by Chosun Ilbo)",
            "2025-02-19",
            "[KBS report of the prisoner's interview with Chosun Ilbo]",
            "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=191096",
            "persecution_on_return",
            "notification_dilemma",
        ),
        _c(
            "zelensky-2025-01-12",
            "Hindustan Times (statement of the President of Ukraine)",
            "2025-01-12",
            "Zelensky ready to exchange North Korean soldiers for Ukrainians held in Russia",
            "https://www.hindustantimes.com/world-news/"
            "zelensky-ready-to-exchange-north-korean-soldiers-for-ukrainians-held-in-russia-"
            "101736709514069.html",
            "bargaining_chip",
        ),
        _c(
            "joongang-2026-02-11",
            "Korea JoongAng Daily",
            "2026-02-11",
            "Seoul treads legal, ethical minefield over fate of North Korean POWs in Ukraine",
            "https://koreajoongangdaily.joins.com/news/2026-02-11/national/northKorea/"
            "Seoul-treads-legal-ethical-minefield-over-fate-of-North-Korean-POWs-in-Ukraine/"
            "2520410",
            "prolonged_limbo",
            "bargaining_chip",
        ),
        _c(
            "donga-2025-01-13",
            "The Dong-A Ilbo",
            "2025-01-13",
            "[Report on the Russian military identity documents the prisoners carried]",
            "https://www.donga.com/en/article/all/20250113/5395753/1",
            "identity_documents",
        ),
        _c(
            "koreaherald-2025-10-28",
            "The Korea Herald",
            "2025-10-28",
            "[Report of a visit to both prisoners: their wish, their health, self-harm attempts]",
            "https://www.koreaherald.com/article/10606028",
            "self_harm_risk",
            "medical_need",
            "coerced_consent",
        ),
    )
}
"""Published concerns, by id."""


def concerns_for(flag: str) -> tuple[str, ...]:
    """The ids of the concerns bearing on a flag code, oldest first."""
    found = sorted((c for c in CONCERNS.values() if flag in c.flags), key=lambda c: c.date)
    return tuple(c.id for c in found)
