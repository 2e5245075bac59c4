"""The path he took, drawn for a class: legible, in order, in the chart's own words.

The drawing is what a teacher projects: the report's "path" section and ``powcase diagram
--path``. These tests read it as SVG: the situations in order, the one he is in now, the refused
steps with their names and dates, large text, no internal identifier, no script.
"""

import io
import pathlib
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

import powcase
from powcase import load_scenarios, run
from powcase.cli import main
from powcase.render import diagram as diagram_module
from powcase.render import report as report_module
from powcase.render.path_drawing import MIN_FONT_SIZE, WIDTH, path_svg
from powcase.render.report import render_report

ROOT = pathlib.Path(__file__).parent.parent
RI = ROOT / "examples" / "ri.powcase.yaml"
DOUBT = ROOT / "examples" / "status_in_doubt.powcase.yaml"
FORCED = ROOT / "examples" / "forced_return.powcase.yaml"
SVG = "{http://www.w3.org/2000/svg}"

INTERNAL = re.compile(
    r"on_enter|on_exit|entry /|exit /|_is_|outcome_is|granted_is|escaped_from|as_before|"
    r"H\*|\[[a-z_]+\]|\b[a-z]+_[a-z_]+\b"
)
"""What must never show: an entry action, a guard (its name or its ``[guard]`` syntax), the
history state, or any snake_case Python identifier."""


def _first(path, variant=0):
    return run(load_scenarios(path)[0])[variant].to_dict()


def _drawing(path, variant=0):
    data = _first(path, variant)
    return ET.fromstring(path_svg(data["steps"], data["state"]))


def _texts(svg):
    return [t.text or "" for t in svg.iter(f"{SVG}text")]


def _cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _path_section(page):
    """The report's first path section: from its heading to the assumptions after it."""
    start = page.index("<h2>The path</h2>")
    return page[start : page.index("<h2>Assumptions</h2>", start)]


class TestThePathInOrder:
    def test_ri_passes_at_large_custody_then_his_request_and_is_there_now(self):
        texts = _texts(_drawing(RI))
        assert texts == [
            "At large",
            "Capture",
            "2025-01-09",
            "In custody",
            "Status: Presumed prisoner of war",
            "Protection request: No request",
            "Penal proceedings: No proceedings",
            "Request protection",
            "2025-02-19",
            "In custody",
            "Status: Presumed prisoner of war",
            "Protection request: Request pending",
            "Penal proceedings: No proceedings",
            "now",
        ]

    def test_a_refused_step_is_a_dead_end_with_its_name_and_date_where_it_was_tried(self):
        texts = _texts(_drawing(DOUBT))
        doubt = texts.index("Status: Status in doubt")
        refused = texts.index("\u2715 Refused: Determine status")
        assert doubt < refused < texts.index("Status: Prisoner of war")
        assert texts[refused + 1] == "2025-03-20 \u00b7 not applied"
        # and the step that later succeeded is drawn as a move
        assert texts[refused + 2 : refused + 4] == ["Determine status", "2025-04-10"]

    def test_a_refused_step_that_happened_anyway_says_so(self):
        texts = _texts(_drawing(FORCED))
        at = texts.index("Repatriate")
        assert texts[at + 1 : at + 3] == ["2026-06-02", "the law refuses it; it happened anyway"]
        assert texts[-2:] == ["Repatriated (final)", "now"]

    def test_only_what_changed_inside_custody_is_bold(self):
        svg = _drawing(RI)
        bold = [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
        assert "Protection request: Request pending" in bold
        assert "Protection request: No request" not in bold
        assert "Status: Presumed prisoner of war" not in bold

    def test_the_current_situation_is_highlighted_once(self):
        svg = path_svg(_first(RI)["steps"], _first(RI)["state"])
        assert svg.count("fill='#fde68a'") == 1
        assert svg.count(">now</text>") == 1


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.powcase.yaml")))
def test_every_example_draws_legibly_with_clean_labels(example):
    for result in run(load_scenarios(example)[0]):
        data = result.to_dict()
        drawing = path_svg(data["steps"], data["state"])
        svg = ET.fromstring(drawing)  # well-formed XML
        assert svg.get("viewBox").split()[2] == str(WIDTH)
        sizes = [int(t.get("font-size")) for t in svg.iter(f"{SVG}text")]
        assert sizes
        assert min(sizes) >= MIN_FONT_SIZE
        assert MIN_FONT_SIZE / WIDTH >= 0.03  # a stated minimum: 3 % of the drawing's width
        for text in _texts(svg):
            assert not INTERNAL.search(text), text
        assert "<script" not in drawing
        assert "href" not in drawing


events = st.sampled_from(["capture", "repatriate", "decide_protection", "x<script>&'\""])
outcomes = st.sampled_from(["allowed", "refused", "undetermined"])
states = st.lists(
    st.sampled_from(["at_large", "in_custody", "presumed_pow", "repatriated", "a<b>&"]),
    min_size=1,
    max_size=4,
)


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "event": events,
                "date": st.text(max_size=12),
                "kind": st.sampled_from(["machine", "incident"]),
                "from": states,
                "to": states,
                "applied": st.booleans(),
                "outcome": outcomes,
            }
        ),
        max_size=8,
    ),
    states,
)
def test_any_steps_make_well_formed_svg_with_every_text_escaped(steps, state):
    drawing = path_svg(steps, state)
    svg = ET.fromstring(drawing)
    assert not list(svg.iter(f"{SVG}script"))
    assert {t.tag for t in svg.iter()} <= {
        f"{SVG}{tag}" for tag in ("svg", "title", "text", "rect", "line", "polygon")
    }
    shown = [s for s in steps if s["kind"] == "machine" and (not s["applied"])]
    assert len([t for t in _texts(svg) if t.startswith("\u2715 ")]) == len(shown)
    assert "<script>" not in drawing


