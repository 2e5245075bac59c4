"""Ri, captured in Kursk: a first case, step by step.

What it teaches: how powcase replays a dated record on the legal path, judges every step, and
answers "what if?" questions under a reading of the law that you choose; and that a verdict
can only be as complete as the record it is read from.

Sources: a North Korean soldier was captured wounded in Kursk on 2025-01-09 (South Korea's
National Intelligence Service, which confirmed the capture on 2025-01-12, reported by The
Dong-A Ilbo on 2025-01-13); the President of Ukraine published photographs of him on
2025-01-11 and offered him for an exchange on 2025-01-12 (Hindustan Times); he told Chosun
Ilbo, in an interview published on 2025-02-19, that he was "80% decided" to go to South Korea
(Asia Economy). South Korea's foreign ministry said on 2025-02-19 that it would take in North
Korean prisoners who wished to come and had told Ukraine so (KBS World), and its foreign
minister told Ukraine's on 2025-03-17 that it would accept them (the Kyiv Independent). The
scenario file keeps the casualty figures of the NIS (2025-01-13) and of the President of Ukraine
(2025-02-14) side by side.

Outcome: he is held as a presumed prisoner of war with a request pending; returning him to
North Korea, directly or through Russia, is refused under either reading; release to South
Korea, which has said it would admit him, is undetermined until his wish is verified (it agreed
to admit those who wish to come, not to hold him as a prisoner for Ukraine, so the record
carries its consent with ``scope: release`` and a GCIII-12(2) transfer to it is refused). Without
South Korea's statements on record, the same release is refused for want of its consent: an
artefact of the record, not a finding of law.
"""

from __future__ import annotations

from powcase import Assumptions, Case, Record

RI = {
    "subject": {"id": "ri", "nationality": ["KP"], "forces": "KP", "rank": "soldier"},
    "detaining_power": "UA",
    "sources": {
        "nis": {"name": "National Intelligence Service", "kind": "government", "country": "KR"},
        "kyiv": {"name": "President of Ukraine", "kind": "government", "country": "UA"},
        "chosun": {"name": "Chosun Ilbo", "kind": "press", "country": "KR", "date": "2025-02-19"},
        "mofa": {
            "name": "Ministry of Foreign Affairs of the Republic of Korea",
            "kind": "government",
            "country": "KR",
        },
    },
    "events": [
        {
            "date": "2025-01-09",
            "event": "capture",
            "wounded": True,
            "place": "Kursk",
            "source": "nis",
        },
        {
            "date": "2025-01-11",
            "event": "media_exposure",
            "identifiable": True,
            "by": "UA",
            "source": "kyiv",
        },
        {
            "date": "2025-01-12",
            "event": "exchange_offered",
            "by": "UA",
            "to": "KP",
            "source": "kyiv",
        },
        {
            "date": "2025-02-19",
            "event": "wish_expressed",
            "destination": "KR",
            "confidence": 0.8,
            "source": "chosun",
        },
        {
            "date": "2025-02-19",
            "event": "request_protection",
            "kind": "third_state",
            "state": "KR",
            "source": "chosun",
        },
        # South Korea's reported statements that it would accept him.
        {
            "date": "2025-02-19",
            "event": "receiving_state_consents",
            "state": "KR",
            "scope": "release",
            "source": "mofa",
        },
        {
            "date": "2025-03-17",
            "event": "receiving_state_consents",
            "state": "KR",
            "scope": "release",
            "source": "mofa",
        },
    ],
}

WITHOUT_KR_STATEMENTS = {
    **RI,
    "events": [e for e in RI["events"] if e["event"] != "receiving_state_consents"],
}

QUESTIONS = [
    {"event": "repatriate", "to": "KP"},
    {"event": "exchange", "to": "RU"},
    {"event": "release_to_third_state", "to": "KR"},
]


def main() -> None:
    """Replay Ri's record, ask three what-if questions under two readings of the law, then ask
    about release to South Korea on the record without its statements.
    """
    case = Case.replay(Record.from_dict(RI))
    print(f"Ri is now: {', '.join(case.state)}\n")
    for step in case.steps:
        print(f"{step.event.date}  {step.event.name:<24} {step.outcome}")
    for reading in ("icrc_2020", "strict_text"):
        read = Case.replay(case.record, Assumptions(ihl_non_refoulement=reading))
        print(f"\nWhat if, reading IHL as {reading}?")
        for question in QUESTIONS:
            _ask(read, question)
    print("\nWithout South Korea's statements on record:")
    _ask(Case.replay(Record.from_dict(WITHOUT_KR_STATEMENTS)), QUESTIONS[-1])


def _ask(case: Case, question: dict[str, str]) -> None:
    verdict = case.verdict(question)
    print(f"  {question['event']} to {question['to']}: {verdict.outcome}")
    for reason in verdict.failing:
        print(f"    - {reason.text} [{', '.join(reason.cites)}]")
    for missing in verdict.missing:
        print(f"    - open: {missing.to_dict()}")


if __name__ == "__main__":
    main()
