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
