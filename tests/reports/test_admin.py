"""The activity report in the admin, over HTTP: who sees what, hostile query strings, the
printable page, the menu, and the charts beside their tables."""

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from reports.charts import bar_chart
from reports.periods import Period, previous_periods
from tests.agenda.factories import member

OCTOBER_QUERY = {"kind": "month", "year": "2024", "month": "10"}
HOSTILE = ["%00", "a" * 5000, "9" * 40, "-1", "9999-12-31", "0000-00-00", "pas-un-choix", "<script>alert(1)</script>"]


def get(client, user, name="reports_activity", **query):
    client.force_login(user)
    return client.get(reverse(name), query)


def key_figure(response, label):
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", id="table-key-figures")
    return table.find("th", string=label).find_next_sibling("td").get_text()


def test_coordination_sees_the_whole_collective_and_may_choose_a_member(october, rooms, users, client):
    whole = get(client, users["coordination"], **OCTOBER_QUERY)
    assert whole.status_code == 200 and key_figure(whole, "Séances tenues") == "6"
    assert "Activité du collectif entier\u00a0: octobre 2024" in whole.content.decode()
    mulots = get(client, users["coordination"], **OCTOBER_QUERY, member=member("les-mulots").pk)
    assert key_figure(mulots, "Séances tenues") == "5"


def test_coordination_asking_for_an_unknown_member_gets_a_french_error(october, rooms, users, client):
    for asked in ("123456789", "pas-un-membre", "9" * 40):
        response = get(client, users["coordination"], **OCTOBER_QUERY, member=asked)
        assert response.status_code == 200
        assert "Ce membre n&#x27;existe pas\u00a0: choisissez-en un dans la liste." in response.content.decode()
        assert response.context["report"] is None


def test_a_member_sees_its_own_activity_only(october, rooms, users, client):
    response = get(client, users["mulots"], **OCTOBER_QUERY)
    assert response.status_code == 200 and key_figure(response, "Séances tenues") == "5"
    assert response.context["report"].member == member("les-mulots")
    options = [
        option.get_text() for option in BeautifulSoup(response.content, "html.parser").select("#id_member option")
    ]
    assert options == ["Les Mulots"]
    own = get(client, users["mulots"], **OCTOBER_QUERY, member=member("les-mulots").pk)
    assert key_figure(own, "Séances tenues") == "5"


def test_a_member_asking_for_another_members_report_is_refused(october, rooms, users, client):
    for name in ("reports_activity", "reports_activity_print", "reports_activity_csv", "reports_activity_ods"):
        assert get(client, users["mulots"], name, **OCTOBER_QUERY, member=member("depantek").pk).status_code == 403
        assert get(client, users["mulots"], name, member="").status_code == 200  # its own, by default


def test_someone_with_no_member_and_not_coordination_is_refused(users, client, django_user_model):
    from django.contrib.auth.models import Permission

    nobody = django_user_model.objects.create_user("personne", password="x")  # noqa: S106
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert get(client, nobody).status_code == 403


