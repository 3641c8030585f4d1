"""The activity report in the browser: Coordination opens it from the menu, picks a
quarter, reads a figure, downloads the CSV; the page passes axe's checks."""

import re

from django.utils import timezone

from playwright.sync_api import expect

from reports.activity import build_report
from reports.periods import Period
from tests.browser.conftest import BROWSER_TEST, log_in, serious_violations, violations

pytestmark = BROWSER_TEST


def test_coordination_reads_a_quarter_and_downloads_its_csv(page, axe):
    log_in(page, "coordination")
    page.get_by_role("link", name="Rapport d'activité").first.click()
    expect(page.get_by_role("heading", name=re.compile("Activité du collectif entier"))).to_be_visible()

    year = timezone.localdate().year
    page.get_by_label("Un trimestre", exact=True).check()
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
