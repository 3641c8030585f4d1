"""The vocabularies several apps choose from, defined once: who an atelier or a
guide is for, and the days of the week (opening hours, series of bookings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    EVERYONE = "tout-public", _("Tout public")
    YOUTH = "jeunes", _("Jeunes")
    SENIORS = "seniors", _("Seniors")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionnels", _("Professionnels")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")
