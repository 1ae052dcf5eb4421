"""OM Planner's desktop front end (PySide6) over the Qt-free core in ``omplanner``.

Importing this package imports no Qt, so that ``ui.launcher`` can hand headless commands
to the core command line without loading Qt.
"""
