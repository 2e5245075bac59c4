"""The ``powcase`` command: run, test and validate scenario files, and read the model.

Exit codes: 0 when every expectation holds (or there are none), 1 when one fails, 2 for input
that cannot be read or is invalid (or an output that cannot be written), 3 for a bug in
powcase. Every command goes through one error handler (:func:`main`) and writes through one
writer (:class:`powcase._util.output.Output`), so bad input never ends in a traceback and no
scenario string reaches the terminal raw. Heavy modules load only in the commands that need
them, so ``powcase --version`` and ``powcase validate`` start quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import datetime
import os
import re
import sys
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from powcase._util.escape import neutral, neutral_data
from powcase._util.i18n import (
    LANGUAGES,
    N_,
    SOURCE_LANGUAGE,
    from_argv,
    gettext_for,
    problem_text,
)

if TYPE_CHECKING:
    from powcase._util.output import Output
    from powcase.law.book import Law
    from powcase.scenario.model import Scenario
    from powcase.scenario.result import RunResult

__all__ = ["main"]

OK, FAILED, INVALID, BUG = 0, 1, 2, 3
PIPE_CLOSED = 141
"""The exit code when the reader of the output went away, as for a tool killed by SIGPIPE."""
INTERRUPTED = 130

_EXIT_CODES = N_(
    "exit codes: 0 every expectation holds (or there are none); 1 an expectation fails; "
    "2 invalid input, or an output that cannot be written; 3 a bug in powcase "
    "(--debug shows its traceback)"
)
_SCENARIO_NAMES = (".powcase.yaml", ".powcase.yml", ".powcase.json")
_PROPERTY_NAMES = (".properties.yaml", ".properties.yml", ".properties.json")

_JUDGING = frozenset(
    {
        "run",
        "test",
        "validate",
        "describe",
        "provisions",
        "explain",
        "options",
        "compare",
        "parties",
        "diagram",
        "report",
        "explore",
        "coverage",
    }
)
"""The commands that read the law, and so take ``--law`` overlays."""

_EXAMPLES = {
    "run": "example: powcase run examples/ri.powcase.yaml --format json --variant strict_reading",
    "test": "example: powcase test tests/scenarios -k 'ri and not strict' "
    "--junit-xml results.xml -x",
    "validate": "example: powcase validate my_case.powcase.yaml",
    "describe": "example: powcase describe --format text",
    "provisions": "example: powcase provisions refoulement",
    "schema": "example: powcase schema > scenario.schema.json; "
    "powcase schema --output > output.schema.json",
    "explain": "example: powcase explain examples/ri.powcase.yaml --step 4",
    "options": "example: powcase options examples/ri.powcase.yaml --format markdown",
    "compare": "example: powcase compare examples/checked_wish.powcase.yaml --vary wish_verifiers",
    "parties": "example: powcase parties KP --as-of 2025-01-09",
    "diagram": "example: powcase diagram examples/ri.powcase.yaml --path -o ri-path.svg",
    "report": "example: powcase report examples/ri.powcase.yaml -o report.html",
    "explore": "example: powcase explore examples/ri.properties.yaml --witnesses witnesses/",
    "coverage": "example: powcase coverage examples --fail-under 30; "
    "exit codes: 0, 1 below --fail-under, 2 invalid input",
    "new": "example: powcase new --kind asylum -o my_case.powcase.yaml",
}


_LANG_HELP = N_(
    "the language to write in: en, ko (Korean) or uk (Ukrainian); default: the "
    "environment's locale (LC_ALL, LC_MESSAGES, LANG), else English. Translations "
    "are unofficial"
)

_HELP_LANG: contextvars.ContextVar[str] = contextvars.ContextVar(
    "help_lang", default=SOURCE_LANGUAGE
)
"""How the parser being built words its help (see :func:`_parser`)."""


class _Invalid(Exception):
    """Input the command cannot use; the message says where and what."""


def _colour(stream: TextIO) -> bool:
    try:
        return stream.isatty() and "NO_COLOR" not in os.environ
    except ValueError:  # a closed stream
        return False


def _line(text: object) -> str:
    """A value (a title, a path) for a line of text: unsafe characters and newlines escaped."""
    return neutral(str(text), newlines=False)


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an ISO date (YYYY-MM-DD)") from None


def _scenario_files(paths: Sequence[str]) -> Iterator[str]:
    """The files the paths name: files as given, and in folders every file whose top level
    has the key ``powcase`` and every file named like a scenario (``*.powcase.yaml``...),
    which is an error if it cannot be read, never skipped.
    """
    import pathlib  # noqa: PLC0415

    from powcase.scenario.load import find_scenario_files  # noqa: PLC0415

    seen: set[str] = set()
    for given in paths:
        found = [str(p) for p in find_scenario_files([given])]
        folder = pathlib.Path(given)
        if folder.is_dir():
            named = (str(p) for p in folder.rglob("*") if p.name.endswith(_SCENARIO_NAMES))
            found = sorted({*found, *(p for p in named if not os.path.isdir(p))})
        for file in found:
            if file not in seen:
                seen.add(file)
                yield file


def _load_each(paths: Sequence[str], law: Sequence[str] = ()) -> tuple[list[Scenario], list[str]]:
    """The scenarios of every file that loads, and the problems of those that do not."""
    from powcase.errors import PowcaseError  # noqa: PLC0415
    from powcase.scenario.load import (  # noqa: PLC0415 - loaded by the commands that need it
        ScenarioError,
        load_scenarios,
    )

    scenarios: list[Scenario] = []
    problems: list[str] = []
    files = list(_scenario_files(paths))
    if not files:
        raise _Invalid("no scenario files found in " + ", ".join(map(_line, paths)))
    for file in files:
        try:
            loaded = load_scenarios(file, law=law)
        except ScenarioError as error:
            problems += [_line(p) for p in error.problems]
            continue
        except PowcaseError as error:
            problems.append(_line(f"{file}: {error}"))
            continue
        scenarios += loaded
        _warn_of_names(file, loaded)
        _warn_of_contradictions(file, loaded)
    return scenarios, problems


def _load(paths: Sequence[str], law: Sequence[str] = ()) -> list[Scenario]:
    """The scenarios of every file; every problem of every file makes :class:`_Invalid`."""
    scenarios, problems = _load_each(paths, law)
    if problems:
        raise _Invalid("\n".join(problems))
    return scenarios


def _warn_of_contradictions(file: str, scenarios: Sequence[Scenario]) -> None:
    """Tell the author, one located line each, where the record contradicts itself."""
    from powcase._util.located import UnreadableFile, read_document  # noqa: PLC0415
    from powcase.scenario.contradictions import (  # noqa: PLC0415
        RecordContradiction,
        contradictions,
    )

    found = [c for scenario in scenarios for c in contradictions(scenario)]
    if not found:
        return
    try:
        document = read_document(file)
    except UnreadableFile:  # it was read a moment ago; then the warnings go unlocated
        document = None
    # Told, never raised, whatever filters the caller set (the command's warnings context
    # restores them when it ends).
    warnings.simplefilter("always", RecordContradiction)
    for item in found:
        where = document.locate(item.path) if document is not None else None
        at = f":{where.line}:{where.column}" if where is not None else ""
        warnings.warn(
            f"{_line(file)}{at} {item.path}: {item.message} (a contradiction in the record; "
            "check the facts)",
            RecordContradiction,
            stacklevel=2,
        )


def _warn_of_names(file: object, scenarios: Sequence[Scenario]) -> None:
    """Tell the author, once for the file, where it repeats the subject's name."""
    from powcase.errors import NameInFreeText  # noqa: PLC0415
    from powcase.scenario.free_text import name_in_free_text  # noqa: PLC0415

    found = [where for scenario in scenarios for where in name_in_free_text(scenario)]
    if found:
        shown = ", ".join(found[:8]) + (f" and {len(found) - 8} more" if len(found) > 8 else "")
        warnings.warn(
            f"{file} repeats the subject's name in free text ({shown}); the output withholds "
            "it there unless names are revealed, but the file holds it",
            NameInFreeText,
            stacklevel=2,
        )


def _shown(scenario: Scenario) -> str:
    """A scenario's title as an error shows it: the subject's name withheld."""
    from powcase.scenario.free_text import shown_title  # noqa: PLC0415

    return repr(shown_title(scenario))


