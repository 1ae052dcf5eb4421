"""``omplanner render``: images of every map without a window."""

from PySide6.QtGui import QImage

from ui.launcher import main


def test_render_all_writes_every_map_as_png_and_svg(example_file, tmp_path, capsys):
    out = tmp_path / "images"
    assert main(["render", str(example_file), "--all", "-o", str(out), "--scale", "1"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{uc}-{variant}.{suffix}"
        for uc in ("ap", "email")
        for variant in ("current", "redesigned")
        for suffix in ("png", "svg")
    )
    image = QImage(str(out / "ap-redesigned.png"))
    assert image.width() > 1000
    assert ">AP team lead<" in (out / "ap-redesigned.svg").read_text()
    assert str(out / "ap-current.png") in capsys.readouterr().out


def test_render_one_process_and_readable_errors(example_file, tmp_path, capsys):
    target = tmp_path / "ap.svg"
    assert main(["render", str(example_file), "--process", "AP invoice matching:redesigned", "-o", str(target)]) == 0
    assert ">Invoice paid<" in target.read_text()
    assert main(["render", str(example_file), "--process", "uc-email", "-o", str(tmp_path / "em.png")]) == 0
    assert (tmp_path / "em-current.png").exists() and (tmp_path / "em-redesigned.png").exists()
    assert main(["render", str(example_file), "--process", "payroll", "-o", str(tmp_path / "x.png")]) == 2
    assert 'no use case "payroll"' in capsys.readouterr().err
    assert main(["render", str(example_file), "--process", "uc-ap:later", "-o", str(tmp_path / "x.png")]) == 2
    assert main(["render", str(example_file), "--process", "uc-ap:current", "-o", str(tmp_path / "x.gif")]) == 2
    assert not (tmp_path / "x.gif").exists()
    assert main(["render", str(tmp_path / "missing.omplan"), "--all", "-o", str(tmp_path)]) == 2
