from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.person import email_field, name_field, phone_field


class ReportForm(HoneypotForm):
    """« Signaler un problème d'accessibilité »: what does not work, and how to answer."""

    problem = forms.CharField(
        label=_("Quel est le problème\u00a0?"),
        max_length=2000,
        help_text=_(
            "Ce que vous vouliez faire, et ce qui vous a gêné. "
            "Vous pouvez aussi demander un document ou une information sous une autre forme."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Dites-nous en quelques mots ce qui ne va pas.")},
    )
    page_address = forms.CharField(
        label=_("Sur quelle page\u00a0? (facultatif)"),
        max_length=300,
        required=False,
        help_text=_("Son titre ou son adresse, si vous la connaissez."),
    )
    name = name_field(_("Votre nom (facultatif)"), own=True)
    email = email_field(_("Votre adresse électronique"), required=False, own=True)
    phone = phone_field(_("Ou votre numéro de téléphone"), own=True)
    # Identifies one filling of the form: sent twice, it keeps one report.
    form_key = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    field_order = ["problem", "page_address", "name", "email", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error(
                "email",
                gettext(
                    "Donnez une adresse électronique ou un numéro de téléphone pour que nous puissions vous répondre."
                ),
            )
        return data
