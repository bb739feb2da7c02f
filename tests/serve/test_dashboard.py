"""The dashboard in Debian's chromium: from a dyad's chart to the sentence behind an event."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from .synth import hostile_article

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _seed_rus_nato(seed_coded):
    """The seed's first asserted Russia -> NATO event (the pipeline's own reading)."""
    for e in seed_coded.events:
        src = {r.org or r.country for r in e.source}
        tgt = {r.org or r.country for r in e.target}
        if "RUS" in src and "NATO" in tgt and e.status == "asserted":
            return e
    raise AssertionError("the seed has no asserted RUS -> NATO event")


def test_dashboard_chart_point_leads_to_highlighted_evidence(page, live_url, seed_coded):
    event = _seed_rus_nato(seed_coded)
    page.goto(live_url + "/")
    page.wait_for_selector("#dyad-pick option[value='RUS-NATO']", state="attached")
    page.select_option("#dyad-pick", "RUS-NATO")
    # the seed's week: its events are dated on the publication day, a Tuesday
    point = page.locator("#chart circle.point[data-period='2020-11-23']")
    point.wait_for()
    assert "events" in point.get_attribute("aria-label")
    point.click()
    row = page.locator("#events-table tbody tr", has_text=event.evidence.sentence[:60])
    row.first.wait_for()
    assert page.input_value("#event-filters [name=dyad]") == "RUS-NATO"
    assert page.input_value("#event-filters [name=since]") == "2020-11-23"
    row.first.get_by_role("button", name="Open").click()
    mark = page.locator("#article-text mark.evidence")
    mark.wait_for()
    assert mark.text_content() == seed_coded.text[event.evidence.start:event.evidence.end]
    assert " ".join(mark.text_content().split()) == " ".join(event.evidence.sentence.split())
    assert "Russia Says US" in page.text_content("#article-meta")
    assert page.outside == []  # nothing fetched beyond the local server
    expect(page.locator("#alerts-state")).not_to_have_text("")  # loaded before the picture
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / "dashboard.png"), full_page=True)


def test_dashboard_is_usable_by_keyboard(page, live_url):
    page.goto(live_url + "/")
    page.fill("#dyad-a", "RUS")
    page.fill("#dyad-b", "NATO")
    page.press("#dyad-b", "Enter")
    point = page.locator("#chart circle.point[data-period='2020-11-23']")
    point.wait_for()
    point.focus()
    page.keyboard.press("Enter")
    page.locator("#events-table tbody tr").first.wait_for()
    assert page.input_value("#event-filters [name=until]") == "2020-11-29"
    # every form control has a label a screen reader can announce
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select')]
        .filter((c) => !c.labels || c.labels.length === 0).map((c) => c.name || c.id)""")
    assert unlabelled == []


def test_dashboard_filters_page_and_map(page, live_url):
    page.goto(live_url + "/")
    page.locator("#map-box circle.place").first.wait_for()
    assert page.locator("#map-box circle.place").count() >= 10
    page.fill("#event-filters [name=category]", "AID")
    page.click("#event-filters button[type=submit]")
    expect(page.locator("#events-state")).to_have_text(re.compile("^Events 1–50 matching category=AID"))
    cats = page.locator("#events-table tbody td:nth-child(3)").all_text_contents()
    assert len(cats) == 50 and all(c.startswith("AID") for c in cats)
    page.click("#next")
    expect(page.locator("#events-state")).to_have_text(re.compile("^Events 51–"))
    page.locator("#map-box circle.place[aria-label^='Kaliningrad']").click()
    expect(page.locator("#event-filters [name=place]")).to_have_value("Kaliningrad")
    page.locator("#events-table tbody tr", has_text="Kaliningrad").first.wait_for()
    assert page.locator("#alerts-list li, #alerts-state").count() >= 1


def test_hostile_article_renders_as_text_and_runs_nothing(page, live_url):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = hostile_article()
    page.goto(live_url + "/")
    page.fill("#event-filters [name=text]", "build-up near the border")
    page.click("#event-filters button[type=submit]")
    row = page.locator("#events-table tbody tr[data-article='ew-hostile']")
    row.wait_for()
    row.get_by_role("button", name="Open").click()
    page.locator("#article-text mark.evidence").wait_for()
    # the payloads are on the page as characters, not as elements
    assert page.text_content("#article-text") == hostile.text
    assert "<script>" in page.text_content("#article-meta")
    assert "onerror=" in row.text_content()
    assert page.locator("main script, main img, #article-text *:not(mark)").count() == 0
    assert page.locator("#article-meta a").count() == 0  # a javascript: URL gets no link
    page.wait_for_timeout(300)
    assert dialogs == []


def test_map_draws_land_under_the_points_and_lists_the_places_as_text(page, live_url):
    page.goto(live_url + "/")
    page.locator("#map-box path.land").wait_for(state="attached")
    inside = page.evaluate("""() => {
        const land = document.querySelector('#map-box path.land');
        const at = (lat, lon) => land.isPointInFill(new DOMPoint((lon + 180) * 2, (90 - lat) * 2));
        return {moscow: at(55.75, 37.62), tokyo: at(35.68, 139.69), paris: at(48.86, 2.35),
                washington: at(38.90, -77.04), mid_pacific: at(5, -140),
                mid_atlantic: at(30, -40), south_indian_ocean: at(-40, 80)};
    }""")
    assert inside == {"moscow": True, "tokyo": True, "paris": True, "washington": True,
                      "mid_pacific": False, "mid_atlantic": False,
                      "south_indian_ocean": False}
    # the land lies under the points, not over them
    order = page.evaluate("() => [...document.querySelectorAll('#map-box svg > *')]"
                          ".map((n) => n.getAttribute('class'))")
    assert order.index("land") < order.index("place")
    # the text alternative: one table row per place, with the count the point announces
    circles = page.locator("#map-box circle.place")
    rows = page.locator("#places-table tbody tr")
    assert rows.count() == circles.count() >= 10
    row = page.locator("#places-table tbody tr", has_text="Kaliningrad")
    events = row.locator("td.num").first.text_content()
    assert page.locator("#map-box circle.place[aria-label^='Kaliningrad']") \
        .get_attribute("aria-label") == f"Kaliningrad: {events} events"
    assert page.locator("#places-table caption").text_content().startswith("Places with events")
    row.get_by_role("button").click()
    expect(page.locator("#event-filters [name=place]")).to_have_value("Kaliningrad")
    page.locator("#events-table tbody tr", has_text="Kaliningrad").first.wait_for()
    assert page.outside == []  # the outline came from the server, not a CDN
