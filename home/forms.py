from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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


class SearchForm(forms.Form):
    MAX_QUERY_LENGTH = 200

    q = forms.CharField(required=False, strip=True)

    def clean_q(self):
        """The words searched for: double quotes are dropped (the SQLite search engine
        would read one as broken syntax and fail), and a longer query is cut, not refused."""
        return " ".join(self.cleaned_data["q"].replace('"', " ").split())[: self.MAX_QUERY_LENGTH]
