"""The CSV and .ods files, read back, hold the page's tables as values a spreadsheet computes with."""

import csv
import io

from django.urls import reverse

from bs4 import BeautifulSoup
from odf import opendocument
from odf.namespaces import OFFICENS
from odf.table import Table, TableCell, TableRow

from core.exports import neutralise
from reports.activity import build_report
from reports.exports import report_csv
from tests.reports.conftest import NOW, OCTOBER

QUERY = {"kind": "month", "year": "2024", "month": "10"}


def page_tables(html):
    """[(caption title, [header row, *rows])] as the page shows them."""
    found = []
    for table in BeautifulSoup(html, "html.parser").select("table.report-table"):
        title = table.caption.find(string=True, recursive=False).strip()
        lines = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
        found.append((title, [line for line in lines if line != ["Rien pour cette période."]]))
    return found


def csv_tables(content):
    assert content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    blocks, current = [], None
    for line in lines[1:]:
        if not line:
            current = None
        elif current is None:
            current = (line[0], [])
            blocks.append(current)
        else:
            current[1].append([cell.removeprefix("'") for cell in line])
    return blocks


def ods_sheets(content):
    document = opendocument.load(io.BytesIO(content))
    sheets = []
    for sheet in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in sheet.getElementsByType(TableRow):
            rows.append(
                [
                    (cell.getAttrNS(OFFICENS, "value-type"), cell.getAttrNS(OFFICENS, "value"), str(cell))
                    for cell in row.getElementsByType(TableCell)
                ]
            )
        sheets.append((sheet.getAttribute("name"), rows))
    return sheets


def test_the_csv_file_holds_the_tables_of_the_page(october, rooms, users, client):
    client.force_login(users["coordination"])
    page = client.get(reverse("reports_activity"), QUERY)
    response = client.get(reverse("reports_activity_csv"), QUERY)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="rapport-activite-2024-10-01-2024-10-31.csv"' in response["Content-Disposition"]
    tables = csv_tables(response.content)
    # The page's tables, headers and order; the values for a spreadsheet, not the page's text.
    assert [(title, rows[0]) for title, rows in tables] == [
        (title, rows[0]) for title, rows in page_tables(page.content.decode())
    ]
    key_figures = dict(tables[0][1][1:])
    assert key_figures["Séances tenues"] == "6"
    assert key_figures["Taux de remplissage (inscrites sur places)"] == "38,2%"
    assert key_figures["Heures de salle utilisées"] == "33,5"  # « 33 h 30 » in the page
    assert (
        response.content.decode("utf-8-sig").splitlines()[0]
        == "Rapport d'activité — octobre 2024 — le collectif entier"
    )


def test_the_ods_file_has_a_sheet_per_table_and_numbers_as_numbers(october, rooms, users, client):
    client.force_login(users["coordination"])
    page = page_tables(client.get(reverse("reports_activity"), QUERY).content.decode())
    response = client.get(reverse("reports_activity_ods"), QUERY)
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    sheets = ods_sheets(response.content)
    assert [[[text for _type, _value, text in row] for row in rows] for _name, rows in sheets] == [
        rows for _title, rows in page
    ]
    assert [name for name, _rows in sheets][:3] == ["Chiffres clés", "Séances par mois", "Séances par catégorie"]
    key_figures = {row[0][2]: row[1] for row in sheets[0][1][1:]}
    assert key_figures["Séances tenues"] == ("float", "6", "6")
    assert key_figures["Taux de remplissage (inscrites sur places)"][:2] == ("percentage", str(13 / 34))
    assert key_figures["Heures de salle utilisées"] == ("float", "33.5", "33\xa0h\xa030")


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(october, rooms):
    content = report_csv(build_report(OCTOBER, now=NOW)).decode("utf-8-sig")
    assert "'=Salle fermée" in content and "\n=Salle" not in content
    assert [neutralise(text) for text in ("=1+1", "+33 6", "-2", "@SUM(A1)", "Les Mulots")] == [
        "'=1+1",
        "'+33 6",
        "'-2",
        "'@SUM(A1)",
        "Les Mulots",
    ]


def test_an_invalid_period_gives_the_page_with_its_error_not_a_file(users, client, demo_site):
    client.force_login(users["coordination"])
    response = client.get(reverse("reports_activity_ods"), {"kind": "year", "year": "1850"})
    assert response.status_code == 200 and "Choisissez une année entre 2000 et 2100." in response.content.decode()
