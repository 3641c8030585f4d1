"""An atelier (one date, or a recurring rule whose exceptions are OccurrenceChanges)
and its registration form."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from agenda import events, recurrence, registration
from agenda.admin.forms import AtelierAdminForm
from agenda.forms import RegistrationForm
from agenda.models.occurrences import Occurrence
from agenda.models.vocabulary import AtelierStatus, Category, Frequency, PriceKind
from booking import rules as booking_rules
from core import schema_org
from core.choices import Audience, Level
from core.cra import Materiel, check_materiel
from core.fields import ChoiceListField
from core.groups import members_edit_handler
from core.ratelimit import RateLimit
from core.search import FOLDED, FoldedSearchMixin
from home.blocks import BodyBlock
from home.easy_read import EasyReadMixin
from home.models import DescribedPageMixin, EspaceSettings
from home.plain_language import PlainLanguagePanel

# Occurrences are materialised this far ahead; a daily task extends the window.
OCCURRENCE_HORIZON = datetime.timedelta(days=400)
REGISTRATIONS_LIMIT = RateLimit("agenda-register", "AGENDA_REGISTRATIONS_PER_HOUR")


class AtelierPage(DescribedPageMixin, FoldedSearchMixin, EasyReadMixin, Page):
    """One atelier: a date, or a recurring rule with its exceptions."""

    cache_areas = ("agenda",)  # what its page cache reads besides the site (core.page_cache)

    lead_field = "summary"

    summary = models.CharField(
        _("résumé"), max_length=250, help_text=_("Une phrase simple qui dit ce qu'on fait à cet atelier.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    start = models.DateTimeField(_("début"), help_text=_("Pour un atelier qui revient, la date de la première séance."))
    end = models.DateTimeField(
        _("fin"), help_text=_("Le même jour, ou un autre jour pour un atelier de plusieurs jours.")
    )
    all_day = models.BooleanField(
        _("toute la journée"), default=False, help_text=_("Les heures ne sont pas affichées.")
    )
    frequency = models.CharField(
        _("répétition"), max_length=10, choices=Frequency.choices, default=Frequency.ONCE, blank=True
    )
    interval = models.PositiveSmallIntegerField(
        _("toutes les"), default=1, help_text=_("1 pour chaque semaine ou chaque mois, 2 pour une sur deux…")
    )
    repeat_until = models.DateField(
        _("jusqu'au"), null=True, blank=True, help_text=_("Dernière date possible (incluse).")
    )
    place_name = models.CharField(
        _("lieu"),
        max_length=120,
        default="Espace numérique",
        help_text=_("Par exemple\u00a0: salle de formation, fablab."),
    )
    place_address = models.CharField(
        _("adresse du lieu"),
        max_length=200,
        blank=True,
        help_text=_("Rue, code postal et commune\u00a0: elle va dans les agendas des personnes inscrites."),
    )
    room = models.ForeignKey(
        "booking.Room",
        verbose_name=_("salle de l'espace"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ateliers",
        help_text=_("Si l'atelier a lieu dans une salle de l'espace\u00a0: ses séances y bloquent les réservations."),
    )
    organisers = ParentalManyToManyField(
        "home.MemberPage",
        verbose_name=_("membres organisateurs"),
        related_name="ateliers",
        blank=True,
        help_text=_("Votre structure, et les autres membres qui organisent l'atelier avec vous."),
    )
    categories = ParentalManyToManyField(
        Category,
        verbose_name=_("catégories"),
        related_name="ateliers",
        blank=True,
        help_text=_("Une ou plusieurs\u00a0: les visiteurs s'en servent pour trouver l'atelier dans l'agenda."),
    )
    audience = models.CharField(_("public"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    level = models.CharField(
        _("niveau"),
        max_length=15,
        choices=Level.choices,
        blank=True,
        help_text=_("Ce qu'il faut déjà savoir faire. Vide\u00a0: tous niveaux, même sans rien savoir."),
    )
    materiel = ChoiceListField(
        _("matériel numérique utilisé"),
        choices_class=Materiel,
        blank=True,
        validators=[check_materiel],
        help_text=_("Ce qu'on utilise pendant l'atelier\u00a0: il va dans le compte rendu d'activité (CRA)."),
    )
    price_kind = models.CharField(_("tarif"), max_length=20, choices=PriceKind.choices, default=PriceKind.FREE)
    price_amount = models.DecimalField(_("montant (€)"), max_digits=6, decimal_places=2, null=True, blank=True)
    accessibility = models.TextField(_("accessibilité"), max_length=600, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=AtelierStatus.choices, default=AtelierStatus.SCHEDULED
    )
    registration_required = models.BooleanField(_("sur inscription"), default=False)
    places = models.PositiveSmallIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Par séance. Vide\u00a0: pas de limite.")
    )
    max_people_per_registration = models.PositiveSmallIntegerField(
        _("personnes par inscription (au plus)"),
        default=4,
        help_text=_("Combien de personnes une seule inscription peut compter, par exemple une famille."),
    )
    registration_closes_hours = models.PositiveSmallIntegerField(
        _("fin des inscriptions (heures avant le début)"),
        default=2,
        help_text=_("On ne peut plus s'inscrire ce nombre d'heures avant le début. 0\u00a0: jusqu'au début."),
    )
    waiting_list = models.BooleanField(_("liste d'attente quand c'est complet"), default=True)

    parent_page_types = ["agenda.AgendaIndexPage", "agenda.FestivalPage"]
    subpage_types = []
    template = "pages/atelier_page.html"
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        *EasyReadMixin.easy_read_search_fields,
        FOLDED,
        index.FilterField("audience"),
        index.FilterField("level"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        PlainLanguagePanel(["summary", "body"]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval"), FieldPanel("repeat_until")]),
                InlinePanel("changes", label=_("Séance annulée ou déplacée"), heading=_("Exceptions")),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [FieldPanel("room"), FieldPanel("place_name"), FieldPanel("place_address"), FieldPanel("accessibility")],
            heading=_("Lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("level")]),
                FieldPanel("materiel"),
                FieldRowPanel([FieldPanel("price_kind"), FieldPanel("price_amount")]),
                FieldPanel("status"),
            ],
            heading=_("Pour qui, par qui"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldRowPanel([FieldPanel("places"), FieldPanel("max_people_per_registration")]),
                FieldRowPanel([FieldPanel("registration_closes_hours"), FieldPanel("waiting_list")]),
            ],
            heading=_("Inscriptions"),
        ),
        *EasyReadMixin.easy_read_panels,
    ]
    edit_handler = members_edit_handler(content_panels)
    base_form_class = AtelierAdminForm

    class Meta:
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")

    @property
    def is_cancelled(self):
        return self.status == AtelierStatus.CANCELLED

    @property
    def recurrence_text(self):
        return recurrence.describe(self.frequency, self.interval, self.start)

    def full_place(self):
        """The place as a calendar or a map expects it: its name and street address."""
        return ", ".join(filter(None, [self.place_name, self.place_address]))

    @property
    def level_text(self):
        return self.get_level_display() or gettext("Tous niveaux")

    @property
    def price_text(self):
        if self.price_kind == PriceKind.PAID and self.price_amount is not None:
            return f"{self.price_amount:.2f} €".replace(".", ",").replace(",00 €", " €")
        return self.get_price_kind_display()

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = gettext("La fin doit être après le début.")
        if self.frequency and self.repeat_until and self.start and self.repeat_until < timezone.localdate(self.start):
            errors["repeat_until"] = gettext("La dernière date doit être après la première séance.")
        if self.price_kind == PriceKind.PAID and self.price_amount is None:
            errors["price_amount"] = gettext(
                "Indiquez le montant, ou choisissez «\u00a0Gratuit\u00a0» ou «\u00a0Participation libre\u00a0»."
            )
        if self.registration_required and self.places == 0:
            errors["places"] = gettext("Il faut au moins une place.")
        if not errors and self.room_id:
            clash = booking_rules.first_clash(
                self.room, [(start, end) for _original, start, end, cancelled in self.planned_dates() if not cancelled]
            )
            if clash is not None:
                errors["room"] = gettext(
                    "Cette salle est déjà réservée le %(when)s\u00a0: choisissez une autre salle ou un autre horaire "
                    "(le planning des salles montre ce qui est libre)."
                ) % {"when": booking_rules.when_text(*clash)}
        if errors:
            raise ValidationError(errors)

    def planned_dates(self, now=None):
        """[(original start, start, end, cancelled)] of every occurrence in the horizon,
        with this atelier's exceptions applied."""
        now = now or timezone.now()
        changes = {change.date: change for change in self.changes.all()}
        dates = []
        for start, end in recurrence.expand(
            self.start, self.end, self.frequency, self.interval, self.repeat_until, horizon=now + OCCURRENCE_HORIZON
        ):
            change = changes.get(timezone.localdate(start))
            if change and change.new_start and change.new_end:
                dates.append((start, change.new_start, change.new_end, False))
            else:
                dates.append((start, start, end, bool(change)))
        return dates

    def sync_occurrences(self, now=None):
        """Makes the stored occurrences match the dates; those that people registered
        for are kept (marked cancelled) rather than deleted. Returns how many were added.

        Sessions ended by `now` are history, which the activity report counts: re-planning
        the atelier never moves, cancels or deletes them, nor adds past dates to an atelier
        that already has sessions (only a first planning, entered after the fact, does)."""
        now = now or timezone.now()
        planned = {original: (start, end, cancelled) for original, start, end, cancelled in self.planned_dates(now)}
        existing = {occurrence.original_start: occurrence for occurrence in self.occurrences.all()}
        first_planning = not existing
        added = 0
        for original, (start, end, cancelled) in planned.items():
            occurrence = existing.pop(original, None)
            if (occurrence.end if occurrence else end) <= now and not first_planning:
                continue
            cancelled = cancelled or (occurrence is not None and occurrence.cancelled_by_team)
            if occurrence is None:
                occurrence, added = Occurrence(atelier=self, original_start=original), added + 1
            elif (occurrence.start, occurrence.end, occurrence.cancelled) == (start, end, cancelled):
                continue  # unchanged: no write
            else:
                occurrence.new_version(now)
            occurrence.start, occurrence.end, occurrence.cancelled = start, end, cancelled
            occurrence.save()
        for occurrence in existing.values():
            if occurrence.end <= now:
                continue
            if occurrence.had_registrations():
                occurrence.cancelled = True
                occurrence.new_version(now)
                occurrence.save(update_fields=["cancelled", "sequence", "changed_at"])
            else:
                occurrence.delete()
        return added

    def structured_data(self, occurrences, request=None):
        """schema.org Events of these sessions, for search engines (agenda.events)."""
        return events.atelier_events(self, occurrences, request)

    def postal_address(self, request=None):
        """Where it takes place as search engines want it: its own address, or the espace's."""
        if self.place_address:
            return schema_org.address_from_text(self.place_address)
        # Read once per request (a list of sessions asks for each atelier's).
        settings = EspaceSettings.for_request(request) if request else EspaceSettings.for_site(self.get_site())
        return settings.postal_address()

    # The site search shows the date it starts, and lists it first while it is still coming.
    @property
    def search_date(self):
        return timezone.localdate(self.start)

    @property
    def search_rank(self):
        last_day = self.repeat_until or timezone.localdate(self.end)
        return 1 if last_day >= timezone.localdate() else 0

    @property
    def ical_url(self):
        return reverse("agenda_atelier_ics", args=[self.pk])

    @path("")
    def detail(self, request):
        now = timezone.now()
        # Read only when the page's parts are rendered, not when they are kept ({% cache_part %}).
        upcoming = SimpleLazyObject(
            lambda: list(self.occurrences.select_related("atelier").filter(end__gte=now).order_by("start")[:50])
        )
        return self.render(request, context_overrides={"occurrences": upcoming})

    @path("s-inscrire/<int:occurrence_id>/")
    def register(self, request, occurrence_id):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        occurrence = self.occurrences.select_related("atelier").filter(pk=occurrence_id).first()
        if occurrence is None:
            raise Http404
        form = RegistrationForm(
            request.POST or None,
            initial={"form_key": get_random_string(32)},
            max_people=self.max_people_per_registration,
        )
        refusal, status = None, 200
        if request.method == "POST":
            status = 400
            if REGISTRATIONS_LIMIT.exceeded(request):
                refusal = gettext(
                    "Trop d'inscriptions depuis votre connexion. Réessayez dans une heure, ou appelez-nous."
                )
                status = 429
            elif form.is_valid():
                REGISTRATIONS_LIMIT.record(request, accepted=True)
                data = form.cleaned_data
                try:
                    made = registration.register(
                        occurrence,
                        data["person_name"] or data["name"],
                        data["email"],
                        data["people"],
                        data["message"],
                        form_key=data["form_key"] or None,
                        phone=data["person_phone"],
                        prescriber=data["name"] if data["person_name"] else "",
                    )
                except registration.RegistrationRefused as error:
                    refusal = str(error)
                else:
                    hold_hours = round(registration.UNCONFIRMED_VALIDITY.total_seconds() / 3600)
                    context = {"registration": made, "hold_hours": hold_hours}
                    response = self.render(request, template="pages/agenda_registered.html", context_overrides=context)
                    response.status_code = 201
                    return response
            else:
                REGISTRATIONS_LIMIT.record(request, accepted=False)
        else:
            try:
                registration.check_can_register(occurrence, 1)
            except registration.RegistrationRefused as error:
                refusal = str(error)
        context = {"occurrence": occurrence, "form": form, "refusal": refusal}
        response = self.render(request, template="pages/agenda_register.html", context_overrides=context)
        response.status_code = status
        return response
