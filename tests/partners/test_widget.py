"""The agenda on partners' sites: the filters → the frame's address → its list, the headers that
let any site frame it (and nothing else), no cookie, bad addresses, the page cache."""

import datetime

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from agenda.forms import AgendaFilters
from agenda.models import AgendaIndexPage, Category
from core.csp import PUBLIC_CSP, allows_frames
from home.models import MemberPage
from partners import widget
from tests.agenda.factories import make_atelier

WIDGET = "/agenda-integre/"
SHARE = "/partager-l-agenda/"


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def listed(response):
    return [h.get_text(strip=True) for h in html(response).select(".ateliers h2")]


@pytest.fixture
def ateliers(agenda):
    """A senior's atelier of Les Mulots in « formation », and two others."""
    soon = timezone.now() + datetime.timedelta(days=2)
    wanted = make_atelier(title="Tableur", audience="seniors", start=soon + datetime.timedelta(days=1))
    wanted.categories = [Category.objects.get(slug="formation")]
    wanted.organisers = [MemberPage.objects.get(slug="les-mulots")]
    wanted.save_revision().publish()
    make_atelier(title="Robots", audience="jeunes", start=soon)
    make_atelier(title="Passé", start=timezone.now() - datetime.timedelta(days=3))
    return wanted


def test_the_filters_give_the_frames_address_and_the_agendas(agenda, settings):
    settings.SITE_URL = "https://espace.example"
    filters = AgendaFilters({"categorie": "formation", "public": "seniors", "du": ""})
    look = widget.WidgetLook({"police": "serif", "nombre": "5"})
    assert (
        widget.widget_url(filters, look)
        == "https://espace.example/agenda-integre/?categorie=formation&public=seniors&police=serif"
    )
    assert widget.agenda_url(agenda, filters) == "https://espace.example/agenda/?categorie=formation&public=seniors"
    assert widget.widget_url(AgendaFilters({}), widget.WidgetLook({})) == "https://espace.example/agenda-integre/"


def test_a_look_it_does_not_know_is_the_default_one():
    look = widget.WidgetLook({"police": "Comic Sans", "nombre": "1000"})
    assert (look.font, look.count, look.query()) == ("systeme", 5, {})
    three = widget.WidgetLook({"nombre": "3"})
    assert (three.count, three.query()) == (3, {"nombre": "3"})


def test_the_snippet_is_the_frame_then_a_plain_link(agenda, settings):
    settings.SITE_URL = "https://espace.example"
    snippet = BeautifulSoup(
        widget.snippet(agenda, AgendaFilters({"public": "seniors"}), widget.WidgetLook({}), "L'espace"), "html.parser"
    )
    frame = snippet.find("iframe")
    assert frame["src"] == "https://espace.example/agenda-integre/?public=seniors"
    assert frame["title"] == "Prochains ateliers — L'espace"
    assert frame["referrerpolicy"] == "no-referrer"
    assert snippet.find("a")["href"] == "https://espace.example/agenda/?public=seniors"


def test_the_frame_lists_the_next_ateliers_the_filters_keep(ateliers, client):
    assert listed(client.get(WIDGET)) == ["Robots", "Tableur"]
    response = client.get(WIDGET, {"categorie": "formation", "public": "seniors", "membre": "les-mulots"})
    assert listed(response) == ["Tableur"]
    page = html(response)
    assert page.find("h1").get_text(strip=True).startswith("Prochains ateliers")
    links = page.select("a")
    assert all(link["target"] == "_top" for link in links)
    assert links[0]["href"] == ateliers.url
    assert links[-1]["href"].endswith("/agenda/?categorie=formation&public=seniors&membre=les-mulots")
    assert page.select_one(".dates time")["datetime"].startswith(timezone.localdate(ateliers.start).isoformat())
    assert listed(client.get(WIDGET, {"nombre": "3", "public": "jeunes"})) == ["Robots"]
    assert "Aucun atelier prévu" in client.get(WIDGET, {"du": "2000-01-01", "au": "2000-01-02"}).content.decode()


def test_the_font_is_one_of_a_few_system_ones(ateliers, client):
    assert html(client.get(WIDGET, {"police": "serif"})).body["class"] == ["font-serif"]
    elsewhere = client.get(WIDGET, {"police": "url(https://ailleurs.example/x.woff)"})
    assert html(elsewhere).body["class"] == ["font-systeme"]


def test_the_frame_loads_nothing_from_anyone_else_and_runs_no_script(ateliers, client):
    page = html(client.get(WIDGET))
    assert not page.find("script") and not page.find(style=True) and not page.find("img")
    assert [link["href"] for link in page.find_all("link")] == ["/static/css/widget.css"]


