"""Smoke test of the BUILT bundle: python packaging/smoke_test.py dist/omplanner

Runs the bundled program as a user would, offscreen: its version, a new plan from the bundled
example, validate, open the app window on it (OMPLANNER_EXIT_AFTER_PAINT=1: it quits once the
plan has painted, see ui/app.py), and export the workbook and the PDF, each once it is in the
app. Also checks that every shared library in the bundle resolves, so that the xcb platform
plugin will load on a desktop.
Exits 1 on the first failure, with what failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 120


def fail(message: str) -> None:
    print(f"SMOKE TEST FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def run(program: Path, *args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(program), *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT, env=env)
    if "Traceback" in result.stderr:
        fail(f"omplanner {' '.join(map(str, args))} raised:\n{result.stderr}")
    return result


def check_libraries(bundle: Path) -> int:
    """Run ldd on every shared library in the bundle; one with a 'not found' dependency fails."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle / "_internal"))
    checked = 0
    for lib in sorted(bundle.rglob("*.so*")):
        if not lib.is_file() or lib.is_symlink():
            continue
        result = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env)
        missing = [line.strip() for line in result.stdout.splitlines() if "not found" in line]
        if missing:
            fail(f"{lib.relative_to(bundle)} needs libraries that are not there: {missing}")
        checked += 1
    return checked


def main(bundle: Path) -> None:
    program = bundle / ("omplanner.exe" if os.name == "nt" else "omplanner")
    if not program.exists():
        fail(f"{program} does not exist: build first (bash packaging/build.sh)")
    work = Path(tempfile.mkdtemp(prefix="omplanner-smoke-"))
    # Settings, autosaves and locks in a fresh folder: never the user's own, and no recovery
    # question left over from an earlier run that would wait for a click.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OMPLANNER_DATA_DIR=str(work / "appdata"))

    version = run(program, "--version")
    if version.returncode != 0 or "OM Planner" not in version.stdout:
        fail(f"--version: {version.returncode} {version.stdout} {version.stderr}")
    print(f"ok  {version.stdout.strip()}")

    plan = work / "example.omplan"
    new = run(program, "new", plan, "--example", "distributor")
    if new.returncode != 0 or not plan.exists():
        fail(f"new --example distributor (are the resources bundled?): {new.stderr}")
    print("ok  the bundled example plan copies out")

    validate = run(program, "validate", plan)
    if validate.returncode not in (0, 1) or "valid plan" not in validate.stdout:
        fail(f"validate: exit {validate.returncode}: {validate.stdout}{validate.stderr}")
    print("ok  validate reads it")

    opened = run(program, plan, env=dict(env, OMPLANNER_EXIT_AFTER_PAINT="1"))
    if opened.returncode != 0 or "OMPLANNER_PAINTED" not in opened.stdout:
        fail(f"the app did not open and paint the example: exit {opened.returncode}\n{opened.stderr}")
    print("ok  the app window opens on the example and paints (offscreen)")

    export_help = run(program, "export", "--help").stdout
    if "--xlsx" in export_help:
        xlsx = work / "example.xlsx"
        exported = run(program, "export", plan, "--xlsx", xlsx, env=env)
        if exported.returncode not in (0, 1) or not xlsx.exists():
            fail(f"export --xlsx: exit {exported.returncode}\n{exported.stderr}")
        print(f"ok  the Excel workbook exports ({_sheets(xlsx)} sheets, {xlsx.stat().st_size // 1024} KB)")
    else:
        print("--  Excel export: 'omplanner export --xlsx' is not in the app yet, so not tried")
    if "--pdf" in export_help:
        pdf = work / "example.pdf"
        exported = run(program, "export", plan, "--pdf", pdf, env=env)
        if exported.returncode not in (0, 1) or not pdf.exists() or not pdf.read_bytes().startswith(b"%PDF"):
            fail(f"export --pdf: exit {exported.returncode}\n{exported.stderr}")
        print(f"ok  the PDF exports ({_pdf_pages(pdf)} pages, {pdf.stat().st_size // 1024} KB)")
    else:
        print("--  PDF export: 'omplanner export --pdf' is not in the app yet, so not tried")
    if "--bpmn" in export_help:  # lxml, with its C parts, must be in the bundle
        folder = work / "bpmn"
        folder.mkdir()
        exported = run(program, "export", plan, "--bpmn", folder, env=env)
        written = sorted(folder.glob("*.bpmn"))
        if exported.returncode != 0 or not written or b"<bpmn:definitions" not in written[0].read_bytes():
            fail(f"export --bpmn: exit {exported.returncode}\n{exported.stderr}")
        back = run(program, "import-bpmn", plan, written[0], "--use-case", "uc-ap", "-o", work / "back.omplan", env=env)
        if back.returncode != 0:
            fail(f"import-bpmn: exit {back.returncode}\n{back.stderr}")
        print(f"ok  BPMN exports ({len(written)} files) and imports again")

    if sys.platform.startswith("linux"):
        print(f"ok  {check_libraries(bundle)} shared libraries in the bundle resolve")
    shutil.rmtree(work)  # kept after a failure, to look at what the bundle wrote
    print(f"SMOKE TEST PASSED ({bundle})")


def _sheets(xlsx: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(xlsx, read_only=True)
    names = book.sheetnames
    book.close()
    if len(names) < 2:
        fail(f"the workbook has {len(names)} sheet(s); the client's workbook has several")
    return len(names)


def _pdf_pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:
        return -1
    pages = len(PdfReader(pdf).pages)
    if pages < 2:
        fail(f"the PDF has {pages} page(s); the board pack has a cover and contents at least")
    return pages


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/omplanner"))
