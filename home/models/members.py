"""The collective's members: one page each, kept up to date by the member itself.

Fields map onto the national data·inclusion description of inclusion structures
(kind → typologie, summary → presentation_resume, body → presentation_detail,
street_address → adresse, address_complement → complement_adresse, email →
courriel, website → site_web, acceslibre_url → accessibilite), so that the
directory can later be published as open data.
"""

import functools

from django.core.paginator import Paginator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import GroupPagePermission, Page
from wagtail.search import index

from core import listings, opening_hours, page_cache, schema_org
from core.groups import COORDINATION_PERMISSION, MEMBER_GROUP_PREFIX, members_edit_handler
from core.images import prefetch_renditions
from core.opening_hours import ClosurePeriod, OpeningRange, in_week_order
from core.person import phone_model_field
from core.search import FOLDED, FoldedSearchMixin
from core.slugs import SlugFromNameMixin
from home.blocks import BodyBlock
from home.easy_read import EasyReadMixin
from home.models.pages import DescribedPageMixin
from home.plain_language import PlainLanguagePanel

MEMBERS_PER_PAGE = 24
# The renditions of the logo's {% picture %} tag in components/member_card.html, in its order.
CARD_LOGO_RENDITIONS = ("format-{avif,webp,png}", "fill-{128x128,64x64,192x192}")
# The renditions of the logo's {% picture %} tag in pages/member_page.html.
PAGE_LOGO_RENDITIONS = ("format-{avif,webp,png}", "fill-{256x256,128x128,384x384}")


