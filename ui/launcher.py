"""The ``omplanner`` program: headless subcommands go to the core; anything else opens the app."""

from __future__ import annotations

import sys

UI_COMMANDS: dict[str, str] = {"render": "ui.process.render:main"}
"""Subcommands that need Qt (rendering images), mapped to 'module:function' taking argv."""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in UI_COMMANDS:
        module_name, func = UI_COMMANDS[argv[0]].split(":")
        import importlib

        return getattr(importlib.import_module(module_name), func)(argv[1:])
    if not argv or argv[0].lower().endswith(".omplan"):
        return _open_app(argv)  # no command: skip the core's parser, whose imports would delay the window
    from omplanner import cli

    if argv and (argv[0] in ("-h", "--help", "--version") or argv[0] in cli.command_names()):
        return cli.main(argv)
    return _open_app(argv)


def _open_app(argv: list[str]) -> int:
    from .app import run_app

    return run_app(argv)


if __name__ == "__main__":
    sys.exit(main())
