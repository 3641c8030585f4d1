"""The open data addresses over HTTP: types, the page cache, hostile requests, the page that lists them."""

from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from home.models import MemberPage
from tests.opendata.conftest import ALL_URLS, SESSIONS_URL

CONTENT_TYPES = {
    "/donnees-ouvertes/structures.json": "application/json",
    "/donnees-ouvertes/structures.csv": "text/csv; charset=utf-8",
    "/donnees-ouvertes/services.json": "application/json",
    "/donnees-ouvertes/services.csv": "text/csv; charset=utf-8",
    SESSIONS_URL: "application/ld+json",
}


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.mark.parametrize("url", ALL_URLS)
def test_each_file_has_its_type_and_may_be_read_by_any_site(home_page, client, url):
    response = client.get(url)
    assert response["Content-Type"] == CONTENT_TYPES[url]
    assert response["Access-Control-Allow-Origin"] == "*"
    if url.endswith(".csv"):
        assert response["Content-Disposition"] == f'attachment; filename="{url.rsplit("/", 1)[1]}"'
        response.content.decode("utf-8")  # UTF-8, or this raises


@pytest.mark.parametrize("url", ALL_URLS)
def test_a_kept_file_keeps_its_type_and_its_open_access(home_page, client, page_cache_on, url):
    first = client.get(url)
    again = client.get(url)
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert again["Content-Type"] == CONTENT_TYPES[url]
    assert again["Access-Control-Allow-Origin"] == "*"


def test_publishing_a_member_page_changes_the_kept_files_at_once(
    home_page, client, page_cache_on, django_capture_on_commit_callbacks
):
    urls = ["/donnees-ouvertes/structures.json", "/donnees-ouvertes/services.csv", "/donnees-ouvertes/"]
    for url in urls:
        client.get(url)
    member = MemberPage.objects.get(slug="les-mulots")
    member.summary = "Apprendre le numérique pas à pas, à Redon."
    with django_capture_on_commit_callbacks(execute=True):
        member.save_revision().publish()
    responses = {url: client.get(url) for url in urls}
    assert [response["X-Cache"] for response in responses.values()] == ["miss", "miss", "miss"]
    for url in urls[:2]:
        assert "Apprendre le numérique pas à pas, à Redon." in responses[url].content.decode()
    published = timezone.localdate(MemberPage.objects.get(pk=member.pk).last_published_at).isoformat()
    assert f'datetime="{published}"' in responses["/donnees-ouvertes/"].content.decode()


HOSTILE_QUERIES = [
    "?format=<script>alert(1)</script>",
    "?page=-1",
    "?page=99999999999999999999",
    "?service=../../etc/passwd",
    "?callback=alert",
    "?du=2027-02-30&au=abc",
    "?%00=%00",
    "?q=" + "x" * 5000,
    "?dataset=services&dataset=structures",
]


@pytest.mark.parametrize("url", [*ALL_URLS, "/donnees-ouvertes/"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_query_strings_change_nothing(home_page, client, url, query):
    plain = client.get(url)
    hostile = client.get(url + query)
    assert hostile.status_code == 200
    assert hostile.content == plain.content


@pytest.mark.parametrize("url", [*ALL_URLS, "/donnees-ouvertes/"])
def test_the_files_are_only_read(home_page, client, url):
    assert client.post(url).status_code == 405
    assert client.head(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/donnees-ouvertes/membres.json", "/donnees-ouvertes/structures.xml", "/donnees-ouvertes/seances.csv"]
)
def test_a_file_we_do_not_publish_is_not_found(home_page, client, url):
    assert client.get(url).status_code == 404


def test_the_page_lists_each_file_with_its_address_and_licence(home_page, client):
    response = client.get("/donnees-ouvertes/")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == "Données ouvertes"
    assert page.title.get_text().startswith("Données ouvertes · ")
    links = {link["href"]: link.get_text(strip=True) for link in page.main.find_all("a")}
    for url in [*ALL_URLS, "/agenda/calendrier.ics", "/agenda/flux.xml"]:
        assert url in links, url
        assert client.get(url).status_code == 200, url
    for url in ALL_URLS:
        # The address written out is the one the link follows.
        assert links[url] == "http://testserver" + url
    assert (
        links["https://www.etalab.gouv.fr/licence-ouverte-open-licence/"]
        == "Licence Ouverte / Open Licence version 2.0"
    )
    assert "https://gip-inclusion.github.io/data-inclusion-schema/" in links
    assert "https://www.data.gouv.fr/" in links
    latest = max(MemberPage.objects.live().values_list("last_published_at", flat=True))
    assert page.main.find("time")["datetime"] == timezone.localdate(latest).isoformat()
    crumbs = page.find("nav", class_="breadcrumbs").find_all("a")
    assert [(a.get_text(strip=True), a["href"]) for a in crumbs] == [
        ("Accueil", "/"),
        ("Données ouvertes", "/donnees-ouvertes/"),
    ]
    assert crumbs[-1]["aria-current"] == "page"


def test_the_page_without_any_member_says_no_date(db, client):
    page = BeautifulSoup(client.get("/donnees-ouvertes/").content, "html.parser")
    assert page.main.find("time") is None
    assert "Dernière mise à jour" not in page.main.get_text()
    assert page.h1.get_text(strip=True) == "Données ouvertes"


def test_a_formula_typed_in_a_member_page_reaches_the_csv_as_text_never_as_a_formula(home_page, client):
    import csv
    import io

    from django.core.exceptions import ValidationError

    from home.models import MemberPage

    member = MemberPage.objects.get(slug="les-mulots")
    formula = '=HYPERLINK("x.fr","Appel")'  # within the field's 30 characters
    member.phone = formula
    with pytest.raises(ValidationError) as refused:
        member.full_clean()
    assert "Saisissez un numéro de téléphone" in str(refused.value)
    # Typed before numbers were checked: left out of the files, and text stays text.
    MemberPage.objects.filter(pk=member.pk).update(phone=formula, title="=1+1 Les Mulots")
    rows = list(csv.DictReader(io.StringIO(client.get("/donnees-ouvertes/structures.csv").content.decode())))
    mulots = next(row for row in rows if "Les Mulots" in row["nom"])
    assert mulots["telephone"] == "" and mulots["nom"] == "'=1+1 Les Mulots"
    assert all(not value.startswith(("=", "@")) for row in rows for value in row.values())
    assert any(row["telephone"].startswith("+33") for row in rows)  # a real number is written as the schema asks


@pytest.mark.parametrize("phone", ["02 99 00 00 15", "+33 2 99 00 00 15", "(0)2.99.00.00.15", "06-12-34-56-78"])
def test_phone_numbers_as_people_write_them_are_phone_numbers(phone):
    from core.person import is_phone

    assert is_phone(phone)


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "@SUM(1)", "appelez-nous", "12", "", "+-+-+-+-"])
def test_anything_else_is_not_a_phone_number(text):
    from core.person import is_phone

    assert not is_phone(text)
