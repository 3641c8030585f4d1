"""The activity report in the browser: Coordination opens it from the menu, picks a
quarter, reads a figure, downloads the CSV; the page passes axe's checks. On a phone,
only the chosen period's fields show, and wrong dates are explained."""

import re

from django.utils import timezone

from playwright.sync_api import expect

from reports.activity import build_report
from reports.periods import Period, previous_periods
from tests.browser.conftest import BROWSER_TEST, PHONE, log_in, serious_violations, violations

pytestmark = BROWSER_TEST


def test_coordination_reads_a_quarter_and_downloads_its_csv(page, axe):
    log_in(page, "coordination")
    page.get_by_role("link", name="Rapport d'activité").first.click()
    expect(page.get_by_role("heading", name=re.compile("Activité du collectif entier"))).to_be_visible()

    year = timezone.localdate().year
    page.get_by_label("Un autre trimestre", exact=True).check()
    page.get_by_label("Année", exact=True).fill(str(year))
    page.get_by_label("Trimestre", exact=True).select_option("1")
    page.get_by_role("button", name="Afficher le rapport").click()
    expect(page.get_by_role("heading", name=re.compile(f"1er trimestre {year}"))).to_be_visible()

    expected = dict(build_report(Period.quarter(year, 1)).table("key-figures").text_rows())
    table = page.get_by_role("table", name=re.compile("Chiffres clés"))
    row = table.get_by_role("row", name=re.compile("^Séances tenues"))
    expect(row.get_by_role("cell")).to_have_text(expected["Séances tenues"])
    assert serious_violations(page, axe) == []
    assert violations(page, axe) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger en CSV").click()
    assert download.value.suggested_filename == f"rapport-activite-{year}-01-01-{year}-03-31.csv"
    content = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert f"Séances tenues;{expected['Séances tenues']}" in content
    assert page.foreign_requests == []


def test_on_a_phone_only_the_chosen_periods_fields_show(phone):
    log_in(phone, "coordination")
    phone.goto(phone.base_url + "/admin/rapport-activite/")
    year, month, first_day = (phone.get_by_label(name, exact=True) for name in ("Année", "Mois", "Du"))
    expect(phone.get_by_role("radio", name=re.compile("^Le mois dernier"))).to_be_checked()
    for field in (year, month, first_day):
        expect(field).to_be_hidden()

    phone.get_by_label("Autres dates", exact=True).check()
    expect(first_day).to_be_visible()
    expect(year).to_be_hidden()
    phone.get_by_label("Un autre mois", exact=True).check()
    expect(year).to_be_visible()
    expect(month).to_be_visible()
    expect(first_day).to_be_hidden()
    form = phone.locator("form.report-form").bounding_box()
    assert form["x"] >= 0 and form["x"] + form["width"] <= PHONE["width"]

    phone.get_by_label("Autres dates", exact=True).check()
    first_day.fill("")
    phone.get_by_label("Au (inclus)", exact=True).fill("2025-03-01")
    phone.get_by_role("button", name="Afficher le rapport").click()
    summary = phone.locator(".error-summary")
    expect(summary.get_by_role("heading", name="Il y a un problème")).to_be_visible()
    summary.get_by_role("link", name="Écrivez le premier jour.").click()
    expect(first_day).to_be_focused()

    phone.get_by_role("radio", name=re.compile("^Le trimestre précédent")).check()
    phone.get_by_role("button", name="Afficher le rapport").click()
    label = previous_periods(timezone.localdate())["last_quarter"].label
    expect(phone.get_by_role("heading", name=re.compile(f"Activité du collectif entier : {label}"))).to_be_visible()
