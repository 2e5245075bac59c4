"""The coverage of the law by a scenario corpus as a text table and as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from powcase.explore.coverage import Count, Coverage, Part, summary

__all__ = ["render_coverage_markdown", "render_coverage_text"]

NEVER = "never cited"

_PROVISIONS = ("id", "instrument", "steps", "verdicts")
_CODES = ("code", "steps", "verdicts")


def _row(count: Count, *, instrument: bool) -> list[str]:
    cells = [count.id, *([count.instrument or ""] if instrument else [])]
    return [*cells, str(count.steps), str(count.verdicts), "" if count.cited else NEVER]


def _rows(part: Part, *, instrument: bool) -> list[list[str]]:
    return [_row(e, instrument=instrument) for e in part.entries]


def _heading(coverage: Coverage) -> str:
    files = len(coverage.files)
    return (
        f"Coverage of the law by {coverage.runs} runs of {files} scenario "
        f"file{'s' if files != 1 else ''} ({coverage.steps} steps, {coverage.verdicts} "
        "asked verdicts)"
    )


def _aligned(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell; counts right-aligned, the mark last."""
    full = [*head, ""]
    widths = [max(len(r[i]) for r in (full, *rows)) for i in range(len(full))]
    counts = {len(head) - 2, len(head) - 1}

    def line(cells: Sequence[str]) -> str:
        shown = [
            c.rjust(w) if i in counts else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(shown).rstrip()

    return [line(full), *(line(r) for r in rows)]


def render_coverage_text(coverage: Coverage) -> str:
    """The coverage as aligned text: a table of provisions, one of reason codes, each ending
    with its summary line ``N of M ... (P%)``; ids no step or verdict cites are marked.
    """
    lines = [_heading(coverage), "", "Provisions"]
    lines += _aligned(_PROVISIONS, _rows(coverage.provisions, instrument=True))
    lines += ["", "Reason codes"]
    lines += _aligned(_CODES, _rows(coverage.reason_codes, instrument=False))
    lines += [
        "",
        summary(coverage.provisions, "provisions cited"),
        summary(coverage.reason_codes, "reason codes given"),
    ]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """A table cell: ids and codes come from the law data, overlays included; a pipe or a
    backtick in one must not break the table.
    """
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    full = [*head, ""]
    lines = ["| " + " | ".join(full) + " |", "|" + "---|" * len(full)]
    return lines + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def render_coverage_markdown(coverage: Coverage) -> str:
    """The coverage as Markdown: a heading, the summary lines, and the two tables."""
    lines = [
        f"## {_heading(coverage)}",
        "",
        f"- **{summary(coverage.provisions, 'provisions cited')}**",
        f"- **{summary(coverage.reason_codes, 'reason codes given')}**",
        "",
        "### Provisions",
        "",
        *_table(_PROVISIONS, _rows(coverage.provisions, instrument=True)),
        "",
        "### Reason codes",
        "",
        *_table(_CODES, _rows(coverage.reason_codes, instrument=False)),
    ]
    return "\n".join(lines) + "\n"
