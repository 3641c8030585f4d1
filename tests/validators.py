"""Independent readers of what the site sends out, for the tests: each returns the list of
what a strict client would refuse (empty when all is well), so a failing test says why.

- iCalendar: the `ical` package's strict parser (types of every value), then the rules of
  RFC 5545 and RFC 5546 it does not check itself.
- Atom: feedparser (it reads the feed as a feed reader does), then the rules of RFC 4287.
- schema.org Event: the properties search engines require and recommend.
"""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import icalendar
from ical.calendar_stream import IcsCalendarStream
from ical.exceptions import CalendarParseError

ATOM = "{http://www.w3.org/2005/Atom}"


def ics_errors(data):
    """RFC 5545 (and RFC 5546 for a METHOD) errors of one .ics file."""
    errors = []
    text = data.decode("utf-8")
    if not text.endswith("\r\n") or "\n" in text.replace("\r\n", ""):
        errors.append("lines must end with CRLF")
    errors += [f"line longer than 75 octets: {line[:30]}…" for line in text.split("\r\n") if len(line.encode()) > 75]
    try:
        IcsCalendarStream.calendar_from_ics(text)
    except CalendarParseError as error:
        errors.append(f"ical: {error} {getattr(error, 'detailed_error', '')}")
    cal = icalendar.Calendar.from_ical(data)
    for name in ("PRODID", "VERSION"):
        if name not in cal:
            errors.append(f"VCALENDAR without {name}")
    if not cal.subcomponents:
        errors.append("a calendar needs at least one component (RFC 5545 §3.6)")
    method = str(cal.get("METHOD", ""))
    for event in cal.walk("VEVENT"):
        errors += event_errors(event, method)
    return errors


def event_errors(event, method):
    errors = [f"VEVENT without {name}" for name in ("UID", "DTSTAMP", "DTSTART") if name not in event]
    if "DTEND" in event and "DTSTART" in event and event.decoded("DTEND") <= event.decoded("DTSTART"):
        errors.append("DTEND must come after DTSTART")
    if method == "CANCEL":
        # RFC 5546 §3.2.5: a CANCEL names its organiser, the event and its version.
        errors += [f"METHOD:CANCEL without {name}" for name in ("ORGANIZER", "SEQUENCE") if name not in event]
        if str(event.get("STATUS")) != "CANCELLED":
            errors.append("METHOD:CANCEL with an event not CANCELLED")
    return errors


def atom_errors(data):
    """RFC 4287 errors of one Atom feed."""
    parsed = feedparser.parse(data)
    errors = [f"feedparser: {parsed.bozo_exception}"] if parsed.bozo else []
    if parsed.version != "atom10":
        errors.append(f"not Atom 1.0 but {parsed.version!r}")
    root = ET.fromstring(data)  # noqa: S314 (the site's own feed, read in a test)
    errors += missing(root, "feed", ("id", "title", "updated"))
    feed_has_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    if root.find(f"{ATOM}link[@rel='self']") is None:
        errors.append("feed without link rel=self")
    ids = set()
    for entry in root.iter(f"{ATOM}entry"):
        errors += missing(entry, "entry", ("id", "title", "updated"))
        if not feed_has_author and entry.find(f"{ATOM}author/{ATOM}name") is None:
            errors.append("an entry without author, in a feed without author (RFC 4287 §4.1.2)")
        if entry.find(f"{ATOM}link[@rel='alternate']") is None and entry.find(f"{ATOM}content") is None:
            errors.append("an entry without alternate link nor content")
        entry_id = entry.findtext(f"{ATOM}id")
        if entry_id in ids:
            errors.append(f"two entries with id {entry_id}")
        ids.add(entry_id)
    for element in root.iter():
        if element.tag in (f"{ATOM}updated", f"{ATOM}published"):
            try:
                datetime.datetime.fromisoformat(element.text)
            except ValueError:
                errors.append(f"{element.tag} is not an RFC 3339 date: {element.text}")
    return errors


def missing(element, name, children):
    return [f"{name} without {child}" for child in children if not (element.findtext(f"{ATOM}{child}") or "").strip()]


# What search engines require of an Event, and what they recommend (Google's event rules).
EVENT_REQUIRED = ("name", "startDate", "location")
EVENT_RECOMMENDED = ("description", "endDate", "eventStatus", "image", "offers", "organizer")


def event_errors_jsonld(data, recommended=EVENT_RECOMMENDED):
    """Errors of one schema.org Event as JSON-LD; `recommended` may leave out what the site
    cannot know (a festival's price)."""
    errors = [f"Event without {name}" for name in (*EVENT_REQUIRED, *recommended) if not data.get(name)]
    if data.get("@type") != "Event" or data.get("@context") != "https://schema.org":
        errors.append("not a schema.org Event")
    location = data.get("location") or {}
    address = location.get("address")
    if not isinstance(address, dict) or address.get("@type") != "PostalAddress":
        errors.append("location.address must be a PostalAddress")
    elif not address.get("streetAddress") or not address.get("addressCountry"):
        errors.append("the PostalAddress needs a street and a country")
    organizers = data.get("organizer") or []
    for organizer in organizers if isinstance(organizers, list) else [organizers]:
        if not organizer.get("name") or not str(organizer.get("url", "")).startswith("http"):
            errors.append("each organizer needs a name and an absolute url")
    for image in data.get("image") or []:
        if not image.startswith("http"):
            errors.append(f"image not absolute: {image}")
    offers = data.get("offers")
    if offers:
        if "price" not in offers or offers.get("priceCurrency") != "EUR" or not offers.get("validFrom"):
            errors.append("offers need price, priceCurrency and validFrom")
        cancelled = data.get("eventStatus") == "https://schema.org/EventCancelled"
        if cancelled and offers.get("availability") == "https://schema.org/InStock":
            errors.append("a cancelled event still InStock")
    for name in ("startDate", "endDate"):
        if data.get(name):
            try:
                datetime.datetime.fromisoformat(data[name])
            except ValueError:
                errors.append(f"{name} is not ISO 8601: {data[name]}")
    return errors
