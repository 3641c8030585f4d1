"""The resource library's pages: its index (search, filters, the directory of
free alternatives) and the guides."""

import datetime
import math
from collections.abc import Mapping, Sequence

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

import segno

from core import page_cache
from core.choices import Audience, Level
from core.groups import members_edit_handler
from core.search import fold, query_words
from core.sitemaps import SitemapRoutesMixin
from home.easy_read import EasyReadMixin
from home.models import DescribedPageMixin, MemberPage
from home.plain_language import PlainLanguagePanel
from resources.blocks import GuideBodyBlock, HeadingBlock
from resources.forms import AlternativeFilters, LibraryFilters
from resources.models.vocabulary import LICENCE_URLS, Alternative, GuideFormat, Licence, Topic

WORDS_PER_MINUTE = 180  # a calm reading pace, for people who are not used to screens
REVIEW_AFTER = datetime.timedelta(days=365)
GUIDES_PER_PAGE = 12


def block_text(value):
    """The readable words of a block's value: rich text without its tags, texts,
    and the texts inside structs and lists (images and documents have none)."""
    if hasattr(value, "source"):
        return strip_tags(value.source)
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        return " ".join(block_text(item) for item in value.values())
    if isinstance(value, Sequence):
        return " ".join(block_text(item) for item in value)
    return ""