def test_a_visitor_is_sent_to_the_login(client, demo_site):
    response = client.get(reverse("reports_activity"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_query_strings_give_a_page_with_a_french_error_never_a_500(users, client, value):
    client.force_login(users["coordination"])
    for name in ("kind", "year", "month", "quarter", "from", "to", "member"):
        kind = {"from": "custom", "to": "custom", "quarter": "quarter"}.get(name, "month")
        query = {"kind": kind, name: value}
        for url in ("reports_activity", "reports_activity_print", "reports_activity_csv"):
            response = client.get(reverse(url), query)
            assert response.status_code == 200, (url, name, value)
            assert "text/html" in response["Content-Type"] and "Traceback" not in response.content.decode()
            assert "<script>alert" not in response.content.decode()
            assert response.context["report"] is None and response.context["form"].errors


def test_a_custom_period_from_after_to_is_explained(users, client, demo_site):
    response = get(client, users["coordination"], kind="custom", **{"from": "2025-03-10", "to": "2025-03-01"})
    html = response.content.decode()
    assert "La date de fin doit venir après la date de début." in html
    assert 'aria-describedby="to-error"' in html and 'id="to-error"' in html


def test_the_printable_page_has_no_admin_chrome_and_an_a4_page(october, rooms, users, client):
    response = get(client, users["coordination"], "reports_activity_print", **OCTOBER_QUERY)
    html = response.content.decode()
    assert "@page { size: A4" in html and "sidebar" not in html
    assert key_figure(response, "Personnes présentes") == "11"


def test_tables_have_captions_and_header_scopes_and_the_form_its_labels(october, rooms, users, client):
    soup = BeautifulSoup(get(client, users["coordination"], **OCTOBER_QUERY).content, "html.parser")
    tables = soup.select("table.report-table")
    assert len(tables) == 12 and all(table.caption for table in tables)
    assert all(th.get("scope") in ("col", "row") for table in tables for th in table.find_all("th"))
    form = soup.find("form", class_="report-form")
    assert form.find("fieldset").legend.get_text() == "Période"
    for field in form.find_all(["input", "select"]):
        assert form.find("label", attrs={"for": field["id"]}), field


def test_charts_are_images_with_a_title_beside_the_table_of_their_data(october, rooms, users, client):
    soup = BeautifulSoup(get(client, users["coordination"], **OCTOBER_QUERY).content, "html.parser")
    charts = soup.find_all("svg")
    titles = {svg.title.get_text() for svg in charts if svg.get("role") == "img"}
    assert {"Séances tenues par mois", "Personnes présentes par mois", "Taux d'occupation par salle"} <= titles
    for svg in soup.select("svg.report-chart"):
        assert svg["aria-labelledby"] == svg.title["id"]
        assert svg.find_parent("section").find("table")
    occupancy = soup.find("svg", attrs={"aria-labelledby": "chart-occupancy-title"})
    assert "=Salle fermée" in occupancy.get_text() and "30,0\xa0%" in occupancy.get_text()


def test_a_chart_escapes_its_labels_and_draws_bars_in_proportion():
    svg = bar_chart("c", "Essai <b>", [("<script>", 10), ("Moitié", 5)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "Essai &lt;b&gt;" in svg
    soup = BeautifulSoup(svg, "html.parser")
    widths = [float(rect["width"]) for rect in soup.find_all("rect")]
    assert widths == [360.0, 180.0]


def test_the_menu_and_my_space_lead_to_the_report(users, client):
    client.force_login(users["mulots"])
    home = client.get("/admin/").content.decode()
    assert reverse("reports_activity") in home
    assert f"{reverse('reports_activity')}?member={member('les-mulots').pk}" in home


def test_report_page_label_matches_the_period(users, client, demo_site):
    response = get(client, users["coordination"], kind="quarter", year="2024", quarter="3")
    assert response.context["report"].period == Period.quarter(2024, 3)
    assert "3e trimestre 2024" in response.content.decode()


@pytest.mark.parametrize("asked", ["²", "¹²", "①", "٣"])
@pytest.mark.parametrize(
    "name", ["reports_activity", "reports_activity_print", "reports_activity_csv", "reports_activity_ods"]
)
def test_a_digit_that_is_not_an_ascii_number_is_an_unknown_member_not_a_500(users, client, name, asked):
    for username in ("mulots", "coordination"):
        response = get(client, users[username], name, **OCTOBER_QUERY, member=asked)
        assert response.status_code in (200, 400), (username, response.status_code)


def test_the_period_is_chosen_among_quick_choices_and_each_fields_show_with_their_choice(users, client, demo_site):
    soup = BeautifulSoup(get(client, users["coordination"]).content, "html.parser")
    radios = soup.select("input[name=kind]")
    assert [radio["value"] for radio in radios] == [
        "last_month", "last_quarter", "last_year", "month", "quarter", "year", "custom",
    ]  # fmt: skip
    assert [radio["value"] for radio in radios if radio.has_attr("checked")] == ["last_month"]
    shown_with = {name: soup.find(id=f"id_{name}").find_parent(class_="report-when")["class"] for name in PERIOD_FIELDS}
    assert "report-when-custom" in shown_with["from"] and "report-when-custom" in shown_with["to"]
    assert "report-when-month" in shown_with["month"] and "report-when-quarter" in shown_with["quarter"]
    assert "report-when-year" in shown_with["year"]


PERIOD_FIELDS = ("year", "month", "quarter", "from", "to")


def test_the_previous_quarter_in_one_choice(users, client, demo_site):
    response = get(client, users["coordination"], kind="last_quarter", year="n'importe")
    expected = previous_periods(timezone.localdate())["last_quarter"]
    assert response.context["report"].period == expected
    assert f"Activité du collectif entier\u00a0: {expected.label}" in response.content.decode()


def test_wrong_dates_give_the_french_error_summary_each_error_a_link_to_its_field(users, client, demo_site):
    response = get(client, users["coordination"], kind="custom", **{"from": "", "to": "31/02/2025"})
    assert response.status_code == 200 and response.context["report"] is None
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert summary.h2.get_text() == "Il y a un problème"
    assert [(link["href"], link.get_text()) for link in summary.find_all("a")] == [
        ("#id_from", "Écrivez le premier jour."),
        ("#id_to", "Écrivez une date comme 03/10/2024, ou choisissez-la dans le calendrier."),
    ]
