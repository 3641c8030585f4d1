import datetime
import re
from urllib.parse import urlparse

from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest
from bs4 import BeautifulSoup

from booking import emails, rules
from booking.models import Booking, RoomClosure, RoomHours, Status
from core.mail import deadline
from tests.booking.conftest import at, make_room

pytestmark = pytest.mark.django_db


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def form_url(room):
    return reverse("booking_request", args=[room.slug])


def valid(day, **changes):
    data = {
        "date": day.isoformat(),
        "start": "14:00",
        "end": "16:00",
        "name": "Annie Le Goff",
        "email": "annie@exemple.fr",
        "phone": "",
        "organisation": "Club des aînés",
        "purpose": "Réunion du bureau",
        "people": "6",
        "consent": "on",
        "website": "",
        "form_key": "",
    }
    return {**data, **changes}


def link_in(message):
    return re.search(r"https?://\S+/reserver/\S+/", message.body).group(0)


def test_rooms_list_links_to_each_bookable_room(client, room):
    make_room(name="Salle fermée au public", bookable=False)
    page = html(client.get(reverse("booking_rooms")))
    assert [a.get_text() for a in page.select(".room a")] == ["Salle d'essai"]
    assert page.find("a", string="Réserver une salle", attrs={"aria-current": "page"}) is not None


def week_of(page):
    """The week view's days: [[text of each item]], from its seven day sections."""
    return [[li.get_text() for li in day.find_all("li")] for day in page.select(".week .day")]


def test_week_view_shows_free_booked_closed_and_atelier_slots_never_who(client, room, monday):
    rules.book(room, at(monday, 14), at(monday, 16), name="Annie Secret", email="a@exemple.fr", purpose="Privé")
    RoomClosure.objects.create(
        room=room,
        start_date=monday + datetime.timedelta(days=2),
        end_date=monday + datetime.timedelta(days=2),
        reason="inventaire",
    )
    response = client.get(reverse("booking_room", args=[room.slug]), {"semaine": monday.isoformat()})
    page = html(response)
    assert "Annie" not in response.content.decode() and "Privé" not in response.content.decode()
    assert page.find(id="week-heading").get_text().startswith(f"Créneaux de la semaine du {monday.day} ")
    days = week_of(page)
    free = [f"{hour} · Libre" for hour in ("9h00", "9h30", "10h00", "10h30", "11h00", "11h30")]
    assert days[0] == [
        *free,
        "12h00 – 12h30 · Trop court",  # 30 minutes before lunch, the minimum is 1 h
        "12h30 – 13h30 · Fermé",  # lunch
        "13h30 – 14h00 · Trop court",  # 30 free minutes before the booking
        "14h00 – 16h00 · Réservé",  # four slots, one item
        "16h00 · Libre",
        "16h30 · Libre",
        "17h00 · Libre",
        "17h30 – 18h00 · Trop court",  # 30 minutes before closing
    ]
    # The closure (Wednesday, with its reason) and Sunday: closed all day, one sentence instead of a list.
    assert days[2] == days[6] == []
    sections = page.select(".week .day")
    assert [section.find(class_="day__closed").get_text() for section in (sections[2], sections[6])] == [
        "Fermé ce jour-là (inventaire).",
        "Fermé ce jour-là.",
    ]
    assert sections[2].ol is None and sections[6].ol is None


def test_a_slot_not_bookable_online_says_why_in_its_own_words(client, room, monday):
    room.notice_hours = 30 * 24
    room.save()
    page = html(client.get(reverse("booking_room", args=[room.slug]), {"semaine": monday.isoformat()}))
    # The reason is the item's own text: read by a screen reader as shown, not a colour or a title.
    assert week_of(page)[0] == [
        "9h00 – 12h30 · Indisponible\u00a0: il faut réserver au moins 720 heures à l'avance",
        "12h30 – 13h30 · Fermé",
        "13h30 – 18h00 · Indisponible\u00a0: il faut réserver au moins 720 heures à l'avance",
    ]
    legend = page.find(class_="legend").get_text()
    assert "«\u00a0Indisponible\u00a0»\u00a0: libre, mais pas encore ou plus réservable en ligne" in legend