def _run_all(
    scenarios: Sequence[Scenario], variant: str | None, as_of: datetime.date | None
) -> list[RunResult]:
    from powcase.scenario.running import (  # noqa: PLC0415
        ExpectationsNotChecked,
        run,
        tell_unchecked,
    )

    results = []
    for scenario in scenarios:
        if variant is not None and variant not in {v.name for v in scenario.variants}:
            names = ", ".join(v.name for v in scenario.variants) or "none"
            raise _Invalid(
                f"{_line(scenario.file)}: scenario {_shown(scenario)} has no variant "
                f"{variant!r} (it has: {names})"
            )
        # On another date: the case as it stood that day, its expectations not checked.
        results += run(scenario, variant=variant, as_of=as_of)
    warnings.simplefilter("always", ExpectationsNotChecked)  # told, never raised
    tell_unchecked(scenarios, as_of, variant)
    return results


def _output(args: argparse.Namespace, data: Any, of: Scenario | None = None) -> Any:
    """The plain output, redacted as asked (``--redact strict``), and without the name of the
    subject of ``of`` (the scenario it is about) in its free text.
    """
    from powcase._util.redact import NOBODY, Names, redact  # noqa: PLC0415

    names = NOBODY if of is None else Names.of(of.record.subject.name)
    return redact(data, getattr(args, "redact", "none"), names=names)


def _language(args: argparse.Namespace) -> str:
    """The language the command writes in: ``--lang``, else the environment's locale."""
    from powcase._util.i18n import resolve  # noqa: PLC0415

    return resolve(getattr(args, "lang", None))


def _in_language(
    args: argparse.Namespace, data: dict[str, Any], lang: str, *, for_programs: bool
) -> dict[str, Any]:
    """A run's JSON form with the law's texts in ``lang``: a ``text_<lang>`` beside each
    ``text`` for programs (JSON), each ``text`` translated for people.
    """
    if lang == SOURCE_LANGUAGE:
        return data
    from powcase.scenario.in_language import in_language, with_translations  # noqa: PLC0415

    return (with_translations if for_programs else in_language)(data, _law(args), lang)


def _cmd_run(args: argparse.Namespace, out: Output) -> int:
    lang = _language(args)
    results = _run_all(_load(args.files, args.law), args.variant, args.as_of)
    payload = [
        _output(
            args,
            _in_language(
                args,
                r.to_dict(reveal_names=args.reveal_names),
                lang,
                for_programs=args.format == "json",
            ),
        )
        for r in results
    ]
    if args.format != "json":
        from powcase.scenario.rests_on import annotated  # noqa: PLC0415

        # The human views also say what each verdict rests on (computed by replaying).
        payload = [annotated(data, r) for data, r in zip(payload, results, strict=True)]
    if args.format == "json":
        out.json(payload)
    elif args.format == "markdown":
        from powcase.render.markdown import render_markdown  # noqa: PLC0415

        out.write(
            "\n".join(
                render_markdown(data, lang=lang, notice=i == len(payload) - 1)
                for i, data in enumerate(payload)
            )
        )
    else:
        from powcase.render.text import render_text  # noqa: PLC0415

        out.write(
            "\n".join(
                render_text(data, colour=out.colour, lang=lang, notice=i == len(payload) - 1)
                for i, data in enumerate(payload)
            )
        )
    return OK if all(r.ok for r in results) else FAILED


def _cmd_test(args: argparse.Namespace, out: Output) -> int:
    # A broken file does not hide the results of the others: they run and are reported, then
    # the broken file's problems end the command with exit 2.
    from powcase._util.keywords import (  # noqa: PLC0415
        KeywordExpression,
        KeywordExpressionError,
    )

    try:
        selection = KeywordExpression.compile(args.keyword or "")
    except KeywordExpressionError as error:
        raise _Invalid(f"-k {args.keyword!r}: {error}") from None
    if args.junit_xml is not None:
        out.check_target(args.junit_xml)
    property_files, paths = _property_files(args.paths)
    if args.explore and property_files:
        _explore_in_test(property_files, args.law, out)
    elif property_files and not paths:
        raise _Invalid("these are property files: add --explore to explore them")
    scenarios, problems = _load_each(paths, args.law)
    results, cases, stopped = _test_runs(scenarios, selection, stop_early=args.exitfirst)
    passed = sum(r.passed for r in results)
    failures = [(r, f) for r in results for f in r.failures]
    _ = gettext_for(_language(args))
    for result, failure in failures:
        out.write(f"FAIL {_line(result.file)}: {_line(_run_name(result))}\n  {_line(failure)}\n")
    runs = len(results)
    broken = (
        _(", {count} problems in files that cannot be used").format(count=len(problems))
        if problems
        else ""
    )
    chosen = f", -k {args.keyword!r}" if args.keyword else ""
    halted = _(", stopped at the first failure (-x)") if stopped else ""
    out.write(
        _("{passed} passed, {failed} failed ({runs} runs of {files} files{chosen})").format(
            passed=passed,
            failed=len(failures),
            runs=runs,
            files=len({r.file for r in results}),
            chosen=chosen,
        )
        + f"{broken}{halted}\n"
    )
    if args.junit_xml is not None:
        _write_junit(args.junit_xml, cases, problems, out)
    if problems:
        raise _Invalid("\n".join(problems))
    return FAILED if failures else OK


def _run_name(result: RunResult) -> str:
    """A run as ``test`` names it: the scenario's title (the name withheld), and the variant."""
    title = str(result.to_dict()["scenario"])
    return title + (f" [{result.variant}]" if result.variant else "")


def _test_runs(
    scenarios: Sequence[Scenario], selection: Any, *, stop_early: bool
) -> tuple[list[RunResult], list[Any], bool]:
    """The runs ``-k`` selects (each scenario, then each variant), their JUnit cases, and
    whether ``-x`` stopped them at a failure.
    """
    import time  # noqa: PLC0415

    from powcase.render.junit import JunitCase  # noqa: PLC0415
    from powcase.scenario.free_text import shown_title  # noqa: PLC0415
    from powcase.scenario.result import Failure  # noqa: PLC0415
    from powcase.scenario.running import run_one  # noqa: PLC0415

    results: list[RunResult] = []
    cases: list[JunitCase] = []
    for scenario in scenarios:
        names = [shown_title(scenario), os.path.basename(scenario.file)]
        names.append(scenario.record.subject.id)
        for variant in (None, *scenario.variants):
            if not selection.matches(names + ([variant.name] if variant else [])):
                continue
            started = time.perf_counter()
            result = run_one(scenario, variant)
            seconds = time.perf_counter() - started
            results.append(result)
            shown = result.to_dict()["expectations"]["failed"]  # the name withheld
            failed = tuple(str(Failure.from_dict(f)) for f in shown)
            cases.append(
                JunitCase(scenario.file, _run_name(result), seconds, failed, file=scenario.file)
            )
            if stop_early and result.failures:
                return results, cases, True
    return results, cases, False


def _write_junit(path: str, cases: list[Any], problems: Sequence[str], out: Output) -> None:
    """Write the JUnit XML report: the runs, then one error per file that cannot be used."""
    from powcase.render.junit import JunitCase, junit_xml  # noqa: PLC0415

    broken: dict[str, list[str]] = {}
    for problem in problems:
        broken.setdefault(problem.split(":", 1)[0], []).append(problem)
    cases = cases + [
        JunitCase(file, "cannot be used", error="\n".join(found), file=file)
        for file, found in broken.items()
    ]
    out.file(path, junit_xml(cases))


