"""Sphinx configuration: MyST Markdown and the API from docstrings.

The generated reference pages (the scenario format, the model's tables, the law review) are
committed, and a test fails when one differs from what the code generates; regenerate them
with ``python -m powcase.render.pages docs/reference``.
"""

project = "powcase"
author = "The powcase authors"
copyright = "2026, the powcase authors"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "powcase"
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "none"
suppress_warnings = ["myst.xref_missing"]
