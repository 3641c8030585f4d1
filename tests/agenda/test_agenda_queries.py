"""The agenda's list, month view, feeds and partners' frame make the same number of queries
for 20 ateliers as for 300, recurring ones included: one query per atelier would show as 280
more (2,000 proved nothing more and cost half a minute a pass)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.signal_handlers import disable_reference_index_auto_update

from agenda.models import AtelierPage, Category
from home.management.commands.load_demo import search_index_built_at_the_end
from home.models import MemberPage

PAGES = [
    "/agenda/",
    "/agenda/?categorie=formation",
    "/agenda/mois/{year}/{month}/",
    "/agenda/calendrier.ics",
    "/agenda/flux.xml",
    # The agenda framed on partners' sites, and the page that builds its snippet (partners/).
    "/agenda-integre/?categorie=formation&nombre=10",
    "/partager-l-agenda/?categorie=formation",
    "/",
]


def add_ateliers(index, count, start_number=0):
    """Published ateliers, one in five recurring weekly; built without revisions
    to keep the test fast, then their occurrences stored as publishing does. Left out
    of Wagtail's reference and search indexes, as load_demo builds (a third of the
    test's time at each save): none of the PAGES searches or reads the references."""
    category = Category.objects.get(slug="formation")
    members = list(MemberPage.objects.all()[:2])
    base = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    with disable_reference_index_auto_update(), search_index_built_at_the_end():
        for n in range(start_number, start_number + count):
            start = base + datetime.timedelta(hours=n)
            atelier = AtelierPage(
                title=f"Atelier {n}",
                slug=f"atelier-{n}",
                summary="Un atelier.",
                start=start,
                end=start + datetime.timedelta(hours=2),
                frequency="weekly" if n % 5 == 0 else "",
                repeat_until=(start + datetime.timedelta(weeks=8)).date() if n % 5 == 0 else None,
                registration_required=n % 2 == 0,
                places=8,
            )
            atelier.categories = [category]
            atelier.organisers = members
            index.add_child(instance=atelier)
            atelier.sync_occurrences()


def query_counts(client):
    today = timezone.localdate()
    counts = {}
    for page in PAGES:
        url = page.format(year=today.year, month=today.month)
        client.get(url)  # warm the site caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_agenda_pages_make_constant_queries_whatever_the_number_of_ateliers(agenda, client):
    add_ateliers(agenda, 20)
    with_20 = query_counts(client)
    add_ateliers(agenda, 280, start_number=20)
    assert AtelierPage.objects.count() == 300
    assert query_counts(client) == with_20
