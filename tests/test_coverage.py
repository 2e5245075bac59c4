"""Coverage of the law by a scenario corpus: which provisions and reason codes it exercises."""

import io
import json
import pathlib
import subprocess
import sys

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from powcase.cli import main
from powcase.law.book import Law
from powcase.law.messages import RETIRED
from powcase.law.provisions import matches
from powcase.scenario import find_scenario_files, load_scenarios, run

ROOT = pathlib.Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = (str(EXAMPLES), str(ROOT / "tests" / "scenarios"))
RI = str(EXAMPLES / "ri.powcase.yaml")
OVERLAY = str(EXAMPLES / "law-overlay" / "overlay.yaml")
PACKAGED = Law.packaged()


def _api():
    from powcase.explore import coverage

    return coverage


def _render():
    from powcase.render import coverage

    return coverage


def cli(*args):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _scenarios(*paths, law=()):
    return [s for f in find_scenario_files(paths) for s in load_scenarios(f, law=law)]


@pytest.fixture(scope="module")
def corpus():
    """The repository's own scenarios: the examples and the command's test scenarios."""
    return _api().measure(_scenarios(*CORPUS))


@pytest.fixture(scope="module")
def ri():
    return _api().measure(_scenarios(RI))


def _entry(part, key):
    found = [e for e in part.entries if e.id == key]
    assert found, key
    return found[0]


# --- what the corpus cites --------------------------------------------------------------------


def test_the_ri_example_counts_each_run_of_its_record_and_each_verdict_it_asks(ri):
    # Three runs: the record, its strict_reading variant, and the record without South Korea's
    # statements. The first two ask for a repatriation to KP, refused on GCIII-118 and CAT-3;
    # the strict reading leaves out the commentary's reading of GCIII-118.
    assert ri.runs == 3
    assert ri.files == (RI,)
    assert (ri.steps, ri.verdicts) == (7 + 7 + 5, 3 + 1 + 1)
    cat3 = _entry(ri.provisions, "CAT-3")
    assert (cat3.instrument, cat3.steps, cat3.verdicts) == ("CAT", 0, 2)
    commentary = _entry(ri.provisions, "ICRC-COM-2020-GCIII-118")
    assert (commentary.steps, commentary.verdicts) == (0, 1)
    # GCIII-13 is cited by the breach the media exposure (step 1) is, in each run.
    media = _entry(ri.provisions, "GCIII-13")
    assert (media.steps, media.verdicts) == (3, 0)
    # Only the record without South Korea's statements asks a verdict citing GCIII-5.
    assert _entry(ri.provisions, "GCIII-5").verdicts == 1


def test_the_repository_corpus_figures(corpus):
    assert corpus.runs == 37
    assert len(corpus.files) == 17
    # The Belarusian overlay of one example adds its article to the catalogue.
    assert corpus.provisions.total == len(PACKAGED.provisions) + 1
    # 49: GCIII-92 (an attempt punished by discipline only) was cited for the recapture after
    # a successful escape as its transition's provision; no reason of that verdict gives it.
    assert corpus.provisions.cited == 49
    assert corpus.reason_codes.total == len(PACKAGED.messages) - len(RETIRED)
    assert corpus.reason_codes.cited == 54
    # 190: contested_wish records the ICRC visit of its private interview.
    assert (corpus.steps, corpus.verdicts) == (190, 39)
    gciii_118 = _entry(corpus.provisions, "GCIII-118")
    assert (gciii_118.steps, gciii_118.verdicts) == (6, 15)
    # A paragraph cited counts for its article too: only GCIII-119(5) is ever cited.
    assert _entry(corpus.provisions, "GCIII-119(5)").verdicts == 1
    assert _entry(corpus.provisions, "GCIII-119").verdicts == 1
    for never in ("GCIII-4", "BY-CC-361-3"):
        assert not _entry(corpus.provisions, never).cited
        assert never in corpus.provisions.never_cited


def test_every_count_matches_the_json_of_powcase_run(corpus):
    """The counts agree with a tally of ``powcase run --format json`` over the same files."""
    code, out, _ = cli("run", "--format", "json", *CORPUS)
    assert code == 0
    runs = json.loads(out)
    assert len(runs) == corpus.runs

    def hit(cites, wanted):
        return any(matches(c, wanted) for c in cites)

    for entry in corpus.provisions.entries:
        steps = verdicts = 0
        for r in runs:
            breaches = r["violations"] + r["possible_violations"]
            for step in r["steps"]:
                cites = step["cites"] + [c for x in step["reasons"] for c in x["cites"]]
                cites += [c for v in breaches if v["index"] == step["index"] for c in v["cites"]]
                steps += hit(cites, entry.id)
            verdicts += sum(hit(v["cites"], entry.id) for v in r["verdicts"])
        assert (entry.steps, entry.verdicts) == (steps, verdicts), entry.id
    for entry in corpus.reason_codes.entries:
        steps = verdicts = 0
        for r in runs:
            breaches = r["violations"] + r["possible_violations"]
            for step in r["steps"]:
                given_codes = {x["code"] for x in step["reasons"]}
                given_codes |= {
                    x["code"]
                    for v in breaches
                    if v["index"] == step["index"]
                    for x in v["reasons"]
                }
                steps += entry.id in given_codes
            verdicts += sum(entry.id in {x["code"] for x in v["reasons"]} for v in r["verdicts"])
        assert (entry.steps, entry.verdicts) == (steps, verdicts), entry.id


