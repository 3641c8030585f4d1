"""Who a booking is for (member, association, resident), set when it is made by every path
(the public form, the team's booking for someone, a series), set on older rows by the
migration, and kept by the purge of personal data."""

import datetime
import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

import pytest

from booking import rules
from booking import series as series_rules
from booking.bookers import booker
from booking.models import BookerKind, Booking, Series, Status
from core.groups import MEMBER_GROUP_PREFIX
from tests.booking.conftest import PERSON, at, make_member_page
from tests.booking.test_admin import make_staff

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("booking.migrations.0004_booker_kind")


def editor(username):
    return get_user_model().objects.get(username=username)


# The rule itself -----------------------------------------------------------------------------


def test_the_public_is_an_association_when_it_names_one_else_a_resident():
    assert booker("Club des aînés") == {"booker_kind": BookerKind.ASSOCIATION, "member": None}
    assert booker("") == booker("   ") == {"booker_kind": BookerKind.RESIDENT, "member": None}


def test_a_booking_by_a_member_editor_is_the_members():
    mulots = make_member_page("Les Mulots", editor="mulots")
    made = booker("Comité des fêtes", booked_by=editor("mulots"))
    assert made == {"booker_kind": BookerKind.MEMBER, "member": mulots}


def test_a_team_booking_by_someone_who_edits_no_member_page_follows_the_organisation():
    staff = make_staff()
    assert booker("Chorale", booked_by=staff)["booker_kind"] == BookerKind.ASSOCIATION
    assert booker("", booked_by=staff)["booker_kind"] == BookerKind.RESIDENT


def test_a_series_is_a_members_with_its_requesters_first_page_if_any(room):
    make_member_page("Les Mulots", editor="mulots")
    # An editor of two members: the first by title.
    depantek = make_member_page("Dépan'tek")
    editor("mulots").groups.add(Group.objects.get(name=f"{MEMBER_GROUP_PREFIX}Dépan'tek"))
    series = Series(room=room, organisation="Les Mulots", requested_by=editor("mulots"))
    assert booker("Les Mulots", series=series) == {"booker_kind": BookerKind.MEMBER, "member": depantek}
    by_coordination = Series(room=room, organisation="Les Mulots", requested_by=make_staff())
    assert booker("Les Mulots", series=by_coordination) == {"booker_kind": BookerKind.MEMBER, "member": None}


def test_book_sets_the_kind_unless_given(room, monday):
    made = rules.book(room, at(monday, 10), at(monday, 11), organisation="Chorale", **PERSON)
    assert (made.booker_kind, made.member) == (BookerKind.ASSOCIATION, None)
    mulots = make_member_page("Les Mulots")
    given = rules.book(room, at(monday, 14), at(monday, 15), booker_kind=BookerKind.MEMBER, member=mulots, **PERSON)
    given.refresh_from_db()
    assert (given.booker_kind, given.member) == (BookerKind.MEMBER, mulots)


def test_every_date_of_a_series_is_the_members(room, monday):
    mulots = make_member_page("Les Mulots", editor="mulots")
    _series, booked, _skipped = series_rules.book_series(
        room, 0, datetime.time(14), datetime.time(16), monday, monday + datetime.timedelta(weeks=2),
        "Les Mulots", editor("mulots"), **PERSON,
    )  # fmt: skip
    stored = Booking.objects.filter(pk__in=[b.pk for b in booked]).values_list("booker_kind", "member")
    assert list(stored) == [(BookerKind.MEMBER, mulots.pk)] * 3


def test_the_purge_keeps_the_kind_and_the_member(room, monday):
    mulots = make_member_page("Les Mulots", editor="mulots")
    made = rules.book(room, at(monday, 10), at(monday, 12), booked_by=editor("mulots"), organisation="X", **PERSON)
    assert rules.purge_personal_data(0, now=made.end + datetime.timedelta(days=1)) == 1
    made.refresh_from_db()
    assert made.anonymised and (made.organisation, made.booked_by) == ("", None)
    assert (made.booker_kind, made.member) == (BookerKind.MEMBER, mulots)


# Over HTTP -----------------------------------------------------------------------------------


def public_request(day, **changes):
    return {
        "date": day.isoformat(),
        "start": "14:00",
        "end": "16:00",
        "name": "Annie Le Goff",
        "email": "annie@exemple.fr",
        "phone": "",
        "organisation": "",
        "purpose": "Réunion",
        "people": "4",
        "consent": "on",
        "website": "",
        "form_key": "",
        **changes,
    }


