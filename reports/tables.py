"""The tables of a report: what the page, the print, the charts and both exports show."""

from dataclasses import dataclass, field

from reports.cells import display


@dataclass(frozen=True)
class Table:
    slug: str  # an id in the page, a sheet in the spreadsheet
    title: str
    headers: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)  # the first cell of a row names it (<th scope="row">)
    note: str = ""  # how to read the table, under its caption

    def text_rows(self):
        """The rows as the page shows them."""
        return [[display(value) for value in row] for row in self.rows]

    def column(self, header):
        """[(row name, value)] of one column, for a chart."""
        index = self.headers.index(header)
        return [(display(row[0]), row[index]) for row in self.rows]


@dataclass(frozen=True)
class Report:
    period: object  # reports.periods.Period
    member: object  # a MemberPage, or None for the whole collective
    tables: list[Table]

    def table(self, slug):
        return next(table for table in self.tables if table.slug == slug)

    @property
    def scope(self):
        return self.member.title if self.member is not None else "le collectif entier"
