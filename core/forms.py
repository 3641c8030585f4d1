from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

from core import page_cache


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


class AdminLoginForm(LoginForm):
    """Wagtail's login form names its password field by itself, in English (« Password »)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = gettext("Mot de passe")