@pytest.mark.parametrize(("organisation", "kind"), [("Club des aînés", "association"), ("", "resident")])
def test_the_public_form_stores_the_kind(client, room, monday, organisation, kind):
    url = reverse("booking_request", args=[room.slug])
    response = client.post(url, public_request(monday, organisation=organisation))
    assert response.status_code == 201
    assert Booking.objects.values_list("booker_kind", "member").get() == (kind, None)


def for_someone(room, day, **changes):
    return {
        "room": room.pk,
        "date": day.isoformat(),
        "start": "14:00",
        "end": "16:00",
        "name": "Gérard",
        "phone": "02 99 00 00 00",
        "email": "",
        "organisation": "Chorale",
        "purpose": "Répétition",
        "people": 3,
        **changes,
    }


def test_the_team_booking_for_someone_stores_the_members_kind_when_its_author_edits_a_member(client, room, monday):
    staff = make_staff()
    client.force_login(staff)
    client.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday))
    assert Booking.objects.values_list("booker_kind", "member").get() == ("association", None)
    mulots = make_member_page("Les Mulots")
    staff.groups.add(Group.objects.get(name=f"{MEMBER_GROUP_PREFIX}Les Mulots"))
    client.post("/admin/reservations/pour-quelqu-un/", for_someone(room, monday, start="16:00", end="17:00"))
    assert Booking.objects.values_list("booker_kind", "member").last() == ("member", mulots.pk)


def test_a_series_requested_in_the_admin_is_the_members(client, room, monday):
    mulots = make_member_page("Les Mulots", editor="mulots")
    client.force_login(editor("mulots"))
    response = client.post(
        "/admin/reservations/series/demander/",
        {
            "room": room.pk,
            "weekday": 0,
            "start": "14:00",
            "end": "16:00",
            "first_date": monday.isoformat(),
            "until": (monday + datetime.timedelta(weeks=1)).isoformat(),
            "organisation": "Les Mulots",
            "name": "Annie Le Goff",
            "email": "",
            "phone": "",
            "purpose": "Atelier réparation",
            "people": 6,
        },
    )
    assert response.status_code == 200
    assert list(Booking.objects.values_list("booker_kind", "member")) == [("member", mulots.pk)] * 2


# The migration -------------------------------------------------------------------------------


def test_the_migration_sets_older_rows_from_what_they_still_hold(room, monday):
    mulots = make_member_page("Les Mulots", editor="mulots")
    series = Series.objects.create(
        room=room, weekday=0, start_time=datetime.time(9), end_time=datetime.time(10), first_date=monday,
        until=monday, organisation="Les Mulots", requested_by=editor("mulots"),
    )  # fmt: skip
    slots = iter(range(9, 18))

    def old(**fields):
        hour = next(slots)
        made = rules.book(room, at(monday, hour), at(monday, hour + 1), status=Status.CONFIRMED, **PERSON, **fields)
        Booking.objects.filter(pk=made.pk).update(booker_kind=BookerKind.RESIDENT, member=None)
        return made.pk

    expected = {
        old(series=series): ("member", mulots.pk),
        old(booked_by=editor("mulots")): ("member", mulots.pk),
        old(booked_by=make_staff(), organisation="Chorale"): ("association", None),
        old(organisation="Club des aînés"): ("association", None),
        old(): ("resident", None),
    }
    MIGRATION.set_booker_kinds(apps, None)
    rows = Booking.objects.values_list("pk", "booker_kind", "member")
    assert {pk: (kind, member) for pk, kind, member in rows} == expected


def test_the_admin_lists_filters_exports_and_shows_the_kind(client, room, monday):
    mulots = make_member_page("Les Mulots")
    rules.book(room, at(monday, 10), at(monday, 11), booker_kind=BookerKind.MEMBER, member=mulots, **PERSON)
    made = rules.book(room, at(monday, 14), at(monday, 15), organisation="Chorale", **{**PERSON, "name": "Bernard"})
    client.force_login(make_staff())
    page = client.get("/admin/booking/booking/", {"booker_kind__exact": "association"}).content.decode()
    assert "Bernard" in page and "Annie Le Goff" not in page and "Type de demandeur" in page
    export = client.get("/admin/booking/booking/", {"export": "csv"})
    assert "Membre du collectif" in b"".join(export.streaming_content).decode()
    member_booking = Booking.objects.exclude(pk=made.pk).get()
    inspect = client.get(f"/admin/booking/booking/inspect/{member_booking.pk}/").content.decode()
    assert "Membre du collectif" in inspect and "Les Mulots" in inspect
