"""« J'ai besoin d'un ordinateur »: the public list (nothing personal), the request form
(email or phone, filled in by a mediator), and who sees the requests and donations in the
admin, over HTTP."""

from html import unescape

from django.core import mail

import pytest

from reemploi.models import DeviceRequest, Donation
from tests.reemploi.conftest import device, donation, member, user

pytestmark = pytest.mark.django_db

REQUEST = {"purpose": "Mes démarches", "name": "Morgane Le Dantec", "email": "", "phone": "06 00 00 00 11"}


def ask_url(slug="clic-n-puces"):
    return f"/reemploi/ordinateurs/{slug}/demande/"


def test_the_list_shows_devices_by_member_price_or_loan_and_nothing_personal(client, site):
    device(price=None, description="Pour les appels vidéo")
    html = unescape(client.get("/reemploi/ordinateurs/").content.decode())
    assert "Clic'n Puces" in html and "Pour internet, les courriers et les photos" in html
    assert "Prêt" in html and "120 €" in html
    for row in [*DeviceRequest.objects.all(), *Donation.objects.exclude(name="")]:
        for personal in (row.name, row.email, row.phone):
            assert not personal or personal not in html


def test_a_device_no_longer_available_leaves_the_list(client, site):
    made = device(description="Portable déjà parti", available=False)
    assert made.description not in client.get("/reemploi/ordinateurs/").content.decode()


def test_a_mediator_asks_for_someone_reached_by_phone(client, site):
    chosen = device(description="Portable pour Morgane")
    response = client.post(f"{ask_url()}?appareil={chosen.pk}", {**REQUEST, "on_behalf_of": "Gaëlle, centre social"})
    assert response.status_code == 200
    made = DeviceRequest.objects.get(name="Morgane Le Dantec", device=chosen)
    assert (made.member.slug, made.on_behalf_of, made.email) == ("clic-n-puces", "Gaëlle, centre social", "")
    # No address to confirm; the member is told a request came, without the person's details.
    (message,) = mail.outbox
    assert message.to == [member("clic-n-puces").email]
    assert "Morgane" not in message.body and "06 00" not in message.body


def test_a_person_with_an_email_confirms_it(client, site):
    client.post(ask_url(), {**REQUEST, "email": "morgane@exemple.fr", "phone": ""})
    to_person = next(message for message in mail.outbox if message.to == ["morgane@exemple.fr"])
    path = to_person.body.split("http://testserver")[1].split()[0]
    client.post(path)
    assert DeviceRequest.objects.get(email="morgane@exemple.fr").confirmed_at is not None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"phone": "", "email": ""}, "Donnez une adresse électronique ou un téléphone pour joindre la personne."),
        ({"purpose": ""}, "Remplissez le champ «\u00a0Pour quoi faire"),
        ({"email": "pas@"}, "Saisissez une adresse de courriel valide."),
        ({"purpose": "x" * 501}, "Assurez-vous que cette valeur comporte au plus 500 caractères"),
    ],
)
def test_a_request_with_bad_input_is_refused_in_french(client, site, data, error):
    response = client.post(ask_url(), {**REQUEST, **data})
    assert response.status_code == 400
    assert error in unescape(response.content.decode())
    assert not DeviceRequest.objects.filter(name="Morgane Le Dantec").exists()


def test_a_member_without_devices_takes_no_request(client, site):
    assert client.get(ask_url("les-mulots")).status_code == 404
    assert client.get("/reemploi/ordinateurs/nobody/demande/?appareil=abc").status_code == 404


def test_requests_and_donations_are_seen_only_by_their_member_and_coordination(client, site):
    asked = DeviceRequest.objects.create(member=member("clic-n-puces"), purpose="Démarches", name="Odile Secrète")
    given = donation(name="Yann Donateur")
    for path in ("/admin/reemploi/devicerequest/", "/admin/reemploi/donation/"):
        client.force_login(user("mulots"))
        html = client.get(path).content.decode()
        assert "Odile Secrète" not in html and "Yann Donateur" not in html
        for username in ("clicnpuces", "coordination"):
            client.force_login(user(username))
            html = client.get(path).content.decode()
            assert "Odile Secrète" in html or "Yann Donateur" in html
    client.force_login(user("mulots"))
    assert client.get(f"/admin/reemploi/devicerequest/inspect/{asked.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/reemploi/donation/inspect/{given.pk}/").status_code in (302, 403)
    assert (
        client.post(
            f"/admin/reemploi/don/{given.pk}/etape/", {"from_status": "promis", "to_status": "recu"}
        ).status_code
        == 404
    )
    given.refresh_from_db()
    assert given.status == "promis"
    client.logout()
    assert client.get("/admin/reemploi/devicerequest/").status_code == 302


def test_the_receiving_member_moves_a_donation_on_from_the_admin(client, site):
    given = donation()
    client.force_login(user("clicnpuces"))
    step = f"/admin/reemploi/don/{given.pk}/etape/"
    assert "Marquer «\u00a0reçu\u00a0»" in unescape(client.get(step).content.decode())
    client.post(step, {"from_status": "promis", "to_status": "recu"})
    again = client.post(step, {"from_status": "promis", "to_status": "recu"}, follow=True)
    assert "changé d'étape entre-temps" in unescape(again.content.decode())
    refused = client.post(step, {"from_status": "recu", "to_status": "recycle", "reason": ""}, follow=True)
    assert "Dites pourquoi l'appareil est recyclé." in unescape(refused.content.decode())
    given.refresh_from_db()
    assert given.status == "recu"


def test_a_member_adds_devices_only_for_itself(client, site):
    client.force_login(user("mulots"))
    form = client.get("/admin/reemploi/device/create/").content.decode()
    assert "Les Mulots" in form and "Clic&#x27;n Puces" not in form and "Clic'n Puces" not in form
