"""Pack options: who the pack is for, the paper, the chapters and the marks on every page."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from omplanner.cli import main
from omplanner.export.pack_options import LogoError, PackOptions, read_logo
from omplanner.export.pdf import export_pdf
from omplanner.model import RuleSetting, RuleSeverity
from omplanner.rules import check_plan

RULE_CODE = re.compile(r"[A-Z]{3}-\d{3}")


def _pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_board_pack_names_no_rule_code_and_says_what_is_asked_and_open(example_plan, tmp_path):
    off = check_plan(example_plan)[0]
    example_plan.rule_settings = {off.code: RuleSetting(severity=RuleSeverity.OFF, reason="Agreed with the CFO")}
    target = tmp_path / "board.pdf"
    export_pdf(example_plan, target, options=PackOptions(audience="board"))
    text = " ".join(_pages(target))
    assert not RULE_CODE.search(text), RULE_CODE.search(text)
    assert "What we ask the board to decide" in text
    assert "What still needs deciding" in text
    assert "Findings" not in text and "SEQ" not in text
    # the switched-off rule is named in words, with its reason
    assert f"{off.title[0].upper() + off.title[1:]} Not applied Agreed with the CFO" in text
    # grouped by theme: the components' names head the groups
    assert "Decision rights" in text and "Governance" in text


def test_the_team_pack_keeps_the_rule_codes(example_plan, tmp_path):
    target = tmp_path / "team.pdf"
    export_pdf(example_plan, target, options=PackOptions(audience="team"))
    text = " ".join(_pages(target))
    codes = {f.code for f in check_plan(example_plan)}
    assert codes <= set(RULE_CODE.findall(text))
    assert "WORKING-TEAM PACK" in text


def test_a_switched_off_rule_is_listed_even_without_the_findings_chapter(example_plan, tmp_path):
    off = check_plan(example_plan)[0]
    example_plan.rule_settings = {off.code: RuleSetting(severity=RuleSeverity.OFF, reason="Out of scope")}
    target = tmp_path / "short.pdf"
    export_pdf(example_plan, target, options=PackOptions(sections=frozenset({"summary"})))
    pages = _pages(target)
    text = " ".join(pages)
    assert "Checks applied differently" in text and "Out of scope" in text
    assert "Roadmap items" not in text and "Governance charter" not in text


def test_footer_marks_and_paper(example_plan, tmp_path):
    target = tmp_path / "letter.pdf"
    options = PackOptions(
        paper="letter",
        organisation="Harbour Advisory",
        version="0.3",
        confidentiality="Confidential",
        draft=True,
        issued=date(2026, 3, 31),
    )
    export_pdf(example_plan, target, options=options)
    reader = PdfReader(target)
    pages = _pages(target)
    assert "31 March 2026" in pages[0] and "Harbour Advisory" in pages[0]
    for k, text in enumerate(pages[1:], start=2):
        assert f"Harbour Advisory · Version 0.3 · Draft Page {k} of {len(pages)}" in text
        assert "CONFIDENTIAL" in text and "DRAFT" in text
        assert "prepared with OM Planner" not in text
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(612, 792), (792, 612)}  # US Letter, portrait and landscape


def _png(path, size=(120, 40)):
    Image.new("RGB", size, (31, 58, 95)).save(path)
    return path


def test_a_png_logo_is_embedded_on_the_cover(example_plan, tmp_path):
    logo = read_logo(_png(tmp_path / "logo.png"))
    target = tmp_path / "logo.pdf"
    export_pdf(example_plan, target, options=PackOptions(logo=logo))
    cover = PdfReader(target).pages[0]
    assert [image.image.size for image in cover.images] == [(120, 40)]


def test_bad_logos_are_refused_by_name(tmp_path):
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    with pytest.raises(LogoError, match="notes.png is neither a PNG nor an SVG"):
        read_logo(text)
    cut = tmp_path / "cut.png"
    cut.write_bytes(_png(tmp_path / "whole.png").read_bytes()[:60])
    with pytest.raises(LogoError, match="cut.png is not a readable PNG"):
        read_logo(cut)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (3 * 1024 * 1024))
    with pytest.raises(LogoError, match="big.png is 3.0 MB"):
        read_logo(big)
    svg = tmp_path / "mark.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    with pytest.raises(LogoError, match="mark.svg is an SVG"):
        read_logo(svg)
    with pytest.raises(LogoError, match="missing.png cannot be read"):
        read_logo(tmp_path / "missing.png")


def test_an_svg_logo_is_drawn_by_the_renderer_it_is_given(tmp_path):
    svg = tmp_path / "mark.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    png = _png(tmp_path / "drawn.png", (64, 64)).read_bytes()
    logo = read_logo(svg, svg_to_png=lambda data: png)
    assert (logo.name, logo.width, logo.height) == ("mark.svg", 64, 64)


def test_the_command_line_takes_the_pack_options(example_file, tmp_path):
    out = tmp_path / "pack.pdf"
    args = ["export", str(example_file), "--pdf", str(out), "--audience", "team", "--paper", "letter"]
    args += ["--organisation", "Harbour Advisory", "--pack-version", "1.0", "--date", "2026-04-01"]
    args += ["--sections", "summary,findings", "--confidential", "Board only", "--logo", str(_png(tmp_path / "l.png"))]
    assert main(args) == 0
    pages = _pages(out)
    assert "1 April 2026" in pages[0] and "WORKING-TEAM PACK" in pages[0]
    assert "Harbour Advisory · Version 1.0" in pages[-1] and "BOARD ONLY" in pages[-1]
    assert round(float(PdfReader(out).pages[0].mediabox.width)) == 612
    assert not any("Roadmap items" in p for p in pages)


def test_the_command_line_names_a_bad_option(example_file, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example_file), "--pdf", str(out), "--sections", "summary,gossip"]) == 2
    assert "gossip" in capsys.readouterr().err
    bad = tmp_path / "logo.png"
    bad.write_text("hello")
    assert main(["export", str(example_file), "--pdf", str(out), "--logo", str(bad)]) == 2
    assert "logo.png is neither a PNG nor an SVG" in capsys.readouterr().err
    assert not out.exists()


def test_a_logo_that_is_a_pipe_is_refused_not_waited_on(tmp_path):
    import os

    path = tmp_path / "logo.png"
    os.mkfifo(path)
    with pytest.raises(LogoError, match="pipe"):
        read_logo(path)


def test_an_undecodable_byte_in_a_pack_option_is_a_replacement_character(example_file, tmp_path):
    """A command line's stray byte arrives as half an emoji: it prints as U+FFFD, not a crash."""
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example_file), "--pdf", str(out), "--organisation", "Acme\udc80"]) == 0
    assert "Acme\ufffd" in PdfReader(out).pages[0].extract_text()
    assert PackOptions(confidentiality="\udcff Secret").confidentiality == "\ufffd Secret"
