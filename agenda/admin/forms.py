"""The agenda's forms in the admin: proposing an atelier, writing to a session's
people, registering someone who has no email."""

from django import forms
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from agenda.models.messages import MessageRecipients, SessionMessage
from agenda.models.occurrences import CallOutcome, Registration
from core.groups import is_coordinator
from core.person import limit_people, name_field, people_field, phone_field
from home.models import member_pages_for


class AtelierAdminForm(WagtailAdminPageForm):
    """A member proposes ateliers in its own name: a new one starts with the member as
    organiser, and the member stays among the organisers (other members may join)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        self.own_pages = [] if user is None or is_coordinator(user) else list(member_pages_for(user))
        if self.own_pages and not self.instance.pk and not self.is_bound:
            self.initial["organisers"] = [page.pk for page in self.own_pages]

    def clean(self):
        cleaned = super().clean()
        organisers = cleaned.get("organisers")
        if self.own_pages and organisers is not None and not set(organisers) & set(self.own_pages):
            self.add_error(
                "organisers",
                gettext(
                    "Cochez aussi votre structure\u00a0: vous proposez cet atelier en son nom, "
                    "avec d'autres si vous voulez."
                ),
            )
        return cleaned


class SessionMessageForm(forms.Form):
    """An organiser's message to the people of one session."""

    subject = forms.CharField(label=_("Objet"), max_length=SessionMessage._meta.get_field("subject").max_length)
    body = forms.CharField(
        label=_("Message"),
        max_length=SessionMessage._meta.get_field("body").max_length,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Commencez directement par votre message, par exemple\u00a0: «\u00a0Apportez le chargeur de votre "
            "téléphone.\u00a0» Le site ajoute lui-même «\u00a0Bonjour\u00a0» et le prénom de chaque personne au début, "
            "et les détails de la séance à la fin."
        ),
    )
    recipients = forms.ChoiceField(
        label=_("Destinataires"),
        choices=MessageRecipients.choices,
        initial=MessageRecipients.REGISTERED,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].error_messages["required"] = gettext("Écrivez l'objet du message.")
        self.fields["body"].error_messages["required"] = gettext("Écrivez le message.")

    def clean_subject(self):
        # A mail's subject is one header line: no mail can carry a line break in it.
        subject = self.cleaned_data["subject"]
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError(gettext("L'objet tient sur une ligne\u00a0: retirez le retour à la ligne."))
        return subject


class RegisterForSomeoneForm(forms.Form):
    """The team registers someone who has no email: they get a printed confirmation.
    `form_key` is new at each display of the form: the same form sent twice (a double
    click) makes one registration (agenda.registration.register)."""

    name = name_field(_("Prénom de la personne"))
    phone = phone_field(help_text=_("Pour la prévenir si la séance change."))
    people = people_field()
    message = forms.CharField(
        label=_("Note (facultatif)"),
        max_length=Registration._meta.get_field("message").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # One per filling of the form, as on the public form: a double click registers once.
    form_key = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args, atelier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = gettext("Écrivez le prénom de la personne.")
        limit_people(self.fields["people"], atelier.max_people_per_registration)
        if not self.is_bound:
            self.initial["form_key"] = get_random_string(32)


def day_field(label):
    """An optional day: the browser's date picker, or « 22/12/2026 » typed by hand."""
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Écrivez une date, par exemple 22/12/2026.")},
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )


class DeskSearchForm(forms.Form):
    """« Accompagner une personne »: the sessions of the whole collective, by title and day."""

    q = forms.CharField(label=_("Atelier (un mot du titre)"), max_length=100, required=False)
    day = day_field(_("Jour (facultatif)"))


ATTENDANCE_CHOICES = [("yes", _("présent")), ("no", _("absent")), ("", _("je ne sais pas"))]
ANSWERS = {"yes": True, "no": False, "": None}


class AttendanceForm(forms.Form):
    """Everyone of a session at once: present, absent, or not known yet."""

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        for registration in registrations:
            current = {True: "yes", False: "no"}.get(registration.attended, "")
            self.fields[f"attended_{registration.pk}"] = forms.ChoiceField(
                label=registration.name,
                choices=ATTENDANCE_CHOICES,
                required=False,
                initial=current,
                widget=forms.RadioSelect,
            )
        self.registrations = registrations

    def rows(self):
        return [self[f"attended_{registration.pk}"] for registration in self.registrations]

    def attendance(self):
        return {r.pk: ANSWERS[self.cleaned_data[f"attended_{r.pk}"]] for r in self.registrations}


class CallDayForm(forms.Form):
    day = day_field(_("Jour des séances"))


class CallOutcomeForm(forms.Form):
    """What one call gave; its fields are named after the registration, so that a page
    of several people has one group of choices each."""

    outcome = forms.ChoiceField(label=_("Résultat de l'appel"), choices=CallOutcome.choices, widget=forms.RadioSelect)

    def __init__(self, registration, *args, **kwargs):
        super().__init__(*args, prefix=f"appel-{registration.pk}", **kwargs)
        self.fields["outcome"].error_messages["required"] = gettext("Choisissez ce qu'a donné l'appel.")
        if registration.call_outcome:
            self.initial["outcome"] = registration.call_outcome
