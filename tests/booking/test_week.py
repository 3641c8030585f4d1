"""The week read day by day (booking.week.runs_by_day), on grids written by hand: one letter
per 30-minute slot from 9:00, so that each case shows its slots at a glance."""

import datetime

from booking.week import Cell, runs_by_day
from tests.booking.conftest import PARIS

STATES = {"f": "free", "b": "booked", "a": "atelier", "c": "closed", "s": "short", "p": "past"}
MONDAY = datetime.date(2026, 12, 7)
STEP = datetime.timedelta(minutes=30)


def grid(*columns):
    """(days, rows) as week_grid gives them, a column of letters per day."""
    days = [MONDAY + datetime.timedelta(days=n) for n in range(len(columns))]
    rows = []
    for n, letters in enumerate(zip(*columns, strict=True)):
        time = (datetime.datetime.combine(MONDAY, datetime.time(9)) + n * STEP).time()
        starts = [datetime.datetime.combine(day, time, tzinfo=PARIS) for day in days]
        rows.append(
            (time, [Cell(STATES[letter], start, start + STEP) for letter, start in zip(letters, starts, strict=True)])
        )
    return days, rows


def runs(*columns):
    """Each day's runs as (state, "start", "end")."""
    return [
        [(cell.state, f"{cell.start:%H:%M}", f"{cell.end:%H:%M}") for cell in day_runs]
        for _day, day_runs in runs_by_day(*grid(*columns))
    ]


def test_slots_of_one_state_that_is_not_free_make_one_run_from_the_first_start_to_the_last_end():
    assert runs("ppfbbbccsaaf") == [
        [
            ("past", "09:00", "10:00"),
            ("free", "10:00", "10:30"),
            ("booked", "10:30", "12:00"),
            ("closed", "12:00", "13:00"),
            ("short", "13:00", "13:30"),
            ("atelier", "13:30", "14:30"),
            ("free", "14:30", "15:00"),
        ]
    ]


def test_free_slots_never_collapse_each_books_from_its_own_time():
    assert runs("fff") == [[("free", "09:00", "09:30"), ("free", "09:30", "10:00"), ("free", "10:00", "10:30")]]


def test_a_day_lists_nothing_before_its_first_opening_nor_after_its_last_closing():
    # Tuesday opens later and closes earlier than the week's first and last times.
    monday, tuesday = runs("fbccff", "ccfbcc")
    assert monday == [
        ("free", "09:00", "09:30"),
        ("booked", "09:30", "10:00"),
        ("closed", "10:00", "11:00"),  # closed between two openings: listed
        ("free", "11:00", "11:30"),
        ("free", "11:30", "12:00"),
    ]
    assert tuesday == [("free", "10:00", "10:30"), ("booked", "10:30", "11:00")]


def test_a_day_closed_throughout_has_no_runs_and_the_others_keep_theirs():
    assert runs("ff", "cc", "pp") == [
        [("free", "09:00", "09:30"), ("free", "09:30", "10:00")],
        [],
        [("past", "09:00", "10:00")],
    ]


def test_the_grid_is_left_as_it_was():
    days, rows = grid("bb")
    runs_by_day(days, rows)
    assert [cells[0].end for _time, cells in rows] == [cells[0].start + STEP for _time, cells in rows]
