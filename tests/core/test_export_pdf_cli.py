"""``omplanner export PLAN --pdf OUT.pdf``: the board pack from the command line."""

from pypdf import PdfReader

from omplanner.cli import main


def test_export_writes_the_board_pack(example_file, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example_file), "--pdf", str(out)]) == 0
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "AI operating model: first wave" in first
    assert "PDF board pack" in capsys.readouterr().out


def test_both_deliverables_in_one_call(example_file, tmp_path):
    pdf, xlsx = tmp_path / "pack.pdf", tmp_path / "plan.xlsx"
    assert main(["export", str(example_file), "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0


def test_the_usage_error_names_pdf(example_file, capsys):
    assert main(["export", str(example_file)]) == 2
    assert "--pdf" in capsys.readouterr().err