def test_the_week_is_sent_once_a_list_per_day_from_its_opening_to_its_closing(client, room, monday):
    RoomHours.objects.create(room=room, weekday=4, opens=datetime.time(19), closes=datetime.time(21))
    page = html(client.get(reverse("booking_room", args=[room.slug]), {"semaine": monday.isoformat()}))
    days = page.select(".week .day")
    assert len(days) == 7 and not page.find("table")
    day_links = [a["href"] for a in page.select(".day-nav a")]
    assert day_links == [f"#{day['id']}" for day in days] and days[0]["id"] == f"jour-{monday.isoformat()}"
    assert days[0].h3.get_text().startswith(f"Lundi {monday.day} ")
    # The week's times run from 9:00 to 21:00 (Friday evening); the other days stop at 18:00.
    items = week_of(page)
    assert items[0][0] == "9h00 · Libre" and items[0][-1] == "17h30 – 18h00 · Trop court"
    assert items[4][-5:] == [
        "18h00 – 19h00 · Fermé",  # between two openings: listed
        "19h00 · Libre",
        "19h30 · Libre",
        "20h00 · Libre",
        "20h30 – 21h00 · Trop court",
    ]
    link = days[0].find("li", class_="slot--free").a
    assert link["href"] == f"{form_url(room)}?date={monday.isoformat()}&debut=09:00"
    # Its name: what it shows, then what it does (WCAG 2.5.3), with no hidden element to carry it.
    assert link.get_text() == "9h00 · Libre" and not link.find_all(True)
    assert link["aria-label"] == f"9h00 · Libre\u00a0: réserver le lundi {monday.day} {date_format(monday, 'F')} à 9h00"


def test_the_form_asks_in_short_steps_and_folds_what_nobody_has_to_answer(client, room, monday):
    room.questions = "Avez-vous besoin du vidéoprojecteur ?"
    room.save()
    page = html(client.get(form_url(room), {"date": monday.isoformat(), "debut": "14:00"}))
    form = page.find("form", class_="form")
    steps = [
        (step.find(["legend", "summary"]).get_text(strip=True), [tag["name"] for tag in step.select("[name]")])
        for step in form.select(".form-step")
    ]
    assert steps == [
        ("1. Quand\u00a0?", ["date", "start", "end"]),
        ("2. Vous", ["name", "email", "phone"]),
        ("3. Votre réservation", ["purpose", "people", "website"]),
        ("Ajouter des précisions (facultatif)", ["organisation", "question_0"]),
    ]
    assert form.find("details", class_="form-step").get("open") is None
    # Every field is in a step, but the consent, placed after the rules it refers to.
    visible = {tag["name"] for tag in form.select("input, textarea, select") if tag.get("type") != "hidden"}
    assert visible - {name for _title, names in steps for name in names} == {"consent"}
    # The slot chosen in the week is already filled in; « 1 » person too.
    assert [form.find(id=f"id_{name}")["value"] for name in ("date", "start", "end", "people")] == [
        monday.isoformat(),
        "14:00",
        "15:00",
        "1",
    ]


def test_a_room_booked_straight_away_does_not_ask_what_for_one_to_approve_does(client, room, monday):
    data = valid(monday, purpose="", organisation="")
    assert client.post(form_url(room), data).status_code == 201
    booking = Booking.objects.get(email="annie@exemple.fr")
    assert booking.purpose == ""
    # Said nowhere as an empty « Objet » : neither on the booking's page nor in its mails.
    rules.confirm_email(booking)
    emails.send_status(booking)
    assert "Salle\u00a0: " in mail.outbox[-1].body and "Objet" not in mail.outbox[-1].body
    manage = html(client.get(reverse("booking_manage", args=[rules.make_token(booking)])))
    assert "Salle" in manage.find("dl", class_="facts").get_text() and "Objet" not in manage.get_text()
    page = html(client.get(form_url(room)))
    assert (
        page.find("label", attrs={"for": "id_purpose"})
        .get_text(strip=True)
        .startswith("Pour quoi faire\u00a0? (facultatif)")
    )
    approved = make_room(name="Fablab d'essai", needs_approval=True)
    response = client.post(form_url(approved), valid(monday, purpose="", email="b@exemple.fr"))
    assert response.status_code == 400 and not Booking.objects.filter(email="b@exemple.fr").exists()
    page = html(response)
    assert page.find(id="resume-des-erreurs").find("a", href="#id_purpose") is not None


