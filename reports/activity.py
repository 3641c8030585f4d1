"""Stand-in for the activity report's key figures: only `key_figures`, with the signature
the report's own module offers, so that the public figures page works on this branch."""

import datetime

from django.utils import timezone

from agenda.figures import session_figures
from booking.figures import room_figures
from reports.models import CounterEntry
from resources.models import GuidePage


def key_figures(start, end, member=None, now=None):
    """The figures of [start, end) (aware datetimes), of one member (a MemberPage) or of
    the whole collective (None): sessions held, people present and registered at them, hours
    the rooms were used, guides first published, and each counter's total (« counter:<id> »)."""
    now = now or timezone.now()
    held = [session for session in session_figures(start, end, member, now) if session.held]
    used = sum((room.used for room in room_figures(start, end, member, now)), datetime.timedelta())
    guides = GuidePage.objects.live().filter(first_published_at__gte=start, first_published_at__lt=end)
    if member is not None:
        guides = guides.filter(author=member)
    # Entries carry a day: those from the first day of the period to its last.
    last_day = timezone.localdate(end - datetime.timedelta(microseconds=1))
    entries = CounterEntry.objects.between(timezone.localdate(start), last_day).of_member(member)
    figures = {
        "sessions_held": len(held),
        "people_present": sum(session.present for session in held),
        "people_registered": sum(session.registered for session in held),
        "room_hours_used": used.total_seconds() / 3600,
        "guides_published": guides.count(),
    }
    figures |= {f"counter:{kind_id}": total for kind_id, _name, total in entries.totals()}
    return figures
