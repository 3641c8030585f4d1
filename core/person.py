"""The fields where someone says who they are (name, email, phone) and how many come,
defined once, with the lengths the records keep. Each form words them for who fills
it in: the person (the default labels), or the team for someone else."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import CharField, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The labels for the person filling the form in.
YOUR_NAME = _("Votre nom")
YOUR_EMAIL = _("Votre adresse électronique")
PHONE = _("Téléphone (facultatif)")


# A phone number as people write one: digits, spaces, dots, dashes, brackets, a leading +.
PHONE_NUMBER = re.compile(r"\+?[0-9 .()-]+")
PHONE_MIN_DIGITS = 6


def is_phone(text):
    return bool(PHONE_NUMBER.fullmatch(text)) and sum(char.isdigit() for char in text) >= PHONE_MIN_DIGITS


def validate_phone(text):
    """A phone number, nothing else (a spreadsheet formula, a sentence…)."""
    if not is_phone(text):
        raise ValidationError(
            gettext("Saisissez un numéro de téléphone, en chiffres (par exemple\u00a0: 02 99 00 00 00)."), code="phone"
        )


def phone_model_field():
    """A record's phone number (a member's, the site's), checked as one in the admin."""
    return models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text=_("Par exemple\u00a0: 02 99 00 00 00."),
    )


# What to write, in the label's words (GOV.UK): for the person's own details.
EMAIL_EXAMPLE = _("Saisissez votre adresse électronique complète, par exemple nom@exemple.fr")
OWN_ERRORS = {
    YOUR_NAME: {"required": _("Saisissez votre nom, par exemple Jeanne Martin")},
    YOUR_EMAIL: {
        "required": _("Saisissez votre adresse électronique, par exemple nom@exemple.fr"),
        "invalid": EMAIL_EXAMPLE,
    },
}


def _attrs(own, token, **attrs):
    """`autocomplete` lets the browser fill in the person's own details; not where the team
    types someone else's."""
    return {**attrs, "autocomplete": token} if own else attrs


def is_own(label, own_label, own):
    """Whose details a field asks for: the person's own with the default label, unless the
    form says otherwise (`own`, for a label of its own)."""
    return label is own_label if own is None else own


def name_field(label=YOUR_NAME, *, own=None):
    return forms.CharField(
        label=label,
        max_length=100,
        error_messages=OWN_ERRORS.get(label),
        widget=forms.TextInput(attrs=_attrs(is_own(label, YOUR_NAME, own), "name")),
    )


def email_field(label=YOUR_EMAIL, *, help_text="", required=True, own=None):
    return forms.EmailField(
        label=label,
        max_length=254,
        required=required,
        help_text=help_text,
        error_messages=OWN_ERRORS.get(label),
        widget=forms.EmailInput(attrs=_attrs(is_own(label, YOUR_EMAIL, own), "email")),
    )


def phone_field(label=PHONE, *, help_text="", own=None):
    return forms.CharField(
        label=label,
        max_length=30,
        required=False,
        help_text=help_text,
        validators=[validate_phone],
        widget=forms.TextInput(attrs=_attrs(is_own(label, PHONE, own), "tel", type="tel")),
    )


def people_field():
    return forms.IntegerField(
        label=_("Nombre de personnes"),
        min_value=1,
        initial=1,
        error_messages={
            "required": _("Saisissez le nombre de personnes, par exemple 1"),
            "invalid": _("Saisissez le nombre de personnes en chiffres, par exemple 2"),
            "min_value": _("Saisissez au moins 1 personne"),
        },
    )


def limit_people(field, limit, message=None):
    """At most `limit` people: the browser says so (`max`) and the form checks it."""
    field.max_value = limit
    field.validators.append(MaxValueValidator(limit, message=message))
    field.widget.attrs["max"] = limit


def number_history_labels(apps, app_label, model_name, noun):
    """For a data migration: the labels Wagtail's history kept of a model's records (its
    `__str__` when they were saved, a person's name) become « noun n° id », as the model
    now names them, so that no name outlives the record's erasure."""
    log_entries = apps.get_model("wagtailcore", "ModelLogEntry").objects
    rows = log_entries.filter(content_type__app_label=app_label, content_type__model=model_name)
    rows.update(label=Concat(Value(f"{noun} n° "), "object_id", output_field=CharField()))