def test_a_wrong_answer_in_the_folded_step_opens_it(client, room, monday):
    room.questions = "Matériel ?"
    room.save()
    response = client.post(form_url(room), valid(monday, question_0="x" * 501))
    assert response.status_code == 400
    assert html(response).find("details", class_="form-step").has_attr("open")


def test_durations_are_in_hours_and_the_consent_comes_after_the_rules(client, room, monday):
    room.min_minutes, room.max_minutes, room.terms = 60, 270, "<p>Rendre la salle rangée.</p>"
    room.save()
    week_page = html(client.get(reverse("booking_room", args=[room.slug])))
    assert "de 1 h à 4 h 30" in week_page.find("dl", class_="facts").get_text()
    form_page = html(client.get(form_url(room), {"date": monday.isoformat(), "debut": "14:00"}))
    assert "Une réservation dure de 1 h à 4 h 30" in form_page.find(class_="lead").get_text()
    form = form_page.find("form", class_="form")
    order = [
        tag.get("id") or tag.get_text(strip=True)
        for tag in form.find_all(["h2", "input"])
        if tag.name == "h2" or tag.get("id") in ("id_people", "id_consent")
    ]
    assert order == [
        "1. Quand\u00a0?",
        "2. Vous",
        "3. Votre réservation",
        "id_people",
        "Conditions d'utilisation",
        "Ce que deviennent vos données",
        "id_consent",
    ]
    assert len(form.select("#id_consent")) == 1


def test_the_pages_and_the_mail_state_the_same_holding_time(client, room, monday, monkeypatch):
    monkeypatch.setattr(rules, "UNCONFIRMED_VALIDITY", datetime.timedelta(hours=48))
    response = client.post(form_url(room), valid(monday))
    hours = rules.hold_hours()
    assert hours == 48  # what the one constant says, not a figure written in a template
    assert f"Sans confirmation sous {hours} heures" in html(response).find(role="status").get_text(" ", strip=True)
    # The mail says the same constant as the hour it ends, in its first line.
    booking = Booking.objects.get()
    assert deadline(booking.created_at + datetime.timedelta(hours=hours)) in mail.outbox[-1].body.splitlines()[0]


@pytest.mark.parametrize(
    "query", [{"date": "9999-12-31", "debut": "23:59"}, {"date": "0001-01-01", "debut": "25:00"}, {"date": "x"}]
)
def test_a_slot_at_the_end_of_the_calendar_or_malformed_gives_an_empty_form(client, room, query):
    response = client.get(form_url(room), query)
    assert response.status_code == 200
    assert not html(response).find(id="id_start").get("value")


def test_week_view_navigates_within_the_horizon(client, room):
    url = reverse("booking_room", args=[room.slug])
    page = html(client.get(url))
    assert page.find("a", rel="prev") is None and page.find("a", rel="next") is not None
    assert client.get(url, {"semaine": "2001-01-01"}).status_code == 302
    assert client.get(url, {"semaine": "pas-une-date"}).status_code == 302
    assert client.get(reverse("booking_room", args=["salle-inconnue"])).status_code == 404


def test_a_slot_from_the_week_view_prefills_the_form(client, room, monday):
    response = client.get(form_url(room), {"date": monday.isoformat(), "debut": "14:00"})
    page = html(response)
    assert page.find(id="id_start")["value"] == "14:00"
    assert page.find(id="id_end")["value"] == "15:00"  # the minimum duration
    assert page.find(id="id_form_key")["value"]
    assert "effacés 90 jours après la réservation" in page.find(id="data-notice").get_text()


