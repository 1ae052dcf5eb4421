"""SVG logos on the command line: drawn as vectors on the cover, and a hostile file refused in
one sentence (exit 2) before it can expand, read another file or reach the network."""

from __future__ import annotations

import base64
import io
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from omplanner.cli import main
from omplanner.export.pack_options import LogoError, PackOptions, read_logo
from omplanner.export.pdf import export_pdf

SVG = "http://www.w3.org/2000/svg"
LOGO = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="{SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" width="240" height="80">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0072b2"/><stop offset="1" stop-color="#009e73"/>
  </linearGradient></defs>
  <rect x="4" y="4" width="72" height="72" rx="12" fill="url(#g)"/>
  <circle id="c" cx="40" cy="40" r="18" fill="#ffffff"/>
  <use xlink:href="#c" opacity="0.5"/>
  <text x="96" y="50" font-family="Arial" font-weight="bold" font-size="22" fill="#1f3a5f">Harbour Vale</text>
</svg>"""


def _svg(tmp_path, body: str, name: str = "logo.svg"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_an_svg_logo_is_drawn_on_the_cover_as_vectors_in_the_packs_fonts(example_plan, tmp_path):
    logo = read_logo(_svg(tmp_path, LOGO))
    assert (logo.name, logo.width, logo.height) == ("logo.svg", 180, 60)  # points: 240 × 80 pixels
    target = tmp_path / "pack.pdf"
    export_pdf(example_plan, target, options=PackOptions(logo=logo))
    cover = PdfReader(target).pages[0]
    assert "Harbour Vale" in cover.extract_text()  # the logo's words, as text: vectors, not a picture
    assert not cover.images
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and "Arial" not in fonts
    # what the cover shows top right is the logo's blue-green tile
    png = subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(target)], capture_output=True)
    page = Image.open(io.BytesIO(png.stdout)).convert("RGB")
    w, _h = page.size
    colours = {page.getpixel((x, y)) for x in range(w - 200, w) for y in range(0, 80)}
    assert any(abs(r - 0) < 40 and 100 < g < 170 and 100 < b < 200 for r, g, b in colours)


def test_the_command_line_takes_an_svg_logo(example_file, tmp_path):
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example_file), "--pdf", str(out), "--logo", str(_svg(tmp_path, LOGO))]) == 0
    assert "Harbour Vale" in PdfReader(out).pages[0].extract_text()


def _picture(size) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 10, 10)).save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


SECRET = "secret-words-of-another-file"

HOSTILE = {
    "entity": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<svg xmlns="{SVG}" width="10" height="10"><text y="5">&x;</text></svg>',
        "declares entities",
    ),
    "laughs": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<svg xmlns="{SVG}" width="10" height="10"><text y="5">&b;</text></svg>',
        "declares entities",
    ),
    "file picture": (
        f'<svg xmlns="{SVG}" width="10" height="10"><image href="secret.png" width="10" height="10"/></svg>',
        "refers to another file or address (secret.png)",
    ),
    "absolute picture": (
        f'<svg xmlns="{SVG}" width="10" height="10"><image href="/etc/passwd" width="9" height="9"/></svg>',
        "refers to another file or address (/etc/passwd)",
    ),
    "network use": (
        f'<svg xmlns="{SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        '<use xlink:href="http://example.invalid/a.svg#x"/></svg>',
        "refers to another file or address (http://example.invalid",
    ),
    "css url": (
        f'<svg xmlns="{SVG}" width="10" height="10"><rect width="9" height="9" style="fill:url(other.svg#g)"/></svg>',
        "refers to another file or address (other.svg#g)",
    ),
    "css import": (
        f'<svg xmlns="{SVG}" width="10" height="10"><style>@import "http://example.invalid/s.css";</style>'
        '<rect width="9" height="9"/></svg>',
        "imports a style sheet",
    ),
    "deep": (f'<svg xmlns="{SVG}" width="10" height="10">' + "<g>" * 60 + "</g>" * 60 + "</svg>", "nested more"),
    "deeper": (f'<svg xmlns="{SVG}" width="10" height="10">' + "<g>" * 999 + "</g>" * 999 + "</svg>", "nested more"),
    "many": (
        f'<svg xmlns="{SVG}" width="10" height="10">' + '<rect width="1" height="1"/>' * 20_001 + "</svg>",
        "more than 20,000 elements",
    ),
    "use bomb": (
        f'<svg xmlns="{SVG}" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
        '<defs><rect id="g0" width="1" height="1"/>'
        + "".join(f'<g id="g{k}">' + f'<use xlink:href="#g{k - 1}"/>' * 10 + "</g>" for k in range(1, 12))
        + '</defs><use xlink:href="#g11"/></svg>',
        "once its copies (<use>) are made",
    ),
    "use loop": (
        f'<svg xmlns="{SVG}" width="10" height="10"><g id="a"><rect width="2" height="2"/><use href="#a"/></g></svg>',
        "copies a part of itself into itself",
    ),
    "huge picture": (
        f'<svg xmlns="{SVG}" width="10" height="10"><image width="9" height="9" '
        f'href="data:image/png;base64,{_picture((5000, 10))}"/></svg>',
        "5000×10 pixels",
    ),
    "broken": (f'<svg xmlns="{SVG}" width="10" height="10"><rect', "is not well-formed XML"),
    "empty": (f'<svg xmlns="{SVG}" width="10" height="10"/>', "has nothing to draw"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_or_broken_svg_is_refused_in_one_sentence(example_file, tmp_path, capsys, case):
    (tmp_path / "secret.png").write_bytes(base64.b64decode(_picture((8, 8))))
    body, words = HOSTILE[case]
    path = _svg(tmp_path, body, "mark.svg")
    with pytest.raises(LogoError) as refused:
        read_logo(path)
    message = str(refused.value)
    assert message.startswith("the logo mark.svg is an SVG that") and words in message
    assert message.endswith("save it as PNG to use it") and "\n" not in message
    out = tmp_path / "pack.pdf"
    assert main(["export", str(example_file), "--pdf", str(out), "--logo", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and SECRET not in err and "root:" not in err
    assert not out.exists()
