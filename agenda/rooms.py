"""The sessions of ateliers held in a room of the espace block that room's bookings."""

from django.utils.translation import gettext

from agenda.models import Occurrence
from booking import blockers


@blockers.register
def atelier_sessions(rooms, start, end):
    found = {}
    sessions = Occurrence.objects.filter(
        atelier__room__in=rooms, atelier__live=True, cancelled=False, start__lt=end, end__gt=start
    ).values_list("atelier__room_id", "start", "end")
    for room_id, session_start, session_end in sessions:
        found.setdefault(room_id, []).append((session_start, session_end, gettext("Atelier")))
    return found
