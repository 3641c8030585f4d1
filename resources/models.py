"""The resource library: guides on personal data and free software, and the
directory of free alternatives (« Je remplace… par… »)."""

import datetime
import math
from collections.abc import Mapping, Sequence

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.search import fold
from home.members import members_edit_handler
from home.mixins import SlugFromNameMixin
from resources.blocks import GuideBodyBlock, HeadingBlock

WORDS_PER_MINUTE = 180  # a calm reading pace, for people who are not used to screens
REVIEW_AFTER = datetime.timedelta(days=365)
GUIDES_PER_PAGE = 12


class Topic(SlugFromNameMixin, models.Model):
    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    # The link that lets a guide's « Se faire aider » box list the next ateliers on its topic.
    atelier_categories = models.ManyToManyField(
        "agenda.Category",
        blank=True,
        related_name="library_topics",
        verbose_name=_("catégories d'ateliers sur ce thème"),
        help_text=_("Les prochains ateliers de ces catégories sont proposés à la fin des guides de ce thème."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("atelier_categories", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.name


class Level(models.TextChoices):
    BEGINNER = "debutant", _("Débutant")
    INTERMEDIATE = "intermediaire", _("Intermédiaire")
    ADVANCED = "avance", _("Avancé")


class GuideAudience(models.TextChoices):
    EVERYONE = "tout-public", _("Tout public")
    YOUTH = "jeunes", _("Jeunes")
    SENIORS = "seniors", _("Seniors")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionnels", _("Professionnels")


class GuideFormat(models.TextChoices):
    SHEET = "fiche", _("Fiche")
    STEP_BY_STEP = "pas-a-pas", _("Pas-à-pas")
    VIDEO = "video", _("Vidéo")
    DOCUMENT = "document", _("Document")


class Licence(models.TextChoices):
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons BY-SA 4.0")
    CC_BY = "cc-by-4.0", _("Creative Commons BY 4.0")
    ALL_RIGHTS_RESERVED = "tous-droits-reserves", _("Tous droits réservés")


LICENCE_URLS = {
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
}


class Difficulty(models.TextChoices):
    EASY = "facile", _("Facile")
    MEDIUM = "moyen", _("Moyen")
    ADVANCED = "avance", _("Avancé")


class Alternative(index.Indexed, models.Model):
    """« Je remplace Microsoft Word par LibreOffice Writer »."""

    proprietary = models.CharField(_("je remplace…"), max_length=80, help_text=_("Le logiciel ou service courant."))
    alternatives = models.CharField(
        _("… par"), max_length=160, help_text=_("Le ou les logiciels libres qui le remplacent.")
    )
    category = models.CharField(_("catégorie"), max_length=60, help_text=_("Par exemple : Bureautique, Navigateur."))
    platforms = models.CharField(
        _("plateformes"), max_length=120, blank=True, help_text=_("Séparées par des virgules : windows, macos, linux…")
    )
    difficulty = models.CharField(_("difficulté"), max_length=10, choices=Difficulty.choices, default=Difficulty.EASY)
    url = models.URLField(_("site officiel"))
    description = models.CharField(_("en une phrase"), max_length=200, blank=True)

    search_fields = [index.SearchField("proprietary"), index.SearchField("alternatives"), index.FilterField("category")]
    panels = [
        FieldRowPanel([FieldPanel("proprietary"), FieldPanel("alternatives")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("difficulty")]),
        FieldPanel("platforms"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["category", "proprietary"]
        verbose_name = _("alternative libre")
        verbose_name_plural = _("alternatives libres")

    def __str__(self):
        return f"{self.proprietary} → {self.alternatives}"

    @property
    def platform_list(self):
        return [platform.strip() for platform in self.platforms.split(",") if platform.strip()]


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


class ResourceIndexPage(RoutablePageMixin, Page):
    """/ressources/: the guides, by topic, level, audience and format, with a search."""

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

    @property
    def description(self):
        return self.search_description or self.intro

    def guides(self):
        return (
            GuidePage.objects.child_of(self)
            .live()
            .public()
            .select_related("author")
            .prefetch_related("topics")
            .order_by("-last_reviewed", "title")
        )

    @path("")
    def library(self, request):
        from resources import views

        return views.library(request, self)

    @path("alternatives/")
    def alternatives(self, request):
        from resources import views

        return views.alternatives(request, self)


class GuidePage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("en bref"),
        max_length=300,
        help_text=_("Une à trois phrases simples : ce que le guide apprend, pour qui."),
    )
    level = models.CharField(_("niveau"), max_length=15, choices=Level.choices, default=Level.BEGINNER)
    audience = models.CharField(
        _("public"), max_length=20, choices=GuideAudience.choices, default=GuideAudience.EVERYONE
    )
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
        FieldPanel("related_guides"),
    ]
    edit_handler = members_edit_handler(content_panels)

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    @property
    def description(self):
        return self.search_description or self.summary

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
        self.search_body = fold(self.body_text())
        super().save(*args, **kwargs)

    @path("")
    def guide(self, request):
        from resources import views

        return views.guide(request, self)

    @path("imprimer/")
    def print_view(self, request):
        from resources import views

        return views.guide_print(request, self)
