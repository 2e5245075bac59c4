"""The path book: what a teacher hands out and a student clicks through.

What they rely on: every page is a situation the reading reaches and says where he is; its
flags are those of the path it names (replayed with ``Case``); every next step carries the
verdict the law gives it under the book's reading and links to a page of the book; a final
state says so and leads back to the start; the file runs no script, fetches nothing, escapes
what the scenario says and never names the subject. In Chromium, a student gets from the
first page to a final state by clicking.
"""

from __future__ import annotations

import datetime
import html
import io
import json
import pathlib
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from powcase import Case, load_scenarios
from powcase.cli import main
from powcase.errors import InvalidInput
from powcase.explore.alphabet import Letter, alphabet
from powcase.explore.readings import ReadingGrid
from powcase.explore.search import Exploration, explore
from powcase.law.book import Law
from powcase.model.mode import Mode
from powcase.render.path_book import path_book, where
from powcase.render.report import CONTENT_SECURITY_POLICY

ROOT = pathlib.Path(__file__).parent.parent
RI = load_scenarios(ROOT / "examples" / "ri.powcase.yaml")[0]
LAW = Law.packaged()
START = RI.record.events[-1].date
WAY_OUT = [
    "decide_protection",
    "wish_verified",
    "release_to_third_state",
    "resettle",
    "repatriate",
]
LETTERS = alphabet(RI.record, LAW, START, include=WAY_OUT)
ONE = ReadingGrid.of(RI.assumptions, {})
FOUND = explore(RI.record, LETTERS, ONE, depth=3, law=LAW)
BOOK = path_book(FOUND)


def _pages(book: str) -> dict[int, str]:
    """Each page of the book by its situation's index."""
    parts = re.split(r"(?=<section class='page' id='s\d+')", book)
    found = {}
    for part in parts[1:]:
        index = int(part.split("id='s", 1)[1].split("'", 1)[0])
        found[index] = part.split("</section>")[0]
    return found


def _reached(found: Exploration, reading: int) -> set[int]:
    return {s.index for s in found.situations if s.readings & (1 << reading)}


def _rows(page: str) -> list[str]:
    table = page.split("<table class='next'>")[1] if "<table class='next'>" in page else ""
    return re.findall(r"<tr><td><b>.*?</tr>", table)


def _check_links_and_verdicts(found: Exploration, reading: int, book: str) -> None:
    pages = _pages(book)
    assert set(pages) == _reached(found, reading)
    anchors = {"cover", *(f"s{i}" for i in pages)}
    assert set(re.findall(r"href='#([^']+)'", book)) <= anchors
    bit = 1 << reading
    for index, page in pages.items():
        situation = found.situations[index]
        assert f"Where he is: <b>{html.escape(where(situation.configuration))}</b>" in page
        steps = [found.steps[i] for i in situation.leaving if found.steps[i].readings & bit]
        rows = _rows(page)
        assert len(rows) == len(steps)
        for step, row in zip(steps, rows, strict=True):
            assert html.escape(found.letters[step.letter].label) in row
            shown = "fact" if step.event.event_kind != "machine" else str(step.outcome)
            assert f'class="badge {shown}"' in row, (row, step)
            target = found.situations[step.target]
            link = f"<a href='#s{step.target}'>situation {step.target}: "
            link += f"{html.escape(where(target.configuration))}</a>"
            stays = " (this page)" if step.target == index else ""
            assert row.endswith(f"{link}{stays}</td></tr>"), row


def _check_flags(found: Exploration, reading: int, book: str) -> int:
    """Each page's flags are those of the path it names, replayed; how many were shown."""
    shown = 0
    for index, page in _pages(book).items():
        path = found.path(index, reading)
        case = Case(found.record(path), found.grid.readings[reading], found.mode, LAW)
        day = case.last_date
        assert day == found.first_day + datetime.timedelta(found.step_days * len(path))
        expected = [f.code for f in case.active_flags(day)]
        flags = page.split("<h3>Flags standing", 1)[1].split("<h3>", 1)[0]
        assert re.findall(r"<td><b>([a-z_]+)</b>", flags) == expected
        for step in path:
            assert f"<b>{html.escape(found.letters[step.letter].label)}</b>" in page
        shown += len(expected)
    return shown


