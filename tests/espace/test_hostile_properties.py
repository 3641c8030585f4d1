"""Property-based (hypothesis) companions of the hostile-input crawl: where a rule reads
free text from outside (a CSV cell, a proxy header, a filter, a search, a slot in an
address), any text at all, not only the crawl's list, gives an answer, never an error."""

import datetime
import ipaddress
from urllib.parse import quote_from_bytes, urlencode

from django.test import Client, RequestFactory, override_settings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.forms import AgendaFilters
from agenda.models import Occurrence
from booking.views import initial_slot, parse_week
from core.exports import FORMULA_STARTS, csv_cell
from core.ratelimit import client_ip
from resources.forms import LibraryFilters
from resources.models import GuidePage
from tests.booking.conftest import make_room

DB_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Dates as people type them, at the edges of the calendar, or anything at all.
date_texts = st.one_of(st.dates().map(datetime.date.isoformat), st.text(max_size=30))
time_texts = st.one_of(st.times().map(datetime.time.isoformat), st.text(max_size=12))


@given(st.text())
def test_no_csv_cell_starts_a_formula_and_none_loses_its_text(text):
    cell = csv_cell(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell in (text, "'" + text)


@given(header=st.text(), remote=st.sampled_from(["198.51.100.7", "2001:db8::7", "", "pas-une-adresse"]))
def test_a_client_never_chooses_its_address(header, remote):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR=remote)
    assert client_ip(request) == remote


@given(header=st.lists(st.one_of(st.ip_addresses().map(str), st.text(max_size=20)), max_size=5).map(",".join))
def test_behind_the_trusted_proxy_the_address_is_its_own_or_one_the_proxy_wrote(header):
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="10.0.0.2")
    with override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], TRUSTED_PROXY_COUNT=1):
        address = client_ip(request)
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    assert address == "10.0.0.2" or address == str(ipaddress.ip_address(hops[-1]))


@given(st.text(max_size=30))
def test_any_week_in_an_address_is_a_monday_or_refused(value):
    monday = parse_week(value, datetime.date(2026, 12, 2))
    assert monday is None or monday.weekday() == 0


@pytest.fixture
def room(db):
    return make_room()


@DB_SETTINGS
@given(day=date_texts, start=time_texts)
def test_any_slot_in_a_booking_address_prefills_a_valid_form_or_none(room, day, start):
    initial = initial_slot(room, {"date": day, "debut": start})
    assert len(initial["form_key"]) == 32
    if "date" in initial:
        assert isinstance(initial["date"], datetime.date) and isinstance(initial["end"], datetime.time)


@pytest.mark.django_db
@DB_SETTINGS
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "categorie": st.text(max_size=40),
            "public": st.text(max_size=40),
            "niveau": st.text(max_size=40),
            "membre": st.text(max_size=40),
            "du": date_texts,
            "au": date_texts,
        },
    )
)
def test_any_agenda_filter_gives_a_list_or_says_what_is_wrong(data):
    filters = AgendaFilters(data)
    list(filters.apply(Occurrence.objects.all()))
    if not filters.is_valid():
        assert all(isinstance(message, str) for errors in filters.errors.values() for message in errors)


@pytest.mark.django_db
@DB_SETTINGS
@given(data=st.dictionaries(st.sampled_from(["q", "theme", "niveau", "public", "format"]), st.text(max_size=200)))
def test_any_library_filter_gives_a_list_or_says_what_is_wrong(data):
    filters = LibraryFilters(data)
    list(filters.apply(GuidePage.objects.live()))
    assert filters.is_valid() or filters.errors


@pytest.mark.django_db
@DB_SETTINGS
@given(raw=st.binary(max_size=200))
def test_any_search_bytes_answer_a_page(raw, demo_site):
    response = Client().get("/recherche/", QUERY_STRING="q=" + quote_from_bytes(raw))
    assert response.status_code in (200, 400)


@pytest.mark.django_db
@DB_SETTINGS
@given(
    query=st.dictionaries(st.sampled_from(["categorie", "public", "niveau", "membre", "du", "au", "page"]), st.text())
)
def test_any_agenda_address_answers_a_page(query, demo_site):
    assert Client().get("/agenda/?" + urlencode(query)).status_code in (200, 400)
