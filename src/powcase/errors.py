"""The exceptions powcase raises.

Every exception the library raises on purpose derives from :class:`PowcaseError`, so an
application can catch that one class. Each class has a stable ``code`` that outputs and
applications can rely on::

    PowcaseError
    ├── InvalidInput          (also a ValueError) bad input to the public API; ``problems``
    │   ├── InvalidArgument   (also a TypeError) an argument of the wrong type
    │   ├── InvalidAssumption an unknown assumption key or option
    │   └── LawDataError      a law data file or overlay that is invalid; ``located``
    ├── UnknownProvision      (also a LookupError) a provision id not in the catalogue
    ├── UnknownState          (also a LookupError) a state code not in the parties table
    ├── StepRefused           normative mode: the step's verdict is refused or undetermined
    └── StepNotPossible       the legal path has no such move from the current state

    NameInFreeText            (a UserWarning) a scenario file repeats its subject's name

No message built here ever contains the subject's name: it is personal data of a person
seeking protection, and the validators report only where a problem is and what is accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import attrs

__all__ = [
    "InvalidArgument",
    "InvalidAssumption",
    "InvalidInput",
    "LawDataError",
    "NameInFreeText",
    "PowcaseError",
    "Problem",
    "StepNotPossible",
    "StepRefused",
    "UnknownProvision",
    "UnknownState",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input: where it is, what is wrong, and what would be accepted.

    ``path`` is a key path such as ``events[3].destination`` (empty for the whole input);
    ``suggestion`` is a did-you-mean guess when the input looks like a typo.
    """

    path: str
    message: str
    expected: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        text = f"{where}{self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.suggestion:
            text += f" (did you mean {self.suggestion!r}?)"
        return text

    def redacted(self, scrub: Callable[[str], str]) -> Problem:
        """The same problem with each of its texts passed through ``scrub``: the caller's way
        of withholding a name wherever it, or a part of it, was echoed (see
        :func:`powcase._util.redact.withheld`).
        """
        return Problem(
            scrub(self.path),
            scrub(self.message),
            None if self.expected is None else scrub(self.expected),
            None if self.suggestion is None else scrub(self.suggestion),
        )

    def under(self, prefix: str) -> Problem:
        """The same problem, located under ``prefix`` (a key path of the enclosing input)."""
        if not prefix:
            return self
        if not self.path:
            return attrs.evolve(self, path=prefix)
        joiner = "" if self.path.startswith("[") else "."
        return attrs.evolve(self, path=f"{prefix}{joiner}{self.path}")


class NameInFreeText(UserWarning):
    """A scenario file repeats its subject's name in free text (a title, a note, a claim...).

    Outputs withhold it there too unless names are revealed; the warning tells the author that
    the file itself holds the name in more places than ``subject.name``.
    """

    code = "name_in_free_text"


class PowcaseError(Exception):
    """The base of every error powcase raises on purpose."""

    code = "powcase_error"


class InvalidInput(PowcaseError, ValueError):
    """Bad input to the public API: every problem found, each with its location."""

    code = "invalid_input"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("InvalidInput needs at least one problem")
        super().__init__(self._summary())

    @classmethod
    def single(
        cls,
        path: str,
        message: str,
        *,
        expected: str | None = None,
        suggestion: str | None = None,
    ) -> InvalidInput:
        """An error with exactly one problem."""
        return cls([Problem(path, message, expected, suggestion)])

    def under(self, prefix: str) -> InvalidInput:
        """The same error with every problem located under ``prefix``."""
        return type(self)(p.under(prefix) for p in self.problems)

    def redacted(self, scrub: Callable[[str], str]) -> InvalidInput:
        """The same error with every problem's texts passed through ``scrub`` (which
        withholds a name: see :func:`powcase._util.redact.withheld`).
        """
        return type(self)(p.redacted(scrub) for p in self.problems)

    def _summary(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} problems:"]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class InvalidArgument(InvalidInput, TypeError):
    """An argument of the wrong type given to a public function or method.

    Each problem's ``path`` is the argument's name (``as_of``, ``vary[2]``). It is an
    :class:`InvalidInput`, so one ``except InvalidInput`` catches every bad input, and also a
    ``TypeError``, which is what Python raises for an argument of the wrong type: code written
    to catch that keeps working. A value of the right type that is not accepted (an unknown
    variant, a date out of range) is an :class:`InvalidInput`.
    """

    code = "invalid_argument"


