"""Calendar files (iCalendar, RFC 5545): the agenda's feeds and sessions, and the
bookings' attachments, built the same way."""

from django.http import HttpResponse

import icalendar


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
        cal.add("x-wr-timezone", "Europe/Paris")
    return cal


def new_event(uid, summary, description, start, end, stamp, location, status, url=None, sequence=None):
    """One event; `start` and `end` are aware datetimes, or dates for a whole day
    (`end` then the day after, as the RFC wants)."""
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
    if sequence is not None:
        event.add("sequence", sequence)
    return event


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
