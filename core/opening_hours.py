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


def in_week_order(rows):
    """The rows by day and time, their sort_order numbered so: the editor's « Plage
    horaire 1 » stays Monday morning, whatever row was edited last."""
    ordered = sorted(rows, key=lambda row: (row.weekday, row.opens, row.closes))
    for position, row in enumerate(ordered):
        row.sort_order = position
    return ordered


def renumber_in_week_order(model, parent_field):
    """For a data migration: every parent's rows of `model` numbered by day and time."""
    rows = model.objects.order_by(parent_field, "weekday", "opens", "closes", "pk")
    position, parent = 0, None
    for row in rows:
        position = 0 if getattr(row, f"{parent_field}_id") != parent else position + 1
        parent = getattr(row, f"{parent_field}_id")
        if row.sort_order != position:
            model.objects.filter(pk=row.pk).update(sort_order=position)


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
