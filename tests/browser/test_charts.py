"""The board's charts and the synthesis radar in a real browser, at desktop, tablet and phone sizes:
nothing overflows the screen, the SVG scales with its viewBox, axe finds no serious violation.
Screenshots go to the test's temporary folder, or to $NEGE_SCREENSHOTS to look at them by hand."""

import datetime
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from recruitment.enums import Classification
from tests.browser.conftest import assert_no_serious_axe_violations
from tests.browser.test_commission import login
from tests.commission.factories import AnalysisFactory, SessionFactory, pilot
from tests.sar.factories import PoolCandidateFactory, analysed, company_with_recruiters
from tests.sar.test_statistics import recruited

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"wide": (1920, 1080), "desktop": (1440, 900), "tablet": (820, 1180), "phone": (390, 844)}


def board_figures():
    for month, count in ((3, 4), (4, 6), (6, 3)):
        session = SessionFactory(date=datetime.date(2026, month, 10))
        for index in range(count):
            analysis = AnalysisFactory(session=session, completed=index > 0)
            if index > 1:
                candidate = analysis.candidate
                candidate.classification = Classification.EMPLOYABLE if index % 2 else Classification.ADAPTABLE
                candidate.classified_on = session.date
                candidate.save()
                if index == 3:
                    recruited(session.date + datetime.timedelta(days=20), candidate=candidate)


def no_horizontal_overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("NEGE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(page, folder, name, size):
    """The whole page: the extranet scrolls inside its own frame, so the window is made as tall as it."""
    width, height = SIZES[size]
    full = page.evaluate("() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": min(max(full, height), 6000)})
    page.screenshot(path=str(folder / f"{name}-{size}.png"))
    page.set_viewport_size({"width": width, "height": height})


def test_the_board_sees_its_charts_on_every_screen(page, shots):
    board_figures()
    login(page, pilot())
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto("/extranet/commission/statistiques/?start=2026-01-01&end=2026-06-30&period=month")
        funnel = page.locator("svg[data-chart=funnel]")
        funnel.wait_for()
        for chart in ("funnel", "classes", "territories", "periods"):
            box = page.locator(f"svg[data-chart={chart}]").bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (size, chart, box)
        # The funnel's bars are drawn (the SVG scales: its rects have a width on screen).
        assert page.locator("svg[data-chart=funnel] rect[data-key=received]").bounding_box()["width"] > 50
        assert no_horizontal_overflow(page), size
        shoot(page, shots, "statistics", size)
        assert_no_serious_axe_violations(page)
    # Printed: the charts and their tables, not the form nor the export buttons.
    page.emulate_media(media="print")
    expect(page.locator(".commission-stats-form")).to_be_hidden()
    expect(page.locator(".commission-exports")).to_be_hidden()
    expect(page.locator("svg[data-chart=periods]")).to_be_visible()
    expect(page.locator("table[data-chart-table=periods]")).to_be_visible()
    page.emulate_media(media="screen")


def test_the_radar_beside_the_grid_on_the_dossier_and_the_study_screens(page, shots):
    company, (user,) = company_with_recruiters(1)
    candidate = PoolCandidateFactory(last_name="RADAR")
    analysis = analysed(candidate)
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.context.clear_cookies()
        login(page, pilot())
        page.goto(f"/extranet/commission/dossiers/{analysis.candidate_id}/")
        radar = page.locator("svg[data-chart=radar]")
        radar.wait_for()
        box = radar.bounding_box()
        assert box["width"] > 200 and box["x"] + box["width"] <= width, (size, box)
        # The grid stays whole (no scrolling inside it) beside or above the radar.
        grid = page.locator(".commission-synthesis__scales .commission-scale-wrapper").first
        assert grid.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), size
        if size == "wide":  # beside the grid
            grid_box = grid.bounding_box()
            assert box["x"] >= grid_box["x"] + grid_box["width"] and box["y"] < grid_box["y"] + grid_box["height"]
        assert page.locator("svg[data-chart=radar] circle[data-key]").count() == 5
        assert no_horizontal_overflow(page), size
        radar.scroll_into_view_if_needed()
        shoot(page, shots, "dossier", size)
        assert_no_serious_axe_violations(page)

        page.context.clear_cookies()
        login(page, user)
        page.goto(f"/extranet/recrutements/vivier/candidats/{candidate.pk}/")
        page.locator("svg[data-chart=radar]").wait_for()
        assert no_horizontal_overflow(page), size
        shoot(page, shots, "study", size)
        assert_no_serious_axe_violations(page)
