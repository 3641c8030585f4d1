"""The team's side of room booking in the admin: the inbox, accepting, declining and
cancelling with a reason emailed, the planning of all rooms, booking for someone
without email. Members of the espace never see the bookings of the public."""

import datetime
import html

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from booking import blockers, rules
from booking.models import Booking, Room, Status
from booking.wagtail_hooks import let_coordination_manage_bookings, let_members_request_series
from core.groups import COORDINATION_GROUP, MEMBER_GROUP_PREFIX
from tests.booking.conftest import at, make_room

PERSON = {"name": "Annie Le Goff", "email": "annie@exemple.fr", "purpose": "Réunion du bureau", "people": 4}


def user(username):
    return get_user_model().objects.get(username=username)


def book(room, start, end, status=Status.PENDING, **fields):
    return rules.book(room, start, end, status=status, **{**PERSON, **fields})


def make_staff(username="morgane"):
    """Someone of the Coordination group, with what the group setup gives it here."""
    group, _ = Group.objects.get_or_create(name=COORDINATION_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    let_coordination_manage_bookings(group, workflow=None)
    return in_group(username, group)


def make_member(username="mulots", organisation="Les Mulots"):
    """The editor of a member organisation, with what the member setup gives it here."""
    group, _ = Group.objects.get_or_create(name=f"{MEMBER_GROUP_PREFIX}{organisation}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    let_members_request_series(group, member_page=None)
    return in_group(username, group)


def in_group(username, group):
    person = get_user_model().objects.create_user(username, email=f"{username}@exemple.fr", first_name=username)
    person.groups.add(group)
    return person


@pytest.fixture
def staff(db, client):
    client.force_login(make_staff())
    return client


@pytest.fixture
def member(db, client):
    client.force_login(make_member())
    return client


@pytest.fixture
def pending(room, monday):
    return book(room, at(monday, 14), at(monday, 16))


def body(response):
    return html.unescape(response.content.decode())


# Who may do what ----------------------------------------------------------------------


def test_setting_up_groups_gives_coordination_the_bookings_and_members_only_series(demo_site):
    # Through the project hooks, as the demo loader and `add_member` set groups up.
    coordination = Group.objects.get(name="Coordination")
    codenames = set(coordination.permissions.filter(content_type__app_label="booking").values_list("codename", flat=1))
    assert {"add_room", "change_room", "view_room", "change_booking", "view_booking", "add_series"} <= codenames
    mulots = user("mulots")
    assert mulots.has_perm("booking.add_series") and mulots.has_perm("booking.view_series")
    assert not mulots.has_perm("booking.view_booking") and not mulots.has_perm("booking.change_series")


def test_every_booking_admin_page_opens_on_the_demo_site(demo_site, client):
    client.force_login(user("admin"))
    urls = [
        "/admin/booking/a-valider/",
        "/admin/booking/booking/",
        "/admin/booking/booking/?quand=toutes",
        "/admin/booking/series/",
        "/admin/booking/room/",
        "/admin/booking/room/create/",
        "/admin/reservations/planning/",
        "/admin/reservations/planning/?vue=jour",
        "/admin/reservations/pour-quelqu-un/",
        "/admin/reservations/series/demander/",
    ]
    urls += [f"/admin/booking/room/edit/{pk}/" for pk in Room.objects.values_list("pk", flat=True)]
    urls += [f"/admin/groups/edit/{Group.objects.get(name=COORDINATION_GROUP).pk}/"]
    for pk in Booking.objects.values_list("pk", flat=True):
        urls += [f"/admin/booking/booking/inspect/{pk}/", f"/admin/reservations/{pk}/imprimer/"]
    assert Room.objects.exists() and Booking.objects.exists()
    for url in urls:
        assert client.get(url).status_code == 200, url
    pending = Booking.objects.filter(status=Status.PENDING).first()
    if pending is not None:
        for action in ["accepter", "refuser", "annuler"]:
            assert client.get(f"/admin/reservations/{pending.pk}/{action}/").status_code == 200


def test_members_cannot_see_the_bookings_of_the_public(member, pending):
    for url in [
        "/admin/booking/booking/",
        "/admin/booking/a-valider/",
        f"/admin/booking/booking/inspect/{pending.pk}/",
    ]:
        response = member.get(url)
        assert response.status_code in {302, 403}
        assert "Annie" not in body(response)
    assert member.get("/admin/booking/booking/", {"export": "csv"}).status_code in {302, 403}
    menu = body(member.get("/admin/"))
    assert "/admin/reservations/series/demander/" in menu and "/admin/booking/series/" in menu
    assert "/admin/booking/a-valider/" not in menu and "/admin/reservations/planning/" not in menu


@pytest.mark.parametrize("action", ["accepter", "refuser", "annuler"])
def test_a_member_cannot_act_on_a_booking(member, pending, action):
    response = member.post(f"/admin/reservations/{pending.pk}/{action}/", {"reason": "Non."})
    assert response.status_code in {302, 403}  # Wagtail turns a refusal into a message on the dashboard
    assert "/login/" not in response.get("Location", "")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and not mail.outbox


@pytest.mark.parametrize("action", ["accepter", "refuser", "annuler"])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, pending, action):
    response = client.post(f"/admin/reservations/{pending.pk}/{action}/", {"reason": "Non."})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and not mail.outbox


# The inbox and the list ---------------------------------------------------------------


def test_the_inbox_lists_pending_requests_soonest_first(staff, room, monday):
    later = book(room, at(monday + datetime.timedelta(days=1), 10), at(monday + datetime.timedelta(days=1), 11))
    sooner = book(room, at(monday, 10), at(monday, 11), name="Bernard Sooner")
    book(room, at(monday, 14), at(monday, 15), status=Status.CONFIRMED, name="Claire Confirmed")
    page = body(staff.get("/admin/booking/a-valider/"))
    assert "À valider" in page
    assert page.index(sooner.name) < page.index(later.name)
    assert "Claire Confirmed" not in page
    assert f"/admin/reservations/{sooner.pk}/accepter/" in page and f"/admin/reservations/{sooner.pk}/refuser/" in page


def test_the_list_shows_local_times_and_filters_by_status(staff, room, monday):
    book(room, at(monday, 14), at(monday, 16))
    book(room, at(monday, 17), at(monday, 18), status=Status.CONFIRMED, name="Claire Confirmed")
    page = body(staff.get("/admin/booking/booking/"))
    assert "14:00–16:00" in page and "Annie Le Goff" in page and "Claire Confirmed" in page
    assert "En attente de validation" in page
    filtered = body(staff.get("/admin/booking/booking/", {"status__exact": "confirmed"}))
    assert "Claire Confirmed" in filtered and "Annie Le Goff" not in filtered


def test_past_bookings_are_behind_a_filter(staff, room, monday):
    old = book(room, at(monday, 14), at(monday, 16), name="Denis Passé")
    Booking.objects.filter(pk=old.pk).update(
        start=old.start - datetime.timedelta(weeks=10),
        end=old.end - datetime.timedelta(weeks=10),
        blocked_until=old.end - datetime.timedelta(weeks=10),
    )
    assert "Denis Passé" not in body(staff.get("/admin/booking/booking/"))
    assert "Denis Passé" in body(staff.get("/admin/booking/booking/", {"quand": "passees"}))


def test_search_finds_a_booking_by_organisation(staff, room, monday):
    book(room, at(monday, 14), at(monday, 16), organisation="Chorale du Pays")
    book(room, at(monday, 17), at(monday, 18), name="Bernard Autre")
    page = body(staff.get("/admin/booking/booking/", {"q": "chorale"}))
    assert "Annie Le Goff" in page and "Bernard Autre" not in page


def test_coordination_exports_bookings_as_csv(staff, pending):
    response = staff.get("/admin/booking/booking/", {"export": "csv"})
    assert response.status_code == 200
    csv = b"".join(response.streaming_content).decode() if response.streaming else body(response)
    assert "annie@exemple.fr" in csv and "14:00" in csv and "En attente de validation" in csv


def test_the_bookings_export_neutralises_formulas(staff, room, monday):
    from tests.core.test_exports import EVIL, read_export

    book(room, at(monday, 14), at(monday, 16), name=EVIL, phone="+33 2 99 00 00 00")
    rows = read_export(staff.get("/admin/booking/booking/", {"export": "csv"}))
    [row] = [r for r in rows[1:] if EVIL in r[5]]
    assert row[5] == "'" + EVIL and row[7] == "'+33 2 99 00 00 00"
    assert row[4] == "En attente de validation"


def test_the_bookings_xlsx_has_typed_dates_and_times_in_paris_time(staff, room):
    from tests.core.test_exports import read_export, read_xlsx

    winter = datetime.date(datetime.date.today().year + 1, 1, 12)  # ahead (the list shows what is to come), UTC+1
    book(room, at(winter, 14), at(winter, 16, 30))
    header, row = read_xlsx(staff.get("/admin/booking/booking/", {"export": "xlsx"}))
    assert [value for value, _ in header[1:4]] == ["Date", "De", "À"]
    assert row[1:4] == [
        (winter, True),
        (datetime.time(14, 0), True),
        (datetime.time(16, 30), True),
    ]
    [_header, csv_row] = read_export(staff.get("/admin/booking/booking/", {"export": "csv"}))
    assert csv_row[1:4] == [f"{winter.year}-01-12", "14:00", "16:30"]  # ISO order: no spreadsheet swaps it


def test_the_inspect_page_shows_the_booking_and_its_actions(staff, pending):
    page = body(staff.get(f"/admin/booking/booking/inspect/{pending.pk}/"))
    assert "Annie Le Goff" in page and "Réunion du bureau" in page and "14:00" in page
    assert f"/admin/reservations/{pending.pk}/accepter/" in page
    assert f"/admin/reservations/{pending.pk}/imprimer/" in page


def test_bookings_are_not_edited_nor_created_through_the_generic_forms(staff, pending):
    assert staff.get(f"/admin/booking/booking/edit/{pending.pk}/").status_code in {302, 403}
    response = staff.post(f"/admin/booking/booking/edit/{pending.pk}/", {"name": "Autre"})
    pending.refresh_from_db()
    assert pending.name == "Annie Le Goff"
    assert staff.get("/admin/booking/booking/create/")["Location"] == "/admin/reservations/pour-quelqu-un/"
    assert response.status_code in {302, 403}


# Accept, decline, cancel ----------------------------------------------------------------


def test_coordination_approves_a_request_and_the_person_is_emailed(staff, pending):
    page = staff.get(f"/admin/reservations/{pending.pk}/accepter/")
    assert page.status_code == 200 and "Annie Le Goff" in body(page) and "Oui, accepter" in body(page)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and not mail.outbox  # opening the page changes nothing

    response = staff.post(f"/admin/reservations/{pending.pk}/accepter/", {"next": "/admin/booking/a-valider/"})
    assert response.status_code == 302 and response["Location"] == "/admin/booking/a-valider/"
    pending.refresh_from_db()
    assert pending.status == Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [["annie@exemple.fr"]]
    assert "confirmée" in mail.outbox[0].subject
    assert "Réservation acceptée" in body(staff.get("/admin/booking/a-valider/"))


def test_declining_needs_a_reason(staff, pending):
    response = staff.post(f"/admin/reservations/{pending.pk}/refuser/", {"reason": "  "})
    assert response.status_code == 200
    assert "Écrivez le motif du refus" in body(response)
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and not mail.outbox


def test_declining_emails_the_reason(staff, pending):
    response = staff.post(
        f"/admin/reservations/{pending.pk}/refuser/", {"reason": "La salle est en travaux ce jour-là."}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.DECLINED and pending.reason == "La salle est en travaux ce jour-là."
    assert len(mail.outbox) == 1 and "La salle est en travaux ce jour-là." in mail.outbox[0].body


def test_cancelling_a_confirmed_booking_without_reason(staff, room, monday):
    booking = book(room, at(monday, 14), at(monday, 16), status=Status.CONFIRMED)
    assert "Motif (facultatif)" in body(staff.get(f"/admin/reservations/{booking.pk}/annuler/"))
    staff.post(f"/admin/reservations/{booking.pk}/annuler/", {"reason": ""})
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED
    assert len(mail.outbox) == 1 and "annulée" in mail.outbox[0].subject


def test_cancelling_frees_the_slot(staff, room, monday):
    booking = book(room, at(monday, 14), at(monday, 16), status=Status.CONFIRMED)
    staff.post(f"/admin/reservations/{booking.pk}/annuler/", {"reason": "Empêchement"})
    assert book(room, at(monday, 14), at(monday, 16), name="Bernard").status == Status.PENDING


def test_acting_twice_changes_nothing_the_second_time(staff, pending):
    staff.post(f"/admin/reservations/{pending.pk}/accepter/")
    response = staff.post(f"/admin/reservations/{pending.pk}/accepter/")
    assert response.status_code == 302 and len(mail.outbox) == 1
    page = body(staff.get(f"/admin/reservations/{pending.pk}/accepter/"))
    assert "Confirmée" in page and "Oui, accepter" not in page


def test_an_outside_next_address_is_ignored(staff, pending):
    response = staff.post(f"/admin/reservations/{pending.pk}/accepter/", {"next": "https://evil.example/"})
    assert response["Location"] == "/admin/booking/booking/"


def test_without_email_the_team_is_told_to_phone(staff, room, monday):
    booking = book(room, at(monday, 14), at(monday, 16), email="", phone="02 99 00 00 00")
    assert "prévenez-la par téléphone (02 99 00 00 00)" in body(
        staff.get(f"/admin/reservations/{booking.pk}/accepter/")
    )
    staff.post(f"/admin/reservations/{booking.pk}/accepter/")
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED and not mail.outbox


# Rooms ------------------------------------------------------------------------------------


def test_coordination_creates_a_room_with_its_opening_hours(staff):
    empty = inline_formset([])
    data = nested_form_data(
        {
            "name": "Salle des fêtes",
            "slug": "",
            "summary": "La grande salle.",
            "description": rich_text(""),
            "capacity": 40,
            "equipment": "",
            "accessibility": "",
            "bookable": "on",
            "slot_minutes": 30,
            "min_minutes": 60,
            "max_minutes": 240,
            "buffer_minutes": 0,
            "notice_hours": 24,
            "horizon_days": 90,
            "hours": inline_formset(
                [
                    {"weekday": 2, "opens": "09:00", "closes": "12:00"},
                    {"weekday": 2, "opens": "14:00", "closes": "18:00"},
                ]
            ),
            "closures": empty,
            "questions": "",
            "terms": rich_text(""),
            "access_instructions": "La clé est à l'accueil.",
        }
    )
    response = staff.post("/admin/booking/room/create/", data)
    assert response.status_code == 302, body(response)
    room = Room.objects.get(name="Salle des fêtes")
    assert room.slug == "salle-des-fetes"
    assert sorted((h.weekday, h.opens, h.closes) for h in room.hours.all()) == [
        (2, datetime.time(9), datetime.time(12)),
        (2, datetime.time(14), datetime.time(18)),
    ]
    page = body(staff.get("/admin/booking/room/"))
    assert "Salle des fêtes" in page and "40" in page


def test_members_cannot_edit_rooms(member, room):
    assert member.get(f"/admin/booking/room/edit/{room.pk}/").status_code in {302, 403}
    member.post(f"/admin/booking/room/edit/{room.pk}/", {"name": "Volée"})
    room.refresh_from_db()
    assert room.name == "Salle d'essai"


# The planning -------------------------------------------------------------------------------


def test_the_planning_shows_bookings_and_ateliers_of_every_room(staff, room, monday, monkeypatch):
    other = make_room("Petite salle")
    book(room, at(monday, 14), at(monday, 16), organisation="Chorale du Pays")
    book(other, at(monday, 9), at(monday, 10), status=Status.CONFIRMED, name="Bernard")

    def atelier(rooms, start, end):
        return {other.pk: [(at(monday, 15), at(monday, 17), "Atelier")]}

    monkeypatch.setattr(blockers, "_providers", [atelier])
    page = body(staff.get("/admin/reservations/planning/", {"date": monday.isoformat(), "vue": "jour"}))
    assert "Annie Le Goff (Chorale du Pays)" in page and "14:00–16:00" in page and "En attente de validation" in page
    assert "Bernard" in page and "09:00–10:00" in page
    assert "15:00–17:00" in page and "Atelier" in page
    assert "09:00–12:30, 13:30–18:00" in page  # opening hours of the day
    previous = (monday - datetime.timedelta(days=1)).isoformat()
    assert f"?date={previous}&vue=jour" in page


def test_the_week_planning_starts_on_monday_and_navigates_by_week(staff, room, monday):
    wednesday = monday + datetime.timedelta(days=2)
    book(room, at(wednesday, 10), at(wednesday, 11))
    page = body(staff.get("/admin/reservations/planning/", {"date": wednesday.isoformat()}))
    assert "Annie Le Goff" in page
    assert f"?date={(monday - datetime.timedelta(days=7)).isoformat()}&vue=semaine" in page
    assert f"?date={(monday + datetime.timedelta(days=7)).isoformat()}&vue=semaine" in page
    assert page.count('<h2 id="day-') == 7


def test_a_bad_date_shows_this_week(staff):
    assert staff.get("/admin/reservations/planning/", {"date": "demain"}).status_code == 200
    assert staff.get("/admin/reservations/planning/", {"date": "9999-12-31"}).status_code == 200


def test_members_cannot_see_the_planning(member):
    response = member.get("/admin/reservations/planning/")
    assert response.status_code in {302, 403} and "Annie" not in body(response)


def fill_week(rooms, monday, count):
    """`count` bookings spread over the rooms and days of the week, one hour each."""
    bookings = []
    for n in range(count):
        room, day, hour = rooms[n % len(rooms)], monday + datetime.timedelta(days=(n // 4) % 7), 8 + n // 28
        start = at(day, hour)
        end = start + datetime.timedelta(hours=1)
        bookings.append(Booking(room=room, start=start, end=end, blocked_until=end, status=Status.CONFIRMED, **PERSON))
    Booking.objects.bulk_create(bookings)


def planning_queries(client, monday):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/reservations/planning/", {"date": monday.isoformat(), "vue": "semaine"})
    assert response.status_code == 200
    return len(queries)


def test_the_planning_makes_as_many_queries_for_200_bookings_as_for_5(staff, monday):
    few_rooms = [make_room(f"Salle {n}") for n in range(4)]
    fill_week(few_rooms, monday, 5)
    few = planning_queries(staff, monday)
    Booking.objects.all().delete()
    fill_week(few_rooms, monday, 200)
    assert Booking.objects.count() == 200
    assert planning_queries(staff, monday) == few


# Booking for someone --------------------------------------------------------------------


def for_someone(room, day, start="14:00", end="16:00", **fields):
    return {
        "room": room.pk,
        "date": day.isoformat(),
        "start": start,
        "end": end,
        "name": "Gérard Sans-Courriel",
        "phone": "02 99 00 00 00",
        "email": "",
        "organisation": "",
        "purpose": "Répétition",
        "people": 3,
        **fields,
    }


def test_the_team_books_for_someone_without_email_and_prints_the_confirmation(staff, monday):
    # Three weeks' notice for the public: the team may book closer than that.
    room = make_room("Salle du bas", notice_hours=24 * 21, access_instructions="Code de la porte : 1234.")
    assert staff.get("/admin/reservations/pour-quelqu-un/", {"salle": room.pk}).status_code == 200
    response = staff.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday))
    booking = Booking.objects.get(name="Gérard Sans-Courriel")
    assert response.status_code == 302 and response["Location"] == f"/admin/reservations/{booking.pk}/imprimer/"
    assert booking.status == Status.CONFIRMED and booking.booked_by == user("morgane")
    assert booking.start == at(monday, 14) and booking.phone == "02 99 00 00 00"
    assert not mail.outbox
    page = body(staff.get(response["Location"]))
    assert "Gérard Sans-Courriel" in page and "Salle du bas" in page and "Code de la porte : 1234." in page
    assert "@media print" in page
    assert "Réservation confirmée." in page  # the message shows where the team is, not on a later page


def test_the_team_may_book_beyond_the_public_horizon(staff, room, monday):
    later = monday + datetime.timedelta(weeks=20)  # the public may book 90 days ahead
    response = staff.post("/admin/reservations/pour-quelqu-un/", for_someone(room, later))
    assert response.status_code == 302
    assert Booking.objects.get(name="Gérard Sans-Courriel").start == at(later, 14)


def test_booking_for_someone_with_an_email_sends_the_confirmation(staff, room, monday):
    staff.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday, email="gerard@exemple.fr"))
    assert [m.to for m in mail.outbox] == [["gerard@exemple.fr"]]


