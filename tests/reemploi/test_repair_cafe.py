"""The repair café's log over HTTP, its ORDS v0.3 export read back against the standard's
field list and codes, and the impact summed by hand on a small fixture."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest

from reemploi import impact, ords
from reemploi.models import Donation, ImpactFactor, RepairedObject
from reemploi.ords import ProductCategory, RepairBarrier, RepairStatus
from tests.reemploi.conftest import donation, member, repair_session, user

pytestmark = pytest.mark.django_db

# The standard's field names (openrepair/data, aggregated/202407/tableschema.json, v0.3), in order.
ORDS_V03_FIELDS = [
    "id", "data_provider", "country", "partner_product_category", "product_category", "product_category_id",
    "brand", "year_of_manufacture", "product_age", "repair_status", "repair_barrier_if_end_of_life",
    "group_identifier", "event_date", "problem",
]  # fmt: skip
ORDS_STATUSES = {"Fixed", "Repairable", "End of life", "Unknown"}
ORDS_BARRIERS = {
    "", "Spare parts not available", "Spare parts too expensive", "No way to open product",
    "Repair information not available", "Lack of equipment", "Too worn out",
}  # fmt: skip
# A few of the standard's product categories with their ids (standard.rst, v0.3).
ORDS_SOME_CATEGORIES = {4: "Desktop computer", 14: "Kettle", 16: "Laptop", 19: "Mobile", 31: "Toaster", 40: "Iron"}


def log(client, occurrence, **fields):
    return client.post(f"/reemploi/repair-cafe/seance-{occurrence.pk}/", fields)


def test_a_volunteer_logs_an_object_for_a_session_of_its_member(client, site):
    session = repair_session()
    client.force_login(user("depantek"))
    assert f"seance-{session.pk}" in client.get("/reemploi/repair-cafe/").content.decode()
    response = log(
        client, session, category="14", brand="Moulinex", age_years="4", problem="Ne chauffe plus", status="1"
    )
    assert response.status_code == 302
    made = RepairedObject.objects.get(occurrence=session)
    assert (made.member.slug, made.category, made.status, made.barrier) == ("depantek", 14, 1, None)
    assert made.event_date == session.start.astimezone().date()


def test_a_barrier_is_kept_only_for_end_of_life(client, site):
    session = repair_session()
    client.force_login(user("depantek"))
    log(client, session, category="31", status="1", barrier="2")
    log(client, session, category="31", status="3", barrier="1")
    assert list(RepairedObject.objects.filter(occurrence=session).order_by("pk").values_list("barrier", flat=True)) == [
        None,
        1,
    ]


def test_bad_input_at_the_table_is_refused_in_french(client, site):
    session = repair_session()
    client.force_login(user("depantek"))
    response = log(client, session, category="999", status="1", age_years="-3")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sélectionnez un choix valide" in html
    assert not RepairedObject.objects.filter(occurrence=session).exists()


def test_only_the_session_members_and_coordination_log_objects(client, site):
    session = repair_session()
    client.force_login(user("mulots"))
    assert log(client, session, category="14", status="1").status_code == 404
    client.logout()
    assert log(client, session, category="14", status="1").status_code == 302  # to the login page
    assert not RepairedObject.objects.filter(occurrence=session).exists()
    client.force_login(user("coordination"))
    assert log(client, session, category="14", status="1").status_code == 302
    assert RepairedObject.objects.filter(occurrence=session).count() == 1


def test_the_ords_export_reads_back_with_the_standard_fields_and_codes(client, site):
    response = client.get("/reemploi/reparations-ords.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rows[0]) == ORDS_V03_FIELDS
    assert len(rows) == RepairedObject.objects.count() > 0
    for row in rows:
        assert re.fullmatch(r"[a-z]+-[0-9]+", row["id"])
        assert row["country"] == "FRA"
        assert row["repair_status"] in ORDS_STATUSES
        assert row["repair_barrier_if_end_of_life"] in ORDS_BARRIERS
        assert row["repair_barrier_if_end_of_life"] == "" or row["repair_status"] == "End of life"
        assert 1 <= int(row["product_category_id"]) <= 40
        assert ords.CATEGORY_NAMES[int(row["product_category_id"])] == row["product_category"]
        datetime.date.fromisoformat(row["event_date"])
        assert row["year_of_manufacture"] == "" or re.fullmatch(r"[0-9]{4}", row["year_of_manufacture"])
    assert {k: ords.CATEGORY_NAMES[k] for k in ORDS_SOME_CATEGORIES} == ORDS_SOME_CATEGORIES
    assert {ords.STATUS_NAMES[s] for s in RepairStatus.values} == ORDS_STATUSES - {"Unknown"}
    assert {ords.BARRIER_NAMES[b] for b in RepairBarrier.values} == ORDS_BARRIERS - {""}
    assert len(ProductCategory.values) == len(ords.CATEGORY_NAMES) == 40


def test_the_open_data_page_lists_the_ords_file(client, site):
    assert 'href="/reemploi/reparations-ords.csv"' in client.get("/donnees-ouvertes/").content.decode()


def test_the_ords_export_holds_nothing_about_people(client, site):
    session = repair_session()
    client.force_login(user("depantek"))
    log(client, session, category="16", brand="Acer", status="1", problem="Clavier")
    client.logout()
    text = client.get("/reemploi/reparations-ords.csv").content.decode()
    volunteer = user("depantek")
    assert volunteer.username not in text.replace("depantek,", "")  # the group's slug, never the account
    assert volunteer.email not in text
    assert "@" not in text


def test_impact_sums_by_hand_on_a_small_fixture(site):
    RepairedObject.objects.all().delete()
    Donation.objects.all().delete()
    ImpactFactor.objects.filter(category=ProductCategory.LAPTOP).update(weight_kg="2.5", co2e_kg="250")
    ImpactFactor.objects.filter(category=ProductCategory.KETTLE).update(weight_kg="1.4", co2e_kg="17.1")
    day = datetime.date(2025, 3, 1)
    fixed = {"event_date": day, "status": RepairStatus.FIXED}
    depantek, bidouille = member("depantek"), member("la-vilaine-bidouille")
    RepairedObject.objects.create(member=depantek, category=ProductCategory.LAPTOP, **fixed)
    RepairedObject.objects.create(member=depantek, category=ProductCategory.KETTLE, **fixed)
    RepairedObject.objects.create(member=bidouille, category=ProductCategory.KETTLE, **fixed)
    # Not kept in use, or outside the period: not counted.
    RepairedObject.objects.create(member=depantek, category=ProductCategory.LAPTOP, event_date=day, status=2)
    RepairedObject.objects.create(member=depantek, category=ProductCategory.LAPTOP, event_date=day, status=3)
    RepairedObject.objects.create(
        member=depantek, category=ProductCategory.LAPTOP, event_date=datetime.date(2025, 4, 1), status=1
    )
    given = donation(status="redistribue", quantity=3)
    Donation.objects.filter(pk=given.pk).update(
        status_changed_at=datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC)
    )
    donation(status="reconditionne", quantity=5)

    march = impact.impact_by_member(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))

    # Dépan'tek: a laptop and a kettle: 2.5 + 1.4 kg, 250 + 17.1 kg CO2e.
    assert march[depantek.pk] == impact.Impact(1 + 1, 0, Decimal("3.9"), Decimal("267.1"))
    assert march[bidouille.pk] == impact.Impact(1, 0, Decimal("1.4"), Decimal("17.1"))
    # Clic'n Puces: three laptops redistributed: 3 × 2.5 kg, 3 × 250 kg CO2e.
    assert march[given.member_id] == impact.Impact(0, 3, Decimal("7.5"), Decimal("750"))
    whole = impact.total(march.values())
    assert (whole.devices, whole.waste_kg, whole.co2e_kg) == (6, Decimal("12.8"), Decimal("1034.2"))


def test_coordination_adjusts_a_factor_in_the_admin(client, site):
    factor = ImpactFactor.objects.get(category=ProductCategory.LAPTOP)
    client.force_login(user("coordination"))
    response = client.post(f"/admin/reemploi/impactfactor/edit/{factor.pk}/", {"weight_kg": "2.0", "co2e_kg": "200"})
    assert response.status_code == 302
    factor.refresh_from_db()
    assert (factor.weight_kg, factor.co2e_kg) == (Decimal("2.0"), Decimal("200"))
    client.force_login(user("depantek"))
    assert client.get(f"/admin/reemploi/impactfactor/edit/{factor.pk}/").status_code in (302, 403)
