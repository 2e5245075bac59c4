"""Where a scenario repeats its subject's name in free text, to tell its author.

The outputs withhold the name there unless names are revealed (see
:mod:`powcase._util.redact`); the file itself still holds it, which its author may not intend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powcase._util.redact import Names

if TYPE_CHECKING:
    from powcase.scenario.model import Scenario

__all__ = ["name_in_free_text", "shown_title"]


def name_in_free_text(scenario: Scenario) -> list[str]:
    """The key paths of the free text (title, description, notes, claims, the text of a field)
    in which a scenario repeats its subject's name or a part of it.
    """
    names = Names.of(scenario.record.subject.name)
    if not names:
        return []
    record = scenario.record.to_dict()
    record["subject"] = {k: v for k, v in record["subject"].items() if k != "name"}
    texts = {"title": scenario.title, "description": scenario.description or "", **record}
    found = names.where(texts)
    for where, expect in [
        ("", scenario.expect),
        *((f"variants.{v.name}.", v.expect) for v in scenario.variants),
    ]:
        found += names.where([dict(v.event) for v in expect.verdicts], f"{where}expect.verdicts")
    prefix = f"{scenario.path}." if scenario.path else ""
    return [prefix + p for p in found]


def shown_title(scenario: Scenario) -> str:
    """A scenario's title as outputs show it, where they name the scenario (an error, a test
    item): without its subject's name.
    """
    return Names.of(scenario.record.subject.name).scrub(scenario.title)