def _property_files(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The property files the paths name (files named ``*.properties.yaml``, given or in
    folders), and the paths left for scenarios.
    """
    import pathlib  # noqa: PLC0415

    found: list[str] = []
    others: list[str] = []
    for given in paths:
        if given.endswith(_PROPERTY_NAMES):
            found.append(given)
            continue
        others.append(given)
        if os.path.isdir(given):
            named = pathlib.Path(given).rglob("*")
            found += sorted(str(p) for p in named if p.name.endswith(_PROPERTY_NAMES))
    return found, others


def _check_properties(files: Sequence[str], law: Sequence[str]) -> list[str]:
    """The problems of the property files, every one located (none: all are valid)."""
    from powcase.explore import PropertyFileError, load_properties  # noqa: PLC0415

    problems: list[str] = []
    for file in files:
        try:
            load_properties(file, law=law)
        except PropertyFileError as error:
            problems += [_line(p) for p in error.problems]
    return problems


def _explore_in_test(files: Sequence[str], law: Sequence[str], out: Output) -> None:
    """Explore each property file at its own depth and say what each property answered."""
    from powcase.explore import check_files  # noqa: PLC0415

    for result in check_files(files, law=law):
        for item in result.properties:
            counts: dict[str, int] = {}
            for reading in item.results:
                counts[reading.answer.value] = counts.get(reading.answer.value, 0) + 1
            told = ", ".join(f"{answer} under {n}" for answer, n in sorted(counts.items()))
            out.write(f"EXPLORED {_line(result.source.file)}: {item.definition.id}: {told}\n")


def _cmd_validate(args: argparse.Namespace, out: Output) -> int:
    property_files, paths = _property_files(args.files)
    problems = _check_properties(property_files, args.law)
    scenarios: list[Scenario] = []
    if paths or not property_files:
        scenarios, found = _load_each(paths, args.law)
        problems += found
    if problems:
        raise _Invalid("\n".join(problems))
    _ = gettext_for(_language(args))
    files = len({s.file for s in scenarios})
    # gettext_for has no plural forms: one property file has its own message, and the
    # translations word the count so that it needs none.
    properties = ""
    if len(property_files) == 1:
        properties = _(" and 1 property file")
    elif property_files:
        properties = _(" and {count} property files").format(count=len(property_files))
    out.write(
        _("ok: {scenarios} scenarios in {files} files{properties}").format(
            scenarios=len(scenarios), files=files, properties=properties
        )
        + "\n"
    )
    return OK


def _cmd_describe(args: argparse.Namespace, out: Output) -> int:
    from powcase.description import describe  # noqa: PLC0415

    law = _law(args)
    model = describe(law)
    if args.format == "json":
        out.json(model)
        return OK
    from powcase.law import translated  # noqa: PLC0415
    from powcase.render.vocabulary import SEVERITIES  # noqa: PLC0415

    lang = _language(args)
    _ = gettext_for(lang)
    english = lang == SOURCE_LANGUAGE
    out.write(_("States") + "\n")
    for state in model["states"]:
        depth = 0 if state["parent"] is None else 2 if state["parent"] == "in_custody" else 4
        final = _(" (final)") if state["final"] else ""
        name = state["name"] if english else translated.state(state["id"], lang).text
        out.write(f"  {' ' * depth}{state['id']}{final}: {name}\n")
    for heading, kind in ((_("Machine events"), "machine"), (_("Incidents"), "incident")):
        out.write("\n" + heading + "\n")
        for event in model["events"]:
            if event["kind"] == kind:
                doc = (
                    event["doc"]
                    if english
                    else translated.event_description(event["id"], lang).text
                )
                out.write(f"  {event['id']}({', '.join(event['fields'])}): {doc}\n")
    out.write("\n" + _("Flags") + "\n")
    out.writelines(
        f"  {_(SEVERITIES[f['severity']]):<8} {f['code']}: "
        f"{f['text'] if english else translated.flag(law, f['code'], lang).text}\n"
        for f in model["flags"]
    )
    out.write("\n" + _("Assumptions") + "\n")
    for item in model["assumptions"]:
        default = _("(default {option})").format(option=item["default"])
        out.write(f"  {item['key']} {default}: {_(item['question'])}\n")
    _notice(out, lang)
    return OK


def _cmd_provisions(args: argparse.Namespace, out: Output) -> int:
    law = _law(args)
    tags = _provision_tags(law)
    words = (args.search or "").casefold().split()
    found = []
    for p in law.provisions.values():
        title = law.instruments[p.instrument].title if p.instrument in law.instruments else ""
        searched = [p.id, p.instrument, title, p.article, p.paraphrase, *tags.get(p.id, ())]
        text = " ".join(searched).casefold()
        if all(w in text or w in text.replace("_", " ") for w in words):
            found.append(p)
    lang = _language(args)
    _ = gettext_for(lang)
    if not found:
        out.write(_("no provision matches {search}").format(search=repr(args.search)) + "\n")
        return OK
    if lang != SOURCE_LANGUAGE:
        from powcase.law import translated  # noqa: PLC0415

    for p in found:
        article = (
            p.article if lang == SOURCE_LANGUAGE else translated.article(law, p.id, lang).text
        )
        said = (
            p.paraphrase if lang == SOURCE_LANGUAGE else translated.provision(law, p.id, lang).text
        )
        out.write(f"{p.id:<26} {article}\n    {said}\n    {p.url}\n")
        if tags.get(p.id):
            out.write("    " + _("tags: {tags}").format(tags=", ".join(tags[p.id])) + "\n")
    _notice(out, lang)
    return OK


def _notice(out: Output, lang: str) -> None:
    """The notice a translated output ends with: the translation is unofficial."""
    from powcase._util.i18n import unofficial  # noqa: PLC0415

    said = unofficial(lang)
    if said is not None:
        out.write(f"\n{said.text}\n")


def _provision_tags(law: Law) -> dict[str, list[str]]:
    """What the law uses each provision for, as search words: the flags and obligations that
    cite it, and the assumption options that adopt it (``refoulement_risk`` cites CAT-3).
    """
    tags: dict[str, list[str]] = {}
    for flag in law.flags.values():
        for cited in flag.cites:
            tags.setdefault(cited, []).append(f"flag {flag.code}")
    for duty in law.obligations.values():
        for named in (duty.provision, duty.protected_person, duty.detainee):
            if named:
                tags.setdefault(named, []).append(f"obligation {duty.code}")
    for p in law.provisions.values():
        for reading in p.readings:
            tags.setdefault(p.id, []).append(f"{reading.assumption}: {reading.option}")
    return {pid: list(dict.fromkeys(found)) for pid, found in tags.items()}


def _cmd_new(args: argparse.Namespace, out: Output) -> int:
    from powcase.scenario.starter import starter  # noqa: PLC0415

    text = starter(args.kind).text
    if args.output is None:
        out.write(text)
        return OK
    if os.path.lexists(args.output) and not args.force:
        raise _Invalid(
            f"{_line(args.output)} exists; choose another file, or add --force to replace it"
        )
    out.file(args.output, text)
    out.write(
        f"wrote {_line(args.output)}: check it with powcase validate, run it with powcase run\n"
    )
    return OK


def _new_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    from powcase.scenario.starter import STARTERS  # noqa: PLC0415 - small, data only

    kinds = "; ".join(f"{s.kind}: {s.summary}" for s in STARTERS.values())
    new = command("new", _("write a commented starter scenario that validates and runs"), _cmd_new)
    new.add_argument(
        "--kind",
        choices=list(STARTERS),
        default="basic",
        metavar="KIND",
        help=f"which starter (default basic). {kinds}",
    )
    new.add_argument(
        "-o", "--output", metavar="PATH", help=_("write to this file (default: print it)")
    )
    new.add_argument("--force", action="store_true", help=_("replace PATH if it exists"))


def _cmd_schema(args: argparse.Namespace, out: Output) -> int:
    from powcase.law.shape import law_schema  # noqa: PLC0415
    from powcase.scenario.schema import output_schema, scenario_schema  # noqa: PLC0415

    if args.output and args.law:
        raise _Invalid("give --output or --law, not both")
    if args.output == "explore":
        from powcase.explore import check_schema  # noqa: PLC0415

        schema = check_schema()
    elif args.output == "coverage":
        from powcase.explore.coverage import coverage_schema  # noqa: PLC0415

        schema = coverage_schema()
    elif args.output:
        schema = output_schema()
    else:
        schema = law_schema() if args.law else scenario_schema()
    out.json(schema, ensure_ascii=True)
    return OK


def _cmd_explain(args: argparse.Namespace, out: Output) -> int:
    scenarios = _load([args.file], args.law)
    results = _run_all(scenarios, args.variant, args.as_of)
    result = (
        results[0]
        if args.variant is None
        else next(r for r in results if r.variant == args.variant)
    )
    recorded = len(result.steps) + len(result.not_yet)
    if not 0 <= args.step < recorded:
        raise _Invalid(
            f"{_line(args.file)}: --step {args.step} is not an event index (0 to {recorded - 1})"
        )
    lang = _language(args)
    plain = _in_language(args, result.to_dict(), lang, for_programs=args.format == "json")
    if args.step >= len(result.steps):
        return _not_yet_explained(args, out, plain, scenarios[0].law)
    if args.format == "json":
        step = _output(args, plain["steps"][args.step])
        payload = {
            "generated_by": _generated_by(scenarios[0].law),
            "scenario": plain["scenario"],
            "variant": result.variant,
            "step": step,
        }
        out.json(payload)
        return OK
    from powcase.render.explain import render_explain  # noqa: PLC0415
    from powcase.scenario.rests_on import annotated  # noqa: PLC0415

    shown = annotated(_output(args, plain), result)
    out.write(render_explain(shown, args.step, scenarios[0].law, lang))
    return OK


def _not_yet_explained(
    args: argparse.Namespace, out: Output, plain: dict[str, Any], law: Law
) -> int:
    """``explain`` of a step dated after the as-of date: it had not happened yet."""
    later = next(e for e in plain["not_yet"] if e["index"] == args.step)
    step = _output(args, later)
    if args.format == "json":
        out.json(
            {
                "generated_by": _generated_by(law),
                "scenario": plain["scenario"],
                "variant": plain["variant"],
                "as_of": plain["as_of"],
                "step": {**step, "not_yet": True},
            }
        )
        return OK
    step = neutral_data(step)
    fields = _plain(step["fields"], "text")
    shown = ", ".join(
        f"{k} {str(v).lower() if isinstance(v, bool) else v}" for k, v in fields.items()
    )
    _ = gettext_for(_language(args))
    out.write(
        _("Step {index}, {date}: {event}").format(
            index=step["index"],
            date=step["date"],
            event=step["event"] + (f" ({shown})" if shown else ""),
        )
        + "\n  "
        + _(
            "not yet happened on {date}: the case as it stood then does not have it, so it "
            "is not judged and counts in no flag, docket or violation."
        ).format(date=plain["as_of"])
        + "\n"
    )
    return OK


def _plain(data: Any, fmt: str) -> Any:
    """Values from a scenario for a text or Markdown table: each on one line, unsafe
    characters escaped, and Markdown's markup escaped in Markdown.
    """
    if fmt != "markdown":
        return neutral_data(data)
    from powcase._util.escape import markdown_text  # noqa: PLC0415

    if isinstance(data, str):
        return markdown_text(data)
    if isinstance(data, dict):
        return {k: _plain(v, fmt) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_plain(v, fmt) for v in data]
    return data


def _table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    fmt: str,
    marked: Sequence[bool] | None = None,
) -> str:
    """A table as aligned text or Markdown; marked columns get a ``*`` on their header."""
    heads = [f"{h} *" if marked and marked[i] else h for i, h in enumerate(head)]
    if fmt == "markdown":
        lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(_columns(x) for x in (h, *(r[i] for r in rows))) for i, h in enumerate(heads)]
    lines = ["  ".join(_padded(h, w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(_padded(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines) + "\n"


def _columns(text: str) -> int:
    """How many columns of a terminal ``text`` takes: a wide character (Hangul) two."""
    import unicodedata  # noqa: PLC0415

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _padded(text: str, width: int) -> str:
    return text + " " * max(0, width - _columns(text))


def _wanted_events(names: Sequence[str] | None) -> frozenset[str]:
    """The event names of ``--event``, each checked against the events that exist."""
    if not names:
        return frozenset()
    from powcase._util.suggest import closest  # noqa: PLC0415
    from powcase.model.events import EVENT_TYPES  # noqa: PLC0415

    machine = [n for n, cls in EVENT_TYPES.items() if cls.event_kind == "machine"]
    for name in names:
        if name not in machine:
            guess = closest(name, machine)
            hint = f"; did you mean {guess!r}?" if guess else f" (one of {', '.join(machine)})"
            raise _Invalid(
                f"--event {_line(name)!r} is not the name of a step (a machine event){hint}"
            )
    return frozenset(names)


def _option_row(option: dict[str, Any]) -> list[str]:
    from powcase._util.readable import pairs  # noqa: PLC0415

    failing = [
        r["code"] for r in option["reasons"] if r["kind"] in ("prohibition", "precondition")
    ]
    because = ", ".join(dict.fromkeys(failing)) or ", ".join(m["fact"] for m in option["missing"])
    return [option["event"], pairs(option["fields"]), because, ", ".join(option["cites"][:4])]


_GROUPS = (
    ("allowed", N_("Allowed")),
    ("undetermined", N_("Undetermined")),
    ("refused", N_("Refused")),
)


def _write_options(
    out: Output,
    payload: dict[str, Any],
    shown: list[dict[str, Any]],
    fmt: str,
    lang: str = SOURCE_LANGUAGE,
) -> None:
    """The options of one scenario, grouped by outcome, with what was hidden and why."""
    from powcase.render.vocabulary import state_names  # noqa: PLC0415

    _ = gettext_for(lang)
    heading = _("{scenario}: what can happen next, on {date}").format(
        scenario=payload["scenario"], date=payload["as_of"]
    )
    state = " · ".join(state_names(payload["state"], lang))
    if fmt == "markdown":
        out.write(f"## {heading}\n\n" + _("State: {states}.").format(states=state) + "\n")
    else:
        out.write(f"{heading}\n  " + _("state: {states}").format(states=state) + "\n")
    if payload["not_yet"]:
        # Time travel: the options of the case as it stood on the as-of date.
        indexes = ", ".join(str(e["index"]) for e in payload["not_yet"])
        said = _("Not yet happened on {date}: events {indexes}.")
        out.write("\n" + said.format(date=payload["as_of"], indexes=indexes) + "\n")
    if payload["final"]:
        out.write(
            "\n" + _("He is in a final state: nothing more can happen on the legal path.") + "\n"
        )
        return
    for outcome, title in _GROUPS:
        rows = [_option_row(o) for o in shown if o["outcome"] == outcome]
        if not rows:
            continue
        out.write(
            f"\n### {_(title)} ({len(rows)})\n\n"
            if fmt == "markdown"
            else f"\n{_(title)} ({len(rows)})\n"
        )
        out.write(_table([_("event"), _("fields"), _("because"), _("cites")], rows, fmt))
    if not shown:
        out.write("\n" + _("No option matches.") + "\n")
    hidden = [o["hidden"] for o in payload["options"] if o["hidden"] and o not in shown]
    if hidden:
        counts = ", ".join(f"{n} {_(why)}" for why, n in _counted(hidden))
        said = _("{count} hidden as making no sense for him ({counts}); --all shows them.")
        out.write("\n" + said.format(count=len(hidden), counts=counts) + "\n")


def _counted(items: Sequence[str]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return list(counts.items())


def _cmd_options(args: argparse.Namespace, out: Output) -> int:
    from powcase._util.dates import evaluated_on  # noqa: PLC0415
    from powcase.case import Case  # noqa: PLC0415
    from powcase.options import NOT_DECISIONS  # noqa: PLC0415
    from powcase.scenario.result import LaterEvent  # noqa: PLC0415

    wanted = _wanted_events(args.event)
    documents = []
    for scenario in _load([args.file], args.law):
        case = Case.replay(scenario.record, scenario.assumptions, scenario.mode, law=scenario.law)
        on = evaluated_on(args.as_of or scenario.as_of, case.last_date)
        # What could happen next on that day: the case as it stood then.
        not_yet = case.not_yet(on) if on else ()
        later = [LaterEvent(i, case.record.events[i]).to_dict() for i in not_yet]
        case = case.until(on) if on else case
        found = [o.to_dict() for o in case.options(on)]
        if wanted:
            found = [o for o in found if o["event"] in wanted]
        payload = _output(
            args,
            {
                "generated_by": _generated_by(scenario.law),
                "scenario": scenario.title,
                "as_of": on.isoformat() if on else None,
                "state": case.state,
                "not_yet": later,
                "final": case.finished,
                "options": found,
            },
            scenario,
        )
        if args.format == "json":
            documents.append(payload)
            continue
        payload = _plain(payload, args.format)
        # Naming an event that is no one's decision (--event die) asks for it.
        shown = [
            o
            for o in payload["options"]
            if args.all
            or not o["hidden"]
            or (o["event"] in wanted and o["event"] in NOT_DECISIONS)
        ]
        _write_options(out, payload, shown, args.format, _language(args))
    if args.format == "json":
        out.json(documents)
    else:
        _notice(out, _language(args))
    return OK


def _vary(texts: Sequence[str]) -> dict[str, list[Any]]:
    """``--vary a,b`` (every option of a and b) or ``--vary a=x,y`` (those values)."""
    from powcase.model.assumptions import Assumptions  # noqa: PLC0415

    specs = Assumptions.specs()
    vary: dict[str, list[Any]] = {}
    for text in texts:
        if "=" not in text:
            vary.update({key.strip(): [] for key in text.split(",") if key.strip()})
            continue
        key, values = (part.strip() for part in text.split("=", 1))
        spec = specs.get(key)
        parsed: list[Any] = []
        for value in (v.strip() for v in values.split(",")):
            if spec is not None and spec.days and value.isdigit():
                parsed.append(int(value))
            elif value.lower() in ("true", "false"):
                parsed.append(value.lower() == "true")
            else:
                parsed.append(value)
        vary[key] = parsed
    return vary


def _cmd_compare(args: argparse.Namespace, out: Output) -> int:
    from powcase.explore.comparison import compare  # noqa: PLC0415

    lang = _language(args)
    _ = gettext_for(lang)
    documents = []
    for scenario in _load([args.file], args.law):
        comparison = compare(scenario, _vary(args.vary))
        payload = _output(args, comparison.to_dict(), scenario)
        if args.format == "json":
            documents.append(payload)
            continue
        head = _plain([*comparison.varied, *payload["columns"]], args.format)
        rows = _plain(
            [
                [str(v).lower() if isinstance(v, bool) else str(v) for _, v in row.reading]
                + list(cells.values())
                for row, cells in zip(
                    comparison.rows, (r["cells"] for r in payload["rows"]), strict=True
                )
            ],
            args.format,
        )
        marked = [False] * len(comparison.varied) + list(comparison.differs)
        title = _("{scenario}: readings side by side").format(
            scenario=_plain(payload["scenario"], args.format)
        )
        out.write(f"## {title}\n\n" if args.format == "markdown" else f"{title}\n\n")
        out.write(_table(head, rows, args.format, marked))
        out.write(
            "\n" + _("* the column differs between readings") + "\n"
            if any(comparison.differs)
            else "\n" + _("No column differs: these readings change nothing here.") + "\n"
        )
    if args.format == "json":
        out.json(documents)
    else:
        _notice(out, lang)
    return OK


def _cmd_parties(args: argparse.Namespace, out: Output) -> int:
    law = _law(args)
    if args.state:
        args.state = args.state.upper()  # state codes are upper case; kp means KP
    if args.state and args.state not in law.parties:
        raise _Invalid(
            f"the parties table has no entry for {args.state!r}; it knows "
            + ", ".join(law.parties)
        )
    on = args.as_of or datetime.date.today()
    profiles = [law.profile(code, on) for code in ([args.state] if args.state else law.parties)]
    if args.format == "json":
        payload = {"generated_by": _generated_by(law), "parties": profiles}
        out.json(payload)
        return OK
    lang = _language(args)
    _ = gettext_for(lang)
    for p in profiles:
        name = _party_name(law, p, lang)
        out.write(f"{p['code']}  " + _("{name}, on {date}").format(name=name, date=p["on"]) + "\n")
        out.write(
            "  " + _("bound by:") + "\n"
            if p["binding"]
            else "  " + _("bound by no treaty of the model") + "\n"
        )
        for b in p["binding"]:
            until = _(" until {date}").format(date=b["until"]) if b["until"] else ""
            if b["immediate_effect"]:
                until += _(" (at once, {how})").format(how=b["immediate_effect"])
            since = _("since {date}").format(date=b["since"])
            out.write(f"    {b['instrument']:<9} {b['how']:<12} {since}{until}  {b['source']}\n")
        for r in p["reservations"]:
            summary = _party_text(law, p["code"], r["summary"], lang, provision=r["provision"])
            # Made with a deposit (or at signature), it takes effect when the deposit does.
            template = (
                _("{kind} on {provision} ({made}): {summary}")
                if r["in_effect_from"] == r["made"]
                else _(
                    "{kind} on {provision} (made {made}, in effect from {effective}): {summary}"
                )
            )
            out.write(
                "  "
                + template.format(
                    kind=_(_RESERVATION_KINDS.get(r["kind"], r["kind"])),
                    provision=r["provision"],
                    made=r["made"],
                    effective=r["in_effect_from"],
                    summary=summary,
                )
                + "\n"
                f"      {r['source']}\n"
            )
        for a in p["allies"]:
            out.write(
                "  "
                + _("ally: {state} since {since} ({basis})").format(
                    state=a["state"], since=a["since"], basis=a["basis"]
                )
                + f"\n      {a['source']}\n"
            )
        for t in p["treatment"]:
            dates = " ".join(
                _(template).format(date=t[k])
                for k, template in (("since", _SINCE), ("until", _UNTIL))
                if t[k]
            )
            when = f" ({dates})" if dates else ""
            cites = f" [{', '.join(t['cites'])}]" if t["cites"] else ""
            summary = _party_text(law, p["code"], t["summary"], lang)
            out.write(
                f"  {t['act']} -> {', '.join(t['kinds'])}{when}{cites}: {summary}\n"
                f"      {t['source']}\n"
            )
        if p["abolished_death_penalty"]:
            out.write(
                "  "
                + _("abolished the death penalty on {date}").format(
                    date=p["abolished_death_penalty"]
                )
                + "\n"
            )
        if p["claims_nationals_of"]:
            out.write(
                "  "
                + _("counts as its nationals the people of: {states}").format(
                    states=", ".join(p["claims_nationals_of"])
                )
                + "\n"
            )
        if p["protects_applicants"]:
            out.write(
                "  "
                + _("protects asylum applicants from removal meanwhile: {provisions}").format(
                    provisions=", ".join(p["protects_applicants"])
                )
                + "\n"
            )
        for c in p["conflicts"]:
            out.write(
                "  "
                + _("party to {conflict} (side {side}) since {since}").format(
                    conflict=c["conflict"], side=c["side"], since=c["since"]
                )
                + "\n"
                f"      {c['source']}\n"
            )
        out.write("\n")
    _notice(out, lang)
    return OK


_SINCE, _UNTIL = N_("since {date}"), N_("until {date}")
_RESERVATION_KINDS = {"reservation": N_("reservation"), "declaration": N_("declaration")}
"""The kinds of a state's statement on a treaty, as the parties table names them."""


def _party_text(
    law: Law,
    state: str,
    summary: str,
    lang: str,
    *,
    provision: str | None = None,
) -> str:
    """Our summary of a state's reservation on ``provision``, or else of its treatment of those
    returned to it, in ``lang``; an untranslated one (an overlay's) marked English.
    """
    if lang == SOURCE_LANGUAGE:
        return summary
    from powcase._util.i18n import marked  # noqa: PLC0415
    from powcase.law import translated  # noqa: PLC0415

    if provision is not None:
        return marked(translated.reservation(law, state, summary, lang))
    return marked(translated.treatment(law, state, summary, lang))


def _party_name(law: Law, profile: dict[str, Any], lang: str) -> str:
    """A state's name as the parties table gives it, in ``lang``."""
    if lang == SOURCE_LANGUAGE:
        return str(profile["name"])
    from powcase.law import translated  # noqa: PLC0415

    return translated.party(law, profile["code"], lang).text


def _cmd_diagram(args: argparse.Namespace, out: Output) -> int:
    from powcase.render.diagram import (  # noqa: PLC0415
        INSTALL_GRAPHVIZ,
        Trace,
        diagram,
        graphviz_missing,
    )
    from powcase.render.path_drawing import path_svg  # noqa: PLC0415

    if args.path:
        if not args.file:
            raise _Invalid("--path draws the path of a scenario: give its FILE")
        if args.format not in (None, "svg"):
            raise _Invalid(f"--path draws SVG, not {args.format}: leave out --format")
    fmt = args.format
    if fmt is None and not args.path:
        missing = graphviz_missing()
        fmt = "svg" if missing is None else "mermaid"
        if missing is not None:
            said = gettext_for(_language(args))
            sys.stderr.write(
                "powcase diagram: "
                + said(
                    N_(
                        "{missing}, so this is Mermaid text; for SVG or PNG, {install}; for "
                        "the path he took as SVG, add --path"
                    )
                ).format(missing=said(missing), install=said(INSTALL_GRAPHVIZ))
                + "\n"
            )
    trace = None
    drawn: str | bytes
    if args.file:
        results = _run_all(_load([args.file], args.law), args.variant, None)
        first = _output(args, results[0].to_dict())
        if args.path:
            drawn = path_svg(first["steps"], first["state"], lang=_language(args)) + "\n"
        else:
            trace = Trace.of_steps(first["steps"], first["state"])
    if not args.path:
        drawn = diagram(trace, fmt or "mermaid")
    if args.output:
        out.file(args.output, drawn)
        out.write(gettext_for(_language(args))("wrote {path}").format(path=_line(args.output)))
        out.write("\n")
    elif isinstance(drawn, bytes):
        if fmt == "png":
            raise _Invalid("a PNG goes to a file: add -o OUT.png")
        out.write(drawn.decode("utf-8"))
    else:
        out.write(drawn)
    return OK


def _cmd_report(args: argparse.Namespace, out: Output) -> int:
    from powcase.render.report import render_report  # noqa: PLC0415

    scenarios = _load([args.file], args.law)
    out.reads(o["path"] for s in scenarios for o in s.law.overlays)
    results = _run_all(scenarios, None, args.as_of)
    lang = _language(args)
    page = render_report(
        results,
        reveal_names=args.reveal_names,
        redaction=args.redact,
        lang=lang,
        law=_law(args),
    )
    out.file(args.output, page)
    _ = gettext_for(lang)
    out.write(_("wrote {path}").format(path=_line(args.output)) + "\n")
    return OK


def _cmd_explore(args: argparse.Namespace, out: Output) -> int:
    from powcase.explore import check_files, load_properties  # noqa: PLC0415

    if args.show_alphabet:
        for file in args.files:
            letters = load_properties(file, law=args.law).letters()
            out.write(f"{_line(file)}: {len(letters)} letters\n")
            out.writelines(f"  {_line(letter.label)}\n" for letter in letters)
        return OK
    if args.book is not None:
        _write_book(args, out)
    with _progress(args.depth) as progress:
        results = check_files(
            args.files,
            depth=args.depth,
            witnesses=args.witnesses,
            law=args.law,
            progress=progress,
            reveal_names=args.reveal_names,
            workers=args.workers,
            scheduler=args.scheduler,
        )
    if args.format == "json":
        out.json([r.to_dict() for r in results])
        return OK
    if args.format == "markdown":
        from powcase.render.explore import render_check_markdown  # noqa: PLC0415

        out.write(render_check_markdown(results, lang=_language(args)))
    else:
        from powcase.render.explore import render_check_text  # noqa: PLC0415

        out.write(render_check_text(results, lang=_language(args)))
    if args.book is not None:
        out.write(gettext_for(_language(args))("wrote {path}").format(path=_line(args.book)))
        out.write("\n")
    return OK


def _write_book(args: argparse.Namespace, out: Output) -> None:
    """Write the path book of the first file's exploration, under one reading: the one
    ``--reading`` names (as numbered in the output), else the file's own assumptions where the
    grid holds them, else the grid's first.
    """
    from powcase.explore import load_properties  # noqa: PLC0415
    from powcase.explore.readings import ReadingGrid  # noqa: PLC0415
    from powcase.explore.search import explore  # noqa: PLC0415
    from powcase.render.path_book import path_book  # noqa: PLC0415

    if len(args.files) != 1:
        raise _Invalid("--book takes one property file")
    out.check_target(args.book)
    read = load_properties(args.files[0], law=args.law)
    grid = ReadingGrid.of(read.assumptions, read.readings)
    if args.reading is not None:
        if not 1 <= args.reading <= len(grid):
            raise _Invalid(f"--reading {args.reading}: the file has readings 1 to {len(grid)}")
        chosen = grid.readings[args.reading - 1]
    else:
        chosen = read.assumptions if read.assumptions in grid.readings else grid.readings[0]
    found = explore(
        read.start,
        read.letters(),
        ReadingGrid.of_readings([chosen]),
        depth=read.depth if args.depth is None else args.depth,
        step_days=read.step_days,
        mode=read.mode,
        law=read.law,
    )
    out.file(args.book, path_book(found, 0, lang=_language(args)))


@contextlib.contextmanager
def _progress(depth: int | None) -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar on a terminal (stderr), one tick per depth explored; none elsewhere."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal

    with tqdm(total=depth, unit="depth", file=sys.stderr, leave=False) as bar:

        def tick(done: int, asked: int, situations: int) -> None:
            bar.total = asked
            bar.n = done
            bar.set_postfix(situations=situations)
            bar.refresh()

        yield tick


def _reading_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The commands that read a case forward or under other readings: ``options`` and
    ``compare``.
    """
    options = command(
        "options", _("what can happen next: every possible step with its verdict"), _cmd_options
    )
    options.add_argument("file", metavar="FILE")
    options.add_argument("--as-of", type=_date, metavar="DATE", help=_(AS_OF_HELP))
    options.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    options.add_argument(
        "--all",
        action="store_true",
        help=_(
            "also show the options hidden as making no sense for him (no one's decision, "
            "such as die; a return to a state neither his nor allied with his; a move to the "
            "detaining power, or to his own state at war with it)"
        ),
    )
    options.add_argument(
        "--event",
        action="append",
        metavar="NAME",
        help=_("only the options of this event (repeatable)"),
    )
    _redaction(options)

    compared = command(
        "compare", _("the record under several readings of the law, side by side"), _cmd_compare
    )
    compared.add_argument("file", metavar="FILE")
    compared.add_argument(
        "--vary",
        action="append",
        required=True,
        metavar="KEY[,KEY...]",
        help=_("assumptions to vary (all their options), or KEY=V1,V2"),
    )
    compared.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    _redaction(compared)


def _explore_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The command that explores every path: ``explore``."""
    explored = command(
        "explore",
        _("every path to a depth, under every reading: check legal properties"),
        _cmd_explore,
    )
    explored.add_argument(
        "files", nargs="+", metavar="FILE", help=_("property files (*.properties.yaml)")
    )
    explored.add_argument(
        "--depth", type=int, metavar="N", help=_("how many steps deep (default: the file's)")
    )
    explored.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    explored.add_argument(
        "--witnesses",
        metavar="DIR",
        help=_("write each shortest witness or counterexample there, as a scenario file"),
    )
    explored.add_argument(
        "--workers", type=int, metavar="N", help=_("run the readings on N local processes")
    )
    explored.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=_("run the readings on a Dask distributed scheduler (pip install 'powcase[dask]')"),
    )
    explored.add_argument(
        "--book",
        metavar="OUT.html",
        help=_(
            "also write a path book for class: every situation to the depth, under one "
            "reading, as linked pages of one HTML file"
        ),
    )
    explored.add_argument(
        "--reading",
        type=int,
        metavar="N",
        help=_(
            "the reading the book follows, numbered as in the output (default: the file's "
            "own assumptions)"
        ),
    )
    explored.add_argument(
        "--show-alphabet",
        action="store_true",
        help=_("print the letters (candidate events) each file explores, and stop"),
    )
    explored.add_argument(
        "--reveal-names",
        action="store_true",
        help=_(
            "keep the subject's name in the witness files (personal data; left out by default)"
        ),
    )


