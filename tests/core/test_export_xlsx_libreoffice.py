"""The workbook opens in LibreOffice: converted headless to PDF without an error."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from omplanner.export.xlsx import export_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (libreoffice-calc) is not installed")
def test_libreoffice_converts_the_example_workbook(example_plan, tmp_path):
    workbook = export_xlsx(example_plan, tmp_path / "plan.xlsx")
    profile = tmp_path / "profile"  # a private profile: parallel runs must not share one
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "plan.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Roadmap" in text and example_plan.use_cases[0].name in text
    assert "###" not in text  # no value too wide for its column
