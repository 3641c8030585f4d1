"""A member's mediator, on a phone, reads last month's CRA in the activity report and
downloads it for « La Coop de la médiation numérique »: the rows of its own ateliers only,
in the national columns; the wide table scrolls in its own region, not the page."""

import csv
import re

from playwright.sync_api import expect

from core.cra import CRA_FIELDS
from tests.browser.conftest import BROWSER_TEST, PHONE, log_in

pytestmark = BROWSER_TEST


def test_a_mediator_downloads_last_months_cra_on_a_phone(phone):
    log_in(phone, "mulots")
    phone.goto(phone.base_url + "/admin/rapport-activite/")
    expect(phone.get_by_role("heading", name=re.compile("Activité de Les Mulots"))).to_be_visible()

    table = phone.get_by_role("table", name=re.compile("Compte rendu d'activité"))
    rows = table.locator("tbody tr")
    expect(rows.first).to_contain_text("Tablette et téléphone : les bons gestes")
    expect(rows.first).to_contain_text("Téléphone, Tablette")
    expect(rows.first).to_contain_text("Débutant")
    shown = rows.count()
    assert shown >= 3  # a session a week

    region = phone.get_by_role("region", name=re.compile("Compte rendu d'activité"))
    box = region.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    with phone.expect_download() as download:
        phone.get_by_role("link", name="Télécharger le CRA pour la Coop de la médiation numérique (CSV)").tap()
    assert download.value.suggested_filename.startswith("cra-")
    with open(download.value.path(), encoding="utf-8-sig") as file:
        header, *lines = list(csv.reader(file, delimiter=";"))
    assert header == list(CRA_FIELDS)
    assert len(lines) == shown
    assert {line[7] for line in lines} == {"Tablette et téléphone : les bons gestes"}