def _drawing_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """The commands that draw: ``diagram`` and ``report``."""
    drawing = command("diagram", _("draw the legal path, or a person's path on it"), _cmd_diagram)
    drawing.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help=_("a scenario file: draw the path of its first scenario"),
    )
    drawing.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg", "png"),
        default=None,
        help=_("default: svg where Graphviz is installed, else mermaid"),
    )
    drawing.add_argument(
        "--path",
        action="store_true",
        help=_("draw only the path he took, large, as SVG (needs FILE; nothing to install)"),
    )
    drawing.add_argument("-o", "--output", metavar="OUT", help=_("write to this file"))
    drawing.add_argument("--variant", metavar="NAME")
    _redaction(drawing)

    reporting = command(
        "report", _("write a self-contained HTML report of a scenario"), _cmd_report
    )
    reporting.add_argument("file", metavar="FILE")
    reporting.add_argument(
        "-o", "--output", metavar="OUT", required=True, help=_("the HTML file to write")
    )
    reporting.add_argument("--as-of", type=_date, metavar="DATE", help=_(AS_OF_HELP))
    reporting.add_argument(
        "--reveal-names",
        action="store_true",
        help=_(
            "show the subject's name (personal data; hidden by default), also with "
            "--redact strict, which then withholds the rest"
        ),
    )
    _redaction(reporting)


