"""« Le collectif en chiffres »: the figures Coordination chose on the page, year by year,
from the first year with anything to count to the current one. Anonymous counts only:
sessions, people, hours and the counters entered by hand, never a name."""

from dataclasses import dataclass

from django.db.models import Min
from django.utils import timezone

from agenda.models import Occurrence
from core import page_cache
from reports.activity import key_figures
from reports.models import CounterEntry, CounterKind, PublicFigure
from reports.periods import Period


@dataclass(frozen=True)
class Column:
    key: str  # a key of key_figures(): a PublicFigure value or « counter:<kind id> »
    label: str


@dataclass(frozen=True)
class YearRow:
    year: int
    values: tuple  # one number per column, in the columns' order


@dataclass(frozen=True)
class FiguresTable:
    columns: tuple
    rows: tuple  # YearRow, oldest year first

    @property
    def latest(self):
        """The current year's figures as (column, value) pairs, or () without any year."""
        return tuple(zip(self.columns, self.rows[-1].values, strict=True)) if self.rows else ()


def chosen_columns(page):
    """The columns of the page's `figures` stream, in its order. Read from its stored data,
    so that a block that no longer means anything (a counter deleted since, a figure the
    site no longer computes, a value mangled by hand) is left out rather than breaking the
    page; a figure chosen twice shows once."""
    blocks = [item for item in page.figures.raw_data if isinstance(item, dict) and isinstance(item.get("value"), dict)]
    counter_ids = [block["value"].get("counter") for block in blocks if block.get("type") == "counter"]
    kinds = CounterKind.objects.in_bulk({pk for pk in counter_ids if isinstance(pk, int)})
    columns, seen = [], set()
    for block in blocks:
        value, label = block["value"], block["value"].get("label")
        if block.get("type") == "activity" and value.get("figure") in PublicFigure.values:
            key, label = value["figure"], label or PublicFigure(value["figure"]).label
        elif block.get("type") == "counter" and isinstance(value.get("counter"), int) and value["counter"] in kinds:
            key, label = f"counter:{value['counter']}", label or kinds[value["counter"]].name
        else:
            continue
        if key not in seen:
            seen.add(key)
            columns.append(Column(key, str(label)))
    return tuple(columns)


def first_year(now):
    """The first year with a session held or a counter entered; None when there is none."""
    first_session = Occurrence.objects.filter(end__lte=now, cancelled=False).aggregate(first=Min("start"))["first"]
    first_entry = CounterEntry.objects.aggregate(first=Min("date"))["first"]
    years = [timezone.localtime(first_session).year] if first_session else []
    years += [first_entry.year] if first_entry else []
    return min(years, default=None)


def compute_table(page, now):
    columns = chosen_columns(page)
    start = first_year(now)
    if not columns or start is None:
        return FiguresTable(columns, ())
    rows = []
    for year in range(start, timezone.localdate(now).year + 1):
        figures = key_figures(Period.year(year), now=now)
        rows.append(YearRow(year, tuple(round(figures.get(column.key) or 0) for column in columns)))
    return FiguresTable(columns, tuple(rows))


def figures_table(page, now=None):
    """The page's FiguresTable. Its figures change without anyone publishing: a session ends
    and counts as held, someone marks attendance or enters a counter. Entries and
    registrations empty the page cache when written; what the clock alone changes shows
    within PAGE_CACHE_SECONDS, since the table is a cached value of that lifetime, like the
    page itself. Computing it costs a few queries per year, once per lifetime, not per visit."""
    now = now or timezone.now()
    return page_cache.cached_value("figures-table", lambda: compute_table(page, now), page)