class InvalidAssumption(InvalidInput):
    """An assumption key or option that the legal model does not know."""

    code = "invalid_assumption"


@attrs.frozen
class LocatedProblem:
    """A problem in a file: where it is (file, line, column, key path) and what is wrong."""

    file: str
    line: int | None
    column: int | None
    problem: Problem

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column}"
        return f"{where}: {self.problem}"

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        p = self.problem
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": p.path,
            "message": p.message,
            "expected": p.expected,
            "suggestion": p.suggestion,
        }


class LawDataError(InvalidInput):
    """A law data file or overlay that cannot be read or is invalid.

    ``problems`` are the problems by key path, as for any invalid input; ``located`` has the
    same problems with the file, line and column of each, and the message lists those.
    """

    code = "invalid_law_data"

    def __init__(self, problems: Iterable[LocatedProblem | Problem]) -> None:
        self.located: tuple[LocatedProblem, ...] = tuple(
            p if isinstance(p, LocatedProblem) else LocatedProblem("<law data>", None, None, p)
            for p in problems
        )
        super().__init__(p.problem for p in self.located)

    def under(self, prefix: str) -> LawDataError:
        """The same error with every key path under ``prefix`` (the files stay)."""
        return LawDataError(attrs.evolve(p, problem=p.problem.under(prefix)) for p in self.located)

    def redacted(self, scrub: Callable[[str], str]) -> LawDataError:
        """Law data carries no subject's name: nothing to withhold."""
        return self

    def _summary(self) -> str:
        count = len(self.located)
        head = "1 problem" if count == 1 else f"{count} problems"
        return "\n".join([head, *(str(p) for p in self.located)])


class UnknownProvision(PowcaseError, LookupError):
    """A provision id that does not resolve in the catalogue."""

    code = "unknown_provision"

    def __init__(self, provision_id: str, suggestion: str | None = None) -> None:
        self.provision_id = provision_id
        self.suggestion = suggestion
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"no provision {provision_id!r} in the catalogue{hint}")


class UnknownState(PowcaseError, LookupError):
    """A state code that the parties table does not describe."""

    code = "unknown_state"

    def __init__(self, state: str, known: Sequence[str]) -> None:
        self.state = state
        super().__init__(
            f"the parties table has no entry for {state!r}; it knows {', '.join(known)}"
        )


class _Judged(Protocol):
    """What :class:`StepRefused` reads of a verdict (the verdict type sits above this module)."""

    @property
    def event(self) -> Any: ...

    @property
    def outcome(self) -> Any: ...

    @property
    def failing(self) -> Any: ...

    @property
    def missing(self) -> Any: ...


class StepRefused(PowcaseError):
    """In normative mode, a step whose verdict is refused or undetermined is not applied.

    ``verdict`` carries the outcome, every reason with its citations, and what is missing.
    """

    code = "step_refused"

    def __init__(self, verdict: _Judged) -> None:
        self.verdict = verdict
        reasons = " ".join(r.text for r in verdict.failing) or "; ".join(
            f"{m.fact} is open" for m in verdict.missing
        )
        super().__init__(f"{verdict.event.name} is {verdict.outcome}: {reasons}")


class StepNotPossible(PowcaseError):
    """The legal path has no such move from the case's current state (in either mode)."""

    code = "not_possible_from_state"

    def __init__(self, event: str, state: Sequence[str]) -> None:
        self.event = event
        self.state = tuple(state)
        super().__init__(f"{event} is not possible from {list(self.state)}")