def test_a_request_is_stored_emailed_and_confirmed_through_a_button(client, room, monday):
    response = client.post(form_url(room), valid(monday))
    assert response.status_code == 201
    booking = Booking.objects.get()
    assert (booking.status, booking.people, booking.start) == (Status.UNCONFIRMED, 6, at(monday, 14))
    message = mail.outbox[-1]
    assert message.to == ["annie@exemple.fr"]
    action = (
        f"Confirmez votre demande de réservation avant le {deadline(booking.created_at + rules.UNCONFIRMED_VALIDITY)}"
    )
    assert message.subject.startswith(action + " — ")
    assert (
        message.body.splitlines()[0]
        == f"{action}\u00a0: ouvrez ce lien, puis cliquez sur «\u00a0Confirmer ma demande\u00a0»."
    )
    assert message.attachments == []  # a request is not in the calendar yet
    url = link_in(message)
    assert client.get(url).status_code == 200  # opening the link changes nothing
    booking.refresh_from_db()
    assert booking.status == Status.UNCONFIRMED
    client.post(url, {"action": "confirm"})
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    assert "confirmée" in mail.outbox[-1].subject
    assert mail.outbox[-1].attachments[0][0] == "reservation.ics"  # confirmed: now it goes in the calendar
    client.post(url, {"action": "confirm"})  # replayed: nothing more
    assert len(mail.outbox) == 2
    client.post(url, {"action": "cancel"})
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED and "annulée" in mail.outbox[-1].subject
    assert "Annuler" not in client.get(url).content.decode()
    assert client.post(url, {"action": "supprimer"}).status_code == 400


def test_cancelling_asks_on_its_own_page_and_says_what_happens(client, room, monday):
    client.post(form_url(room), valid(monday))
    url = link_in(mail.outbox[-1])
    manage = BeautifulSoup(client.get(url).content, "html.parser")
    link = manage.find("a", string="Annuler ma réservation")
    assert link is not None and not manage.select('button[value="cancel"]')
    page = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert Booking.objects.get().status == Status.UNCONFIRMED  # opening the step changes nothing
    assert page.h1.get_text() == "Annuler votre réservation\u00a0?"
    assert "Le créneau redeviendra libre" in page.get_text()
    assert page.find("a", string="Non, garder ma réservation")["href"] == urlparse(url).path
    form = page.find("button", string="Oui, annuler ma réservation").find_parent("form")
    client.post(form["action"], {"action": "cancel"})
    assert Booking.objects.get().status == Status.CANCELLED
    assert client.get(link["href"]).status_code == 302  # nothing left to cancel: back to the booking


def test_forged_links_are_refused(client):
    assert client.get(reverse("booking_manage", args=["1:forge"])).status_code == 400
    assert client.get(reverse("booking_cancel", args=["1:forge"])).status_code == 400
    assert client.get(reverse("booking_mine", args=["annie@exemple.fr"])).status_code == 400


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"end": "14:00"}, "end", "L'heure de fin doit être après l'heure de début."),
        ({"end": "13:00"}, "end", "L'heure de fin doit être après l'heure de début."),
        ({"start": "14:10"}, "start", "créneau de 30 minutes"),
        ({"end": "14:30"}, "end", "La durée minimale est de 1 h."),
        ({"start": "09:00", "end": "18:00"}, "end", "La durée maximale est de 4 h."),
        ({"start": "12:00"}, "end", "En dehors des heures d'ouverture"),
        ({"start": "07:00", "end": "09:00"}, "start", "En dehors des heures d'ouverture"),
        ({"date": "2001-01-01"}, "start", "Ce créneau est déjà passé."),
        ({"date": "2099-01-05"}, "date", "On ne peut pas réserver plus de 90 jours à l'avance."),
        ({"date": "31/02/2027"}, "date", "Saisissez une date qui existe, par exemple 15/01/2027"),
        ({"start": "25:00"}, "start", "Saisissez l'heure de début en heures et minutes, par exemple 14:00"),
        ({"people": "11"}, "people", "Cette salle accueille au plus 10 personnes."),
        ({"people": "0"}, "people", "Saisissez au moins 1 personne"),
        ({"name": ""}, "name", "Saisissez votre nom, par exemple Jeanne Martin"),
        ({"name": "x" * 101}, "name", "au plus 100 caractères"),
        ({"purpose": "y" * 301}, "purpose", "au plus 300 caractères"),
        ({"email": "pas-une-adresse"}, "email", "Saisissez votre adresse électronique complète"),
        ({"consent": ""}, "consent", "Cochez la case «\u00a0J'ai lu ce que deviennent mes données\u00a0»"),
    ],
)
def test_bad_input_gets_a_french_message_next_to_the_field_and_stores_nothing(
    client, room, monday, change, field, message
):
    response = client.post(form_url(room), valid(monday, **change))
    assert response.status_code == 400
    page = html(response)
    assert message in page.find(id=f"id_{field}_error").get_text()
    assert f"id_{field}_error" in page.find(id=f"id_{field}")["aria-describedby"]
    assert not Booking.objects.exists() and not mail.outbox


