"""The agenda's sessions as schema.org Events, built by the ateliers' own structured data (the
one mapping the atelier pages already give search engines)."""

import datetime
from collections import defaultdict

from django.utils import timezone

from agenda.models import AtelierPage, Occurrence

# A year back as well as what is planned: enough to show what the collective did, and the
# archives of the agenda are public already. Ahead, the sessions exist up to the horizon.
SESSIONS_PAST = datetime.timedelta(days=365)


def session_events(request, now=None):
    """The Events of the sessions of published public ateliers ending after a year ago, by start
    date; in constant queries (the sessions with their ateliers, organisers and categories)."""
    since = (now or timezone.now()) - SESSIONS_PAST
    occurrences = (
        Occurrence.objects.listed()
        .filter(atelier__in=AtelierPage.objects.live().public(), end__gte=since)
        .order_by("start", "pk")
    )
    by_atelier = defaultdict(list)
    for occurrence in occurrences:
        by_atelier[occurrence.atelier_id].append(occurrence)
    events = []
    for dates in by_atelier.values():
        events += zip(dates, dates[0].atelier.structured_data(dates, request), strict=True)
    events.sort(key=lambda pair: (pair[0].start, pair[0].pk))
    return [event for _occurrence, event in events]
