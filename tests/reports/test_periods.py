"""The period of a report, from the query string: labels, bounds, defaults and errors."""

import datetime

from django.http import QueryDict

import pytest

from reports.cells import Hours, Percent, display, numeric
from reports.periods import Period, PeriodForm

UTC = datetime.UTC


def form(query, today=datetime.date(2025, 3, 12)):
    return PeriodForm(QueryDict(query), today=today)


def period(query, today=datetime.date(2025, 3, 12)):
    found = form(query, today)
    assert found.is_valid(), found.errors
    return found.period()


@pytest.mark.parametrize(
    ("query", "label", "first", "last"),
    [
        ("kind=month&year=2024&month=10", "octobre 2024", (2024, 10, 1), (2024, 10, 31)),
        ("kind=month&year=2024&month=2", "février 2024", (2024, 2, 1), (2024, 2, 29)),
        ("kind=quarter&year=2024&quarter=3", "3e trimestre 2024", (2024, 7, 1), (2024, 9, 30)),
        ("kind=quarter&year=2024&quarter=1", "1er trimestre 2024", (2024, 1, 1), (2024, 3, 31)),
        ("kind=year&year=2024", "année 2024", (2024, 1, 1), (2024, 12, 31)),
        ("kind=custom&from=2025-03-03&to=2025-03-17", "du 3 au 17 mars 2025", (2025, 3, 3), (2025, 3, 17)),
        ("kind=custom&from=2025-02-28&to=2025-03-01", "du 28 février au 1er mars 2025", (2025, 2, 28), (2025, 3, 1)),
        (
            "kind=custom&from=2024-12-28&to=2025-01-03",
            "du 28 décembre 2024 au 3 janvier 2025",
            (2024, 12, 28),
            (2025, 1, 3),
        ),
        ("kind=custom&from=2025-03-01&to=2025-03-01", "le 1er mars 2025", (2025, 3, 1), (2025, 3, 1)),
    ],
)
def test_each_kind_of_period_has_its_days_and_french_label(query, label, first, last):
    found = form(query)
    assert found.is_valid(), found.errors
    period = found.period()
    assert (period.label, period.first_day, period.last_day) == (label, datetime.date(*first), datetime.date(*last))


def test_without_a_query_the_report_is_of_the_last_full_month():
    assert period("") == Period.month(2025, 2)
    assert period("", today=datetime.date(2025, 1, 1)) == Period.month(2024, 12)


@pytest.mark.parametrize(
    ("today", "last_quarter", "last_year"),
    [
        (datetime.date(2025, 3, 12), Period.quarter(2024, 4), Period.year(2024)),
        (datetime.date(2025, 1, 1), Period.quarter(2024, 4), Period.year(2024)),
        (datetime.date(2025, 4, 1), Period.quarter(2025, 1), Period.year(2024)),
        (datetime.date(2025, 12, 31), Period.quarter(2025, 3), Period.year(2024)),
    ],
)
def test_the_quick_choices_are_the_previous_quarter_and_year(today, last_quarter, last_year):
    assert period("kind=last_quarter", today) == last_quarter
    assert period("kind=last_year", today) == last_year
    assert period("kind=last_month", today) == period("", today)


def test_each_quick_choice_names_its_period_and_ignores_the_other_fields():
    choices = dict(form("").fields["kind"].choices)
    assert choices["last_month"] == "Le mois dernier (février 2025)"
    assert choices["last_quarter"] == "Le trimestre précédent (4e trimestre 2024)"
    assert choices["last_year"] == "L'année précédente (2024)"
    assert choices["custom"] == "Autres dates"
    assert period("kind=last_year&year=abc&from=%00") == Period.year(2024)


def test_a_missing_field_takes_its_default():
    assert period("kind=year") == Period.year(2025)
    assert period("kind=quarter&year=2023") == Period.quarter(2023, 1)


def test_bounds_are_paris_midnights_in_utc_so_a_period_lasts_its_real_hours():
    october, march = Period.month(2024, 10), Period.month(2025, 3)
    assert october.start == datetime.datetime(2024, 9, 30, 22, tzinfo=UTC)
    assert october.end == datetime.datetime(2024, 10, 31, 23, tzinfo=UTC)
    assert october.end - october.start == datetime.timedelta(days=31, hours=1)  # the clocks go back
    assert march.end - march.start == datetime.timedelta(days=31, hours=-1)  # they go forward


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("kind=month&year=1999&month=1", "year", "Choisissez une année entre 2000 et 2100."),
        ("kind=year&year=" + "9" * 40, "year", "Choisissez une année entre 2000 et 2100."),
        ("kind=year&year=deux-mille", "year", "Écrivez l'année en chiffres, par exemple 2024."),
        ("kind=month&year=2024&month=13", "month", "Sélectionnez un choix valide"),
        ("kind=quarter&year=2024&quarter=5", "quarter", "Sélectionnez un choix valide"),
        ("kind=custom&from=2025-03-10&to=2025-03-01", "to", "La date de fin doit venir après la date de début."),
        ("kind=custom&from=2020-01-01&to=2025-12-31", "to", "Une période choisie ne peut pas dépasser cinq ans"),
        ("kind=custom&from=1999-12-31&to=2000-01-02", "from", "Choisissez une date entre 2000 et 2100."),
        ("kind=custom&from=0000-00-00&to=2025-01-01", "from", "Écrivez une date comme 03/10/2024"),
        ("kind=custom&from=%00&to=9999-12-31", "from", "Écrivez une date comme 03/10/2024"),
        ("kind=pas-un-choix", "kind", "Choisissez une période dans la liste."),
        ("kind=custom&from=&to=2025-01-01", "from", "Écrivez le premier jour."),
    ],
)
def test_bad_input_gets_a_french_error_on_its_field(query, field, message):
    found = form(query)
    assert not found.is_valid()
    assert message in " ".join(found.errors[field])
    assert found.fields[field].widget.attrs["aria-describedby"] == f"{field}-error"


def test_fields_of_another_kind_of_period_do_not_stop_the_report():
    assert period("kind=month&year=2024&month=10&from=n'importe&quarter=9") == Period.month(2024, 10)


def test_five_years_is_the_longest_period_one_may_choose():
    assert form("kind=custom&from=2020-01-01&to=2024-12-31").is_valid()


@pytest.mark.parametrize(
    ("value", "text", "number"),
    [
        (1234, "1\xa0234", ("float", 1234)),
        (Percent(0.051), "5,1\xa0%", ("percentage", 0.051)),
        (Percent(None), "—", None),
        (Hours(datetime.timedelta(hours=11)), "11\xa0h", ("float", 11.0)),
        (Hours(datetime.timedelta(hours=1234, minutes=5)), "1\xa0234\xa0h\xa005", ("float", 1234.08)),
        ("Les Mulots", "Les Mulots", None),
        (datetime.date(2024, 10, 3), "03/10/2024", None),
    ],
)
def test_cells_read_the_french_way_and_stay_numbers_in_a_spreadsheet(value, text, number):
    assert (display(value), numeric(value)) == (text, number)
