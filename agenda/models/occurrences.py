"""Occurrences (the sessions of ateliers, where places are counted), the changes to one
session of a recurring atelier, and the registrations of the public."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, Subquery, Sum, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core import links
from core.page_cache import PurgingQuerySet

TOKEN_SALT = "agenda.registration"  # noqa: S105 (a namespace, not a secret)
# A place taken with an address not yet confirmed is held this long (the mail says until when).
UNCONFIRMED_VALIDITY = datetime.timedelta(hours=48)


class OccurrenceQuerySet(PurgingQuerySet):
    def listed(self):
        """Occurrences of published ateliers, with what a list shows, in constant queries."""
        return (
            self.filter(atelier__live=True)
            .select_related("atelier")
            .prefetch_related("atelier__categories", "atelier__organisers")
        )

    def carded(self):
        """Occurrences of published ateliers with what a card shows (components/occurrence_card.html):
        the atelier without its stream fields (not decoded) and its organisers' titles."""
        atelier_model = self.model._meta.get_field("atelier").related_model
        streams = [f"atelier__{name}" for name in atelier_model.get_streamfield_names()]
        return (
            self.filter(atelier__live=True)
            .select_related("atelier")
            .defer(*streams)
            .prefetch_related(organiser_titles("atelier"))
        )

    def organised_by(self, members):
        """The sessions of ateliers one of `members` (MemberPages, or a queryset of them)
        organises, through the organisers' table rather than a join that would repeat
        a session organised by several of them."""
        # By name: the ateliers' module imports this one.
        organised = apps.get_model("agenda", "AtelierPage").organisers.through.objects.filter(memberpage__in=members)
        return self.filter(atelier__in=organised.values("atelierpage"))

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now())

    def with_people(self):
        """Annotates each occurrence with its counts of people (`registered_people`,
        `present_people`…, see PEOPLE_COUNTS): what the purge kept plus the registrations
        still stored, in one GROUP BY."""
        return self.annotate(
            **{
                f"{name}_people": F(f"kept_{name}")
                + Coalesce(Sum("registrations__people", filter=Q(**{f"registrations__{lookup}": value})), 0)
                for name, (lookup, value) in PEOPLE_COUNTS.items()
            }
        )

    def keep_people_counts(self):
        """Adds the people of these occurrences' registrations to their kept counts, in
        one UPDATE: run just before deleting those registrations, it keeps every figure."""
        stored = Registration.objects.filter(occurrence=OuterRef("pk")).order_by().values("occurrence")
        return self.filter(Exists(stored)).update(
            **{
                f"kept_{name}": F(f"kept_{name}")
                + Coalesce(Subquery(stored.filter(**{lookup: value}).annotate(total=Sum("people")).values("total")), 0)
                for name, (lookup, value) in PEOPLE_COUNTS.items()
            }
        )

    def atelier_cards(self, page_number, per_page):
        """A page of these occurrences grouped by atelier, the atelier whose next date
        is the soonest first; its object_list holds AtelierCards. Constant queries,
        whatever the count, and only the dates a card shows are read: a weekly atelier
        has a year of sessions ahead. Each atelier is read once, not with each of its dates."""
        firsts = (
            self.prefetch_related(None)
            .order_by()
            .values("atelier_id")
            .annotate(next_start=Min("start"), dates=Count("pk", distinct=True))
            .order_by("next_start", "atelier_id")
        )
        page_obj = Paginator(firsts, per_page).get_page(page_number)
        rows = list(page_obj.object_list)
        shown = (
            self.select_related(None)
            .prefetch_related(None)
            .filter(atelier_id__in=[row["atelier_id"] for row in rows])
            .annotate(
                position=Window(RowNumber(), partition_by=F("atelier_id"), order_by=(F("start").asc(), F("pk").asc()))
            )
        )
        ateliers = apps.get_model("agenda", "AtelierPage").objects.filter(pk__in=[row["atelier_id"] for row in rows])
        ateliers = {atelier.pk: atelier for atelier in ateliers.prefetch_related(organiser_titles())}
        by_atelier = defaultdict(list)
        for occurrence in shown.filter(position__lte=DATES_PER_CARD).order_by("start"):
            occurrence.atelier = ateliers[occurrence.atelier_id]
            by_atelier[occurrence.atelier_id].append(occurrence)
        page_obj.object_list = [
            AtelierCard(dates[0].atelier, dates, row["dates"] - len(dates))
            for row, dates in ((row, by_atelier[row["atelier_id"]]) for row in rows)
            if dates
        ]
        return page_obj


DATES_PER_CARD = 3


