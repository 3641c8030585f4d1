"""An iCalendar file read into what the agenda can hold: one `Item` per atelier to make.

- An event without RRULE is one date. A weekly rule, or a monthly one on « the nth
  weekday », becomes a recurring atelier (agenda.recurrence); its EXDATEs and the dates
  its RECURRENCE-ID overrides move or cancel become the atelier's exceptions
  (OccurrenceChange). Any other rule (daily, several weekdays…) is expanded: each date
  still to come is an atelier of its own, keyed by its RECURRENCE-ID.
- Times: TZID (with its VTIMEZONE or a known zone), UTC, or floating (read as Paris time);
  a date without time is a whole day.
- Only what is not over yet is kept: a calendar's history does not fill the agenda."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

import icalendar
from dateutil import rrule

from agenda.models import AtelierStatus, Frequency
from agenda.models.ateliers import OCCURRENCE_HORIZON
from agenda.recurrence import local_zone, nth_weekday_of_month

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SIMPLE_RULE_PARTS = {"FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST", "BYDAY"}
# A repeat the agenda cannot hold is split into this many ateliers at most.
MAX_INSTANCES = 60
MAX_EVENTS = 2000


class CalendarInvalid(Exception):
    """Not a calendar; str() is the French sentence for the editors."""


@dataclass
class Item:
    """One atelier to make or update: its key in the calendar and its fields."""

    uid: str
    recurrence_id: str
    fields: dict
    changes: list = field(default_factory=list)  # [(date, new_start or None, new_end or None)]

    @property
    def key(self):
        return (self.uid, self.recurrence_id)


def parse(data, now=None):
    """[Item] of the calendar's events still to come, or CalendarInvalid."""
    now = now or timezone.now()
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # icalendar raises ValueError, and others on odd bytes
        raise CalendarInvalid(_("Le fichier reçu n'est pas un calendrier (iCalendar) lisible.")) from error
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise CalendarInvalid(_("Le fichier reçu n'est pas un calendrier (iCalendar) lisible."))
    events = calendar.walk("VEVENT")
    if len(events) > MAX_EVENTS:
        too_many = _("Le calendrier a plus de %(count)s événements\u00a0: il n'a pas été lu.")
        raise CalendarInvalid(too_many % {"count": MAX_EVENTS})
    masters, overrides = {}, {}
    for event in events:
        uid = str(event.get("UID", "")).strip()[:500]
        if not uid or "DTSTART" not in event:
            continue
        if "RECURRENCE-ID" in event:
            overrides.setdefault(uid, []).append(event)
        else:
            masters[uid] = event
    items = []
    for uid, event in masters.items():
        try:
            items += event_items(uid, event, overrides.pop(uid, []), now)
        except (ValueError, TypeError, KeyError, OverflowError):
            continue  # one unreadable event does not stop the others
    for uid, lone in overrides.items():  # a date of a repeat whose event is not in the file
        for event in lone:
            try:
                item = Item(uid, recurrence_key(event.decoded("RECURRENCE-ID")), one_date_fields(event))
            except (ValueError, TypeError, KeyError, OverflowError):
                continue
            if still_to_come(item.fields, now):
                items.append(item)
    return items


def as_local(value):
    """(aware Paris datetime, whole day?) of a DTSTART-like value."""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):  # floating time: the wall clock where the ateliers are
            value = value.replace(tzinfo=local_zone())
        return value.astimezone(local_zone()), False
    return datetime.datetime.combine(value, datetime.time(), tzinfo=local_zone()), True


def times(event):
    """(start, end, all_day) of an event, end always after start."""
    start, all_day = as_local(event.decoded("DTSTART"))
    if "DTEND" in event:
        end, _whole = as_local(event.decoded("DTEND"))
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = start + (datetime.timedelta(days=1) if all_day else datetime.timedelta(hours=1))
    if all_day:  # DTEND of a whole day is the next midnight: the atelier ends that evening
        end = max(end - datetime.timedelta(days=1), start).replace(hour=23, minute=59)
    if end <= start:
        end = start + datetime.timedelta(hours=1)
    return start, end, all_day


def text(event, name, limit):
    return " ".join(str(event.get(name, "")).split())[:limit]


def one_date_fields(event):
    """The atelier's fields for one dated event (no repeat)."""
    start, end, all_day = times(event)
    title = text(event, "SUMMARY", 255) or _("Atelier sans titre")
    description = text(event, "DESCRIPTION", 2000)
    summary = description if len(description) <= 250 else description[:249].rstrip() + "…"
    place_name, _comma, place_address = text(event, "LOCATION", 400).partition(",")
    cancelled = str(event.get("STATUS", "")).upper() == "CANCELLED"
    return {
        "title": title,
        "summary": summary or title[:250],
        "start": start,
        "end": end,
        "all_day": all_day,
        "frequency": Frequency.ONCE,
        "interval": 1,
        "repeat_until": None,
        "place_name": place_name.strip()[:120] or _("À préciser"),
        "place_address": place_address.strip()[:200],
        "status": AtelierStatus.CANCELLED if cancelled else AtelierStatus.SCHEDULED,
    }


