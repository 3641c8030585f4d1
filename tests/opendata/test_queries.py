"""The open data files make the same number of queries for 3 members as for 30, and for 10
sessions as for 500."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda.models import AtelierPage, Occurrence
from core.choices import Weekday
from home.models import Closure, MemberIndexPage, MemberKind, MemberPage, OpeningHours, Service
from tests.agenda.test_agenda_queries import add_ateliers
from tests.opendata.conftest import ALL_URLS, SESSIONS_URL


def query_count(client, url):
    client.get(url)  # warm the site caches, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_members(count, start_number=0):
    """Members with two services, two ranges a week and a closure; built without revisions."""
    index = MemberIndexPage.objects.get()
    services = list(Service.objects.all()[:2])
    for n in range(start_number, start_number + count):
        member = MemberPage(
            title=f"Membre {n:03d}",
            slug=f"membre-{n}",
            kind=MemberKind.INSERTION if n % 2 else MemberKind.ASSOCIATION,
            summary="Une structure du collectif.",
            street_address=f"{n} rue du Port",
            postal_code="35600",
            city="Redon",
            phone="02 99 00 00 00",
            opening_hours=[
                OpeningHours(weekday=Weekday.TUESDAY, opens=datetime.time(9), closes=datetime.time(12)),
                OpeningHours(weekday=Weekday.TUESDAY, opens=datetime.time(14), closes=datetime.time(18)),
            ],
            closures=[
                Closure(start_date=timezone.localdate(), end_date=timezone.localdate() + datetime.timedelta(days=3))
            ],
        )
        member.services = services
        index.add_child(instance=member)


def test_member_files_make_constant_queries_whatever_the_number_of_members(home_page, client):
    for member in MemberPage.objects.all():
        member.delete()
    add_members(3)
    with_3 = {url: query_count(client, url) for url in ALL_URLS[:4]}
    add_members(27, start_number=3)
    assert MemberPage.objects.live().count() == 30
    assert {url: query_count(client, url) for url in ALL_URLS[:4]} == with_3
    assert len(client.get("/donnees-ouvertes/services.json").json()) == 60


def sessions_up_to(count):
    """Adds sessions to the ateliers in turn, a day apart from a year ago, until there are `count`."""
    ateliers = list(AtelierPage.objects.order_by("pk"))
    first = timezone.now().replace(microsecond=0) - datetime.timedelta(days=360)
    # Numbered on from the sessions already there: two calls in the same second never repeat a start.
    numbers = range(Occurrence.objects.count(), count)
    Occurrence.objects.bulk_create(
        Occurrence(
            atelier=ateliers[n % len(ateliers)], original_start=day, start=day, end=day + datetime.timedelta(hours=2)
        )
        for n in numbers
        for day in [first + datetime.timedelta(days=n, minutes=n)]
    )
    assert Occurrence.objects.count() == count


def test_the_sessions_file_makes_constant_queries_whatever_the_number_of_sessions(agenda, client):  # noqa: F811
    add_ateliers(agenda, 2)
    sessions_up_to(10)
    with_10 = query_count(client, SESSIONS_URL)
    add_ateliers(agenda, 8, start_number=2)
    sessions_up_to(500)
    assert query_count(client, SESSIONS_URL) == with_10
    assert len(client.get(SESSIONS_URL).json()) == 500
