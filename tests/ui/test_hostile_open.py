"""Every hostile or damaged file through the app's Open and through ``render``: refused by name.

The app keeps the plan it had open (same plan, same file, nothing marked unsaved) and says why
in the words the file tests expect; ``render`` exits 2 with the same words and no traceback.
"""

from __future__ import annotations

import pytest

from omplanner.fileio import load_plan
from omplanner.paths import example_path
from tests.core.bad_files import BAD_FILES
from ui import files
from ui.document import Document
from ui.main_window import MainWindow
from ui.process.render import main as render_main


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {kind: make(folder) for kind, make in BAD_FILES.items()}


@pytest.fixture
def window(qtbot):
    path = example_path("distributor")
    win = MainWindow(Document(load_plan(path), path))
    qtbot.addWidget(win)
    yield win
    win.document.undo_stack.setClean()


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_open_refuses_a_hostile_file_and_keeps_the_open_plan(window, bad_folder, kind, monkeypatch):
    path, words = bad_folder[kind]
    shown = []
    monkeypatch.setattr(files, "show_open_error", lambda parent, error, where: shown.append((str(error), where)))
    before = window.document.plan.model_dump(mode="json")
    assert window.files.open_path(path, ask=False) is False
    assert len(shown) == 1 and shown[0][1] == path
    for word in words:
        assert word in shown[0][0]
    assert window.document.path == example_path("distributor")
    assert window.document.plan.model_dump(mode="json") == before
    assert not window.document.dirty


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_render_refuses_a_hostile_file_by_name(qapp, bad_folder, kind, tmp_path, capsys):
    path, words = bad_folder[kind]
    code = render_main([str(path), "--all", "-o", str(tmp_path / "images")])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert "Traceback" not in err + out
    for word in words:
        assert word in err
    assert not (tmp_path / "images").exists() or not any((tmp_path / "images").iterdir())


def test_open_survives_a_loader_failure_of_any_kind(window, tmp_path, monkeypatch):
    """A file that makes the loader fail in a way nobody foresaw is refused like any other."""
    import omplanner.fileio

    path = tmp_path / "strange.omplan"
    path.write_text("{}", encoding="utf-8")
    shown = []
    monkeypatch.setattr(files, "show_open_error", lambda parent, error, where: shown.append(str(error)))

    def explode(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(omplanner.fileio, "load_plan_with_identity", explode)  # what Open reads with
    assert window.files.open_path(path, ask=False) is False
    assert shown == ["strange.omplan: could not be read (RecursionError); the file was not changed"]
    assert window.document.path == example_path("distributor")
