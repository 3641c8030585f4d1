"""The GOV.UK error pattern shared by every public form (core.forms.GuidedForm,
components/error_summary.html): title « Erreur : », a summary focused on load whose errors link
to their fields, messages that say what to write, autocomplete on the person's own details, and
what to do without an email address."""

from django import forms

import pytest
from bs4 import BeautifulSoup

from agenda.forms import RegistrationForm
from booking.forms import MyBookingsForm
from core.forms import GuidedForm, HoneypotForm
from follow.forms import SubscriptionForm
from home.models import EspaceSettings
from tests.agenda.factories import make_atelier

NBSP = "\u00a0"


class Example(GuidedForm):
    town = forms.CharField(label="Votre commune")
    days = forms.MultipleChoiceField(
        label="Vos jours", choices=[("lundi", "Lundi"), ("mardi", "Mardi")], widget=forms.CheckboxSelectMultiple
    )

    def clean(self):
        raise forms.ValidationError("Le formulaire est fermé.")


def test_the_summary_lists_the_forms_errors_first_then_each_field_with_its_target():
    form = Example({})
    assert not form.is_valid()
    assert form.error_summary() == [
        ("Le formulaire est fermé.", ""),
        (f"Remplissez le champ «{NBSP}Votre commune{NBSP}».", "id_town"),
        (f"Remplissez le champ «{NBSP}Vos jours{NBSP}».", "id_days_0"),  # a group leads to its first box
    ]


def test_a_filled_honeypot_is_the_forms_error_never_a_link_to_the_hidden_field():
    form = MyBookingsForm({"email": "annie@exemple.fr", "website": "http://spam"})
    assert not form.is_valid()
    assert form.error_summary() == [("Ce formulaire n'a pas pu être envoyé.", "")]


@pytest.mark.parametrize(
    ("form_class", "kwargs"), [(RegistrationForm, {}), (SubscriptionForm, {}), (MyBookingsForm, {})]
)
def test_the_persons_own_details_have_autocomplete(db, form_class, kwargs):
    form = form_class(**kwargs)
    tokens = {name: field.widget.attrs.get("autocomplete") for name, field in form.fields.items()}
    assert tokens["email"] == "email"
    if "name" in tokens:
        assert tokens["name"] == "name"


def test_every_public_form_is_guided():
    assert issubclass(HoneypotForm, GuidedForm)
    assert issubclass(SubscriptionForm, GuidedForm)


def test_a_failed_registration_leads_to_each_field_and_says_what_to_write(home_page, client):
    atelier = make_atelier(slug="atelier-des-erreurs")
    occurrence = atelier.occurrences.get()
    phone = EspaceSettings.for_site(home_page.get_site()).phone
    url = atelier.url + atelier.reverse_subpage("register", args=[occurrence.pk])

    fresh = BeautifulSoup(client.get(url).content, "html.parser")
    assert not fresh.title.get_text().startswith("Erreur")
    assert fresh.find(id="resume-des-erreurs") is None

    response = client.post(url, {"name": "", "email": "annie", "people": "1"})
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.get_text().startswith(f"Erreur{NBSP}: ")
    summary = page.find(id="resume-des-erreurs")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    links = [(link.get_text(), link["href"]) for link in summary.find_all("a")]
    assert links == [
        ("Saisissez votre nom, par exemple Jeanne Martin", "#id_name"),
        ("Saisissez votre adresse électronique complète, par exemple nom@exemple.fr", "#id_email"),
    ]
    for _, target in links:
        assert page.find(id=target[1:]) is not None
    no_email = page.find(class_="no-email")
    assert "Pas d'adresse électronique" in no_email.get_text()
    assert no_email.find("a").get_text() == phone
