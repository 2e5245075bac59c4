"""The law review page: every rule beside the law it cites, generated from the code.

For each machine event the page shows the guard's rule in our words (its docstring), the
provisions its transition cites (``Guard.cites``) and the provisions its reasons can cite, each
with our paraphrase and a link to the official text, so that a lawyer reads rule and law side by
side. Then each humanitarian-risk flag and each obligation of the docket with its provisions.

The provisions a guard's reasons can cite are read from its source code, not from a run: every
string literal that is a catalogue id, in the guard's function and in the functions of
``powcase.law`` that it calls, directly or through others. A reviewer should know how far that
reaches, so the page says it too: it finds the ids written in the code, and an id the code builds
from a template (the ICRC commentary on the article a move is judged under) when the template is
filled from the same function's literals; it cannot see ids that come from the parties table at
run time (what a state does to those returned to it, its reservations).
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from powcase.law.book import Law
from powcase.law.guards import GUARDS
from powcase.law.violations import breach_checks
from powcase.render.reference import _table

__all__ = ["Citation", "guard_citations", "law_review"]

GUARDS_MODULE = "powcase.law.guards"

_ID_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9-]*-[0-9][0-9A-Za-z.]*(?:\([0-9a-z]+\))*")
"""An id-shaped word in prose, such as ``GCIII-109(3)``; only those in the catalogue count."""

_HOW = {
    "prohibit": "prohibition",
    "require": "precondition",
    "basis": "basis",
    "note": "note",
    "open": "open point",
    "binding": "where binding",
    "customary": "customary fallback",
    "binds": "binding checked",
    "reservations": "reservations read",
    "_quiet_binding": "where binding (regional)",
    "_bar": "bar (prohibition, or open point)",
    "_binding": "where binding",
    "_bound": "where binding",
    "_needs_wish": "precondition (his wish)",
}
"""How an id is used, by the call it is written in: a Judgement method, a helper or a keyword."""


@attrs.frozen
class Citation:
    """One provision id found in a guard's code: in which function and in what use."""

    id: str
    function: str
    how: str


def _function_node(function: Callable[..., Any]) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    node = tree.body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def _body(node: ast.FunctionDef) -> list[ast.stmt]:
    """The function's statements without its docstring: the docstring is shown on its own."""
    body = node.body
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return body[1:]
    return body


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _walk(node: ast.AST, enclosing: str) -> Iterator[tuple[ast.AST, str]]:
    """Every node below ``node``, with the use of the innermost call (or keyword) around it."""
    for child in ast.iter_child_nodes(node):
        use = enclosing
        if isinstance(child, ast.Call):
            yield child, enclosing
            use = _call_name(child)
        elif isinstance(child, ast.keyword) and child.arg == "customary":
            use = "customary"
        else:
            yield child, enclosing
        yield from _walk(child, use)


