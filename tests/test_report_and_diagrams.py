"""Diagrams of the chart and of a person's path, and the case report in a real browser."""

import json
import pathlib
import shutil

import pytest

import powcase
from powcase import Case, load_scenarios, run
from powcase.cli import main
from powcase.render.diagram import Trace, diagram, graphviz_available
from powcase.render.path_drawing import MIN_FONT_SIZE, WIDTH
from powcase.render.report import render_report

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.powcase.yaml"))
FORCED = ROOT / "examples" / "forced_return.powcase.yaml"
SHOTS = ROOT / "tests" / "screenshots"


def _trace(path):
    (result, *_) = run(load_scenarios(path)[0])
    data = result.to_dict()
    return Trace.of_steps(data["steps"], data["state"])


class TestMermaid:
    def test_the_chart_has_every_state_and_the_regions(self):
        text = diagram(None, "mermaid")
        assert text.startswith("stateDiagram-v2")
        for state in (
            "at_large",
            "in_custody",
            "presumed_pow",
            "request_pending",
            "sentenced",
            "released_to_third_state",
            "resettled",
            "deceased",
        ):
            assert f"as {state}" in text
        assert 'state "Status" as status {' in text

    def test_a_path_is_highlighted_and_refusals_noted(self):
        text = diagram(_trace(FORCED), "mermaid")
        assert "class repatriated current" in text
        assert "class at_large,in_custody,no_request,none,presumed_pow visited" in text
        assert "refused 1: Repatriate (2026-06-02)" in text

    def test_case_diagram_is_the_same_drawing(self):
        case = Case.replay(load_scenarios(FORCED)[0].record, mode="descriptive")
        assert powcase.diagram(case, "mermaid") == diagram(_trace(FORCED), "mermaid")

    def test_a_run_result_draws_the_same_path_as_its_case(self):
        result = run(load_scenarios(FORCED)[0])[0]
        assert powcase.diagram(result, "mermaid") == powcase.diagram(result.case, "mermaid")


@pytest.mark.skipif(not graphviz_available(), reason="needs Graphviz and pydot")
class TestGraphviz:
    def test_the_chart_in_dot(self):
        text = diagram(None, "dot")
        assert text.startswith("digraph LegalPath {")
        assert "subgraph cluster_in_custody" in text
        assert "pow [" in text

    def test_a_path_in_dot(self):
        text = diagram(_trace(FORCED), "dot")
        assert "repatriated [label=<<b>Repatriated</b>>" in text or "repatriated [" in text
        assert "#fde68a" in text
        assert "refused_1" in text
        assert "refused: Repatriate" in text
        assert "refused_1 -> in_custody_anchor_in" in text  # the note points at custody

    def test_svg_and_png(self, tmp_path):
        assert diagram(None, "svg").lstrip().startswith(b"<?xml")
        assert diagram(None, "png").startswith(b"\x89PNG")
        out = tmp_path / "ri.png"
        assert main(["diagram", str(FORCED), "--format", "png", "-o", str(out)]) == 0
        assert out.read_bytes().startswith(b"\x89PNG")


def test_without_graphviz_the_command_falls_back_to_mermaid(monkeypatch, capsys):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert main(["diagram"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("stateDiagram-v2")
    assert "dot program" in captured.err
    assert "are missing" in captured.err or "is missing" in captured.err
    assert "apt-get install graphviz" in captured.err
    assert main(["diagram", "--format", "svg"]) == 2


def test_the_report_is_self_contained_and_keeps_the_name_out(tmp_path):
    results = run(load_scenarios(ROOT / "tests" / "scenarios" / "forced_return.powcase.yaml")[0])
    page = render_report(results)
    assert "Kept Out Of Output" not in page
    assert "<script" not in page
    assert "://" not in page.split("<body>")[0]  # no address in the head (http-equiv is one)
    for needle in (
        "<table class='timeline'>",
        "Flags, gravest first",
        "figure class='diagram path'",
        "class='path-drawing'",
        "<details class='chart'>",
        "Not legal advice",
        "https://ihl-databases.icrc.org/en/ihl-treaties/gciii-",
    ):
        assert needle in page
    assert "Kept Out Of Output" in render_report(results, reveal_names=True)


def _browser():
    chromium = shutil.which("chromium")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("needs Debian's chromium and chromium-driver (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,2000",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(driver_path))


BODY_TEXT_PX = 15
"""The report's body text size; the path drawing's smallest text is at least as large."""


def _the_path_text_is_large(browser, drawing):
    smallest = MIN_FONT_SIZE * drawing.size["width"] / WIDTH
    assert smallest >= BODY_TEXT_PX, smallest


@pytest.fixture(scope="module")
def browser():
    driver = _browser()
    yield driver
    driver.quit()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem.split(".")[0])
def test_every_example_report_works_offline_in_a_browser(example, browser, tmp_path):
    from selenium.webdriver.common.by import By

    report = tmp_path / f"{example.stem.split('.')[0]}.html"
    assert main(["report", str(example), "-o", str(report)]) == 0
    browser.get_log("performance")  # forget what came before
    browser.get(report.as_uri())
    for selector in ("table.timeline", "h2", "figure.diagram", "svg.path-drawing"):
        element = browser.find_element(By.CSS_SELECTOR, selector)
        assert element.is_displayed(), selector
        assert element.size["height"] > 0, selector
    flags = browser.find_elements(By.CSS_SELECTOR, "table.flags, p.flags")
    assert flags
    assert flags[0].is_displayed()
    drawing = browser.find_element(By.CSS_SELECTOR, "figure.diagram svg.path-drawing")
    assert drawing.is_displayed()
    assert drawing.size["width"] > 400
    _the_path_text_is_large(browser, drawing)
    if graphviz_available():
        whole = browser.find_element(By.CSS_SELECTOR, "details.chart svg")
        assert not whole.is_displayed()  # folded: a secondary view
    requests = [
        json.loads(entry["message"])["message"] for entry in browser.get_log("performance")
    ]
    urls = {
        m["params"]["request"]["url"]
        for m in requests
        if m["method"] == "Network.requestWillBeSent"
    }
    assert urls <= {report.as_uri()}, urls
    SHOTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SHOTS / f"{report.stem}.png"))
    if report.stem == "ri":
        # The path section as a class sees it, kept with the other screenshots.
        section = browser.find_element(By.CSS_SELECTOR, "figure.diagram.path")
        browser.execute_script("arguments[0].scrollIntoView()", section)
        assert section.screenshot(str(SHOTS / "ri-path.png"))


def test_a_file_of_several_scenarios_makes_one_page(tmp_path):
    out = tmp_path / "medical.html"
    assert (
        main(
            [
                "report",
                str(ROOT / "examples" / "medical_repatriation.powcase.yaml"),
                "-o",
                str(out),
            ]
        )
        == 0
    )
    page = out.read_text()
    assert page.count("<!DOCTYPE html>") == 1
    assert page.count("<section class='scenario'>") == 2
