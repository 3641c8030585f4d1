import hashlib

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import page_cache


def small_number(text):
    """The number `text` spells in ASCII digits, small enough for any database integer;
    else None. (`"²".isdigit()` is true, but `int("²")` fails.)"""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else None


def filling_key(form_key, *values):
    """What one filling of a public form is known by (40 characters, or None without a
    key): the random key the page carried and what was typed in it. The same form sent
    again (a double click, « Retour » then send) finds what it made; the same page sent
    with other details (a second person at a shared computer) makes their own."""
    if not form_key:
        return None
    return hashlib.sha256("\x00".join(map(str, (form_key, *values))).encode()).hexdigest()[:40]


class HoneypotForm(forms.Form):
    """A public form with a field people never see (hidden by CSS, out of the tab
    order) and spam robots fill in: the form is then refused."""

    website = forms.CharField(
        label=_("Ne pas remplir ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(gettext("Ce formulaire n'a pas pu être envoyé."))
        return ""


def keep_choices(field, name):
    """The options of a filter drawn from the database (categories, members, topics), shown on
    every listing page: read once for all (core.page_cache). Validation still asks the database."""
    field.widget.choices = page_cache.kept_value(f"choices:{name}", lambda: list(field.choices))
