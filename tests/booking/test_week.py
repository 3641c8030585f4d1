"""The week read day by day (booking.week.runs_by_day), on grids written by hand: one letter
per 30-minute slot from 9:00, so that each case shows its slots at a glance."""

import datetime

from django.utils.formats import date_format

from booking import rules
from booking.week import Cell, runs_by_day, week_grid
from tests.booking.conftest import PARIS, at

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


def test_a_slot_that_cannot_be_booked_online_says_why_in_words(room, monday):
    """Passed, inside the notice or beyond the horizon: each says so next to its state, as
    booking.rules.slot_errors would refuse it (in words, not only by a colour)."""
    room.horizon_days = 3
    room.save()
    now = at(monday, 10)
    tuesday, thursday, friday = (monday + datetime.timedelta(days=n) for n in (1, 3, 4))
    week = dict(runs_by_day(*week_grid(room, monday, now)))
    assert [(run.state, run.label, run.reason) for run in week[monday][:2]] == [
        ("past", "Passé", ""),  # 9:00 to 10:30: the 10:00 slot starts this very minute
        ("notice", "Indisponible", "il faut réserver au moins 24 heures à l'avance"),
    ]
    assert week[monday][1].start == at(monday, 10, 30)
    # Tuesday 10:00 is exactly 24 hours ahead: free, as the rules accept it.
    assert [(run.state, run.start, run.end) for run in week[tuesday][:2]] == [
        ("notice", at(tuesday, 9), at(tuesday, 10)),
        ("free", at(tuesday, 10), at(tuesday, 10, 30)),
    ]
    assert rules.slot_errors(room, at(tuesday, 10), at(tuesday, 11), now=now) == {}
    assert rules.slot_errors(room, at(tuesday, 9, 30), at(tuesday, 10, 30), now=now)["start"]
    # Thursday is the last day within 3 days; Friday opens to booking on Tuesday.
    assert "horizon" not in {run.state for run in week[thursday]}
    assert {(run.state, run.reason) for run in week[friday]} == {
        ("closed", ""),  # lunch
        ("horizon", f"réservable à partir du {date_format(tuesday, 'l j F')}"),
    }
    assert rules.slot_errors(room, at(friday, 14), at(friday, 15), now=now)["date"]
