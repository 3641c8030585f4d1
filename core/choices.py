"""The vocabularies several apps choose from, defined once: who an atelier or a
guide is for and at what level, the days of the week (opening hours, series of bookings), the names
of the months (the agenda's month view, the activity report's periods) and the wall clock
the espace lives by."""

import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _

# Opening hours, sessions and report periods are Paris wall-clock time.
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


class Audience(models.TextChoices):
    EVERYONE = "tout-public", _("Tout public")
    YOUTH = "jeunes", _("Jeunes")
    SENIORS = "seniors", _("Seniors")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionnels", _("Professionnels")


class Level(models.TextChoices):
    """How much one needs to know already: a guide's and an atelier's."""

    BEGINNER = "debutant", _("Débutant")
    INTERMEDIATE = "intermediaire", _("Intermédiaire")
    ADVANCED = "avance", _("Avancé")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lundi")
    TUESDAY = 1, _("mardi")
    WEDNESDAY = 2, _("mercredi")
    THURSDAY = 3, _("jeudi")
    FRIDAY = 4, _("vendredi")
    SATURDAY = 5, _("samedi")
    SUNDAY = 6, _("dimanche")


MONTH_NAMES = [
    _("janvier"), _("février"), _("mars"), _("avril"), _("mai"), _("juin"),
    _("juillet"), _("août"), _("septembre"), _("octobre"), _("novembre"), _("décembre"),
]  # fmt: skip
