"""Starter scenarios: commented scenario files a new user copies and edits (``powcase new``).

Each starter is YAML text whose comments explain every part: the subject, the detaining
power, the sources, the events, the assumptions, the expectations and a variant. Every starter
is a valid scenario whose expectations hold (the test suite runs each one), so a user starts
from a file that works and changes one thing at a time.

Every starter is a made-up case and says so: a pseudonym, illustrative dates in 2030 and
events that are no real person's facts, so that no one mistakes a starter for a record.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["STARTERS", "Starter", "starter"]


class Starter(NamedTuple):
    """A starter scenario: its kind (``powcase new --kind``), what it shows, its text.

    A plain tuple: the command lists the kinds in its help, which must load quickly.
    """

    kind: str
    summary: str
    text: str


_HEAD = """\
# A powcase scenario: one person's record, the reading of the law it is judged under, and
# what you expect. Check it with `powcase validate FILE`, run it with `powcase run FILE`, test
# its expectations with `powcase test FILE`. `powcase describe` lists every state, event and
# field with its values, and `powcase schema` prints a JSON Schema an editor can check this
# file against; every key is explained in the scenario-format reference of powcase's
# documentation (docs/reference/scenario-format.md in its source).
#
# A MADE-UP CASE: the person, the dates (in 2030) and the events are hypothetical, for
# illustration only; they are no real person's facts. Replace them with a real record and
# its sources before you rely on any result.
powcase: 1                  # the format version: always 1
"""

_SUBJECT = """\
# The person. `id` is a pseudonym used in the output. A `name` is personal data: it is
# withheld from every output unless you run with --reveal-names, so leave it out if you can.
subject:
  id: {id}
  nationality: [{nationality}]      # ISO 3166 alpha-2 codes, upper case
  forces: {forces}                  # whose armed forces he served in
  rank: soldier                     # optional
detaining_power: {holder}           # the state that holds him
"""

_READING = """\
# How contested law is read. Leave a key out to take its default; `powcase describe --format
# text` lists every key with its options.
assumptions:
  ihl_non_refoulement: icrc_2020
"""

_BASIC = (
    _HEAD
    + """\
title: A soldier captured and held as a prisoner of war (a made-up case)
description: >
  A hypothetical record, no real person's facts: the smallest useful one, a capture, then
  the first duties of the detaining power. Replace the events with your own, in date order.
"""
    + _SUBJECT.format(id="soldier_a", nationality="RU", forces="RU", holder="UA")
    + _READING
    + """\
# Who reported the events; an event names its sources with `source:`.
sources:
  icrc: {name: International Committee of the Red Cross, kind: intergovernmental}
# What happened, in date order. Each event is judged on its date against what was on record
# before it (`powcase explain FILE --step N` says why).
events:
  - {date: 2030-03-01, event: capture, wounded: false, place: a border region}
  - {date: 2030-03-05, event: capture_card_sent}
  - {date: 2030-03-20, event: icrc_visit, private_interview: true, source: icrc}
# The date the docket and the flags are read at (default: the last event's date).
as_of: 2030-04-01
# What you expect; `powcase test` fails (exit 1) when one does not hold.
expect:
  state: [in_custody, presumed_pow, no_request, none]   # where he stands, every region
  steps: {0: allowed}                                  # the capture (event 0) is lawful
  obligations:
    - {code: capture_card, status: met}                 # sent within a week (GCIII-70)
    - {code: information, status: overdue}              # nothing transmitted yet
  # Steps asked at the end ("what if"). A return home while hostilities go on is allowed
  # here only because nothing on record stands against it: it is not yet due (repatriation is
  # due once active hostilities end, GCIII-118), and a seriously sick or wounded prisoner may
  # not be repatriated against his will during hostilities (GCIII-109(3)). Record a wish to
  # stay, a medical finding or a risk at home and the verdict changes.
  verdicts:
    - event: {event: repatriate, to: RU}
      outcome: allowed                                 # no risk to him at home on record
      reasons: [repatriation_before_due]               # a reason code the verdict gives
# A what-if: the same record under other assumptions, with its own expectations.
variants:
  strict_text:
    assumptions: {ihl_non_refoulement: strict_text}
    expect:
      state: [in_custody, presumed_pow, no_request, none]
"""
)

_ASYLUM = (
    _HEAD
    + """\
title: A prisoner of war asks the detaining power for asylum (a made-up case)
description: >
  A hypothetical record, no real person's facts: a soldier captured by the adverse party
  asks it for asylum and says he fears persecution at home. While his claim is pending he
  may not be returned to the state he fears.
"""
    + _SUBJECT.format(id="soldier_b", nationality="RU", forces="RU", holder="UA")
    + _READING
    + """\
