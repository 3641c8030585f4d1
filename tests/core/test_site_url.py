"""Every absolute link starts with SITE_URL, whatever host the request came on."""

import json

from django.core.management import call_command

from wagtail.models import Site

import icalendar
import pytest
from bs4 import BeautifulSoup

from core.site import absolute_url, parse_site_url, sync_site_record
from tests.agenda.factories import make_atelier

PUBLIC = "https://espace.example"


@pytest.fixture
def public_address(settings, home_page):
    settings.SITE_URL = PUBLIC
    sync_site_record()


def test_the_site_record_follows_the_site_address(public_address):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("espace.example", 443, PUBLIC)


def test_migrate_keeps_the_site_record_in_step(settings, home_page):
    settings.SITE_URL = "http://127.0.0.1:8123"
    call_command("migrate", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8123"


@pytest.mark.parametrize(
    ("value", "parts"),
    [
        ("https://espace.example", ("https", "espace.example", 443)),
        ("http://127.0.0.1:8000", ("http", "127.0.0.1", 8000)),
    ],
)
def test_a_site_address_is_read_into_scheme_host_and_port(value, parts):
    assert parse_site_url(value) == parts


def test_feeds_json_ld_canonical_and_robots_point_at_the_site_address(public_address, client):
    atelier = make_atelier(slug="atelier-adresse")
    client.defaults["HTTP_HOST"] = "127.0.0.1"  # another name of the same server
    page = BeautifulSoup(client.get(atelier.url).content, "html.parser")
    assert page.find("link", rel="canonical")["href"] == absolute_url(atelier.url)
    blocks = [json.loads(tag.string) for tag in page.find_all("script", type="application/ld+json")]
    events = [item for block in blocks for item in (block if isinstance(block, list) else [block])]
    assert {event["url"] for event in events if event.get("@type") == "Event"} == {PUBLIC + atelier.url}
    [event] = icalendar.Calendar.from_ical(client.get(atelier.ical_url).content).walk("VEVENT")
    assert str(event["url"]) == PUBLIC + atelier.url
    [agenda_event] = [
        e
        for e in icalendar.Calendar.from_ical(client.get("/agenda/calendrier.ics").content).walk("VEVENT")
        if str(e["url"]) == PUBLIC + atelier.url
    ]
    assert agenda_event
    atom = client.get("/agenda/flux.xml").content.decode()
    assert f'href="{PUBLIC}/agenda/"' in atom and "127.0.0.1" not in atom
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in client.get("/robots.txt").content.decode()
    assert f"<loc>{PUBLIC}/" in client.get("/sitemap.xml").content.decode()
