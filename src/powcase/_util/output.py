"""The one output writer of the command: text and JSON to a stream, and files.

Everything a command prints goes through :class:`Output`, so a command added later inherits
what it guarantees: no control character, escape sequence or bidi override from a scenario
reaches the terminal (:mod:`powcase._util.escape`); JSON is one document; a full disk or a
closed pipe is told apart from a bug; and a file is written whole or not at all, never over
one of the command's inputs nor through a symbolic link.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable
from typing import Any, TextIO

from powcase._util.escape import neutral, neutral_json
from powcase.errors import PowcaseError

__all__ = ["Output", "OutputRefused", "PipeClosed", "write_file"]


class OutputRefused(PowcaseError):
    """An output that cannot or must not be written: the message says which and why."""

    code = "output_refused"


class PipeClosed(Exception):
    """The reader of the output went away (``powcase run x | head -1``): stop quietly."""


class Output:
    """A stream the command writes to, neutralising every unsafe character.

    ``colour`` lets the colour codes of our own renderers through (a terminal, no
    ``NO_COLOR``); the values they colour were neutralised before.
    """

    def __init__(
        self, stream: TextIO, *, colour: bool = False, inputs: Iterable[str] = ()
    ) -> None:
        self.stream = stream
        self.colour = colour
        self.inputs = list(inputs)
        self.failed = False
        """Whether writing to the stream failed (a full disk, a closed pipe)."""

    def write(self, text: str) -> int:
        """Write text, every unsafe character escaped."""
        safe = neutral(text, colour=self.colour)
        try:
            return self.stream.write(safe)
        except OSError as error:
            raise self._failure(error) from None

    def writelines(self, lines: Iterable[str]) -> None:
        """Write each of ``lines``."""
        for line in lines:
            self.write(line)

    def json(self, document: Any, *, ensure_ascii: bool = False) -> None:
        r"""Write one JSON document; unsafe characters become ``\uXXXX`` escapes."""
        text = json.dumps(document, indent=2, ensure_ascii=ensure_ascii)
        self.write(neutral_json(text) + "\n")

    def flush(self) -> None:
        """Flush the stream: a full disk or a closed pipe shows here, not at exit."""
        try:
            self.stream.flush()
        except OSError as error:
            raise self._failure(error) from None

    def _failure(self, error: OSError) -> Exception:
        self.failed = True
        if isinstance(error, BrokenPipeError):
            return PipeClosed()
        return OutputRefused(f"cannot write the output: {error.strerror or error}")

    def reads(self, paths: Iterable[str]) -> None:
        """Add files the command read (a scenario's own law overlays) to its ``inputs``."""
        self.inputs += paths

    def check_target(self, path: str) -> None:
        """Refuse ``path`` now, before any work, if it may not be written (:func:`write_file`)."""
        refusal = _refusal(os.fspath(path), self.inputs)
        if refusal is not None:
            raise OutputRefused(refusal)

    def file(self, path: str, data: str | bytes) -> None:
        """Write a file whole or not at all, never over one of the command's ``inputs``
        (:func:`write_file`); text is neutralised as on the stream.
        """
        raw = neutral(data).encode("utf-8") if isinstance(data, str) else data
        write_file(path, raw, inputs=self.inputs)

    def isatty(self) -> bool:
        """Whether the stream is a terminal."""
        return self.stream.isatty()


def _refusal(path: str, inputs: Iterable[str]) -> str | None:
    """Why ``path`` must not be written, or None."""
    if os.path.islink(path):
        return f"{path} is a symbolic link; write to a plain file instead"
    try:
        target = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot write {path}: {error.strerror}"
    if not stat.S_ISREG(target.st_mode):
        return f"{path} is not a regular file"
    for given in inputs:
        try:
            same = os.path.samefile(path, given)
        except OSError:
            continue
        if same:
            return f"{path} is one of the command's inputs ({given}); choose another output file"
    return None


def write_file(path: str, data: bytes, *, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The data goes to a temporary file in the same folder, which is then renamed into place:
    a write killed half-way leaves the previous file as it was. A path that is one of
    ``inputs`` (by any spelling, or a hard link), a symbolic link or not a regular file is
    refused with :class:`OutputRefused`, and nothing changes.
    """
    path = os.fspath(path)
    refusal = _refusal(path, inputs)
    if refusal is not None:
        raise OutputRefused(refusal)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
        )
    except OSError as error:
        raise OutputRefused(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as target:
            target.write(data)
            target.flush()
            os.fsync(target.fileno())
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        raise OutputRefused(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        _remove(temporary)
        raise


def _mode(path: str) -> int:
    """The permissions the file gets: those it had, else what a new file gets (umask)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
