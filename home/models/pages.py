from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.routing import CachedRoutesMixin
from core.search import FOLDED, FoldedSearchMixin
from home.blocks import BodyBlock
from home.easy_read import EasyReadMixin


class DescribedPageMixin:
    """What a page says of itself to search engines and link previews: the search
    description Coordination wrote, or else the page's own lead (`lead_field`)."""

    lead_field = "intro"

    @property
    def description(self):
        return self.search_description or getattr(self, self.lead_field)


class BasePage(DescribedPageMixin, FoldedSearchMixin, Page):
    """Fields shared by the site's content pages: a lead paragraph and a body."""

    intro = models.TextField(
        _("chapeau"),
        max_length=500,
        blank=True,
        help_text=_(
            "Une ou deux phrases simples qui disent de quoi parle la page. "
            "Elles servent aussi de résumé dans les moteurs de recherche."
        ),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body"), FOLDED]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


class HomePage(CachedRoutesMixin, EasyReadMixin, BasePage):
    """The home page of the espace numérique: there is only one."""

    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: the sections under the home page (agenda, library, figures…) live in
    # apps above this one, so each declares parent_page_types = ["home.HomePage"] itself.
    template = "pages/home_page.html"

    content_panels = [
        HelpPanel(
            content=_(
                "<p>La page d'accueil présente le collectif. Le contenu se compose de blocs\u00a0: "
                "texte, cartes, chiffres clés, listes automatiques des ateliers et des membres…</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *BasePage.content_panels,
        *EasyReadMixin.easy_read_panels,
    ]
    search_fields = [*BasePage.search_fields, *EasyReadMixin.easy_read_search_fields]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class StandardPage(EasyReadMixin, BasePage):
    """A page of text: « Le projet », « Mentions légales », « Données personnelles »…"""

    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.MemberPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    content_panels = [
        HelpPanel(
            content=_(
                "<p>Une page de contenu simple\u00a0: un titre, un chapeau et des blocs de texte. "
                "Cochez «\u00a0Faire apparaître dans les menus\u00a0» (onglet Promotion) "
                "pour la mettre dans le menu.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *BasePage.content_panels,
        *EasyReadMixin.easy_read_panels,
    ]
    search_fields = [*BasePage.search_fields, *EasyReadMixin.easy_read_search_fields]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")