class TestTheReport:
    def test_the_path_section_draws_his_path_first_and_folds_the_whole_chart(self):
        section = _path_section(render_report(run(load_scenarios(DOUBT)[0])))
        drawing = section[section.index("<svg") : section.index("</svg>") + 6]
        assert "path-drawing" in drawing
        texts = _texts(ET.fromstring(drawing))
        order = [
            "At large",
            "Status: Presumed prisoner of war",
            "Status: Status in doubt",
            "\u2715 Refused: Determine status",
            "Status: Prisoner of war",
        ]
        assert [texts.index(t) for t in order] == sorted(texts.index(t) for t in order)
        # the whole chart comes after, folded
        assert section.index("<details class='chart'>") > section.index("</figure>")
        for text in _texts(ET.fromstring(drawing)):
            assert not INTERNAL.search(text), text
        assert "stateDiagram-v2" not in section.split("<details")[0]

    @pytest.mark.parametrize(
        ("missing", "said"),
        [
            ("pydot is missing", "pydot is missing"),
            ("Graphviz's dot program is missing", "Graphviz&#x27;s dot program is missing"),
        ],
    )
    def test_without_graphviz_it_says_what_is_missing_and_folds_the_mermaid(
        self, monkeypatch, missing, said
    ):
        monkeypatch.setattr(report_module, "graphviz_missing", lambda: missing)
        section = _path_section(render_report(run(load_scenarios(RI)[0])))
        assert f"The whole chart is not drawn here: {said}." in section
        before_fold = section.split("<details")[0]
        assert "stateDiagram-v2" not in before_fold
        assert "<svg" in before_fold  # the path is drawn anyway
        mermaid = section[section.index("<pre>") :]
        assert "stateDiagram-v2" in mermaid
        assert section.index("<pre>") > section.index("<details><summary>The chart as Mermaid")

    @pytest.mark.skipif(not diagram_module.graphviz_available(), reason="needs Graphviz")
    def test_with_graphviz_the_whole_chart_has_clean_labels_and_no_tooltips(self):
        section = _path_section(render_report(run(load_scenarios(DOUBT)[0])))
        chart = section[section.index("<details class='chart'>") :]
        assert "<svg" in chart
        assert "<title>" not in chart
        assert "<!--" not in chart
        for needle in ("on_enter", "outcome_is", "[", "H*", "as_before"):
            assert needle not in chart, needle
        assert ">Presumed prisoner of war<" in chart


@pytest.mark.parametrize(
    ("which_dot", "pydot_ok", "said"),
    [
        ("/usr/bin/dot", False, "pydot is missing"),
        (None, True, "Graphviz's dot program is missing"),
        (None, False, "pydot and Graphviz's dot program are missing"),
        ("/usr/bin/dot", True, None),
    ],
)
def test_what_is_missing_is_detected(monkeypatch, which_dot, pydot_ok, said):
    import builtins
    import shutil

    real_import = builtins.__import__

    def importing(name, *args, **kwargs):
        if name == "pydot" and not pydot_ok:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importing)
    monkeypatch.setattr(shutil, "which", lambda name: which_dot)
    assert diagram_module.graphviz_missing() == said
    assert diagram_module.graphviz_available() is (said is None)


