"""The model's reference tables as Markdown, generated from ``describe()`` so the docs cannot
drift from the code: states, events, flags, obligations, assumptions and provisions.
"""

from __future__ import annotations

from typing import Any

from powcase.description import describe

__all__ = ["model_reference"]


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str(value).replace("|", "\\|").replace("\n", " ")


def _ends(flag: dict[str, Any]) -> str:
    """When a flag ends of itself: with his captivity, for one marked ``while_held``."""
    return "when he leaves captivity (again if recaptured)" if flag.get("while_held") else ""


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def model_reference() -> str:
    """The reference page of the legal model (MyST Markdown)."""
    model = describe()
    out = [
        "# The legal model, generated",
        "",
        (
            "These tables are generated from the code when the documentation is built "
            "(`powcase.describe()`), so they always say what the library does."
        ),
        "",
        "## States",
        "",
    ]
    out += _table(
        ["id", "name", "parent", "final"],
        [
            [f"`{s['id']}`", s["name"], s["parent"] or "", "yes" if s["final"] else ""]
            for s in model["states"]
        ],
    )
    out += ["", "## Transitions", ""]
    out += _table(
        ["event", "from", "to", "cites"],
        [[f"`{t['event']}`", t["source"], t["target"], t["cites"]] for t in model["transitions"]],
    )
    for kind, title in (("machine", "Machine events"), ("incident", "Incidents")):
        out += ["", f"## {title}", ""]
        out += _table(
            ["event", "what it records", "fields"],
            [
                [
                    f"`{e['id']}`",
                    e["doc"],
                    ", ".join(
                        f"{name} ({spec['kind']}{', required' if spec['required'] else ''})"
                        for name, spec in e["fields"].items()
                    ),
                ]
                for e in model["events"]
                if e["kind"] == kind
            ],
        )
    out += ["", "## Humanitarian-risk flags", ""]
    out += _table(
        ["flag", "severity", "meaning", "cites", "ends"],
        [
            [f"`{f['code']}`", f["severity"], f["text"], f["cites"], _ends(f)]
            for f in model["flags"]
        ],
    )
    out += ["", "## Obligations", ""]
    out += _table(
        _OBLIGATION_COLUMNS,
        [
            [
                f"`{o['code']}`",
                o["provision"] if o["prisoner_of_war"] else "none",
                o["protected_person"] or "none",
                o["detainee"] or "none",
                o["due"],
                o["met_by"] + (f" with {o['met_if']}" if o["met_if"] else ""),
                o["text"],
            ]
            for o in model["obligations"]
        ],
    )
    out += ["", "## Assumptions", ""]
    out += _table(
        ["key", "options", "default", "question"],
        [
            [
                f"`{a['key']}`",
                a["options"] if isinstance(a["options"], list) else "0 to 3650 days",
                a["default"],
                a["question"],
            ]
            for a in model["assumptions"]
        ],
    )
    out += ["", "## Provisions", ""]
    out += [
        (
            "An interpretive source binds nobody: it is cited beside the provision it reads, "
            "only under the options listed as adopting it."
        ),
        "",
    ]
    out += _table(
        ["id", "instrument", "article", "paraphrase (ours)", "official text"],
        [
            [
                f"`{p['id']}`",
                p["instrument"],
                p["article"],
                p["paraphrase"] + _adopting(p.get("readings", ())),
                f"[link]({p['url']})",
            ]
            for p in model["provisions"]
        ],
    )
    return "\n".join(out) + "\n"


_OBLIGATION_COLUMNS = [
    "obligation",
    "prisoner of war",
    "protected person",
    "other detainee",
    "due",
    "met by",
    "meaning",
]


def _adopting(readings: Any) -> str:
    """What a provision's row says of the options adopting an interpretive source."""
    if not readings:
        return ""
    shown = [(r["assumption"], r["option"]) for r in readings]
    options = ", ".join(
        f"`{key}: {str(option).lower() if isinstance(option, bool) else option}`"
        for key, option in shown
    )
    return f" *Adopted by* {options}."
