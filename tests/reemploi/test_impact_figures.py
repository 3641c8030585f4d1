"""What réemploi saves, where it is shown: the activity report (by member, its CSV and ODS),
« Le collectif en chiffres » (the hand-typed past years kept) and the repairing member's page."""

import csv
import datetime
import io
from html import unescape

import pytest
from odf.opendocument import load
from odf.table import Table, TableRow

from reemploi.models import Donation, ImpactFactor, RepairedObject
from reemploi.ords import ProductCategory, RepairStatus
from reports.activity import build_report, key_figures
from reports.exports import report_csv, report_ods
from reports.models import CounterEntry, CounterKind, PublicFigure
from reports.periods import Period
from tests.reemploi.conftest import donation, member

pytestmark = pytest.mark.django_db

MARCH = Period.month(2025, 3)


@pytest.fixture
def march(site):
    """Two laptops and a kettle repaired, three laptops redistributed, in March 2025."""
    RepairedObject.objects.all().delete()
    Donation.objects.all().delete()
    ImpactFactor.objects.filter(category=ProductCategory.LAPTOP).update(weight_kg="2.5", co2e_kg="250")
    ImpactFactor.objects.filter(category=ProductCategory.KETTLE).update(weight_kg="1.4", co2e_kg="17.1")
    day = datetime.date(2025, 3, 8)
    for category in (ProductCategory.LAPTOP, ProductCategory.LAPTOP, ProductCategory.KETTLE):
        RepairedObject.objects.create(member=member("depantek"), category=category, event_date=day, status=1)
    given = donation(status="redistribue", quantity=3)
    Donation.objects.filter(pk=given.pk).update(
        status_changed_at=datetime.datetime(2025, 3, 20, 10, tzinfo=datetime.UTC)
    )


def table_rows(report, slug):
    return report.table(slug).text_rows()


def test_the_report_shows_the_impact_by_member_and_in_its_key_figures(march):
    report = build_report(MARCH)
    assert table_rows(report, "reemploi") == [
        ["Clic'n Puces", "0", "3", "7,5", "750,0"],
        ["Dépan'tek", "3", "0", "6,4", "517,1"],
    ]
    key = dict(table_rows(report, "key-figures"))
    assert key["Appareils réparés au repair café"] == "3"
    assert key["Déchets évités (kg)"] == "13,9"
    assert key["Émissions évitées (kg CO2e)"] == "1\xa0267,1"
    assert table_rows(build_report(MARCH, member=member("depantek")), "reemploi") == [
        ["Dépan'tek", "3", "0", "6,4", "517,1"]
    ]


def test_the_report_files_carry_the_impact(march):
    report = build_report(MARCH)
    text = report_csv(report).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert ["Dépan'tek", "3", "0", "6,4", "517,1"] in lines
    document = load(io.BytesIO(report_ods(report)))
    sheet = next(
        table for table in document.getElementsByType(Table) if table.getAttribute("name") == "Réemploi et réparation"
    )
    values = [[cell.getAttribute("value") for cell in row.childNodes] for row in sheet.getElementsByType(TableRow)]
    assert values[1][3:5] == ["7.5", "750.0"]


def test_the_public_figures_add_the_computed_counts_to_the_hand_typed_years(march):
    computers = CounterKind.objects.get(name="ordinateurs redistribués")
    CounterEntry.objects.create(kind=computers, value=2, date=datetime.date(2025, 3, 1))
    figures = key_figures(MARCH)
    assert figures[PublicFigure.DEVICES_REDISTRIBUTED] == 3 + 2
    assert figures[PublicFigure.OBJECTS_REPAIRED] == 3
    assert figures[PublicFigure.WASTE_AVOIDED] == 13.9
    # The BooTIC's 17 computers, typed by hand in 2017, stay in 2017.
    assert key_figures(Period.year(2017))[PublicFigure.DEVICES_REDISTRIBUTED] == 17


def test_figures_page_and_member_page_show_the_computed_figures(client, site):
    figures = unescape(client.get("/en-chiffres/").content.decode())
    assert "Ordinateurs redistribués" in figures and "Kg de déchets évités" in figures
    repaired = RepairedObject.objects.filter(member=member("depantek"), status=RepairStatus.FIXED).count()
    assert repaired > 0  # the demo's season of the market's repair café
    page = unescape(client.get(member("depantek").url).content.decode())
    assert f"{repaired} objets réparés depuis" in page
    assert "de déchets évités" in page
    assert "objets réparés" not in unescape(client.get(member("les-mulots").url).content.decode())