class TestTheBook:
    def test_every_page_is_a_situation_its_steps_judged_and_linked(self) -> None:
        _check_links_and_verdicts(FOUND, 0, BOOK)

    def test_a_page_shows_the_flags_of_the_path_it_names(self) -> None:
        shown = _check_flags(FOUND, 0, BOOK)
        assert shown  # the Ri case has standing flags: the comparison compared something

    def test_a_final_state_says_so_and_leads_back_to_the_start(self) -> None:
        pages = _pages(BOOK)
        start = next(s.index for s in FOUND.starts())
        finals = [s.index for s in FOUND.situations if s.position.final]
        assert finals
        for index in finals:
            assert "A final state" in pages[index]
            assert f"<a href='#s{start}'>Back to the start</a>" in pages[index]
        edge = next(
            s.index for s in FOUND.situations if s.depth_for(0) == 3 and not s.position.final
        )
        assert "The book ends here" in pages[edge]

    def test_the_cover_names_the_reading_with_every_assumption(self) -> None:
        cover = BOOK.split("<section id='cover'>")[1].split("</section>")[0]
        for key, value in RI.assumptions.to_dict().items():
            shown = str(value).lower() if isinstance(value, bool) else str(value)
            assert f"<tr><td>{key}</td><td>{shown}</td>" in cover
        assert "Not legal advice" in cover

    def test_no_script_nothing_fetched_and_a_policy_that_forbids_both(self) -> None:
        head = BOOK.split("<body>")[0]
        assert f'content="{CONTENT_SECURITY_POLICY}"' in head
        assert "default-src 'none'" in CONTENT_SECURITY_POLICY
        assert "script-src" not in CONTENT_SECURITY_POLICY  # default-src 'none' covers it
        lowered = BOOK.lower()
        for needle in ("<script", "<link", "<img", "<iframe", "@import", "url(", " src="):
            assert needle not in lowered, needle
        # The only addresses are the official texts the citations link to.
        for address in re.findall(r"href=['\"]([^'\"#][^'\"]*)['\"]", BOOK):
            assert address.startswith("https://"), address

    def test_the_subject_is_named_by_his_id_only(self) -> None:
        assert RI.record.subject.name
        assert RI.record.subject.name not in BOOK
        assert f"Path book: {RI.record.subject.id}," in BOOK

    def test_scenario_strings_are_escaped_and_inert(self) -> None:
        evil = "\x1b]0;owned\x07\u202e<img src=x onerror=alert(1)><script>x</script>&'\""
        subject = attrs.evolve(RI.record.subject, id=evil)
        record = attrs.evolve(RI.record, subject=subject)
        found = explore(record, LETTERS[:2], ONE, depth=1, law=LAW)
        book = path_book(found)
        assert "<script>" not in book
        assert "<img" not in book
        assert (
            "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;x&lt;/script&gt;&amp;&#x27;&quot;"
            in book
        )
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", book)
        assert "\\x1b]0;owned\\x07\\u202e" in book  # shown, not obeyed

    def test_the_book_is_bounded(self) -> None:
        with pytest.raises(InvalidInput, match=r"would have \d+ pages .* more than the 5"):
            path_book(FOUND, max_situations=5)
        assert path_book(FOUND, max_situations=len(_reached(FOUND, 0))) == BOOK

    def test_a_reading_outside_the_grid_is_refused(self) -> None:
        with pytest.raises(InvalidInput, match="is not a reading"):
            path_book(FOUND, reading=1)


def test_a_book_follows_its_own_reading_of_a_grid() -> None:
    """Explored under several readings, each book holds the pages and verdicts of its
    reading only: barring release to a third state refuses the step the other reading lets
    through (or leaves open).
    """
    grid = ReadingGrid.of(
        RI.assumptions, {"third_state_release": ["allowed_as_release", "barred"]}
    )
    found = explore(RI.record, LETTERS, grid, depth=3, law=LAW)
    outcomes = []
    for reading in range(len(grid)):
        book = path_book(found, reading)
        _check_links_and_verdicts(found, reading, book)
        cover = book.split("</section>")[0]
        assert (
            f"<tr><td>third_state_release</td><td>{grid.describe(reading)['third_state_release']}"
            in cover
        )
        outcomes.append(
            {
                s.outcome
                for s in found.steps
                if s.readings & (1 << reading)
                and found.letters[s.letter].name == "release_to_third_state"
            }
        )
    assert outcomes[0] != outcomes[1]
    assert "allowed" not in {str(o) for o in outcomes[1]}


@settings(max_examples=5, deadline=None)
@given(
    letters=st.lists(
        st.sampled_from(alphabet(RI.record, LAW, START)), min_size=2, max_size=6, unique=True
    ),
    mode=st.sampled_from(list(Mode)),
)
def test_any_alphabet_makes_a_book_whose_links_all_land(letters: list[Letter], mode: Mode) -> None:
    """In either mode (descriptive applies refused steps too), whatever the letters."""
    found = explore(RI.record, letters, ONE, depth=2, law=LAW, mode=mode)
    book = path_book(found)
    _check_links_and_verdicts(found, 0, book)
    _check_flags(found, 0, book)


# --- in a browser


@pytest.fixture(scope="module")
def browser():
    from test_report_and_diagrams import _browser

    driver = _browser()
    yield driver
    driver.quit()


def _shown(browser, by):
    return [e for e in browser.find_elements(by.CSS_SELECTOR, "section.page") if e.is_displayed()]


