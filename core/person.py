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


# What to write, in the label's words (GOV.UK): for the person's own details.
EMAIL_EXAMPLE = _("Saisissez votre adresse électronique complète, par exemple nom@exemple.fr")
OWN_ERRORS = {
    YOUR_NAME: {"required": _("Saisissez votre nom, par exemple Jeanne Martin")},
    YOUR_EMAIL: {
        "required": _("Saisissez votre adresse électronique, par exemple nom@exemple.fr"),
        "invalid": EMAIL_EXAMPLE,
    },
}


def _attrs(label, own_label, token, **attrs):
    """`autocomplete` lets the browser fill in the person's own details (the default labels);
    not where the team types someone else's (another label)."""
    return {**attrs, "autocomplete": token} if label is own_label else attrs


def name_field(label=YOUR_NAME):
    return forms.CharField(
        label=label,
        max_length=100,
        error_messages=OWN_ERRORS.get(label),
        widget=forms.TextInput(attrs=_attrs(label, YOUR_NAME, "name")),
    )


def email_field(label=YOUR_EMAIL, *, help_text="", required=True):
    return forms.EmailField(
        label=label,
        max_length=254,
        required=required,
        help_text=help_text,
        error_messages=OWN_ERRORS.get(label),
        widget=forms.EmailInput(attrs=_attrs(label, YOUR_EMAIL, "email")),
    )


def phone_field(label=PHONE, *, help_text=""):
    return forms.CharField(
        label=label,
        max_length=30,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs=_attrs(label, PHONE, "tel", type="tel")),
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
