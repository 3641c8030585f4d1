"""One session's people for its organisers: « Mon espace » cards, the list titled with
its session (phone for people without email, « sans adresse »), attendance for the whole
list in one form that the activity report counts, and the attendance sheet to print."""

from django.contrib.auth import get_user_model

from bs4 import BeautifulSoup

from agenda import registration
from agenda.admin.views.session import save_attendance
from agenda.models import Occurrence, Registration
from home.models import MemberPage
from tests.agenda.factories import make_atelier


def user(username):
    return get_user_model().objects.get(username=username)


def session_of(slug, **fields):
    atelier = make_atelier(title="La tablette pas à pas", **fields)
    atelier.organisers = [MemberPage.objects.get(slug=slug)]
    atelier.save_revision().publish()
    return atelier.occurrences.get()


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def people(occurrence):
    annie = registration.register(occurrence, "Annie", "annie@exemple.fr", 1)
    josiane = registration.register(occurrence, "Josiane", "", 2, phone="02 99 71 00 00", registered_by=user("mulots"))
    return annie, josiane


def test_my_space_shows_one_card_per_session_with_its_actions(agenda, client):
    occurrence = session_of("les-mulots")
    people(occurrence)
    client.force_login(user("mulots"))
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    card = next(li for li in page.select("#my-space-heading ~ * li, li") if "La tablette pas à pas" in li.get_text())
    text = " ".join(card.get_text(" ").split())
    assert "3/6 inscrits" in text
    hrefs = [a["href"] for a in card.find_all("a")]
    assert hrefs == [
        f"/admin/agenda/seances/{occurrence.pk}/inscrits/",
        f"/admin/agenda/seances/{occurrence.pk}/ecrire/",
        f"/admin/agenda/seances/{occurrence.pk}/inscrire/",
        f"/admin/agenda/seances/{occurrence.pk}/emargement/",
    ]
    assert "Accompagner une personne" in page.get_text()


def test_the_list_names_its_session_and_shows_the_phone_of_people_without_email(agenda, client):
    occurrence = session_of("les-mulots")
    people(occurrence)
    client.force_login(user("mulots"))
    response = client.get(f"/admin/agenda/seances/{occurrence.pk}/inscrits/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert f"Inscrits\u00a0: {occurrence}" in soup.title.get_text()
    text = text_of(response)
    assert "annie@exemple.fr" in text
    assert "Josiane (2)" in text and "sans adresse · téléphone : 02 99 71 00 00" in text
    assert "Adresse confirmée" not in text

    listing = text_of(client.get(f"/admin/agenda/registration/?occurrence__id__exact={occurrence.pk}"))
    assert "sans adresse" in listing and "02 99 71 00 00" in listing


def test_attendance_of_the_whole_list_in_one_form_feeds_the_figures(agenda, client):
    occurrence = session_of("les-mulots")
    annie, josiane = people(occurrence)
    client.force_login(user("mulots"))
    url = f"/admin/agenda/seances/{occurrence.pk}/inscrits/"
    response = client.post(url, {f"attended_{annie.pk}": "no", f"attended_{josiane.pk}": "yes"})
    assert response.status_code == 302
    assert "2 personnes présentes" in text_of(client.get(url))
    annie.refresh_from_db()
    josiane.refresh_from_db()
    assert (annie.attended, josiane.attended) == (False, True)
    counted = Occurrence.objects.with_people().get(pk=occurrence.pk)
    assert (counted.present_people, counted.absent_people) == (2, 1)


def test_bad_attendance_is_refused_in_french_and_nothing_changes(agenda, client):
    occurrence = session_of("les-mulots")
    annie, _josiane = people(occurrence)
    client.force_login(user("mulots"))
    response = client.post(f"/admin/agenda/seances/{occurrence.pk}/inscrits/", {f"attended_{annie.pk}": "peut-être"})
    assert response.status_code == 200 and "Sélectionnez un choix valide" in text_of(response)
    assert not Registration.objects.filter(attended__isnull=False).exists()


def test_attendance_never_reaches_another_sessions_registrations(agenda):
    mine, other = session_of("les-mulots"), session_of("depantek")
    stranger = registration.register(other, "Bernard", "bernard@exemple.fr", 1)
    save_attendance(mine, {stranger.pk: True})
    stranger.refresh_from_db()
    assert stranger.attended is None


def test_another_members_session_list_and_sheet_are_refused(agenda, client):
    occurrence = session_of("depantek")
    annie, _josiane = people(occurrence)
    client.force_login(user("mulots"))
    for path in ("inscrits", "emargement"):
        assert client.get(f"/admin/agenda/seances/{occurrence.pk}/{path}/").url == "/admin/"
    client.post(f"/admin/agenda/seances/{occurrence.pk}/inscrits/", {f"attended_{annie.pk}": "yes"})
    annie.refresh_from_db()
    assert annie.attended is None


def test_the_attendance_sheet_has_names_a_signature_column_and_what_funders_ask(agenda, client):
    occurrence = session_of("les-mulots", place_name="Médiathèque")
    people(occurrence)
    registration.cancel(registration.register(occurrence, "Parti", "parti@exemple.fr", 1), notify=False)
    client.force_login(user("mulots"))
    response = client.get(f"/admin/agenda/seances/{occurrence.pk}/emargement/")
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text() for th in soup.select("thead th")]
    assert headers == ["Nom", "Personnes", "Signature"]
    names = [row.td.get_text() for row in soup.select("tbody tr") if row.td.get_text()]
    assert names == ["Annie", "Josiane"]
    text = text_of(response)
    assert "Feuille d'émargement" in text and "La tablette pas à pas" in text
    assert "Médiathèque" in text and "Les Mulots" in text
    assert "size: A4" in response.content.decode()


def test_the_session_page_says_cancelled_no_in_words(agenda, client):
    occurrence = session_of("les-mulots")
    client.force_login(user("mulots"))
    response = client.get(f"/admin/agenda/occurrence/inspect/{occurrence.pk}/")
    text = text_of(response)
    assert "False" not in text and "non" in text
    # The footer's buttons: white on teal, not teal on the footer's dark purple (2.9:1).
    footer = BeautifulSoup(response.content, "html.parser").select("footer.footer a")
    assert "Écrire aux participants" in [a.get_text() for a in footer]
    assert all(a["class"] == ["button"] for a in footer)


def test_the_message_form_says_it_greets_each_person_itself(agenda, client):
    occurrence = session_of("les-mulots")
    client.force_login(user("mulots"))
    text = text_of(client.get(f"/admin/agenda/seances/{occurrence.pk}/ecrire/"))
    assert "ajoute lui-même « Bonjour » et le prénom" in text