def test_the_reason_codes_are_the_messages_no_rule_has_retired(corpus):
    listed = [e.id for e in corpus.reason_codes.entries]
    assert listed == [c for c in PACKAGED.messages if c not in RETIRED]
    assert "hostilities_not_ended" not in listed
    # Every capture gives protection_starts; no scenario asks for a move the path lacks.
    started = _entry(corpus.reason_codes, "protection_starts")
    assert (started.steps, started.verdicts) == (36, 0)
    assert "not_possible_from_state" in corpus.reason_codes.never_cited


def test_the_catalogue_is_in_catalogue_order_with_overlays_last(corpus):
    ids = [e.id for e in corpus.provisions.entries]
    assert ids == [*PACKAGED.provisions, "BY-CC-361-3"]


def test_an_overlay_given_to_the_measure_adds_its_provisions_never_cited(ri):
    overlaid = _api().measure(_scenarios(RI, law=[OVERLAY]), law=PACKAGED.overlaid(OVERLAY))
    assert overlaid.provisions.total == ri.provisions.total + 1
    assert "BY-CC-361-3" in overlaid.provisions.never_cited
    assert overlaid.provisions.cited == ri.provisions.cited
    assert overlaid.to_dict()["generated_by"]["overlays"][0]["added"]


def test_the_value_is_immutable_and_says_its_figures(ri):
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ri.runs = 0  # type: ignore[misc]
    shown = str(ri)
    assert f"{ri.provisions.cited} of {ri.provisions.total} provisions cited" in shown
    assert "reason codes given" in shown


def test_the_percentage(ri):
    part = ri.provisions
    assert part.percent == pytest.approx(100 * part.cited / part.total)
    assert part.cited == sum(e.cited for e in part.entries)
    assert len(part.never_cited) == part.total - part.cited


# --- provisions never cited on any path -------------------------------------------------------

_IDS = list(PACKAGED.provisions)


@given(st.lists(st.sampled_from(_IDS)))
def test_never_cited_is_the_catalogue_less_what_the_cites_reach(cites):
    left = _api().never_cited(PACKAGED, cites)
    assert list(left) == [p for p in _IDS if p in left]  # catalogue order
    for pid in _IDS:
        reached = any(matches(c, pid) for c in cites)
        assert (pid in left) is not reached


def test_a_paragraph_cited_covers_its_article_but_not_a_neighbour():
    left = _api().never_cited(PACKAGED, ["GCIII-109(3)"])
    assert "GCIII-109" not in left
    assert "GCIII-109(3)" not in left
    assert "GCIII-109(1)" in left
    assert "GCIII-110" in left


# --- output ----------------------------------------------------------------------------------


def test_the_json_is_one_document_valid_under_its_published_schema():
    code, out, _ = cli("coverage", RI, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["generated_by"]["model"] == 2
    assert document["runs"] == 3
    code, schema_text, _ = cli("schema", "--output", "coverage")
    assert code == 0
    schema = json.loads(schema_text)
    assert schema == _api().coverage_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(document)) == []
    document["provisions"]["entries"][0]["steps"] = -1
    assert list(validator.iter_errors(document))
    # The run output's schema is still the default of --output.
    assert json.loads(cli("schema", "--output")[1])["title"].startswith("powcase run output")


def test_the_text_table(ri):
    text = _render().render_coverage_text(ri)
    lines = text.splitlines()
    row = next(line for line in lines if line.split()[:1] == ["CAT-3"])
    assert row.split() == ["CAT-3", "CAT", "0", "2"]
    never = next(line for line in lines if line.split()[:1] == ["GCIII-4"])
    assert never.rstrip().endswith("never cited")
    summary = f"{ri.provisions.cited} of {ri.provisions.total} provisions cited"
    assert any(line.startswith(summary) and line.endswith("%)") for line in lines)
    assert any(line.endswith("%)") and "reason codes given" in line for line in lines)


def test_the_markdown_tables(ri):
    page = _render().render_coverage_markdown(ri)
    assert "| id | instrument | steps | verdicts |  |" in page
    assert "| CAT-3 | CAT | 0 | 2 |  |" in page
    assert "| GCIII-4 | GCIII | 0 | 0 | never cited |" in page
    assert "| code | steps | verdicts |  |" in page


def test_the_command_prints_the_table_with_the_corpus_figure(corpus):
    code, out, _ = cli("coverage", *CORPUS)
    assert code == 0
    figure = f"{corpus.provisions.cited} of {corpus.provisions.total} provisions cited"
    assert figure in out
    assert out.endswith(f"({corpus.reason_codes.percent:.1f}%)\n")