class Service(SlugFromNameMixin, models.Model):
    """A kind of service that members offer; shared by all so that visitors can filter."""

    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    description = models.CharField(_("description"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self):
        return self.name


class MemberKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    INSERTION = "insertion", _("Entreprise d'insertion")
    COMPANY = "company", _("Entreprise")
    PROJECT = "project", _("Porteur de projet")


class MemberIndexPage(DescribedPageMixin, Page):
    """« Le collectif »: the list of members, filterable by service."""

    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    intro = models.TextField(_("chapeau"), max_length=500, blank=True)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.MemberPage"]
    template = "pages/member_index_page.html"
    content_panels = [
        HelpPanel(
            content=_(
                "<p>Cette page liste automatiquement les membres du collectif. "
                "Chaque membre est une sous-page, tenue à jour par le membre lui-même.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *Page.content_panels,
        FieldPanel("intro"),
    ]

    class Meta:
        verbose_name = _("liste des membres")
        verbose_name_plural = _("listes des membres")

    def members(self, service_slug=None):
        members = (
            MemberPage.objects.child_of(self)
            .live()
            .public()
            .select_related("logo")
            .prefetch_related("services", prefetch_renditions("logo", *CARD_LOGO_RENDITIONS))
            .order_by("title")
        )
        if service_slug:
            members = members.filter(services__slug=service_slug)
        return members

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The filter's options, the same on every page of the list: kept for all renders.
        services = page_cache.cached_value(
            "member-services", lambda: list(Service.objects.filter(members__live=True).distinct()), areas=()
        )
        selected = request.GET.get("service", "")
        if selected and selected not in {service.slug for service in services}:
            selected = ""  # an unknown service: the whole list, never cached under that value
            page_cache.keep_out_of_cache(request)
        context["services"] = services
        context["selected_service"] = selected
        page_obj = Paginator(self.members(selected), MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
        context["page_obj"] = page_cache.checked_page(request, page_obj)
        context["query_string"] = f"service={selected}" if selected else ""
        return context


class MemberPage(DescribedPageMixin, FoldedSearchMixin, EasyReadMixin, Page):
    """One member organisation, edited by that member alone."""

    cache_areas = ()  # the site alone, and what its listings read (core.page_cache)

    lead_field = "summary"

    kind = models.CharField(
        _("type de structure"),
        max_length=20,
        choices=MemberKind.choices,
    )
    summary = models.CharField(
        _("présentation en une phrase"),
        max_length=200,
        help_text=_(
            "Ce que vous faites pour le public, en une phrase simple. Elle s'affiche dans la liste des membres."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    services = ParentalManyToManyField(
        Service,
        verbose_name=_("services proposés"),
        related_name="members",
        blank=True,
        help_text=_("Cochez ce que vous proposez\u00a0: les visiteurs peuvent filtrer les membres par service."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("présentation détaillée"),
        blank=True,
        help_text=_("Ce que vous proposez, pour qui, comment venir."),
    )
    street_address = models.CharField(_("adresse"), max_length=200, blank=True)
    address_complement = models.CharField(
        _("complément d'adresse"), max_length=200, blank=True, help_text=_("Bâtiment, étage…")
    )
    postal_code = models.CharField(_("code postal"), max_length=5, blank=True)
    city = models.CharField(_("commune"), max_length=100, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    phone = phone_model_field()
    email = models.EmailField(
        _("adresse électronique"), blank=True, help_text=_("Elle n'apparaît qu'aux visiteurs qui la demandent.")
    )
    website = models.URLField(_("site internet"), blank=True)
    accessibility = models.TextField(
        _("accessibilité du lieu"),
        max_length=600,
        blank=True,
        help_text=_("Comment entrer avec un fauteuil roulant, une poussette\u00a0; toilettes adaptées…"),
    )
    acceslibre_url = models.URLField(
        _("fiche Acceslibre"),
        blank=True,
        help_text=_("Facultatif\u00a0: l'adresse de votre fiche sur acceslibre.beta.gouv.fr."),
    )

    parent_page_types = ["home.MemberIndexPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/member_page.html"

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *EasyReadMixin.easy_read_search_fields,
        FOLDED,
        index.FilterField("kind"),
    ]

    content_panels = [
        HelpPanel(
            content=_(
                "<p>Votre page sur le site du collectif. Vous seul·e pouvez la modifier. "
                "Pour mettre vos changements en ligne, cliquez sur «\u00a0Publier\u00a0», en bas de l'écran\u00a0; "
                "la petite flèche à côté propose d'enregistrer un brouillon sans le publier.</p>"
            ),
            heading=_("Votre page"),
        ),
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("logo")]),
        FieldPanel("summary"),
        FieldPanel("services"),
        FieldPanel("body"),
        PlainLanguagePanel(["summary", "body"]),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("address_complement"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                # Coordination places members on the map; members need not know coordinates.
                FieldRowPanel(
                    [
                        FieldPanel("latitude", permission=COORDINATION_PERMISSION),
                        FieldPanel("longitude", permission=COORDINATION_PERMISSION),
                    ],
                    help_text=_("La latitude et la longitude servent au lien vers la carte OpenStreetMap."),
                ),
            ],
            heading=_("Adresse"),
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")),
        InlinePanel(
            "opening_hours",
            heading=_("Horaires d'ouverture"),
            label=_("Plage horaire"),
            help_text=_("Une ligne par plage\u00a0: un jour peut avoir une plage le matin et une l'après-midi."),
        ),
        InlinePanel("closures", heading=_("Fermetures exceptionnelles"), label=_("Fermeture")),
        MultiFieldPanel([FieldPanel("accessibility"), FieldPanel("acceslibre_url")], heading=_("Accessibilité")),
        *EasyReadMixin.easy_read_panels,
    ]
    edit_handler = members_edit_handler(content_panels)

    class Meta:
        verbose_name = _("page d'un membre")
        verbose_name_plural = _("pages des membres")

    def clean(self):
        super().clean()
        in_week_order(self.opening_hours.all())

    def closure_on(self, day):
        return opening_hours.closure_on(self.closures.all(), day)

    def is_open_at(self, moment):
        return opening_hours.is_open_at(self.opening_hours.all(), self.closures.all(), moment)

    def hours_by_day(self):
        return opening_hours.hours_by_day(self.opening_hours.all())

    def upcoming_closures(self, today=None):
        today = today or timezone.localdate()
        return [closure for closure in self.closures.all() if closure.end_date >= today]

    @property
    def map_url(self):
        """A link to OpenStreetMap: the visitor's browser loads no map until they follow it."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def structured_data(self, request=None):
        """schema.org Organization, for search engines."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
        }
        if self.street_address or self.city:
            data["address"] = schema_org.postal_address(self.street_address, self.postal_code, self.city)
        if self.logo:
            data["logo"] = schema_org.image_url(self.logo)
        if self.phone:
            data["telephone"] = self.phone
        if self.website:
            data["sameAs"] = [self.website]
        return data

    def logo_with_renditions(self):
        """The logo with its renditions for the page, read in one plain query: Wagtail would look each
        up in the cache, then all in the database, then write them to the cache. Asked for in the
        kept part only: a page whose parts are kept reads none."""
        if self.logo_id is None:
            return None
        prefetch_related_objects([self], prefetch_renditions("logo", *PAGE_LOGO_RENDITIONS))
        return self.logo

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when its {% cache_part %} part is rendered (the template calls it): the logo's row is
        # not read for a page whose parts are kept.
        context["structured_data"] = functools.partial(self.structured_data, request)
        return context

    def serve(self, request, *args, **kwargs):
        # The address is only written in the page after a form is sent, which spam harvesters,
        # that only follow links, do not do. A GET form: no CSRF token, so the page itself is cached.
        request.show_email = request.GET.get("courriel") == "1"
        # Hours and closures are read by the status, the table and the structured data: once.
        prefetch_related_objects([self], "opening_hours", "closures")
        return super().serve(request, *args, **kwargs)


class OpeningHours(OpeningRange):
    page = ParentalKey(MemberPage, on_delete=models.CASCADE, related_name="opening_hours")

    class Meta(OpeningRange.Meta):
        verbose_name = _("plage d'ouverture")
        verbose_name_plural = _("horaires d'ouverture")


class Closure(ClosurePeriod):
    page = ParentalKey(MemberPage, on_delete=models.CASCADE, related_name="closures")
    reason = models.CharField(_("motif"), max_length=120, blank=True, help_text=_("Par exemple\u00a0: congés d'été."))

    panels = [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("reason")]

    class Meta(ClosurePeriod.Meta):
        verbose_name = _("fermeture exceptionnelle")
        verbose_name_plural = _("fermetures exceptionnelles")


def member_pages_for(user):
    """The member pages that `user` edits through a member group."""
    if not user.is_authenticated:
        return MemberPage.objects.none()
    page_ids = GroupPagePermission.objects.filter(
        group__user=user, group__name__startswith=MEMBER_GROUP_PREFIX, permission__codename="change_page"
    ).values("page_id")
    return MemberPage.objects.filter(pk__in=page_ids).order_by("title")


@listings.register("members", _("Membres du collectif"), areas=())
def members_listing(count, **_filters):
    """The members shown by a « Liste automatique » block."""
    index = MemberIndexPage.objects.live().first()
    if index is None:
        return None
    return listings.Listing(
        template="components/member_list.html",
        items=list(index.members()[:count]),
        more_url=index.url,
        more_label=gettext("Tous les membres du collectif"),
    )
