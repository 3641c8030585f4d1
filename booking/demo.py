"""Demo rooms of the espace, a few bookings in the coming weeks and the past year's (single
bookings and members' weekly series, for the activity report), read from booking/demo_data/.
A room that exists is left alone, and bookings are added only to a room that has none, so
that running the loader twice changes nothing. Dates are set from today, so that the demo
always has a future and a past."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from booking import rules
from booking import series as series_rules
from booking.models import Room, RoomClosure, RoomHours
from core import demo_data
from home.demo import demo_picture, hours

# What places a booking in time, the rest being the booking's own fields.
SLOT_KEYS = ("room", "in_days", "months_ago", "weekday", "start", "end", "booked_by")
SERIES_KEYS = ("room", "requested_by", "months_ago", "weeks", "weekday", "start", "end", "organisation", "cancelled")
# Past bookings were made this long before they took place.
BOOKED_AHEAD = datetime.timedelta(days=14)


def christmas_closure(today, reason, years_back=0):
    """The coming Christmas holidays, or the ones under way: 24 December to 2 January;
    `years_back` = 1: the previous ones."""
    year = (today.year if today >= datetime.date(today.year, 1, 3) else today.year - 1) - years_back
    return RoomClosure(start_date=datetime.date(year, 12, 24), end_date=datetime.date(year + 1, 1, 2), reason=reason)


def build_room(content, today, christmas_reason):
    room = Room.objects.filter(slug=content["slug"]).first()
    if room is not None:
        return room
    room = Room(
        **demo_data.fields(Room, {key: value for key, value in content.items() if key not in ("hours", "picture")}),
        photo=demo_picture(content["picture"]),
        hours=hours(RoomHours, content["hours"]),
        closures=[christmas_closure(today, christmas_reason, years_back=1), christmas_closure(today, christmas_reason)],
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


def past_day(room, today, months_ago, weekday):
    """The first given weekday from `months_ago` months of 30 days ago on which the room is not closed."""
    return open_day(room, today, -30 * months_ago, weekday)


def build_bookings(rooms, today, bookings, users):
    """Books the demo slots of the rooms given, skipping a slot that is not free or not open:
    the coming ones (`in_days`) as made today, the past year's (`months_ago`) as made two
    weeks ahead; the team's by its account."""
    for booking in bookings:
        room = rooms.get(booking["room"])
        if room is None:
            continue
        if "months_ago" in booking:
            start_at, end_at = slot(past_day(room, today, booking["months_ago"], booking["weekday"]), booking)
            made_at = start_at - BOOKED_AHEAD
        else:
            start_at, end_at = slot(open_day(room, today, booking["in_days"], booking["weekday"]), booking)
            made_at = None
        if rules.slot_errors(room, start_at, end_at, now=made_at):
            continue  # beyond the horizon, for instance: the demo does without it
        fields = {key: value for key, value in booking.items() if key not in SLOT_KEYS}
        try:
            rules.book(room, start_at, end_at, now=made_at, booked_by=users.get(booking.get("booked_by")), **fields)
        except rules.SlotTaken:
            continue


def slot(day, content):
    start = rules.local_datetime(day, datetime.time.fromisoformat(content["start"]))
    return start, rules.local_datetime(day, datetime.time.fromisoformat(content["end"]))


def build_past_series(rooms, today, all_series, users):
    """The members' weekly series of the past year, some dates cancelled."""
    for content in all_series:
        room = rooms.get(content["room"])
        if room is None:
            continue
        first = past_day(room, today, content["months_ago"], content["weekday"])
        start_at, end_at = slot(first, content)
        _series, booked, _skipped = series_rules.book_series(
            room, content["weekday"], start_at.time(), end_at.time(), first,
            min(first + datetime.timedelta(weeks=content["weeks"] - 1), today - datetime.timedelta(days=1)),
            content["organisation"], users.get(content["requested_by"]), now=start_at - BOOKED_AHEAD,
            **{key: value for key, value in content.items() if key not in SERIES_KEYS},
        )  # fmt: skip
        for number in content["cancelled"]:
            if number <= len(booked):
                rules.cancel(booked[number - 1])


def build():
    today = timezone.localdate()
    data = demo_data.read("booking", "rooms")
    rooms = [build_room(content, today, data["christmas_closure"]) for content in data["rooms"]]
    # Bookings go only to the rooms that have none yet.
    fresh = {room.slug: room for room in rooms if not room.bookings.exists()}
    bookings = demo_data.read("booking", "bookings")
    users = {user.username: user for user in get_user_model().objects.all()}
    build_bookings(fresh, today, [*bookings["bookings"], *bookings["past_bookings"]], users)
    build_past_series(fresh, today, bookings["past_series"], users)
    if fresh:
        # As the nightly job would have done: the old ones keep only their anonymous fields.
        rules.purge_personal_data(settings.BOOKING_KEEP_DAYS)
    return []
