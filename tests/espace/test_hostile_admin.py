"""The hostile-input crawl, in the admin as a member: every admin page a member's links
reach (lists, edit forms, history, usage, reports and exports), each query parameter they
use sent hostile values. Nothing may answer 5xx or show a traceback, and GETs change nothing.

The values sent are split between two files, so that pytest-xdist's two processes share
them (each takes a whole file): this one sends them to every view but the page views,
test_hostile_admin_pages.py to the page views. Both walk the whole admin first."""

import re
from urllib.parse import quote, urldefrag, urlsplit

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

import pytest
from bs4 import BeautifulSoup

from home.models import MemberPage
from reports.models import CounterEntry, CounterKind
from tests.espace.test_hostile_input import assert_sound, forms_of, site_links

HOSTILE = ["%00", "²", "¹²", "①", "9" * 40, "-1", "0000-00-00", "0001-01-01", "<script>alert(1)</script>", "a" * 3000]
# Leaving the admin, or the pages that answer one person's own account (password, 2FA, logout).
SKIP = re.compile(r"^/admin/(logout|login|password_reset|2fa|account)/|^/admin/.*/(delete|unpublish|revisions)/")
MAX_PAGES = 160
# What a member may always reach, whether or not a link leads there.
SEEDS = [
    "/admin/",
    "/admin/rapport-activite/",
    "/admin/rapport-activite/rapport.csv",
    "/admin/rapport-activite/rapport.ods",
    "/admin/rapport-activite/imprimer/",
    "/admin/snippets/reports/counterentry/",
    "/admin/agenda/registration/",
    "/admin/agenda/registration/?export=csv",
    "/admin/booking/booking/",
    "/admin/reports/site-history/",
]
# The page views (explorer, edit, history, usage): about half of the values sent.
PAGE_VIEWS = re.compile(r"^/admin/pages/")


def shape(path):
    """/admin/pages/12/edit/ and /admin/pages/13/edit/ are one view: each is asked hostile values once."""
    return re.sub(r"/\d+/", "/N/", path)


# What a GET writes by design: login records, the editors' sessions on an open edit form,
# the renditions of the pictures a page shows, the subscription to a page's comments that
# Wagtail makes when its edit form opens.
WRITTEN_BY_READING = {"axes", "wagtailadmin", "sessions"}
WRITTEN_MODELS = {"wagtailimages.Rendition", "wagtailcore.PageSubscription"}


def database_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label not in WRITTEN_BY_READING and model._meta.label not in WRITTEN_MODELS
    }


def walk_the_admin_then_send_hostile_values(part):
    """Walks the admin as a member from SEEDS, then sends HOSTILE to each query parameter
    of each view whose shape `part` (a predicate) claims; checks every answer."""
    member = get_user_model().objects.get(username="clicnpuces")
    entry = CounterEntry.objects.create(
        kind=CounterKind.objects.first(), value=3, member=MemberPage.objects.get(slug="clic-n-puces")
    )
    client = Client(raise_request_exception=False)
    client.force_login(member)
    seeds = SEEDS + [f"/admin/snippets/reports/counterentry/{view}/{entry.pk}/" for view in ("history", "usage")]
    before = database_counts()
    mail.outbox.clear()

    queue, seen, params, shapes, asked = list(seeds), set(), {}, set(), 0
    while queue and len(seen) < MAX_PAGES:
        address = urldefrag(queue.pop(0))[0]  # the client never sends the fragment: one request
        path = urlsplit(address).path
        if address in seen or not path.startswith("/admin/") or SKIP.search(path):
            continue
        seen.add(address)
        response = client.get(address)
        assert_sound(response, address)
        asked += 1
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content.decode(), "html.parser")  # once for links and forms
        for link in soup.find_all("a", href=True):
            href = link["href"]
            if href.startswith("/admin/") and shape(urlsplit(href).path) not in shapes or "export=" in href:
                queue.append(href)
        shapes.add(shape(path))
        site_links(soup, params)
        for method, action, names in forms_of(soup):
            if method == "get":
                params.setdefault(urlsplit(action).path if action else path, set()).update(names)

    walked = {shape(path) for path in params}
    for path in sorted(walked):
        names = next(names for candidate, names in params.items() if shape(candidate) == path)
        if SKIP.search(path) or not path.startswith("/admin/") or not part(path):
            continue
        concrete = next(candidate for candidate in params if shape(candidate) == path)
        for name in sorted(names):
            for value in HOSTILE:
                response = client.generic("GET", f"{concrete}?{quote(name)}={quote(value, safe='%')}")
                assert_sound(response, f"GET {concrete}?{name}={value[:20]}")
                asked += 1

    assert len(seen) >= 40, f"the walk reached too few admin pages to mean anything ({len(seen)})"
    assert {"history", "usage", "rapport-activite", "export"} <= {
        word for address in seen for word in ("history", "usage", "rapport-activite", "export") if word in address
    }
    assert asked >= 300
    assert database_counts() == before, "a GET changed the database"
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_member_walking_the_admin_with_hostile_values_never_breaks_it(demo_site):
    walk_the_admin_then_send_hostile_values(lambda path: not PAGE_VIEWS.search(path))
