"""The pytest plugin collects scenario files and reports failures as `powcase test` does."""

import pathlib

pytest_plugins = ["pytester"]

RI = pathlib.Path(__file__).parent / "scenarios" / "ri.powcase.yaml"


def test_scenarios_and_variants_are_test_items(pytester):
    pytester.makefile(".powcase.yaml", ri=RI.read_text())
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*strict_reading*PASSED*"])


def test_a_failing_expectation_is_reported_like_powcase_test(pytester):
    failing = RI.read_text().replace("no_flags: [self_harm_risk]", "no_flags: [public_curiosity]")
    pytester.makefile(".powcase.yaml", failing=failing)
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*FAIL*failing.powcase.yaml*",
            "*no_flags: public_curiosity: expected not active, got active*",
        ]
    )


def test_an_invalid_file_is_a_collection_error_with_its_location(pytester):
    pytester.makefile(".powcase.yaml", bad="powcase: 1\nsubject: {id: x}\n")
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*bad.powcase.yaml*detaining_power: is required*"])
