"""Ri, captured in Kursk: a first case, step by step.

What it teaches: how powcase replays a dated record on the legal path, judges every step, and
answers "what if?" questions under a reading of the law that you choose.

Sources: a North Korean soldier was captured wounded in Kursk on 2025-01-09 (South Korea's
National Intelligence Service), shown on video on 2025-01-11 and offered for an exchange on
2025-01-12 (the President of Ukraine), and told Chosun Ilbo on 2025-02-19 that he was 80% sure
he wanted to go to South Korea. Kyiv and the NIS gave different casualty figures; the scenario
file keeps both claims.

Outcome: he is held as a presumed prisoner of war with a request pending; returning him to
North Korea, directly or through Russia, is refused under either reading; release to South
Korea is refused until South Korea's consent is on record, and would then stay undetermined
until his wish is verified.
"""

from __future__ import annotations

from powcase import Assumptions, Case, Record

RI = {
    "subject": {"id": "ri", "nationality": ["KP"], "forces": "KP", "rank": "soldier"},
    "detaining_power": "UA",
    "sources": {
        "nis": {"name": "National Intelligence Service", "kind": "government", "country": "KR"},
        "kyiv": {
            "name": "Office of the President of Ukraine",
            "kind": "government",
            "country": "UA",
        },
        "chosun": {"name": "Chosun Ilbo", "kind": "press", "country": "KR", "date": "2025-02-19"},
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
    ],
}

QUESTIONS = [
    {"event": "repatriate", "to": "KP"},
    {"event": "exchange", "to": "RU"},
    {"event": "release_to_third_state", "to": "KR"},
]


def main() -> None:
    """Replay Ri's record, then ask three what-if questions under two readings of the law."""
    case = Case.replay(Record.from_dict(RI))
    print(f"Ri is now: {', '.join(case.state)}\n")
    for step in case.steps:
        print(f"{step.event.date}  {step.event.name:<20} {step.outcome}")
    for reading in ("icrc_2020", "strict_text"):
        read = Case.replay(case.record, Assumptions(ihl_non_refoulement=reading))
        print(f"\nWhat if, reading IHL as {reading}?")
        for question in QUESTIONS:
            verdict = read.verdict(question)
            target = question["to"]
            print(f"  {question['event']} to {target}: {verdict.outcome}")
            for reason in verdict.failing:
                print(f"    - {reason.text} [{', '.join(reason.cites)}]")
            for missing in verdict.missing:
                print(f"    - open: {missing.to_dict()}")


if __name__ == "__main__":
    main()