# --- --fail-under and exit codes ---------------------------------------------------------------


def test_fail_under_exits_1_below_the_threshold_and_0_at_or_above_it(ri, capsys):
    percent = ri.provisions.percent
    assert cli("coverage", RI, "--fail-under", "100")[0] == 1
    code, out, _ = cli("coverage", RI, "--fail-under", f"{percent + 0.5:.1f}")
    assert code == 1
    assert f"{percent:.1f}% is below --fail-under" in capsys.readouterr().err
    assert "provisions cited" in out  # the table is still printed
    assert cli("coverage", RI, "--fail-under", f"{int(percent)}")[0] == 0
    assert cli("coverage", RI, "--fail-under", "0")[0] == 0


@pytest.mark.parametrize("bad", ["101", "-1", "lots"])
def test_a_threshold_outside_0_to_100_is_invalid_input(bad):
    with pytest.raises(SystemExit) as exit_:
        cli("coverage", RI, "--fail-under", bad)
    assert exit_.value.code == 2


def test_an_invalid_scenario_is_a_located_error_with_exit_2(tmp_path):
    broken = tmp_path / "broken.powcase.yaml"
    broken.write_text("powcase: 1\nsubject: {id: x}\ndetaining_power: ZZ\n", encoding="utf-8")
    code, out, err = cli("coverage", str(broken))
    assert code == 2
    assert out == ""
    assert f"{broken}:3:" in err
    assert "Traceback" not in err


def test_no_scenario_under_the_paths_is_invalid_input(tmp_path):
    code, _, err = cli("coverage", str(tmp_path))
    assert code == 2
    assert "no scenario files" in err


def test_the_law_option_adds_an_overlays_provisions():
    code, out, _ = cli("coverage", RI, "--law", OVERLAY, "--format", "json")
    assert code == 0
    document = json.loads(out)
    ids = [e["id"] for e in document["provisions"]["entries"]]
    assert ids[-1] == "BY-CC-361-3"
    assert "BY-CC-361-3" in document["provisions"]["never_cited"]


def test_no_name_of_a_subject_in_any_output():
    for fmt in ("text", "markdown", "json"):
        out = cli("coverage", RI, "--format", fmt)[1]
        assert "Withheld" not in out


def test_help_has_an_example():
    done = subprocess.run(
        [sys.executable, "-m", "powcase", "coverage", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "example: powcase coverage" in done.stdout


def test_the_coverage_of_results_already_run_is_the_same(ri):
    results = [r for s in _scenarios(RI) for r in run(s)]
    assert _api().Coverage.of(results) == ri


@pytest.fixture(scope="module")
def corpus_runs():
    return [r for s in _scenarios(*CORPUS) for r in run(s)]


@given(split=st.lists(st.booleans(), min_size=37, max_size=37))
def test_counts_add_up_over_any_split_of_the_runs(corpus_runs, split):
    """Two halves of the corpus count, between them, exactly what the whole counts."""
    of = _api().Coverage.of
    whole = of(corpus_runs)
    one = of([r for r, left in zip(corpus_runs, split, strict=True) if left])
    other = of([r for r, left in zip(corpus_runs, split, strict=True) if not left])
    assert one.runs + other.runs == whole.runs
    assert (one.steps + other.steps, one.verdicts + other.verdicts) == (
        whole.steps,
        whole.verdicts,
    )
    for part in ("provisions", "reason_codes"):
        halves = {e.id: (e.steps, e.verdicts) for e in getattr(one, part).entries}
        for e in getattr(other, part).entries:
            s, v = halves.get(e.id, (0, 0))
            halves[e.id] = (s + e.steps, v + e.verdicts)
        assert {e.id: (e.steps, e.verdicts) for e in getattr(whole, part).entries} == halves


def test_a_file_named_twice_runs_once(ri):
    code, out, _ = cli("coverage", RI, str(EXAMPLES), "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["files"].count(RI) == 1
    alone = json.loads(cli("coverage", str(EXAMPLES), "--format", "json")[1])
    assert document["runs"] == alone["runs"] == 32


def test_a_broken_scenario_file_in_a_folder_is_an_error_not_skipped(tmp_path):
    (tmp_path / "ri.powcase.yaml").write_text(
        pathlib.Path(RI).read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "typo.powcase.yaml").write_text("powcse: 1\n", encoding="utf-8")
    code, out, err = cli("coverage", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "typo.powcase.yaml" in err


def test_the_how_to_guide_quotes_the_corpus_figures(corpus):
    """docs/how-to/coverage.md shows the figures of the repository's own scenarios: they are
    the ones the command prints."""
    page = (ROOT / "docs" / "how-to" / "coverage.md").read_text(encoding="utf-8")
    quoted = page.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    printed = _render().render_coverage_text(corpus).splitlines()
    assert [line for line in quoted if line not in printed] == []
