"""« Facile à lire »: the switch at the top of a page (a plain link, no JavaScript), the
version with a picture per idea, found by search, the box « relu par des personnes
concernées » that only Coordination ticks."""

from django.contrib.auth import get_user_model

import pytest
from bs4 import BeautifulSoup

from agenda.models import AtelierPage
from home.models import HomePage, MemberPage, StandardPage
from resources.models import GuidePage

pytestmark = pytest.mark.django_db

# The demo's easy-read versions: the home page, two guides, two ateliers.
DEMO_EASY_READ = [
    "/",
    "/ressources/choisir-ses-mots-de-passe/",
    "/ressources/demarches-en-ligne-sans-piege/",
    "/agenda/premiers-pas-ordinateur/",
    "/agenda/repair-cafe/",
]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("path", DEMO_EASY_READ)
def test_a_page_with_an_easy_read_version_links_it_at_the_top(client, home_page, path):
    html = soup(client.get(path))
    switch = html.select_one("main .easy-read-switch a")
    assert switch.get_text(strip=True) == "Lire cette page en «\u00a0Facile à lire\u00a0»"
    assert switch["href"] == f"{path}facile-a-lire/"
    # at the top: right after the page's title
    assert switch.find_parent("p").find_previous_sibling("h1") is not None


@pytest.mark.parametrize("path", DEMO_EASY_READ)
def test_the_easy_read_version_has_a_described_picture_per_idea_and_says_if_it_was_reviewed(client, home_page, path):
    response = client.get(f"{path}facile-a-lire/")
    assert response.status_code == 200
    html = soup(response)
    ideas = html.select(".easy-read__idea")
    assert len(ideas) >= 4
    for idea in ideas:
        assert idea.find("img")["alt"], idea
        assert idea.find("p").get_text(strip=True)
    assert "Ce texte n'a pas encore été relu par des personnes concernées." in html.get_text()
    back = html.select_one(".easy-read-switch a")
    assert back["href"] == path and back.get_text(strip=True) == "Revenir à la page complète"


def test_a_page_without_easy_read_version_shows_no_switch_and_its_route_is_not_found(client, home_page):
    page = StandardPage.objects.get(slug="le-projet")
    assert soup(client.get(page.url)).select_one(".easy-read-switch") is None
    assert client.get(f"{page.url}facile-a-lire/").status_code == 404


def idea(text):
    return ("idea", {"picture": None, "text": text})


@pytest.mark.parametrize("model", [StandardPage, MemberPage, GuidePage, AtelierPage])
def test_every_page_type_that_carries_one_serves_it(client, home_page, model):
    page = model.objects.live().exclude(easy_read__isnull=True).first()
    page.easy_read = [idea("Une idée simple pour tout le monde.")]
    page.save_revision().publish()
    response = client.get(f"{page.url}facile-a-lire/")
    assert response.status_code == 200
    assert "Une idée simple pour tout le monde." in response.content.decode()


def test_the_reviewed_box_shows_on_the_page(client, home_page):
    home = HomePage.objects.get()
    home.easy_read_reviewed = True
    home.save_revision().publish()
    assert "Ce texte a été relu par des personnes concernées." in soup(client.get("/facile-a-lire/")).get_text()


def test_search_finds_a_page_by_the_words_of_its_easy_read_version(client, home_page):
    # « girafepianosoupelune » is only in the easy-read version of the passwords guide.
    html = soup(client.get("/recherche/?q=girafepianosoupelune"))
    assert [a["href"] for a in html.select(".search-results h3 a")] == ["/ressources/choisir-ses-mots-de-passe/"]


def test_the_library_search_finds_a_guide_by_its_easy_read_words(client, home_page):
    html = soup(client.get("/ressources/?q=girafepianosoupelune"))
    assert "Choisir et retenir de bons mots de passe" in html.get_text()


# Only Coordination ticks « relu par des personnes concernées » --------------------------


def edit_form(client, username, page):
    client.force_login(get_user_model().objects.get(username=username))
    return client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_coordination_sees_the_reviewed_box(client, home_page):
    page = MemberPage.objects.get(slug="les-mulots")
    html = edit_form(client, "coordination", page)
    assert 'name="easy_read_reviewed"' in html
    assert 'data-contentpath="easy_read"' in html


def test_a_member_writes_the_easy_read_version_but_cannot_tick_reviewed(client, home_page):
    page = MemberPage.objects.get(slug="les-mulots")
    html = edit_form(client, "mulots", page)
    assert 'name="easy_read_reviewed"' not in html
    assert 'data-contentpath="easy_read"' in html


def test_kept_routes_lead_to_the_easy_read_versions_the_home_pages_own_included(client, home_page, settings):
    """The root page routes its own sub-route itself, instead of handing it back to itself."""
    settings.PAGE_CACHE_SECONDS = 30
    client.cookies["sessionid"] = "not-a-session"  # rendered each time: routes come from what is kept
    for path in ("/facile-a-lire/", "/agenda/repair-cafe/facile-a-lire/"):
        first, again = client.get(path), client.get(path)
        assert first.status_code == again.status_code == 200, path
        assert "(Facile à lire)" in again.content.decode()
