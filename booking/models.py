"""Rooms of the espace and their bookings.

Two active bookings of one room never overlap, buffer included: each booking
blocks [start, blocked_until), where blocked_until = end + the room's buffer, and
the database refuses overlapping active rows (PostgreSQL: an exclusion
constraint; SQLite: triggers) — see migrations/0002_no_overlap.py.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField

from core.choices import Weekday
from core.opening_hours import ClosurePeriod, OpeningRange, in_week_order
from core.page_cache import PurgingQuerySet
from core.slugs import SlugFromNameMixin


class Room(SlugFromNameMixin, ClusterableModel):
    name = models.CharField(_("nom"), max_length=80, unique=True)
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=80, unique=True, blank=True)
    summary = models.CharField(_("en une phrase"), max_length=200, help_text=_("Affichée dans la liste des salles."))
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveSmallIntegerField(_("capacité (personnes)"), validators=[MinValueValidator(1)])
    equipment = models.TextField(_("équipement"), blank=True, help_text=_("Un équipement par ligne."))
    accessibility = models.TextField(
        _("accessibilité"),
        blank=True,
        help_text=_("Accès en fauteuil, marches, toilettes adaptées, boucle magnétique…"),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("pas des créneaux (minutes)"),
        default=30,
        choices=[(15, "15"), (30, "30"), (60, "60")],
        help_text=_("Les réservations commencent et finissent sur ce pas\u00a0: 30 donne 14 h, 14 h 30…"),
    )
    min_minutes = models.PositiveSmallIntegerField(_("durée minimale (minutes)"), default=60)
    max_minutes = models.PositiveSmallIntegerField(_("durée maximale (minutes)"), default=240)
    buffer_minutes = models.PositiveSmallIntegerField(
        _("battement entre deux réservations (minutes)"),
        default=0,
        help_text=_("Pour ranger et aérer. 0\u00a0: aucun."),
    )
    notice_hours = models.PositiveSmallIntegerField(
        _("délai de prévenance (heures)"), default=24, help_text=_("Combien d'heures à l'avance il faut réserver.")
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("réservable jusqu'à (jours)"), default=90, help_text=_("Combien de jours à l'avance on peut réserver.")
    )
    questions = models.TextField(
        _("questions posées"),
        blank=True,
        help_text=_(
            "Une question par ligne, par exemple «\u00a0Avez-vous besoin du vidéoprojecteur\u00a0?\u00a0». "
            "Réponse facultative."
        ),
    )
    terms = RichTextField(_("conditions d'utilisation"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    access_instructions = models.TextField(
        _("instructions d'accès"),
        blank=True,
        help_text=_("Envoyées seulement une fois la réservation confirmée\u00a0: qui ouvre, où est la clé, le code…"),
    )
    needs_approval = models.BooleanField(
        _("validation par la coordination"),
        default=False,
        help_text=_("Cochez si chaque réservation doit être acceptée par la coordination."),
    )
    bookable = models.BooleanField(_("réservable en ligne"), default=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("summary"),
                FieldPanel("description"),
                FieldPanel("photo"),
            ],
            heading=_("La salle"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("equipment"), FieldPanel("accessibility")], heading=_("Équipement")
        ),
        MultiFieldPanel(
            [
                FieldPanel("bookable"),
                FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("min_minutes"), FieldPanel("max_minutes")]),
                FieldRowPanel([FieldPanel("buffer_minutes"), FieldPanel("notice_hours"), FieldPanel("horizon_days")]),
                FieldPanel("needs_approval"),
            ],
            heading=_("Règles de réservation"),
        ),
        InlinePanel("hours", heading=_("Horaires d'ouverture"), label=_("plage horaire")),
        InlinePanel("closures", heading=_("Fermetures"), label=_("fermeture")),
        MultiFieldPanel(
            [FieldPanel("questions"), FieldPanel("terms"), FieldPanel("access_instructions")],
            heading=_("Pour les personnes qui réservent"),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("salle")
        verbose_name_plural = _("salles")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The rows by day and time at each save (the admin's form numbers them in the order
        # shown, where an edited row used to land last). Here, not in clean() as a member page
        # does: the admin's form sets the rows after cleaning the room.
        in_week_order(self.hours.all())
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.min_minutes and self.slot_minutes and self.min_minutes % self.slot_minutes:
            errors["min_minutes"] = gettext("La durée minimale doit être un multiple du pas des créneaux.")
        if self.max_minutes and self.slot_minutes and self.max_minutes % self.slot_minutes:
            errors["max_minutes"] = gettext("La durée maximale doit être un multiple du pas des créneaux.")
        if self.min_minutes is not None and self.max_minutes is not None and self.max_minutes < self.min_minutes:
            errors["max_minutes"] = gettext("La durée maximale doit être au moins la durée minimale.")
        if self.min_minutes == 0:
            errors["min_minutes"] = gettext("La durée minimale doit être d'au moins une minute.")
        if errors:
            raise ValidationError(errors)

    @property
    def buffer(self):
        return datetime.timedelta(minutes=self.buffer_minutes)

    @property
    def question_list(self):
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def equipment_list(self):
        return [line.strip() for line in self.equipment.splitlines() if line.strip()]


class RoomHours(OpeningRange):
    room = ParentalKey(Room, on_delete=models.CASCADE, related_name="hours")

    class Meta(OpeningRange.Meta):
        verbose_name = _("plage horaire")
        verbose_name_plural = _("horaires d'ouverture")


class RoomClosure(ClosurePeriod):
    """Holidays, works."""

    room = ParentalKey(Room, on_delete=models.CASCADE, related_name="closures")
    reason = models.CharField(
        _("raison"), max_length=120, blank=True, help_text=_("Par exemple\u00a0: vacances de Noël.")
    )

    panels = [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("reason")])]

    class Meta(ClosurePeriod.Meta):
        verbose_name = _("fermeture")
        verbose_name_plural = _("fermetures")


class Status(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Adresse à confirmer")
    PENDING = "pending", _("En attente de validation")
    CONFIRMED = "confirmed", _("Confirmée")
    DECLINED = "declined", _("Refusée")
    CANCELLED = "cancelled", _("Annulée")
    EXPIRED = "expired", _("Expirée")


# The statuses that hold the room (the database constraint names the same list).
ACTIVE = [Status.UNCONFIRMED, Status.PENDING, Status.CONFIRMED]


class BookerKind(models.TextChoices):
    """Who a booking is for, as the activity report counts it (not personal data: kept by the purge)."""

    MEMBER = "member", _("Membre du collectif")
    ASSOCIATION = "association", _("Association")
    RESIDENT = "resident", _("Particulier")


class BookingQuerySet(PurgingQuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def overlapping(self, start, blocked_until):
        return self.filter(start__lt=blocked_until, blocked_until__gt=start)


class Series(models.Model):
    """A weekly series requested by a member organisation: its bookings share it,
    so it can be cancelled whole or date by date."""

    room = models.ForeignKey(Room, verbose_name=_("salle"), on_delete=models.PROTECT, related_name="series")
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    start_time = models.TimeField(_("de"))
    end_time = models.TimeField(_("à"))
    first_date = models.DateField(_("à partir du"))
    until = models.DateField(_("jusqu'au (inclus)"))
    organisation = models.CharField(_("organisation"), max_length=120)
    requested_by = models.ForeignKey(
        "auth.User", verbose_name=_("demandée par"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("série de réservations")
        verbose_name_plural = _("séries de réservations")

    def __str__(self):
        return gettext("%(organisation)s, chaque %(day)s de %(start)s à %(end)s jusqu'au %(until)s") % {
            "organisation": self.organisation,
            "day": self.get_weekday_display(),
            "start": self.start_time.strftime("%H:%M"),
            "end": self.end_time.strftime("%H:%M"),
            "until": self.until.strftime("%d/%m/%Y"),
        }


class Booking(models.Model):
    room = models.ForeignKey(Room, verbose_name=_("salle"), on_delete=models.PROTECT, related_name="bookings")
    start = models.DateTimeField(_("début"))
    end = models.DateTimeField(_("fin"))
    # end + the room's buffer when booked: what the no-overlap constraint compares.
    blocked_until = models.DateTimeField(_("salle occupée jusqu'à"))
    status = models.CharField(_("état"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED)
    name = models.CharField(_("nom"), max_length=100)
    email = models.EmailField(_("adresse électronique"), max_length=254, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    purpose = models.CharField(_("objet"), max_length=300)
    people = models.PositiveSmallIntegerField(_("nombre de personnes"), default=1)
    answers = models.JSONField(_("réponses aux questions"), default=dict, blank=True)
    reason = models.TextField(_("motif (refus ou annulation)"), blank=True)
    series = models.ForeignKey(
        Series, verbose_name=_("série"), null=True, blank=True, on_delete=models.CASCADE, related_name="bookings"
    )
    booked_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("réservée par (équipe)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Quand une personne de l'équipe réserve pour quelqu'un."),
    )
    booker_kind = models.CharField(
        _("type de demandeur"), max_length=12, choices=BookerKind, default=BookerKind.RESIDENT
    )
    member = models.ForeignKey(
        "home.MemberPage",
        verbose_name=_("membre du collectif"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    # The version of its calendar event (SEQUENCE): one more at each change of status.
    sequence = models.PositiveIntegerField(_("version"), default=0, editable=False)
    anonymised = models.BooleanField(_("données personnelles effacées"), default=False)
    # One filling of the public form: the same form sent twice makes one booking.
    form_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        verbose_name = _("réservation")
        verbose_name_plural = _("réservations")
        indexes = [models.Index(fields=["room", "start", "blocked_until"])]

    def __str__(self):
        # Nothing of the person: Wagtail's history keeps this label after the erasure.
        return gettext("réservation n° %(number)s") % {"number": self.pk}

    @property
    def is_active(self):
        return self.status in ACTIVE

    @property
    def duration(self):
        return self.end - self.start
