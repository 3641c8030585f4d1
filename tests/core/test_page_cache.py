"""Public pages from the cache: kept for visitors without a session, emptied by any write to the
content, never holding a form's token, a cookie or one person's page."""

import datetime
import gzip

from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.test import Client, override_settings
from django.utils import timezone

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from agenda import registration
from agenda.models import AtelierPage, Registration
from booking import rules
from booking.models import Booking, Status
from booking.rules import make_email_token
from core import page_cache
from core.routing import CachedRoutesMixin, walk
from espace.middleware import TextGZipMiddleware
from home.models import HomePage, MemberPage

pytestmark = pytest.mark.django_db


def open_session():
    """A demo atelier taking registrations, and one of its sessions far enough ahead to register."""
    soon = timezone.now() + datetime.timedelta(days=3)
    atelier = AtelierPage.objects.live().filter(registration_required=True, occurrences__start__gt=soon).first()
    return atelier, atelier.occurrences.filter(start__gt=soon, cancelled=False).first()


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


def test_a_page_is_rendered_once_then_served_from_the_cache(home_page, client, django_assert_num_queries):
    first = client.get("/")
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get("/")
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    # The browser asks each time and is answered « not modified » while the page is kept.
    assert again["Cache-Control"] == "no-cache"
    assert client.get("/", HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


def test_the_security_headers_are_on_a_kept_page_too(home_page, client):
    client.get("/")
    again = client.get("/")
    assert again["X-Cache"] == "hit"
    assert "default-src 'self'" in again["Content-Security-Policy"]
    assert again["X-Frame-Options"] == "DENY"


def test_a_kept_page_goes_compressed_to_a_browser_that_accepts_it(home_page, client):
    plain = client.get("/")
    compressed = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["X-Cache"] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3


def test_publishing_a_change_shows_at_once(home_page, client, commits):
    client.get("/")

    def publish():
        home = HomePage.objects.get()
        home.intro = "Venez nombreux samedi au fablab"
        home.save_revision().publish()

    commits(publish)
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Venez nombreux samedi au fablab" in response.content.decode()


def test_unpublishing_a_member_page_removes_it_from_the_listing_at_once(home_page, client, commits):
    member = MemberPage.objects.get(slug="les-mulots")
    url = member.url
    assert "Les Mulots" in client.get("/le-collectif/").content.decode()
    assert client.get(url).status_code == 200
    commits(member.unpublish)
    assert client.get(url).status_code == 404
    assert "Les Mulots" not in client.get("/le-collectif/").content.decode()


def test_a_registration_updates_the_places_left_at_once(home_page, client, commits):
    atelier, occurrence = open_session()
    before = client.get(atelier.url)
    client.get(atelier.url)

    commits(lambda: registration.register(occurrence, "Annie", "annie@exemple.fr", 2))
    after = client.get(atelier.url)
    assert after["X-Cache"] == "miss"
    assert after.content != before.content


def test_a_visitor_with_a_session_never_gets_a_kept_page(home_page, client):
    client.get("/")
    editor = Client()
    editor.force_login(User.objects.create_superuser("editrice", "editrice@exemple.fr", "mot-de-passe-long"))
    response = editor.get("/")
    assert "X-Cache" not in response
    assert client.get("/")["X-Cache"] == "hit"  # nor is the editor's page kept for others


def test_a_message_waiting_for_the_visitor_is_not_hidden_by_a_kept_page(home_page, client):
    client.get("/")
    client.cookies["messages"] = "un-message"
    assert "X-Cache" not in client.get("/")


def test_a_page_with_a_form_is_never_kept_and_its_form_posts(home_page, client):
    atelier, occurrence = open_session()
    client.get(atelier.url)
    assert client.get(atelier.url)["X-Cache"] == "hit"  # the atelier page itself is kept
    form_url = f"{atelier.url}s-inscrire/{occurrence.pk}/"
    form_page = client.get(form_url)
    assert "X-Cache" not in form_page
    assert "csrftoken" in form_page.cookies
    assert "private" in form_page["Cache-Control"]
    csrf_client = Client(enforce_csrf_checks=True)
    token = csrf_client.get(form_url).cookies["csrftoken"].value
    payload = {"name": "Annie", "email": "annie@exemple.fr", "people": "1", "website": "", "form_key": "k1"}
    sent = csrf_client.post(form_url, {**payload, "csrfmiddlewaretoken": token})
    assert sent.status_code == 201
    assert Registration.objects.filter(email="annie@exemple.fr").exists()


def test_one_persons_page_behind_a_signed_link_is_never_kept(home_page, client):
    url = f"/reserver/mes-reservations/{make_email_token('annie@exemple.fr')}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_the_email_shown_on_request_comes_from_a_get_form_that_keeps_the_page_cached(home_page, client):
    member = MemberPage.objects.get(slug="les-mulots")
    client.get(member.url)
    assert client.get(member.url)["X-Cache"] == "hit"
    shown = client.get(member.url, {"courriel": "1"})
    assert f'href="mailto:{member.email}"' in shown.content.decode()
    assert "X-Cache" not in shown  # an unknown query string is served, not kept


@pytest.mark.parametrize("query", ["?q=mot+de+passe", "?utm_source=lettre", "?page=1&x=1"])
def test_free_text_and_unknown_query_strings_are_not_kept(home_page, client, query):
    client.get("/ressources/" + query)
    assert "X-Cache" not in client.get("/ressources/" + query)


def test_listing_filters_and_pages_are_kept_apart(home_page, client):
    client.get("/agenda/?public=seniors")
    assert client.get("/agenda/?public=seniors")["X-Cache"] == "hit"
    assert client.get("/agenda/?public=jeunes")["X-Cache"] == "miss"


def test_the_admin_and_errors_are_never_kept(home_page, client):
    for path in ("/admin/login/", "/cette-page-n-existe-pas/"):
        client.get(path)
        assert "X-Cache" not in client.get(path)


@override_settings(PAGE_CACHE_SECONDS=0)
def test_no_page_is_kept_when_the_cache_is_switched_off(home_page, client):
    client.get("/")
    assert "X-Cache" not in client.get("/")


def test_writes_that_change_no_public_page_keep_the_cache(home_page, client, commits):
    client.get("/")
    commits(lambda: User.objects.create_user("personne"))
    assert client.get("/")["X-Cache"] == "hit"


def test_a_lost_generation_never_brings_back_older_pages(home_page, client):
    client.get("/")
    cache.delete(page_cache.generation_key(page_cache.SITE))
    assert client.get("/")["X-Cache"] == "miss"
    page_cache.purge()
    assert client.get("/")["X-Cache"] == "miss"


def test_moving_a_page_moves_it_in_the_kept_menu_and_addresses_at_once(home_page, client, commits):
    project = Page.objects.get(slug="le-projet")
    assert client.get("/le-projet/").status_code == 200
    assert menu_links(client.get("/")) == ["/le-projet/", "/le-collectif/", "/agenda/", "/ressources/", "/reserver/"]
    commits(lambda: project.move(Page.objects.get(slug="le-collectif"), pos="last-child"))
    assert client.get("/le-projet/")["Location"] == "/le-collectif/le-projet/"  # Wagtail's own redirect
    assert client.get("/le-collectif/le-projet/").status_code == 200
    assert menu_links(client.get("/")) == ["/le-collectif/", "/agenda/", "/ressources/", "/reserver/"]


def menu_links(response):
    return [link["href"] for link in BeautifulSoup(response.content, "html.parser").select(".main-nav a")]


def test_a_session_cancelled_by_its_team_shows_cancelled_at_once(home_page, client, commits):
    atelier, occurrence = open_session()
    client.get(atelier.url)
    commits(lambda: registration.cancel_occurrence(occurrence))  # conditional UPDATEs, no post_save
    after = client.get(atelier.url)
    assert after["X-Cache"] == "miss"
    assert "Annulé" in after.content.decode()


def test_a_booking_whose_status_moves_frees_or_takes_its_slot_at_once(home_page, client, commits):
    booking = Booking.objects.filter(status=Status.CONFIRMED, start__gt=timezone.now()).select_related("room").first()
    url = f"/reserver/{booking.room.slug}/?semaine={booking.start.date().isoformat()}"
    client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    commits(lambda: rules.cancel(booking))
    assert client.get(url)["X-Cache"] == "miss"


def test_a_hostile_host_header_gets_a_400_not_a_kept_page(home_page, client):
    client.get("/")
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_kept_routes_lead_where_wagtail_leads(home_page, settings, commits):
    editor = Client()
    editor.cookies["sessionid"] = "not-a-session"  # rendered each time: routes come from what is kept
    for path in ("/agenda/mois/2026/12/", "/ressources/alternatives/", "/le-collectif/les-mulots/"):
        first, again = editor.get(path), editor.get(path)
        assert first.status_code == again.status_code == 200
        assert again.context["page"].pk == first.context["page"].pk
    assert editor.get("/le-collectif/personne/").status_code == 404
    commits(MemberPage.objects.get(slug="les-mulots").unpublish)
    assert editor.get("/le-collectif/les-mulots/").status_code == 404


def route_outcome(route):
    try:
        page, args, kwargs = route()
    except Http404:
        return "404"
    view, view_args, view_kwargs = args or (None, (), {})
    return type(page), page.pk, view and view.__name__, view_args, view_kwargs, kwargs


def test_the_walk_with_nothing_kept_leads_where_wagtail_leads(home_page, rf):
    wagtail_route = super(CachedRoutesMixin, HomePage).route
    Page.objects.filter(slug="le-collectif").update(live=False)  # a member page under a page not live
    Page.objects.filter(slug="repair-cafe").update(live=False)
    paths = ["/le-collectif/les-mulots/", "/le-collectif/les-mulots/facile-a-lire/", "/le-collectif/", "/agenda/"]
    paths += ["/agenda/mois/2026/12/", "/agenda/mois/2026/12/affiche/", "/agenda/repair-cafe/", "/agenda/archives/"]
    paths += ["/ressources/alternatives/", "/ressources/choisir-ses-mots-de-passe/imprimer/", "/facile-a-lire/"]
    paths += ["/ressources/choisir-ses-mots-de-passe/", "/le-collectif/personne/", "/ressources/x/imprimer/", "/x/"]
    outcomes = []
    for path in paths:
        components = [part for part in path.split("/") if part]
        ours = route_outcome(lambda: walk(home_page, wagtail_route, rf.get(path), components))  # noqa: B023
        theirs = route_outcome(lambda: wagtail_route(home_page, rf.get(path), components))  # noqa: B023
        assert ours == theirs, path
        outcomes.append(ours)
    assert outcomes.count("404") == 5  # the two pages not live, and the three that are not there


@pytest.mark.parametrize(
    ("content_type", "compressed"),
    [("text/html; charset=utf-8", True), ("text/calendar", True), ("image/webp", False), ("application/pdf", False)],
)
def test_only_text_is_compressed(rf, content_type, compressed):
    middleware = TextGZipMiddleware(lambda request: HttpResponse(b"a" * 2000, content_type=content_type))
    response = middleware(rf.get("/", HTTP_ACCEPT_ENCODING="gzip"))
    assert (response.get("Content-Encoding") == "gzip") is compressed


def test_kept_filter_options_render_as_read_from_the_database(home_page, settings):
    def selects(path):
        editor = Client()
        editor.cookies["sessionid"] = "not-a-session"
        editor.get(path)
        return [str(select) for select in BeautifulSoup(editor.get(path).content, "html.parser").select("select")]

    path = "/agenda/?categorie=formation&membre=les-mulots"
    kept = selects(path)
    settings.PAGE_CACHE_SECONDS = 0
    assert kept == selects(path)
    assert '<option selected="" value="les-mulots">' in "".join(kept)


@pytest.mark.parametrize(
    ("path", "invalid", "valid"),
    [
        ("/agenda/", "?page=", "?page=1"),
        ("/le-collectif/", "?service=", None),
        ("/ressources/", "?theme=", None),
        ("/agenda/", "?categorie=", None),
    ],
)
def test_only_valid_values_of_the_known_query_keys_are_kept(home_page, client, monkeypatch, path, invalid, valid):
    """300 random values used to add 600 entries (9 MiB): a value no page has is never kept."""
    from django.core.cache import cache

    client.get(path)  # the menus, settings and listings every render keeps, once
    kept, real_set = [], cache.set
    monkeypatch.setattr(cache, "set", lambda key, *args, **kwargs: kept.append(key) or real_set(key, *args, **kwargs))
    for number in range(30):
        value = f"{invalid}{number + 900}x"
        response = client.get(path + value)
        assert response.status_code == 200 and response.get("X-Cache") != "hit", value
    assert kept == []
    if valid:
        client.get(path + valid)
        assert client.get(path + valid)["X-Cache"] == "hit"
