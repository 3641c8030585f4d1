"""« Le collectif en chiffres »: the figures Coordination chose, year by year, from anonymous
counts, kept fresh, at a cost that does not depend on the page's history."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from agenda.models import AtelierPage, Occurrence, Registration
from core import page_cache
from home.models import MemberPage
from reports import activity, public
from reports.models import CounterEntry, CounterKind, FiguresPage
from reports.periods import Period
from tests.agenda.factories import make_atelier, paris

URL = "/en-chiffres/"


@pytest.fixture
def page(demo_site):
    return FiguresPage.objects.get()


def kind(name):
    return CounterKind.objects.get(name=name)


def table_rows(response):
    """{year: [cell texts]} of the page's table, and its column headers."""
    table = BeautifulSoup(response.content, "html.parser").select_one("table.figures-table")
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = {
        int(row.th.get_text(strip=True)): [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in table.select("tbody tr")
    }
    return headers, rows


def test_the_bootic_2017_figures_are_the_first_row(page, client):
    headers, rows = table_rows(client.get(URL))
    assert headers[:4] == ["Année", "Visiteurs", "Ordinateurs redistribués", "Personnes au Repair café"]
    first = min(rows)
    assert first == 2017
    assert rows[2017][:3] == ["261", "17", "50"]


def test_every_year_up_to_the_current_one_has_its_row_in_order(page, client):
    response = client.get(URL)
    _headers, rows = table_rows(response)
    assert list(rows) == list(range(2017, timezone.localdate().year + 1))
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("table caption").get_text(strip=True)
    assert all(th["scope"] == "col" for th in html.select("thead th"))
    assert all(th["scope"] == "row" for th in html.select("tbody th"))


def test_figures_of_a_year_are_computed_from_its_sessions_and_counters(page, client):
    atelier = make_atelier(title="Atelier de 2019", start=paris(2019, 5, 14, 14))
    atelier.organisers = [MemberPage.objects.get(slug="les-mulots")]
    atelier.save_revision().publish()
    Occurrence.objects.filter(atelier=atelier).update(kept_present=7, kept_registered=9)
    make_atelier(title="Annulé en 2019", start=paris(2019, 6, 1, 10), status="cancelled")
    CounterEntry.objects.create(kind=kind("visiteurs"), value=30, date=datetime.date(2019, 1, 1))
    CounterEntry.objects.create(kind=kind("visiteurs"), value=12, date=datetime.date(2019, 12, 31))
    CounterEntry.objects.create(kind=kind("visiteurs"), value=1000, date=datetime.date(2020, 1, 1))
    headers, rows = table_rows(client.get(URL))
    figures = dict(zip(headers[1:], rows[2019], strict=True))
    assert figures["Visiteurs"] == "42"
    assert figures["Ateliers tenus"] == "1"
    assert figures["Personnes présentes aux ateliers"] == "7"
    assert figures["Ordinateurs redistribués"].startswith("—")  # nothing counted, said so
    assert rows[2020][0].replace("\xa0", " ").replace("\u202f", " ") == "1 000"


def test_the_current_year_is_shown_in_large_figures(page, client):
    CounterEntry.objects.create(kind=kind("ordinateurs redistribués"), value=5000)
    html = BeautifulSoup(client.get(URL).content, "html.parser")
    year = timezone.localdate().year
    assert str(year) in html.select_one("#figures-latest").get_text()
    latest = {
        figure.select_one("dt").get_text(strip=True): figure.select_one("dd").get_text(strip=True)
        for figure in html.select(".key-figure")
    }
    assert latest["ordinateurs redistribués"].replace("\u202f", " ").replace("\xa0", " ").startswith("5 0")


def test_the_columns_follow_the_order_coordination_chose(page, client):
    page.figures = [
        ("activity", {"figure": "people_present", "label": ""}),
        ("counter", {"counter": kind("appareils réparés"), "label": "réparations"}),
        ("activity", {"figure": "sessions_held", "label": ""}),
    ]
    page.save_revision().publish()
    headers, _rows = table_rows(client.get(URL))
    assert headers == ["Année", "Personnes présentes aux ateliers", "Réparations", "Séances tenues"]


def test_broken_figures_are_left_out_and_the_page_still_answers(page, client):
    gone = CounterKind.objects.create(name="disquettes")
    page.figures = [
        ("counter", {"counter": gone, "label": ""}),
        ("activity", {"figure": "sessions_held", "label": ""}),
        ("activity", {"figure": "sessions_held", "label": "encore"}),
    ]
    page.save_revision().publish()
    raw = list(page.figures.raw_data) + [
        {"type": "activity", "value": {"figure": "pas-un-chiffre", "label": ""}},
        {"type": "disparu", "value": {"x": 1}},
        {"type": "counter", "value": {"counter": "pas-un-id", "label": ""}},
        {"type": "counter", "value": {"counter": [1], "label": ""}},
        {"type": "activity", "value": "pas-un-bloc"},
    ]
    FiguresPage.objects.filter(pk=page.pk).update(figures=raw)
    gone.delete()
    response = client.get(URL)
    assert response.status_code == 200
    headers, _rows = table_rows(response)
    assert headers == ["Année", "Séances tenues"]


def test_a_page_without_figures_says_so(page, client):
    page.figures = []
    page.save_revision().publish()
    response = client.get(URL)
    assert response.status_code == 200
    assert "pas encore de chiffres" in response.content.decode()


def test_the_page_shows_no_personal_data(page, client):
    body = client.get(URL).content.decode()
    people = Registration.objects.values_list("name", "email")
    assert people.exists()
    for name, email in people:
        assert email not in body
        assert f">{name}<" not in body
    assert "anonymes" in body and "tout seuls" in body


def test_a_new_entry_shows_at_once_despite_the_page_cache(page, client, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 30
    client.get(URL)
    assert client.get(URL)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        CounterEntry.objects.create(kind=kind("visiteurs"), value=777, date=datetime.date(2018, 3, 1))
    response = client.get(URL)
    assert response["X-Cache"] == "miss"
    assert table_rows(response)[1][2018][0] == "777"


def test_what_the_clock_changes_is_kept_no_longer_than_the_page_cache(page, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 30
    lifetimes = []
    monkeypatch.setattr(page_cache.cache, "set", lambda key, value, timeout: lifetimes.append(timeout))
    public.figures_table(page)
    assert lifetimes == [30]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_years(page, client, settings):
    """Rendered for a visitor with a session (so not from the page cache), as the budgets are."""
    settings.PAGE_CACHE_SECONDS = 30
    client.cookies["sessionid"] = "not-a-session"
    client.get(URL)
    kept_short = queries(client, URL)
    page_cache.purge()
    cold_short = queries(client, URL)
    CounterEntry.objects.create(kind=kind("visiteurs"), value=3, date=datetime.date(2007, 6, 1))  # ten more years
    page_cache.purge()
    cold_long = queries(client, URL)
    kept_long = queries(client, URL)
    assert kept_long == kept_short
    assert kept_long <= 12
    # Computed again (at most once per PAGE_CACHE_SECONDS, or after a write): one call of
    # key_figures per year, and nothing else more.
    with CaptureQueriesContext(connection) as one_year:
        activity.key_figures(Period.year(2010))
    assert cold_long - cold_short == 10 * len(one_year)


def test_key_figures_of_a_member_are_its_own(page):
    clic = MemberPage.objects.get(slug="clic-n-puces")
    CounterEntry.objects.create(kind=kind("visiteurs"), value=4, date=datetime.date(2017, 5, 1), member=clic)
    whole = activity.key_figures(Period.year(2017))
    own = activity.key_figures(Period.year(2017), member=clic)
    assert whole[f"counter:{kind('visiteurs').pk}"] == 265
    assert own[f"counter:{kind('visiteurs').pk}"] == 4
    reconditioned = AtelierPage.objects.get(slug="bootic-2017-reconditionnes")
    assert own["sessions_held"] == reconditioned.occurrences.count()
    assert whole["sessions_held"] > own["sessions_held"]
