"""The agenda's sessions as schema.org Events: the atelier pages' own structured data, for the
sessions of the last twelve months and those to come, of public ateliers only."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

from jsonschema import Draft202012Validator

from agenda.models import AtelierPage
from tests.agenda.factories import make_atelier
from tests.opendata.conftest import SESSIONS_URL

# The part of schema.org's Event (https://schema.org/Event) that a calendar or a map reads.
EVENT_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["@context", "@type", "name", "startDate", "endDate", "eventStatus", "location", "url"],
        "properties": {
            "@context": {"const": "https://schema.org"},
            "@type": {"const": "Event"},
            "name": {"type": "string", "minLength": 1},
            "startDate": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"},
            "endDate": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"},
            "eventStatus": {
                "enum": [
                    "https://schema.org/EventScheduled",
                    "https://schema.org/EventCancelled",
                    "https://schema.org/EventRescheduled",
                ]
            },
            "location": {"type": "object", "required": ["@type", "name"]},
            "url": {"type": "string", "pattern": "^https?://"},
        },
    },
}


def test_the_demo_sessions_are_valid_events_in_date_order(home_page, get_json):
    events = get_json(SESSIONS_URL)
    assert list(Draft202012Validator(EVENT_SCHEMA).iter_errors(events)) == []
    assert len(events) >= 10
    assert {"@type": "Organization", "name": "Les Mulots", "url": "http://testserver/le-collectif/les-mulots/"} in [
        org for event in events for org in event.get("organizer", [])
    ]
    starts = [datetime.datetime.fromisoformat(event["startDate"]) for event in events]
    assert starts == sorted(starts)


def test_each_event_is_what_the_atelier_page_says_of_it(agenda, get_json):  # noqa: F811
    atelier = make_atelier(title="Réparer son vélo électrique", place_name="Fablab")
    second = make_atelier(title="Découvrir Linux")
    for page in (atelier, second):
        page.refresh_from_db()  # as published (its first publication: the offers' validFrom)
    events = get_json(SESSIONS_URL)
    expected = [
        *atelier.structured_data(atelier.occurrences.select_related("atelier")),
        *second.structured_data(second.occurrences.select_related("atelier")),
    ]
    assert sorted(events, key=lambda event: event["name"]) == sorted(expected, key=lambda event: event["name"])


def test_a_year_back_and_everything_ahead_are_published(agenda, get_json):  # noqa: F811
    now = timezone.now().replace(microsecond=0)
    for title, days in [("Il y a treize mois", -395), ("Il y a onze mois", -335), ("Dans six mois", 180)]:
        start = now + datetime.timedelta(days=days)
        make_atelier(title=title, start=start, end=start + datetime.timedelta(hours=2))
    assert [event["name"] for event in get_json(SESSIONS_URL)] == ["Il y a onze mois", "Dans six mois"]


def test_unpublished_private_and_cancelled_ateliers(agenda, get_json):  # noqa: F811
    make_atelier(title="Brouillon", publish=False).unpublish()
    private = make_atelier(title="Réservé aux bénévoles")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    cancelled = make_atelier(title="Atelier annulé")
    occurrence = cancelled.occurrences.get()
    occurrence.cancelled = True
    occurrence.save()
    events = get_json(SESSIONS_URL)
    assert [(event["name"], event["eventStatus"]) for event in events] == [
        ("Atelier annulé", "https://schema.org/EventCancelled")
    ]
    assert AtelierPage.objects.count() == 3
