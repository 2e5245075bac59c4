"""Test results as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub actions that
publish test reports) read: one ``testcase`` per scenario run (the scenario, or one of its
variants), a ``failure`` per run whose expectations failed, an ``error`` per file that could
not be used.

Text is escaped by the XML writer; characters XML 1.0 cannot hold (control characters) are
shown as visible escapes by the command's output writer before the file is written.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

import attrs

__all__ = ["JunitCase", "junit_xml"]


@attrs.frozen
class JunitCase:
    """One test case: a scenario run (``failures``: its failed expectations, as text) or a
    file that could not be used (``error``: its problems).
    """

    classname: str
    name: str
    seconds: float = 0.0
    failures: tuple[str, ...] = ()
    error: str | None = None
    file: str | None = None


def junit_xml(cases: Sequence[JunitCase], *, suite: str = "powcase test") -> str:
    """The JUnit XML document of ``cases``, as one ``testsuite`` under ``testsuites``.

    >>> print(junit_xml([JunitCase("ri.powcase.yaml", "Ri")]).splitlines()[1])
    <testsuites name="powcase" tests="1" failures="0" errors="0" skipped="0" time="0.000">
    """
    failures = sum(1 for c in cases if c.failures)
    errors = sum(1 for c in cases if c.error is not None)
    total = f"{sum(c.seconds for c in cases):.3f}"
    counts = {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": "0",
        "time": total,
    }
    root = ET.Element("testsuites", {"name": "powcase", **counts})
    group = ET.SubElement(root, "testsuite", {"name": suite, **counts})
    for case in cases:
        attributes = {
            "classname": case.classname,
            "name": case.name,
            "time": f"{case.seconds:.3f}",
        }
        if case.file is not None:
            attributes["file"] = case.file
        element = ET.SubElement(group, "testcase", attributes)
        if case.failures:
            failed = ET.SubElement(
                element,
                "failure",
                {"message": "; ".join(case.failures), "type": "expectation"},
            )
            failed.text = "\n".join(case.failures)
        if case.error is not None:
            broken = ET.SubElement(
                element,
                "error",
                {"message": case.error.splitlines()[0], "type": "invalid_scenario"},
            )
            broken.text = case.error
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