def _cmd_coverage(args: argparse.Namespace, out: Output) -> int:
    from powcase.explore.coverage import measure  # noqa: PLC0415
    from powcase.render.coverage import (  # noqa: PLC0415
        render_coverage_markdown,
        render_coverage_text,
    )

    coverage = measure(_load(args.paths, args.law), law=_law(args))
    if args.format == "json":
        out.json(coverage.to_dict())
    elif args.format == "markdown":
        out.write(render_coverage_markdown(coverage, lang=_language(args)))
    else:
        out.write(render_coverage_text(coverage, lang=_language(args)))
    percent = coverage.provisions.percent
    if args.fail_under is not None and percent < args.fail_under:
        sys.stderr.write(
            "powcase coverage: "
            + gettext_for(_language(args))(
                N_("provision coverage {percent}% is below --fail-under {limit}%")
            ).format(percent=f"{percent:.1f}", limit=f"{args.fail_under:g}")
            + "\n"
        )
        return FAILED
    return OK


def _percent(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r} is not a percentage from 0 to 100")
    return value


def _coverage_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    """``coverage``: what a scenario corpus cites of the law."""
    measured = command(
        "coverage",
        _(
            "how many steps and verdicts of the scenarios under the paths cite each provision "
            "and give each reason code"
        ),
        _cmd_coverage,
    )
    measured.add_argument("paths", nargs="+", metavar="PATH", help=_("scenario files or folders"))
    measured.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    measured.add_argument(
        "--fail-under",
        type=_percent,
        metavar="PCT",
        help=_("exit 1 when fewer than PCT percent of the provisions are cited"),
    )


