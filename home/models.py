from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock


class BasePage(Page):
    """Fields shared by the site's content pages: a lead paragraph and a body."""

    intro = models.TextField(
        "chapeau",
        max_length=500,
        blank=True,
        help_text="Une ou deux phrases simples qui disent de quoi parle la page. "
        "Elles servent aussi de résumé dans les moteurs de recherche.",
    )
    body = StreamField(BodyBlock(), verbose_name="contenu", blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True

    @property
    def description(self):
        """What the page says of itself to search engines and link previews."""
        return self.search_description or self.intro


class HomePage(BasePage):
    """The home page of the espace numérique: there is only one."""

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage"]
    template = "pages/home_page.html"

    content_panels = [
        HelpPanel(
            content="<p>La page d'accueil présente le collectif. Le contenu se compose de blocs : "
            "texte, cartes, chiffres clés, listes automatiques des ateliers et des membres…</p>",
            heading="À quoi sert cette page",
        ),
        *BasePage.content_panels,
    ]

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"


class StandardPage(BasePage):
    """A page of text: « Le projet », « Mentions légales », « Données personnelles »…"""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    content_panels = [
        HelpPanel(
            content="<p>Une page de contenu simple : un titre, un chapeau et des blocs de texte. "
            "Cochez « Afficher dans les menus » (onglet Promotion) pour la mettre dans le menu.</p>",
            heading="À quoi sert cette page",
        ),
        *BasePage.content_panels,
    ]

    class Meta:
        verbose_name = "page de contenu"
        verbose_name_plural = "pages de contenu"


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Nom du réseau", max_length=40, help_text="Par exemple : Mastodon, PeerTube.")
    url = blocks.URLBlock(label="Adresse")


@register_setting(icon="site")
class EspaceSettings(BaseSiteSetting):
    """How to reach the espace: shown in the footer and on the contact pages."""

    place_name = models.CharField("nom du lieu", max_length=120, default="Espace numérique")
    street_address = models.CharField("adresse", max_length=200, blank=True)
    postal_code = models.CharField("code postal", max_length=10, blank=True)
    city = models.CharField("commune", max_length=100, blank=True)
    email = models.EmailField("adresse électronique de contact", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True, help_text="Par exemple : 02 99 00 00 00.")
    opening_hours = models.TextField(
        "horaires d'ouverture",
        blank=True,
        max_length=600,
        help_text="Une ligne par jour ou par période, par exemple : « Mercredi : 14 h – 18 h ».",
    )
    social_links = StreamField([("link", SocialLinkBlock(label="Lien"))], verbose_name="réseaux sociaux", blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page des mentions légales",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page « données personnelles »",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page « accessibilité »",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")],
            heading="Adresse",
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("opening_hours")], heading="Contact"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("legal_notice_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Liens du pied de page",
        ),
    ]

    class Meta:
        verbose_name = "coordonnées de l'espace"

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def footer_pages(self):
        return [page for page in (self.legal_notice_page, self.privacy_page, self.accessibility_page) if page]
