"""The public API: curated, sorted, documented, and free of test-only imports."""

import inspect
import subprocess
import sys

import pytest

import powcase
from powcase import errors


def _isort_style(name):
    """Constants, then classes, then the rest, each alphabetically (ruff's RUF022 order)."""
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


def test_all_is_sorted_and_complete():
    assert powcase.__all__ == sorted(powcase.__all__, key=_isort_style)
    assert len(set(powcase.__all__)) == len(powcase.__all__)
    public = {n for n in dir(powcase) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(powcase, n))}
    assert set(powcase.__all__) - {"__version__"} == public - modules


@pytest.mark.parametrize("name", [n for n in powcase.__all__ if n != "__version__"])
def test_every_public_name_is_documented(name):
    obj = getattr(powcase, name)
    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert inspect.getdoc(obj), name


def test_the_core_does_not_import_hypothesis():
    code = "import sys, powcase; powcase.describe(); print('hypothesis' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"HYPOTHESIS_NO_PLUGINS": "1", "PATH": ""},
    )
    assert out.stdout.strip() == "False"


def test_every_error_is_a_powcase_error_with_a_stable_code():
    # A warning (NameInFreeText) is not an error: it is not raised.
    classes = [getattr(errors, n) for n in errors.__all__ if n != "Problem"]
    classes = [c for c in classes if not issubclass(c, Warning)]
    codes = [c.code for c in classes]
    assert all(issubclass(c, powcase.PowcaseError) for c in classes)
    assert len(set(codes)) == len(codes)
    assert issubclass(powcase.InvalidInput, ValueError)
    assert issubclass(powcase.UnknownProvision, LookupError)


def test_the_version_is_the_installed_one():
    assert powcase.__version__ != "0.0.0"


def test_no_public_name_is_also_a_module_of_the_package():
    """A submodule named like a public function would replace it once imported."""
    import importlib.util

    clashes = [n for n in powcase.__all__ if importlib.util.find_spec(f"powcase.{n}")]
    assert clashes == []


def test_public_functions_stay_functions_after_their_modules_load():
    import powcase.description
    import powcase.explore.comparison

    assert callable(powcase.describe)
    assert callable(powcase.compare)
    assert powcase.describe()["model"] == 2