def _(message: str) -> str:
    """A phrase of the command's help in the language the parser is built in."""
    return gettext_for(_HELP_LANG.get())(message)


def _parser(lang: str = SOURCE_LANGUAGE) -> argparse.ArgumentParser:
    """The command line's parser, its help in ``lang``."""
    token = _HELP_LANG.set(lang)
    try:
        return _built_parser()
    finally:
        _HELP_LANG.reset(token)


def _built_parser() -> argparse.ArgumentParser:
    from powcase import __version__  # noqa: PLC0415 - the package loads nothing heavy for this

    parser = argparse.ArgumentParser(
        prog="powcase",
        description=_(
            "The legal path of a captured soldier: run scenario files, test their "
            "expectations, read the model. Not legal advice."
        ),
        epilog=_("{exit_codes}. example: {command}").format(
            exit_codes=_(_EXIT_CODES), command="powcase run examples/ri.powcase.yaml"
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"powcase {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=_("on a bug in powcase (exit 3), show its traceback (give it before the command)"),
    )
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=_(_LANG_HELP))
    _in_words(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, helptext: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=helptext,
            description=helptext,
            epilog=f"{_EXAMPLES[name]}; {_(_EXIT_CODES)}",
        )
        sub.set_defaults(handler=handler)
        _in_words(sub)
        sub.add_argument(
            "--lang",
            choices=LANGUAGES,
            default=argparse.SUPPRESS,  # keeps a --lang given before the command
            help=_(_LANG_HELP),
        )
        sub.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,  # keeps a --debug given before the command
            help=_("on a bug in powcase (exit 3), show its traceback"),
        )
        if name in _JUDGING:
            _with_law(sub)
        return sub

    _run_command(command)

    test = command(
        "test", _("run every scenario under the paths and check expectations"), _cmd_test
    )
    test.add_argument("paths", nargs="+", metavar="PATH")
    test.add_argument(
        "--explore",
        action="store_true",
        help=_("also explore the property files (*.properties.yaml) under the paths"),
    )
    test.add_argument(
        "-k",
        dest="keyword",
        metavar="EXPR",
        help=_(
            "run only the runs whose names match EXPR, as pytest -k: words matched as parts "
            "of the scenario's title, its file name, the subject's id or the variant's name, in "
            "any case, combined with and, or, not and parentheses (e.g. -k 'kursk and not strict')"
        ),
    )
    test.add_argument(
        "--junit-xml",
        metavar="PATH",
        help=_("also write the results as JUnit XML (one testcase per run), for CI systems"),
    )
    test.add_argument(
        "-x",
        "--exitfirst",
        action="store_true",
        help=_("stop at the first run whose expectations fail"),
    )

    validate = command("validate", _("check scenario files without running them"), _cmd_validate)
    validate.add_argument("files", nargs="+", metavar="FILE")

    describe = command("describe", _("print the legal model"), _cmd_describe)
    describe.add_argument("--format", choices=("json", "text"), default="json")

    provisions = command(
        "provisions", _("list the provisions catalogue, searchable"), _cmd_provisions
    )
    provisions.add_argument(
        "search",
        nargs="?",
        metavar="SEARCH",
        help=_(
            "words that must all appear, in any case (in the id, the instrument, the article, "
            "the paraphrase or the tags: the flags, obligations and readings that use it)"
        ),
    )

    schema = command("schema", _("print a JSON Schema of the scenario format"), _cmd_schema)
    schema.add_argument(
        "--output",
        nargs="?",
        const="run",
        choices=("run", "explore", "coverage"),
        help=_(
            "the schema of an output instead: run (powcase run --format json, the default), "
            "explore (powcase explore --format json) or coverage (powcase coverage --format json)"
        ),
    )
    schema.add_argument(
        "--law",
        action="store_true",
        help=_("the schema of the law data files and of law overlays instead"),
    )

    explain = command("explain", _("explain the verdict of one step of a scenario"), _cmd_explain)
    explain.add_argument("file", metavar="FILE")
    explain.add_argument(
        "--step",
        type=int,
        required=True,
        metavar="N",
        help=_("the index of the event in the file (0-based)"),
    )
    explain.add_argument("--variant", metavar="NAME")
    explain.add_argument("--as-of", type=_date, metavar="DATE", help=_(AS_OF_HELP))
    explain.add_argument("--format", choices=("text", "json"), default="text")
    _redaction(explain)

    _reading_commands(command)
    _drawing_commands(command)
    _coverage_command(command)

    _explore_command(command)
    _new_command(command)

    parties_ = command("parties", _("what the parties table says of a state"), _cmd_parties)
    parties_.add_argument("state", nargs="?", metavar="STATE", help=_("a state code, e.g. KP"))
    parties_.add_argument("--as-of", type=_date, metavar="DATE", help=_("default: today"))
    parties_.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _in_words(parser: argparse.ArgumentParser) -> None:
    """The words argparse writes itself (headings, usage, -h) in the parser's language; in
    English, argparse's own.
    """
    lang = _HELP_LANG.get()
    if lang == SOURCE_LANGUAGE:
        return
    parser._positionals.title = _("positional arguments")
    parser._optionals.title = _("options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _("show this help message and exit")
    usage = _("usage: ")

    class Formatter(argparse.HelpFormatter):
        def add_usage(
            self,
            usage_text: str | None,
            actions: Iterable[argparse.Action],
            groups: Iterable[argparse._MutuallyExclusiveGroup],
            prefix: str | None = None,
        ) -> None:
            super().add_usage(usage_text, actions, groups, usage if prefix is None else prefix)

    parser.formatter_class = Formatter
    said = gettext_for(lang)

    def error(message: str) -> NoReturn:
        parser.print_usage(sys.stderr)
        told = _usage_error_in(message, lang)
        parser.exit(INVALID, said(_ERROR_LINE).format(prog=parser.prog, message=told) + "\n")

    parser.error = error  # type: ignore[method-assign]


_USAGE_ERRORS = (
    problem_text("the following arguments are required: {arguments}"),
    problem_text("unrecognized arguments: {arguments}"),
    problem_text("invalid choice: {value} (choose from {choices})"),
    problem_text("invalid {kind} value: {value}"),
    problem_text("expected one argument"),
    problem_text("expected at most one argument"),
    problem_text("expected at least one argument"),
    problem_text("one of the arguments {arguments} is required"),
    problem_text("ambiguous option: {option} could match {matches}"),
    problem_text("not allowed with argument {argument}"),
    problem_text("ignored explicit argument {value}"),
)
"""argparse's own messages of a usage error (Python's wording), known to the translation."""

_ERROR_LINE = N_("{prog}: error: {message}")
_ARGUMENT_LINE = N_("argument {argument}: {message}")
_ARGUMENT_ERROR = re.compile(r"^argument (?P<argument>[^:]+): (?P<message>.*)$", re.DOTALL)


def _usage_error_in(message: str, lang: str) -> str:
    """A usage error argparse made (in English) in ``lang``: its argument names, values and
    choices as they are; an error about one argument names it first, as argparse does.
    """
    from powcase._util.i18n import problem_in  # noqa: PLC0415

    matched = _ARGUMENT_ERROR.match(message)
    if matched is None:
        return problem_in(message, lang)
    return gettext_for(lang)(_ARGUMENT_LINE).format(
        argument=matched["argument"], message=problem_in(matched["message"], lang)
    )


def _run_command(command: Callable[..., argparse.ArgumentParser]) -> None:
    run = command("run", _("run scenario files and print the result"), _cmd_run)
    run.add_argument("files", nargs="+", metavar="FILE", help=_("scenario files or folders"))
    run.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    run.add_argument("--variant", metavar="NAME", help=_("run only this variant"))
    run.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help=_(AS_OF_HELP),
    )
    run.add_argument(
        "--reveal-names",
        action="store_true",
        help=_(
            "show the subject's name (personal data; hidden by default), also with "
            "--redact strict, which then withholds the rest"
        ),
    )
    _redaction(run)