def test_an_unknown_or_closed_room_cannot_be_booked(client, monday):
    hidden = make_room(name="Salle en travaux", bookable=False)
    for slug in ("salle-inconnue", hidden.slug):
        assert client.post(reverse("booking_request", args=[slug]), valid(monday)).status_code == 404
    assert not Booking.objects.exists() and not mail.outbox


def test_a_closed_day_and_a_clock_change_are_explained(client, room, monday):
    sunday = monday + datetime.timedelta(days=6)
    response = client.post(form_url(room), valid(sunday))
    assert "La salle est fermée le dimanche." in html(response).find(id="id_date_error").get_text()
    night = make_room(name="Salle de nuit", hours=[(datetime.time(0), datetime.time(23, 30))], weekdays=range(7))
    october = datetime.date(2027, 10, 31)
    response = client.post(form_url(night), valid(october, start="02:30", end="04:00"))
    assert response.status_code == 400 and "changement d'heure" in html(response).find(id="id_start_error").get_text()
    assert not Booking.objects.exists()


def test_html_in_text_fields_is_shown_escaped(client, room, monday):
    client.post(form_url(room), valid(monday, name="<script>alert(1)</script>", purpose="<b>fête</b>"))
    booking = Booking.objects.get()
    page = client.get(link_in(mail.outbox[-1])).content.decode()
    assert "<b>fête</b>" not in page and "&lt;b&gt;fête&lt;/b&gt;" in page
    assert booking.name == "<script>alert(1)</script>"  # kept as typed, never rendered as HTML


def test_a_taken_slot_is_refused_and_the_same_form_sent_twice_makes_one_booking(client, room, monday):
    first = client.post(form_url(room), valid(monday, form_key="cle-unique-1"))
    again = client.post(form_url(room), valid(monday, form_key="cle-unique-1"))
    assert (first.status_code, again.status_code) == (201, 201)
    other = client.post(form_url(room), valid(monday, start="15:00", end="17:00", form_key="cle-2"))
    assert other.status_code == 400
    assert "Ce créneau vient d'être réservé" in html(other).find(id="id_start_error").get_text()
    assert Booking.objects.count() == 1 and len(mail.outbox) == 1


def test_a_slot_held_by_an_atelier_is_refused_with_a_message_that_says_so(client, home_page, room, monday):
    from tests.agenda.factories import make_atelier

    make_atelier(start=at(monday, 14), room=room, slug="atelier-dans-la-salle")
    response = client.post(form_url(room), valid(monday, start="15:00", end="17:00"))
    assert response.status_code == 400
    assert html(response).find(id="id_start_error").get_text(strip=True) == (
        "Erreur\u00a0:Ce créneau n'est pas libre (Atelier). Choisissez-en un autre."
    )
    assert not room.bookings.exists() and mail.outbox == []


def test_the_honeypot_stops_robots(client, room, monday):
    response = client.post(form_url(room), valid(monday, website="http://spam.example"))
    assert response.status_code == 400 and not Booking.objects.exists()


