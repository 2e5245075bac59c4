"""The installed package's version, read from its metadata."""

from __future__ import annotations

from importlib import metadata

__all__ = ["package_version"]


def package_version() -> str:
    """Powcase's version, or ``0.0.0`` when run from a source tree that is not installed."""
    try:
        return metadata.version("powcase")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
