"""The HTML report in Korean and Ukrainian: the page says its language, names fonts with Hangul
and Cyrillic (embedding none), says that the translation is unofficial, and renders in headless
Chromium with every Hangul and Cyrillic letter drawn by a font that has it (no missing glyphs).
"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess

import pytest

from powcase._util import i18n
from powcase.cli import main
from powcase.explore.alphabet import alphabet
from powcase.explore.readings import ReadingGrid
from powcase.explore.search import explore
from powcase.law.book import Law
from powcase.render.path_book import path_book
from powcase.render.report import render_report
from powcase.scenario.load import load_scenarios
from powcase.scenario.running import run
from test_report_and_diagrams import SHOTS, _browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
RI = ROOT / "examples" / "ri.powcase.yaml"
TRANSLATED = ("ko", "uk")
SCRIPTS = {"ko": ("ac00", "[\uac00-\ud7a3]"), "uk": ("0456", "[\u0400-\u04ff]")}
"""For each language, a letter its script needs (as fontconfig's charset) and its letters."""


def _results():
    return [r for s in load_scenarios(RI) for r in run(s)]


def _exploration():
    """The Ri case explored from the end of its record, as the teachers' page does it."""
    ri = load_scenarios(RI)[0]
    law = Law.packaged()
    way_out = ["decide_protection", "wish_verified", "release_to_third_state", "resettle"]
    letters = alphabet(ri.record, law, ri.record.events[-1].date, include=[*way_out, "repatriate"])
    return explore(ri.record, letters, ReadingGrid.of(ri.assumptions, {}), depth=2, law=law)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_path_book_says_its_language_and_is_in_it(lang):
    found = _exploration()
    book = path_book(found, lang=lang)
    assert book.startswith(f"<!DOCTYPE html><html lang='{lang}'>")
    assert '"Noto Sans CJK KR"' in book
    assert i18n.unofficial(lang).text in book
    _ = i18n.gettext_for(lang)
    for heading in ("How the book was made", "Contents", "The path this page shows"):
        assert _(heading) in book
        assert heading not in book
    assert "GCIII-118" in book  # ids stay as they are
    assert path_book(found) == path_book(found, lang="en")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_report_says_its_language_and_names_fonts_with_its_letters(lang):
    page = render_report(_results(), lang=lang)
    assert page.startswith(f"<!DOCTYPE html><html lang='{lang}'>")
    assert '"Noto Sans CJK KR"' in page
    assert '"DejaVu Sans"' in page
    # No font is embedded or fetched.
    assert "@font-face" not in page
    assert "url(" not in page
    assert i18n.unofficial(lang).text in page
    _ = i18n.gettext_for(lang)
    for heading in ("Timeline", "Flags, gravest first", "The path", "Assumptions"):
        assert f"<h2>{_(heading)}</h2>" in page
    assert "lang='" + lang + "'" in page.split("class='path-drawing'")[1][:400]


def test_the_english_report_is_unchanged_by_the_language_argument():
    assert render_report(_results()) == render_report(_results(), lang="en")
    assert "lang='en'" in render_report(_results())[:40]


def test_a_text_shown_in_english_for_want_of_a_translation_is_tagged_english():
    from powcase.render.report import _text

    shown = _text({"text": "An overlay's flag. (영어)", "text_en": "An overlay's flag."})
    assert shown == "<span lang='en'>An overlay&#x27;s flag.</span> (영어)"


def _covering(codepoint: str) -> set[str]:
    """The font families installed that have the letter ``codepoint`` (fontconfig's view)."""
    done = subprocess.run(
        ["fc-list", f":charset={codepoint}", "family"], capture_output=True, text=True, check=True
    )
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",")}


@pytest.fixture(scope="module")
def browser():
    driver = _browser()
    yield driver
    driver.quit()


@pytest.mark.parametrize("page", ["report", "book"])
@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_report_renders_in_chromium_with_no_missing_glyph(lang, page, browser, tmp_path):
    """Every element whose own text has Hangul (Korean) or Cyrillic (Ukrainian) is drawn with
    at least one font that has that script, as Chromium reports the fonts it used
    (``CSS.getPlatformFontsForNode``) and fontconfig the fonts that have a letter of it. With
    no such font installed, the glyphs would be boxes (tofu) and no font used could be among
    those fontconfig lists, so the test fails.
    """
    if not shutil.which("fc-list"):
        pytest.skip("needs fontconfig's fc-list")
    codepoint, letters = SCRIPTS[lang]
    covering = _covering(codepoint)
    if not covering:
        pytest.fail(f"no installed font has U+{codepoint.upper()}: install fonts-noto-cjk")
    report = tmp_path / f"ri-{lang}.html"
    if page == "report":
        assert main(["report", str(RI), "--lang", lang, "-o", str(report)]) == 0
    else:
        report.write_text(path_book(_exploration(), lang=lang), encoding="utf-8")
    browser.get(report.as_uri())
    if page == "book":
        # Every page of the book, shown at once as when printed.
        browser.execute_script(
            "for (const s of document.querySelectorAll('section.page')) s.style.display='block'"
        )
    assert browser.execute_script("return document.documentElement.lang") == lang
    browser.execute_cdp_cmd("DOM.enable", {})
    browser.execute_cdp_cmd("CSS.enable", {})
    root = browser.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = browser.execute_cdp_cmd(
        "DOM.querySelectorAll",
        {"nodeId": root, "selector": "h1, h2, h3, p, th, td, li, b, span, summary, text"},
    )["nodeIds"]
    checked, bare = 0, []
    for node in nodes:
        own = browser.execute_cdp_cmd("DOM.describeNode", {"nodeId": node, "depth": 1})["node"]
        text = "".join(
            child.get("nodeValue", "")
            for child in own.get("children", [])
            if child["nodeType"] == 3
        )
        if not re.search(letters, text):
            continue
        fonts = browser.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        used = {f["familyName"] for f in fonts if f["glyphCount"] > 0}
        checked += 1
        if not used & covering:
            bare.append((text[:40], sorted(used)))
    assert checked > 30
    assert bare == []
    SHOTS.mkdir(exist_ok=True)
    assert browser.save_screenshot(str(SHOTS / f"ri-{page}-{lang}.png"))
