"""The law's texts in a reader's language: reasons, flags, obligations, provisions, names.

Each function returns a :class:`~powcase._util.i18n.Translated`: the text in ``lang`` (one of
:data:`~powcase._util.i18n.LANGUAGES`), or the English text marked ``fallback`` where the
catalogue has none, as for an entry a law overlay added or replaced. A reason's sentence is
filled with the same values as :meth:`Law.render <powcase.law.book.Law.render>` fills the
English one, its derived clauses worded in the same language; ids and codes given as values
(provision ids, state codes, event names) are kept as they are.

>>> from powcase.law.book import Law
>>> law = Law.packaged()
>>> reason(law, "no_known_risk", {"to": "RU"}, "uk").text
'Жодного ризику для нього в RU не зафіксовано.'
>>> reason(law, "no_known_risk", {"to": "RU"}, "en").text
'No risk to him in RU is on record.'
>>> provision(law, "GCIII-118", "ko").fallback
False
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from statemachine import Event

from powcase._util.i18n import SOURCE_LANGUAGE, Translated, lookup
from powcase.chart import LegalPath
from powcase.engine.table import NODES
from powcase.law import clauses
from powcase.law.book import Law
from powcase.model.events import EVENT_TYPES, RISK_KINDS

__all__ = [
    "EVENT_NAMES",
    "article",
    "concern",
    "event",
    "event_description",
    "event_doc",
    "flag",
    "instrument",
    "obligation",
    "party",
    "provision",
    "reason",
    "reservation",
    "state",
    "treatment",
]


def reason(law: Law, code: str, params: Mapping[str, Any], lang: str) -> Translated:
    """The sentence of reason ``code`` filled with ``params``, in ``lang`` (in English, what
    :meth:`Law.render <powcase.law.book.Law.render>` gives).
    """
    if lang == SOURCE_LANGUAGE:
        return Translated(law.render(code, params), lang)
    sentence = lookup(f"reason:{code}", law.messages[code], lang)

    def wording(context: str, message: str) -> str:
        return lookup(context, message, lang).text

    worded = {
        k: _risks(v, wording) if k in _RISK_LISTS and isinstance(v, str) else v
        for k, v in params.items()
    }
    if isinstance(worded.get("summary"), str) and isinstance(worded.get("state"), str):
        worded["summary"] = reservation(law, worded["state"], worded["summary"], lang).text
    return sentence.format(**clauses.values(worded, wording))


_RISK_LISTS = frozenset({"risks", "kinds"})
"""The parameters that list risk kinds: in words ("torture and death", for ``risks``) or as
codes ("persecution, torture", for ``kinds``)."""


def _risks(value: str, wording: clauses.Wording) -> str:
    """A list of risk kinds in the reader's words; the value as given if any item is not a
    risk kind (it is then shown as the rule gave it).
    """
    items = [item.strip().replace(" ", "_") for item in re.split(r",| and ", value)]
    if not all(item in RISK_KINDS for item in items):
        return value
    words = [wording(f"risk:{item}", item.replace("_", " ")) for item in items]
    if len(words) < 2:
        return words[0]
    joined = ", ".join(words[:-1])
    return f"{joined} {wording('clause:and', clauses.AND)} {words[-1]}"


def flag(law: Law, code: str, lang: str) -> Translated:
    """What flag ``code`` means, in ``lang``."""
    return lookup(f"flag:{code}", law.flags[code].text, lang)


def obligation(law: Law, code: str, lang: str, provision: str | None = None) -> Translated:
    """What obligation ``code`` asks, in ``lang``; resting on ``provision`` where given (a
    protected person's obligation may be worded after its own provision).
    """
    rule = law.obligations[code]
    for key, text in rule.texts:
        if provision is not None and getattr(rule, key) == provision:
            return lookup(f"obligation:{code}:{key}", text, lang)
    return lookup(f"obligation:{code}", rule.text, lang)


def provision(law: Law, provision_id: str, lang: str) -> Translated:
    """Our paraphrase of ``provision_id``, in ``lang`` (an unofficial translation)."""
    return lookup(f"provision:{provision_id}", law.provision(provision_id).paraphrase, lang)


def article(law: Law, provision_id: str, lang: str) -> Translated:
    """The article label of ``provision_id`` (``Art. 118``), in ``lang``."""
    return lookup(f"article:{provision_id}", law.provision(provision_id).article, lang)


def instrument(law: Law, instrument_id: str, lang: str) -> Translated:
    """The title of the instrument ``instrument_id``, in ``lang``."""
    return lookup(f"instrument:{instrument_id}", law.instruments[instrument_id].title, lang)


def party(law: Law, code: str, lang: str) -> Translated:
    """The name of the state ``code``, in ``lang``."""
    return lookup(f"party:{code}", law.party(code).name, lang)


def state(state_id: str, lang: str) -> Translated:
    """The name of the legal path's state (or region) ``state_id``, in ``lang``."""
    return lookup(f"state:{state_id}", NODES[state_id].name, lang)


def concern(law: Law, concern_id: str, lang: str) -> Translated:
    """The title of the concern ``concern_id``: in ``lang`` where it is our description of a
    publication (in square brackets), else the publication's own title, as published.
    """
    title = law.concerns[concern_id].title
    if title.startswith("["):
        return lookup(f"concern:{concern_id}", title, lang)
    return Translated(title, lang)


def event(event_id: str, lang: str) -> Translated:
    """The name of the legal path's event ``event_id``, in ``lang``; an event of no
    transition (an incident) has no name but its id, which stays as it is.
    """
    name = EVENT_NAMES.get(event_id)
    if name is None:
        return Translated(event_id, lang)
    return lookup(f"event:{event_id}", name, lang)


EVENT_NAMES: dict[str, str] = {
    e.id: str(e.name) for e in vars(LegalPath).values() if isinstance(e, Event)
}
"""The chart's English name of each event of the legal path, by id."""


def reservation(law: Law, state: str, summary: str, lang: str) -> Translated:
    """Our summary of a reservation (or declaration) of ``state``, given in English, in
    ``lang``; the English, marked, where none of the state's reservations has it.
    """
    party = law.parties.get(state)
    for entry in party.reservations if party is not None else ():
        if entry.summary == summary:
            return lookup(f"reservation:{state}:{entry.provision}", summary, lang)
    return Translated(summary, lang, fallback=lang != SOURCE_LANGUAGE)


def treatment(law: Law, state: str, summary: str, lang: str) -> Translated:
    """Our summary of what ``state`` does to those returned to it (one entry of its treatment,
    given in English) in ``lang``; the English, marked, where it has no translation.
    """
    party = law.parties.get(state)
    for n, entry in enumerate(party.treatment if party is not None else ()):
        if entry.summary == summary:
            return lookup(f"treatment:{state}:{n}", summary, lang)
    return Translated(summary, lang, fallback=lang != SOURCE_LANGUAGE)


def event_doc(cls: type) -> str:
    """What an event records, in English, as ``describe`` says it: the first line of its
    class's docstring.
    """
    return (cls.__doc__ or "").strip().splitlines()[0]


def event_description(event_id: str, lang: str) -> Translated:
    """What the event ``event_id`` records (:func:`event_doc`), in ``lang``."""
    return lookup(f"event-doc:{event_id}", event_doc(EVENT_TYPES[event_id]), lang)
