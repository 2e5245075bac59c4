"""The command's promises under failure: a bug is exit 3 in one line, a closed pipe or a full
disk ends cleanly, output files are whole and never replace an input, no scenario file in a
folder is skipped, and every JSON output is one document.
"""

import io
import json
import os
import pathlib
import subprocess
import sys

import pytest

from powcase import cli as command
from powcase._util import output
from powcase.cli import main

ROOT = pathlib.Path(__file__).parent.parent
SCENARIOS = ROOT / "tests" / "scenarios"
RI = SCENARIOS / "ri.powcase.yaml"
MEDICAL = ROOT / "examples" / "medical_repatriation.powcase.yaml"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _powcase(*args, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "powcase", *map(str, args)],
        env=ENV,
        check=False,
        **kwargs,
    )


def _boom(args, out):
    raise ZeroDivisionError("personal detail that must not be shown")


class TestABugInPowcase:
    def test_is_exit_3_with_one_line_saying_how_to_report_it(self, monkeypatch):
        monkeypatch.setattr(command, "_cmd_describe", _boom)
        code, out, err = cli("describe")
        assert code == 3
        assert out == ""
        assert len(err.splitlines()) == 1
        assert "a bug in powcase (ZeroDivisionError" in err
        assert "issue with the command line" in err
        assert "Traceback" not in err
        assert "personal detail" not in err

    def test_shows_its_traceback_with_debug(self, monkeypatch):
        monkeypatch.setattr(command, "_cmd_describe", _boom)
        code, _, err = cli("--debug", "describe")
        assert code == 3
        assert "Traceback (most recent call last)" in err
        assert "ZeroDivisionError" in err

    def test_debug_may_also_follow_the_command(self, monkeypatch):
        monkeypatch.setattr(command, "_cmd_describe", _boom)
        code, _, err = cli("describe", "--debug")
        assert code == 3
        assert "Traceback (most recent call last)" in err

    def test_exit_codes_are_in_the_help(self):
        done = _powcase("--help", capture_output=True, text=True)
        assert "3 a bug in powcase" in " ".join(done.stdout.split())
        assert "--debug" in done.stdout
        done = _powcase("report", "--help", capture_output=True, text=True)
        assert "3 a bug in powcase" in " ".join(done.stdout.split())


class TestEveryPowcaseErrorIsInvalidInput:
    def test_a_powcase_error_from_any_command_is_exit_2_with_its_message(self, monkeypatch):
        from powcase.errors import UnknownState

        def refuse(args, out):
            raise UnknownState("XX", ["KP", "UA"])

        monkeypatch.setattr(command, "_cmd_describe", refuse)
        code, _, err = cli("describe")
        assert code == 2
        assert (
            err == "powcase describe: the parties table has no entry for 'XX'; it knows KP, UA\n"
        )


