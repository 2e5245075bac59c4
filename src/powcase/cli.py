"""The ``powcase`` command: run, test and validate scenario files, and read the model.

Exit codes: 0 when every expectation holds (or there are none), 1 when one fails, 2 for input
that cannot be read or is invalid. Bad input never ends in a traceback. Heavy modules load
only in the commands that need them, so ``powcase --version`` and ``powcase validate`` start
quickly.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from powcase.scenario.model import Scenario
    from powcase.scenario.result import RunResult

__all__ = ["main"]

OK, FAILED, INVALID = 0, 1, 2

_EXAMPLES = {
    "run": "example: powcase run examples/ri.powcase.yaml --format json --variant strict_reading",
    "test": "example: powcase test tests/scenarios",
    "validate": "example: powcase validate my_case.powcase.yaml",
    "describe": "example: powcase describe --format text",
    "provisions": "example: powcase provisions refoulement",
    "schema": "example: powcase schema > scenario.schema.json; "
    "powcase schema --output > output.schema.json",
    "explain": "example: powcase explain examples/ri.powcase.yaml --step 4",
}


class _Invalid(Exception):
    """Input the command cannot use; the message says where and what."""


def _colour(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from None


def _load(paths: Sequence[str]) -> list[Scenario]:
    from powcase.scenario.load import (  # noqa: PLC0415 - loaded by the commands that need it
        ScenarioError,
        find_scenario_files,
        load_scenarios,
    )

    scenarios: list[Scenario] = []
    problems: list[str] = []
    files = list(find_scenario_files(paths))
    if not files:
        raise _Invalid("no scenario files found in " + ", ".join(paths))
    for file in files:
        try:
            scenarios += load_scenarios(file)
        except ScenarioError as error:
            problems += [str(p) for p in error.problems]
    if problems:
        raise _Invalid("\n".join(problems))
    return scenarios


def _run_all(
    scenarios: Sequence[Scenario], variant: str | None, as_of: datetime.date | None
) -> list[RunResult]:
    import attrs  # noqa: PLC0415

    from powcase.scenario.run import run  # noqa: PLC0415

    results = []
    for scenario in scenarios:
        if variant is not None and variant not in {v.name for v in scenario.variants}:
            names = ", ".join(v.name for v in scenario.variants) or "none"
            raise _Invalid(
                f"{scenario.file}: scenario {scenario.title!r} has no variant "
                f"{variant!r} (it has: {names})"
            )
        if as_of is not None:
            last = scenario.record.events[-1].date if scenario.record.events else None
            if last is not None and as_of < last:
                raise _Invalid(
                    f"--as-of {as_of} is before the last event of {scenario.title!r} ({last})"
                )
            dated = attrs.evolve(
                scenario,
                as_of=as_of,
                variants=tuple(attrs.evolve(v, as_of=as_of) for v in scenario.variants),
            )
            results += run(dated, variant=variant)
            continue
        results += run(scenario, variant=variant)
    return results


def _cmd_run(args: argparse.Namespace, out: TextIO) -> int:
    results = _run_all(_load(args.files), args.variant, args.as_of)
    if args.format == "json":
        payload = [r.to_dict(reveal_names=args.reveal_names) for r in results]
        out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "markdown":
        from powcase.render.markdown import render_markdown  # noqa: PLC0415

        out.write("\n".join(render_markdown(r, reveal_names=args.reveal_names) for r in results))
    else:
        from powcase.render.text import render_text  # noqa: PLC0415

        colour = _colour(out)
        out.write(
            "\n".join(
                render_text(r, colour=colour, reveal_names=args.reveal_names) for r in results
            )
        )
    return OK if all(r.ok for r in results) else FAILED


def _cmd_test(args: argparse.Namespace, out: TextIO) -> int:
    results = _run_all(_load(args.paths), None, None)
    passed = sum(r.passed for r in results)
    failures = [(r, f) for r in results for f in r.failures]
    for result, failure in failures:
        where = result.scenario + (f" [{result.variant}]" if result.variant else "")
        out.write(f"FAIL {result.file}: {where}\n  {failure}\n")
    runs = len(results)
    out.write(
        f"{passed} passed, {len(failures)} failed ({runs} runs of "
        f"{len({r.file for r in results})} files)\n"
    )
    return FAILED if failures else OK


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    scenarios = _load(args.files)
    out.write(f"ok: {len(scenarios)} scenarios in {len({s.file for s in scenarios})} files\n")
    return OK


def _cmd_describe(args: argparse.Namespace, out: TextIO) -> int:
    from powcase.describe import describe  # noqa: PLC0415

    model = describe()
    if args.format == "json":
        out.write(json.dumps(model, indent=2, ensure_ascii=False) + "\n")
        return OK
    out.write("States\n")
    for state in model["states"]:
        depth = 0 if state["parent"] is None else 2 if state["parent"] == "in_custody" else 4
        final = " (final)" if state["final"] else ""
        out.write(f"  {' ' * depth}{state['id']}{final}: {state['name']}\n")
    out.write("\nMachine events\n")
    for event in model["events"]:
        if event["kind"] == "machine":
            out.write(f"  {event['id']}({', '.join(event['fields'])}): {event['doc']}\n")
    out.write("\nIncidents\n")
    for event in model["events"]:
        if event["kind"] == "incident":
            out.write(f"  {event['id']}({', '.join(event['fields'])}): {event['doc']}\n")
    out.write("\nFlags\n")
    out.writelines(f"  {f['severity']:<8} {f['code']}: {f['text']}\n" for f in model["flags"])
    out.write("\nAssumptions\n")
    for item in model["assumptions"]:
        out.write(f"  {item['key']} (default {item['default']}): {item['question']}\n")
    return OK


def _cmd_provisions(args: argparse.Namespace, out: TextIO) -> int:
    from powcase.law.provisions import PROVISIONS  # noqa: PLC0415

    words = (args.search or "").casefold().split()
    found = [
        p
        for p in PROVISIONS.values()
        if all(w in f"{p.id} {p.instrument} {p.article} {p.paraphrase}".casefold() for w in words)
    ]
    if not found:
        out.write(f"no provision matches {args.search!r}\n")
        return OK
    for p in found:
        out.write(f"{p.id:<26} {p.article}\n    {p.paraphrase}\n    {p.url}\n")
    return OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from powcase.scenario.schema import output_schema, scenario_schema  # noqa: PLC0415

    schema = output_schema() if args.output else scenario_schema()
    out.write(json.dumps(schema, indent=2) + "\n")
    return OK


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    from powcase.law.provisions import PROVISIONS  # noqa: PLC0415

    results = _run_all(_load([args.file]), args.variant, None)
    result = (
        results[0]
        if args.variant is None
        else next(r for r in results if r.variant == args.variant)
    )
    if not 0 <= args.step < len(result.steps):
        raise _Invalid(
            f"{args.file}: --step {args.step} is not an event index (0 to {len(result.steps) - 1})"
        )
    step = result.steps[args.step].to_dict()
    if args.format == "json":
        out.write(json.dumps(step, indent=2, ensure_ascii=False) + "\n")
        return OK
    applied = "applied" if step["applied"] else "not applied"
    out.write(
        f"Step {step['index']}, {step['date']}: {step['event']} "
        f"{step['fields'] or ''}\n  {step['outcome']} ({applied})\n"
    )
    out.write(f"  from {', '.join(step['from'])}\n  to   {', '.join(step['to'])}\n")
    for reason in step["reasons"]:
        out.write(f"\n  [{reason['kind']}] {reason['text']}\n")
        for cite in reason["cites"]:
            provision = PROVISIONS[cite]
            out.write(f"    {cite}: {provision.paraphrase}\n      {provision.url}\n")
    for missing in step["missing"]:
        out.write(f"\n  [open] {missing}\n")
    return OK


def _parser() -> argparse.ArgumentParser:
    from powcase import __version__  # noqa: PLC0415 - the package loads nothing heavy for this

    parser = argparse.ArgumentParser(
        prog="powcase",
        description="The legal path of a captured soldier: run scenario files, test their "
        "expectations, read the model. Not legal advice.",
        epilog="example: powcase run examples/ri.powcase.yaml",
    )
    parser.add_argument("--version", action="version", version=f"powcase {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, helptext: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=helptext, description=helptext, epilog=_EXAMPLES[name]
        )
        sub.set_defaults(handler=handler)
        return sub

    run = command("run", "run scenario files and print the result", _cmd_run)
    run.add_argument("files", nargs="+", metavar="FILE", help="scenario files or folders")
    run.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    run.add_argument("--variant", metavar="NAME", help="run only this variant")
    run.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="evaluate flags, docket and verdicts on this date",
    )
    run.add_argument(
        "--reveal-names",
        action="store_true",
        help="show the subject's name (personal data; hidden by default)",
    )

    test = command("test", "run every scenario under the paths and check expectations", _cmd_test)
    test.add_argument("paths", nargs="+", metavar="PATH")

    validate = command("validate", "check scenario files without running them", _cmd_validate)
    validate.add_argument("files", nargs="+", metavar="FILE")

    describe = command("describe", "print the legal model", _cmd_describe)
    describe.add_argument("--format", choices=("json", "text"), default="json")

    provisions = command(
        "provisions", "list the provisions catalogue, searchable", _cmd_provisions
    )
    provisions.add_argument(
        "search",
        nargs="?",
        metavar="SEARCH",
        help="words that must all appear (id, article or paraphrase)",
    )

    schema = command("schema", "print a JSON Schema of the scenario format", _cmd_schema)
    schema.add_argument(
        "--output",
        action="store_true",
        help="the schema of the run output (powcase run --format json) instead",
    )

    explain = command("explain", "explain the verdict of one step of a scenario", _cmd_explain)
    explain.add_argument("file", metavar="FILE")
    explain.add_argument(
        "--step",
        type=int,
        required=True,
        metavar="N",
        help="the index of the event in the file (0-based)",
    )
    explain.add_argument("--variant", metavar="NAME")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(out)
        return INVALID
    try:
        return int(args.handler(args, out))
    except _Invalid as error:
        err.write(f"powcase {args.command}: invalid input\n{error}\n")
        return INVALID
    except _powcase_error() as error:
        err.write(f"powcase {args.command}: {error}\n")
        return INVALID


def _powcase_error() -> type[Exception]:
    from powcase.errors import PowcaseError  # noqa: PLC0415

    return PowcaseError
