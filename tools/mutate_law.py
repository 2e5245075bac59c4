"""Mutation testing of the law modules, decorated guards included.

    PYTHONPATH=src python tools/mutate_law.py [MODULE.py ...] [--tests PATH ...]

(see docs/how-to/mutation-testing.md). mutmut 3 does not mutate decorated functions, and every
guard in ``powcase.law.guards`` is registered by a decorator; this tool mutates them like any
other function. It runs pytest once, in one process: it collects the law tests, runs each once
recording which law functions it calls (and how long it takes), then for each mutant
(:mod:`mutants`) forks; the child swaps the mutated function's ``__code__`` and runs only the
tests that call that function, fastest first, stopping at the first failure. A mutant is
*killed* when a test fails (or errors), *survives* when all pass, *times out* past its budget
(counted as killed: a mutant that hangs is noticed), and has *no test* when no test calls its
function. One mutant runs at a time, so the run uses one core.

Results are kept in a JSON file by mutant key (module and number, with a hash of the module's
source): a second run re-tests only the mutants that were not killed, unless ``--all``.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import importlib
import json
import os
import pathlib
import signal
import sys
import time
import types
import weakref
from collections import defaultdict
from typing import Any

import pytest
from _pytest.runner import runtestprotocol

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from mutants import Mutant, mutants, mutated_code  # beside this script

ROOT = pathlib.Path(__file__).resolve().parent.parent
LAW = ROOT / "src" / "powcase" / "law"
DEFAULT_TESTS = [
    "tests/test_legal_v2_*.py",
    "tests/test_law_pinned_*.py",
    "tests/test_guards.py",
    "tests/test_law_*.py",
    "tests/test_violations.py",
    "tests/test_flags.py",
    "tests/test_docket.py",
    "tests/test_i18n.py",  # the law's texts in Korean and Ukrainian (law/translated.py)
    "tests/test_cites_and_concerns_fit.py",  # what a step cites, whom a concern is about
    "tests/test_readable_values.py",  # how the law's values present themselves
    "tests/test_i18n_messages.py",  # the parties' summaries and describe's texts, translated
]
"""The law tests: the guards, the legal readings, the law data, flags and docket."""

KILLED, SURVIVED, TIMEOUT, NO_TEST, BROKEN = "killed", "survived", "timeout", "no test", "broken"


def _unit_of(code: types.CodeType) -> str:
    """The top-level function or method a code object belongs to (nested ones count as it)."""
    return code.co_qualname.split(".<locals>.", 1)[0]


class Recorder:
    """Which law functions each test calls, by file and unit."""

    def __init__(self, files: set[str]) -> None:
        self.files = files
        self.calls: set[tuple[str, str]] = set()

    def profile(self, frame: types.FrameType, event: str, _arg: Any) -> None:
        """The ``sys.setprofile`` hook: note each call of a law function."""
        if event == "call" and frame.f_code.co_filename in self.files:
            self.calls.add((frame.f_code.co_filename, _unit_of(frame.f_code)))


class Forgetting:
    """Forgets the answers the law remembers (each :class:`~powcase.law.book.Law`'s memo, the
    law modules' function caches), so that a test works them out again: else a test after
    the first would read remembered answers, and neither record the functions that work them
    out nor run a mutant of one.
    """

    def __init__(self) -> None:
        from powcase.law import book  # noqa: PLC0415  (see _record)

        # By identity: laws compare by value, and equal laws each have their own memo.
        self.laws: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary(
            (id(value), value) for value in gc.get_objects() if isinstance(value, book.Law)
        )
        original = book.Law.__attrs_post_init__

        def post_init(law: Any) -> None:
            original(law)
            self.laws[id(law)] = law

        post_init.__wrapped__ = original  # type: ignore[attr-defined]  # unwrapped by _function
        book.Law.__attrs_post_init__ = post_init  # type: ignore[method-assign]
        self.caches = [
            value
            for name, module in list(sys.modules.items())
            if name.startswith("powcase.law.")
            for value in vars(module).values()
            if callable(getattr(value, "cache_clear", None))
        ]

    def __call__(self) -> None:
        """Forget every remembered answer."""
        for law in list(self.laws.values()):
            law.memo.clear()
        for cache in self.caches:
            cache.cache_clear()


@dataclasses.dataclass
class Plan:
    """What to mutate and where results go."""

    modules: list[pathlib.Path]
    results: pathlib.Path
    everything: bool
    timeout_factor: float
    minimum_timeout: float
    limit: int | None


class MutationPlugin:
    """The pytest plugin: replaces the test loop with coverage, then one fork per mutant."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        """Record what each test calls, then run every mutant; no test runs as usual."""
        plan = self.plan
        files = {str(path.resolve()) for path in plan.modules}
        items = list(session.items)
        say(f"{len(items)} tests collected; recording what each calls")
        covering, durations, warmup, forget = _record(items, files)
        failing = [item for item in items if item.nodeid not in durations]
        if failing:
            say(f"{len(failing)} tests fail before any mutation; they are left out:")
            for item in failing:
                say(f"  {item.nodeid}")
        stored = _load(plan.results)
        order = {item.nodeid: i for i, item in enumerate(items)}
        started = time.monotonic()
        done = 0
        for path in plan.modules:
            source = path.read_text()
            digest = hashlib.sha256(source.encode()).hexdigest()[:16]
            module = _module_name(path)
            found = mutants(module, source)
            say(f"{module}: {len(found)} mutants")
            for mutant in found:
                if plan.limit is not None and done >= plan.limit:
                    break
                key = f"{mutant.key}@{digest}"
                previous = stored.get(key)
                if previous and not plan.everything and previous["status"] in (KILLED, TIMEOUT):
                    continue
                tests = sorted(
                    (i for i in covering.get((str(path.resolve()), mutant.unit), ())),
                    key=lambda nodeid: (durations[nodeid], order[nodeid]),
                )
                if (str(path.resolve()), mutant.unit) in warmup:
                    # Run while the packaged law was first read: read it again in the child.
                    tests = sorted(durations, key=lambda n: (durations[n], order[n]))
                budget = max(
                    plan.minimum_timeout,
                    plan.timeout_factor * sum(durations[t] for t in tests),
                )
                status, killer, took = _run_mutant(
                    mutant,
                    path,
                    source,
                    [session_item(items, t) for t in tests],
                    budget,
                    reload_law=(str(path.resolve()), mutant.unit) in warmup,
                    forget=forget,
                )
                done += 1
                stored[key] = {
                    "status": status,
                    "mutant": mutant.describe(),
                    "unit": mutant.unit,
                    "killed_by": killer,
                    "tests": len(tests),
                    "seconds": round(took, 2),
                }
                if status not in (KILLED, TIMEOUT):
                    say(f"  {status}: {mutant.describe()}")
                if done % 25 == 0:
                    _save(plan.results, stored)
                    say(f"  ... {done} run, {time.monotonic() - started:.0f} s")
        _save(plan.results, stored)
        _summary(stored, plan.modules)
        return True


def session_item(items: list[pytest.Item], nodeid: str) -> pytest.Item:
    """The collected test with ``nodeid``."""
    for item in items:
        if item.nodeid == nodeid:
            return item
    raise LookupError(nodeid)


def _record(
    items: list[pytest.Item], files: set[str]
) -> tuple[dict[tuple[str, str], list[str]], dict[str, float], set[tuple[str, str]], Forgetting]:
    """Run every test once: what each calls, how long it takes (passing tests only), and the
    functions run while the packaged law is first read.
    """
    # Imported once pytest runs: imported before, powcase would escape assertion rewriting,
    # which the suite's warnings-as-errors turns into a failure.
    from powcase.law import book  # noqa: PLC0415

    recorder = Recorder(files)
    book._PACKAGED.clear()
    forget = Forgetting()
    sys.setprofile(recorder.profile)
    book.Law.packaged()
    sys.setprofile(None)
    warmup = set(recorder.calls)
    covering: dict[tuple[str, str], list[str]] = defaultdict(list)
    durations: dict[str, float] = {}
    for i, item in enumerate(items):
        following = items[i + 1] if i + 1 < len(items) else None
        recorder.calls = set()
        forget()
        start = time.perf_counter()
        sys.setprofile(recorder.profile)
        try:
            reports = runtestprotocol(item, nextitem=following, log=False)
        finally:
            sys.setprofile(None)
        took = time.perf_counter() - start
        if any(report.failed for report in reports):
            if os.environ.get("MUTATION_DEBUG"):
                say(str(next(r for r in reports if r.failed).longrepr)[-3000:])
            continue
        durations[item.nodeid] = took
        for call in recorder.calls:
            covering[call].append(item.nodeid)
    return covering, durations, warmup, forget


def _run_mutant(
    mutant: Mutant,
    path: pathlib.Path,
    source: str,
    tests: list[pytest.Item],
    budget: float,
    *,
    reload_law: bool,
    forget: Forgetting,
) -> tuple[str, str | None, float]:
    """Fork, apply the mutant in the child, run ``tests``; the status and the killing test."""
    if not tests:
        return NO_TEST, None, 0.0
    try:
        code = mutated_code(mutant, source, str(path.resolve()))
        target = _function(mutant)
        if len(code.co_freevars) != len(target.__code__.co_freevars):
            return BROKEN, "closure differs", 0.0
    except (LookupError, SyntaxError, TypeError, ValueError) as error:
        return BROKEN, repr(error), 0.0
    read, write = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        _child(target, code, tests, write, reload_law=reload_law, forget=forget)
    os.close(write)
    deadline = start + budget
    status = None
    while status is None:
        finished, _ = os.waitpid(pid, os.WNOHANG)
        if finished:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = TIMEOUT
            break
        time.sleep(0.02)
    message = os.read(read, 4096).decode()
    os.close(read)
    took = time.monotonic() - start
    if status == TIMEOUT:
        return TIMEOUT, None, took
    if message.startswith("killed "):
        return KILLED, message[len("killed ") :], took
    if message == "survived":
        return SURVIVED, None, took
    return KILLED, "the child died: " + (message or "no word"), took


def _child(
    target: types.FunctionType,
    code: types.CodeType,
    tests: list[pytest.Item],
    write: int,
    *,
    reload_law: bool,
    forget: Forgetting,
) -> None:
    """In the forked child: swap the code, run the tests, say the first that fails."""
    from powcase.law import book  # noqa: PLC0415  (see _record)

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    verdict = "survived"
    try:
        _swap_closures(target.__code__, code)
        target.__code__ = code
        forget()
        if reload_law:
            book._PACKAGED.clear()
        for i, item in enumerate(tests):
            following = tests[i + 1] if i + 1 < len(tests) else None
            reports = runtestprotocol(item, nextitem=following, log=False)
            if any(report.failed for report in reports):
                verdict = f"killed {item.nodeid}"
                break
    except BaseException as error:  # a mutant may break anything; that kills it
        verdict = f"killed by {type(error).__name__}"
    os.write(write, verdict.encode()[:4000])
    os._exit(0)


def _nested(code: types.CodeType) -> list[types.CodeType]:
    """The code of the functions defined inside ``code``, depth first, in order."""
    found = []
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            found.append(constant)
            found.extend(_nested(constant))
    return found


def _swap_closures(original: types.CodeType, mutated: types.CodeType) -> None:
    """Give the mutated code to the functions already made from ``original``'s nested
    functions: a closure made before the swap (a guard's registration, a module's
    ``__getattr__`` made at import) keeps its own code otherwise.
    """
    before, after = _nested(original), _nested(mutated)
    if [c.co_qualname for c in before] != [c.co_qualname for c in after]:
        return  # the mutant removed a nested function: pairs are not known
    swaps = {id(old): new for old, new in zip(before, after, strict=True)}
    for value in gc.get_objects():
        if isinstance(value, types.FunctionType) and id(value.__code__) in swaps:
            new = swaps[id(value.__code__)]
            if len(new.co_freevars) == len(value.__code__.co_freevars):
                value.__code__ = new


def _function(mutant: Mutant) -> types.FunctionType:
    """The live function whose code the mutant changes (a decorator's result unwrapped)."""
    value: Any = importlib.import_module(mutant.module)
    for part in mutant.unit.split("."):
        value = (
            value.__dict__[part]
            if isinstance(value, type) and part in value.__dict__
            else getattr(value, part)
        )
    for attribute in ("fget", "func", "work_out", "__wrapped__"):
        value = getattr(value, attribute, value)
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    if not isinstance(value, types.FunctionType):
        raise TypeError(f"{mutant.unit} is {type(value).__name__}")
    return value


def _module_name(path: pathlib.Path) -> str:
    relative = path.resolve().relative_to(ROOT / "src").with_suffix("")
    return ".".join(relative.parts)


def _load(path: pathlib.Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def _save(path: pathlib.Path, stored: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(stored, indent=1, sort_keys=True))
    temporary.replace(path)


def _summary(stored: dict[str, Any], modules: list[pathlib.Path]) -> None:
    """The score per module and overall, of the current source's mutants only."""
    total: dict[str, int] = defaultdict(int)
    for path in modules:
        source = path.read_text()
        digest = hashlib.sha256(source.encode()).hexdigest()[:16]
        module = _module_name(path)
        counts: dict[str, int] = defaultdict(int)
        for mutant in mutants(module, source):
            entry = stored.get(f"{mutant.key}@{digest}")
            counts[entry["status"] if entry else "not run"] += 1
        for status, count in counts.items():
            total[status] += count
        say(_line(module, counts))
    say(_line("all", total))


def _line(name: str, counts: dict[str, int]) -> str:
    run = sum(count for status, count in counts.items() if status != "not run")
    killed = counts.get(KILLED, 0) + counts.get(TIMEOUT, 0)
    score = f"{100 * killed / run:.1f}%" if run else "-"
    parts = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    return f"{name}: {score} killed ({parts})"


def say(text: str) -> None:
    """Progress goes to stderr, kept apart from pytest's output."""
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def main(argv: list[str] | None = None) -> int:
    """The command: parse the arguments, then run pytest with the mutation plugin."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "modules", nargs="*", type=pathlib.Path, help="law modules (default: all of them)"
    )
    parser.add_argument("--tests", nargs="+", default=DEFAULT_TESTS, help="the tests to run")
    parser.add_argument(
        "--results", type=pathlib.Path, default=ROOT / ".mutation" / "results.json"
    )
    parser.add_argument("--all", action="store_true", help="re-test killed mutants too")
    parser.add_argument("--timeout-factor", type=float, default=5.0)
    parser.add_argument("--minimum-timeout", type=float, default=10.0)
    parser.add_argument("--limit", type=int, help="stop after this many mutants")
    parser.add_argument("--summary", action="store_true", help="only print the stored scores")
    options = parser.parse_args(argv)
    modules = options.modules or sorted(
        path for path in LAW.glob("*.py") if path.name != "__init__.py"
    )
    if options.summary:
        _summary(_load(options.results), modules)
        return 0
    plan = Plan(
        modules,
        options.results,
        options.all,
        options.timeout_factor,
        options.minimum_timeout,
        options.limit,
    )
    # In the order given, once each: powcase.scenario's lazy names make some test modules
    # order-dependent (test_legal_v2_citations fails after test_law_overlays).
    tests = list(
        dict.fromkeys(str(p) for pattern in options.tests for p in sorted(ROOT.glob(pattern)))
    )
    args = ["-q", "-p", "no:cacheprovider", "--rootdir", str(ROOT), *tests]
    os.chdir(ROOT)
    return int(pytest.main(args, plugins=[MutationPlugin(plan)]))


if __name__ == "__main__":
    sys.exit(main())
