"""The message catalogue: the sentence of every reason, keyed by its stable code.

Reasons carry a code and parameters; their text is rendered from here, so a translation is one
more catalogue with the same keys. ``tests/test_messages.py`` checks that every code the law
uses has a sentence and that every sentence's placeholders are filled.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

__all__ = ["FLAG_MESSAGES", "MESSAGES", "OBLIGATION_MESSAGES", "placeholders", "render"]

MESSAGES: dict[str, str] = {
    # the graph
    "not_possible_from_state": "The legal path has no {event} move from {state}.",
    # when a rule binds
    "rule_not_binding": "{provision} did not bind {state} on {date}, so its rule is not applied.",
    "customary_rule_applies": "{provision} did not bind {state} on {date}; the customary rule "
    "applies instead.",
    "reservation_in_force": "{state} made a reservation here: {summary}",
    # before custody
    "hors_de_combat_protected": "Once out of combat he may no longer be attacked.",
    "surrender_punished_at_home": "His own state, {state}, punishes surrender ({kinds}).",
    "rejoined_forces": "He regained his own lines before being secured, so he is a fighter again.",
    "protection_starts": "He is in the power of the detaining state; the Convention's "
    "protection starts now.",
    "captured_by_another_state": "He was captured by {by} but is held by {holder}, which now "
    "answers for him.",
    # status
    "keeps_pow_protection": "While his status is in doubt he keeps prisoner-of-war protection.",
    "tribunal_decided": "A competent tribunal decided his status: {outcome}.",
    "status_denial_needs_tribunal": "Only a competent tribunal may decide that he is not a "
    "prisoner of war (outcome asked: {outcome}).",
    "pow_by_authority_needs_own_forces": "An authority may find him a prisoner of war only "
    "as a member of his own state's forces: he served in "
    "{forces}'s forces but is a national of "
    "{nationality}; only a tribunal can decide.",
    "member_of_armed_forces": "He served in the armed forces of {forces}, so he is a prisoner "
    "of war.",
    # protection requests
    "asylum_elsewhere": "Asylum is asked of the detaining state ({holder}), not {state}; ask "
    "{state} for release to it instead.",
    "asylum_barred_while_pow": "Under this reading a prisoner of war may claim asylum only "
    "after his release.",
    "may_seek_asylum": "He may ask {state} for asylum.",
    "third_state_is_holder": "{state} is the detaining state: ask it for asylum instead.",
    "asks_korean_protection": "He asks for the protection the Republic of Korea gives North "
    "Koreans who seek it.",
    "asks_third_state": "He asks to be released to {state}.",
    "protection_refused": "{state} refused the request, which is its decision to make.",
    "korean_protection_decided": "The Republic of Korea decided to protect him.",
    "third_state_decided": "{state} decided to accept him.",
    "excluded_war_crimes": "A credible allegation of war crimes excludes him from refugee status.",
    "other_nationality_protects": "Under this reading {state} counts him as its national and "
    "would protect him, so he is not a refugee.",
    "asylum_granted": "{state} granted him asylum.",
    # penal proceedings
    "combatant_immunity": "A prisoner of war cannot be punished for lawfully taking part in "
    "hostilities.",
    "no_combatant_immunity": "Not held as a prisoner of war, he has no combatant immunity for "
    "taking part in hostilities.",
    "war_crime_charge": "He may be tried for war crimes, and keeps the Convention's protection "
    "while tried.",
    "ordinary_charge": "He is subject to the detaining power's military law.",
    "unfair_trial": "The trial lacked the guarantees the law requires, so no conviction may "
    "follow from it.",
    "conviction_needs_status_tribunal": "He is not held as a prisoner of war and no tribunal "
    "has decided his status, which must come first.",
    "convicted_after_fair_trial": "He was convicted after a trial with the required guarantees.",
    "acquitted": "He was acquitted; the proceedings end.",
    "sentence_served": "He has served his sentence.",
    # moves
    "no_exchange_agreement": "No exchange agreement between {holder} and {to} is on record.",
    "exchange_agreed": "An exchange agreement with {to} is on record.",
    "against_his_will": (
        "He is seriously wounded or sick and the fighting goes on, so he goes home only if he "
        "agrees, and no wish of his to go to {to} is on record."
    ),
    "gciii_110_finding": "A finding that he qualifies for direct repatriation is on record.",
    "no_gciii_110_finding": "No finding that he qualifies for direct repatriation is on record.",
    "neutral_internment_agreed": "An agreement for his internment in {state} is on record.",
    "no_neutral_agreement": "No agreement for internment in {state} is on record.",
    "receiver_not_bound": "The parties table does not show {to} bound by the Convention on "
    "prisoners of war, so he may not be transferred to it.",
    "receiver_has_not_consented": "{to} has not agreed to receive him and apply the Convention.",
    "transfer_to_party": "{to} is a party to the Convention and has agreed to receive him.",
    "receiver_failed": "{state} was notified to be failing to apply the Convention, so he is "
    "taken back.",
    "no_failure_notified": "No notified failure of {state} to apply the Convention is on record.",
    "released_as_refugee": "He was granted asylum, so he is released under its protection.",
    "internment_release": "A review ordered his release from internment.",
    "no_ground_for_release": "No ground for release in the detaining state is on record: no "
    "asylum granted, no end of hostilities, no review ordering "
    "release.",
    "every_return_barred": "Hostilities have ended and every return ({states}) is barred, so "
    "he is released where he is.",
    "return_possible": "A return ({states}) is not barred, so release in the detaining state "
    "has no ground.",
    "third_state_consents": "{to} has agreed to receive him.",
    "third_state_has_not_consented": "{to} has not agreed to receive him.",
    "no_wish_for_third_state": "No wish of his to go to {to} is on record.",
    "release_only_as_transfer": "Under this reading, before hostilities end he may go to {to} "
    "only as a prisoner transferred to another power.",
    "release_barred_during_hostilities": "Under this reading no prisoner may be released to a "
    "third state before hostilities end.",
    "national_law_not_modelled": "The protection law of {state} is not modelled; no rule is "
    "applied.",
    "asked_korean_protection": "He asked for the Republic of Korea's protection.",
    "no_request_to_korea": "He has not asked for the Republic of Korea's protection.",
    "hostilities_not_ended": "Active hostilities have not ended, so release and repatriation "
    "are not yet due.",
    "repatriation_due": "Active hostilities have ended: his release and return to {to} are due.",
    "hold_back_allowed": "Proceedings against him are pending or he is serving a sentence: he "
    "may be held back, but need not be.",
    # non-refoulement
    "no_known_risk": "No risk to him in {to} is on record.",
    "refoulement_icrc_2020": "{to} is a move towards {risks}{onward_text}, and no verified, "
    "free wish of his to go there is on record.",
    "refoulement_free_will": "He has openly and freely refused to go to {to}, and under this "
    "reading he may not be sent there against that will.",
    "refoulement_human_rights": "There is a real risk of {risks} in {to}{onward_text}; no one "
    "may be sent to face it.",
    "refoulement_refugee": "He was granted asylum and faces persecution in {to}, so he may not "
    "be returned there.",
    "transfer_to_persecution": "A civilian internee may not be sent to {to}, where he may fear "
    "persecution.",
    "risk_accepted_by_verified_wish": "He faces {risks} in {to}, but his verified, free wish "
    "is to go there.",
    "rc_33_2_may_apply": "He was granted asylum but has been convicted: the exception for a "
    "refugee convicted of a particularly serious crime may apply.",
    # incidents that are breaches
    "identifiable_media_by_detaining_power": "{holder}, the detaining power, published images "
    "or video that identify him.",
    "coercive_interrogation_breach": "He was questioned under coercion, which no prisoner may be.",
    # escape and death
    "escape_succeeded": "His escape succeeded.",
    "no_punishment_for_escape": "Recaptured after a successful escape, he may not be punished "
    "for it.",
    "death_needs_inquiry": "A death in custody from this cause ({cause}) calls for an official "
    "inquiry.",
    "death_recorded": "His death (cause: {cause}) must be certified and notified.",
}
"""Every reason's sentence, by code."""

