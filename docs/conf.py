"""Sphinx configuration: MyST Markdown, the API from docstrings, and the model's reference
tables and the law review page generated from the code at build time.
"""

import pathlib

from powcase.render.law_review import law_review
from powcase.render.reference import model_reference

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

# The reference tables and the law review are written from the code on every build, so they
# cannot drift from what the library does.
_reference = pathlib.Path(__file__).parent / "reference"
(_reference / "model.md").write_text(model_reference(), encoding="utf-8")
(_reference / "law-review.md").write_text(law_review(), encoding="utf-8")
