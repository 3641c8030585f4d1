"""Calendar files (iCalendar, RFC 5545): the agenda's feeds and sessions, and the
bookings' attachments, built the same way."""

import datetime
import email.utils

from django.conf import settings
from django.http import HttpResponse

import icalendar

PARIS = "Europe/Paris"


def new_calendar(product, name=None, method=None):
    """`product` names what publishes it (« Agenda », « Réservations »); `name` is
    the title calendar apps show for a feed they subscribe to."""
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Espace numérique du Pays de Redon//{product}//FR")
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", PARIS)
    return cal


def organizer():
    """The site's sender address as ORGANIZER: iTIP (RFC 5546) wants one on a
    CANCEL, or mail apps do not offer to remove the event."""
    name, address = email.utils.parseaddr(settings.DEFAULT_FROM_EMAIL)
    value = icalendar.vCalAddress(f"mailto:{address}")
    if name:
        value.params["cn"] = name
    return value


def new_event(
    uid, summary, description, start, end, stamp, location, status, url=None, sequence=0, with_organizer=False
):
    """One event; `start` and `end` are aware datetimes, or dates for a whole day
    (`end` then the day after, as the RFC wants). `sequence` counts its versions:
    a calendar app keeps the version with the highest one."""
    event = icalendar.Event()
    event.add("uid", f"{uid}@espace-numerique")
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("dtstamp", stamp)
    event.add("location", location)
    if url:
        event.add("url", url)
    event.add("status", status)
    event.add("sequence", sequence)
    if with_organizer:
        event.add("organizer", organizer())
    return event


def paris_timezone():
    """Europe/Paris by its rules since 1996 (last Sundays of March and October): a few
    lines, where icalendar's own would list every change since 1970."""
    zone = icalendar.Timezone()
    zone.add("tzid", PARIS)
    for kind, name, start, before, after, month in (
        (icalendar.TimezoneDaylight, "CEST", datetime.datetime(1996, 3, 31, 2), 1, 2, 3),
        (icalendar.TimezoneStandard, "CET", datetime.datetime(1996, 10, 27, 3), 2, 1, 10),
    ):
        part = kind()
        part.add("dtstart", start)
        part.add("tzoffsetfrom", datetime.timedelta(hours=before))
        part.add("tzoffsetto", datetime.timedelta(hours=after))
        part.add("tzname", name)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def with_component(cal):
    """RFC 5545 wants at least one component in a calendar: one with no event (a
    filter or an atelier with nothing ahead) carries the Paris time zone, so a
    subscribed calendar stays valid, and simply empty, until sessions come."""
    if not cal.subcomponents:
        cal.add_component(paris_timezone())
    return cal


def ics_response(cal, filename):
    response = HttpResponse(with_component(cal).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def attach(message, filename, cal):
    """Adds a calendar to an email with its iTIP method in the MIME type (RFC 6047),
    which is what makes mail apps offer « add » or « remove from my calendar »."""
    method = cal.get("method")
    mimetype = f"text/calendar; method={method}" if method else "text/calendar"
    message.attach(filename, cal.to_ical(), mimetype)
