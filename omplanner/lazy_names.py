"""A package's names loaded on first use (PEP 562), for packages whose modules are costly.

``omplanner.model`` and ``omplanner.fileio`` name what their modules hold, but importing the
package must not import pydantic: the app reads and shows the start plan's details before the
model is built (docs/design.md, "Start-up").
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_names(package: str, names: dict[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: each name in ``names`` (by the module that holds it,
    relative to the package) is imported when first asked for, then kept in the package."""
    home = {name: module for module, held in names.items() for name in held}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        setattr(import_module(package), name, value)  # the next lookup is an ordinary one
        return value

    return __getattr__
