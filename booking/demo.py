"""Demo rooms of the espace and a few bookings in the coming weeks, read from
booking/demo_data/. A room that exists is left alone, and bookings are added only to
a room that has none, so that running the loader twice changes nothing. Dates are
set from today, so that the demo always has a future."""

import datetime

from django.utils import timezone

from booking import rules
from booking.models import Room, RoomClosure, RoomHours
from core import demo_data
from home.demo import demo_picture, hours

# What places a booking in time, the rest being the booking's own fields.
SLOT_KEYS = ("room", "in_days", "weekday", "start", "end")


def christmas_closure(today, reason):
    """The coming Christmas holidays, or the ones under way: 24 December to 2 January."""
    year = today.year if today >= datetime.date(today.year, 1, 3) else today.year - 1
    return RoomClosure(start_date=datetime.date(year, 12, 24), end_date=datetime.date(year + 1, 1, 2), reason=reason)


def build_room(content, today, christmas_reason):
    room = Room.objects.filter(slug=content["slug"]).first()
    if room is not None:
        return room
    room = Room(
        **demo_data.fields(Room, {key: value for key, value in content.items() if key not in ("hours", "picture")}),
        photo=demo_picture(content["picture"]),
        hours=hours(RoomHours, content["hours"]),
        closures=[christmas_closure(today, christmas_reason)],
    )
    room.full_clean()
    room.save()
    return room


def open_day(room, today, days, weekday):
    """The first given weekday at least `days` from today on which the room is not closed."""
    day = today + datetime.timedelta(days=days)
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    while rules.closure_on(room, day):
        day += datetime.timedelta(weeks=1)
    return day


def build_bookings(rooms, today):
    """Books the demo slots of the rooms given, skipping a slot that is not free or not open."""
    for booking in demo_data.read("booking", "bookings")["bookings"]:
        room = rooms.get(booking["room"])
        if room is None:
            continue
        day = open_day(room, today, booking["in_days"], booking["weekday"])
        start_at = rules.local_datetime(day, datetime.time.fromisoformat(booking["start"]))
        end_at = rules.local_datetime(day, datetime.time.fromisoformat(booking["end"]))
        if rules.slot_errors(room, start_at, end_at):
            continue  # beyond the horizon, for instance: the demo does without it
        try:
            rules.book(room, start_at, end_at, **{key: value for key, value in booking.items() if key not in SLOT_KEYS})
        except rules.SlotTaken:
            continue


def build():
    today = timezone.localdate()
    data = demo_data.read("booking", "rooms")
    rooms = [build_room(content, today, data["christmas_closure"]) for content in data["rooms"]]
    # Bookings go only to the rooms that have none yet.
    build_bookings({room.slug: room for room in rooms if not room.bookings.exists()}, today)
    return []
