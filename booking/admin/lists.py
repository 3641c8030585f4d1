"""The lists of the « Réservations » menu (wagtail-modeladmin): the requests to accept,
all bookings, the weekly series and the rooms."""

from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import InspectView

from booking.admin.buttons import BookingButtonHelper, SeriesButtonHelper
from booking.admin.filters import RoomFilter, WhenFilter
from booking.admin.permissions import BookingPermissionHelper, SeriesPermissionHelper, series_visible_to
from booking.models import ACTIVE, Booking, Room, Series, Status
from core.admin_lists import GuardedIndexView, yes_no
from core.exports import FrenchExportIndexView

# Rooms ------------------------------------------------------------------------------


class RoomAdmin(ModelAdmin):
    model = Room
    menu_label = _("Salles")
    menu_icon = "home"
    list_display = ["name", "capacity", "approval", "online"]
    search_fields = ["name"]
    index_view_class = GuardedIndexView

    @staticmethod
    def approval(obj):
        return yes_no(obj.needs_approval)

    @staticmethod
    def online(obj):
        return yes_no(obj.bookable)


RoomAdmin.approval.short_description = _("validation par la coordination")
RoomAdmin.online.short_description = _("réservable en ligne")


# Bookings ---------------------------------------------------------------------------

# What the person gave, shown in full and exported.
PERSON_FIELDS = ["name", "email", "phone", "organisation", "purpose", "people"]


class BookingInspectView(InspectView):
    page_title = _("Réservation")

    def get_field_display_value(self, field_name, field=None):
        if field_name in ("start", "end", "created_at"):
            return date_format(timezone.localtime(getattr(self.instance, field_name)), "l j F Y, H:i")
        if field_name == "answers":
            answers = self.instance.answers or {}
            return "\u00a0; ".join(f"{question} {answer}" for question, answer in answers.items()) or "-"
        return super().get_field_display_value(field_name, field)


class BookingAdmin(ModelAdmin):
    model = Booking
    menu_label = _("Toutes les réservations")
    menu_icon = "list-ul"
    list_display = ["when", "room", "name", "organisation", "booker_kind", "people", "status"]
    list_filter = [WhenFilter, RoomFilter, "status", "booker_kind"]
    search_fields = ["name", "email", "organisation", "purpose"]
    ordering = ["start"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = BookingInspectView
    inspect_view_fields = [
        "room", "start", "end", "status", *PERSON_FIELDS, "answers", "reason", "series", "booked_by",
        "booker_kind", "member", "created_at",
    ]  # fmt: skip
    list_export = ["room", "day", "start_time", "end_time", "status_label", *PERSON_FIELDS, "reason", "booker_label"]
    export_filename = "reservations"
    index_view_class = FrenchExportIndexView
    permission_helper_class = BookingPermissionHelper
    button_helper_class = BookingButtonHelper

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("room", "series", "member")

    def create_view(self, request):
        return redirect("booking_admin_book_for_someone")

    @staticmethod
    def when(obj):
        start, end = timezone.localtime(obj.start), timezone.localtime(obj.end)
        return f"{date_format(start, 'D d/m/Y')}, {start:%H:%M}–{end:%H:%M}"

    # Dates and times as values: the exports type them (core.exports), in Paris time.
    @staticmethod
    def day(obj):
        return timezone.localdate(obj.start)

    @staticmethod
    def start_time(obj):
        return timezone.localtime(obj.start).time()

    @staticmethod
    def end_time(obj):
        return timezone.localtime(obj.end).time()

    @staticmethod
    def status_label(obj):
        return obj.get_status_display()

    @staticmethod
    def booker_label(obj):
        return obj.get_booker_kind_display()


BookingAdmin.when.short_description = _("quand")
BookingAdmin.when.admin_order_field = "start"
BookingAdmin.day.short_description = _("date")
BookingAdmin.start_time.short_description = _("de")
BookingAdmin.end_time.short_description = _("à")
BookingAdmin.status_label.short_description = _("état")
BookingAdmin.booker_label.short_description = _("type de demandeur")


class PendingIndexView(FrenchExportIndexView):
    page_title = _("À valider")


class PendingBookingAdmin(BookingAdmin):
    """The inbox: the requests waiting for Coordination, the soonest first."""

    menu_label = _("À valider")
    menu_icon = "tasks"
    base_url_path = "booking/a-valider"
    index_view_class = PendingIndexView
    list_display = ["when", "room", "name", "organisation", "people", "purpose"]
    list_filter = [RoomFilter]
    list_export = ()

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Status.PENDING)

    def get_permissions_for_registration(self):
        return Permission.objects.none()  # BookingAdmin registers them

    def register_admin_url_finders(self):
        pass  # links to a booking lead to BookingAdmin


# Series -----------------------------------------------------------------------------


class SeriesAdmin(ModelAdmin):
    model = Series
    menu_label = _("Séries")
    menu_icon = "rotate"
    list_display = ["organisation", "room", "schedule", "first_date", "until", "upcoming_count", "requested_by"]
    list_filter = [RoomFilter]
    search_fields = ["organisation"]
    index_view_class = GuardedIndexView
    permission_helper_class = SeriesPermissionHelper
    button_helper_class = SeriesButtonHelper

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("room", "requested_by")
            .annotate(
                upcoming=Count("bookings", filter=Q(bookings__status__in=ACTIVE, bookings__start__gt=timezone.now()))
            )
        )
        return series_visible_to(request.user, queryset)

    def create_view(self, request):
        return redirect("booking_admin_series_request")

    @staticmethod
    def schedule(obj):
        return gettext("chaque %(day)s, %(start)s–%(end)s") % {
            "day": obj.get_weekday_display(),
            "start": f"{obj.start_time:%H:%M}",
            "end": f"{obj.end_time:%H:%M}",
        }

    @staticmethod
    def upcoming_count(obj):
        return obj.upcoming


SeriesAdmin.schedule.short_description = _("horaire")
SeriesAdmin.upcoming_count.short_description = _("dates à venir")
SeriesAdmin.upcoming_count.admin_order_field = "upcoming"
