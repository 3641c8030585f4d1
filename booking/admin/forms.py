"""The forms of the team's booking pages: a reason for a change of status, booking for
someone, asking for a weekly series."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking import series as series_rules
from booking.forms import DATE_WIDGET, TIME_WIDGET, SlotFields, organisation_field, purpose_field
from booking.models import Room
from core.choices import Weekday
from core.person import email_field, name_field, people_field, phone_field


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("Il est écrit dans le courriel envoyé à la personne."),
    )

    def __init__(self, *args, mode="optional", **kwargs):
        super().__init__(*args, **kwargs)
        if mode == "none":
            del self.fields["reason"]
        elif mode == "optional":
            self.fields["reason"].required = False
            self.fields["reason"].label = _("Motif (facultatif)")
        else:
            self.fields["reason"].error_messages["required"] = gettext(
                "Écrivez le motif du refus\u00a0: il sera envoyé à la personne."
            )


def check_capacity(form, room, people):
    if room is not None and people and people > room.capacity:
        form.add_error(
            "people",
            gettext("La salle %(room)s accueille au plus %(count)d personnes.")
            % {"room": room.name, "count": room.capacity},
        )


class PersonFields(forms.Form):
    """Who the team books for."""

    name = name_field(_("Nom de la personne"))
    email = email_field(
        _("Adresse électronique (facultatif)"),
        required=False,
        help_text=_("Si la personne en a une, elle y reçoit la confirmation. Sinon, imprimez-la-lui."),
    )
    phone = phone_field()
    organisation = organisation_field()
    purpose = purpose_field(_("En quelques mots, par exemple\u00a0: répétition de la chorale."), rows=2)
    people = people_field()

    PERSON = ["name", "email", "phone", "organisation", "purpose", "people"]

    def clean(self):
        cleaned = super().clean()
        check_capacity(self, cleaned.get("room"), cleaned.get("people"))
        return cleaned

    def person(self):
        return {field: self.cleaned_data[field] for field in self.PERSON}


class BookForSomeoneForm(SlotFields, PersonFields):
    room = forms.ModelChoiceField(label=_("Salle"), queryset=Room.objects.all(), empty_label=_("Choisissez une salle"))
    notice = horizon = False

    field_order = ["room", "date", "start", "end", *PersonFields.PERSON]


class SeriesRequestForm(PersonFields):
    room = forms.ModelChoiceField(label=_("Salle"), queryset=Room.objects.none(), empty_label=_("Choisissez une salle"))
    weekday = forms.TypedChoiceField(label=_("Chaque"), choices=Weekday.choices, coerce=int)
    start = forms.TimeField(label=_("De"), widget=TIME_WIDGET)
    end = forms.TimeField(label=_("À"), widget=TIME_WIDGET)
    first_date = forms.DateField(label=_("À partir du"), widget=DATE_WIDGET)
    until = forms.DateField(
        label=_("Jusqu'au (inclus)"), widget=DATE_WIDGET, help_text=_("Une série dure un an au plus.")
    )
    # The same fields as booking for someone, in words for a series.
    organisation = forms.CharField(label=_("Organisation"), max_length=120)
    name = name_field(_("Personne à contacter"))
    email = email_field(
        _("Son adresse électronique (facultatif)"),
        required=False,
        help_text=_("Elle reçoit un courriel si la série est acceptée ou annulée."),
    )
    phone = phone_field(_("Son téléphone (facultatif)"))
    purpose = purpose_field(_("Par exemple\u00a0: atelier hebdomadaire de réparation."), rows=2)
    field_order = ["room", "weekday", "start", "end", "first_date", "until", "organisation", "name", "email"]

    def __init__(self, *args, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms

    def clean(self):
        cleaned = super().clean()
        first, until = cleaned.get("first_date"), cleaned.get("until")
        if first and first < timezone.localdate():
            self.add_error("first_date", gettext("Cette date est déjà passée."))
        if first and until:
            if until < first:
                self.add_error("until", gettext("La date de fin doit être après la date de début."))
            elif (until - first).days > series_rules.MAX_SERIES_DAYS:
                self.add_error("until", gettext("Une série dure un an au plus\u00a0: choisissez une date plus proche."))
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", gettext("L'heure de fin doit être après l'heure de début."))
        return cleaned