# Who reported the events; an event names its sources with `source:`.
sources:
  press: {name: An invented newspaper interview, kind: press}
# What happened, in date order; each event is judged on its date.
events:
  - {date: 2030-03-01, event: capture, place: a border region}
  # His wish, as reported; `confidence` is how sure he said he was.
  - {date: 2030-04-10, event: wish_expressed, destination: stay, confidence: 0.9, source: press}
  # A request for asylum in the detaining state (kind: asylum) opens a pending claim.
  - {date: 2030-04-12, event: request_protection, kind: asylum}
  # What a source says he faces if returned; it feeds the non-refoulement rules.
  - {date: 2030-04-12, event: risk_on_return, state: RU, kind: persecution, source: press}
# What you expect; `powcase test` fails (exit 1) when one does not hold.
expect:
  state: [in_custody, presumed_pow, request_pending, none]
  flags: [refoulement_risk]            # these flags must be raised
  verdicts:
    - event: {event: repatriate, to: RU}
      outcome: refused
      cites: [GCIII-118]               # each must be among the verdict's citations
"""
)

_EXCHANGE = (
    _HEAD
    + """\
title: An exchange of prisoners agreed between the parties (a made-up case)
description: >
  A hypothetical record, no real person's facts: a soldier captured, then handed back to his
  own state in an exchange the two parties agreed. Nothing on record puts him at risk at
  home, so the exchange is lawful.
"""
    + _SUBJECT.format(id="soldier_c", nationality="RU", forces="RU", holder="UA")
    + _READING
    + """\
# What happened, in date order; each event is judged on its date.
events:
  - {date: 2030-03-01, event: capture}
  - {date: 2030-03-06, event: capture_card_sent}
  # The parties agree an exchange; it binds the states named in `between`.
  - {date: 2030-05-16, event: exchange_agreed, between: [UA, RU]}
  # A move names where he goes: `to` is the receiving state.
  - {date: 2030-05-23, event: exchange, to: RU}
# What you expect; `powcase test` fails (exit 1) when one does not hold.
expect:
  state: [exchanged]
  steps: {3: allowed}
  no_flags: [refoulement_risk]         # these flags must not be raised
"""
)

_THIRD_STATE = (
    _HEAD
    + """\
title: Release to a third state that agreed to receive him (a made-up case)
description: >
  A hypothetical record, no real person's facts: a soldier from a state that punishes
  returning prisoners asks to go to a third state. His wish is verified in a private
  interview, the third state consents, and the detaining power releases him there. Every
  event and date here is invented for illustration.
"""
    + _SUBJECT.format(id="soldier_d", nationality="KP", forces="KP", holder="UA")
    + _READING
    + """\
# Who reported the events; an event names its sources with `source:`.
sources:
  # Invented sources: name the real ones of your record.
  icrc: {name: "International Committee of the Red Cross (invented report)",
         kind: intergovernmental}
  kr: {name: "Foreign ministry of the receiving state (invented statement)", kind: government,
       country: KR}
# What happened, in date order; each event is judged on its date.
events:
  - {date: 2030-01-10, event: capture, wounded: false}
  - {date: 2030-02-04, event: wish_expressed, destination: KR, confidence: 0.9}
  - {date: 2030-02-04, event: request_protection, kind: third_state, state: KR}
  # A verification counts when the verifier is independent (and, under some readings, heard
  # him in private): see the assumption wish_verifiers.
  - {date: 2030-02-25, event: wish_verified, destination: KR, verifier: icrc,
     private_interview: true, source: icrc}
  # The third state agrees to receive him on release (scope: release).
  - {date: 2030-03-11, event: receiving_state_consents, state: KR, scope: release, source: kr}
  - {date: 2030-04-08, event: release_to_third_state, to: KR}
# What you expect; `powcase test` fails (exit 1) when one does not hold.
expect:
  state: [released_to_third_state]   # where he stands at the end
  steps: {5: allowed}                # the release (event 5) is lawful
"""
)

STARTERS: dict[str, Starter] = {
    s.kind: s
    for s in (
        Starter("basic", "a capture and the first duties of the detaining power", _BASIC),
        Starter("asylum", "a prisoner of war asking the detaining power for asylum", _ASYLUM),
        Starter("exchange", "an exchange of prisoners agreed between the parties", _EXCHANGE),
        Starter(
            "third-state",
            "a release to a third state that agreed to receive him",
            _THIRD_STATE,
        ),
    )
}
"""The starters by kind, the default (``basic``) first."""


def starter(kind: str = "basic") -> Starter:
    """The starter of ``kind`` (one of :data:`STARTERS`); ``KeyError`` for another.

    >>> starter("exchange").text.startswith("# A powcase scenario")
    True
    """
    return STARTERS[kind]
