"""Diagrams of the legal path: the whole chart, or the way one person went through it.

Mermaid text needs nothing beyond powcase. DOT, SVG and PNG use python-statemachine's diagram
support (pydot) and Graphviz's ``dot`` program; where either is missing,
:class:`DiagramUnavailable` says what to install.

A person's path is drawn on the chart: the states he passed through are shaded, the
configuration he is in now is outlined, and each step that was refused is a red note beside
the state it was tried from.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from powcase._util.redact import redact
from powcase.chart import LegalPath
from powcase.errors import PowcaseError

__all__ = ["FORMATS", "DiagramUnavailable", "Trace", "diagram", "graphviz_available"]

FORMATS = ("mermaid", "dot", "svg", "png")
VISITED, CURRENT, REFUSED = "#dbeafe", "#fde68a", "#dc2626"
INSTALL_GRAPHVIZ = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew "
    "install graphviz) and pydot (pip install 'python-statemachine[diagrams]')"
)


class DiagramUnavailable(PowcaseError):
    """A diagram format needs a program or package that is not installed."""

    code = "diagram_unavailable"


@attrs.frozen
class Trace:
    """The way a person went through the chart: states passed, states now, refused steps."""

    visited: frozenset[str] = frozenset()
    current: tuple[str, ...] = ()
    refused: tuple[tuple[str, str, str], ...] = ()
    """(state the step was tried from, event, date) for each refused step."""

    @classmethod
    def of_steps(cls, steps: Iterable[Mapping[str, Any]], state: Sequence[str]) -> Trace:
        """A trace from a run's steps in their JSON form (``from``, ``to``, ``applied``...)."""
        visited: set[str] = set()
        refused = []
        for step in steps:
            visited.update(step["from"])
            visited.update(step["to"])
            if step.get("kind", "machine") == "machine" and (
                not step["applied"] or step["outcome"] != "allowed"
            ):
                refused.append((step["from"][0], step["event"], step["date"]))
        visited.update(state)
        return cls(frozenset(visited), tuple(state), tuple(refused))


def graphviz_available() -> bool:
    """Whether Graphviz's ``dot`` program and pydot are installed."""
    try:
        import pydot  # noqa: F401, PLC0415 - an optional dependency
    except ImportError:
        return False
    return shutil.which("dot") is not None


def _mermaid(trace: Trace | None) -> str:
    text = format(LegalPath, "mermaid").rstrip("\n")
    if trace is None:
        return text + "\n"
    lines = [
        text,
        f"    classDef visited fill:{VISITED}",
        f"    classDef current fill:{CURRENT},stroke-width:3px",
        f"    classDef refused stroke:{REFUSED},stroke-width:3px",
    ]
    passed = sorted(trace.visited - set(trace.current))
    if passed:
        lines.append(f"    class {','.join(passed)} visited")
    if trace.current:
        lines.append(f"    class {','.join(trace.current)} current")
    for number, (source, event, date) in enumerate(trace.refused):
        lines.append(
            f"    note right of {source}\n        refused {number + 1}: {event} "
            f"({date})\n    end note"
        )
    return "\n".join(lines) + "\n"


def _dot(trace: Trace | None) -> Any:
    try:
        import pydot  # noqa: PLC0415 - an optional dependency
        from statemachine.contrib.diagram import DotGraphMachine  # noqa: PLC0415
    except ImportError:
        raise DiagramUnavailable(
            f"DOT, SVG and PNG diagrams need pydot: {INSTALL_GRAPHVIZ}"
        ) from None
    graph = DotGraphMachine(LegalPath)()  # type: ignore[no-untyped-call]
    graph.set_label("The legal path")
    if trace is None:
        return graph
    nodes = {}
    pending = [graph]
    while pending:
        current = pending.pop()
        nodes.update({n.get_name(): n for n in current.get_nodes()})
        pending += current.get_subgraphs()
    for name in trace.visited:
        if name in nodes:
            nodes[name].set_fillcolor(CURRENT if name in trace.current else VISITED)
    for name in trace.current:
        if name in nodes:
            nodes[name].set_penwidth(4)
    for number, (source, event, date) in enumerate(trace.refused):
        note = f"refused_{number + 1}"
        graph.add_node(
            pydot.Node(
                note,
                label=f"refused: {event}\\n{date}",
                shape="note",
                color=REFUSED,
                fontcolor=REFUSED,
                fontsize=9,
            )
        )
        graph.add_edge(pydot.Edge(note, source, style="dashed", color=REFUSED, arrowhead="none"))
    return graph


def diagram(trace: Trace | None = None, fmt: str = "mermaid") -> str | bytes:
    """The chart (or a person's path on it) as Mermaid or DOT text, or SVG or PNG bytes."""
    if fmt not in FORMATS:
        raise DiagramUnavailable(
            f"{fmt!r} is not a diagram format; use one of " + ", ".join(FORMATS)
        )
    if fmt == "mermaid":
        return _mermaid(trace)
    graph = _dot(trace)
    if fmt == "dot":
        return str(graph.to_string())
    if shutil.which("dot") is None:
        raise DiagramUnavailable(
            f"{fmt.upper()} diagrams need Graphviz's dot program: {INSTALL_GRAPHVIZ}"
        )
    return bytes(graph.create(format=fmt))


class _Drawn(Protocol):
    """A case or a run result: steps in their JSON form, and the current configuration."""

    @property
    def steps(self) -> Sequence[Any]: ...

    @property
    def state(self) -> Sequence[str]: ...


def draw(case: _Drawn, format: str = "mermaid", *, redaction: str = "none") -> str | bytes:
    """The chart with a case's path on it: states passed shaded, the current configuration
    outlined, refused steps noted. ``case`` is a :class:`~powcase.Case` or a
    :class:`~powcase.RunResult`. ``mermaid`` or ``dot`` text, ``svg`` or ``png`` bytes (the
    last three need Graphviz and pydot). ``redaction="strict"`` dates the refused steps to
    the month, as the other outputs do.
    """
    steps = redact([s.to_dict() for s in case.steps], redaction)
    return diagram(Trace.of_steps(steps, case.state), format)
