"""What a translator is given for each of the law's texts: the message, its context, the line
it is written on, a note saying what it is and which placeholders it must keep.
"""

from __future__ import annotations

import io

from powcase.law.extraction import extract_law


def _extract(name: str, text: str) -> list[tuple[int, str, tuple[str, str], list[str]]]:
    source = io.BytesIO(text.encode("utf-8"))
    source.name = name
    return list(extract_law(source, (), (), {}))


def test_a_reason_is_given_with_its_line_context_and_placeholders():
    found = _extract(
        "messages.yaml",
        "# a comment\nfirst: 'No risk to him in {to} is on record.'\n"
        "second: 'Sent {onward_text} to {to} and {to}.'\nempty: '  '\n",
    )
    assert found == [
        (
            2,
            "pgettext",
            ("reason:first", "No risk to him in {to} is on record."),
            ["The reason first.", "Placeholders: {to}"],
        ),
        (
            3,
            "pgettext",
            ("reason:second", "Sent {onward_text} to {to} and {to}."),
            ["The reason second.", "Placeholders: {onward_text}, {to}"],
        ),
    ]


def test_a_text_without_placeholders_has_only_its_note():
    (found,) = _extract(
        "flags.yaml", "self_harm_risk:\n  severity: critical\n  text: He may harm himself.\n"
    )
    assert found == (
        3,
        "pgettext",
        ("flag:self_harm_risk", "He may harm himself."),
        ["The flag self_harm_risk."],
    )


def test_a_table_entry_without_the_text_gives_nothing():
    assert _extract("flags.yaml", "self_harm_risk:\n  severity: critical\n") == []
