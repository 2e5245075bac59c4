"""Every public module imports first thing in a fresh process, and the layers hold.

A cycle between modules shows only when a module is the first one imported: imported after
another, it finds its partner already loaded. So each public module is imported alone, in a
new interpreter.
"""

import concurrent.futures
import pathlib
import subprocess
import sys

import pytest

import powcase

SRC = pathlib.Path(powcase.__file__).parent


def _public_modules() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(part.startswith("_") for part in parts):
            continue
        found.append(".".join(parts))
    return found


PUBLIC = _public_modules()


def _first_import(statement: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", statement], capture_output=True, text=True, check=False
    )


def test_the_public_modules_are_found():
    assert {"powcase", "powcase.testing", "powcase.case", "powcase.law.guards"} <= set(PUBLIC)
    assert not any("._" in name for name in PUBLIC)


def test_every_public_module_imports_first_in_a_fresh_process():
    statements = [f"import {name}" for name in PUBLIC]
    statements.append("from powcase.testing import cases")
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        done = dict(zip(statements, pool.map(_first_import, statements), strict=True))
    failed = {s: d.stderr.strip().splitlines()[-1:] for s, d in done.items() if d.returncode}
    assert not failed


@pytest.mark.parametrize("name", sorted(powcase.__all__))
def test_every_public_name_resolves(name):
    assert getattr(powcase, name) is not None


def test_scenario_run_stays_the_function_after_every_module_is_imported():
    """A package's name is never shadowed by a submodule of the same name: ``run`` is the
    function however many of powcase's modules were imported before."""
    import subprocess
    import sys

    code = (
        "import powcase.explore.coverage, powcase.explore.comparison, powcase.cli\n"
        "from powcase.scenario import run\n"
        "assert callable(run) and run.__module__ == 'powcase.scenario.running', run\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
