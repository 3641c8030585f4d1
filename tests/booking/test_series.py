"""Weekly series: every free date is booked as one series, taken dates are skipped
and listed; a series is cancelled whole or date by date, with one email for all.
Members request series and see their own only."""

import datetime
import html

from django.core import mail

import pytest

from booking import rules, series
from booking.models import Booking, RoomClosure, Series, Status
from booking.wagtail_hooks import my_series
from tests.booking.conftest import at, make_room
from tests.booking.test_admin import make_member, make_staff

CONTACT = {"name": "Annie Le Goff", "email": "annie@exemple.fr", "purpose": "Atelier réparation", "people": 6}
TWO_PM, FOUR_PM = datetime.time(14), datetime.time(16)


def weekly(room, first, weeks=4, requested_by=None, **fields):
    """Every Monday 14:00–16:00 for `weeks` weeks from `first`."""
    until = first + datetime.timedelta(weeks=weeks - 1)
    return series.book_series(
        room, 0, TWO_PM, FOUR_PM, first, until, "Les Mulots", requested_by, **{**CONTACT, **fields}
    )


def body(response):
    return html.unescape(response.content.decode())


# The rules ----------------------------------------------------------------------------


def test_weekly_dates_start_on_the_first_matching_day_and_include_the_last():
    wednesday = datetime.date(2027, 3, 3)
    dates = series.weekly_dates(0, wednesday, datetime.date(2027, 3, 22))
    assert dates == [datetime.date(2027, 3, 8), datetime.date(2027, 3, 15), datetime.date(2027, 3, 22)]
    assert series.weekly_dates(0, wednesday, datetime.date(2027, 3, 7)) == []


def test_a_series_books_every_free_date_and_skips_a_taken_one(room, monday):
    taken = monday + datetime.timedelta(weeks=1)
    rules.book(room, at(taken, 15), at(taken, 17), status=Status.CONFIRMED, name="Bernard", purpose="Réunion")
    made, booked, skipped = weekly(room, monday)
    assert [timezone_date(b) for b in booked] == [
        monday,
        monday + datetime.timedelta(weeks=2),
        monday + datetime.timedelta(weeks=3),
    ]
    assert [day for day, _reason in skipped] == [taken]
    assert "déjà prise" in skipped[0][1]
    assert {b.series_id for b in booked} == {made.pk}
    assert all(b.status == Status.CONFIRMED and b.organisation == "Les Mulots" for b in booked)
    assert made.bookings.count() == 3


def timezone_date(booking):
    return booking.start.astimezone(rules.PARIS).date()


def test_a_series_waits_for_approval_when_the_room_needs_it(db, monday):
    room = make_room("Le fablab d'essai", needs_approval=True)
    _series, booked, _skipped = weekly(room, monday, weeks=2)
    assert [b.status for b in booked] == [Status.PENDING, Status.PENDING]


def test_closed_days_are_skipped_with_the_reason(room, monday):
    closed = monday + datetime.timedelta(weeks=2)
    RoomClosure.objects.create(room=room, start_date=closed, end_date=closed, reason="Inventaire")
    _series, booked, skipped = weekly(room, monday)
    assert len(booked) == 3
    assert skipped == [(closed, "La salle est fermée ce jour-là (Inventaire).")]


def test_a_season_goes_beyond_the_public_horizon_but_not_beyond_a_year(room, monday):
    _series, booked, skipped = weekly(room, monday, weeks=20)  # the public may book 90 days ahead
    assert len(booked) == 20 and not skipped
    with pytest.raises(ValueError):
        weekly(room, monday, weeks=60)


def test_a_series_keeps_its_wall_clock_time_across_the_clock_change(db):
    # The last Sunday of October 2027 is the 31st: Mondays before and after it.
    room = make_room("Salle d'hiver", horizon_days=3650)
    now = at(datetime.date(2027, 10, 1), 9)
    made, booked, _ = series.book_series(
        room,
        0,
        TWO_PM,
        FOUR_PM,
        datetime.date(2027, 10, 25),
        datetime.date(2027, 11, 1),
        "Org",
        None,
        now=now,
        **CONTACT,
    )
    assert [b.start.astimezone(rules.PARIS).time() for b in booked] == [TWO_PM, TWO_PM]
    assert booked[1].start - booked[0].start == datetime.timedelta(days=7, hours=1)