AS_OF_HELP = N_(
    "the case as it stood on this date: later events are listed as not yet happened, "
    "neither judged nor counted (default: the scenario's as_of, else its last event)"
)


def _redaction(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redact",
        choices=("none", "strict"),
        default="none",
        help=_(
            "strict also hides year of birth, rank, unit and place, and shows dates to the month"
        ),
    )


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code.

    Every command goes through here: a :class:`~powcase.errors.PowcaseError` (invalid input,
    an output refused) is its message on ``err`` and exit 2; anything else is a bug in
    powcase, one line on ``err`` and exit 3 (the traceback with ``--debug``). A reader that
    goes away (``powcase run x | head -1``) ends the command quietly.
    """
    stdout = sys.stdout if out is None else out
    stderr = sys.stderr if err is None else err
    parser = _parser(from_argv(list(sys.argv[1:] if argv is None else argv)))
    try:
        args = parser.parse_args(argv)
    except SystemExit:  # --help, --version or a usage error: argparse has printed it
        _flush_quietly(stdout)
        raise
    from powcase._util.output import Output  # noqa: PLC0415 - not for --version

    # Colour only where the values were neutralised before they were coloured (render_text).
    colour = args.command == "run" and _colour(stdout)
    output = Output(stdout, colour=colour, inputs=_inputs(args))
    if args.command is None:
        args.handler = _help(parser)
    errors = Output(stderr)
    with _warnings_to(errors, args.command or "powcase"):
        return _handled(args, output, errors)


def _help(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace, Output], int]:
    def show(args: argparse.Namespace, out: Output) -> int:
        out.write(parser.format_help())
        return INVALID

    return show


def _inputs(args: argparse.Namespace) -> list[str]:
    """The files a command reads (its file and folder arguments, its ``--law`` overlays): an
    output file must be none of them.
    """
    given: list[str] = []
    for name in ("file", "files", "paths", "law"):
        value = getattr(args, name, None)
        values = value if isinstance(value, list) else [value]
        given += [v for v in values if isinstance(v, str)]
    return given


def _handled(args: argparse.Namespace, out: Output, err: Output) -> int:
    """The one error handler: the command's exit code, every failure told on ``err``."""
    from powcase._util.output import PipeClosed  # noqa: PLC0415
    from powcase.errors import PowcaseError  # noqa: PLC0415

    command = args.command or "powcase"
    try:
        target = getattr(args, "output", None)
        if isinstance(target, str):  # an output file: refused before any work if it must be
            out.check_target(target)
        code = int(args.handler(args, out))
        out.flush()
    except PipeClosed:
        _silence(out)
        return PIPE_CLOSED
    except _Invalid as error:
        told = _in_language_told(
            f"powcase {command}: {_INVALID_INPUT}\n{error}\n", _language_of_errors(args)
        )
        return _told(out, err, told, INVALID)
    except PowcaseError as error:
        told = _in_language_told(f"powcase {command}: {error}\n", _language_of_errors(args))
        return _told(out, err, told, INVALID)
    except KeyboardInterrupt:
        return _told(out, err, f"powcase {command}: interrupted\n", INTERRUPTED)
    except Exception as error:  # the last resort: a bug, told as one
        text = _bug(command, error)
        if args.debug:
            text += "".join(traceback.format_exception(error))
        return _told(out, err, text, BUG)
    return code


