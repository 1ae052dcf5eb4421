"""pydantic's plugin loader, left unimported while the app has every plugin turned off.

When a model class is first built, pydantic imports ``pydantic.plugin._loader``, whose first line
imports ``importlib.metadata`` (about 25 ms of CPU at start-up, between the window's first paint
and the plan showing) even though, with ``PYDANTIC_DISABLE_PLUGINS`` set to ``__all__``, the
loader then returns no plugins without reading any metadata. The app sets that variable and uses
no plugins, so ``skip_plugin_scan`` puts a stand-in under the loader's name that gives the same
answer. Should the variable be changed later in the process, the stand-in hands over to the real
loader, so no plugin is ever missed that pydantic would have loaded.

``tests/ui/test_plugin_scan.py`` fails if pydantic changes how it uses the loader.
"""

from __future__ import annotations

import importlib
import os
import sys
import types

LOADER = "pydantic.plugin._loader"
ENV = "PYDANTIC_DISABLE_PLUGINS"
ALL_OFF = ("__all__", "1", "true")
"""The values for which pydantic's own ``get_plugins`` returns no plugins without a scan."""


def _get_plugins():
    if os.getenv(ENV) in ALL_OFF:
        return ()
    if sys.modules.get(LOADER) is _STAND_IN:
        del sys.modules[LOADER]
    return importlib.import_module(LOADER).get_plugins()


_STAND_IN = types.ModuleType(LOADER, "pydantic's plugin loader while every plugin is off (ui.plugin_scan)")
_STAND_IN.get_plugins = _get_plugins
_STAND_IN.PYDANTIC_ENTRY_POINT_GROUP = "pydantic"


def skip_plugin_scan() -> bool:
    """Put the stand-in in place if every plugin is off and pydantic has not loaded its loader
    yet; True if it is in place."""
    if os.getenv(ENV) not in ALL_OFF:
        return False
    sys.modules.setdefault(LOADER, _STAND_IN)
    return sys.modules[LOADER] is _STAND_IN
