import datetime

from agenda import recurrence
from tests.agenda.factories import PARIS, paris


def local_times(dates):
    return [(s.astimezone(PARIS).strftime("%Y-%m-%d %H:%M"), e.astimezone(PARIS).strftime("%H:%M")) for s, e in dates]


def test_a_single_date_is_one_occurrence():
    assert local_times(recurrence.expand(paris(2026, 12, 5, 14), paris(2026, 12, 5, 17))) == [
        ("2026-12-05 14:00", "17:00")
    ]


def test_first_saturday_of_each_month_keeps_its_wall_clock_hours_across_daylight_saving():
    dates = recurrence.expand(
        paris(2027, 2, 6, 14), paris(2027, 2, 6, 17), "monthly", 1, until=datetime.date(2027, 11, 30)
    )
    assert [start for start, _ in local_times(dates)] == [
        "2027-02-06 14:00",
        "2027-03-06 14:00",
        "2027-04-03 14:00",  # after the spring change (28 March)
        "2027-05-01 14:00",
        "2027-06-05 14:00",
        "2027-07-03 14:00",
        "2027-08-07 14:00",
        "2027-09-04 14:00",
        "2027-10-02 14:00",
        "2027-11-06 14:00",  # after the autumn change (31 October)
    ]
    assert all(end == "17:00" for _, end in local_times(dates))


def test_a_session_across_the_autumn_change_ends_at_its_wall_clock_time():
    # Sunday 31 October 2027, 01:00 → 04:00: at 03:00 the clocks go back to 02:00.
    [(start, end)] = recurrence.expand(paris(2027, 10, 31, 1), paris(2027, 10, 31, 4))
    assert end.astimezone(PARIS).strftime("%H:%M") == "04:00"
    # Same-zone subtraction is wall-clock in Python: compare in UTC for the real duration.
    assert end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC) == datetime.timedelta(hours=4)


def test_every_other_tuesday_until_a_date_included():
    dates = recurrence.expand(
        paris(2026, 12, 1, 14), paris(2026, 12, 1, 16), "weekly", 2, until=datetime.date(2026, 12, 29)
    )
    assert [start for start, _ in local_times(dates)] == ["2026-12-01 14:00", "2026-12-15 14:00", "2026-12-29 14:00"]


def test_the_fifth_weekday_of_a_month_means_the_last_one():
    dates = recurrence.expand(
        paris(2026, 12, 29, 10), paris(2026, 12, 29, 12), "monthly", 1, horizon=paris(2027, 3, 31)
    )
    assert [start[:10] for start, _ in local_times(dates)] == ["2026-12-29", "2027-01-26", "2027-02-23", "2027-03-30"]


def test_the_horizon_bounds_a_rule_without_end():
    dates = recurrence.expand(paris(2026, 12, 1, 14), paris(2026, 12, 1, 16), "weekly", 1, horizon=paris(2027, 1, 1))
    assert len(dates) == 5


def test_rules_read_in_plain_french():
    assert recurrence.describe("monthly", 1, paris(2027, 2, 6, 14)) == "le 1er samedi de chaque mois"
    assert recurrence.describe("monthly", 1, paris(2026, 12, 29, 14)) == "le dernier mardi de chaque mois"
    assert recurrence.describe("weekly", 1, paris(2026, 12, 1, 14)) == "chaque mardi"
    assert recurrence.describe("weekly", 2, paris(2026, 12, 1, 14)) == "un mardi sur 2"
    assert recurrence.describe("", 1, paris(2026, 12, 1, 14)) == ""
