"""A write empties the kept pages that show what it changed, and only those (core.page_cache areas):
a registration the agenda's pages and those listing ateliers, a booking its room's weeks; a publish,
a snippet or the settings every page."""

import datetime

from django.utils import timezone

from wagtail.models import Page

import pytest

from agenda import registration
from agenda.models import Category, Registration
from booking import rules
from booking.models import Booking, Room, Status
from core import page_cache
from home.models import EspaceSettings
from tests.core.test_page_cache import open_session

pytestmark = pytest.mark.django_db

AGENDA_PAGES = ["/", "/agenda/", "/agenda/bootic/", "/le-collectif/les-mulots/", "/agenda-integre/"]
# Pages that show no atelier nor any slot of a room.
SITE_ONLY_PAGES = ["/le-projet/", "/le-collectif/", "/ressources/", "/reserver/"]
ROOM = "/reserver/le-fablab/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 30


def kept_pages(client, paths):
    for path in paths:
        client.get(path)
        assert client.get(path)["X-Cache"] == "hit", path


def states(client, paths):
    return {path: client.get(path)["X-Cache"] for path in paths}


def test_a_registration_empties_its_atelier_the_agenda_and_the_pages_listing_ateliers_not_the_others(
    home_page, client, commits
):
    atelier, occurrence = open_session()
    before = client.get(atelier.url).content
    kept_pages(client, [atelier.url, *AGENDA_PAGES, *SITE_ONLY_PAGES, ROOM])

    commits(lambda: registration.register(occurrence, "Annie", "annie@exemple.fr", 2))

    after = client.get(atelier.url)
    assert after["X-Cache"] == "miss" and after.content != before  # two places fewer
    assert states(client, AGENDA_PAGES) == dict.fromkeys(AGENDA_PAGES, "miss")
    assert states(client, [*SITE_ONLY_PAGES, ROOM]) == dict.fromkeys([*SITE_ONLY_PAGES, ROOM], "hit")


def test_a_cancelled_registration_frees_its_places_on_the_agenda_not_elsewhere(home_page, client, commits):
    atelier, occurrence = open_session()
    made = registration.register(occurrence, "Annie", "annie@exemple.fr", 2)
    with_annie = client.get(atelier.url).content
    kept_pages(client, [atelier.url, "/agenda/", *SITE_ONLY_PAGES, ROOM])

    commits(lambda: registration.cancel(made, notify=False))

    after = client.get(atelier.url)
    assert after["X-Cache"] == "miss" and after.content != with_annie
    assert client.get("/agenda/")["X-Cache"] == "miss"
    assert states(client, [*SITE_ONLY_PAGES, ROOM]) == dict.fromkeys([*SITE_ONLY_PAGES, ROOM], "hit")


def free_slot(room):
    """An hour the room is open and free, in two weeks: it shows in that week's view once booked."""
    today = timezone.localdate()
    monday = today + datetime.timedelta(days=14 - today.weekday())
    for day in (monday + datetime.timedelta(days=offset) for offset in range(6)):
        for hour in range(9, 19):
            start = rules.local_datetime(day, datetime.time(hour))
            if not rules.slot_errors(room, start, start + datetime.timedelta(hours=1)):
                return monday, start
    raise AssertionError("no free hour in the demo's fablab")


def test_a_booking_empties_its_rooms_week_not_the_agenda_nor_the_library(home_page, client, commits):
    room = Room.objects.get(slug="le-fablab")
    monday, start = free_slot(room)
    week = f"{ROOM}?semaine={monday.isoformat()}"
    before = client.get(week).content
    kept_pages(client, [week, *AGENDA_PAGES, *SITE_ONLY_PAGES])

    commits(
        lambda: rules.book(
            room, start, start + datetime.timedelta(hours=1), name="Annie", email="annie@exemple.fr", purpose="Réunion"
        )
    )

    after = client.get(week)
    assert after["X-Cache"] == "miss" and after.content != before  # the hour is no longer free
    pages = [*AGENDA_PAGES, *SITE_ONLY_PAGES]
    assert states(client, pages) == dict.fromkeys(pages, "hit")


def test_a_booking_whose_status_changes_empties_its_rooms_week_only(home_page, client, commits):
    booking = Booking.objects.filter(status=Status.CONFIRMED, start__gt=timezone.now()).select_related("room").first()
    week = f"/reserver/{booking.room.slug}/?semaine={booking.start.date().isoformat()}"
    before = client.get(week).content
    kept_pages(client, [week, "/", "/agenda/", "/ressources/"])

    commits(lambda: rules.cancel(booking))  # a conditional UPDATE: no post_save

    after = client.get(week)
    assert after["X-Cache"] == "miss" and after.content != before
    assert states(client, ["/", "/agenda/", "/ressources/"]) == dict.fromkeys(["/", "/agenda/", "/ressources/"], "hit")


