from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from booking import rules
from core.forms import HoneypotForm, filling_key
from core.person import email_field, limit_people, name_field, people_field, phone_field

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def slot_moments(form, day, start, end):
    """Aware (start, end) from a date and wall-clock times in Paris, or None with the
    errors added to the form."""
    moments = {}
    for field, time in (("start", start), ("end", end)):
        try:
            moments[field] = rules.local_datetime(day, time)
        except rules.InvalidLocalTime as error:
            form.add_error(field, str(error))
    if len(moments) < 2:
        return None
    return moments["start"], moments["end"]


class SlotFields(forms.Form):
    """Date, start and end of a booking, checked against the room's rules; `clean()`
    leaves aware `start_at`/`end_at`. The room is given, or chosen in a `room` field."""

    date = forms.DateField(
        label=_("Date"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _("Saisissez la date, par exemple 15/01/2027"),
            "invalid": _("Saisissez une date qui existe, par exemple 15/01/2027"),
        },
    )
    start = forms.TimeField(
        label=_("Heure de début"),
        widget=TIME_WIDGET,
        error_messages={
            "required": _("Saisissez l'heure de début, par exemple 14:00"),
            "invalid": _("Saisissez l'heure de début en heures et minutes, par exemple 14:00"),
        },
    )
    end = forms.TimeField(
        label=_("Heure de fin"),
        widget=TIME_WIDGET,
        error_messages={
            "required": _("Saisissez l'heure de fin, par exemple 16:00"),
            "invalid": _("Saisissez l'heure de fin en heures et minutes, par exemple 16:00"),
        },
    )

    # The public books ahead, within the horizon; the team may book for this
    # afternoon or further ahead (notice = horizon = False).
    notice = True
    horizon = True

    def __init__(self, *args, room=None, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.room = room
        self.now = now or timezone.now()
        if room is not None:
            for name in ("start", "end"):
                self.fields[name].widget.attrs["step"] = str(room.slot_minutes * 60)

    def clean(self):
        cleaned = super().clean()
        room = self.room or cleaned.get("room")
        day, start, end = cleaned.get("date"), cleaned.get("start"), cleaned.get("end")
        if room is None or day is None or start is None or end is None:
            return cleaned
        moments = slot_moments(self, day, start, end)
        if moments is None:
            return cleaned
        for field, message in rules.slot_errors(
            room, *moments, now=self.now, notice=self.notice, horizon=self.horizon
        ).items():
            self.add_error(field, message)
        cleaned["start_at"], cleaned["end_at"] = moments
        return cleaned


def organisation_field():
    return forms.CharField(
        label=_("Association ou structure (facultatif)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )


def purpose_field(example, rows):
    return forms.CharField(
        label=_("Pour quoi faire\u00a0?"),
        max_length=300,
        help_text=example,
        error_messages={"required": _("Dites en quelques mots pour quoi faire, par exemple\u00a0: réunion du bureau")},
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class BookingForm(HoneypotForm, SlotFields):
    name = name_field()
    email = email_field(help_text=_("Nous y envoyons un lien pour confirmer votre demande, puis la confirmation."))
    phone = phone_field(help_text=_("Seulement pour vous joindre en cas d'imprévu."))
    organisation = organisation_field()
    purpose = purpose_field(_("En quelques mots, par exemple\u00a0: réunion du bureau de l'association."), rows=3)
    people = people_field()
    consent = forms.BooleanField(
        label=_("J'ai lu ce que deviennent mes données (ci-dessous) et je l'accepte."),
        error_messages={
            "required": _(
                "Cochez la case «\u00a0J'ai lu ce que deviennent mes données\u00a0» pour envoyer votre demande"
            )
        },
    )
    # Identifies one filling of the form: sent twice, it makes one booking.
    form_key = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    field_order = ["date", "start", "end", "name", "email", "phone", "organisation", "purpose", "people"]

    def __init__(self, *args, room, **kwargs):
        super().__init__(*args, room=room, **kwargs)
        limit_people(
            self.fields["people"], room.capacity, gettext("Cette salle accueille au plus %(limit_value)s personnes.")
        )
        self.questions = room.question_list
        for number, question in enumerate(self.questions):
            self.fields[f"question_{number}"] = forms.CharField(
                label=gettext("%(question)s (facultatif)") % {"question": question},
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([*self.field_order, *(f"question_{n}" for n in range(len(self.questions))), "consent"])
        if not room.needs_approval:
            # Only the coordination reads it, to decide: a room booked straight away does without.
            self.fields["purpose"].required = False
            self.fields["purpose"].label = gettext("Pour quoi faire\u00a0? (facultatif)")

    def steps(self):
        """The form in short steps, as the page shows them: (title, bound fields, folded). What
        nobody has to answer is folded away, open when one of its answers needs correcting."""
        questions = [f"question_{n}" for n in range(len(self.questions))]
        steps = [
            (gettext("1. Quand\u00a0?"), ["date", "start", "end"], False),
            (gettext("2. Vous"), ["name", "email", "phone"], False),
            (gettext("3. Votre réservation"), ["purpose", "people", "website"], False),
            (gettext("Ajouter des précisions (facultatif)"), ["organisation", *questions], True),
        ]
        return [
            (title, [self[name] for name in names], folded and not any(self[name].errors for name in names))
            for title, names, folded in steps
        ]

    @property
    def answers(self):
        return {q: self.cleaned_data.get(f"question_{n}", "") for n, q in enumerate(self.questions)}

    def booking_fields(self):
        data = self.cleaned_data
        fields = {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "organisation": data["organisation"],
            "purpose": data["purpose"],
            "people": data["people"],
            "answers": {q: a for q, a in self.answers.items() if a},
        }
        values = [data["start_at"], data["end_at"], *fields.values()]
        return fields | {"form_key": filling_key(data["form_key"], *values)}


class MyBookingsForm(HoneypotForm):
    email = email_field()
