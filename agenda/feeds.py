"""Calendar (iCalendar, RFC 5545) and Atom feeds of the agenda. They carry no
personal data and only upcoming and recent sessions, so they stay small."""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import icalendar

from agenda.models import AgendaIndexPage, AtelierPage, Occurrence
from core.site import absolute_url

FEED_PAST = datetime.timedelta(days=30)
FEED_MAX_ITEMS = 500


def calendar_event(occurrence, url):
    atelier = occurrence.atelier
    event = icalendar.Event()
    event.add("uid", f"atelier-{atelier.pk}-{occurrence.original_start:%Y%m%dT%H%M%SZ}@espace-numerique")
    event.add("summary", atelier.title)
    event.add("description", atelier.summary)
    if atelier.all_day:
        event.add("dtstart", timezone.localdate(occurrence.start))
        event.add("dtend", timezone.localdate(occurrence.end) + datetime.timedelta(days=1))
    else:
        event.add("dtstart", occurrence.start)
        event.add("dtend", occurrence.end)
    event.add("dtstamp", atelier.last_published_at or timezone.now())
    event.add("location", atelier.full_place())
    event.add("url", url)
    event.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
    return event


def calendar(name):
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Espace numérique du Pays de Redon//Agenda//FR")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Paris")
    return cal


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def occurrence_ics(occurrence):
    cal = calendar(occurrence.atelier.title)
    cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return cal.to_ical()


def session_ics(request, occurrence_id):
    """One session as a calendar file: « Ajouter à mon agenda » after registering."""
    occurrence = get_object_or_404(
        Occurrence.objects.filter(atelier__in=AtelierPage.objects.live().public()).select_related("atelier"),
        pk=occurrence_id,
    )
    cal = calendar(occurrence.atelier.title)
    cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return ics_response(cal, f"{occurrence.atelier.slug}-{timezone.localdate(occurrence.start):%Y-%m-%d}.ics")


def calendar_links(occurrence):
    """[(label, url)] to add one session: its file, and the big calendar services'
    own forms, as plain links (nothing is loaded until the person follows one)."""
    atelier = occurrence.atelier
    start, end = (moment.astimezone(datetime.UTC) for moment in (occurrence.start, occurrence.end))
    details = f"{atelier.summary}\n{absolute_url(atelier.url)}"
    google = {
        "action": "TEMPLATE",
        "text": atelier.title,
        "dates": f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}",
        "details": details,
        "location": atelier.full_place(),
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": atelier.title,
        "startdt": start.isoformat(),
        "enddt": end.isoformat(),
        "body": details,
        "location": atelier.full_place(),
    }
    return [
        (gettext("Fichier pour mon agenda (.ics)"), absolute_url(reverse("agenda_session_ics", args=[occurrence.pk]))),
        (gettext("Google Agenda"), "https://calendar.google.com/calendar/render?" + urlencode(google)),
        (gettext("Outlook.com"), "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(outlook)),
    ]


def atelier_ics(request, atelier_id):
    atelier = get_object_or_404(AtelierPage.objects.live().public(), pk=atelier_id)
    cal = calendar(atelier.title)
    url = absolute_url(atelier.url)
    for occurrence in atelier.occurrences.filter(end__gte=timezone.now() - FEED_PAST).select_related("atelier"):
        cal.add_component(calendar_event(occurrence, url))
    return ics_response(cal, f"{atelier.slug}.ics")


def feed_occurrences(request, index):
    from agenda.forms import AgendaFilters

    filters = AgendaFilters(request.GET)
    occurrences = filters.apply(index.occurrences().filter(end__gte=timezone.now() - FEED_PAST))
    return filters, list(occurrences.order_by("start")[:FEED_MAX_ITEMS])


def agenda_ics(request):
    index = get_object_or_404(AgendaIndexPage.objects.live())
    filters, occurrences = feed_occurrences(request, index)
    cal = calendar(gettext("Agenda — %(site)s") % {"site": index.get_site().site_name})
    for occurrence in occurrences:
        cal.add_component(calendar_event(occurrence, absolute_url(occurrence.atelier.url)))
    return ics_response(cal, "agenda.ics")


class AgendaAtomFeed(Feed):
    feed_type = Atom1Feed
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