# A page of each type, with another that shows nothing of it: a publish empties both (the menu, the
# breadcrumbs, the listings of any page may show its title).
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/le-projet/",
        "/le-collectif/",
        "/le-collectif/les-mulots/",
        "/agenda/",
        "/agenda/repair-cafe/",
        "/agenda/bootic/",
        "/ressources/",
        "/ressources/choisir-ses-mots-de-passe/",
    ],
)
def test_publishing_a_page_of_each_type_empties_every_page(home_page, client, commits, path):
    kept_pages(client, [path, ROOM])
    page = Page.objects.get(url_path=home_page.url_path + path[1:]).specific

    def publish():
        page.title = "Titre changé ce matin"
        page.save_revision().publish()

    commits(publish)
    after = client.get(path)
    assert after["X-Cache"] == "miss"
    assert "Titre changé ce matin" in after.content.decode()
    assert client.get(ROOM)["X-Cache"] == "miss"


def test_a_snippet_change_empties_every_page(home_page, client, commits):
    kept_pages(client, ["/agenda/", ROOM, "/ressources/"])
    category = Category.objects.first()
    category.name = "Catégorie renommée"
    commits(category.save)
    assert "Catégorie renommée" in client.get("/agenda/").content.decode()
    assert states(client, [ROOM, "/ressources/"]) == {ROOM: "miss", "/ressources/": "miss"}


def test_a_settings_change_shows_on_every_page_at_once(home_page, client, commits):
    kept_pages(client, ["/", ROOM, "/ressources/"])
    espace = EspaceSettings.for_site(home_page.get_site())
    espace.phone = "02 99 00 11 22"
    commits(espace.save)
    assert "02 99 00 11 22" in client.get("/").content.decode()
    assert states(client, [ROOM, "/ressources/"]) == {ROOM: "miss", "/ressources/": "miss"}


def test_a_write_to_a_model_named_nowhere_empties_every_page(home_page, client, commits):
    """The safe default: AREA_MODELS names the models whose writes empty less; any other empties all."""
    kept_pages(client, ["/agenda/", ROOM, "/ressources/"])
    commits(lambda: Room.objects.get(slug="le-fablab").save())
    assert states(client, ["/agenda/", ROOM, "/ressources/"]) == dict.fromkeys(
        ["/agenda/", ROOM, "/ressources/"], "miss"
    )


def test_a_page_type_that_declares_nothing_is_emptied_by_every_write(home_page, client, commits):
    # The figures' page counts registrations and bookings and declares no area.
    kept_pages(client, ["/en-chiffres/"])
    atelier, occurrence = open_session()
    commits(lambda: registration.register(occurrence, "Annie", "annie@exemple.fr", 1))
    assert client.get("/en-chiffres/")["X-Cache"] == "miss"


def test_the_areas_a_write_empties_come_from_its_model():
    assert page_cache.area_of(Booking) == "booking"
    assert page_cache.area_of(Registration) == "agenda"
    assert page_cache.area_of(Room) == page_cache.SITE  # the rooms are content: their pages and the menu
    assert page_cache.area_of(Category) == page_cache.SITE


def test_a_page_declaring_an_unknown_area_fails_loudly(rf):
    with pytest.raises(ValueError, match="agneda"):
        page_cache.depends_on(rf.get("/"), "agneda")


def test_a_kept_value_read_inside_a_page_adds_its_areas_to_the_page(settings):
    settings.PAGE_CACHE_SECONDS = 30
    with page_cache.reading(()) as page:
        page_cache.cached_value("essai-agenda", lambda: 1, areas=("agenda",))
    assert page - {page_cache.SITE} == {"agenda"}
    with page_cache.reading(()) as page:  # kept this time: its areas still reach the page
        page_cache.cached_value("essai-agenda", lambda: 2, areas=("agenda",))
    assert page - {page_cache.SITE} == {"agenda"}
    page_cache.purge("booking")
    assert page_cache.cached_value("essai-agenda", lambda: 3, areas=("agenda",)) == 1
    page_cache.purge("agenda")
    assert page_cache.cached_value("essai-agenda", lambda: 4, areas=("agenda",)) == 4