class TestTheCommand:
    def test_diagram_path_writes_the_same_drawing_as_svg(self, tmp_path):
        out = tmp_path / "ri-path.svg"
        code, stdout, _ = _cli("diagram", RI, "--path", "-o", out)
        assert code == 0
        assert "wrote" in stdout
        data = _first(RI)
        assert out.read_text(encoding="utf-8") == path_svg(data["steps"], data["state"]) + "\n"
        ET.fromstring(out.read_text(encoding="utf-8"))

    def test_diagram_path_to_stdout_draws_the_first_scenario_or_the_variant_asked(self):
        code, stdout, _ = _cli("diagram", ROOT / "examples" / "escape.powcase.yaml", "--path")
        assert code == 0
        texts = _texts(ET.fromstring(stdout))
        assert "Escape" not in texts  # the first scenario's escape failed: no move
        assert texts[-1] == "now"
        wish = ROOT / "examples" / "checked_wish.powcase.yaml"
        code, stdout, _ = _cli("diagram", wish, "--path", "--variant", "any_verifier")
        assert code == 0
        data = run(load_scenarios(wish)[0], variant="any_verifier")[0].to_dict()
        assert data["variant"] == "any_verifier"
        assert stdout == path_svg(data["steps"], data["state"]) + "\n"

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--path"], "--path draws the path of a scenario: give its FILE"),
            ([str(RI), "--path", "--format", "png"], "--path draws SVG, not png"),
        ],
    )
    def test_diagram_path_refuses_what_it_cannot_draw(self, args, message):
        code, _, err = _cli("diagram", *args)
        assert code == 2
        assert message in err

    def test_diagram_without_graphviz_says_what_is_missing(self, monkeypatch, capsys):
        monkeypatch.setattr(diagram_module, "graphviz_missing", lambda: "pydot is missing")
        code, out, _ = _cli("diagram")
        assert code == 0
        assert out.startswith("stateDiagram-v2")
        err = capsys.readouterr().err
        assert "powcase diagram: pydot is missing, so this is Mermaid text" in err
        assert "add --path" in err

    def test_the_library_draws_the_path_too(self):
        result = run(load_scenarios(RI)[0])[0]
        data = result.to_dict()
        assert powcase.diagram(result, "path") == path_svg(data["steps"], data["state"])


def test_the_whole_chart_in_mermaid_has_no_internal_names():
    text = powcase.render.diagram.diagram(None, "mermaid")
    assert "on_enter" not in text
    assert "entry /" not in text
    assert "_is_" not in text
    assert not re.search(r"\[[a-z_]+\]", text)
    assert "as_before" not in text
    assert "escaped --> in_custody : Recapture (as before)" in text
    assert "transferred_to_third_power --> in_custody : Recall (as before)" in text
    assert "presumed_pow --> pow : Determine status\n" in text


@pytest.mark.parametrize(
    ("fmt", "which_dot", "pydot_ok", "said"),
    [
        ("dot", None, False, "DOT diagrams need pydot, which is missing"),
        ("dot", None, True, None),
        ("svg", "/usr/bin/dot", False, "SVG diagrams need pydot, which is missing"),
        ("png", None, True, "PNG diagrams need Graphviz's dot program, which is missing"),
        ("svg", None, False, "SVG diagrams need pydot and Graphviz's dot program"),
    ],
)
def test_a_diagram_that_cannot_be_drawn_names_what_is_missing(
    monkeypatch, fmt, which_dot, pydot_ok, said
):
    """powcase.diagram(case, "dot") and powcase diagram --format svg: the error names what is
    missing (DOT needs pydot; SVG and PNG also Graphviz's dot) and how to install it."""
    import builtins
    import shutil

    real_import = builtins.__import__

    def importing(name, *args, **kwargs):
        if name == "pydot" and not pydot_ok:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importing)
    monkeypatch.setattr(shutil, "which", lambda name: which_dot)
    if said is None:
        assert diagram_module.diagram(None, fmt).startswith("digraph")
        return
    with pytest.raises(diagram_module.DiagramUnavailable) as raised:
        diagram_module.diagram(None, fmt)
    assert str(raised.value).startswith(said)
    if not pydot_ok:
        assert "pip install 'powcase[diagrams]'" in str(raised.value)
    if which_dot is None and fmt != "dot":
        assert "apt-get install graphviz" in str(raised.value)


def test_the_command_says_what_a_diagram_format_needs(monkeypatch):
    monkeypatch.setattr(diagram_module, "_missing", lambda: (True, False))
    code, _, err = _cli("diagram", "--format", "svg")
    assert code == 2
    assert "SVG diagrams need pydot, which is missing: pip install 'powcase[diagrams]'" in err


def test_the_command_says_what_a_diagram_needs_in_the_readers_language(monkeypatch):
    monkeypatch.setattr(diagram_module, "_missing", lambda: (True, False))
    code, _, err = _cli("diagram", "--format", "dot", "--lang", "ko")
    assert code == 2
    assert "DOT 도표에는 pydot이 필요하지만" in err
    assert "pip install 'powcase[diagrams]'" in err