def test_nothing_is_stored_when_no_date_can_be_booked(room, monday):
    for week in range(2):
        day = monday + datetime.timedelta(weeks=week)
        rules.book(room, at(day, 14), at(day, 16), status=Status.CONFIRMED, name="Bernard", purpose="Réunion")
    made, booked, skipped = weekly(room, monday, weeks=2)
    assert made is None and booked == [] and len(skipped) == 2
    assert not Series.objects.exists()


def test_cancelling_a_series_frees_the_dates_to_come_with_one_email(room, monday):
    made, booked, _ = weekly(room, monday)
    # The first date is over: it stays as it was.
    Booking.objects.filter(pk=booked[0].pk).update(
        start=booked[0].start - datetime.timedelta(weeks=8),
        end=booked[0].end - datetime.timedelta(weeks=8),
        blocked_until=booked[0].end - datetime.timedelta(weeks=8),
    )
    cancelled = series.cancel_series(made, "Fin de l'activité")
    assert len(cancelled) == 3
    statuses = dict(made.bookings.values_list("pk", "status"))
    assert statuses[booked[0].pk] == Status.CONFIRMED
    assert [statuses[b.pk] for b in booked[1:]] == [Status.CANCELLED] * 3
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["annie@exemple.fr"] and "Fin de l'activité" in message.body
    assert message.body.count("\n- ") == 3


def test_a_series_without_email_cancels_silently(room, monday):
    made, _booked, _ = weekly(room, monday, email="")
    assert len(series.cancel_series(made)) == 4 and not mail.outbox


# The admin pages --------------------------------------------------------------------


def request_data(room, monday, weeks=4, **fields):
    return {
        "room": room.pk,
        "weekday": 0,
        "start": "14:00",
        "end": "16:00",
        "first_date": monday.isoformat(),
        "until": (monday + datetime.timedelta(weeks=weeks - 1)).isoformat(),
        "organisation": "Les Mulots",
        "name": "Annie Le Goff",
        "email": "annie@exemple.fr",
        "phone": "",
        "purpose": "Atelier réparation",
        "people": 6,
        **fields,
    }


def test_a_member_requests_a_series_and_sees_booked_and_skipped_dates(client, room, monday):
    mulots = make_member()
    taken = monday + datetime.timedelta(weeks=1)
    rules.book(room, at(taken, 14), at(taken, 16), status=Status.CONFIRMED, name="Bernard", purpose="Réunion")
    client.force_login(mulots)
    form = client.get("/admin/reservations/series/demander/")
    assert form.status_code == 200 and "Chaque" in body(form)
    response = client.post("/admin/reservations/series/demander/", request_data(room, monday))
    page = body(response)
    assert response.status_code == 200
    assert "3 dates réservées" in page and "1 date sautée" in page and "déjà prise" in page
    made = Series.objects.get()
    assert made.requested_by == mulots and made.bookings.count() == 3
    assert f"/admin/reservations/series/{made.pk}/" in page
    assert not mail.outbox


def test_the_series_form_explains_its_limits_in_french(client, room, monday):
    client.force_login(make_member())
    response = client.post(
        "/admin/reservations/series/demander/",
        request_data(room, monday, weeks=60, people=50, end="13:00"),
    )
    page = body(response)
    assert "Une série dure un an au plus" in page and "accueille au plus 10 personnes" in page
    assert "L'heure de fin doit être après l'heure de début." in page
    assert not Series.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"first_date": "2001-01-01"}, "Cette date est déjà passée."),
        ({"until": "2001-01-01"}, "La date de fin doit être après la date de début."),
        ({"organisation": ""}, "Champ requis."),
        ({"room": "999999"}, "Sélectionnez un choix valide."),
        ({"email": "pas-une-adresse"}, "Saisissez une adresse de courriel valide."),
    ],
)
def test_bad_series_requests_store_nothing(client, room, monday, change, message):
    client.force_login(make_member())
    response = client.post("/admin/reservations/series/demander/", {**request_data(room, monday), **change})
    assert response.status_code == 200 and message in body(response)
    assert not Series.objects.exists() and not Booking.objects.exists()


def test_members_see_only_their_own_series(client, room, monday):
    mulots, depantek = make_member(), make_member("depantek", "Dépan'tek")
    colleague = make_member("mulots2", "Les Mulots")
    own, _, _ = weekly(room, monday, weeks=1, requested_by=colleague)
    other, _, _ = weekly(room, monday + datetime.timedelta(weeks=1), weeks=1, requested_by=depantek)
    Series.objects.filter(pk=other.pk).update(organisation="Dépan'tek")
    client.force_login(mulots)
    page = body(client.get("/admin/booking/series/"))
    assert f"/admin/reservations/series/{own.pk}/" in page
    assert f"/admin/reservations/series/{other.pk}/" not in page and "Dépan'tek" not in page
    assert client.get(f"/admin/reservations/series/{own.pk}/").status_code == 200
    assert client.get(f"/admin/reservations/series/{other.pk}/").status_code in {302, 403}


