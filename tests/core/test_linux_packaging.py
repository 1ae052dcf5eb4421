"""The Linux desktop integration files pass the freedesktop validators and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from omplanner import APP_ID

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _tool(name: str) -> str:
    path = shutil.which(name)
    # Not a skip: the tools are part of the test set-up (packaging/install-system-deps.sh --test).
    assert path, f"{name} is missing: run bash packaging/install-system-deps.sh --test"
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates():
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr


def test_metainfo_validates():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "E:" not in result.stdout and "W:" not in result.stdout, result.stdout


def test_mime_type_makes_omplan_files_known(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    subprocess.run([_tool("update-mime-database"), str(tmp_path / "mime")], check=True, capture_output=True)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert ":application/vnd.omplanner.plan+json:*.omplan" in globs


def test_the_three_files_and_the_app_agree():
    entry = _desktop_entry()
    mime_type = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type").get("type")
    assert entry["MimeType"].rstrip(";").split(";") == [mime_type]
    # The installer names the app's own icon after the app id (install-desktop-integration.sh).
    assert entry["Icon"] == APP_ID and (LINUX.parents[1] / "resources" / "icons" / "app.svg").exists()
    assert entry["Exec"].split()[0] == "omplanner"
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.find("provides").findtext("mediatype") == mime_type
    from omplanner import __version__

    assert meta.find("releases").find("release").get("version") == __version__


@pytest.mark.parametrize("path", [DESKTOP, METAINFO, MIME])
def test_files_are_named_after_the_app_id(path):
    assert path.name.startswith(APP_ID + ".")
