from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.models import Category
from core.choices import Audience
from core.forms import GuidedForm, HoneypotForm
from core.person import email_field
from follow.models import Rhythm
from home.models import MemberPage

EVERYTHING = _("Ne cochez rien pour tout recevoir.")


class ChoicesForm(GuidedForm):
    """What a subscription follows; the « Modifier mes choix » page shows it alone.
    Categories and members go by slug: a value is never cast to a database integer."""

    # The checkbox and radio groups (each a fieldset, by components/form_fields.html), in order.
    GROUPS = ("categories", "audiences", "members", "rhythm")

    categories = forms.ModelMultipleChoiceField(
        label=_("Les sujets qui vous intéressent"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        help_text=EVERYTHING,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.MultipleChoiceField(
        label=_("Pour qui"),
        choices=Audience.choices,
        required=False,
        help_text=_(
            "Les ateliers «\u00a0tout public\u00a0» vous sont toujours envoyés. Ne cochez rien pour tout recevoir."
        ),
        widget=forms.CheckboxSelectMultiple,
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Les membres du collectif qui organisent"),
        queryset=MemberPage.objects.live().order_by("title"),
        to_field_name="slug",
        required=False,
        help_text=EVERYTHING,
        widget=forms.CheckboxSelectMultiple,
    )
    rhythm = forms.ChoiceField(
        label=_("Quand recevoir les courriels"),
        choices=Rhythm.choices,
        initial=Rhythm.WEEKLY,
        widget=forms.RadioSelect,
    )

    def save_to(self, subscription):
        data = self.cleaned_data
        subscription.rhythm = data["rhythm"]
        subscription.audiences = list(data["audiences"])
        subscription.save()
        subscription.categories.set(data["categories"])
        subscription.members.set(data["members"])
        return subscription

    @staticmethod
    def initial_for(subscription):
        return {
            "rhythm": subscription.rhythm,
            "audiences": subscription.audiences,
            "categories": list(subscription.categories.all()),
            "members": list(subscription.members.all()),
        }


class SubscriptionForm(HoneypotForm, ChoicesForm):
    email = email_field()

    field_order = ["email", *ChoicesForm.GROUPS, "website"]