def test_the_series_add_button_leads_to_the_request_form(client, db):
    client.force_login(make_member())
    assert client.get("/admin/booking/series/create/")["Location"] == "/admin/reservations/series/demander/"


def test_cancelling_a_whole_series_over_http(client, room, monday):
    mulots = make_member()
    made, booked, _ = weekly(room, monday, requested_by=mulots)
    client.force_login(mulots)
    page = body(client.get(f"/admin/reservations/series/{made.pk}/annuler/"))
    assert "Annuler toute la série" in page and page.count("<li><time") == 4
    assert not mail.outbox and Booking.objects.filter(status=Status.CONFIRMED).count() == 4
    response = client.post(f"/admin/reservations/series/{made.pk}/annuler/", {"reason": "Fin de saison"})
    assert response.status_code == 302 and response["Location"] == f"/admin/reservations/series/{made.pk}/"
    assert Booking.objects.filter(status=Status.CANCELLED).count() == 4
    assert len(mail.outbox) == 1 and "Fin de saison" in mail.outbox[0].body


def test_cancelling_one_date_of_a_series_over_http(client, room, monday):
    mulots = make_member()
    made, booked, _ = weekly(room, monday, requested_by=mulots)
    client.force_login(mulots)
    detail = body(client.get(f"/admin/reservations/series/{made.pk}/"))
    one = booked[2]
    assert f"/admin/reservations/series/{made.pk}/annuler/{one.pk}/" in detail
    client.post(f"/admin/reservations/series/{made.pk}/annuler/{one.pk}/", {"reason": "Jour férié"})
    one.refresh_from_db()
    assert one.status == Status.CANCELLED and one.reason == "Jour férié"
    assert Booking.objects.filter(status=Status.CONFIRMED).count() == 3
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["annie@exemple.fr"]


def test_another_member_cannot_cancel_a_series(client, room, monday):
    made, _booked, _ = weekly(room, monday, requested_by=make_member())
    client.force_login(make_member("depantek", "Dépan'tek"))
    for url in [f"/admin/reservations/series/{made.pk}/annuler/", f"/admin/reservations/series/{made.pk}/accepter/"]:
        assert client.post(url, {"reason": "Non"}).status_code in {302, 403}
    assert Booking.objects.filter(status=Status.CONFIRMED).count() == 4 and not mail.outbox


def test_anonymous_visitors_cannot_request_a_series(client, room, monday):
    response = client.post("/admin/reservations/series/demander/", request_data(room, monday))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Series.objects.exists()


def test_coordination_accepts_a_whole_series_with_one_email(client, db, monday):
    room = make_room("Le fablab d'essai", needs_approval=True)
    made, _booked, _ = weekly(room, monday, requested_by=make_member())
    client.force_login(make_staff())
    detail = body(client.get(f"/admin/reservations/series/{made.pk}/"))
    assert "Accepter les 4 dates en attente" in detail
    client.post(f"/admin/reservations/series/{made.pk}/accepter/")
    assert made.bookings.filter(status=Status.CONFIRMED).count() == 4
    assert len(mail.outbox) == 1


def test_members_cannot_accept_their_own_series(client, db, monday):
    room = make_room("Le fablab d'essai", needs_approval=True)
    mulots = make_member()
    made, _booked, _ = weekly(room, monday, requested_by=mulots)
    client.force_login(mulots)
    assert "dates en attente" not in body(client.get(f"/admin/reservations/series/{made.pk}/"))
    assert client.post(f"/admin/reservations/series/{made.pk}/accepter/").status_code in {302, 403}
    assert made.bookings.filter(status=Status.PENDING).count() == 4


def test_the_member_dashboard_lists_its_own_series_and_how_to_ask_for_one(rf, room, monday):
    mulots = make_member()
    own, _booked, _ = weekly(room, monday, weeks=2, requested_by=mulots)
    other, _booked, _ = weekly(room, monday + datetime.timedelta(weeks=3), requested_by=make_member("x", "Autre"))
    request = rf.get("/admin/")
    request.user = mulots
    title, items = my_series(request, [])
    assert title == "Mes réservations de salles chaque semaine"
    assert [url for _text, url in items] == [
        f"/admin/reservations/series/{own.pk}/",
        "/admin/reservations/series/demander/",
    ]
