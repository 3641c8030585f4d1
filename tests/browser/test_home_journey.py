"""A visitor finds their way around with the keyboard only."""

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, press_tab_until

pytestmark = BROWSER_TEST


def test_keyboard_visitor_skips_to_content_then_reaches_the_project_page(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"

    page.goto(page.base_url + "/")
    press_tab_until(page, "Le projet")
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/le-projet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Le projet")
    expect(
        page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Le projet")
    ).to_have_attribute("aria-current", "page")
    assert page.foreign_requests == []


def test_focus_is_visible_on_links(page):
    page.goto(page.base_url + "/")
    press_tab_until(page, "Le projet")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_visitor_searches_the_site_with_the_keyboard(page):
    page.goto(page.base_url + "/")
    page.get_by_label("Rechercher sur le site").focus()
    page.keyboard.type("CNIL")
    page.keyboard.press("Enter")
    expect(page).to_have_url(page.base_url + "/recherche/?q=CNIL")
    expect(page.get_by_role("main").get_by_role("link", name="Données personnelles")).to_be_visible()


def test_site_fits_a_320px_screen_without_horizontal_scroll(browser, demo_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ["/", "/le-projet/", "/recherche/?q=atelier", "/page-introuvable/"]:
        tab.goto(demo_server.url + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def test_search_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/")
    tab.get_by_label("Rechercher sur le site").fill("CNIL")
    tab.get_by_role("button", name="Rechercher").click()
    expect(tab.get_by_role("main").get_by_role("link", name="Données personnelles")).to_be_visible()
    context.close()
