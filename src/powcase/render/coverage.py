"""The coverage of the law by a scenario corpus as a text table and as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from powcase._util.i18n import N_, SOURCE_LANGUAGE, Gettext, gettext_for, unofficial
from powcase.explore.coverage import Count, Coverage, Part

__all__ = ["render_coverage_markdown", "render_coverage_text"]

NEVER = N_("never cited")

_PROVISIONS = (N_("id"), N_("instrument"), N_("steps"), N_("verdicts"))
_CODES = (N_("code"), N_("steps"), N_("verdicts"))


def _row(count: Count, *, instrument: bool, _: Gettext) -> list[str]:
    cells = [count.id, *([count.instrument or ""] if instrument else [])]
    return [*cells, str(count.steps), str(count.verdicts), "" if count.cited else _(NEVER)]


def _rows(part: Part, *, instrument: bool, _: Gettext) -> list[list[str]]:
    return [_row(e, instrument=instrument, _=_) for e in part.entries]


def _heading(coverage: Coverage, _: Gettext) -> str:
    files = len(coverage.files)
    said = (
        _(
            "Coverage of the law by {runs} runs of {files} scenario file ({steps} steps, "
            "{verdicts} asked verdicts)"
        )
        if files == 1
        else _(
            "Coverage of the law by {runs} runs of {files} scenario files ({steps} steps, "
            "{verdicts} asked verdicts)"
        )
    )
    return said.format(
        runs=coverage.runs, files=files, steps=coverage.steps, verdicts=coverage.verdicts
    )


_CITED = N_("{cited} of {total} provisions cited ({percent}%)")
_GIVEN = N_("{cited} of {total} reason codes given ({percent}%)")


def _summary(part: Part, template: str, _: Gettext) -> str:
    """``N of M ... (P%)`` in the output's language, the percentage to one decimal (as
    :func:`~powcase.explore.coverage.summary` says it in English).
    """
    return _(template).format(cited=part.cited, total=part.total, percent=f"{part.percent:.1f}")


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


def render_coverage_text(coverage: Coverage, *, lang: str = SOURCE_LANGUAGE) -> str:
    """The coverage as aligned text (in ``lang``): a table of provisions, one of reason codes,
    each ending with its summary line ``N of M ... (P%)``; ids no step or verdict cites are
    marked.
    """
    _ = gettext_for(lang)
    lines = [_heading(coverage, _), "", _("Provisions")]
    lines += _aligned(
        [_(h) for h in _PROVISIONS], _rows(coverage.provisions, instrument=True, _=_)
    )
    lines += ["", _("Reason codes")]
    lines += _aligned([_(h) for h in _CODES], _rows(coverage.reason_codes, instrument=False, _=_))
    lines += [
        "",
        _summary(coverage.provisions, _CITED, _),
        _summary(coverage.reason_codes, _GIVEN, _),
    ]
    said = unofficial(lang)
    if said is not None:
        lines += ["", said.text]
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


def render_coverage_markdown(coverage: Coverage, *, lang: str = SOURCE_LANGUAGE) -> str:
    """The coverage as Markdown (in ``lang``): a heading, the summary lines, and the two
    tables.
    """
    _ = gettext_for(lang)
    lines = [
        f"## {_heading(coverage, _)}",
        "",
        f"- **{_summary(coverage.provisions, _CITED, _)}**",
        f"- **{_summary(coverage.reason_codes, _GIVEN, _)}**",
        "",
        "### " + _("Provisions"),
        "",
        *_table([_(h) for h in _PROVISIONS], _rows(coverage.provisions, instrument=True, _=_)),
        "",
        "### " + _("Reason codes"),
        "",
        *_table([_(h) for h in _CODES], _rows(coverage.reason_codes, instrument=False, _=_)),
    ]
    said = unofficial(lang)
    if said is not None:
        lines += ["", f"*{said.text}*"]
    return "\n".join(lines) + "\n"