def _literals(nodes: list[ast.stmt]) -> set[str]:
    return {
        n.value
        for stmt in nodes
        for n in ast.walk(stmt)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _template_ids(joined: ast.JoinedStr, literals: set[str]) -> list[str]:
    """The catalogue ids a one-placeholder f-string can produce from the function's literals."""
    parts = joined.values
    holes = [p for p in parts if isinstance(p, ast.FormattedValue)]
    if len(holes) != 1:
        return []
    prefix = "".join(
        str(p.value) for p in parts[: parts.index(holes[0])] if isinstance(p, ast.Constant)
    )
    suffix = "".join(
        str(p.value) for p in parts[parts.index(holes[0]) + 1 :] if isinstance(p, ast.Constant)
    )
    return sorted(
        prefix + value + suffix
        for value in literals
        if prefix + value + suffix in Law.packaged().provisions
    )


def _callees(function: Callable[..., Any], node: ast.FunctionDef) -> list[Callable[..., Any]]:
    """The functions of ``powcase.law`` that ``function`` calls by name."""
    found: list[Callable[..., Any]] = []
    for call in (n for stmt in _body(node) for n in ast.walk(stmt) if isinstance(n, ast.Call)):
        if not isinstance(call.func, ast.Name):
            continue
        target = function.__globals__.get(call.func.id)
        if inspect.isfunction(target) and target.__module__.startswith("powcase.law"):
            found.append(target)
    return found


def _reach(function: Callable[..., Any]) -> list[Callable[..., Any]]:
    """``function`` and every ``powcase.law`` function it calls, directly or not, in order."""
    seen: dict[Callable[..., Any], None] = {}
    todo = [function]
    while todo:
        current = todo.pop(0)
        if current in seen:
            continue
        seen[current] = None
        todo += _callees(current, _function_node(current))
    return list(seen)


def _own_citations(function: Callable[..., Any]) -> list[Citation]:
    node = _function_node(function)
    body = _body(node)
    literals = _literals(body)
    found: list[Citation] = []
    for stmt in body:
        for child, use in _walk(stmt, ""):
            ids: list[str] = []
            if isinstance(child, ast.Constant) and isinstance(child.value, str):
                ids = [child.value] if child.value in Law.packaged().provisions else []
            elif isinstance(child, ast.JoinedStr):
                ids = _template_ids(child, literals)
            how = _HOW.get(use, "literal")
            found += [Citation(i, function.__name__, how) for i in ids]
    return list(dict.fromkeys(found))


def guard_citations(event: str) -> list[Citation]:
    """The provision ids written in the guard of ``event`` and in the law functions it calls.

    >>> "CAT-3" in {c.id for c in guard_citations("exchange")}
    True
    """
    citations: list[Citation] = []
    for function in _reach(GUARDS[event].check):
        citations += _own_citations(function)
    return citations


_FILE_POINTER = re.compile(r"\s*\([^()]*\b[\w/.-]+\.md\b[^()]*\)")
"""A parenthesis that points the code's reader at a Markdown file, such as "(see X.md §6)"."""


def _prose(text: str) -> str:
    """Docstring text as one paragraph (Markdown reads its double backticks as code).

    Pointers to other files are dropped: they guide readers of the code, and the reader of
    this page is already in the documentation, which explains the model.
    """
    return _FILE_POINTER.sub("", " ".join(text.split()))


def _doc(function: Callable[..., Any]) -> str:
    return _prose(inspect.cleandoc(function.__doc__ or "(no docstring)"))


def _named_in(text: str) -> list[str]:
    return [i for i in dict.fromkeys(_ID_IN_TEXT.findall(text)) if i in Law.packaged().provisions]


def _law(pid: str) -> list[str]:
    entry = Law.packaged().provision(pid)
    return [
        f"`{pid}`",
        f"[{entry.instrument} {entry.article}]({entry.url})",
        entry.paraphrase,
    ]


def _label(*parts: str) -> str:
    return "(" + "-".join(p.replace("_", "-") for p in ("law-review", *parts)) + ")="


def _intro() -> list[str]:
    return [
        "# Law review: each rule beside its law",
        "",
        (
            "This page is generated from the code when the documentation is built "
            "(`powcase.render.law_review`), so that a lawyer can review each rule of the model "
            "beside the provisions it rests on. The paraphrases are ours; follow the link to "
            "the official text before relying on one. This is not legal advice."
        ),
        "",
        "## How to read it",
        "",
        (
            "Each machine event has a *guard*: the rule that judges the step. Its text below is "
            "the guard's docstring, our statement of the rule. Two tables follow. **The "
            "transition cites** the provisions every applied step of that event cites. **Its "
            "reasons can cite** the provisions that appear in the guard's reasons, depending on "
            "the facts, the acting state's treaties on the step's date and the assumptions."
        ),
        "",
        (
            "The second table is read from the source code, not from a run: it lists every "
            "provision id written as a string in the guard's function or in a function of "
            "`powcase.law` that it calls, directly or through others (the shared rules are "
            "listed at the end of the page). An id the code builds from a template (the ICRC "
            "commentary on the article a move is judged under) is listed where the template is "
            "filled from the same function's strings. Ids that come from the parties table at "
            "run time, such as the national law behind what a state does to those returned to "
            "it, or a state's reservation, are not listed. The *use* column names the call an "
            "id is written in:"
        ),
        "",
        "- *prohibition*: the law forbids the step; the step is refused.",
        "- *precondition*: the step lacks what the law requires; the step is refused.",
        "- *basis*: what authorises an allowed step.",
        "- *note*: context that changes no outcome.",
        "- *open point*: the record does not settle it; the step is undetermined.",
        (
            "- *where binding*: the rule applies only if its treaty binds the acting state on "
            "the step's date; *customary fallback*: the customary rule applied where the treaty "
            "does not bind; *binding checked*: the code asks whether the treaty binds a state."
        ),
        (
            "- *bar*: the non-refoulement bar, a prohibition, or an open point while his wish is "
            "unverified or contested."
        ),
        "- *literal*: written elsewhere in the function, for instance to choose an article.",
        "",
        (
            "The meaning of guards, reason kinds and outcomes is explained in "
            "[the legal model](../explanation/legal-model.md#model-verdicts)."
        ),
    ]


def _paragraphs(text: str) -> list[str]:
    return [_prose(p) for p in inspect.cleandoc(text).split("\n\n")]


def _guards() -> list[str]:
    out = ["", "## Guards, one per machine event"]
    shared: dict[Callable[..., Any], None] = {}
    for event, guard in GUARDS.items():
        citations = guard_citations(event)
        reached = _reach(guard.check)
        # Only the helpers that write an id are worth a reviewer's time.
        shared.update(dict.fromkeys(f for f in reached[1:] if _own_citations(f)))
        out += ["", _label(event), f"### `{event}`", "", _doc(guard.check), ""]
        out += ["**The transition cites:**", ""]
        out += _table(["id", "provision", "paraphrase (ours)"], [_law(p) for p in guard.cites])
        uses: dict[str, list[str]] = {}
        for c in citations:
            uses.setdefault(c.id, []).append(f"{c.how} in `{c.function}`")
        out += ["", "**Its reasons can cite:**", ""]
        if uses:
            out += _table(
                ["id", "provision", "paraphrase (ours)", "use"],
                [[*_law(pid), "; ".join(dict.fromkeys(how))] for pid, how in uses.items()],
            )
        else:
            out += ["No provision id is written in this guard's code."]
        found = set(guard.cites) | set(uses)
        unnamed = [i for i in _named_in(guard.check.__doc__ or "") if i not in found]
        if unnamed:
            out += [
                "",
                (
                    "Named in the rule's text but not found in its code: "
                    + ", ".join(f"`{i}`" for i in unnamed)
                    + "."
                ),
            ]
    out += [
        "",
        _label("shared-rules"),
        "## Shared rules",
        "",
        (
            "The guards above call these functions of `powcase.law`, which write provision ids "
            "of their own; those ids are included in the tables of the guards that call them."
        ),
    ]
    modules: dict[str, list[Callable[..., Any]]] = {}
    for function in shared:
        modules.setdefault(function.__module__, []).append(function)
    for name, functions in modules.items():
        module = inspect.getmodule(functions[0])
        out += ["", f"### `{name}`", ""]
        # The guards' own module says what this page says already; a rule's module states it.
        if module is not None and module.__doc__ and name != GUARDS_MODULE:
            for paragraph in _paragraphs(module.__doc__):
                out += [paragraph, ""]
        for function in functions:
            text = _doc(function) if function.__doc__ else "No docstring: the module's rule above."
            out += [f"- `{function.__name__}`: {text}"]
    return out

    return out


def _breaches() -> list[str]:
    out = [
        "",
        _label("breaches"),
        "## Breaches: events that are violations in themselves",
        "",
        (
            "These events are violations whatever the mode, where the record shows the breach, "
            "and possible violations where a field that decides it is not on record; each "
            "rule's text is its check's docstring, and the provisions are read from its code as "
            "for the guards. See [the legal model](../explanation/legal-model.md"
            "#model-violations)."
        ),
    ]
    for event, check in breach_checks().items():
        uses: dict[str, list[str]] = {}
        for function in _reach(check):
            for c in _own_citations(function):
                uses.setdefault(c.id, []).append(f"{c.how} in `{c.function}`")
        out += ["", _label("breach", event), f"### `{event}`", "", _doc(check), ""]
        out += _table(
            ["id", "provision", "paraphrase (ours)", "use"],
            [[*_law(pid), "; ".join(dict.fromkeys(how))] for pid, how in uses.items()],
        )
    return out


_ENDS = (
    " It ends when he leaves captivity (the detaining power's hands, neutral hands for it, or"
    " a power it transferred him to), and stands again if he is recaptured."
)


def _flags() -> list[str]:
    out = [
        "",
        _label("flags"),
        "## Humanitarian-risk flags",
        "",
        (
            "Flags warn; they refuse nothing. What raises and clears each one is explained in "
            "[the legal model](../explanation/legal-model.md#model-flags)."
        ),
    ]
    for code, rule in Law.packaged().flags.items():
        out += ["", _label("flag", code), f"### `{code}`", ""]
        ends = _ENDS if rule.while_held else ""
        out += [f"Severity **{rule.severity}**. {rule.text}{ends}", ""]
        out += _table(["id", "provision", "paraphrase (ours)"], [_law(p) for p in rule.cites])
    return out


def _obligations() -> list[str]:
    out = [
        "",
        _label("obligations"),
        "## Obligations on the docket",
        "",
        (
            "How each obligation starts, falls due and is met is explained in "
            "[the legal model](../explanation/legal-model.md#model-docket)."
        ),
    ]
    for code, rule in Law.packaged().obligations.items():
        period = rule.period
        if not period[0].isdigit():
            period = f"`{period}` days (an assumption)"
        out += ["", _label("obligation", code), f"### `{code}`", ""]
        ours = ""
        if rule.without_delay:
            ours = " The treaty sets no fixed period: the days are an assumption or a proxy."
        met = f"`{rule.met_by}`" + (f" with `{rule.met_if}`" if rule.met_if else "")
        out += [f"{rule.text} Due: {period} after it starts. Met by: {met}.{ours}", ""]
        owed = [
            f"{who}: {provision}"
            for who, provision in (
                ("a prisoner of war", rule.provision_for("pow")),
                ("a protected person", rule.protected_person),
                ("another detainee", rule.detainee),
            )
            if provision is not None
        ]
        out += [f"Owed to {'; '.join(owed)}.", ""]
        out += [f"Where it rests on {getattr(rule, key)}: {text}" for key, text in rule.texts] + (
            [""] if rule.texts else []
        )
        out += _table(["id", "provision", "paraphrase (ours)"], [_law(p) for p in rule.provisions])
    return out


def law_review() -> str:
    """The law review page (MyST Markdown)."""
    return "\n".join([*_intro(), *_guards(), *_breaches(), *_flags(), *_obligations()]) + "\n"
