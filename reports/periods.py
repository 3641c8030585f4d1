"""The period of a report: the last month, quarter or year in one choice, another month,
quarter or year, or chosen dates, read from the query string by a form whose errors say in
French what to correct.

When nothing is asked, the report is of the last full month: the one most often sent to
the collective's funders, and a period that is over, so its figures no longer move."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.choices import MONTH_NAMES, PARIS
from core.forms import GuidedForm

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_DAYS = 5 * 366  # a chosen period of five years at most


def local_midnight(day):
    """The start of `day` in Paris, in UTC: durations between two bounds are then real
    durations, even across a change of the clocks."""
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=PARIS).astimezone(datetime.UTC)


def french_day(day, with_month=True, with_year=True):
    text = "1er" if day.day == 1 else str(day.day)
    if with_month:
        text += f" {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def month_end(year, month):
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    first_day: datetime.date
    last_day: datetime.date  # included
    label: str

    @property
    def start(self):
        return local_midnight(self.first_day)

    @property
    def end(self):
        """The bound after the last day, excluded."""
        return local_midnight(self.last_day + datetime.timedelta(days=1))

    def months(self):
        """[(year, month)] the period touches, in order."""
        year, month, found = self.first_day.year, self.first_day.month, []
        while (year, month) <= (self.last_day.year, self.last_day.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    @classmethod
    def month(cls, year, month):
        return cls(datetime.date(year, month, 1), month_end(year, month), f"{MONTH_NAMES[month - 1]} {year}")

    @classmethod
    def quarter(cls, year, quarter):
        first = 3 * quarter - 2
        rank = "1er" if quarter == 1 else f"{quarter}e"
        return cls(datetime.date(year, first, 1), month_end(year, first + 2), f"{rank} trimestre {year}")

    @classmethod
    def year(cls, year):
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"année {year}")

    @classmethod
    def between(cls, first_day, last_day):
        if first_day == last_day:
            label = f"le {french_day(first_day)}"
        elif (first_day.year, first_day.month) == (last_day.year, last_day.month):
            label = f"du {french_day(first_day, with_month=False, with_year=False)} au {french_day(last_day)}"
        elif first_day.year == last_day.year:
            label = f"du {french_day(first_day, with_year=False)} au {french_day(last_day)}"
        else:
            label = f"du {french_day(first_day)} au {french_day(last_day)}"
        return cls(first_day, last_day, label)


class Kind:
    LAST_MONTH, LAST_QUARTER, LAST_YEAR = "last_month", "last_quarter", "last_year"
    MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"
    OTHERS = [
        (MONTH, _("Un autre mois")),
        (QUARTER, _("Un autre trimestre")),
        (YEAR, _("Une autre année")),
        (CUSTOM, _("Autres dates")),
    ]


USED_FIELDS = {
    Kind.LAST_MONTH: (),
    Kind.LAST_QUARTER: (),
    Kind.LAST_YEAR: (),
    Kind.MONTH: ("year", "month"),
    Kind.QUARTER: ("year", "quarter"),
    Kind.YEAR: ("year",),
    Kind.CUSTOM: ("from", "to"),
}


def last_month_end(today):
    """The last day of the last full month before `today`."""
    return today.replace(day=1) - datetime.timedelta(days=1)


def previous_periods(today):
    """The quick choices: the last full month, quarter and year before `today`."""
    last = last_month_end(today)
    quarter = (today.month - 1) // 3
    return {
        Kind.LAST_MONTH: Period.month(last.year, last.month),
        Kind.LAST_QUARTER: Period.quarter(today.year, quarter) if quarter else Period.quarter(today.year - 1, 4),
        Kind.LAST_YEAR: Period.year(today.year - 1),
    }


def default_data(today=None):
    """The form's values when the query string gives none: the last full month."""
    last = last_month_end(today or timezone.localdate())
    return {
        "kind": Kind.LAST_MONTH,
        "year": str(last.year),
        "month": str(last.month),
        "quarter": str((last.month - 1) // 3 + 1),
        "from": last.replace(day=1).isoformat(),
        "to": last.isoformat(),
    }


class PeriodForm(GuidedForm):
    """Bound to the query string over the defaults: a missing field takes its default,
    a wrong one an error."""

    kind = forms.ChoiceField(
        label=_("Période"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choisissez une période dans la liste.")},
    )
    year = forms.IntegerField(
        label=_("Année"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": _("Écrivez l'année en chiffres, par exemple 2024."),
            "min_value": _("Choisissez une année entre 2000 et 2100."),
            "max_value": _("Choisissez une année entre 2000 et 2100."),
        },
    )
    month = forms.TypedChoiceField(
        label=_("Mois"), coerce=int, choices=[(number, name) for number, name in enumerate(MONTH_NAMES, start=1)]
    )
    quarter = forms.TypedChoiceField(
        label=_("Trimestre"),
        coerce=int,
        choices=[(1, _("1er trimestre")), (2, _("2e trimestre")), (3, _("3e trimestre")), (4, _("4e trimestre"))],
    )

    def __init__(self, data=None, today=None, **kwargs):
        self.today = today or timezone.localdate()
        merged = default_data(self.today)
        if data is not None:
            merged.update({name: data[name] for name in data if name in self.base_fields or name in ("from", "to")})
        self.quick = previous_periods(self.today)
        super().__init__(merged, **kwargs)
        last_month, last_quarter, last_year = self.quick.values()
        self.fields["kind"].choices = [
            (Kind.LAST_MONTH, _("Le mois dernier (%(month)s)") % {"month": last_month.label}),
            (Kind.LAST_QUARTER, _("Le trimestre précédent (%(quarter)s)") % {"quarter": last_quarter.label}),
            (Kind.LAST_YEAR, _("L'année précédente (%(year)s)") % {"year": last_year.first_day.year}),
            *Kind.OTHERS,
        ]
        date_errors = {"invalid": _("Écrivez une date comme 03/10/2024, ou choisissez-la dans le calendrier.")}
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        self.fields["from"] = forms.DateField(
            label=_("Du"), widget=widget, error_messages={**date_errors, "required": _("Écrivez le premier jour.")}
        )
        self.fields["to"] = forms.DateField(
            label=_("Au (inclus)"),
            widget=widget,
            error_messages={**date_errors, "required": _("Écrivez le dernier jour.")},
        )

    def full_clean(self):
        super().full_clean()
        # Each field in error points to its message, for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"{name}-error"})

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind is None:
            return cleaned
        # Only the fields of the kind chosen matter: the others' errors must not hide the report.
        for name in {"year", "month", "quarter", "from", "to"} - set(USED_FIELDS[kind]):
            self.errors.pop(name, None)
        if kind != Kind.CUSTOM:
            return cleaned
        first, last = cleaned.get("from"), cleaned.get("to")
        for name, day in (("from", first), ("to", last)):
            if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
                self.add_error(name, _("Choisissez une date entre 2000 et 2100."))
        if first and last and first > last:
            self.add_error("to", _("La date de fin doit venir après la date de début."))
        elif first and last and (last - first).days >= MAX_DAYS:
            self.add_error(
                "to", _("Une période choisie ne peut pas dépasser cinq ans\u00a0: faites plusieurs rapports.")
            )
        return cleaned

    def period(self):
        """The Period asked for; call after is_valid()."""
        data = self.cleaned_data
        kind = data["kind"]
        if kind in self.quick:
            return self.quick[kind]
        if kind == Kind.MONTH:
            return Period.month(data["year"], data["month"])
        if kind == Kind.QUARTER:
            return Period.quarter(data["year"], data["quarter"])
        if kind == Kind.YEAR:
            return Period.year(data["year"])
        return Period.between(data["from"], data["to"])

    def query(self):
        """The query string of this form's values, for the links to the exports."""
        return {name: self.data[name] for name in ("kind", "year", "month", "quarter", "from", "to")}
