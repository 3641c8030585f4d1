"""The report as files: CSV for any tool, OpenDocument (.ods) for LibreOffice and Excel.

CSV: UTF-8 with a byte order mark (so Excel reads the accents), `;` between cells (what
LibreOffice and Excel expect in French, where `,` is the decimal comma), the values for a
spreadsheet (reports.cells.data_text: « 178,5 » hours, « 38,2% », ISO dates), one table
after the other with its title, separated by an empty line. The page and its print keep
the tables for people (« 178 h 30 »).
A cell that a spreadsheet would take for a formula (= + - @, tab, return) is prefixed
with « ' »: a room or guide name must never run as a formula.

ODS: one sheet per table, numbers as numeric cells (percentages as percentages, hours as
decimal hours) and dates as date cells, whose shown text is the page's."""

import csv
import datetime
import io
import re

from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table as Sheet
from odf.table import TableCell, TableRow
from odf.text import P

from core.exports import neutralise
from reports.cells import data_text, display, numeric

CSV_TYPE = "text/csv; charset=utf-8"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


def csv_file(lines):
    """The bytes of a CSV file of `lines` (lists of texts, written as they are)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(lines)
    return buffer.getvalue().encode("utf-8")


def data_row(row):
    return [neutralise(data_text(value)) for value in row]


def report_csv(report):
    lines = [[neutralise(f"Rapport d'activité — {report.period.label} — {report.scope}")]]
    for table in report.tables:
        lines += [[], [neutralise(table.title)], [neutralise(header) for header in table.headers]]
        lines += [data_row(row) for row in table.rows]
    return csv_file(lines)


def sheet_name(title, taken):
    """A name any spreadsheet accepts: no [ ] * ? : / \\, 31 characters, unique."""
    name = re.sub(r"[\[\]*?:/\\']", " ", title)[:31].strip()
    while name in taken:
        name = name[:28] + f" {len(taken)}"
    taken.add(name)
    return name


def cell(value):
    text = display(value)
    number = numeric(value)
    if isinstance(value, datetime.date):  # a date cell, shown the French way
        made = TableCell(valuetype="date", datevalue=value.isoformat())
    elif number is None:
        made = TableCell(valuetype="string")
    else:
        made = TableCell(valuetype=number[0], value=number[1])
    made.addElement(P(text=text))
    return made


def report_ods(report):
    document = OpenDocumentSpreadsheet()
    taken = set()
    for table in report.tables:
        sheet = Sheet(name=sheet_name(table.title, taken))
        header = TableRow()
        for title in table.headers:
            header.addElement(cell(title))
        sheet.addElement(header)
        for row in table.rows:
            line = TableRow()
            for value in row:
                line.addElement(cell(value))
            sheet.addElement(line)
        document.spreadsheet.addElement(sheet)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def file_name(report, extension, prefix="rapport-activite"):
    """« rapport-activite-2024-10-01-2024-10-31.csv »."""
    period = report.period
    return f"{prefix}-{period.first_day:%Y-%m-%d}-{period.last_day:%Y-%m-%d}.{extension}"
