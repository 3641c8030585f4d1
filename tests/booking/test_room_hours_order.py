"""A room's opening hours keep their order by day and time at each save: the admin's
form numbers its rows in the order shown, so an edited row used to become another
« Plage horaire » (an editor changed Wednesday instead of Tuesday this way)."""

import datetime

from django.contrib.auth import get_user_model

from bs4 import BeautifulSoup

from booking.models import Room, RoomHours
from tests.booking.conftest import make_room


def stored(room):
    return [(row.weekday, row.opens.hour) for row in room.hours.order_by("sort_order")]


def test_a_saved_room_numbers_its_rows_by_day_and_time(db):
    room = make_room(hours=())
    room.hours = [
        RoomHours(weekday=day, opens=datetime.time(hour), closes=datetime.time(hour + 2))
        for day, hour in [(2, 14), (0, 14), (0, 9)]
    ]
    room.save()
    assert stored(room) == [(0, 9), (0, 14), (2, 14)]


def form_data(html):
    """What the browser sends back from the edit form, unchanged."""
    form = BeautifulSoup(html, "html.parser").find("form", method=lambda m: (m or "").lower() == "post")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name, kind = field.get("name"), field.get("type")
        if (
            not name
            or kind in {"submit", "button"}
            or (kind in {"checkbox", "radio"} and not field.has_attr("checked"))
        ):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        else:
            data[name] = field.get("value", "on" if kind == "checkbox" else "")
    return data


def test_a_row_moved_to_another_day_in_the_admin_takes_its_place_in_the_week(demo_site, client):
    client.force_login(get_user_model().objects.get(username="coordination"))
    room = next(room for room in Room.objects.all() if room.hours.count() >= 3)
    url = f"/admin/booking/room/edit/{room.pk}/"
    data = form_data(client.get(url).content.decode())
    first = data["hours-0-weekday"]
    data["hours-0-weekday"] = "6"  # the first row (Monday's, say) becomes Sunday's
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    rows = stored(room)
    assert rows == sorted(rows) and rows[-1][0] == 6
    assert first != "6"