def test_only_the_frame_may_be_framed_by_any_site(ateliers, client):
    framed = client.get(WIDGET)
    assert "frame-ancestors *" in framed["Content-Security-Policy"]
    assert "script-src 'self'" in framed["Content-Security-Policy"]
    assert "X-Frame-Options" not in framed
    for path in (SHARE, "/agenda/", "/", "/agenda/calendrier.ics", "/introuvable/"):
        response = client.get(path)
        assert not allows_frames(response["Content-Security-Policy"]), path
        assert response["X-Frame-Options"] == "DENY", path
    # The share page frames ours only, as its preview.
    assert "frame-src 'self'" in client.get(SHARE)["Content-Security-Policy"]
    assert "frame-src 'none'" in PUBLIC_CSP


def test_the_frame_with_a_bad_filter_refuses_in_french_and_is_framed_still(ateliers, client):
    bad = [{"membre": "personne"}, {"categorie": "<script>"}, {"du": "hier"}, {"du": "2030-02-01", "au": "2030-01-01"}]
    for query in bad:
        response = client.get(WIDGET, query)
        assert response.status_code == 404, query
        assert "ne correspond à rien" in response.content.decode()
        assert listed(response) == []
        assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert client.get(WIDGET, {"police": "x" * 5000, "nombre": "-1"}).status_code == 200
    assert client.post(WIDGET).status_code == 405


@pytest.mark.parametrize("path", [WIDGET, f"{WIDGET}?public=seniors&police=large", SHARE, f"{SHARE}?public=seniors"])
def test_no_cookie_is_set(ateliers, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies


def test_the_frame_never_reads_the_session(ateliers, client):
    """No admin bar nor message in the frame: the same bytes for everyone, whatever cookies come."""
    response = client.get(WIDGET)
    assert "Cookie" not in response["Vary"]
    client.cookies["sessionid"] = "not-a-session"  # an editor's browser: left as it is
    again = client.get(WIDGET)
    assert again.content == response.content and not again.cookies


def test_the_share_page_builds_the_snippet_from_the_filters_and_previews_it(ateliers, client, settings):
    settings.SITE_URL = "https://espace.example"
    link = html(client.get("/agenda/", {"public": "seniors"})).find("a", string="Partager l'agenda sur votre site")
    assert link["href"] == f"{SHARE}?public=seniors"
    page = html(client.get(SHARE, {"public": "seniors", "police": "large", "membre": ""}))
    assert page.find("form")["method"] == "get"
    code = page.find("textarea", id="code-a-copier")
    assert code.has_attr("readonly")
    assert page.find("label", attrs={"for": "code-a-copier"})
    pasted = BeautifulSoup(code.get_text(), "html.parser")
    assert pasted.find("iframe")["src"] == "https://espace.example/agenda-integre/?public=seniors&police=large"
    # The preview is the same snippet, on this site whatever SITE_URL says.
    assert page.select_one(".partners-preview iframe")["src"] == "/agenda-integre/?public=seniors&police=large"
    assert page.select_one("#id_public option[selected]")["value"] == "seniors"


def test_the_share_page_names_a_bad_filter_and_gives_no_snippet(ateliers, client):
    response = client.get(SHARE, {"membre": "personne"})
    assert response.status_code == 200
    page = html(response)
    assert page.select_one(".error-summary a")["href"] == "#id_membre"
    assert not page.find("textarea") and not page.find("iframe")


def test_without_an_agenda_both_pages_are_not_found(ateliers, client):
    AgendaIndexPage.objects.get().unpublish()
    assert client.get(WIDGET).status_code == 404
    assert client.get(SHARE).status_code == 404


def test_the_frame_is_kept_by_the_page_cache_and_purged_with_the_agenda(
    ateliers, client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 30
    first = client.get(WIDGET, {"public": "seniors"})
    again = client.get(WIDGET, {"public": "seniors"})
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert "frame-ancestors *" in again["Content-Security-Policy"] and "X-Frame-Options" not in again
    assert not again.cookies
    with django_capture_on_commit_callbacks(execute=True):  # the purge runs once the publish commits
        make_atelier(title="Nouveau", audience="seniors")
    assert "Nouveau" in listed(client.get(WIDGET, {"public": "seniors"}))
    # A look it does not know is not kept: no one fills the cache with new values.
    client.get(WIDGET, {"police": "inconnue"})
    assert client.get(WIDGET, {"police": "inconnue"}).get("X-Cache") != "hit"
