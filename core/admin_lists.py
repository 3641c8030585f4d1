"""The admin lists (wagtail-modeladmin) read only the filters they show.

modeladmin applies any lookup found in the address to the list: a member could add
`?occurrence__atelier__owner__password__startswith=…` to its own registrations and,
from the count, read what it may not see. Here a list takes its own filters, one
field deep, plus the lookups its model admin names in `address_lookups`. A NUL byte,
which PostgreSQL refuses in any text, is dropped from the search and the filters; a
value the field cannot hold leads back to the whole list."""

import re

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from django.utils.translation import gettext

from wagtail_modeladmin.views import IndexView

ADMIN_PREFIX = "/admin/"


# Values Wagtail's own filters answered 500 for: a date at the ends of the calendar has no time
# in UTC (?timestamp_from=0001-01-01 in a history), a number no database integer holds
# (?content_type=99999999999999999999 in the explorer). Free text (the search, `q`) is left alone.
DATE_VALUE = re.compile(r"(\d{4})-\d\d-\d\d")
FILTER_YEARS = range(1900, 2200)
LARGEST_ID_DIGITS = 9
FREE_TEXT = "q"
# Our own admin forms check these values themselves and say what is wrong, in French.
OWN_FORMS = ("/admin/rapport-activite/",)


def is_out_of_range(value):
    date = DATE_VALUE.match(value)
    if date:
        return int(date.group(1)) not in FILTER_YEARS
    return value.isascii() and value.isdigit() and len(value) > LARGEST_ID_DIGITS


class AdminQueryGuardMiddleware:
    """In the admin, a filter's value out of range is dropped, as if not given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        guarded = request.path_info.startswith(ADMIN_PREFIX) and not request.path_info.startswith(OWN_FORMS)
        if guarded and any(
            is_out_of_range(value) for key, values in request.GET.lists() if key != FREE_TEXT for value in values
        ):
            query = request.GET.copy()
            for key in set(query) - {FREE_TEXT}:
                query.setlist(key, [value for value in query.getlist(key) if not is_out_of_range(value)])
            request.GET = query
        return self.get_response(request)


def yes_no(value):
    return "—" if value is None else gettext("oui") if value else gettext("non")


def yes_no_column(field, label):
    """A yes/no column in words: modeladmin would show Django admin's icons, which this
    site does not serve (broken images labelled « None »)."""

    def column(obj):
        return yes_no(getattr(obj, field))

    column.short_description = label
    column.admin_order_field = field
    return column


class GuardedIndexView(IndexView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            # A value the field cannot hold (?occurrence__id__exact=abc): the whole list, and why.
            messages.error(request, gettext("Ce filtre n'existe pas\u00a0: voici toute la liste."))
            return redirect(request.path)

    def get_filters_params(self, params=None):
        allowed = set(getattr(self.model_admin, "address_lookups", ()))
        fields = set()
        for list_filter in self.list_filter:
            if isinstance(list_filter, str):
                fields.add(list_filter)
            elif hasattr(list_filter, "parameter_name"):
                allowed.add(list_filter.parameter_name)
        return {
            key: without_nul(value)
            for key, value in super().get_filters_params(params).items()
            if key in allowed or (key.split("__")[0] in fields and key.count("__") <= 1)
        }

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, without_nul(search_term))


def without_nul(value):
    if isinstance(value, list):
        return [without_nul(item) for item in value]
    return value.replace("\x00", "") if isinstance(value, str) else value
