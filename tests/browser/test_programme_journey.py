"""A visitor of the upcoming BooTIC filters its programme by a day, adds two sessions
(kept in the browser by the page's script), opens « Mon programme » and takes its
calendar file; the page passes axe."""

import re

import icalendar
from playwright.sync_api import expect

from agenda.models import FestivalPage
from tests.browser.conftest import BROWSER_TEST, serious_violations

pytestmark = BROWSER_TEST


def test_visitor_builds_and_downloads_a_programme_of_their_own(page, axe):
    festival = FestivalPage.objects.get(slug="bootic")
    page.goto(page.base_url + festival.url)
    page.get_by_text("Filtrer les ateliers").click()
    page.get_by_label("Jour").select_option(index=1)
    page.get_by_role("button", name="Afficher").click()
    expect(page).to_have_url(re.compile(r"jour=\d{4}-\d{2}-\d{2}"))
    cards = page.locator(".occurrence-list .card__title")
    expect(cards).to_have_text(
        ["Ma première adresse électronique", "Installer un réseau à la maison", "Repair café de la BooTIC"]
    )

    assert serious_violations(page, axe) == []
    page.get_by_role("link", name=re.compile("^Ajouter à mon programme : Ma première adresse")).click()
    page.get_by_role("link", name=re.compile("^Ajouter à mon programme : Repair café")).click()
    expect(page.get_by_role("status")).to_have_text("Mon programme : 2 séances choisies.")
    expect(page.get_by_role("link", name=re.compile("^Retirer de mon programme : Repair café"))).to_be_visible()
    assert page.evaluate(f"JSON.parse(localStorage.getItem('programme:{festival.pk}')).length") == 2

    page.get_by_role("link", name="Voir mon programme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon programme")
    expect(page.locator(".programme-session__title")).to_have_text(
        ["Ma première adresse électronique", "Repair café de la BooTIC"]
    )
    share = page.get_by_label(re.compile("Adresse de mon programme"))
    expect(share).to_have_value(re.compile(r"/agenda/bootic/programme/\?seances=\d+%2C\d+$"))
    assert serious_violations(page, axe) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Ajouter à mon agenda (fichier .ics)").click()
    content = open(download.value.path(), "rb").read()  # noqa: SIM115
    events = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert sorted(str(event["SUMMARY"]) for event in events) == [
        "Ma première adresse électronique",
        "Repair café de la BooTIC",
    ]
    assert download.value.suggested_filename == "bootic-mon-programme.ics"
    assert page.foreign_requests == []


def test_my_programme_opened_without_its_address_finds_the_kept_choice(page):
    festival = FestivalPage.objects.get(slug="bootic")
    page.goto(page.base_url + festival.url)
    page.get_by_role("link", name=re.compile("^Ajouter à mon programme : Jeux et sciences")).click()
    page.goto(page.base_url + festival.url + "programme/")
    expect(page).to_have_url(re.compile(r"seances=\d+$"))
    expect(page.locator(".programme-session__title")).to_have_text(["Jeux et sciences numériques en famille"])
