"""`powcase explore`: property files checked on every path, from the command line; and the
commands that meet property files on the way (validate, test, schema).
"""

from __future__ import annotations

import io
import json
import pathlib

import jsonschema
import pytest

from powcase.cli import main

ROOT = pathlib.Path(__file__).parent.parent
PROPERTIES = ROOT / "examples" / "ri.properties.yaml"


def cli(*args: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_explore_prints_each_property_with_its_answers_and_the_readings_grouped() -> None:
    code, out, err = cli("explore", PROPERTIES, "--depth", "2")
    assert code == 0, err
    assert "no_return_to_risk (never)" in out
    assert "south_korea_reachable (reachable)" in out
    assert "Readings grouped by their answers:" in out
    assert "Provisions never cited on an explored path" in out


def test_the_json_output_is_one_document_that_its_schema_accepts() -> None:
    code, out, _ = cli("explore", PROPERTIES, "--depth", "1", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert isinstance(document, list)
    code, schema, _ = cli("schema", "--output", "explore")
    assert code == 0
    jsonschema.validate(document, json.loads(schema))
    results = {p["id"]: p["results"] for p in document[0]["properties"]}
    assert len(results["south_korea_reachable"]) == 24  # one per reading of the file


def test_the_alphabet_is_shown_without_exploring() -> None:
    code, out, _ = cli("explore", PROPERTIES, "--show-alphabet")
    assert code == 0
    assert "31 letters" in out
    assert "  release_to_third_state(to=KR)" in out


def test_witnesses_written_by_the_command_replay_with_run(tmp_path: pathlib.Path) -> None:
    code, _, err = cli("explore", PROPERTIES, "--depth", "2", "--witnesses", tmp_path)
    assert code == 0, err
    written = sorted(tmp_path.glob("*.powcase.yaml"))
    assert written
    for witness in written:
        code, out, err = cli("run", witness, "--format", "json")
        assert code == 0, (witness.name, err)
        assert json.loads(out)[0]["expectations"]


def test_workers_give_the_same_answers() -> None:
    def answers(*extra: str) -> list[object]:
        code, out, _ = cli("explore", PROPERTIES, "--depth", "2", "--format", "json", *extra)
        assert code == 0
        return [(p["id"], p["results"]) for p in json.loads(out)[0]["properties"]]

    assert answers("--workers", "2") == answers()


def test_witnesses_are_not_written_over_a_file(tmp_path: pathlib.Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("mine")
    code, _, err = cli("explore", PROPERTIES, "--depth", "1", "--witnesses", taken)
    assert code == 2
    assert "not a folder" in err
    assert taken.read_text() == "mine"


def test_validate_reads_property_files_with_located_errors(tmp_path: pathlib.Path) -> None:
    code, out, _ = cli("validate", PROPERTIES)
    assert code == 0
    assert out.endswith(" and 1 property file\n")
    broken = tmp_path / "broken.properties.yaml"
    broken.write_text(
        PROPERTIES.read_text().replace(
            "start: {file: ri.powcase.yaml", "start: {file: nowhere.yaml"
        )
        + "  - id: odd\n    reachable: {state: nowhere}\n"
    )
    code, _, err = cli("validate", broken)
    assert code == 2
    assert f"{broken}:" in err
    assert "nowhere" in err


def test_test_explores_property_files_only_when_asked() -> None:
    code, out, _ = cli("test", ROOT / "examples", "--explore")
    assert code == 0
    assert "EXPLORED" in out
    assert "no_return_to_risk" in out
    code, out, _ = cli("test", ROOT / "examples")
    assert code == 0
    assert "EXPLORED" not in out
    code, _, err = cli("test", PROPERTIES)
    assert code == 2
    assert "--explore" in err


def test_a_wrong_depth_is_invalid_input() -> None:
    code, _, err = cli("explore", PROPERTIES, "--depth", "-1")
    assert code == 2
    assert "depth" in err


def test_a_path_book_is_written_for_one_reading(tmp_path: pathlib.Path) -> None:
    book = tmp_path / "book.html"
    code, out, err = cli(
        "explore", PROPERTIES, "--depth", "1", "--book", book, "--reading", "3", "--format", "json"
    )
    assert code == 0, err
    assert isinstance(json.loads(out), list)  # the JSON output stays one document
    page = book.read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert "third_state_release" in page  # the cover names the reading's assumptions
    assert "barred" in page  # reading 3 bars a release during hostilities
    assert "<script" not in page


def test_a_path_book_is_never_written_over_an_input() -> None:
    before = PROPERTIES.read_text()
    code, _, err = cli("explore", PROPERTIES, "--depth", "1", "--book", PROPERTIES)
    assert code == 2
    assert "input" in err
    assert PROPERTIES.read_text() == before


def test_a_reading_outside_the_file_is_invalid_input(tmp_path: pathlib.Path) -> None:
    code, _, err = cli("explore", PROPERTIES, "--book", tmp_path / "b.html", "--reading", "99")
    assert code == 2
    assert "readings 1 to 24" in err


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", " and 1 property file\n", " and 2 property files\n"),
        ("ko", " 및 속성 파일 1개\n", " 및 속성 파일 2개\n"),
        ("uk", " і файлів властивостей: 1\n", " і файлів властивостей: 2\n"),
    ],
)
def test_validate_counts_property_files_in_each_language(
    tmp_path: pathlib.Path, lang: str, one: str, two: str
) -> None:
    """One property file is "1 property file", not "1 property files"; the translations word
    the count so that it needs no plural."""
    code, out, _ = cli("validate", PROPERTIES, "--lang", lang)
    assert (code, out[-len(one) :]) == (0, one)
    (tmp_path / "ri.powcase.yaml").symlink_to(PROPERTIES.parent / "ri.powcase.yaml")
    second = tmp_path / "second.properties.yaml"
    second.write_text(PROPERTIES.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = cli("validate", PROPERTIES, second, "--lang", lang)
    assert (code, out[-len(two) :]) == (0, two)
