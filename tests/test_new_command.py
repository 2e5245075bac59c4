"""`powcase new`: a commented starter scenario that validates, runs and keeps its comments."""

import io
import os

import pytest

from powcase.cli import main
from powcase.scenario.starter import STARTERS

KINDS = list(STARTERS)


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _comments(text):
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


@pytest.mark.parametrize("kind", KINDS)
def test_each_starter_is_written_validates_runs_and_passes_its_expectations(tmp_path, kind):
    path = tmp_path / "case.powcase.yaml"
    code, out, err = cli("new", "--kind", kind, "-o", path)
    assert (code, err) == (0, "")
    assert f"wrote {path}" in out
    written = path.read_text(encoding="utf-8")
    assert cli("validate", path)[0] == 0
    code, out, err = cli("run", path)
    assert code == 0, out + err
    code, out, _ = cli("test", path)
    assert code == 0, out
    assert " 0 failed" in out
    # The comments that explain it are in the file as written.
    assert _comments(written) == _comments(STARTERS[kind].text)
    assert len(_comments(written)) >= 8


@pytest.mark.parametrize("kind", KINDS)
def test_each_starter_explains_its_main_parts(kind):
    lines = STARTERS[kind].text.splitlines()
    for key in ("powcase:", "subject:", "detaining_power:", "assumptions:", "events:", "expect:"):
        at = next(i for i, line in enumerate(lines) if line.startswith(key))
        explained = "#" in lines[at] or lines[at - 1].startswith("#")
        assert explained, f"{kind}: {key} has no comment"


def test_new_prints_the_starter_without_an_output_file():
    code, out, _ = cli("new")
    assert code == 0
    assert out == STARTERS["basic"].text


def test_new_refuses_to_replace_a_file_unless_forced(tmp_path):
    path = tmp_path / "mine.powcase.yaml"
    path.write_text("my own work\n")
    code, _out, err = cli("new", "-o", path)
    assert code == 2
    assert "exists" in err
    assert "--force" in err
    assert path.read_text() == "my own work\n"
    assert cli("new", "--kind", "asylum", "-o", path, "--force")[0] == 0
    assert path.read_text() == STARTERS["asylum"].text


def test_new_refuses_a_symbolic_link(tmp_path):
    target = tmp_path / "target.yaml"
    target.write_text("kept\n")
    link = tmp_path / "link.powcase.yaml"
    os.symlink(target, link)
    code, _, err = cli("new", "-o", link, "--force")
    assert code == 2
    assert "symbolic link" in err
    assert target.read_text() == "kept\n"


def test_new_help_lists_the_kinds(capsys):
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for kind, item in STARTERS.items():
        assert f"{kind}: {item.summary}" in text


def test_an_unknown_kind_is_a_usage_error():
    with pytest.raises(SystemExit) as stopped:
        main(["new", "--kind", "nonsense"], out=io.StringIO(), err=io.StringIO())
    assert stopped.value.code == 2
