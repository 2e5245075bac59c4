"""Diagrams of the legal path: the whole chart, or the way one person went through it.

Mermaid text needs nothing beyond powcase. DOT, SVG and PNG use python-statemachine's diagram
support (pydot) and Graphviz's ``dot`` program; where either is missing,
:class:`DiagramUnavailable` says which and what to install (:func:`graphviz_missing`).

A person's path is drawn on the chart: the states he passed through are shaded, the
configuration he is in now is outlined, and each step that was refused is a red note beside
the state it was tried from. The ``path`` format draws that path alone, legibly and with
nothing to install (:mod:`powcase.render.path_drawing`).

Every drawing is labelled with the chart's names for its states and events: the library's
guard names, entry actions and the history state's empty region are internal and not shown.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol

import attrs

from powcase._util.i18n import N_, problem_text
from powcase._util.redact import redact
from powcase.chart import LegalPath
from powcase.errors import PowcaseError
from powcase.render.path_drawing import event_label, path_svg, state_label

__all__ = [
    "FORMATS",
    "DiagramUnavailable",
    "Trace",
    "diagram",
    "draw",
    "graphviz_available",
    "graphviz_missing",
]

FORMATS = ("mermaid", "dot", "svg", "png")
"""The formats of the whole chart; :func:`draw` also takes ``path``."""
VISITED, CURRENT, REFUSED = "#dbeafe", "#fde68a", "#dc2626"
INSTALL_GRAPHVIZ = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew "
    "install graphviz) and pydot (pip install 'powcase[diagrams]')"
)
_NEEDS_PYDOT = problem_text(
    "{format} diagrams need pydot, which is missing: pip install 'powcase[diagrams]'"
)
_NEEDS_DOT = problem_text(
    "{format} diagrams need Graphviz's dot program, which is missing: install Graphviz "
    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
)
_NEEDS_BOTH = problem_text(
    "{format} diagrams need pydot and Graphviz's dot program, which are missing: "
    "pip install 'powcase[diagrams]' and install Graphviz (Debian/Ubuntu: apt-get install "
    "graphviz; macOS: brew install graphviz)"
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


def graphviz_missing() -> str | None:
    """What the DOT, SVG and PNG drawings lack on this machine, in words (``pydot is
    missing``, ``Graphviz's dot program is missing``, or both), or None when nothing is.
    """
    pydot_missing, dot_missing = _missing()
    if pydot_missing and dot_missing:
        return N_("pydot and Graphviz's dot program are missing")
    if pydot_missing:
        return N_("pydot is missing")
    return N_("Graphviz's dot program is missing") if dot_missing else None


def _missing() -> tuple[bool, bool]:
    """Whether pydot, and whether Graphviz's ``dot`` program, are missing."""
    try:
        import pydot  # noqa: F401, PLC0415 - an optional dependency
    except ImportError:
        pydot_missing = True
    else:
        pydot_missing = False
    return pydot_missing, shutil.which("dot") is None


def _unavailable(fmt: str) -> DiagramUnavailable | None:
    """Why ``fmt`` (dot, svg or png) cannot be drawn here, naming what is missing and how to
    install it; None when it can. DOT text needs pydot; SVG and PNG also Graphviz's ``dot``.
    """
    pydot_missing, dot_missing = _missing()
    dot_missing = dot_missing and fmt != "dot"
    if pydot_missing and dot_missing:
        template = _NEEDS_BOTH
    elif pydot_missing:
        template = _NEEDS_PYDOT
    elif dot_missing:
        template = _NEEDS_DOT
    else:
        return None
    return DiagramUnavailable(template.format(format=fmt.upper()))


def graphviz_available() -> bool:
    """Whether Graphviz's ``dot`` program and pydot are installed."""
    return graphviz_missing() is None


_GUARD = re.compile(r" \[[^\]]*\]$")
_ACTION = re.compile(r"^\s*\w+ : (entry|exit) / ")
_HISTORY = "as_before"


def _clean_mermaid(text: str) -> str:
    """The library's Mermaid without internal names: no ``[guard]`` on a transition, no
    ``entry /`` action, and the history state not drawn as an empty region (a return to it
    goes to custody "as before").
    """
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() == "--" and f" as {_HISTORY} {{" in following:
            index += 3  # the separator, the empty region and its closing brace
            continue
        if _ACTION.match(line):
            index += 1
            continue
        line = _GUARD.sub("", line)
        if f"--> {_HISTORY} : " in line:
            line = line.replace(f"--> {_HISTORY} : ", "--> in_custody : ") + " (as before)"
        kept.append(line)
        index += 1
    return "\n".join(kept)


def _mermaid(trace: Trace | None) -> str:
    text = _clean_mermaid(format(LegalPath, "mermaid").rstrip("\n"))
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
            f"    note right of {source}\n        refused {number + 1}: "
            f"{event_label(event)} ({date})\n    end note"
        )
    return "\n".join(lines) + "\n"


