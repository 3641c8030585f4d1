"""Spreadsheet exports of the admin lists (wagtail-modeladmin), written for the
people who open them: CSV in UTF-8 with a BOM and « ; » separators (what French
spreadsheet software expects), dates in Paris time and ISO order (2026-07-01 14:00, which
no spreadsheet swaps whatever its language), yes/no in French, and no cell a spreadsheet
would run as a formula (CSV injection). In .xlsx, dates and times are typed cells, in
Paris time too (docs/sorties.md)."""

import csv
import datetime

from django.contrib.admin.utils import label_for_field, lookup_field
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext

from wagtail.admin.views.mixins import Echo

from core.admin_lists import GuardedIndexView

# A cell starting with one of these is a formula for spreadsheet software.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """The text as a spreadsheet shows it, never runs it: a leading apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def paris_time(value):
    """An aware datetime as the wall clock in Paris shows it, without zone (what a spreadsheet holds)."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("oui") if value else gettext("non")
    if isinstance(value, datetime.datetime):
        return f"{paris_time(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    return neutralise(str(value))


# The shown format of typed cells in .xlsx (the value stays a date or a time).
XLSX_FORMATS = [
    (datetime.datetime, "DD/MM/YYYY HH:MM"),
    (datetime.date, "DD/MM/YYYY"),
    (datetime.time, "HH:MM"),
]


class FrenchExportIndexView(GuardedIndexView):
    # Wagtail writes datetimes in UTC in .xlsx; a list in the admin shows Paris time.
    custom_value_preprocess = {
        **GuardedIndexView.custom_value_preprocess,
        datetime.datetime: {"xlsx": paris_time},
    }

    def get_heading(self, queryset, field):
        override = getattr(self.model_admin, "export_headings", {}).get(field)
        return force_str(override or capfirst(label_for_field(field, model=self.model, model_admin=self.model_admin)))

    def to_row_dict(self, item):
        # The values themselves: modeladmin would write « - » for every empty, false or zero value.
        return {field: lookup_field(field, item, self.model_admin)[2] for field in self.list_export}

    def stream_csv(self, queryset):
        yield "\ufeff".encode()
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield writer.writerow({field: csv_cell(self.get_heading(queryset, field)) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_csv_row(self, writer, row_dict):
        return writer.writerow({field: csv_cell(value) for field, value in row_dict.items()})

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell, value in zip(super().generate_xlsx_row(worksheet, row_dict), row_dict.values(), strict=True):
            cell.number_format = next(
                (shown for kind, shown in XLSX_FORMATS if isinstance(value, kind)), cell.number_format
            )
            yield cell

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
