"""The agenda's index (/agenda/: the list, the month, the archives) and the
festivals that group ateliers."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from agenda import recurrence
from agenda.forms import AgendaFilters
from agenda.models.occurrences import Occurrence
from core.search import FOLDED, FoldedSearchMixin
from home.blocks import BodyBlock
from home.models import DescribedPageMixin

PER_PAGE = 20
MONTH_NAMES = [
    _("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"),
    _("juillet"), _("août"), _("septembre"), _("octobre"), _("novembre"), _("décembre"),
]  # fmt: skip


class AgendaIndexPage(DescribedPageMixin, RoutablePageMixin, Page):
    """/agenda/: upcoming ateliers as a list or a month, their feeds and archives."""

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
        now = timezone.now()
        occurrences = filters.apply(self.occurrences())
        page_number = request.GET.get("page")
        if past:
            page_obj = Paginator(occurrences.past(now).order_by("-start"), PER_PAGE).get_page(page_number)
        else:
            # One card per atelier with its next dates: a weekly atelier does not fill the list.
            page_obj = occurrences.upcoming(now).atelier_cards(page_number, PER_PAGE)
        today = timezone.localdate()
        context = {
            "filters": filters,
            "date_shortcuts": filters.date_shortcuts(today),
            "page_obj": page_obj,
            "query_string": filters.query_string,
            "past": past,
            "this_month_url": self.month_url(today),
        }
        return self.render(request, context_overrides=context)

    @re_path(r"^mois/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def month(self, request, year, month):
        """A month as a table of weeks, each day listing its sessions (no JavaScript)."""
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise Http404
        first = datetime.date(year, month, 1)
        last = first.replace(day=calendar.monthrange(year, month)[1])
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
        }
        return self.render(request, template="pages/agenda_month.html", context_overrides=context)


class FestivalPage(DescribedPageMixin, FoldedSearchMixin, Page):
    """A festival or series, like La BooTIC: its own dates, its ateliers as sub-pages."""

    start_date = models.DateField(_("premier jour"))
    end_date = models.DateField(_("dernier jour"))
    intro = models.TextField(_("chapeau"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = ["agenda.AtelierPage"]
    template = "pages/festival_page.html"
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body"), FOLDED]
    content_panels = [
        HelpPanel(content=_("<p>Un festival regroupe des ateliers : ajoutez-les comme sous-pages de celle-ci.</p>")),
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": gettext("Le dernier jour doit être le premier jour ou après.")})

    def occurrences(self):
        return Occurrence.objects.listed().filter(atelier__path__startswith=self.path).order_by("start")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["occurrences"] = self.occurrences()[:200]
        return context
