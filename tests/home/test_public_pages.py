from django.db import connection
from django.test.utils import CaptureQueriesContext

from bs4 import BeautifulSoup

from core import demo_data
from home.models import StandardPage


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_the_collective_its_six_stakes_and_the_bootic_figures(home_page, client):
    html = soup(client.get("/"))
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == "Espace numérique du Pays de Redon"  # the site, not « Accueil »
    stakes = [h.get_text(strip=True) for h in html.select(".card-grid")[0].select(".card__title")]
    assert stakes == ["Social", "Environnemental", "Économique", "Gouvernance", "Culturel", "Éducatif"]
    figures = {fig.dd.get_text(strip=True) for fig in html.select(".key-figure")}
    assert {"261", "14", "17"} <= figures


def test_pages_describe_themselves_to_search_engines_and_link_previews(home_page, client):
    page = StandardPage.objects.get(slug="le-projet")
    html = soup(client.get(page.url))
    assert html.find("meta", attrs={"name": "description"})["content"] == page.intro[:300]
    assert html.find("meta", property="og:title")["content"] == "Le projet"
    assert html.find("meta", property="og:url")["content"].endswith("/le-projet/")
    assert html.find("link", rel="canonical")


def test_menu_lists_pages_marked_for_menus_and_marks_the_current_one(home_page, client):
    html = soup(client.get("/le-projet/"))
    menu = html.find("nav", attrs={"aria-label": "Menu principal"})
    links = {a.get_text(strip=True): a for a in menu.find_all("a")}
    assert "Le projet" in links and "Mentions légales" not in links
    assert links["Le projet"]["aria-current"] == "page"


def test_footer_shows_the_espace_contact_and_the_legal_pages(home_page, client):
    footer = soup(client.get("/")).find("footer")
    assert demo_data.read("home", "site")["settings"]["email"] in footer.get_text()
    assert {a.get_text(strip=True) for a in footer.find_all("a")} >= {"Mentions légales", "Données personnelles"}


def test_breadcrumbs_on_a_sub_page_lead_back_home(home_page, client):
    nav = soup(client.get("/le-projet/")).find("nav", attrs={"aria-label": "Fil d'Ariane"})
    assert [a["href"] for a in nav.find_all("a")] == ["/", "/le-projet/"]


def test_skip_link_targets_the_main_content(home_page, client):
    html = soup(client.get("/"))
    skip = html.find("a", class_="skip-link")
    assert skip["href"] == "#contenu" and html.find("main")["id"] == "contenu"


def test_unknown_page_is_a_404_in_the_site_design(home_page, client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in soup(response).h1.get_text()


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_every_published_page(home_page, client):
    body = client.get("/sitemap.xml").content.decode()
    for slug in ["le-projet", "mentions-legales", "donnees-personnelles"]:
        assert f"/{slug}/</loc>" in body


def test_home_page_query_count_stays_constant_as_content_grows(home_page, client, django_assert_num_queries):
    client.get("/")  # warm the site-root cache, as any running server has
    with CaptureQueriesContext(connection) as baseline:
        client.get("/")
    for n in range(30):
        home_page.add_child(instance=StandardPage(title=f"Page {n}", slug=f"page-{n}", show_in_menus=True))
    with django_assert_num_queries(len(baseline)):
        response = client.get("/")
    assert "Page 29" in response.content.decode()


def test_server_error_page_renders_without_touching_the_database(db, django_assert_num_queries):
    from django.template.loader import render_to_string

    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Une erreur est survenue" in html and 'lang="fr"' in html
