"""Demo counters and the page « Le collectif en chiffres », read from reports/demo_data/:
the BooTIC 2017's figures as the collective's, and a few figures per member over the last
year (dated from today). Left alone when they already exist."""

import datetime

from django.utils import timezone

from core import demo_data
from home.demo import publish_child
from home.models import HomePage, MemberPage
from reports.models import CounterEntry, CounterKind, FiguresPage


def build_entries(data, kinds, today):
    members = {member.slug: member for member in MemberPage.objects.all()}
    entries = [
        CounterEntry(kind=kinds[row["kind"]], value=row["value"], date=row["date"], note=row.get("note", ""))
        for row in data["bootic"]
    ]
    entries += [
        CounterEntry(
            kind=kinds[row["kind"]],
            value=row["value"],
            date=today - datetime.timedelta(days=row["days_ago"]),
            member=members.get(row["member"]),
            note=row.get("note", ""),
        )
        for row in data["entries"]
    ]
    CounterEntry.objects.bulk_create(entries)


def figures_stream(tables, kinds):
    stream = []
    for table in tables:
        value = {"label": table.get("label", "")}
        if table["type"] == "counter":
            value["counter"] = kinds[table["counter"]]
        else:
            value["figure"] = table["figure"]
        stream.append((table["type"], value))
    return stream


def build():
    data = demo_data.read("reports", "compteurs")
    kinds = {}
    for kind in data["kinds"]:
        kinds[kind["name"]], _created = CounterKind.objects.get_or_create(
            name=kind["name"], defaults={"description": kind["description"]}
        )
    if not CounterEntry.objects.exists():
        build_entries(data, kinds, timezone.localdate())
    if not FiguresPage.objects.exists():
        content = demo_data.read("reports", "en_chiffres")
        page = FiguresPage(**demo_data.fields(FiguresPage, content, ["title", "slug", "intro"]))
        page.figures = figures_stream(content["figures"], kinds)
        publish_child(HomePage.objects.get(), page)
    return []
