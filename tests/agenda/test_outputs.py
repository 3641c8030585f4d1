"""What the agenda sends out, read by independent strict clients (tests/validators.py): every
calendar file it serves or mails (the `ical` parser and RFC 5545/5546), its Atom feed
(feedparser and RFC 4287), its schema.org Events (search engines' rules)."""

import datetime
import email
import json

from django.core import mail
from django.utils import timezone

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from agenda import emails, registration
from agenda.models import FestivalPage, Occurrence
from tests.agenda.factories import agenda_index, atelier, make_atelier
from tests.validators import atom_errors, event_errors_jsonld, ics_errors


def ics(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert ics_errors(response.content) == []
    return icalendar.Calendar.from_ical(response.content)


def mailed_calendar(message):
    """The .ics of a mail as it travels (CRLF), with its MIME type."""
    parsed = email.message_from_bytes(message.message().as_bytes(linesep="\r\n"))
    part = next(part for part in parsed.walk() if part.get_content_type() == "text/calendar")
    assert ics_errors(part.get_payload(decode=True)) == []
    return part.get_param("method"), icalendar.Calendar.from_ical(part.get_payload(decode=True))


def test_every_calendar_the_agenda_serves_is_valid_even_with_nothing_in_it(agenda, client):
    soon = make_atelier(title="Bientôt")
    past = make_atelier(title="Passé", start=timezone.now() - datetime.timedelta(days=60))
    festival = FestivalPage(
        title="La BooTIC", slug="bootic", start_date=timezone.localdate(), end_date=timezone.localdate()
    )
    agenda.add_child(instance=festival)
    festival.save_revision().publish()
    session = soon.occurrences.get()

    full = [
        "/agenda/calendrier.ics",
        soon.ical_url,
        f"/agenda/seance-{session.pk}.ics",
    ]
    empty = [
        past.ical_url,  # an atelier whose sessions are long past
        "/agenda/calendrier.ics?public=jeunes",  # a filter without sessions
        f"/agenda/festival-{festival.pk}/programme.ics",  # a programme with nothing chosen
    ]
    for url in full:
        assert len(ics(client.get(url)).walk("VEVENT")) >= 1, url
    for url in empty:
        cal = ics(client.get(url))
        # The decision (docs/sorties.md): an empty calendar carries the Paris time zone only.
        assert (cal.walk("VEVENT"), [str(zone["TZID"]) for zone in cal.walk("VTIMEZONE")]) == ([], ["Europe/Paris"])


@pytest.mark.parametrize("url", ["/agenda/calendrier.ics", "/agenda/flux.xml"])
@pytest.mark.parametrize(
    "query", [{"membre": "personne"}, {"categorie": "inconnue"}, {"public": "martiens"}, {"du": "hier"}]
)
def test_a_feed_asked_with_an_unknown_filter_is_refused_in_french_not_the_whole_agenda(agenda, client, url, query):
    make_atelier(title="Bientôt")
    response = client.get(url, query)
    assert response.status_code == 404
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Ce filtre ne correspond à rien dans l'agenda"
    assert str(next(iter(query.values()))) in page.main.get_text()
    assert "Bientôt" not in response.content.decode()


def test_the_atom_feed_is_valid_with_an_author_and_each_entry_its_own_updated(agenda, client):
    weekly = make_atelier(title="Chaque semaine", frequency="weekly")
    weekly.repeat_until = (weekly.start + datetime.timedelta(weeks=3)).date()
    weekly.save_revision().publish()
    moved = weekly.occurrences.order_by("start")[1]
    moved.new_version(timezone.now() + datetime.timedelta(minutes=5))
    moved.save()

    response = client.get("/agenda/flux.xml")
    assert atom_errors(response.content) == []
    feed = feedparser.parse(response.content)
    assert feed.feed.author == "Espace numérique du Pays de Redon"
    updated = [entry.updated for entry in feed.entries]
    assert len(updated) == 4 and len(set(updated)) == 2  # the moved session has its own date


def test_a_session_moved_or_cancelled_is_a_newer_version_in_every_calendar(agenda, client):
    weekly = make_atelier(title="Chaque semaine", frequency="weekly")
    weekly.repeat_until = (weekly.start + datetime.timedelta(weeks=1)).date()
    weekly.save_revision().publish()
    first, second = weekly.occurrences.order_by("start")
    assert (first.sequence, second.sequence) == (0, 0)

    weekly.repeat_until = weekly.start.date()  # the second date is dropped: kept cancelled if people came
    registration.register(second, "Annie", "annie@exemple.fr", 1)
    weekly.save_revision().publish()
    registration.cancel_occurrence(first)

    for occurrence in Occurrence.objects.filter(atelier=weekly):
        cal = ics(client.get(f"/agenda/seance-{occurrence.pk}.ics"))
        event = cal.walk("VEVENT")[0]
        assert (int(event["SEQUENCE"]), str(event["STATUS"])) == (1, "CANCELLED")


def test_cancelling_a_registration_mails_the_removal_of_the_session_from_the_calendar(agenda):
    session = make_atelier(title="Tablette").occurrences.get()
    made = registration.register(session, "Annie", "annie@exemple.fr", 1)
    emails.send_registered(made)
    registration.cancel(made)

    (sent_method, sent), (cancel_method, cancel) = (mailed_calendar(m) for m in mail.outbox if m.attachments)
    assert (sent_method, cancel_method) == ("PUBLISH", "CANCEL")
    sent_event, cancel_event = sent.walk("VEVENT")[0], cancel.walk("VEVENT")[0]
    assert str(cancel_event["UID"]) == str(sent_event["UID"])
    assert int(cancel_event["SEQUENCE"]) > int(sent_event["SEQUENCE"])
    assert str(cancel_event["ORGANIZER"]).startswith("mailto:")


def test_someone_only_on_the_waiting_list_gets_no_calendar_to_remove(agenda):
    session = make_atelier(title="Tablette", places=1).occurrences.get()
    registration.register(session, "Premier", "premier@exemple.fr", 1)
    waiting = registration.register(session, "Annie", "annie@exemple.fr", 1)
    mail.outbox.clear()
    registration.cancel(waiting)
    assert [message.attachments for message in mail.outbox] == [[]]


def events_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    found = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    return [item for data in found for item in (data if isinstance(data, list) else [data])]


def test_events_carry_what_search_engines_require_and_recommend(agenda, client):
    placed = atelier(
        timezone.now() + datetime.timedelta(days=3),
        organisers=["les-mulots"],
        title="Au marché",
        place_name="Halle",
        place_address="Place du Marché, 35600 Redon",
    )
    at_espace = atelier(timezone.now() + datetime.timedelta(days=4), title="À l'espace", slug="a-l-espace")
    for page in (placed, at_espace):  # the factory's last save() left them without a first publication
        page.save_revision().publish()
    registration.cancel_occurrence(at_espace.occurrences.get())

    (placed_event,) = events_of(client.get(placed.url))
    (cancelled_event,) = events_of(client.get(at_espace.url))
    for event in (placed_event, cancelled_event):
        assert event_errors_jsonld(event) == [], event
    assert placed_event["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Place du Marché",
        "postalCode": "35600",
        "addressLocality": "Redon",
        "addressCountry": "FR",
    }
    assert placed_event["organizer"][0]["url"].endswith("/les-mulots/")
    assert placed_event["offers"]["availability"] == "https://schema.org/InStock"
    assert cancelled_event["eventStatus"] == "https://schema.org/EventCancelled"
    assert "availability" not in cancelled_event["offers"]


def test_a_festival_is_an_event_for_search_engines(agenda, client):
    festival = FestivalPage(
        title="La BooTIC",
        slug="bootic",
        intro="Une semaine d'ateliers.",
        start_date=datetime.date(2026, 3, 2),
        end_date=datetime.date(2026, 3, 7),
    )
    agenda_index().add_child(instance=festival)
    festival.save_revision().publish()
    (event,) = events_of(client.get(festival.url))
    # A festival's sessions each have their own price: no offer for the whole.
    recommended = ("description", "endDate", "eventStatus", "image", "organizer")
    assert event_errors_jsonld(event, recommended) == []
    assert (event["startDate"], event["endDate"]) == ("2026-03-02", "2026-03-07")
