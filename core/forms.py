import hashlib

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

from core import page_cache

# Django's own message for an empty required field: it names no field.
GENERIC_REQUIRED = forms.Field.default_error_messages["required"]


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


class GuidedForm(forms.Form):
    """A form the public fills in, with the GOV.UK error pattern: components/form_fields.html
    shows `error_summary()` first (each error a link to its field), the page title starts with
    « Erreur : » (base.html) and every message says what to write. A required field whose message
    is still Django's « Ce champ est obligatoire. » gets one that names its label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if str(field.error_messages.get("required")) == str(GENERIC_REQUIRED):
                field.error_messages["required"] = gettext("Remplissez le champ «\u00a0%(label)s\u00a0».") % {
                    "label": field.label
                }

    def error_summary(self):
        """[(message, id of the field to go to, or "")] in the order of the form, the form's own
        errors first. A group of boxes leads to its first box."""
        summary = [(error, "") for error in self.non_field_errors()]
        for bound in self:
            widget = bound.field.widget
            if isinstance(widget, forms.widgets.ChoiceWidget):
                target = widget.id_for_label(bound.auto_id, "0")
            else:
                target = bound.id_for_label
            summary += [(error, target) for error in bound.errors]
        return summary


class HoneypotForm(GuidedForm):
    """A public form with a field people never see (hidden by CSS, out of the tab
    order) and spam robots fill in: the form is then refused."""

    website = forms.CharField(
        label=_("Ne pas remplir ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_website(self):
        # The form's own error, not the field's: the summary never leads to a hidden field.
        if self.cleaned_data["website"]:
            self.add_error(None, gettext("Ce formulaire n'a pas pu être envoyé."))
        return ""


def keep_choices(field, name):
    """The options of a filter drawn from the database (categories, members, topics), shown on
    every listing page: read once for all (core.page_cache). Validation still asks the database."""
    field.widget.choices = page_cache.cached_value(f"choices:{name}", lambda: list(field.choices), areas=())


class AdminLoginForm(LoginForm):
    """Wagtail's login form names its password field by itself, in English (« Password »)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext("Mot de passe")
