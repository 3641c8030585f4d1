"""Opening hours, defined once for the rooms of the espace and for the members:
ranges of a weekday (a day may have several: morning, afternoon) and closure
periods, whole days included. Each app adds the key to its own model."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.choices import Weekday


class OpeningRange(Orderable):
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=Weekday.choices)
    opens = models.TimeField(_("ouvre à"))
    closes = models.TimeField(_("ferme à"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": gettext("L'heure de fermeture doit être après l'heure d'ouverture.")})


class ClosurePeriod(Orderable):
    """Each app declares its `reason` field, with an example of its own."""

    start_date = models.DateField(_("du"))
    end_date = models.DateField(_("au (inclus)"))

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": gettext("La date de fin doit être le jour du début ou après.")})


def closure_on(closures, day):
    """The closure period that covers `day`, or None."""
    return next((closure for closure in closures if closure.start_date <= day <= closure.end_date), None)


def ranges_on(hours, closures, day):
    """The sorted (opens, closes) of `day`; none on a closed day."""
    if closure_on(closures, day):
        return []
    return sorted((h.opens, h.closes) for h in hours if h.weekday == day.weekday())


def is_open_at(hours, closures, moment):
    """True when `moment` (aware) falls in an opening range and outside any closure."""
    local = timezone.localtime(moment)
    return any(opens <= local.time() < closes for opens, closes in ranges_on(hours, closures, local.date()))


def hours_by_day(hours):
    """[(day label, [ranges…]), …] for the seven days, Monday first."""
    hours = sorted(hours, key=lambda h: (h.weekday, h.opens))
    return [(day.label, [h for h in hours if h.weekday == day.value]) for day in Weekday]
