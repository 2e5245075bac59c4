"""Renderings of run results for people: text for a terminal, Markdown for papers."""
