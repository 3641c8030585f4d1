"""Calendar (iCalendar, RFC 5545) and Atom feeds of the agenda. They carry no
personal data and only upcoming and recent sessions, so they stay small."""

import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agenda import programme
from agenda.calendar import agenda_calendar, calendar_event, occurrence_calendar
from agenda.forms import AgendaFilters
from agenda.models import AgendaIndexPage, AtelierPage, FestivalPage, Occurrence
from core.calendar import ics_response
from core.feeds import PlainTextAtomFeed
from core.site import absolute_url

FEED_PAST = datetime.timedelta(days=30)
FEED_MAX_ITEMS = 500


def session_ics(request, occurrence_id):
    """One session as a calendar file: « Ajouter à mon agenda » after registering."""
    occurrence = get_object_or_404(
        Occurrence.objects.filter(atelier__in=AtelierPage.objects.live().public()).select_related("atelier"),
        pk=occurrence_id,
    )
    return ics_response(
        occurrence_calendar(occurrence),
        f"{occurrence.atelier.slug}-{timezone.localdate(occurrence.start):%Y-%m-%d}.ics",
    )


def festival_programme_ics(request, festival_id):
    """« Mon programme » of a festival as one calendar file: only the chosen sessions
    (?seances=12,15), the same ones the page shows."""
    festival = get_object_or_404(FestivalPage.objects.live().public(), pk=festival_id)
    chosen, _note = programme.parse(request.GET.get("seances"), festival.sessions())
    cal = agenda_calendar(gettext("Mon programme — %(festival)s") % {"festival": festival.title})
    for occurrence in chosen:
        cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return ics_response(cal, f"{festival.slug}-mon-programme.ics")


def atelier_ics(request, atelier_id):
    atelier = get_object_or_404(AtelierPage.objects.live().public(), pk=atelier_id)
    cal = agenda_calendar(atelier.title)
    url = absolute_url(atelier.url)
    for occurrence in atelier.occurrences.filter(end__gte=timezone.now() - FEED_PAST).select_related("atelier"):
        cal.add_component(calendar_event(occurrence, url))
    return ics_response(cal, f"{atelier.slug}.ics")


def feed_occurrences(request, index):
    filters = AgendaFilters(request.GET)
    occurrences = filters.apply(index.occurrences().filter(end__gte=timezone.now() - FEED_PAST))
    return filters, list(occurrences.order_by("start")[:FEED_MAX_ITEMS])


def agenda_ics(request):
    index = get_object_or_404(AgendaIndexPage.objects.live())
    filters, occurrences = feed_occurrences(request, index)
    cal = agenda_calendar(gettext("Agenda — %(site)s") % {"site": index.get_site().site_name})
    for occurrence in occurrences:
        cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return ics_response(cal, "agenda.ics")


class AgendaAtomFeed(Feed):
    feed_type = PlainTextAtomFeed
    title = _("Agenda des ateliers de l'espace numérique du Pays de Redon")
    subtitle = _("Les prochains ateliers du collectif.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return get_object_or_404(AgendaIndexPage.objects.live())

    # Absolute links at SITE_URL: the syndication framework would use the request's host.
    def link(self, index):
        return absolute_url(index.url)

    def feed_url(self):
        return absolute_url(self.request.get_full_path())

    def items(self, index):
        return feed_occurrences(self.request, index)[1][:100]

    def item_title(self, occurrence):
        title = f"{occurrence.atelier.title} — {timezone.localtime(occurrence.start):%d/%m/%Y %H:%M}"
        if occurrence.is_cancelled:
            return gettext("[Annulé] %(title)s") % {"title": title}
        return title

    def item_description(self, occurrence):
        return occurrence.atelier.summary

    def item_link(self, occurrence):
        return absolute_url(f"{occurrence.atelier.url}#seance-{occurrence.pk}")

    def item_pubdate(self, occurrence):
        return occurrence.atelier.first_published_at

    def item_updateddate(self, occurrence):
        return occurrence.atelier.last_published_at