FLAG_MESSAGES: dict[str, str] = {
    "refoulement_risk": "He could be moved to a state where he faces persecution, torture or "
    "death, directly or through an ally that would pass him on.",
    "persecution_on_return": "His own state answers what happened to him (capture, surrender) "
    "with persecution, torture or death.",
    "prosecution_on_return": "His own state prosecutes what happened to him (e.g. a voluntary "
    "surrender).",
    "self_harm_risk": "He was ordered to harm himself rather than be captured, or has tried "
    "to in custody.",
    "coercive_interrogation": "He was questioned under coercion.",
    "public_curiosity": "Images, video or interviews that identify him were published.",
    "family_reprisal": "His identity is out while his state punishes the families of those "
    "captured, or his family was threatened.",
    "propaganda_use": "The detaining power itself exposed him to the media.",
    "bargaining_chip": "He was offered as currency in an exchange he did not seek.",
    "coerced_consent": "A wish of his may not be free: expressed under pressure, contradicted "
    "by another source, or unverified where it decides a move.",
    "notification_dilemma": "Information about him goes, or is due, to a state that punishes "
    "families.",
    "medical_need": "He was captured wounded or sick and no medical assessment is on record "
    "since.",
    "icrc_access_unconfirmed": "No ICRC visit is on record within the expected period after "
    "capture.",
    "prolonged_limbo": "His captivity is prolonged: past the assumed period, left out of an "
    "exchange, or past the delay for repatriation after hostilities.",
    "identity_documents": "He carried identity documents of another state, or false ones.",
    "interrogation_language": "He was questioned in a language he does not understand.",
}
"""What each humanitarian-risk flag means, by code."""

OBLIGATION_MESSAGES: dict[str, str] = {
    "capture_card": "Let him send a capture card to his family and the Central Agency.",
    "information": "Pass information about him to the information bureau and the Central Agency.",
    "icrc_access": "Let the ICRC visit him and talk with him in private.",
    "medical_inspection": "Give him a medical inspection at least once a month.",
    "internment_review": "Have his internment reviewed by a court or board at least twice a year.",
    "medical_repatriation": "Repatriate him, seriously wounded or sick, once he is fit to travel.",
    "repatriation": "Release and repatriate him without delay after active hostilities.",
    "death_notification": "Certify his death and notify it.",
    "death_inquiry": "Open an official inquiry into his death.",
}
"""What each obligation of the docket asks, by code."""

# Derived wording: parameters that are only sentence glue.
_DERIVED = {"onward_text"}


def placeholders(code: str) -> set[str]:
    """The parameters a message expects (derived wording excluded)."""
    return {name for _, name, _, _ in string.Formatter().parse(MESSAGES[code]) if name} - _DERIVED


def render(code: str, params: Mapping[str, Any]) -> str:
    """The sentence of ``code`` filled with ``params``.

    >>> render("no_known_risk", {"to": "RU"})
    'No risk to him in RU is on record.'
    """
    values = dict(params)
    onward = values.get("onward")
    values["onward_text"] = f", as it would pass him on to {onward}" if onward else ""
    return MESSAGES[code].format(**values)