def test_booking_for_someone_on_a_taken_slot_stores_nothing(staff, room, monday):
    book(room, at(monday, 15), at(monday, 17), status=Status.CONFIRMED)
    response = staff.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday))
    assert response.status_code == 200
    assert "Ce créneau est déjà pris" in body(response)
    assert not Booking.objects.filter(name="Gérard Sans-Courriel").exists() and not mail.outbox


def test_booking_for_someone_follows_the_opening_hours_and_capacity(staff, room, monday):
    response = staff.post(
        "/admin/reservations/pour-quelqu-un/", for_someone(room, monday, start="12:00", end="14:00", people=50)
    )
    page = body(response)
    assert "En dehors des heures d'ouverture" in page and "accueille au plus 10 personnes" in page
    assert not Booking.objects.filter(name="Gérard Sans-Courriel").exists()


def test_the_team_cannot_book_a_past_slot(staff, room):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    response = staff.post("/admin/reservations/pour-quelqu-un/", for_someone(room, yesterday))
    assert "déjà passé" in body(response)
    assert not Booking.objects.filter(name="Gérard Sans-Courriel").exists()


def test_members_cannot_book_for_someone(member, room, monday):
    response = member.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday))
    assert response.status_code in {302, 403}
    assert not Booking.objects.filter(name="Gérard Sans-Courriel").exists()
