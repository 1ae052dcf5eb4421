"""Images of maps: PNG and SVG from the app, and ``omplanner render`` without a window.

``omplanner render PLAN --all -o DIR`` writes every map (current and redesigned, per use case)
and ``--process USE_CASE[:current|redesigned] -o FILE`` one. Targets are a table
(``RENDER_TARGETS``) so that other canvases (the roadmap) add themselves as one entry.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2


class RenderError(Exception):
    """A readable reason why nothing was written."""


@dataclass(frozen=True)
class RenderJob:
    stem: str
    """File name without suffix, used with --all."""
    build: Callable[[], tuple[object, object]]
    """Returns (QGraphicsScene, QRectF source rectangle) to draw."""
    missing: str | None = None
    """Why there is nothing to draw ("use case 'X' has no current process map yet"), or None."""


@dataclass(frozen=True)
class RenderTarget:
    option: str
    """The command-line option, e.g. '--process'."""
    add_argument: Callable[[argparse.ArgumentParser], None]
    jobs: Callable[[object, object], list[RenderJob]]
    """(plan, value of the option) -> what to draw for that option."""
    all_jobs: Callable[[object], list[RenderJob]]
    """(plan) -> what --all draws for this target."""


# -- drawing --------------------------------------------------------------------------------
def render_to_file(scene, source, path: Path, scale: float = 2.0) -> None:
    """Draw ``source`` of ``scene`` into a PNG (at ``scale``) or an SVG, written atomically."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QImage, QPainter

    from omplanner.fileio import atomic_path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise RenderError(f"{path.name}: choose a .png or .svg file name")
    width, height = source.width(), source.height()
    with atomic_path(path) as tmp:
        if suffix == ".png":
            image = QImage(QSize(round(width * scale), round(height * scale)), QImage.Format.Format_ARGB32)
            image.fill(_canvas(scene))
            painter = QPainter(image)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
            painter.end()
            if not image.save(str(tmp), "PNG"):
                raise RenderError(f"could not write {path}")
        else:
            from PySide6.QtSvg import QSvgGenerator

            generator = QSvgGenerator()
            generator.setFileName(str(tmp))
            generator.setSize(QSize(round(width), round(height)))
            generator.setViewBox(QRectF(0, 0, width, height))
            generator.setTitle(path.stem)
            painter = QPainter(generator)
            painter.fillRect(QRectF(0, 0, width, height), _canvas(scene))
            scene.render(painter, QRectF(0, 0, width, height), source)
            painter.end()


def _canvas(scene):
    """The colour under a scene: a process map names it, other scenes paint their background brush."""
    canvas = getattr(scene, "canvas_colour", None)
    return canvas() if canvas is not None else scene.backgroundBrush().color()


def map_scene(plan, map_id: str, *, dark: bool = False, findings: bool = True):
    """A read-only scene of one map, with its findings marked."""
    from omplanner.rules import check_plan

    from .scene import ProcessScene
    from .style import canvas_style

    scene = ProcessScene(style=canvas_style(dark))
    scene.show_map(plan, map_id)
    if findings:
        scene.set_findings(check_plan(plan))
    return scene, scene.map_rect()


# -- targets --------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "map"


def _map_jobs(plan, use_case, variants, dark: bool) -> list[RenderJob]:
    from omplanner.model.base import short_name

    jobs = []
    for variant in variants:
        pmap = getattr(use_case, variant)
        missing = None if pmap.steps else f"use case '{short_name(use_case.name)}' has no {variant} process map yet"
        jobs.append(
            RenderJob(
                f"{_slug(use_case.id.removeprefix('uc-'))}-{variant}",
                lambda pmap=pmap: map_scene(plan, pmap.id, dark=dark),
                missing,
            )
        )
    return jobs


def unique_stems(jobs: list[RenderJob]) -> list[str]:
    """File names for ``jobs`` that no two share, also where case does not count (macOS,
    Windows): ids that differ only in case or punctuation ('uc-AP', 'uc-ap', 'uc-a.p') slug
    alike, and one map's images overwrote the other's. Later ones get -2, -3..."""
    taken: set[str] = set()
    stems = []
    for job in jobs:
        stem, n = job.stem, 2
        while stem.lower() in taken:
            stem, n = f"{job.stem}-{n}", n + 1
        taken.add(stem.lower())
        stems.append(stem)
    return stems


