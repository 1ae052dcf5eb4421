"""``omplanner render``: images of every map without a window."""

from PySide6.QtGui import QImage

from ui.launcher import main


def test_render_all_writes_every_map_as_png_and_svg(example_file, tmp_path, capsys):
    out = tmp_path / "images"
    assert main(["render", str(example_file), "--all", "-o", str(out), "--scale", "1"]) == 0
    names = sorted(p.name for p in out.iterdir())
    maps = [
        f"{uc}-{variant}.{suffix}"
        for uc in ("ap", "email")
        for variant in ("current", "redesigned")
        for suffix in ("png", "svg")
    ]
    assert names == sorted([*maps, "roadmap.png", "roadmap.svg"])
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


def test_render_all_gives_maps_whose_ids_slug_alike_their_own_files(example_file, tmp_path, capsys):
    """'uc-AP' and 'uc-ap' both made ap-current.png: the second map's images replaced the first's."""
    example_file.write_text(example_file.read_text(encoding="utf-8").replace('"uc-email"', '"uc-AP"'), "utf-8")
    out = tmp_path / "images"
    assert main(["render", str(example_file), "--all", "-o", str(out), "--scale", "1"]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"ap-current.png", "ap-redesigned.svg", "ap-current-2.png", "ap-redesigned-2.svg"} <= names
    assert ">AP team lead<" in (out / "ap-redesigned.svg").read_text()
    assert ">Customer answered<" in (out / "ap-redesigned-2.svg").read_text()
    assert len(capsys.readouterr().out.split()) == len(names)  # every file written is named once


def test_render_of_a_map_with_no_steps_is_refused_and_all_says_what_it_skipped(example_file, tmp_path, capsys):
    target = tmp_path / "fc.png"
    assert main(["render", str(example_file), "--process", "Demand forecasting", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "use case 'Demand forecasting' has no current process map yet" in err
    assert "nothing to draw" in err
    assert not list(tmp_path.glob("fc*"))
    assert main(["render", str(example_file), "--process", "uc-forecast:redesigned", "-o", str(target)]) == 2
    assert "has no redesigned process map yet" in capsys.readouterr().err
    out = tmp_path / "images"
    assert main(["render", str(example_file), "--all", "-o", str(out), "--scale", "1"]) == 0
    captured = capsys.readouterr()
    assert "skipped: use case 'Demand forecasting' has no current process map yet" in captured.err
    assert "skipped: use case 'Demand forecasting' has no redesigned process map yet" in captured.err
    assert not list(out.glob("forecast*"))
