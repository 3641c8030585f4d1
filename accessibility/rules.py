"""The rules of the accessibility statement (RGAA 4.1, article 47 of the law of
11 February 2005), as plain functions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Compliance(models.TextChoices):
    FULL = "totale", _("totalement conforme")
    PARTIAL = "partielle", _("partiellement conforme")
    NONE = "non", _("non conforme")


# RGAA: « partiellement conforme » from half of the applicable criteria met.
PARTIAL_FROM_PERCENT = 50


def criteria_met_percent(met, applicable):
    """The share of applicable criteria met, rounded down to a whole percent (never
    rounded up to 100 % while one criterion fails); None without an audit."""
    if met is None or not applicable:
        return None
    return min(met, applicable) * 100 // applicable


def compliance(met, applicable):
    """The state the statement must show: without an audit, the site is « non conforme »."""
    percent = criteria_met_percent(met, applicable)
    if percent is None or percent < PARTIAL_FROM_PERCENT:
        return Compliance.NONE
    return Compliance.FULL if met >= applicable else Compliance.PARTIAL
