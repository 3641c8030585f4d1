import calendar
import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from agenda.models.vocabulary import Category
from core.choices import Audience, Level
from core.forms import HoneypotForm, keep_choices
from core.person import email_field, limit_people, name_field, people_field, phone_field
from home.models import MemberPage


class AgendaFilters(forms.Form):
    """The agenda's filters; every combination has its own shareable address."""

    categorie = forms.ModelChoiceField(
        Category.objects.all(), to_field_name="slug", required=False, empty_label=_("Toutes"), label=_("Catégorie")
    )
    public = forms.ChoiceField(
        choices=[("", _("Tous")), *Audience.choices],
        required=False,
        label=pgettext_lazy("public visé par un atelier", "Public"),
    )
    niveau = forms.ChoiceField(
        choices=[("", _("Tous")), *Level.choices],
        required=False,
        label=_("Niveau"),
        help_text=_("Les ateliers ouverts à tous les niveaux sont aussi affichés."),
    )
    membre = forms.ModelChoiceField(
        queryset=None, to_field_name="slug", required=False, empty_label=_("Tous"), label=_("Organisé par")
    )
    du = forms.DateField(required=False, label=_("Du"), widget=forms.DateInput(attrs={"type": "date"}))
    au = forms.DateField(required=False, label=_("Au"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["membre"].queryset = MemberPage.objects.live().order_by("title")
        keep_choices(self.fields["categorie"], "agenda-categories")
        keep_choices(self.fields["membre"], "agenda-members")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("du") and cleaned.get("au") and cleaned["au"] < cleaned["du"]:
            self.add_error("au", gettext("La date de fin doit être après la date de début."))
        return cleaned

    def apply(self, occurrences):
        if not self.is_valid():
            return occurrences
        data = self.cleaned_data
        if data["categorie"]:
            occurrences = occurrences.filter(atelier__categories=data["categorie"])
        if data["public"]:
            occurrences = occurrences.filter(atelier__audience=data["public"])
        if data["niveau"]:
            occurrences = occurrences.filter(atelier__level__in=[data["niveau"], ""])
        if data["membre"]:
            occurrences = occurrences.filter(atelier__organisers=data["membre"])
        if data["du"]:
            occurrences = occurrences.filter(end__date__gte=data["du"])
        if data["au"]:
            occurrences = occurrences.filter(start__date__lte=data["au"])
        return occurrences.distinct()

    def date_shortcuts(self, today):
        """« Aujourd'hui », « Cette semaine »…: (label, query string, chosen) links that
        set both dates and keep the other filters."""
        monday = today - datetime.timedelta(days=today.weekday())
        next_monday = monday + datetime.timedelta(days=7)
        month_end = today.replace(day=calendar.monthrange(today.year, today.month)[1])
        ranges = [
            (gettext("Aujourd'hui"), today, today),
            (gettext("Cette semaine"), today, monday + datetime.timedelta(days=6)),
            (gettext("Semaine prochaine"), next_monday, next_monday + datetime.timedelta(days=6)),
            (gettext("Ce mois-ci"), today, month_end),
        ]
        valid = self.is_valid()
        kept = {
            name: self.data.get(name)
            for name in ("categorie", "public", "niveau", "membre")
            if valid and self.cleaned_data[name]
        }
        chosen = (self.cleaned_data["du"], self.cleaned_data["au"]) if valid else None
        return [
            (label, urlencode({**kept, "du": start.isoformat(), "au": end.isoformat()}), chosen == (start, end))
            for label, start, end in ranges
        ]

    def query(self):
        """{name: value} of the filters in use, as the address gave them; {} when invalid."""
        if not self.is_valid():
            return {}
        return {name: self.data.get(name) for name in self.fields if self.cleaned_data.get(name)}

    @property
    def query_string(self):
        return urlencode(self.query())


class FestivalFilters(AgendaFilters):
    """A festival's programme by day, place, category, audience, level and member: the days and
    places are those of its sessions; it filters the sessions already read (no query)."""

    def __init__(self, data=None, days=(), places=(), **kwargs):
        super().__init__(data, **kwargs)
        del self.fields["du"], self.fields["au"]
        day_choices = [(day.isoformat(), date_format(day, "l j F")) for day in days]
        self.fields = {
            "jour": forms.ChoiceField(choices=[("", gettext("Tous"))] + day_choices, required=False, label=_("Jour")),
            "lieu": forms.ChoiceField(
                choices=[("", gettext("Tous"))] + [(place, place) for place in places], required=False, label=_("Lieu")
            ),
            **self.fields,
        }

    def keeps(self, occurrence):
        data = self.cleaned_data
        atelier = occurrence.atelier
        day = data["jour"] and datetime.date.fromisoformat(data["jour"])
        return (
            (not day or timezone.localdate(occurrence.start) <= day <= timezone.localdate(occurrence.end))
            and (not data["lieu"] or atelier.place_name == data["lieu"])
            and (not data["categorie"] or data["categorie"] in atelier.categories.all())
            and (not data["public"] or atelier.audience == data["public"])
            and (not data["niveau"] or atelier.level in (data["niveau"], ""))
            and (not data["membre"] or data["membre"] in atelier.organisers.all())
        )

    def apply(self, occurrences):
        """The sessions (a list) these filters keep; all of them when a value is unknown."""
        if not self.is_valid():
            return occurrences
        return [occurrence for occurrence in occurrences if self.keeps(occurrence)]


class PosterFilters(forms.Form):
    """The printed programme: one member's ateliers or one commune's, on A4 or A3."""

    membre = forms.ChoiceField(required=False, label=_("Organisé par"))
    commune = forms.ChoiceField(required=False, label=_("Commune"))
    format = forms.ChoiceField(
        required=False,
        label=_("Format du papier"),
        choices=[("a4", _("A4 (feuille ordinaire)")), ("a3", _("A3 (affiche)"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, data, members, communes):
        super().__init__(data)
        self.fields["membre"].choices = [("", gettext("Tous")), *((m.slug, m.title) for m in members)]
        self.fields["commune"].choices = [("", gettext("Toutes")), *((c, c) for c in communes)]


class PrescriberFields(forms.Form):
    """« J'inscris une autre personne »: a social worker, France Services or a CCAS
    registers someone without email; the person's first name and phone, the confirmation
    and the cancel link to the prescriber's own address."""

    person_name = name_field(_("J'inscris une autre personne\u00a0: son prénom (facultatif)"))
    person_phone = phone_field(
        _("Son téléphone (facultatif)"), help_text=_("Nous l'appelons la veille pour lui rappeler la séance.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_name"].required = False
        self.fields["person_name"].help_text = _(
            "Pour les travailleurs sociaux, France Services, CCAS… Écrivez alors votre nom et votre adresse "
            "ci-dessus\u00a0: vous recevez la confirmation et le lien pour annuler."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("person_phone") and not cleaned.get("person_name"):
            self.add_error("person_name", gettext("Écrivez aussi le prénom de la personne que vous inscrivez."))
        return cleaned


class RegistrationForm(PrescriberFields, HoneypotForm):
    field_order = ["website", "name", "email", "people", "message", "person_name", "person_phone"]
    name = name_field()
    email = email_field(help_text=_("Nous y envoyons un lien pour confirmer, puis un rappel. Rien d'autre."))
    people = people_field()
    message = forms.CharField(
        label=_("Un message pour l'animateur (facultatif)"), max_length=500, required=False, widget=forms.Textarea
    )
    form_key = forms.CharField(widget=forms.HiddenInput, max_length=40, required=False)

    def __init__(self, *args, max_people=4, **kwargs):
        super().__init__(*args, **kwargs)
        limit_people(self.fields["people"], max_people)
