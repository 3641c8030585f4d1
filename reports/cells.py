"""The cells of the report's tables: a value keeps its type (a count, a share, a duration)
so that the page shows it the French way (« 1 234 », « 5,1 % », « 11 h 30 ») and the
spreadsheet keeps it a number. Non-breaking spaces, as French typography wants."""

import datetime
from dataclasses import dataclass

NBSP = "\xa0"


@dataclass(frozen=True)
class Percent:
    """A share between 0 and 1 (or more: places reduced after people registered)."""

    ratio: float | None


@dataclass(frozen=True)
class Hours:
    duration: datetime.timedelta

    @property
    def hours(self):
        return self.duration.total_seconds() / 3600


def french_number(number, decimals=0):
    """« 1 234 », « 5,1 »: grouped thousands, a decimal comma."""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def display(value):
    """The text a person reads in the page, the print and the CSV file."""
    if value is None:
        return "—"
    if isinstance(value, Percent):
        return "—" if value.ratio is None else f"{french_number(value.ratio * 100, 1)}{NBSP}%"
    if isinstance(value, Hours):
        minutes = round(value.duration.total_seconds() / 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{french_number(hours)}{NBSP}h"
        return f"{text}{NBSP}{minutes:02d}" if minutes else text
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return french_number(value)
    if isinstance(value, float):
        return french_number(value, 1)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def decimal(number, decimals):
    """« 33,5 »: a decimal comma, no grouping, no trailing zeros (a spreadsheet reads it as a number)."""
    return f"{number:.{decimals}f}".rstrip("0").rstrip(".").replace(".", ",")


def data_text(value):
    """The text of a cell in the CSV file, for a spreadsheet rather than a reader: numbers
    without grouping spaces or units (hours as decimal hours, as in the .ods), shares with
    « % », dates in ISO order; written for French spreadsheets (decimal comma, docs/sorties.md)."""
    if value is None:
        return ""
    if isinstance(value, Percent):
        return "" if value.ratio is None else f"{decimal(value.ratio * 100, 1)}%"
    if isinstance(value, Hours):
        return decimal(value.hours, 2)
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return decimal(value, 1)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def numeric(value):
    """(value type, number) for a spreadsheet's numeric cell; None for text."""
    if isinstance(value, Percent):
        return None if value.ratio is None else ("percentage", value.ratio)
    if isinstance(value, Hours):
        return ("float", round(value.hours, 2))
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return ("float", value)
    return None


def chart_value(value):
    """The length of a bar: counts as they are, shares in percent, durations in hours."""
    if isinstance(value, Percent):
        return (value.ratio or 0) * 100
    if isinstance(value, Hours):
        return value.hours
    return value if isinstance(value, int | float) and not isinstance(value, bool) else 0