def recurrence_key(value):
    """The RECURRENCE-ID (or the date of a repeat) as the mapping keeps it: UTC, or a date."""
    if isinstance(value, datetime.datetime):
        moment, _whole = as_local(value)
        return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def still_to_come(fields, now):
    if fields["frequency"] == Frequency.ONCE:
        return fields["end"] >= now
    return fields["repeat_until"] is None or fields["repeat_until"] >= timezone.localdate(now)


def simple_frequency(recur, start):
    """Frequency.WEEKLY or MONTHLY when the agenda can hold the rule as it is, else None."""
    if not set(recur) <= SIMPLE_RULE_PARTS:
        return None
    freq, day = recur["FREQ"][0], DAY_CODES[start.weekday()]
    days = [str(value).upper().lstrip("+") for value in recur.get("BYDAY", [])]
    if freq == "WEEKLY" and days in ([], [day]):
        return Frequency.WEEKLY
    if freq == "MONTHLY" and days == [f"{nth_weekday_of_month(start)}{day}"]:
        return Frequency.MONTHLY
    return None


def local_rule(recur, start):
    """The dateutil rule of an RRULE in Paris wall-clock time (as agenda.recurrence counts)."""
    parts = {name: values for name, values in recur.items() if name != "UNTIL"}
    text_rule = icalendar.vRecur(parts).to_ical().decode()
    naive = start.replace(tzinfo=None)
    rule = rrule.rrulestr(text_rule, dtstart=naive)
    if "UNTIL" in recur:
        until = recur["UNTIL"][0]
        if isinstance(until, datetime.datetime):
            until = as_local(until)[0].replace(tzinfo=None)
        else:
            until = datetime.datetime.combine(until, datetime.time.max)
        rule = rule.replace(until=until)
    return rule


def excluded(event):
    """The local start times an EXDATE removes (a date alone removes its whole day)."""
    values = event.get("EXDATE", [])
    for exdates in values if isinstance(values, list) else [values]:
        for value in exdates.dts:
            yield as_local(value.dt)[0]


def event_items(uid, event, overrides, now):
    fields = one_date_fields(event)
    if "RRULE" not in event:
        return [Item(uid, "", fields)] if still_to_come(fields, now) else []
    recur = event.get("RRULE")
    recur = recur[0] if isinstance(recur, list) else recur
    start = fields["start"]
    rule = local_rule(recur, start)
    moved = {}
    for override in overrides:
        moved[as_local(override.decoded("RECURRENCE-ID"))[0].replace(tzinfo=None)] = override
    skipped = {moment.replace(tzinfo=None) for moment in excluded(event)}
    skipped_days = {moment.date() for moment in skipped}
    frequency = simple_frequency(recur, start)
    if frequency is None:
        return expanded_items(uid, fields, rule, moved, skipped, now)
    last = rule[-1] if "COUNT" in recur else None
    until = recur["UNTIL"][0] if "UNTIL" in recur else None
    if last is not None:
        repeat_until = last.date()
    elif until is not None:
        repeat_until = as_local(until)[0].date() if isinstance(until, datetime.datetime) else until
    else:
        repeat_until = None
    fields.update(frequency=frequency, interval=int(recur.get("INTERVAL", [1])[0]), repeat_until=repeat_until)
    changes = {day: (day, None, None) for day in skipped_days}
    for original, override in moved.items():
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            changes[original.date()] = (original.date(), None, None)
        else:
            new_start, new_end, _all_day = times(override)
            changes[original.date()] = (original.date(), new_start, new_end)
    if not still_to_come(fields, now):
        return []
    return [Item(uid, "", fields, sorted(changes.values(), key=lambda change: change[0]))]


def expanded_items(uid, fields, rule, moved, skipped, now):
    """A repeat the agenda cannot hold: each date to come as an atelier of its own."""
    duration = fields["end"] - fields["start"]
    zone = local_zone()
    horizon = timezone.localtime(now + OCCURRENCE_HORIZON, zone).replace(tzinfo=None)
    since = timezone.localtime(now, zone).replace(tzinfo=None) - duration
    items = []
    for moment in rule.between(since, horizon, inc=True):
        if len(items) >= MAX_INSTANCES:
            break
        if moment in skipped:
            continue
        start = moment.replace(tzinfo=zone)
        instance = dict(fields, start=start, end=start + duration)
        override = moved.get(moment)
        if override is not None:
            instance = one_date_fields(override)
        key = recurrence_key(start.date() if fields["all_day"] else start)
        if still_to_come(instance, now):
            items.append(Item(uid, key, instance))
    return items
