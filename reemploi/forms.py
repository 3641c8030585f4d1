from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.person import email_field, name_field, phone_field
from reemploi.models import Answer, DeviceAge, DeviceKind, DonationStatus, RepairedObject
from reemploi.ords import RepairStatus

KEY = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)


class DonationForm(HoneypotForm):
    kind = forms.TypedChoiceField(label=_("Quel appareil\u00a0?"), choices=DeviceKind.choices, coerce=int)
    quantity = forms.IntegerField(label=_("Combien\u00a0?"), min_value=1, max_value=200, initial=1)
    age = forms.ChoiceField(
        label=_("Quel âge a-t-il, à peu près\u00a0?"), choices=DeviceAge.choices, widget=forms.RadioSelect
    )
    starts = forms.ChoiceField(label=_("S'allume-t-il encore\u00a0?"), choices=Answer.choices, widget=forms.RadioSelect)
    erased = forms.ChoiceField(
        label=_("Avez-vous effacé vos données (documents, photos, mots de passe)\u00a0?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
    )
    name = name_field()
    organisation = forms.CharField(label=_("Entreprise ou association (facultatif)"), max_length=120, required=False)
    email = email_field(help_text=_("Nous y envoyons un lien pour confirmer, avec l'adresse où apporter l'appareil."))
    phone = phone_field()
    note = forms.CharField(label=_("Précisions (facultatif)"), max_length=500, required=False, widget=forms.Textarea)
    form_key = KEY


class RequestForm(HoneypotForm):
    """Someone asks for a computer; a mediator may fill it in for them. The person is
    reached by email, or by phone when they have none."""

    purpose = forms.CharField(
        label=_("Pour quoi faire\u00a0?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple\u00a0: «\u00a0faire mes démarches, écrire à ma famille, chercher du travail\u00a0»."),
    )
    name = name_field(label=_("Nom de la personne"))
    email = email_field(label=_("Son adresse électronique (facultatif)"), required=False)
    phone = phone_field(label=_("Son téléphone (facultatif)"), help_text=_("Donnez au moins un moyen de la joindre."))
    on_behalf_of = forms.CharField(
        label=_("Vous remplissez pour quelqu'un\u00a0? Votre nom et votre structure (facultatif)"),
        max_length=150,
        required=False,
        help_text=_("Médiatrice, médiateur, travailleur social\u00a0: le membre vous recontacte aussi."),
    )
    form_key = KEY

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error(
                "phone", gettext("Donnez une adresse électronique ou un téléphone pour joindre la personne.")
            )
        return cleaned


class StatusForm(forms.Form):
    """One step of a donation: from the status the person saw, to the next."""

    from_status = forms.ChoiceField(choices=DonationStatus.choices, widget=forms.HiddenInput)
    to_status = forms.ChoiceField(choices=DonationStatus.choices)
    reason = forms.CharField(label=_("Pourquoi recyclé\u00a0?"), max_length=200, required=False)


class RepairForm(forms.ModelForm):
    """What a volunteer notes at the table, in a few taps: nothing about the owner."""

    class Meta:
        model = RepairedObject
        fields = ["category", "brand", "age_years", "problem", "status", "barrier"]
        widgets = {
            "status": forms.RadioSelect,
            "age_years": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "brand": forms.TextInput(attrs={"autocapitalize": "words"}),
        }
        labels = {"age_years": _("Âge à peu près, en années (facultatif)"), "brand": _("Marque (facultatif)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = RepairStatus.choices
        self.fields["barrier"].help_text = _("Seulement pour «\u00a0fin de vie\u00a0».")
        self.fields["problem"].label = _("Le problème, en quelques mots (facultatif)")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != RepairStatus.END_OF_LIFE:
            cleaned["barrier"] = None
        return cleaned
