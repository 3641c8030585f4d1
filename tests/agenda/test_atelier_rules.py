import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from agenda.models import AtelierPage, FestivalPage, OccurrenceChange
from tests.agenda.factories import paris


def atelier(**fields):
    values = {"title": "Atelier", "slug": "atelier", "summary": "Résumé.", "start": paris(2027, 3, 6, 14)}
    values["end"] = values["start"] + datetime.timedelta(hours=3)
    values.update(fields)
    return AtelierPage(**values)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end": paris(2027, 3, 6, 14)}, "end", "La fin doit être après le début."),
        ({"end": paris(2027, 3, 6, 13)}, "end", "La fin doit être après le début."),
        ({"frequency": "weekly", "repeat_until": datetime.date(2027, 3, 1)}, "repeat_until", "après la première"),
        ({"price_kind": "payant"}, "price_amount", "Indiquez le montant"),
        ({"registration_required": True, "places": 0}, "places", "au moins une place"),
    ],
)
def test_inconsistent_ateliers_are_refused_with_a_french_message(db, fields, field, message):
    with pytest.raises(ValidationError) as error:
        atelier(**fields).clean()
    assert message in " ".join(error.value.message_dict[field])


def test_a_consistent_atelier_is_accepted(db):
    atelier(frequency="monthly", repeat_until=datetime.date(2027, 12, 31), price_kind="payant", price_amount=5).clean()


def test_price_reads_in_french(db):
    assert atelier(price_kind="payant", price_amount=5).price_text == "5 €"
    assert atelier(price_kind="payant", price_amount=Decimal("7.50")).price_text == "7,50 €"
    assert atelier(price_kind="participation-libre").price_text == "Participation libre"


def test_a_moved_session_needs_both_new_times_in_order(db):
    with pytest.raises(ValidationError):
        OccurrenceChange(date=datetime.date(2027, 3, 6), new_start=paris(2027, 3, 7, 14)).clean()
    with pytest.raises(ValidationError):
        OccurrenceChange(
            date=datetime.date(2027, 3, 6), new_start=paris(2027, 3, 7, 14), new_end=paris(2027, 3, 7, 13)
        ).clean()
    OccurrenceChange(date=datetime.date(2027, 3, 6)).clean()  # no new times: cancelled


def test_a_festival_ends_on_or_after_its_first_day(db):
    festival = FestivalPage(
        title="BooTIC", slug="bootic", start_date=datetime.date(2027, 11, 6), end_date=datetime.date(2027, 11, 5)
    )
    with pytest.raises(ValidationError) as error:
        festival.clean()
    assert "dernier jour" in str(error.value.message_dict["end_date"])


def test_cancelled_and_moved_dates_of_a_recurring_atelier(agenda):
    from tests.agenda.factories import make_atelier

    recurring = make_atelier(
        start=paris(2027, 1, 4, 18),
        end=paris(2027, 1, 4, 20),
        frequency="weekly",
        repeat_until=datetime.date(2027, 1, 25),
    )
    recurring.changes = [
        OccurrenceChange(date=datetime.date(2027, 1, 11)),
        OccurrenceChange(
            date=datetime.date(2027, 1, 18), new_start=paris(2027, 1, 19, 18), new_end=paris(2027, 1, 19, 20)
        ),
    ]
    recurring.save_revision().publish()
    sessions = [
        (o.start.astimezone(paris(2027, 1, 1).tzinfo).date().isoformat(), o.cancelled)
        for o in recurring.occurrences.all()
    ]
    assert sessions == [("2027-01-04", False), ("2027-01-11", True), ("2027-01-19", False), ("2027-01-25", False)]