def test_too_many_requests_from_one_address_are_refused(client, room, monday, settings):
    settings.BOOKING_REQUESTS_PER_HOUR = 3
    statuses = [
        client.post(form_url(room), valid(monday, start=f"{9 + n}:00", end=f"{10 + n}:00")).status_code
        for n in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    assert Booking.objects.count() == 3


def test_behind_the_proxy_one_visitor_reaching_the_limit_does_not_block_another(client, room, monday, settings):
    settings.TRUSTED_PROXIES, settings.BOOKING_REQUESTS_PER_HOUR = ["127.0.0.1"], 2

    def post(visitor, hour):
        data = valid(monday, start=f"{hour}:00", end=f"{hour + 1}:00")
        return client.post(form_url(room), data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor).status_code

    assert [post("198.51.100.1", hour) for hour in (9, 10, 11)] == [201, 201, 429]
    assert post("198.51.100.2", 14) == 201
    assert Booking.objects.count() == 3


def test_mistakes_count_less_than_sends_but_a_robot_hammering_is_stopped(client, room, monday, settings):
    settings.BOOKING_REQUESTS_PER_HOUR = 2
    wrong = valid(monday, email="pas-une-adresse")
    statuses = [client.post(form_url(room), wrong).status_code for _ in range(7)]
    assert statuses == [400] * 6 + [429]  # three times the limit of refused sends
    assert not Booking.objects.exists()


def test_a_form_without_csrf_token_is_refused(room, monday):
    response = Client(enforce_csrf_checks=True).post(form_url(room), valid(monday))
    assert response.status_code == 403 and not Booking.objects.exists()


def test_my_bookings_are_sent_by_email_link_never_shown_on_request(client, room, monday):
    rules.book(room, at(monday, 14), at(monday, 16), name="Annie", email="annie@exemple.fr", purpose="Bureau")
    url = reverse("booking_mine_request")
    response = client.post(url, {"email": "inconnu@exemple.fr", "website": ""}, follow=True)
    assert "Si cette adresse a des réservations" in response.content.decode() and not mail.outbox
    response = client.post(url, {"email": "Annie@exemple.fr", "website": ""}, follow=True)
    assert "Si cette adresse a des réservations" in response.content.decode()
    page = html(client.get(link_in(mail.outbox[-1]).replace("mes-reservations", "mes-reservations")))
    links = page.select(".booking-list a")
    assert len(links) == 1 and links[0]["href"].startswith("/reserver/reservation/")
    assert client.post(url, {"email": "pas-une-adresse"}).status_code == 400


def test_week_view_makes_the_same_queries_with_10_and_10000_bookings(client, monday):
    room = make_room(min_minutes=30)
    url = reverse("booking_room", args=[room.slug])

    def fill(count):
        Booking.objects.all().delete()
        start = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(days=count // 40)
        slots = [start + datetime.timedelta(minutes=30 * n) for n in range(count)]
        Booking.objects.bulk_create(
            Booking(
                room=room,
                start=s,
                end=s + datetime.timedelta(minutes=30),
                blocked_until=s + datetime.timedelta(minutes=30),
                status=Status.CONFIRMED,
                name="x",
                purpose="x",
            )
            for s in slots
        )

    client.get(url)  # warm the site and settings caches
    counts = []
    for count in (10, 10_000):
        fill(count)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"semaine": monday.isoformat()})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Booking.objects.count() == 10_000


@pytest.mark.parametrize(("day", "start", "end"), [("0001-01-01", "00:00", "02:00"), ("9999-12-31", "22:00", "23:30")])
def test_a_booking_at_the_ends_of_the_calendar_is_refused_with_a_message(client, room, day, start, end):
    response = client.post(form_url(room), valid(datetime.date(2000, 1, 1), date=day, start=start, end=end))
    assert response.status_code == 400
    assert html(response).find(id="id_start_error") or html(response).find(id="id_date_error")
    assert Booking.objects.count() == 0


def test_a_wall_clock_time_with_no_utc_time_is_refused():
    with pytest.raises(rules.InvalidLocalTime):
        rules.local_datetime(datetime.date(1, 1, 1), datetime.time(0, 0))


def test_the_same_page_sent_again_with_another_persons_details_answers_for_that_person(client, room, monday):
    """A shared computer: the next person uses « Retour » and sends the same page for another slot."""
    client.post(form_url(room), valid(monday, form_key="cle-partagee"))
    second = valid(monday, start="17:00", end="18:00", name="Bernard", email="bernard@exemple.fr")
    response = client.post(form_url(room), {**second, "form_key": "cle-partagee"})
    page = response.content.decode()
    assert response.status_code == 201 and "bernard@exemple.fr" in page and "annie@exemple.fr" not in page
    assert sorted(Booking.objects.values_list("email", flat=True)) == ["annie@exemple.fr", "bernard@exemple.fr"]
    # The second person on the first person's slot is told it is taken, not shown the first booking.
    taken = client.post(
        form_url(room), valid(monday, name="Claude", email="claude@exemple.fr", form_key="cle-partagee")
    )
    assert taken.status_code == 400 and "annie@exemple.fr" not in taken.content.decode()


def test_a_booking_link_older_than_its_maximum_age_no_longer_opens(client, room, monday, settings, monkeypatch):
    import time

    client.post(form_url(room), valid(monday))
    link = urlparse(link_in(mail.outbox[0])).path
    assert client.get(link).status_code == 200
    later = time.time() + datetime.timedelta(days=settings.PERSONAL_LINK_DAYS, hours=1).total_seconds()
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert client.get(link).status_code == 400
