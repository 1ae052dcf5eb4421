"""The ``omplanner`` program: headless subcommands go to the core; a plan file (or nothing) opens the app.

Anything else on the command line is a mistake to explain, never a reason to open the app: a
typo such as ``omplanner chek plan.omplan`` used to open the desktop app on a blank plan.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

UI_COMMANDS: dict[str, str] = {"render": "ui.process.render:main"}
"""Subcommands that need Qt (rendering images), mapped to 'module:function' taking argv."""

EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in UI_COMMANDS:
        module_name, func = UI_COMMANDS[argv[0]].split(":")
        import importlib

        return getattr(importlib.import_module(module_name), func)(argv[1:])
    if not argv or _opens_app(argv[0]):
        return _open_app(argv)  # no command: skip the core's parser, whose imports would delay the window
    from omplanner import cli

    if argv[0] in ("-h", "--help", "--version") or argv[0] in cli.command_names():
        return cli.main(argv)
    return _unknown(argv[0], sorted(cli.command_names() | set(UI_COMMANDS)))


def _opens_app(first: str) -> bool:
    """A plan file (by its suffix, or any file that exists) or one of Qt's own options."""
    if first.lower().endswith(".omplan"):
        return True
    if first.startswith("-"):
        return first not in ("-h", "--help", "--version")
    return Path(first).is_file()


def _unknown(word: str, commands: list[str]) -> int:
    import difflib

    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    hint = f"Did you mean 'omplanner {close[0]}'? " if close else ""
    print(
        f"omplanner: '{word}' is neither a command nor a plan file (.omplan). {hint}"
        f"The commands are: {', '.join(commands)}; 'omplanner --help' says what each does.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def no_display_reason() -> str | None:
    """Why the app cannot open a window here, or None. Only Linux and the BSDs need a display
    server named in the environment; Qt would otherwise abort with a message about plugins."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "omplanner: there is no display to open the app on (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "The commands work without one ('omplanner --help' lists them), and "
        "QT_QPA_PLATFORM=offscreen runs the app without a screen."
    )


def _open_app(argv: list[str]) -> int:
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_USAGE
    from .app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
