"""The planning of all rooms, day by day, in the admin."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from booking import blockers, rules
from booking.admin.permissions import BOOK_FOR_SOMEONE, SEE_BOOKINGS
from booking.models import Booking, Room


@dataclass
class PlanningItem:
    start: datetime.datetime
    end: datetime.datetime
    label: str
    status: str = ""
    status_label: str = ""
    url: str = ""


def parse_day(value, today):
    try:
        day = datetime.date.fromisoformat(value or "")
    except ValueError:
        return today
    # Far dates would overflow the date arithmetic below and mean nothing here.
    return day if abs((day - today).days) < 3660 else today


def planning_view(request):
    """Every room, day by day (?date=YYYY-MM-DD, ?vue=jour|semaine), in a fixed number
    of queries whatever the number of bookings."""
    if not request.user.has_perm(SEE_BOOKINGS):
        raise PermissionDenied
    today = timezone.localdate()
    day = parse_day(request.GET.get("date"), today)
    mode = "jour" if request.GET.get("vue") == "jour" else "semaine"
    first = day if mode == "jour" else day - datetime.timedelta(days=day.weekday())
    days = [first + datetime.timedelta(days=n) for n in range(1 if mode == "jour" else 7)]
    start = rules.local_datetime(days[0], datetime.time(0))
    end = rules.local_datetime(days[-1] + datetime.timedelta(days=1), datetime.time(0))

    rooms = list(Room.objects.prefetch_related("hours", "closures"))
    # Grouped by room_id below: no need to join the rooms again.
    bookings = rules.holding(Booking.objects.filter(start__lt=end, end__gt=start))
    items = defaultdict(list)
    for booking in bookings.order_by("start"):
        who = f"{booking.name} ({booking.organisation})" if booking.organisation else booking.name
        items[(booking.room_id, timezone.localdate(booking.start))].append(
            PlanningItem(
                start=booking.start,
                end=booking.end,
                label=who,
                status=booking.status,
                status_label=booking.get_status_display(),
                url=reverse("booking_booking_modeladmin_inspect", args=[booking.pk]),
            )
        )
    for room_id, held in blockers.busy(rooms, start, end).items():
        for held_start, held_end, label in held:
            items[(room_id, timezone.localdate(held_start))].append(PlanningItem(held_start, held_end, label))

    schedule = [
        {
            "day": d,
            "is_today": d == today,
            "rows": [
                {
                    "room": room,
                    "closure": rules.closure_on(room, d),
                    "ranges": rules.opening_ranges(room, d),
                    "items": sorted(items[(room.pk, d)], key=lambda item: item.start),
                }
                for room in rooms
            ],
        }
        for d in days
    ]
    step = datetime.timedelta(days=len(days))
    return TemplateResponse(
        request,
        "booking/admin/planning.html",
        {
            "schedule": schedule,
            "mode": mode,
            "day": day,
            "first": days[0],
            "last": days[-1],
            "previous": first - step,
            "next": first + step,
            "today": today,
            "can_book": request.user.has_perm(BOOK_FOR_SOMEONE),
        },
    )
