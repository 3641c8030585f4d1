"""A session in the person's own calendar: its iCalendar event, the file of one
session, and links to the big calendar services' own forms."""

import datetime
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext

from core.calendar import new_calendar, new_event
from core.site import absolute_reverse, absolute_url


def calendar_event(occurrence, url, cancelled=False, with_organizer=False):
    """`cancelled` for a person who left the session: it is gone from their calendar,
    one version after the one they were sent."""
    atelier = occurrence.atelier
    if atelier.all_day:
        start = timezone.localdate(occurrence.start)
        end = timezone.localdate(occurrence.end) + datetime.timedelta(days=1)
    else:
        start, end = occurrence.start, occurrence.end
    return new_event(
        f"atelier-{atelier.pk}-{occurrence.original_start:%Y%m%dT%H%M%SZ}",
        atelier.title,
        atelier.summary,
        start,
        end,
        stamp=atelier.last_published_at or timezone.now(),
        location=atelier.full_place(),
        status="CANCELLED" if cancelled or occurrence.is_cancelled else "CONFIRMED",
        url=url,
        sequence=occurrence.calendar_sequence + (1 if cancelled else 0),
        with_organizer=with_organizer,
    )


def agenda_calendar(name):
    return new_calendar("Agenda", name=name)


def occurrence_calendar(occurrence):
    cal = agenda_calendar(occurrence.atelier.title)
    cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return cal


def mailed_calendar(registration, cancelled=False):
    """The session in a mail to a person registered: PUBLISH with their place, CANCEL
    (RFC 5546) when they leave it, so their mail app offers to remove it."""
    occurrence = registration.occurrence
    cal = new_calendar("Agenda", method="CANCEL" if cancelled or occurrence.is_cancelled else "PUBLISH")
    url = absolute_url(occurrence.atelier.url)
    cal.add_component(calendar_event(occurrence, url, cancelled=cancelled, with_organizer=True))
    return cal


def calendar_links(occurrence):
    """[(label, url)] to add one session: its file, and the big calendar services'
    own forms, as plain links (nothing is loaded until the person follows one)."""
    atelier = occurrence.atelier
    start, end = (moment.astimezone(datetime.UTC) for moment in (occurrence.start, occurrence.end))
    details = f"{atelier.summary}\n{absolute_url(atelier.url)}"
    google = {
        "action": "TEMPLATE",
        "text": atelier.title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": atelier.full_place(),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": atelier.title,
        "startdt": start.isoformat(),
        "enddt": end.isoformat(),
        "body": details,
        "location": atelier.full_place(),
    }
    return [
        (gettext("Fichier pour mon agenda (.ics)"), absolute_reverse("agenda_session_ics", occurrence.pk)),
        (gettext("Google Agenda"), "https://calendar.google.com/calendar/render?" + urlencode(google)),
        (gettext("Outlook.com"), "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook)),
    ]