class ResourceIndexPage(DescribedPageMixin, SitemapRoutesMixin, RoutablePageMixin, Page):
    """/ressources/: the guides, by topic, level, audience and format, with a search."""

    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    sitemap_routes = ("alternatives",)

    intro = models.TextField(_("chapeau"), max_length=500, blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.GuidePage"]
    template = "pages/resource_index_page.html"
    content_panels = [
        HelpPanel(
            content=_(
                "<p>La bibliothèque liste toute seule les guides, qui sont ses sous-pages. "
                "Les guides proposés par les membres sont relus par la coordination.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *Page.content_panels,
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("bibliothèque de ressources")
        verbose_name_plural = _("bibliothèques de ressources")

    def guides(self):
        return (
            GuidePage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()  # cards: neither the body nor the easy-read version
            .select_related("author")
            .prefetch_related("topics")
            .order_by("-last_reviewed", "title")
        )

    def search(self, guides, query):
        """`guides` that match every word of `query`, best first. Search runs on the
        folded text, so accents and plurals don't matter."""
        words = query_words(query)
        if not words:
            return guides
        hits = GuidePage.objects.live().search(" ".join(words), operator="and", order_by_relevance=True)
        rank = {page.pk: position for position, page in enumerate(hits)}
        matching = list(guides.filter(pk__in=rank))

        # Guides whose title or summary hold every word come first, on every backend.
        def in_title(guide):
            return all(word in guide.search_title.split() for word in words)

        return sorted(matching, key=lambda guide: (not in_title(guide), rank[guide.pk]))

    @path("")
    def library(self, request):
        filters = LibraryFilters(request.GET)
        if not filters.is_valid():
            page_cache.keep_out_of_cache(request)
        guides = filters.apply(self.guides())
        if filters.query:
            guides = self.search(guides, filters.query)
        # Read only when the list is rendered, not when it is kept ({% cache_part %}).
        asked, paginator = request.GET.get("page"), Paginator(guides, GUIDES_PER_PAGE)
        page_obj = SimpleLazyObject(lambda: page_cache.checked_page(request, paginator.get_page(asked)))
        context = {"filters": filters, "page_obj": page_obj, "query_string": filters.query_string}
        return self.render(request, context_overrides=context)

    @path("alternatives/")
    def alternatives(self, request):
        categories = Alternative.objects.order_by("category").values_list("category", flat=True).distinct()
        filters = AlternativeFilters(request.GET, categories=list(categories))
        context = {"filters": filters, "alternatives": filters.apply(Alternative.objects.all())}
        return self.render(request, template="pages/alternatives.html", context_overrides=context)


class GuidePage(DescribedPageMixin, EasyReadMixin, Page):
    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    lead_field = "summary"

    summary = models.TextField(
        _("en bref"),
        max_length=300,
        help_text=_("Une à trois phrases simples\u00a0: ce que le guide apprend, pour qui."),
    )
    level = models.CharField(_("niveau"), max_length=15, choices=Level.choices, default=Level.BEGINNER)
    audience = models.CharField(_("public"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    format = models.CharField(_("format"), max_length=15, choices=GuideFormat.choices, default=GuideFormat.SHEET)
    topics = ParentalManyToManyField(Topic, verbose_name=_("thèmes"), related_name="guides", blank=True)
    author = models.ForeignKey(
        "home.MemberPage",
        verbose_name=_("membre auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
    )
    last_reviewed = models.DateField(
        _("relu le"),
        default=timezone.localdate,
        help_text=_("Changez la date quand vous avez vérifié que tout est juste."),
    )
    licence = models.CharField(_("licence"), max_length=25, choices=Licence.choices, default=Licence.CC_BY_SA)
    body = StreamField(GuideBodyBlock(), verbose_name=_("contenu"))
    related_guides = ParentalManyToManyField("self", verbose_name=_("guides liés"), symmetrical=False, blank=True)
    # Folded copies of the text (see core.search), so that search ignores accents and plurals.
    search_title = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    template = "pages/guide_page.html"
    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title", boost=4),
        index.SearchField("search_body"),
        index.FilterField("level"),
        index.FilterField("audience"),
        index.FilterField("format"),
        index.FilterField("live"),
        index.FilterField("path"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("audience"), FieldPanel("format")]),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("author"), FieldPanel("last_reviewed")]),
                FieldPanel("licence"),
            ],
            heading=_("Pour qui, par qui"),
        ),
        FieldPanel("body"),
        PlainLanguagePanel(["summary", "body"]),
        FieldPanel("related_guides"),
        *EasyReadMixin.easy_read_panels,
    ]
    edit_handler = members_edit_handler(content_panels)

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    # The site search lists guides before general pages, with the date they were last checked.
    search_rank = 1

    @property
    def search_date(self):
        return self.last_reviewed

    def body_text(self):
        return " ".join(block_text(block.value) for block in self.body)

    @property
    def reading_minutes(self):
        words = len(f"{self.summary} {self.body_text()}".split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def needs_review(self, today=None):
        return (today or timezone.localdate()) - self.last_reviewed > REVIEW_AFTER

    def table_of_contents(self):
        return [(HeadingBlock.anchor(block.value), block.value) for block in self.body if block.block_type == "heading"]

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def save(self, *args, **kwargs):
        self.search_title = fold(f"{self.title} {self.summary}")
        self.search_body = fold(f"{self.body_text()} {self.easy_read_text()}")
        super().save(*args, **kwargs)

    def help_members(self):
        """The members who write guides on this guide's topics: they can help."""
        guides = GuidePage.objects.filter(topics__in=self.topics.all())
        return MemberPage.objects.live().filter(pk__in=guides.values("author")).defer_streamfields().order_by("title")

    @path("")
    def guide(self, request):
        related = self.related_guides.live().defer_streamfields().prefetch_related("topics")  # cards, no author
        # Shown on every guide of the same topics, changed only by content: kept for all renders.
        help_members = page_cache.cached_value("guide-help-members", lambda: list(self.help_members()), self, areas=())
        context = {"related": related, "help_members": help_members}
        return self.render(request, context_overrides=context)

    @path("imprimer/")
    def print_view(self, request):
        url = self.get_full_url(request)
        qr_svg = segno.make(url, error="m").svg_inline(scale=3, title=gettext("Code QR vers ce guide en ligne"))
        return self.render(request, template="pages/guide_print.html", context_overrides={"qr_svg": qr_svg, "url": url})
