"""The agenda's index (/agenda/: the list, the month, the archives) and the
festivals that group ateliers."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from agenda import poster, programme, recurrence
from agenda.forms import AgendaFilters, FestivalFilters, PosterFilters
from agenda.models.occurrences import Occurrence
from agenda.models.vocabulary import AtelierStatus
from core import page_cache, schema_org
from core.choices import MONTH_NAMES
from core.search import FOLDED, FoldedSearchMixin
from core.site import absolute_url
from core.sitemaps import SitemapRoutesMixin
from home.blocks import BodyBlock
from home.models import DescribedPageMixin, EspaceSettings

PER_PAGE = 20
# A festival's sessions are read at once: a fortnight of ateliers is far fewer.
PROGRAMME_MAX = 300


class AgendaIndexPage(DescribedPageMixin, SitemapRoutesMixin, RoutablePageMixin, Page):
    """/agenda/: upcoming ateliers as a list or a month, their feeds and archives."""

    cache_areas = ("agenda",)  # what its page cache reads besides the site (core.page_cache)

    sitemap_routes = ("archives",)

    intro = models.TextField(_("chapeau"), max_length=500, blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.AtelierPage", "agenda.FestivalPage"]
    template = "pages/agenda_index_page.html"
    content_panels = [
        HelpPanel(
            content=_(
                "<p>L'agenda liste tout seul les ateliers, qui sont ses sous-pages "
                "(ou celles d'un festival). Les ateliers proposés par les membres sont relus par la coordination.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *Page.content_panels,
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def occurrences(self):
        return Occurrence.objects.listed().filter(atelier__path__startswith=self.path)

    def month_url(self, day):
        return self.url + f"mois/{day.year}/{day.month}/"

    @path("")
    def upcoming(self, request):
        return self.serve_list(request, past=False)

    @path("archives/")
    def archives(self, request):
        return self.serve_list(request, past=True)

    def serve_list(self, request, past):
        filters = AgendaFilters(request.GET)
        if not filters.is_valid():
            page_cache.keep_out_of_cache(request)
        now = timezone.now()
        occurrences = filters.apply(self.occurrences())
        page_number = request.GET.get("page")

        def listed():
            if past:
                page_obj = Paginator(occurrences.past(now).order_by("-start"), PER_PAGE).get_page(page_number)
            else:
                # One card per atelier with its next dates: a weekly atelier does not fill the list.
                page_obj = occurrences.upcoming(now).atelier_cards(page_number, PER_PAGE)
            return page_cache.checked_page(request, page_obj)

        today = timezone.localdate()
        context = {
            "filters": filters,
            "date_shortcuts": filters.date_shortcuts(today),
            # Read only when the list is rendered, not when it is kept ({% cache_part %}).
            "page_obj": SimpleLazyObject(listed),
            "query_string": filters.query_string,
            "past": past,
            "this_month_url": self.month_url(today),
        }
        return self.render(request, context_overrides=context)

    @re_path(r"^mois/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def month(self, request, year, month):
        """A month as a table of weeks, each day listing its sessions (no JavaScript)."""
        first, last = month_bounds(year, month)
        year, month = first.year, first.month
        filters = AgendaFilters(request.GET)
        occurrences = filters.apply(self.occurrences()).filter(start__date__lte=last, end__date__gte=first)
        by_day = {}
        for occurrence in occurrences.order_by("start"):
            by_day.setdefault(timezone.localdate(occurrence.start), []).append(occurrence)
        weeks = [
            [(day, day.month == month, by_day.get(day, [])) for day in week]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]
        previous = first - datetime.timedelta(days=1)
        following = last + datetime.timedelta(days=1)
        context = {
            "filters": filters,
            "query_string": filters.query_string,
            "weeks": weeks,
            "month_label": f"{MONTH_NAMES[month - 1]} {year}",
            "previous_url": self.month_url(previous),
            "next_url": self.month_url(following),
            "previous_label": f"{MONTH_NAMES[previous.month - 1]} {previous.year}",
            "next_label": f"{MONTH_NAMES[following.month - 1]} {following.year}",
            "today": timezone.localdate(),
            "weekday_names": recurrence.DAY_NAMES,
            "poster_url": self.url + self.reverse_subpage("poster", kwargs={"year": year, "month": month}),
        }
        return self.render(request, template="pages/agenda_month.html", context_overrides=context)

    @re_path(r"^mois/(?P<year>\d{4})/(?P<month>\d{1,2})/affiche/$")
    def poster(self, request, year, month):
        """The month's programme to print and pin up (agenda.poster), by member or commune."""
        first, last = month_bounds(year, month)
        espace = EspaceSettings.for_request(request)
        default_commune = espace.city
        occurrences = list(
            self.occurrences()
            .filter(start__date__lte=last, end__date__gte=first, cancelled=False)
            .exclude(atelier__status=AtelierStatus.CANCELLED)
            .order_by("start", "pk")
        )
        choices = PosterFilters(
            request.GET,
            members=sorted({member for o in occurrences for member in o.atelier.organisers.all()}, key=str),
            communes=poster.communes(occurrences, default_commune),
        )
        data = choices.cleaned_data if choices.is_valid() else {"membre": "", "commune": "", "format": "a4"}
        shown = poster.select(occurrences, data["membre"], data["commune"], default_commune)
        days = [(day, poster.lines(sessions, espace.phone, default_commune)) for day, sessions in poster.by_day(shown)]
        agenda_url = absolute_url(self.url)
        context = {
            "choices": choices,
            "days": days,
            "month_label": f"{MONTH_NAMES[first.month - 1]} {first.year}",
            "paper": data["format"] or "a4",
            "espace": espace,
            "agenda_url": agenda_url,
            "qr_svg": poster.qr_svg(agenda_url),
            "month_url": self.month_url(first),
        }
        return self.render(request, template="pages/agenda_poster.html", context_overrides=context)


