"""Opening hours in OpenStreetMap's syntax: known answers from known rows, and the grammar."""

import datetime

import pytest

from core.choices import Weekday
from home.models import Closure, OpeningHours
from opendata.opening_hours import osm_opening_hours
from tests.opendata.datainclusion_schema import opening_hours_errors

TODAY = datetime.date(2026, 12, 1)


def hours(*rows):
    """OpeningHours rows from (weekday, "09:30", "12:00") triples."""
    return [
        OpeningHours(weekday=day, opens=datetime.time.fromisoformat(opens), closes=datetime.time.fromisoformat(closes))
        for day, opens, closes in rows
    ]


def closure(start, end):
    return Closure(start_date=datetime.date.fromisoformat(start), end_date=datetime.date.fromisoformat(end))


MO, TU, WE, TH, FR, SA, SU = Weekday


@pytest.mark.parametrize(
    ("rows", "closures", "expected"),
    [
        # Two ranges a day.
        ([(TU, "09:30", "12:00"), (TU, "14:00", "17:30")], [], "Tu 09:30-12:00,14:00-17:30"),
        # Split days with the same hours share a rule; the other days, not named, are closed.
        ([(MO, "10:00", "12:00"), (WE, "10:00", "12:00")], [], "Mo,We 10:00-12:00"),
        # Consecutive days become a range, whatever the order of the rows.
        (
            [(FR, "14:00", "18:00"), (TU, "09:30", "12:30"), (TU, "14:00", "18:00"), (WE, "14:00", "18:00")]
            + [(WE, "09:30", "12:30"), (TH, "09:30", "12:30"), (TH, "14:00", "18:00"), (FR, "09:30", "12:30")]
            + [(SA, "09:30", "12:30")],
            [],
            "Tu-Fr 09:30-12:30,14:00-18:00; Sa 09:30-12:30",
        ),
        ([(MO, "09:00", "12:00"), (TU, "09:00", "12:00"), (TH, "09:00", "12:00")], [], "Mo-Tu,Th 09:00-12:00"),
        ([(SA, "10:00", "18:00"), (SU, "10:00", "18:00")], [], "Sa-Su 10:00-18:00"),
        # A closure over the new year, one of a single day; the past one is left out.
        (
            [(TU, "14:00", "17:30")],
            [
                closure("2026-12-24", "2027-01-02"),
                closure("2027-05-08", "2027-05-08"),
                closure("2026-08-01", "2026-08-31"),
            ],
            "Tu 14:00-17:30; 2026 Dec 24-2027 Jan 02 off; 2027 May 08 off",
        ),
        # A closure ending today still counts; closures come in date order.
        (
            [(TH, "14:00", "17:00")],
            [closure("2027-08-01", "2027-08-31"), closure("2026-11-20", "2026-12-01")],
            "Th 14:00-17:00; 2026 Nov 20-2026 Dec 01 off; 2027 Aug 01-2027 Aug 31 off",
        ),
        # No hours at all: nothing to say, even with a closure.
        ([], [closure("2027-01-01", "2027-01-02")], ""),
    ],
)
def test_opening_hours_are_written_in_osm_syntax(rows, closures, expected):
    value = osm_opening_hours(hours(*rows), closures, TODAY)
    assert value == expected
    if value:
        assert opening_hours_errors(value) == []


@pytest.mark.parametrize(
    "value",
    [
        "Tu 9:30-12:00",  # hours take two digits
        "Tu 09:30-12:00;Sa 10:00-12:00",  # rules are separated by « ; »
        "Mardi 09:30-12:00",
        "2027 Aug 01-2027 Aug 31 off; Tu 09:30-12:00",  # a closure first would be overridden
        "Tu 12:00-09:30",
        "Fr-Mo 10:00-12:00",
        "Tu 10:00-12:00; Mo-We 14:00-16:00",
        "Tu 10:00-12:00; 2027 Aug 31-2027 Aug 01 off",
        "Tu 10:00-12:00; 2027 Feb 30 off",
    ],
)
def test_the_checker_refuses_what_is_outside_the_subset(value):
    assert opening_hours_errors(value) != []
