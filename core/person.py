"""The fields where someone says who they are (name, email, phone) and how many come,
defined once, with the lengths the records keep. Each form words them for who fills
it in: the person (the default labels), or the team for someone else."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

# The labels for the person filling the form in.
YOUR_NAME = _("Votre nom")
YOUR_EMAIL = _("Votre adresse électronique")
PHONE = _("Téléphone (facultatif)")


def _attrs(autocomplete, token, **attrs):
    """`autocomplete` lets the browser fill in the person's own details; not where the
    team types someone else's."""
    return {**attrs, "autocomplete": token} if autocomplete else attrs


def name_field(label=YOUR_NAME, *, autocomplete=False):
    return forms.CharField(label=label, max_length=100, widget=forms.TextInput(attrs=_attrs(autocomplete, "name")))


def email_field(label=YOUR_EMAIL, *, help_text="", required=True, autocomplete=False):
    return forms.EmailField(
        label=label,
        max_length=254,
        required=required,
        help_text=help_text,
        widget=forms.EmailInput(attrs=_attrs(autocomplete, "email")),
    )


def phone_field(label=PHONE, *, help_text="", autocomplete=False):
    return forms.CharField(
        label=label,
        max_length=30,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs=_attrs(autocomplete, "tel", type="tel")),
    )


def people_field():
    return forms.IntegerField(label=_("Nombre de personnes"), min_value=1, initial=1)


def limit_people(field, limit, message=None):
    """At most `limit` people: the browser says so (`max`) and the form checks it."""
    field.max_value = limit
    field.validators.append(MaxValueValidator(limit, message=message))
    field.widget.attrs["max"] = limit
