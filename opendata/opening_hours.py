"""Opening hours in OpenStreetMap's `opening_hours` syntax, the format data·inclusion asks for
(https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification). Only a small subset is
written: weekday rules (« Tu-Fr 09:30-12:30,14:00-18:00 ») and closures as date ranges « off »."""

from itertools import groupby

DAY_CODES = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
MONTH_CODES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_selector(days):
    """« Mo,We-Fr » for the weekdays [0, 2, 3, 4]: consecutive days become a range."""
    runs = [[day for _, day in run] for _, run in groupby(enumerate(days), key=lambda pair: pair[1] - pair[0])]
    return ",".join(DAY_CODES[run[0]] if len(run) == 1 else f"{DAY_CODES[run[0]]}-{DAY_CODES[run[-1]]}" for run in runs)


def osm_date(day):
    return f"{day.year} {MONTH_CODES[day.month - 1]} {day.day:02d}"


def closure_rule(closure):
    dates = osm_date(closure.start_date)
    if closure.end_date != closure.start_date:
        dates += f"-{osm_date(closure.end_date)}"
    return f"{dates} off"


def osm_opening_hours(hours, closures, today):
    """The week's ranges, then the closures not over by `today`: a later rule overrides the
    earlier ones on the days it names, so the closures come last. Days with the same ranges
    share one rule. Empty when there are no ranges (a closure alone says nothing)."""
    ranges_by_day = {}
    for hour in sorted(hours, key=lambda hour: (hour.weekday, hour.opens)):
        ranges_by_day.setdefault(hour.weekday, []).append(f"{hour.opens:%H:%M}-{hour.closes:%H:%M}")
    days_by_ranges = {}
    for day, ranges in ranges_by_day.items():
        days_by_ranges.setdefault(",".join(ranges), []).append(day)
    rules = [f"{day_selector(days)} {ranges}" for ranges, days in days_by_ranges.items()]
    if not rules:
        return ""
    upcoming = sorted((closure for closure in closures if closure.end_date >= today), key=lambda c: c.start_date)
    return "; ".join(rules + [closure_rule(closure) for closure in upcoming])