def organiser_titles(atelier=None):
    """A card names an atelier's organisers: their titles alone, not their whole pages
    (`atelier`: the lookup to the atelier, from occurrences)."""
    members = apps.get_model("agenda", "AtelierPage").organisers.field.related_model
    return Prefetch(f"{atelier}__organisers" if atelier else "organisers", members.objects.only("title"))


@dataclass
class AtelierCard:
    """An atelier in the agenda's list, with its next dates (a weekly one is one card)."""

    atelier: object
    dates: list
    more: int


class Occurrence(models.Model):
    """One session of an atelier; places are counted here."""

    atelier = models.ForeignKey("agenda.AtelierPage", on_delete=models.CASCADE, related_name="occurrences")
    original_start = models.DateTimeField(_("date prévue par la règle"))
    start = models.DateTimeField(_("début"), db_index=True)
    end = models.DateTimeField(_("fin"), db_index=True)
    cancelled = models.BooleanField(_("annulée"), default=False)
    # Cancelled on its own in « Séances », not by the atelier's dates: re-planning keeps it cancelled.
    cancelled_by_team = models.BooleanField(_("annulée par l'équipe"), default=False)
    places_taken = models.PositiveIntegerField(_("places prises"), default=0)
    # The version of its calendar event (SEQUENCE): one more each time it moves or is cancelled.
    sequence = models.PositiveIntegerField(_("version"), default=0, editable=False)
    changed_at = models.DateTimeField(_("modifiée le"), default=timezone.now, editable=False)
    # What the purge of personal data leaves of the registrations it deletes: anonymous
    # counts of people, added to what is still stored (see agenda.figures).
    kept_registered = models.PositiveIntegerField(_("personnes inscrites (archivées)"), default=0, editable=False)
    kept_present = models.PositiveIntegerField(_("personnes présentes (archivées)"), default=0, editable=False)
    kept_absent = models.PositiveIntegerField(_("personnes absentes (archivées)"), default=0, editable=False)
    kept_waiting = models.PositiveIntegerField(_("personnes en liste d'attente (archivées)"), default=0, editable=False)
    kept_cancelled = models.PositiveIntegerField(_("personnes désinscrites (archivées)"), default=0, editable=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start"]
        verbose_name = _("séance")
        verbose_name_plural = _("séances")
        constraints = [
            models.UniqueConstraint(fields=["atelier", "original_start"], name="one_occurrence_per_rule_date"),
        ]

    def __str__(self):
        return f"{self.atelier.title} — {timezone.localtime(self.start):%d/%m/%Y %H:%M}"

    @property
    def is_cancelled(self):
        return self.cancelled or self.atelier.is_cancelled

    def new_version(self, now=None):
        """Moved or cancelled: calendar apps and feed readers see a newer version."""
        self.sequence += 1
        self.changed_at = now or timezone.now()

    @staticmethod
    def next_version():
        """The same, written by a QuerySet.update() (which skips save())."""
        return {"sequence": F("sequence") + 1, "changed_at": timezone.now()}

    @property
    def calendar_sequence(self):
        """SEQUENCE of its event: cancelling the whole atelier is one version more."""
        return self.sequence + (1 if self.atelier.is_cancelled else 0)

    @property
    def places_left(self):
        if self.atelier.places is None:
            return None
        return max(self.atelier.places - self.places_taken, 0)

    @property
    def is_full(self):
        return self.places_left == 0

    @property
    def registration_deadline(self):
        return self.start - datetime.timedelta(hours=self.atelier.registration_closes_hours)

    def registration_open(self, now=None):
        now = now or timezone.now()
        return self.atelier.registration_required and not self.is_cancelled and now < self.registration_deadline

    @property
    def status_label(self):
        if self.is_cancelled:
            return gettext("Annulé")
        if self.atelier.registration_required and self.is_full:
            return gettext("Complet")
        return ""

    def had_registrations(self):
        """Whether people registered, even if the purge has deleted their registrations since."""
        return self.kept_registered + self.kept_waiting + self.kept_cancelled > 0 or self.registrations.exists()

    def position_in_course(self):
        """(n, total) when the atelier has several sessions: a printed slip says « séance 3
        sur 10 », so nobody takes it for the whole course. None for a single session."""
        sessions = list(self.atelier.occurrences.filter(cancelled=False).values_list("pk", flat=True))
        if len(sessions) < 2 or self.pk not in sessions:
            return None
        return sessions.index(self.pk) + 1, len(sessions)

    def take_places(self, people):
        """Takes `people` places if they are free, in one conditional UPDATE so that
        concurrent registrations can never oversell. True when taken."""
        rows = Occurrence.objects.filter(pk=self.pk)
        if self.atelier.places is not None:
            rows = rows.filter(places_taken__lte=self.atelier.places - people)
        taken = rows.update(places_taken=F("places_taken") + people) == 1
        if taken:
            self.refresh_from_db(fields=["places_taken"])
        return taken

    def release_places(self, people):
        Occurrence.objects.filter(pk=self.pk, places_taken__gte=people).update(places_taken=F("places_taken") - people)
        self.refresh_from_db(fields=["places_taken"])


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Place réservée")
    WAITING = "waiting", _("Liste d'attente")
    OFFERED = "offered", _("Place proposée")
    CANCELLED = "cancelled", _("Annulée")


class CallOutcome(models.TextChoices):
    """What the day-before call gave (agenda.calls)."""

    REACHED = "reached", _("joint")
    MESSAGE = "message", _("message laissé")
    NO_ANSWER = "no_answer", _("pas de réponse")
    NOT_COMING = "not_coming", _("ne viendra pas")


class Registration(models.Model):
    """Someone's registration to one session, for one or several people. No account:
    the person manages it through the signed links of the emails."""

    HOLDING_PLACES = {RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED}

    occurrence = models.ForeignKey(
        Occurrence, verbose_name=_("séance"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("nom"), max_length=100)
    # Empty for someone the team registers (no email): they get a printed confirmation.
    email = models.EmailField(_("adresse électronique"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    people = models.PositiveSmallIntegerField(_("nombre de personnes"), default=1)
    message = models.TextField(_("message"), max_length=500, blank=True)
    status = models.CharField(_("statut"), max_length=12, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)
    email_confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulée le"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("place proposée jusqu'au"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)
    attended = models.BooleanField(_("présent·e"), null=True, blank=True)
    # One per filling of the public form: the same form sent twice makes one registration.
    form_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)
    # Someone registered by a prescriber without account (a social worker, France Services…)
    # on the public form: `email` is the prescriber's, who gets the links; `name` and `phone`
    # are the person's, who is called the day before.
    prescriber = models.CharField(_("inscrit par (personne relais)"), max_length=100, blank=True)
    # The day-before call list (agenda.calls): people without email are on it anyway.
    call_me = models.BooleanField(_("à appeler la veille"), default=False)
    call_outcome = models.CharField(_("appel de la veille"), max_length=12, choices=CallOutcome.choices, blank=True)
    called_at = models.DateTimeField(_("appelé le"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inscrit·e par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PurgingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")

    def __str__(self):
        # Not the name: Wagtail's history keeps this label, shown to Coordination, after the erasure.
        return gettext("inscription n° %(number)s") % {"number": self.pk}

    def make_token(self):
        """The signed value of the links in this registration's emails."""
        return links.sign(self.pk, TOKEN_SALT)

    @classmethod
    def from_token(cls, token):
        """The registration a signed link points to, or None when forged or unknown."""
        pk = links.unsign_personal(token, TOKEN_SALT)
        return cls.objects.select_related("occurrence__atelier").filter(pk=pk).first() if pk else None

    @property
    def holds_places(self):
        return self.status in self.HOLDING_PLACES

    @property
    def confirm_before(self):
        """Until when an address not yet confirmed keeps its place."""
        return self.created_at + UNCONFIRMED_VALIDITY


# The people each figure of a session counts: the registrations matching the lookup.
# An offered place is held until it is claimed or expires, so it counts as registered,
# like places_taken does.
PEOPLE_COUNTS = {
    "registered": ("status__in", sorted(Registration.HOLDING_PLACES)),
    "present": ("attended", True),
    "absent": ("attended", False),
    "waiting": ("status", RegistrationStatus.WAITING),
    "cancelled": ("status", RegistrationStatus.CANCELLED),
}


class OccurrenceChange(Orderable):
    """An exception to a recurring atelier: one date cancelled or moved."""

    atelier = ParentalKey("agenda.AtelierPage", on_delete=models.CASCADE, related_name="changes")
    date = models.DateField(_("date de la séance concernée"))
    new_start = models.DateTimeField(
        _("nouveau début"), null=True, blank=True, help_text=_("Vide\u00a0: séance annulée.")
    )
    new_end = models.DateTimeField(_("nouvelle fin"), null=True, blank=True)

    panels = [FieldPanel("date"), FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("exception")
        verbose_name_plural = _("exceptions")

    def clean(self):
        if bool(self.new_start) != bool(self.new_end):
            raise ValidationError(
                {"new_end": gettext("Pour déplacer la séance, donnez un nouveau début et une nouvelle fin.")}
            )
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValidationError({"new_end": gettext("La fin doit être après le début.")})