def _dot(trace: Trace | None, fmt: str = "dot") -> Any:
    try:
        import pydot  # noqa: PLC0415 - an optional dependency
        from statemachine.contrib.diagram import DotGraphMachine  # noqa: PLC0415
    except ImportError:
        raise DiagramUnavailable(_NEEDS_PYDOT.format(format=fmt.upper())) from None
    graph = DotGraphMachine(LegalPath)()  # type: ignore[no-untyped-call]
    graph.set_label("The legal path")
    graph.set_fontsize(_CHART_FONT + 4)
    nodes = {}
    edges = []
    pending = [graph]
    while pending:
        current = pending.pop()
        nodes.update({n.get_name(): n for n in current.get_nodes()})
        edges += current.get_edges()
        for region in current.get_subgraphs():
            if region.get_label() not in (None, '""'):
                region.set_fontsize(_CHART_FONT)
            pending.append(region)
    _clean_dot(nodes, edges)
    if trace is None:
        return graph
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
                label=_quoted(f"refused: {event_label(event)}\\n{date}"),
                shape="note",
                color=REFUSED,
                fontcolor=REFUSED,
                fontsize=_CHART_FONT,
            )
        )
        # A compound state is a cluster, not a node: point at its anchor, clipped at its edge.
        edge = pydot.Edge(note, source, style="dashed", color=REFUSED, arrowhead="none")
        if source not in nodes:
            edge = pydot.Edge(
                note,
                f"{source}_anchor_in",
                style="dashed",
                color=REFUSED,
                arrowhead="none",
                lhead=f"cluster_{source}",
            )
        graph.add_edge(edge)
    return graph


_CHART_FONT = 14
"""The whole chart's text size in points (the library draws at 9 and 10, too small to read
when the drawing is shown whole)."""
_EDGE_TEXT = re.compile(r'point-size="\d+">(.*?)(?:<br/>|</font>)')


def _quoted(text: str) -> str:
    """A DOT string: quoted, with its quotes escaped (DOT's own line breaks are kept)."""
    return '"' + text.replace('"', '\\"') + '"'


def _clean_dot(nodes: Mapping[str, Any], edges: Sequence[Any]) -> None:
    """Relabel the library's DOT with the chart's names: a state by its name alone (no entry
    action), a transition by its event's name (no guard), the history state as "as before",
    in a size that can be read.
    """
    for name, node in nodes.items():
        if name == _HISTORY:
            node.set_label(_quoted("as before"))
            node.set_shape("ellipse")
            node.set_fixedsize("false")
            node.set_fontsize(_CHART_FONT)
            node.set_width(0)
            node.set_height(0)
        elif name in LegalPath.states_map:
            node.set_label(_quoted(state_label(name)))
            node.set_fontsize(_CHART_FONT)
    for edge in edges:
        found = _EDGE_TEXT.search(str(edge.get_label() or ""))
        if found:
            edge.set_label(_quoted(found.group(1)))
            edge.set_fontsize(_CHART_FONT - 2)


def diagram(trace: Trace | None = None, fmt: str = "mermaid") -> str | bytes:
    """The chart (or a person's path on it) as Mermaid or DOT text, or SVG or PNG bytes."""
    if fmt not in FORMATS:
        raise DiagramUnavailable(
            f"{fmt!r} is not a diagram format; use one of " + ", ".join(FORMATS)
        )
    if fmt == "mermaid":
        return _mermaid(trace)
    unavailable = _unavailable(fmt)
    if unavailable is not None:
        raise unavailable
    graph = _dot(trace, fmt)
    if fmt == "dot":
        return str(graph.to_string())
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
    last three need Graphviz and pydot), or ``path``: the path he took alone, as SVG text
    drawn large with nothing to install. ``redaction="strict"`` dates the steps to the
    month, as the other outputs do.
    """
    steps = redact([s.to_dict() for s in case.steps], redaction)
    if format == "path":
        return path_svg(steps, case.state)
    return diagram(Trace.of_steps(steps, case.state), format)
