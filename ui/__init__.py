"""OM Planner's desktop front end (PySide6) over the Qt-free core in ``omplanner``.

Importing this package imports no Qt, so that ``ui.launcher`` can hand headless commands
to the core command line without loading Qt.
"""

import sys


def _make_none_immortal() -> None:
    """Work around a reference-count bug of PySide6 6.12 on CPython 3.11.

    Each call of a Qt method that returns nothing (``setPos``, ``update``, ``setToolTip``...)
    drops one reference to ``None``; after a few thousand calls the count reaches zero and the
    interpreter aborts with "none_dealloc". CPython 3.12 made ``None`` immortal (PEP 683); this
    gives it a count no session can exhaust. Nothing to do on 3.12 and later.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


_make_none_immortal()
