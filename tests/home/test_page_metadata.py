"""What search engines and link previews read of every public page: each address in the
sitemap is served, declares itself as canonical (og:url the same), has a title and an image
for previews; pages that plain views serve are in the sitemap too; dates in <time datetime>
are valid HTML (no microseconds)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from home.models import MemberPage

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# HTML's valid date, or date and time with at most milliseconds and an offset.
HTML_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$")


SITE = "http://testserver"  # SITE_URL in the test settings


@pytest.fixture
def sitemap_urls(home_page, client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (the site's own sitemap)
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def meta(page, name):
    found = page.find("meta", property=name)
    return found["content"] if found else None


def test_pages_served_by_plain_views_and_public_sub_routes_are_in_the_sitemap(sitemap_urls):
    paths = {url.removeprefix(SITE) for url in sitemap_urls}
    assert {
        "/reserver/",
        "/suivre-les-ateliers/",
        "/donnees-ouvertes/",
        "/ressources/alternatives/",
        "/agenda/archives/",
    } <= paths
    assert any(re.fullmatch(r"/reserver/[\w-]+/", path) for path in paths - {"/reserver/"})
    assert all(url.startswith(f"{SITE}/") for url in sitemap_urls)


def test_every_page_of_the_sitemap_is_its_own_canonical_with_a_title_and_an_image(sitemap_urls, client):
    for url in sitemap_urls:
        response = client.get(url.removeprefix(SITE))
        assert response.status_code == 200, url
        page = BeautifulSoup(response.content, "html.parser")
        assert page.find("link", rel="canonical")["href"] == url
        assert meta(page, "og:url") == url
        title = meta(page, "og:title")
        assert title and page.title.get_text().startswith(title), url
        assert meta(page, "og:image") == f"{SITE}/static/img/partage.png"
        for time in page.find_all("time"):
            assert HTML_DATETIME.match(time["datetime"]), (url, time["datetime"])


def test_a_filtered_list_points_search_engines_at_the_list_itself(home_page, client, settings):
    settings.SITE_URL = "https://espace.example"  # canonical addresses are at SITE_URL, whatever the host asked
    page = BeautifulSoup(client.get("/ressources/alternatives/?categorie=bureautique").content, "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://espace.example/ressources/alternatives/"


def test_a_page_for_one_person_is_not_indexed_and_declares_no_canonical(home_page, client):
    page = BeautifulSoup(client.get("/reserver/mes-reservations/").content, "html.parser")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert page.find("link", rel="canonical") is None


def test_a_member_organization_has_its_logo_for_search_engines(home_page, client, settings):
    settings.SITE_URL = "https://espace.example"
    page = BeautifulSoup(client.get(MemberPage.objects.get(slug="les-mulots").url).content, "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Organization"
    assert re.fullmatch(r"https://espace\.example/media/original_images/logo-les-mulots.*\.png", data["logo"])
