"""Bar charts drawn on the server as inline SVG: no script, no library. Horizontal bars,
one per row of a table, so a long period or many rooms only make the chart taller. A
chart is an image with a title for screen readers; its data is the table shown beside it."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from reports.cells import chart_value, display

WIDTH, LABEL_WIDTH, VALUE_WIDTH = 640, 200, 80
BAR_HEIGHT, GAP = 22, 8


def bar_chart(chart_id, title, points):
    """SVG markup of `points` [(label, value)], value a cell of reports.cells."""
    height = max(1, len(points)) * (BAR_HEIGHT + GAP) + GAP
    largest = max((chart_value(value) for _label, value in points), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for rank, (label, value) in enumerate(points):
        top = GAP + rank * (BAR_HEIGHT + GAP)
        length = round(chart_value(value) / largest * room, 1)
        middle = top + BAR_HEIGHT / 2
        bars.append(
            (
                LABEL_WIDTH - 8,
                middle,
                shorten(label),
                LABEL_WIDTH,
                top,
                length,
                BAR_HEIGHT,
                LABEL_WIDTH + length + 6,
                middle,
                display(value),
            )
        )
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="report-bar"></rect>'
        '<text x="{}" y="{}" dominant-baseline="middle">{}</text>',
        bars,
    )
    return format_html(
        '<svg class="report-chart" role="img" aria-labelledby="{}-title" viewBox="0 0 {} {}" width="100%"'
        ' xmlns="http://www.w3.org/2000/svg" focusable="false">'
        '<title id="{}-title">{}</title>{}</svg>',
        chart_id,
        WIDTH,
        height,
        chart_id,
        title,
        body if points else mark_safe(""),  # noqa: S308 (an empty string)
    )


def shorten(label, limit=28):
    return label if len(label) <= limit else label[: limit - 1] + "…"


def report_charts(report):
    """{table slug: [(chart id, title, svg)]}: what the page draws beside which table."""
    by_month, rooms = report.table("by-month"), report.table("rooms")
    charts = {
        "by-month": [
            ("chart-sessions", "Séances tenues par mois", by_month.column("Séances tenues")),
            ("chart-present", "Personnes présentes par mois", by_month.column("Personnes présentes")),
        ],
        "rooms": [("chart-occupancy", "Taux d'occupation par salle", rooms.column("Taux d'occupation"))],
    }
    return {
        slug: [(chart_id, title, bar_chart(chart_id, title, points)) for chart_id, title, points in found if points]
        for slug, found in charts.items()
    }
