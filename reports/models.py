"""What the activity report adds to the site's own records: the counters of what the site
does not see (computers redistributed, devices repaired, visitors at a stand), and the
public page « Le collectif en chiffres »."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from home.models import BasePage
from home.models.members import MemberPage


class CounterKind(models.Model):
    """A kind of manual figure, e.g. « ordinateurs redistribués »; Coordination keeps the list."""

    name = models.CharField(
        _("nom"),
        max_length=80,
        unique=True,
        help_text=_("Au pluriel, en minuscules\u00a0: «\u00a0ordinateurs redistribués\u00a0»."),
    )
    description = models.CharField(
        _("ce qu'on compte"),
        max_length=200,
        blank=True,
        help_text=_("Une phrase pour que chacun compte de la même façon."),
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("type de compteur")
        verbose_name_plural = _("types de compteurs")

    def __str__(self):
        return self.name


class CounterEntryQuerySet(models.QuerySet):
    def between(self, first_day, last_day):
        """The entries dated from `first_day` to `last_day`, both included."""
        return self.filter(date__gte=first_day, date__lte=last_day)

    def of_member(self, member):
        """A member's entries; None: all of them, the collective's own included."""
        return self if member is None else self.filter(member=member)

    def totals(self):
        """[(kind id, kind name, total)] in the order of the kinds' names, one query."""
        rows = self.values("kind_id", "kind__name").annotate(total=Sum("value")).order_by("kind__name")
        return [(row["kind_id"], row["kind__name"], row["total"]) for row in rows]


class CounterEntry(models.Model):
    """A figure entered by hand, for a member (or the collective as a whole) on a day,
    optionally for one session of the agenda."""

    kind = models.ForeignKey(CounterKind, verbose_name=_("compteur"), on_delete=models.PROTECT, related_name="entries")
    value = models.PositiveIntegerField(_("nombre"), validators=[MinValueValidator(1)])
    date = models.DateField(_("date"), default=timezone.localdate)
    member = models.ForeignKey(
        MemberPage,
        verbose_name=_("membre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laissez vide pour un chiffre du collectif entier (un festival, un stand commun)."),
    )
    # The session is a reminder of where the figure comes from: if the session goes, the figure stays.
    occurrence = models.ForeignKey(
        "agenda.Occurrence",
        verbose_name=_("séance"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif\u00a0: la séance de l'agenda où ce chiffre a été compté."),
    )
    note = models.CharField(
        _("remarque"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple\u00a0: «\u00a0stand du marché de Redon\u00a0»."),
    )
    created_at = models.DateTimeField(_("saisi le"), auto_now_add=True)

    objects = CounterEntryQuerySet.as_manager()
    # Its form is the admin's (reports/admin/counters.py): the choices depend on who enters it.

    class Meta:
        ordering = ["-date", "kind__name"]
        verbose_name = _("chiffre saisi")
        verbose_name_plural = _("chiffres saisis")

    def __str__(self):
        return f"{self.value} {self.kind} — {self.date:%d/%m/%Y}"


class PublicFigure(models.TextChoices):
    """The figures of the activity report the public page may show, year by year."""

    SESSIONS_HELD = "sessions_held", _("séances tenues")
    PEOPLE_PRESENT = "people_present", _("personnes présentes aux ateliers")
    PEOPLE_REGISTERED = "people_registered", _("inscriptions aux ateliers")
    ROOM_HOURS_USED = "room_hours_used", _("heures d'utilisation des salles")
    GUIDES_PUBLISHED = "guides_published", _("guides publiés")
    # Réemploi (reemploi.impact): counted by the site; past years typed by hand stay (reports.activity).
    OBJECTS_REPAIRED = "objects_repaired", _("appareils réparés")
    DEVICES_REDISTRIBUTED = "devices_redistributed", _("ordinateurs redistribués")
    WASTE_AVOIDED = "waste_avoided_kg", _("kg de déchets évités")
    CO2E_AVOIDED = "co2e_avoided_kg", _("kg CO2e évités")


class ActivityFigureBlock(blocks.StructBlock):
    figure = blocks.ChoiceBlock(choices=PublicFigure.choices, label=_("chiffre"))
    label = blocks.CharBlock(
        required=False, max_length=80, label=_("intitulé"), help_text=_("Laissez vide pour l'intitulé proposé.")
    )

    class Meta:
        icon = "table"
        label = _("chiffre de l'activité")


class CounterFigureBlock(blocks.StructBlock):
    counter = SnippetChooserBlock(CounterKind, label=_("compteur"))
    label = blocks.CharBlock(
        required=False, max_length=80, label=_("intitulé"), help_text=_("Laissez vide pour le nom du compteur.")
    )

    class Meta:
        icon = "plus"
        label = _("chiffre saisi à la main")


class FiguresPage(BasePage):
    """« Le collectif en chiffres »: the figures Coordination chose, year by year, computed
    by the site from the same counts as the activity report."""

    figures = StreamField(
        [("activity", ActivityFigureBlock()), ("counter", CounterFigureBlock())],
        verbose_name=_("chiffres montrés"),
        blank=True,
        help_text=_("Les chiffres du tableau, dans l'ordre. Le site les calcule et les met à jour tout seul."),
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "reports/figures_page.html"

    content_panels = [*BasePage.content_panels[:2], FieldPanel("figures"), *BasePage.content_panels[2:]]

    class Meta:
        verbose_name = _("page «\u00a0le collectif en chiffres\u00a0»")
        verbose_name_plural = _("pages «\u00a0le collectif en chiffres\u00a0»")
