"""The transition table derived from :class:`~powcase.chart.LegalPath`, and a small engine
that runs it.

Replaying a record and answering "what if?" through python-statemachine would build a machine
and fire an event for every step (hundreds of microseconds each); here a step is a few table
look-ups. The table is read from the chart once, at import, so the chart stays the single
definition of the graph; ``tests/test_engines_agree.py`` checks, on every reachable
configuration, that both engines reach the same configuration and refuse the same events.

The engine follows the chart's SCXML semantics as far as this chart uses them: a transition is
selected per active leaf, walking up to its ancestors; it exits every active state under the
transition's domain and enters its target with default or history entry. Two memories survive a
step: the deep history of ``in_custody`` (for ``recall`` and ``recapture``) and where he escaped
from (for ``recapture``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from statemachine import HistoryState, State

from powcase._util.derived import derived
from powcase.chart import LegalPath, Selector, selector_of

__all__ = [
    "EDGES",
    "NODES",
    "Edge",
    "Node",
    "Position",
    "fire",
    "initial_position",
    "public_configuration",
]


@attrs.frozen
class Node:
    """A state of the chart: its place in the tree and how it is entered."""

    id: str
    name: str
    parent: str | None
    kind: str  # atomic, compound or parallel
    final: bool
    children: tuple[str, ...]
    initial: str | None  # the initial child of a compound state
    order: int  # pre-order position in the chart


@attrs.frozen
class Edge:
    """A transition: on ``event`` from ``source`` to ``target``, when ``selector`` holds.

    ``restores`` marks a target entered through its deep history.
    """

    event: str
    source: str
    target: str
    selector: Selector | None
    restores: bool


def _walk(states: Iterable[State], parent: str | None) -> Iterator[tuple[State, str | None]]:
    for state in states:
        yield state, parent
        yield from _walk(state.states, state.id)


def _derive() -> tuple[dict[str, Node], tuple[Edge, ...]]:
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for order, (state, parent) in enumerate(_walk(LegalPath.states, None)):
        children = tuple(s.id for s in state.states)
        initial = next((s.id for s in state.states if s.initial), None)
        kind = "parallel" if state.parallel else "compound" if children else "atomic"
        nodes[state.id] = Node(
            state.id,
            state.name,
            parent,
            kind,
            state.final,
            children,
            initial if kind == "compound" else None,
            order,
        )
        for transition in state.transitions:
            if transition.initial:
                continue
            target = transition.target
            restores = isinstance(target, HistoryState)
            target_id = target.parent.id if restores else target.id
            selectors = [selector_of(spec.func) for spec in transition.cond]
            selector = next((s for s in selectors if s is not None), None)
            edges.extend(
                Edge(str(event.id), state.id, target_id, selector, restores)
                for event in transition.events
            )
    return nodes, tuple(edges)


NODES, EDGES = _derive()
"""The chart's states (by id) and transitions, derived from LegalPath."""

_BY_SOURCE: dict[tuple[str, str], list[Edge]] = defaultdict(list)
for _edge in EDGES:
    _BY_SOURCE[(_edge.source, _edge.event)].append(_edge)

EVENTS: tuple[str, ...] = tuple(dict.fromkeys(e.event for e in EDGES))
"""The machine events, in the order the chart first uses them."""


def _ancestors(state: str) -> tuple[str, ...]:
    chain = []
    parent = NODES[state].parent
    while parent is not None:
        chain.append(parent)
        parent = NODES[parent].parent
    return tuple(chain)


_ANCESTORS = {sid: _ancestors(sid) for sid in NODES}
_HISTORY_OWNERS = frozenset(e.target for e in EDGES if e.restores)


def _default_entry(state: str) -> list[str]:
    node = NODES[state]
    entered = [state]
    if node.kind == "parallel":
        for child in node.children:
            entered += _default_entry(child)
    elif node.kind == "compound" and node.initial is not None:
        entered += _default_entry(node.initial)
    return entered


