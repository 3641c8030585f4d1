"""A visitor reads « Le collectif en chiffres », the BooTIC 2017 first; a member enters a
figure in the admin and finds it on the page."""

import re

from django.utils import timezone

from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST, violations
from tests.browser.test_member_journey import log_in

pytestmark = BROWSER_TEST


def test_visitor_reads_the_bootic_2017_figures_and_axe_finds_nothing(page, axe):
    page.goto(page.base_url + "/en-chiffres/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Le collectif en chiffres")
    table = page.get_by_role("table", name="Les chiffres du collectif, année par année")
    first = table.locator("tbody tr").first
    expect(first.get_by_role("rowheader")).to_have_text("2017")
    expect(first.get_by_role("cell").nth(0)).to_have_text("261")
    expect(first.get_by_role("cell").nth(1)).to_have_text("17")
    expect(first.get_by_role("cell").nth(2)).to_have_text("50")
    expect(page.get_by_role("heading", name=f"En {timezone.localdate().year}, jusqu'à aujourd'hui")).to_be_visible()
    assert violations(page, axe) == []
    assert page.foreign_requests == []


def test_member_enters_a_figure_that_the_page_then_shows(page):
    log_in(page, "clicnpuces")
    page.goto(page.base_url + "/admin/snippets/reports/counterentry/add/")
    page.get_by_role("combobox", name="Compteur").select_option(label="ordinateurs redistribués")
    page.get_by_role("spinbutton", name="Nombre").fill("4000")
    page.get_by_role("textbox", name="Remarque").fill("Grand don de la mairie")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".messages")).to_contain_text("créé")
    expect(page.get_by_text("Grand don de la mairie")).to_be_visible()

    page.goto(page.base_url + "/en-chiffres/")
    latest = page.locator(".key-figure", has_text="ordinateurs redistribués")
    # The demo's 28 of the last year, and these 4,000 (when the demo's all fall in this year).
    expect(latest.locator("dd")).to_have_text(re.compile(r"^4\D?0\d\d$"))
