"""On a projector the maps start at Fit width; leaving presentation mode gives each mode back the
zoom the facilitator had."""

from __future__ import annotations

import pytest

from tests.ui.laptop import SCREEN, laptop_window, settle


@pytest.fixture
def window(qtbot, example_plan, monkeypatch):
    with laptop_window(qtbot, example_plan, monkeypatch) as win:
        # the offscreen screen would put the window back smaller than it was: as a laptop would
        monkeypatch.setattr(win, "restoreGeometry", lambda _geometry: win.resize(SCREEN) or True)
        yield win


def _shown_width(view) -> tuple[float, float, float]:
    """The left and right edges of what the map draws, in viewport pixels, and the viewport's width."""
    rect = view.mapFromScene(view.scene().itemsBoundingRect()).boundingRect()
    return rect.left(), rect.right(), view.viewport().width()


@pytest.mark.parametrize("mode", ["current", "both"])
def test_presentation_mode_shows_the_maps_at_fit_width_and_leaving_restores_the_zoom(qtbot, window, mode):
    page = window.show_page("processes")
    settle(qtbot, 30)
    page.set_mode(mode)
    settle(qtbot, 30)
    view = page.pane("current").view
    view.set_zoom(1.1)
    corner = view.mapToScene(0, 0)
    window.set_presentation(True)
    settle(qtbot, 30)
    for variant in ("current", "redesigned") if mode == "both" else ("current",):
        left, right, width = _shown_width(page.pane(variant).view)
        assert 0 <= left and right <= width, variant  # every step across the view
    left, right, width = _shown_width(view)  # the wider map (in Both they share a zoom)
    assert left <= 16 and right >= width - 24  # from its start, filling the view's width
    window.set_presentation(False)
    settle(qtbot, 30)
    assert view.zoom() == pytest.approx(1.1)
    back = view.mapToScene(0, 0)  # and the part of the map the facilitator was on
    assert (back.x(), back.y()) == (pytest.approx(corner.x(), abs=2), pytest.approx(corner.y(), abs=2))


def test_on_a_projector_each_mode_starts_at_fit_width_and_a_zoom_of_the_users_stays(qtbot, window):
    page = window.show_page("processes")
    page.set_mode("both")
    settle(qtbot, 30)
    page.set_mode("current")
    settle(qtbot, 30)
    page.pane("current").view.set_zoom(0.9)  # the facilitator's zoom for Current alone
    page.set_mode("both")
    settle(qtbot, 30)
    both = page.pane("current").view.zoom()
    window.set_presentation(True)
    settle(qtbot, 30)
    page.set_mode("redesigned")
    settle(qtbot, 30)
    view = page.pane("redesigned").view
    left, right, width = _shown_width(view)
    assert left <= 16 and width - 24 <= right <= width
    view.set_zoom(1.2)
    window.resize(1300, 760)  # a resize after the user zoomed leaves the zoom alone
    settle(qtbot, 30)
    assert view.zoom() == pytest.approx(1.2)
    window.set_presentation(False)
    settle(qtbot, 30)
    assert page.mode == "redesigned"
    page.set_mode("both")
    settle(qtbot, 30)
    assert page.pane("current").view.zoom() == pytest.approx(both)
    page.set_mode("current")
    settle(qtbot, 30)
    assert page.pane("current").view.zoom() == pytest.approx(0.9)