# Not slotted: a derived value kept with functools.cached_property is then a plain attribute
# read (on a slotted attrs class it goes through a slower __getattr__).
@attrs.frozen(slots=False, cache_hash=True)
class Position:
    """Where a case stands: the active states (regions included) and the two memories."""

    active: frozenset[str]
    history: tuple[tuple[str, tuple[str, ...]], ...] = ()
    escaped_from: str | None = None

    # Every step reads these several times; a position never changes, so each is worked out
    # once.
    @derived
    def configuration(self) -> tuple[str, ...]:
        """The public configuration: top-level states and leaves, in chart order."""
        return public_configuration(self.active)

    @derived
    def leaves(self) -> tuple[str, ...]:
        """The active atomic states, in chart order."""
        return tuple(s for s in _ordered(self.active) if NODES[s].kind == "atomic")

    def remembered(self, owner: str) -> tuple[str, ...]:
        """The leaves under ``owner`` when it was last left (empty if never)."""
        return dict(self.history).get(owner, ())

    @property
    def final(self) -> bool:
        """Whether the case is in a final state."""
        return any(NODES[s].final for s in self.active)


_ORDER = {sid: node.order for sid, node in NODES.items()}


def _ordered(states: Iterable[str]) -> list[str]:
    return sorted(states, key=_ORDER.__getitem__)


def public_configuration(active: Iterable[str]) -> tuple[str, ...]:
    """Top-level states and leaves of ``active``, in chart order (regions left out)."""
    return tuple(
        s for s in _ordered(active) if NODES[s].kind == "atomic" or NODES[s].parent is None
    )


def initial_position() -> Position:
    """The position before any event: at large."""
    initial = next(s.id for s in LegalPath.states if s.initial)
    return Position(frozenset(_default_entry(initial)))


def _selected(position: Position, event: str, payload: Any) -> Edge | None:
    values = {"escaped_from": position.escaped_from}
    for leaf in position.leaves:
        for state in (leaf, *_ANCESTORS[leaf]):
            for edge in _BY_SOURCE.get((state, event), ()):
                if edge.selector is None:
                    return edge
                what, wanted = edge.selector
                got = values[what] if what in values else getattr(payload, what, None)
                if got == wanted:
                    return edge
    return None


def _domain(source: str, target: str) -> str | None:
    """The least compound ancestor holding both ends (None for the chart itself)."""
    target_line = {target, *_ANCESTORS[target]}
    for state in _ANCESTORS[source]:
        if state in target_line and NODES[state].kind == "compound":
            return state
    return None


_CHOOSERS: dict[str, tuple[str, ...]] = {}
for _edge in EDGES:
    if _edge.selector is not None and _edge.selector[0] != "escaped_from":
        _CHOOSERS[_edge.event] = tuple(
            sorted({*_CHOOSERS.get(_edge.event, ()), _edge.selector[0]})
        )

_FIRED: dict[tuple[Position, str, tuple[Any, ...]], Position | None] = {}
"""Each move worked out so far. A case can stand in only so many positions (a few hundred),
so the table stays small, and a record's moves are looked up rather than worked out again."""


def fire(position: Position, event: str, payload: Any = None) -> Position | None:
    """The position after ``event``, or None when the chart has no such move from here.

    ``payload`` is the event object; transitions that choose their target read it.
    """
    chosen_by = tuple(getattr(payload, name, None) for name in _CHOOSERS.get(event, ()))
    key = (position, event, chosen_by)
    try:
        return _FIRED[key]
    except KeyError:
        moved = _FIRED[key] = _fire(position, event, payload)
        return moved


def _fire(position: Position, event: str, payload: Any) -> Position | None:
    edge = _selected(position, event, payload)
    if edge is None:
        return None
    domain = _domain(edge.source, edge.target)
    leaving = {s for s in position.active if domain is None or domain in _ANCESTORS[s]}
    history = dict(position.history)
    for owner in _HISTORY_OWNERS & leaving:
        history[owner] = tuple(
            s for s in _ordered(leaving) if owner in _ANCESTORS[s] and NODES[s].kind == "atomic"
        )
    entering = [s for s in _ANCESTORS[edge.target] if domain is None or domain in _ANCESTORS[s]]
    remembered = history.get(edge.target, ())
    if edge.restores and remembered:
        entering.append(edge.target)
        for leaf in remembered:
            entering += [leaf, *(a for a in _ANCESTORS[leaf] if edge.target in _ANCESTORS[a])]
    else:
        entering += _default_entry(edge.target)
    escaped_from = edge.source if edge.target == "escaped" else position.escaped_from
    return Position(
        frozenset((position.active - leaving) | set(entering)),
        tuple(sorted(history.items())),
        escaped_from,
    )


def events_from(position: Position) -> tuple[str, ...]:
    """The machine events the graph has from this position (ignoring selectors)."""
    states = {state for leaf in position.leaves for state in (leaf, *_ANCESTORS[leaf])}
    found = {event for source, event in _BY_SOURCE if source in states}
    return tuple(e for e in EVENTS if e in found)
