"""The « Réservations » menu of the admin: each list, followed by our own page that
adds to it (the planning, booking for someone, asking for a series)."""

from dataclasses import dataclass

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdminGroup

from booking.admin.lists import BookingAdmin, PendingBookingAdmin, RoomAdmin, SeriesAdmin
from booking.admin.permissions import BOOK_FOR_SOMEONE, REQUEST_SERIES, SEE_BOOKINGS


class PermissionMenuItem(MenuItem):
    """A menu link to one of our own admin pages, shown to who may use it."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@dataclass(frozen=True)
class OwnPage:
    """One of our own admin pages in the menu; it makes its item as a ModelAdmin does."""

    label: str
    url_name: str
    name: str
    icon: str
    permission: str

    def get_menu_item(self, order):
        return PermissionMenuItem(
            self.label,
            reverse_lazy(self.url_name),
            name=self.name,
            icon_name=self.icon,
            order=order,
            permission=self.permission,
        )


PLANNING = OwnPage(_("Planning"), "booking_admin_planning", "booking-planning", "table", SEE_BOOKINGS)
FOR_SOMEONE = OwnPage(
    _("Réserver pour quelqu'un"), "booking_admin_book_for_someone", "booking-for-someone", "plus", BOOK_FOR_SOMEONE
)
SERIES_REQUEST = OwnPage(
    _("Demander une série"), "booking_admin_series_request", "booking-series-request", "circle-plus", REQUEST_SERIES
)


class BookingAdminGroup(ModelAdminGroup):
    menu_label = _("Réservations")
    menu_icon = "calendar-alt"
    menu_order = 260
    items = [PendingBookingAdmin, BookingAdmin, SeriesAdmin, RoomAdmin]

    def get_submenu_items(self):
        pending, bookings, series, rooms = self.modeladmin_instances
        entries = [pending, PLANNING, bookings, FOR_SOMEONE, series, SERIES_REQUEST, rooms]
        return [entry.get_menu_item(order=order) for order, entry in enumerate(entries, start=1)]
