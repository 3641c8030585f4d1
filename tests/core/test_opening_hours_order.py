"""Opening hours keep their order by day and time: rows stored without one are numbered
by the migration, and an edited member page numbers its rows again."""

import datetime
import importlib

from django.apps import apps

from core.opening_hours import in_week_order
from home.models import MemberPage, OpeningHours


def rows(*days_and_hours):
    return [
        OpeningHours(weekday=day, opens=datetime.time(hour), closes=datetime.time(hour + 2))
        for day, hour in days_and_hours
    ]


def numbered(hours):
    return [(row.weekday, row.opens.hour, row.sort_order) for row in hours]


def test_rows_are_numbered_by_day_then_time():
    ordered = in_week_order(rows((2, 14), (0, 9), (0, 14), (1, 9)))
    assert numbered(ordered) == [(0, 9, 0), (0, 14, 1), (1, 9, 2), (2, 14, 3)]


def test_the_migration_numbers_stored_rows_per_page(home_page):
    page = MemberPage.objects.get(slug="les-mulots")
    OpeningHours.objects.filter(page=page).delete()
    for row in rows((3, 14), (1, 9), (1, 14)):
        row.page, row.sort_order = page, None
        row.save()
    migration = importlib.import_module("home.migrations.0006_opening_hours_in_week_order")
    migration.number_rows(apps, None)
    stored = OpeningHours.objects.filter(page=page).order_by("sort_order")
    assert numbered(stored) == [(1, 9, 0), (1, 14, 1), (3, 14, 2)]


def test_an_edited_member_page_numbers_its_rows_by_day_and_time(home_page):
    page = MemberPage.objects.get(slug="les-mulots")
    page.opening_hours = rows((4, 14), (0, 9))
    page.full_clean()
    assert sorted(numbered(page.opening_hours.all()), key=lambda row: row[2]) == [(0, 9, 0), (4, 14, 1)]
