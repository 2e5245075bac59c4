"""LegalPath: the legal path of a captured person as a python-statemachine StateChart.

This class is the one definition of the graph: its states, the
three parallel regions of ``in_custody`` and the transitions. It holds no law: the guards that
judge each step live in :mod:`powcase.law`, and :mod:`powcase.engine.table` derives from this class
the transition table that replay and verdicts run on. A property test keeps the two engines
in agreement.

Three transitions choose their target from the event: ``determine_status`` by its
``outcome``, ``decide_protection`` by ``granted``, and ``recapture`` by where he escaped from.
Send events with the event object as ``step`` (``machine.send("capture", step=event)``):
python-statemachine injects ``source`` and ``state`` itself, so the model's fields of those
names cannot be passed as keyword arguments.

``recall``, ``return_from_neutral_custody`` and ``recapture`` return him to custody with every
region as it was, through a deep history state of ``in_custody``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from statemachine import HistoryState, State, StateChart

__all__ = ["LegalPath", "Selector", "selector_of"]

Selector = tuple[str, Any]
"""A payload-dependent condition: (what the event decides, the value that picks this target)."""

_SELECTOR = "powcase_selector"


def _when(what: str, value: Any) -> Callable[..., bool]:
    """A ``cond`` that picks a transition by the event (or, for recapture, by the chart's
    memory of where he escaped from); the derived table reads the selector back.
    """
    cond: Callable[..., bool]
    if what == "escaped_from":

        def remembered(machine: LegalPath) -> bool:
            return bool(machine.escaped_from == value)

        cond = remembered
    else:

        def carried(step: Any = None) -> bool:
            return step is not None and getattr(step, what, None) == value

        cond = carried
    cond.__name__ = f"{what}_is_{value}".lower()
    setattr(cond, _SELECTOR, (what, value))
    return cond


def selector_of(func: object) -> Selector | None:
    """The selector a ``cond`` of this chart was built with, if any."""
    found = getattr(func, _SELECTOR, None)
    return found if isinstance(found, tuple) else None


def _determined(source: State, **targets: State) -> Any:
    """One transition per outcome of ``determine_status``, keyed by the target state's id
    (passed by name: ids are assigned only after the class body runs).
    """
    transitions = None
    for outcome, target in targets.items():
        step = source.to(target, cond=_when("outcome", outcome))
        transitions = step if transitions is None else transitions | step
    return transitions


class LegalPath(StateChart[Any]):
    """The legal path: at large, hors de combat, in custody (three regions), and the ways out.

    The strict flags are set explicitly: python-statemachine's ``StateChart`` defaults would
    ignore an event that has no transition and swallow errors raised by callbacks.
    """

    allow_event_without_transition = False
    catch_errors_as_events = False
    atomic_configuration_update = True
    enable_self_transition_entries = False

    at_large = State("At large", initial=True)
    hors_de_combat = State("Hors de combat")

    class in_custody(State.Parallel, name="In custody"):  # noqa: N801
        """In the power of the detaining power: status, protection and proceedings at once."""

        as_before = HistoryState(type="deep")

        class status(State.Compound, name="Status"):  # noqa: N801
            """His legal status; treated as a POW until a tribunal decides otherwise."""

            presumed_pow = State("Presumed prisoner of war", initial=True)
            status_in_doubt = State("Status in doubt")
            pow = State("Prisoner of war")
            civilian_internee = State("Civilian internee")
            unprivileged_detainee = State("Unprivileged detainee")

            raise_status_doubt = presumed_pow.to(status_in_doubt) | pow.to(status_in_doubt)
            determine_status = _determined(
                presumed_pow,
                pow=pow,
                civilian_internee=civilian_internee,
                unprivileged_detainee=unprivileged_detainee,
            ) | _determined(
                status_in_doubt,
                pow=pow,
                civilian_internee=civilian_internee,
                unprivileged_detainee=unprivileged_detainee,
            )

        class protection(State.Compound, name="Protection request"):  # noqa: N801
            """His own request for asylum or for release to a third state."""

            no_request = State("No request", initial=True)
            request_pending = State("Request pending")
            request_granted = State("Request granted")
            request_refused = State("Request refused")

            request_protection = no_request.to(request_pending) | request_refused.to(
                request_pending
            )
            decide_protection = request_pending.to(
                request_granted, cond=_when("granted", True)
            ) | request_pending.to(request_refused, cond=_when("granted", False))

        class proceedings(State.Compound, name="Penal proceedings"):  # noqa: N801
            """Penal proceedings against him (GCIII-82 to 88, 99 to 108)."""

            none = State("No proceedings", initial=True)
            charged = State("Charged")
            sentenced = State("Sentenced")

            charge = none.to(charged)
            convict = charged.to(sentenced)
            acquit = charged.to(none)
            complete_sentence = sentenced.to(none)

    exchanged = State("Exchanged", final=True)
    medically_repatriated = State("Medically repatriated", final=True)
    interned_in_neutral_state = State("Interned in a neutral state")
    in_neutral_custody = State("In neutral custody")
    transferred_to_third_power = State("Transferred to a third power")
    repatriated = State("Repatriated", final=True)
    released_in_detaining_state = State("Released in the detaining state", final=True)
    released_to_third_state = State("Released to a third state")
    resettled = State("Resettled", final=True)
    escaped = State("Escaped")
    deceased = State("Deceased", final=True)

    fall_hors_de_combat = at_large.to(hors_de_combat)
    rejoin_forces = hors_de_combat.to(at_large)
    capture = in_custody.from_(at_large, hors_de_combat)
    exchange = in_custody.to(exchanged)
    repatriate_medically = in_custody.to(medically_repatriated)
    intern_in_neutral_state = in_custody.to(interned_in_neutral_state)
    hand_over_to_neutral_custody = in_custody.to(in_neutral_custody)
    return_from_neutral_custody = in_neutral_custody.to(in_custody.as_before)
    transfer_to_power = in_custody.to(transferred_to_third_power)
    recall = transferred_to_third_power.to(in_custody.as_before)
    release_in_detaining_state = in_custody.to(released_in_detaining_state)
    release_to_third_state = released_to_third_state.from_(
        in_custody, interned_in_neutral_state, in_neutral_custody
    )
    resettle = released_to_third_state.to(resettled)
    repatriate = repatriated.from_(
        in_custody, interned_in_neutral_state, in_neutral_custody, transferred_to_third_power
    )
    escape = escaped.from_(in_custody, interned_in_neutral_state, in_neutral_custody)
    recapture = (
        escaped.to(in_custody.as_before, cond=_when("escaped_from", "in_custody"))
        | escaped.to(
            interned_in_neutral_state, cond=_when("escaped_from", "interned_in_neutral_state")
        )
        | escaped.to(in_neutral_custody, cond=_when("escaped_from", "in_neutral_custody"))
    )
    # Last: from_.any() covers only the states declared above it.
    die = deceased.from_.any()  # type: ignore[no-untyped-call]

    escaped_from: str | None = None
    """The top-level state he escaped from; ``recapture`` returns him there."""

    def on_enter_escaped(self, source: State) -> None:
        """Remember where he escaped from (the chart's only memory besides history)."""
        self.escaped_from = source.id
