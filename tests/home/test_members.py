import datetime
import json
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from core.choices import Weekday
from home.models import Closure, MemberIndexPage, MemberKind, MemberPage, OpeningHours, Service

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


@pytest.fixture
def shop(db):
    """An unsaved member open Tuesday 9:30–12:00 and 14:00–17:30, closed 24 Dec – 2 Jan."""
    return MemberPage(
        title="Boutique",
        kind=MemberKind.INSERTION,
        summary="Des ordinateurs reconditionnés.",
        latitude="47.65123",
        longitude="-2.08456",
        opening_hours=[
            OpeningHours(weekday=Weekday.TUESDAY, opens=datetime.time(9, 30), closes=datetime.time(12)),
            OpeningHours(weekday=Weekday.TUESDAY, opens=datetime.time(14), closes=datetime.time(17, 30)),
        ],
        closures=[Closure(start_date=datetime.date(2026, 12, 24), end_date=datetime.date(2027, 1, 2), reason="Congés")],
    )


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (paris(2026, 12, 1, 9, 30), True),  # opening minute
        (paris(2026, 12, 1, 11, 59), True),
        (paris(2026, 12, 1, 12, 0), False),  # closing minute: closed
        (paris(2026, 12, 1, 13, 0), False),  # lunch break
        (paris(2026, 12, 1, 17, 29), True),
        (paris(2026, 12, 2, 10, 0), False),  # Wednesday
        (paris(2026, 12, 29, 10, 0), False),  # a Tuesday in the closure
        (paris(2027, 1, 5, 10, 0), True),  # the Tuesday after it
        (datetime.datetime(2026, 12, 1, 8, 45, tzinfo=datetime.UTC), True),  # 9:45 in Paris
        (paris(2026, 3, 31, 9, 30), True),  # first Tuesday of summer time
    ],
)
def test_member_is_open_in_its_ranges_outside_its_closures(shop, moment, is_open):
    assert shop.is_open_at(moment) is is_open


def test_hours_by_day_lists_the_seven_days_from_monday(shop):
    days = shop.hours_by_day()
    assert [label for label, _ in days] == ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    assert [(h.opens, h.closes) for h in days[1][1]] == [
        (datetime.time(9, 30), datetime.time(12)),
        (datetime.time(14), datetime.time(17, 30)),
    ]
    assert days[0][1] == []


def test_past_closures_are_not_announced(shop):
    assert [c.reason for c in shop.upcoming_closures(datetime.date(2026, 12, 1))] == ["Congés"]
    assert shop.upcoming_closures(datetime.date(2027, 1, 3)) == []


def test_map_link_points_to_openstreetmap_and_needs_coordinates(shop):
    assert shop.map_url.startswith("https://www.openstreetmap.org/?mlat=47.65123&mlon=-2.08456")
    shop.latitude = None
    assert shop.map_url == ""


def test_closing_before_opening_is_refused_in_french():
    hours = OpeningHours(weekday=0, opens=datetime.time(14), closes=datetime.time(14))
    with pytest.raises(ValidationError) as error:
        hours.clean()
    assert "après l'heure d'ouverture" in str(error.value.message_dict["closes"])


def test_closure_ending_before_it_starts_is_refused_in_french():
    closure = Closure(start_date=datetime.date(2027, 1, 2), end_date=datetime.date(2027, 1, 1))
    with pytest.raises(ValidationError) as error:
        closure.clean()
    assert "date de fin" in str(error.value.message_dict["end_date"])


def test_service_slug_comes_from_its_name(db):
    service = Service.objects.create(name="Accompagnement aux démarches")
    assert service.slug == "accompagnement-aux-demarches"


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def test_member_index_lists_the_six_members_with_their_kind_and_summary(home_page, client):
    page = html(client.get("/le-collectif/"))
    cards = page.select(".member-card")
    assert [card.h3.get_text(strip=True) for card in cards] == sorted(
        ["Les Mulots", "Clic'n Puces", "Dépan'tek", "La Ferme des Écotais", "Riwal Raude", "La Vilaine Bidouille"]
    )
    assert "Entreprise d'insertion" in page.get_text()
    assert page.find(id="member-count").get_text(strip=True) == "6 membres"


def test_member_index_filters_by_service_with_a_shareable_address(home_page, client):
    page = html(client.get("/le-collectif/", {"service": "fabrication"}))
    assert [card.h3.get_text(strip=True) for card in page.select(".member-card")] == ["La Vilaine Bidouille"]
    assert page.find("option", selected=True)["value"] == "fabrication"


def test_unknown_service_filter_shows_every_member(home_page, client):
    page = html(client.get("/le-collectif/", {"service": "<script>"}))
    assert len(page.select(".member-card")) == 6
    assert "<script>" not in client.get("/le-collectif/", {"service": "<script>"}).content.decode()


def test_member_page_shows_services_hours_contact_and_update_date(home_page, client):
    member = MemberPage.objects.get(slug="les-mulots")
    page = html(client.get(member.url))
    assert page.h1.get_text(strip=True) == "Les Mulots"
    assert {li.get_text(strip=True) for li in page.select(".tags li")} == set(
        member.services.values_list("name", flat=True)
    )
    assert page.select_one(".hours") is not None
    assert page.select_one(".status").get_text(strip=True).startswith(("Ouvert maintenant", "Fermé maintenant"))
    assert page.find("a", href=member.map_url)
    assert page.select_one(".page-meta time")["datetime"].startswith(str(member.last_published_at.year))


def test_member_email_is_not_in_the_page_until_asked_for(home_page, client):
    member = MemberPage.objects.get(slug="les-mulots")
    assert member.email not in client.get(member.url).content.decode()
    revealed = client.get(member.url, {"courriel": "1"})
    assert f'href="mailto:{member.email}"' in revealed.content.decode()


def test_member_page_describes_the_organisation_for_search_engines(home_page, client):
    member = MemberPage.objects.get(slug="clic-n-puces")
    script = html(client.get(member.url)).find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "Organization"
    assert data["name"] == "Clic'n Puces"
    assert data["address"]["addressLocality"] == member.city
    assert "email" not in data


def test_structured_data_cannot_close_its_element_early(home_page, client):
    member = MemberPage.objects.get(slug="les-mulots")
    member.summary = "</script><script>alert(1)</script>"
    member.save_revision().publish()
    body = client.get(member.url).content.decode()
    assert "<script>alert(1)" not in body
    assert json.loads(html(client.get(member.url)).find("script", type="application/ld+json").string)["description"]


def test_home_page_lists_the_members(home_page, client):
    page = html(client.get("/"))
    assert len(page.select(".member-card")) == 6
    assert page.find("a", string="Tous les membres du collectif")["href"] == "/le-collectif/"


def add_members(index, count):
    services = list(Service.objects.all())
    logos = [member.logo for member in MemberPage.objects.select_related("logo")]
    for n in range(count):
        member = MemberPage(
            title=f"Membre {n:03}", slug=f"membre-{n}", kind=MemberKind.COMPANY, summary="Test.", logo=logos[n % 6]
        )
        member.services = services[:3]
        index.add_child(instance=member)


def test_member_index_query_count_does_not_grow_with_members(home_page, client, django_assert_num_queries):
    index = MemberIndexPage.objects.get()
    client.get("/le-collectif/")
    with CaptureQueriesContext(connection) as six_members:
        client.get("/le-collectif/")
    add_members(index, 18)  # 24 members: one full page
    with django_assert_num_queries(len(six_members)):
        response = client.get("/le-collectif/")
    assert len(html(response).select(".member-card")) == 24