def test_a_student_clicks_from_the_first_page_to_a_final_state(browser, tmp_path):
    from selenium.webdriver.common.by import By

    book = tmp_path / "ri-book.html"
    book.write_text(BOOK, encoding="utf-8")
    resettled = next(s for s in FOUND.situations if s.configuration == ("resettled",))
    path = FOUND.path(resettled.index, 0)
    start = next(s.index for s in FOUND.starts())

    browser.get_log("performance")  # forget what came before
    browser.get(book.as_uri())
    cover = browser.find_element(By.ID, "cover")
    assert cover.is_displayed()
    assert _shown(browser, By) == []
    assert "third_state_release" in cover.text

    def follow(link, index):
        claimed = link.text
        link.click()
        shown = _shown(browser, By)
        assert [e.get_attribute("id") for e in shown] == [f"s{index}"]
        page = shown[0]
        assert not cover.is_displayed()
        assert page.find_element(By.TAG_NAME, "h2").text == f"Situation {index}"
        where_shown = page.find_element(By.CSS_SELECTOR, "p.where b").text
        assert where_shown == where(FOUND.situations[index].configuration)
        # A link to a situation names it and where he is; one to the start says so.
        named = re.fullmatch(r"situation (\d+): (.*)", claimed)
        if named:
            assert (int(named.group(1)), named.group(2)) == (index, where_shown)
        else:
            assert "start" in claimed.lower()
            assert "The start: where his record leaves him" in page.text
        assert browser.current_url.endswith(f"#s{index}")

    follow(cover.find_element(By.CSS_SELECTOR, f"a[href='#s{start}']"), start)
    for step in path:
        page = browser.find_element(By.ID, f"s{step.source}")
        link = page.find_element(By.CSS_SELECTOR, f"table.next a[href='#s{step.target}']")
        follow(link, step.target)
    final = browser.find_element(By.ID, f"s{resettled.index}")
    assert "A final state" in final.find_element(By.CSS_SELECTOR, "p.final").text
    assert "Resettled" in final.text
    follow(final.find_element(By.LINK_TEXT, "Back to the start"), start)

    entries = [json.loads(e["message"])["message"] for e in browser.get_log("performance")]
    urls = {
        m["params"]["request"]["url"]
        for m in entries
        if m["method"] == "Network.requestWillBeSent"
    }
    assert urls <= {book.as_uri()}, urls


# --- the teachers' page


def test_the_teachers_page_makes_the_book_it_describes(tmp_path, monkeypatch) -> None:
    page = (ROOT / "docs" / "teaching" / "path-book.md").read_text(encoding="utf-8")
    book, barred = re.findall(r"```python\n(.*?)```", page, re.S)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(book, "path-book.md", "exec"), namespace)
    made = (tmp_path / "ri-book.html").read_text(encoding="utf-8")
    assert made == BOOK
    assert len(_pages(made)) == 14
    assert "(14 pages)" in page
    # The second book, made by continuing the code above, follows the barred reading.
    exec(compile(barred, "path-book.md", "exec"), namespace)
    second = (tmp_path / "ri-book-barred.html").read_text(encoding="utf-8")
    assert second != BOOK
    assert "barred" in second


def test_the_command_writes_the_book_the_teachers_page_says(tmp_path) -> None:
    """`powcase explore ... --depth 2 --book`: a book of the pages the page gives."""
    page = (ROOT / "docs" / "teaching" / "path-book.md").read_text(encoding="utf-8")
    command = re.search(r"powcase explore (examples/ri.properties.yaml --depth 2) --book", page)
    assert command is not None
    said = re.search(r"That book has (\d+) pages", page)
    assert said is not None
    out = tmp_path / "ri-book-all.html"
    path, *options = command[1].split()
    argv = ["explore", str(ROOT / path), *options, "--book", str(out)]
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    assert len(_pages(out.read_text(encoding="utf-8"))) == int(said[1])


def _after(step) -> list[str]:
    return [FOUND.letters[s.letter].label for s in FOUND.path(step.source, 0)]


def test_what_the_teachers_page_says_a_class_finds_in_the_ri_book() -> None:
    home = "wish_verified(by=ICRC, destination=KP, private_interview=true)"
    korea = "wish_verified(by=ICRC, destination=KR, private_interview=true)"
    for step in FOUND.steps:
        name, before = FOUND.letters[step.letter].name, _after(step)
        if name == "repatriate":
            case = Case(FOUND.record(FOUND.path(step.source, 0)), ONE.readings[0])
            verdict = case.verdict(step.event)
            if home in before:
                assert step.outcome == "undetermined"
                assert [m.fact for m in verdict.missing] == ["risk_despite_wish"]
            else:
                assert step.outcome == "refused"
                assert {"GCIII-118", "CAT-3", "ICCPR-7"} <= set(verdict.cites)
        if name == "release_to_third_state":
            expected = "refused" if home in before else "allowed" if korea in before else None
            assert step.outcome == (expected or "undetermined"), before
    resettled = next(s for s in FOUND.situations if s.configuration == ("resettled",))
    assert [FOUND.letters[s.letter].name for s in FOUND.path(resettled.index, 0)] == [
        "wish_verified",
        "release_to_third_state",
        "resettle",
    ]


def test_the_sizes_the_teachers_page_gives() -> None:
    every = alphabet(RI.record, LAW, START)
    assert len(every) == 31
    by_depth = [
        len(explore(RI.record, every, ONE, depth=depth, law=LAW).situations) for depth in (2, 3)
    ]
    assert by_depth == [109, 518]
    deep = explore(RI.record, every, ONE, depth=3, law=LAW)
    with pytest.raises(InvalidInput, match="would have 518 pages"):
        path_book(deep)
