"""Someone looks for help with passwords, reads the guide through its table of
contents, and opens the version to print."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST

pytestmark = BROWSER_TEST


def test_visitor_searches_reads_and_prints_a_guide(page):
    page.goto(page.base_url + "/ressources/")
    page.get_by_label("Rechercher un guide").fill("mots de passe securite")
    page.get_by_label("Rechercher un guide").press("Enter")
    expect(page).to_have_url(re.compile(r"q=mots"))
    page.locator(".guide-card .card__title a").first.click()
    expect(page.get_by_role("heading", name="En bref")).to_be_visible()

    toc = page.get_by_role("navigation", name="Sommaire")
    first_section = toc.get_by_role("link").first
    target = first_section.get_attribute("href")
    first_section.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))

    page.get_by_role("link", name="Version à imprimer").click()
    expect(page.locator("svg")).to_be_visible()
    expect(page.locator(".print-view__url")).to_contain_text("/ressources/")
    page.evaluate("window.print = () => { window.printed = true; }")  # no dialog in a test
    page.get_by_role("button", name="Imprimer ce guide").click()
    assert page.evaluate("window.printed") is True
    assert page.foreign_requests == []


def test_without_javascript_the_print_view_says_how_to_print(browser, demo_server):
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo_server.url + "/ressources/choisir-ses-mots-de-passe/imprimer/")
    expect(tab.locator(".print-view__back")).to_contain_text("Ctrl + P")
    expect(tab.get_by_role("button", name="Imprimer ce guide")).to_be_hidden()  # it would do nothing
    context.close()
