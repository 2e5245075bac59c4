"""Every view of a run says which law it applied: the overlays, and the flags gravest first."""

import pathlib

import powcase
from powcase.law.rules import gravity
from powcase.render.markdown import render_markdown
from powcase.render.text import render_text
from powcase.scenario import load_scenarios, run

ROOT = pathlib.Path(__file__).parent.parent
BELARUS = ROOT / "examples" / "law-overlay" / "belarus.powcase.yaml"
RI = ROOT / "examples" / "ri.powcase.yaml"
LINE = (
    "Law overlays applied: {path} "
    "(added: instruments.BY-CC, provisions.BY-CC-361-3; replaced: parties.BY)"
)


def _first(path):
    return run(load_scenarios(path)[0])[0]


def test_the_text_markdown_and_report_views_name_the_overlays():
    result = _first(BELARUS)
    data = result.to_dict()
    path = data["generated_by"]["overlays"][0]["path"]
    line = LINE.format(path=path)
    assert f"  {line}\n" in render_text(data)
    assert f"\n{line}\n" in render_markdown(data).replace("\\", "")
    assert line in powcase.report(result)


def test_a_run_without_overlays_shows_no_overlays_line():
    data = _first(RI).to_dict()
    assert "overlays" not in render_text(data)
    assert "overlays" not in render_markdown(data)


def test_the_markdown_flags_table_is_gravest_first_as_the_text_view():
    data = _first(RI).to_dict()
    table = render_markdown(data).split("### Flags", 1)[1].split("###", 1)[0]
    rows = [r.split("|")[1].strip() for r in table.splitlines() if r.startswith("| ")][1:]
    assert len(set(rows)) > 1, table
    assert [gravity(r) for r in rows] == sorted(gravity(r) for r in rows)