def month_bounds(year, month):
    """The first and last days of a month of the address (404 for nonsense)."""
    year, month = int(year), int(month)
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    first = datetime.date(year, month, 1)
    return first, first.replace(day=calendar.monthrange(year, month)[1])


class FestivalPage(DescribedPageMixin, FoldedSearchMixin, RoutablePageMixin, Page):
    """A festival or series, like La BooTIC: its own dates, its ateliers as sub-pages, and
    « Mon programme », the sessions a visitor picks (in the address, see agenda.programme)."""

    cache_areas = ("agenda",)  # what its page cache reads besides the site (core.page_cache)

    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))
    intro = models.TextField(_("chapeau"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = ["agenda.AtelierPage"]
    template = "pages/festival_page.html"
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body"), FOLDED]
    content_panels = [
        HelpPanel(
            content=_("<p>Un festival regroupe des ateliers\u00a0: ajoutez-les comme sous-pages de celle-ci.</p>")
        ),
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    # The site search: its first day, and first in the results while it is coming.
    @property
    def search_date(self):
        return self.start_date

    @property
    def search_rank(self):
        return 1 if self.end_date >= timezone.localdate() else 0

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": gettext("Le dernier jour doit être le premier jour ou après.")})

    def occurrences(self):
        return Occurrence.objects.listed().filter(atelier__path__startswith=self.path).order_by("start")

    def structured_data(self, request):
        """The festival as one schema.org Event of its days, organised by the collective
        (the site and its settings as the request has them already: no query more)."""
        site = Site.find_for_request(request)
        espace = EspaceSettings.for_request(request)
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.description,
            "startDate": self.start_date.isoformat(),
            "endDate": self.end_date.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": espace.place_name,
                "address": espace.postal_address(),
            },
            "image": [schema_org.site_image()],
            "organizer": schema_org.collective(site.site_name),
            "url": self.get_full_url(request),
        }

    def sessions(self):
        """The festival's sessions as a list, read once: filters and selections work on it."""
        return list(self.occurrences()[:PROGRAMME_MAX])

    @path("")
    def programme_list(self, request):
        sessions = self.sessions()
        filters = FestivalFilters(
            request.GET,
            days=sorted({timezone.localdate(session.start) for session in sessions}),
            places=sorted({session.atelier.place_name for session in sessions}),
        )
        chosen, note = programme.parse(request.GET.get("programme"), sessions)
        query = filters.query()
        shown = filters.apply(sessions)
        context = {
            "structured_data": self.structured_data(request),
            "filters": filters,
            "query_string": filters.query_string,
            "items": [
                (
                    session,
                    session in chosen,
                    programme.festival_link(self.url, query, programme.toggled(chosen, session)),
                )
                for session in shown
            ],
            "chosen": chosen,
            "chosen_ids": programme.ids(chosen),
            "note": note,
            "programme_url": self.url + self.reverse_subpage("my_programme") + programme.programme_query(chosen),
            # Past festivals keep their programme to read, not to choose from.
            "programme_open": self.end_date >= timezone.localdate(),
        }
        return self.render(request, context_overrides=context)

    def programme_context(self, request):
        chosen, note = programme.parse(request.GET.get("seances"), self.sessions())
        query = programme.programme_query(chosen)
        return {
            "chosen": chosen,
            "days": programme.by_day(chosen),
            "note": note,
            "share_url": absolute_url(self.url + self.reverse_subpage("my_programme") + query),
            "ics_url": reverse("agenda_festival_programme", args=[self.pk]) + query,
            "print_url": self.url + self.reverse_subpage("my_programme_print") + query,
            "edit_url": programme.festival_link(self.url, {}, chosen),
        }

    @path("programme/")
    def my_programme(self, request):
        return self.render(
            request, template="pages/festival_programme.html", context_overrides=self.programme_context(request)
        )

    @path("programme/imprimer/")
    def my_programme_print(self, request):
        return self.render(
            request, template="pages/festival_programme_print.html", context_overrides=self.programme_context(request)
        )