def _process_jobs(plan, value: str, dark: bool = False) -> list[RenderJob]:
    name, _, variant = value.partition(":")
    variants = [variant] if variant else ["current", "redesigned"]
    if any(v not in ("current", "redesigned") for v in variants):
        raise RenderError(f'"{variant}": say current or redesigned')
    wanted = name.strip().lower()
    use_case = next((u for u in plan.use_cases if wanted in (u.id.lower(), u.name.lower())), None)
    if use_case is None:
        known = ", ".join(f"{u.id} ({u.name})" for u in plan.use_cases) or "none"
        raise RenderError(f'no use case "{name}" in this plan; it has: {known}')
    return _map_jobs(plan, use_case, variants, dark)


def _all_process_jobs(plan, dark: bool = False) -> list[RenderJob]:
    jobs = []
    for use_case in plan.use_cases:
        jobs += _map_jobs(plan, use_case, ["current", "redesigned"], dark)
    return jobs


def _roadmap_jobs(plan, dark: bool = False) -> list[RenderJob]:
    from ui.roadmap.render import slide_scene

    return [RenderJob("roadmap", lambda: slide_scene(plan, dark=dark))]


RENDER_TARGETS: list[RenderTarget] = [
    RenderTarget(
        "--process",
        lambda p: p.add_argument(
            "--process",
            metavar="USE_CASE[:current|redesigned]",
            help="one use case's map (both when no variant is given); a use case id or name",
        ),
        lambda plan, value, dark=False: _process_jobs(plan, value, dark),
        lambda plan, dark=False: _all_process_jobs(plan, dark),
    ),
    RenderTarget(
        "--roadmap",
        lambda p: p.add_argument("--roadmap", action="store_true", help="the roadmap, as a slide"),
        lambda plan, value, dark=False: _roadmap_jobs(plan, dark),
        lambda plan, dark=False: _roadmap_jobs(plan, dark),
    ),
]
"""What ``omplanner render`` can draw. Add an entry to render another canvas."""


# -- command line ---------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="omplanner render", description="Write images (PNG, SVG) of a plan's maps, for slides."
    )
    parser.add_argument("plan", metavar="PLAN", help="the .omplan file")
    parser.add_argument("--all", action="store_true", help="every map, as PNG and SVG, into the folder -o")
    for target in RENDER_TARGETS:
        target.add_argument(parser)
    parser.add_argument("-o", "--output", required=True, help="a .png or .svg file, or a folder with --all")
    parser.add_argument("--dark", action="store_true", help="dark colours")
    parser.add_argument("--scale", type=float, default=2.0, help="PNG pixels per map unit (default 2)")
    return parser


def _ensure_app():
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.feature_scan import skip_source_cache

    skip_source_cache()  # the plan model and the scenes are imported after PySide6 (see there)
    return QApplication.instance() or QApplication(["omplanner-render"])


def _dest(option: str) -> str:
    return option.lstrip("-").replace("-", "_")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    chosen = [t for t in RENDER_TARGETS if getattr(args, _dest(t.option), None) not in (None, False)]
    if args.all == bool(chosen):
        print(
            "omplanner render: give either --all or one of " + ", ".join(t.option for t in RENDER_TARGETS),
            file=sys.stderr,
        )
        return EXIT_USAGE
    if len(chosen) > 1:
        print("omplanner render: one target at a time (or --all)", file=sys.stderr)
        return EXIT_USAGE
    from omplanner.fileio import PlanFileError, load_plan

    try:
        plan = load_plan(Path(args.plan))
    except PlanFileError as exc:
        print(f"omplanner render: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _ensure_app()
    output = Path(args.output)
    try:
        if args.all:
            output.mkdir(parents=True, exist_ok=True)
            jobs = [job for target in RENDER_TARGETS for job in target.all_jobs(plan, args.dark)]
            paths = [[output / f"{stem}{suffix}" for suffix in (".png", ".svg")] for stem in unique_stems(jobs)]
        else:
            target = chosen[0]
            jobs = target.jobs(plan, getattr(args, _dest(target.option)), args.dark)
            if len(jobs) > 1:
                # both variants asked for one file: write FILE-current.png and FILE-redesigned.png
                paths = [[output.with_name(f"{output.stem}-{j.stem.rsplit('-', 1)[-1]}{output.suffix}")] for j in jobs]
            else:
                paths = [[output]]
            if all(job.missing for job in jobs):
                raise RenderError("; ".join(job.missing for job in jobs) + ": nothing to draw")
        written = []
        for job, targets in zip(jobs, paths, strict=True):
            if job.missing:
                print(f"omplanner render: skipped: {job.missing}", file=sys.stderr)
                continue
            scene, source = job.build()
            for path in targets:
                render_to_file(scene, source, path, args.scale)
                written.append(path)
    except (RenderError, OSError) as exc:
        print(f"omplanner render: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in written:
        print(path)
    return EXIT_OK
