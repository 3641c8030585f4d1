"""Calendar (iCalendar, RFC 5545) and Atom feeds of the agenda. They carry no
personal data and only upcoming and recent sessions, so they stay small."""

import dataclasses
import datetime

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
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


def feed_occurrences(filters, index):
    occurrences = filters.apply(index.occurrences().filter(end__gte=timezone.now() - FEED_PAST))
    return list(occurrences.order_by("start")[:FEED_MAX_ITEMS])


def unknown_filter(request, index, filters):
    """A feed asked with a filter value that names nothing (?membre=personne): refused
    with a page that says which one, rather than answered with the whole agenda."""
    context = {"page": index, "filters": filters}
    return TemplateResponse(request, "pages/agenda_unknown_filter.html", context, status=404)


def agenda_ics(request):
    index = get_object_or_404(AgendaIndexPage.objects.live())
    filters = AgendaFilters(request.GET)
    if not filters.is_valid():
        return unknown_filter(request, index, filters)
    cal = agenda_calendar(gettext("Agenda — %(site)s") % {"site": index.get_site().site_name})
    for occurrence in feed_occurrences(filters, index):
        cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return ics_response(cal, "agenda.ics")


@dataclasses.dataclass
class FeedQuery:
    """What one request asks of the feed: the Feed object is shared by every request
    (and thread), so nothing of a request is kept on it."""

    index: AgendaIndexPage
    filters: AgendaFilters
    path: str


class UnknownFilterError(Exception):
    def __init__(self, query):
        self.query = query


class AgendaAtomFeed(Feed):
    feed_type = PlainTextAtomFeed
    title = _("Agenda des ateliers de l'espace numérique du Pays de Redon")
    subtitle = _("Les prochains ateliers du collectif.")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except UnknownFilterError as refused:
            return unknown_filter(request, refused.query.index, refused.query.filters)

    def get_object(self, request, *args, **kwargs):
        index = get_object_or_404(AgendaIndexPage.objects.live())
        query = FeedQuery(index, AgendaFilters(request.GET), request.get_full_path())
        if not query.filters.is_valid():
            raise UnknownFilterError(query)
        return query

    # Absolute links at SITE_URL: the syndication framework would use the request's host.
    def link(self, query):
        return absolute_url(query.index.url)

    def feed_url(self, query):
        return absolute_url(query.path)

    # RFC 4287 wants an author on the feed (or on every entry): the collective.
    def author_name(self, query):
        return query.index.get_site().site_name

    def author_link(self):
        return absolute_url("/")

    def items(self, query):
        return feed_occurrences(query.filters, query.index)[:100]

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
        """Its own date: the atelier's last publication, or the session's own last change."""
        return max(filter(None, (occurrence.atelier.last_published_at, occurrence.changed_at)))
