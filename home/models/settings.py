from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from core import page_cache, schema_org
from core.person import phone_model_field


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Nom du réseau"), max_length=40, help_text=_("Par exemple\u00a0: Mastodon, PeerTube.")
    )
    url = blocks.URLBlock(label=_("Adresse"))


@register_setting(icon="site")
class EspaceSettings(BaseSiteSetting):
    """How to reach the espace: shown in the footer and on the contact pages."""

    place_name = models.CharField(_("nom du lieu"), max_length=120, default="Espace numérique")
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=100, blank=True)
    email = models.EmailField(_("adresse électronique de contact"), blank=True)
    phone = phone_model_field()
    opening_hours = models.TextField(
        _("horaires d'ouverture"),
        blank=True,
        max_length=600,
        help_text=_("Une ligne par jour ou par période, par exemple\u00a0: «\u00a0Mercredi\u00a0: 14 h – 18 h\u00a0»."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock(label=_("Lien")))], verbose_name=_("réseaux sociaux"), blank=True
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page «\u00a0données personnelles\u00a0»"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page «\u00a0accessibilité\u00a0»"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_synonyms = models.TextField(
        _("synonymes pour la recherche"),
        blank=True,
        help_text=_(
            "Un groupe par ligne, les mots séparés par des virgules, par exemple\u00a0: "
            "«\u00a0tablette, iPad\u00a0». "
            "Chercher un mot du groupe trouve aussi les pages qui contiennent les autres. "
            "S'ajoutent aux groupes déjà prévus (téléphone, smartphone, portable…\u00a0; courriel, mail…)."
        ),
    )

    select_related = ["legal_notice_page", "privacy_page", "accessibility_page"]

    def postal_address(self):
        """The espace's address for schema.org (its name where no street is filled in)."""
        return schema_org.postal_address(self.street_address or self.place_name, self.postal_code, self.city)

    panels = [
        MultiFieldPanel(
            [FieldPanel("place_name"), FieldPanel("street_address"), FieldPanel("postal_code"), FieldPanel("city")],
            heading=_("Adresse"),
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone"), FieldPanel("opening_hours")], heading=_("Contact")),
        FieldPanel("social_links"),
        FieldPanel("search_synonyms"),
        MultiFieldPanel(
            [FieldPanel("legal_notice_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Liens du pied de page"),
        ),
    ]

    class Meta:
        verbose_name = _("coordonnées de l'espace")

    @classmethod
    def for_request(cls, request):
        """Every public page shows them in its footer: read once for all (core.page_cache)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            setattr(
                request,
                attr_name,
                page_cache.cached_value("espace-settings", lambda: cls.for_site(site), site, areas=()),
            )
        return getattr(request, attr_name)

    @property
    def opening_hours_lines(self):
        return [line.strip() for line in self.opening_hours.splitlines() if line.strip()]

    @property
    def footer_pages(self):
        return [page for page in (self.legal_notice_page, self.privacy_page, self.accessibility_page) if page]
