"""The guard that finds the next 500: every public URL of the demo site (the URL
resolver's patterns, the page tree, and what their pages link to), each query
parameter and form field it uses, sent hostile values. Nothing may answer 5xx or
show a traceback, store a booking or a registration, or send a mail."""

import re
from urllib.parse import parse_qsl, quote, urlsplit

from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from agenda.models import Registration
from booking.models import Booking

HOSTILE = [
    "%00",  # NUL byte
    "a" * 5000,
    "9" * 40,  # huge number
    "-1",
    "9999-12-31",
    "0000-00-00",
    "%FF%FE",  # not UTF-8
    "pas-un-choix",
    "<script>alert(1)</script>",
    "'; DROP TABLE booking_booking; --",
]
SKIP_PREFIXES = ("/admin/", "/documents/", "/dev/", "/media/", "/static/")
MAX_PAGES = 110  # the demo's past season adds four atelier pages, the open data six files
FILES = re.compile(r"\.(pdf|jpg|jpeg|png|webp|svg|odt|ods|zip)$")  # documents and images, not pages


def plain_patterns(patterns=None, prefix=""):
    """The paths of the resolver's patterns that take no parameter."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += plain_patterns(pattern.url_patterns, text)
        elif isinstance(pattern, URLPattern) and "<" not in text and "(" not in text:
            found.append("/" + text.lstrip("^").rstrip("$"))
    return [path for path in found if not path.startswith(SKIP_PREFIXES)]


def site_links(soup, seen_params):
    """Same-site paths a parsed page links to; records the query parameters each path uses."""
    paths = []
    for link in soup.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
            continue
        paths.append(parts.path)
        seen_params.setdefault(parts.path, set()).update(name for name, _ in parse_qsl(parts.query))
    return paths


def forms_of(soup):
    """[(method, action or None, field names)] of the parsed page's forms."""
    found = []
    for form in soup.find_all("form"):
        names = {field["name"] for field in form.find_all(["input", "select", "textarea"], attrs={"name": True})}
        names.discard("csrfmiddlewaretoken")
        found.append((form.get("method", "get").lower(), form.get("action") or None, names))
    return found


def assert_sound(response, what):
    assert response.status_code < 500, what
    body = response.content.decode(errors="replace") if not response.streaming else ""
    assert "Traceback" not in body and "Exception Value" not in body, what


@pytest.mark.django_db
def test_hostile_values_in_every_parameter_and_field_never_break_the_site(demo_site):
    client = Client(raise_request_exception=False)
    bookings, registrations = Booking.objects.count(), Registration.objects.count()
    mail.outbox.clear()
    queue = ["/", *plain_patterns(), *(page.url for page in Page.objects.live().public().specific() if page.url)]
    seen, params, forms, sent = set(), {}, {}, 0
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIP_PREFIXES) or FILES.search(path):
            continue
        seen.add(path)
        response = client.get(path)  # feeds (.ics, .xml) too: asked as they are
        assert_sound(response, path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(response.content.decode(), "html.parser")  # once for links and forms
        queue += site_links(soup, params)
        for method, action, names in forms_of(soup):
            target = urlsplit(action).path if action else path
            forms.setdefault((method, target), set()).update(names)
            if method == "get":
                params.setdefault(target, set()).update(names)

    for path, names in params.items():
        for name in sorted(names):
            for value in HOSTILE:
                response = client.generic("GET", f"{path}?{quote(name)}={value}")
                assert_sound(response, f"GET {path}?{name}={value[:20]}")
                sent += 1
            response = client.generic("GET", f"{path}?{quote(name)}=a&{quote(name)}=b")  # a list, not a value
            assert_sound(response, f"GET {path}?{name}=a&{name}=b")
            sent += 1
    for index, ((method, target), names) in enumerate(forms.items()):
        if method != "post" or target.startswith(SKIP_PREFIXES):
            continue
        # Each form from its own address: from one, the forms' hourly limits (per address)
        # would answer 429 before the form reads a field.
        address = f"10.0.{index // 250}.{index % 250 + 1}"
        for value in HOSTILE:
            body = "&".join(f"{quote(name)}={value}" for name in sorted(names))
            response = client.generic(
                "POST", target, body, content_type="application/x-www-form-urlencoded", REMOTE_ADDR=address
            )
            assert_sound(response, f"POST {target} = {value[:20]}")
            assert response.status_code != 429, f"POST {target} = {value[:20]}: refused before its form"
            sent += 1

    assert len(seen) >= 40, "the crawl reached too few pages to mean anything"
    assert sent >= 500
    assert (Booking.objects.count(), Registration.objects.count()) == (bookings, registrations)
    assert mail.outbox == []