class TestPipesAndFullDisks:
    def test_a_reader_that_goes_away_ends_the_command_quietly(self):
        for args in (["describe"], ["describe", "--format", "text"], ["run", RI], ["--help"]):
            process = subprocess.Popen(
                [sys.executable, "-m", "powcase", *map(str, args)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=ENV,
            )
            process.stdout.close()  # `| true`: the reader is gone before the first write
            _, err = process.communicate(timeout=120)
            assert err == b"", (args, err)
            assert process.returncode in (0, 141), args

    def test_a_shell_pipe_into_head_is_quiet(self):
        done = subprocess.run(
            f"{sys.executable} -m powcase describe --format text | head -1",
            shell=True,
            capture_output=True,
            text=True,
            env=ENV,
            check=False,
        )
        assert done.stdout == "States\n"
        assert done.stderr == ""

    @pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
    def test_a_full_disk_is_one_clear_line(self):
        for args in (["describe"], ["run", RI, "--format", "json"]):
            with open("/dev/full", "w") as full:
                done = _powcase(*args, stdout=full, stderr=subprocess.PIPE, text=True)
            assert done.returncode == 2
            assert done.stderr == (
                f"powcase {args[0]}: cannot write the output: No space left on device\n"
            )


class TestOutputFiles:
    def test_the_output_may_not_be_the_input(self, tmp_path):
        scenario = tmp_path / "x.powcase.yaml"
        scenario.write_text(RI.read_text())
        before = scenario.read_bytes()
        (tmp_path / "sub").mkdir()
        os.link(scenario, tmp_path / "hard.yaml")
        for target in (
            scenario,
            tmp_path / "sub" / ".." / "x.powcase.yaml",
            tmp_path / "hard.yaml",
        ):
            code, out, err = cli("report", scenario, "-o", target)
            assert code == 2, target
            assert "is one of the command's inputs" in err
            assert out == ""
        code, _, err = cli("diagram", scenario, "--format", "mermaid", "-o", scenario)
        assert code == 2
        assert scenario.read_bytes() == before

    def test_nor_a_law_overlay_it_reads(self, tmp_path):
        overlay = tmp_path / "overlay.yaml"
        overlay.write_text("concerns: {}\n")
        before = overlay.read_bytes()
        code, _, err = cli("report", RI, "--law", overlay, "-o", overlay)
        assert code == 2
        assert "is one of the command's inputs" in err
        assert overlay.read_bytes() == before

    def test_nor_an_overlay_the_scenario_names(self, tmp_path):
        folder = ROOT / "examples" / "law-overlay"
        overlay = tmp_path / "overlay.yaml"
        overlay.write_text((folder / "overlay.yaml").read_text())
        scenario = tmp_path / "belarus.powcase.yaml"
        scenario.write_text((folder / "belarus.powcase.yaml").read_text())
        before = overlay.read_bytes()
        code, _, err = cli("report", scenario, "-o", overlay)
        assert code == 2
        assert "is one of the command's inputs" in err
        assert overlay.read_bytes() == before

    def test_the_target_is_refused_before_any_work(self, tmp_path, monkeypatch):
        monkeypatch.setattr(command, "_cmd_report", _boom)
        code, _, err = cli("report", RI, "-o", RI)
        assert code == 2
        assert "is one of the command's inputs" in err

    def test_a_symbolic_link_at_the_target_is_refused(self, tmp_path):
        precious = tmp_path / "precious.txt"
        precious.write_text("keep me")
        link = tmp_path / "report.html"
        link.symlink_to(precious)
        code, _, err = cli("report", RI, "-o", link)
        assert code == 2
        assert "symbolic link" in err
        assert precious.read_text() == "keep me"
        assert link.is_symlink()

    def test_a_special_file_at_the_target_is_refused(self, tmp_path):
        code, _, err = cli("report", RI, "-o", tmp_path)
        assert code == 2
        assert "not a regular file" in err

    def test_a_write_killed_half_way_leaves_the_previous_file(self, tmp_path, monkeypatch):
        report = tmp_path / "report.html"
        assert cli("report", RI, "-o", report)[0] == 0
        previous = report.read_bytes()

        def killed(source, target):
            raise KeyboardInterrupt  # the process dies before the new file takes its place

        monkeypatch.setattr(output.os, "replace", killed)
        code, _, err = cli("report", MEDICAL, "-o", report)
        assert code == 130
        assert err == "powcase report: interrupted\n"
        assert report.read_bytes() == previous
        assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]

    def test_the_file_is_written_whole_with_ordinary_permissions(self, tmp_path):
        report = tmp_path / "report.html"
        assert cli("report", RI, "-o", report)[0] == 0
        assert report.read_text().endswith("</html>\n")
        mask = os.umask(0)
        os.umask(mask)
        assert report.stat().st_mode & 0o777 == 0o666 & ~mask
        report.chmod(0o640)
        assert cli("report", RI, "-o", report)[0] == 0
        assert report.stat().st_mode & 0o777 == 0o640