def _language_of_errors(args: argparse.Namespace) -> str:
    """The language errors are told in: the command's, English if it cannot be known."""
    try:
        return _language(args)
    except Exception:
        return SOURCE_LANGUAGE


_INVALID_INPUT = problem_text("invalid input")
# The heading of a list of problems (a law data error's too, made below the translation
# layer): registered here, so that the command words it whatever modules were loaded.
_PROBLEM_COUNTS = (problem_text("1 problem"), problem_text("{count} problems"))

_PROBLEM_LINE = re.compile(
    r"^(?P<where>(?:  - )?\S+?:\d+:\d+: |\S+\.(?:ya?ml|json): |  - )?"
    r"(?P<path>[\w.\[\]-]+: )?(?P<rest>.*)$"
)
_SUGGESTION = re.compile(r" \(did you mean (?P<guess>.+)\?\)$")
_EXPECTED = re.compile(r"; expected (?P<expected>.+)$", re.DOTALL)


def _in_language_told(text: str, lang: str) -> str:
    """An error as the command tells it, in ``lang``: the loader's messages and what each
    expects worded in that language (their values, paths and file positions as they are);
    a message with no translation stays in English.
    """
    if lang == SOURCE_LANGUAGE:
        return text
    from powcase._util.i18n import problem_in  # noqa: PLC0415

    _ = gettext_for(lang)
    lines = []
    for line in text.split("\n"):
        head, colon, told = line.partition(": ")
        if head.startswith("powcase ") and colon and " " not in head[len("powcase ") :]:
            lines.append(f"{head}: {problem_in(told, lang)}")
            continue
        matched = _PROBLEM_LINE.match(line)
        if not line or matched is None:
            lines.append(line)
            continue
        rest = matched["rest"]
        guess = _SUGGESTION.search(rest)
        if guess:
            rest = rest[: guess.start()]
        expected = _EXPECTED.search(rest)
        if expected:
            rest = rest[: expected.start()]
        said = problem_in(rest, lang)
        if expected:
            said += _("; expected {expected}").format(
                expected=problem_in(expected["expected"], lang)
            )
        if guess:
            said += _(" (did you mean {guess}?)").format(guess=guess["guess"])
        lines.append(f"{matched['where'] or ''}{matched['path'] or ''}{said}")
    return "\n".join(lines)


def _bug(command: str, error: BaseException) -> str:
    """One line saying that this is a bug and how to report it, without personal data."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""
    return (
        f"powcase {command}: a bug in powcase ({type(error).__name__}{where}), not a problem "
        "in your input; please report it to the powcase maintainers as an issue with the "
        "command line you ran, but not the scenario file (it may hold personal data); "
        "'powcase --debug ...' shows the traceback (exit 3)\n"
    )


def _told(out: Output, err: Output, text: str, code: int) -> int:
    """Tell ``text`` on ``err`` after what the command printed, and return ``code``."""
    from powcase._util.output import PipeClosed  # noqa: PLC0415
    from powcase.errors import PowcaseError  # noqa: PLC0415

    if not out.failed:
        with contextlib.suppress(PipeClosed, PowcaseError):
            out.flush()
    if out.failed:
        _silence(out)
    try:
        err.write(text)
        err.flush()
    except (PipeClosed, PowcaseError):
        pass  # nowhere left to tell it; the exit code says it
    return code


def _silence(out: Output) -> None:
    """Point the process's standard output at the null device, so that the interpreter's
    last flush at exit finds no closed pipe or full disk (Python's recipe for SIGPIPE).
    """
    if out.stream is not sys.stdout:
        return
    try:
        descriptor = out.stream.fileno()
    except (OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _flush_quietly(stream: TextIO) -> None:
    """Flush what argparse printed (help, version); a closed pipe ends it quietly."""
    try:
        stream.flush()
    except BrokenPipeError:
        from powcase._util.output import Output  # noqa: PLC0415

        _silence(Output(stream))
        raise SystemExit(PIPE_CLOSED) from None
    except OSError:
        pass


@contextlib.contextmanager
def _warnings_to(err: Output, command: str) -> Iterator[None]:
    """The warnings powcase gives the author (:class:`~powcase.errors.NameInFreeText`) as lines on
    ``err``; any other warning as Python shows it.
    """
    from powcase.errors import NameInFreeText  # noqa: PLC0415

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", NameInFreeText)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, NameInFreeText) or _one_line(warning):
                    with contextlib.suppress(Exception):  # a closed stderr: nowhere to tell
                        err.write(f"powcase {command}: warning: {warning.message}\n")
                else:
                    warnings.showwarning(
                        warning.message, warning.category, warning.filename, warning.lineno
                    )


def _one_line(warning: warnings.WarningMessage) -> bool:
    """Whether a warning is told as one line: a record that contradicts itself, or
    expectations left unchecked on another date (``--as-of``).
    """
    if warning.category.__name__ == "ExpectationsNotChecked":
        return warning.category.__module__ == "powcase.scenario.running"
    if warning.category.__module__ != "powcase.scenario.contradictions":
        return False  # the module is loaded only by the commands that warn of it
    from powcase.scenario.contradictions import RecordContradiction  # noqa: PLC0415

    return issubclass(warning.category, RecordContradiction)


def _generated_by(law: Law | None = None) -> dict[str, object]:
    from powcase.law.provenance import generated_by  # noqa: PLC0415

    return generated_by(law)


def _law(args: argparse.Namespace) -> Law:
    """The packaged law with the command's ``--law`` overlays applied, in order."""
    from powcase.law.book import Law  # noqa: PLC0415

    return Law.packaged().overlaid(*args.law)


def _with_law(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--law",
        action="append",
        default=[],
        metavar="PATH",
        help=_(
            "a law overlay file, applied after the packaged law and a scenario's own law: "
            "(repeatable)"
        ),
    )
