"""What another reading would make of a step is said in the reader's language, like the step
itself: no English outcome words in a Korean or Ukrainian run.
"""

from __future__ import annotations

import io
import pathlib
import re

import pytest

from powcase.cli import main

EXAMPLES = sorted((pathlib.Path(__file__).parent.parent / "examples").glob("*.powcase.yaml"))
ENGLISH = re.compile(r"\b(allowed|refused|undetermined|recorded|applied|violation)\b")


@pytest.mark.parametrize("lang", ["ko", "uk"])
def test_every_would_be_outcome_is_in_the_reader_s_language(lang):
    found = 0
    for example in EXAMPLES:
        out = io.StringIO()
        main(["run", str(example), "--lang", lang], out=out, err=io.StringIO())
        lines = [line for line in out.getvalue().splitlines() if line.strip().startswith("~")]
        found += len(lines)
        for line in lines:
            words = re.sub(r"\b[a-z_]+ (?:[a-z0-9_]+)\b", "", line)  # assumption and option
            assert not ENGLISH.search(words), line
    assert found


@pytest.mark.parametrize("lang", ["ko", "uk"])
def test_why_options_are_hidden_is_said_in_the_reader_s_language(lang):
    out = io.StringIO()
    main(["options", str(EXAMPLES[0].parent / "ri.powcase.yaml"), "--lang", lang], out=out)
    text = out.getvalue()
    assert "--all" in text
    for english in ("no one's decision", "a return to a state", "a move to a third state"):
        assert english not in text