BROKEN = {
    "tabs.powcase.yaml": "powcase: 1\n\ttitle: tabs\n",
    "bytes.powcase.yaml": b"powcase: 1\ntitle: \xff\xfe\n",
    "typo.powcase.yaml": RI.read_text().replace("powcase: 1", "powcse: 1"),
}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.powcase.yaml").write_text(RI.read_text())
    for name, content in BROKEN.items():
        path = tmp_path / "nested" / name
        path.parent.mkdir(exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    return tmp_path


class TestNothingLost:
    def test_test_reports_the_good_files_and_every_broken_one(self, folder):
        code, out, err = cli("test", folder)
        assert code == 2
        assert ", 0 failed (2 runs of 1 files), " in out
        assert "problems in files that cannot be used" in out
        for name in BROKEN:
            assert str(folder / "nested" / name) in err, name

    def test_validate_names_every_broken_file(self, folder):
        code, out, err = cli("validate", folder)
        assert code == 2
        assert out == ""
        for name in BROKEN:
            assert str(folder / "nested" / name) in err, name

    def test_a_special_file_named_like_a_scenario_is_reported_not_read(self, folder):
        os.mkfifo(folder / "pipe.powcase.yaml")
        code, _, err = cli("validate", folder)
        assert code == 2
        assert str(folder / "pipe.powcase.yaml") in err
        assert "not a file" in err

    def test_run_refuses_the_folder(self, folder):
        code, out, err = cli("run", folder)
        assert (code, out) == (2, "")
        assert "tabs.powcase.yaml" in err

    def test_pytest_agrees(self, folder):
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
            capture_output=True,
            text=True,
            cwd=folder,
            env=ENV,
            check=False,
        )
        assert done.returncode != 0
        assert "3 errors" in done.stdout  # one collection error per broken file


class TestAFileOfNoScenario:
    @pytest.mark.parametrize(
        "args",
        [
            ("validate",),
            ("run",),
            ("run", "--format", "json"),
            ("options",),
            ("explain", "--step", "0"),
            ("compare", "--vary", "media_exception"),
            ("diagram", "--format", "mermaid"),
            ("report", "-o", "{out}"),
        ],
        ids=" ".join,
    )
    def test_is_invalid_input_in_every_command(self, tmp_path, args):
        empty = tmp_path / "empty.powcase.yaml"
        empty.write_text("powcase: 1\nscenarios: []\n")
        argv = [args[0], empty, *(a.format(out=tmp_path / "r.html") for a in args[1:])]
        code, out, err = cli(*argv)
        assert (code, out) == (2, "")
        assert str(empty) in err
        assert "no scenario" in err
        assert not (tmp_path / "r.html").exists()

    def test_test_reports_it_after_the_others(self, tmp_path):
        (tmp_path / "empty.powcase.yaml").write_text("powcase: 1\nscenarios: []\n")
        (tmp_path / "ri.powcase.yaml").write_text(RI.read_text())
        code, out, err = cli("test", tmp_path)
        assert code == 2
        assert "0 failed (2 runs of 1 files)" in out
        assert "empty.powcase.yaml" in err
        assert "no scenario" in err


class TestOneJsonDocument:
    @pytest.mark.parametrize(
        "args",
        [
            ("options", MEDICAL, "--format", "json"),
            ("compare", MEDICAL, "--vary", "media_exception", "--format", "json"),
            ("run", MEDICAL, "--format", "json"),
        ],
        ids=["options", "compare", "run"],
    )
    def test_a_file_of_several_scenarios_is_one_list(self, args):
        code, out, _ = cli(*args)
        assert code == 0
        document = json.loads(out)
        assert isinstance(document, list)
        assert len(document) >= 2

    @pytest.mark.parametrize(
        "args",
        [
            ("describe",),
            ("schema",),
            ("parties", "KP", "--format", "json"),
            ("explain", RI, "--step", "0", "--format", "json"),
        ],
        ids=["describe", "schema", "parties", "explain"],
    )
    def test_every_other_json_output_is_one_document(self, args):
        code, out, _ = cli(*args)
        assert code == 0
        json.loads(out)
