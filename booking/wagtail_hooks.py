"""The « Réservations » menu of the admin: the requests to accept, the planning of
all rooms, the bookings, booking for someone, weekly series and the rooms."""

import datetime

from django.contrib.admin import SimpleListFilter
from django.contrib.auth.models import Permission
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import InspectView

from booking import admin_views
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


class BookingPermissionHelper(PermissionHelper):
    """The team reads bookings and acts on them through the buttons (accept, decline,
    cancel); what the person wrote is never edited here, nor deleted (old bookings
    are anonymised on schedule)."""

    def user_can_create(self, user):
        return user.has_perm(admin_views.BOOK_FOR_SOMEONE)  # through « Réserver pour quelqu'un »

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class BookingButtonHelper(ButtonHelper):
    def add_button(self, classnames_add=None, classnames_exclude=None):
        button = super().add_button(classnames_add, classnames_exclude)
        button.update(
            url=reverse("booking_admin_book_for_someone"),
            label=gettext("Réserver pour quelqu'un"),
            title=gettext("Réserver une salle pour une personne qui n'a pas d'adresse électronique"),
        )
        return button

    def inspect_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().inspect_button(pk, classnames_add, classnames_exclude)
        button.update(label=gettext("Voir"), title=gettext("Voir toute la réservation"))
        return button

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        inspecting = isinstance(self.view, InspectView)
        back = self.url_helper.index_url if inspecting else self.request.get_full_path()
        small = "" if inspecting else " button-small"
        if self.request.user.has_perm(admin_views.ACT_ON_BOOKINGS) and obj.end > timezone.now():
            if obj.status == Status.PENDING:
                buttons.append(self.action(obj, "approve", gettext("Accepter"), f"button{small}", back))
                buttons.append(self.action(obj, "decline", gettext("Refuser"), f"button no{small}", back))
            elif obj.status in ACTIVE:
                buttons.append(self.action(obj, "cancel", gettext("Annuler"), f"button no{small}", back))
        if inspecting:
            buttons.append(
                {
                    "url": reverse("booking_admin_print", args=[obj.pk]),
                    "label": gettext("Page à imprimer"),
                    "classname": "button button-secondary",
                    "title": gettext("Une page à imprimer et à donner à la personne"),
                }
            )
        return buttons

    def action(self, obj, action, label, classname, back):
        return {
            "url": f"{reverse(f'booking_admin_{action}', args=[obj.pk])}?{urlencode({'next': back})}",
            "label": label,
            "classname": classname,
            "title": f"{label} : {obj}",
        }


class WhenFilter(SimpleListFilter):
    """By date, the bookings to come first: the list opens on them."""

    title = _("date")
    parameter_name = "quand"

    def lookups(self, request, model_admin):
        return [
            ("a-venir", _("À venir")),
            ("aujourdhui", _("Aujourd'hui")),
            ("7-jours", _("Les 7 prochains jours")),
            ("passees", _("Passées")),
            ("toutes", _("Toutes")),
        ]

    def value(self):
        return super().value() or "a-venir"

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        now = timezone.now()
        today = timezone.localdate(now)
        midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time(0)))
        value = self.value()
        if value == "aujourdhui":
            return queryset.filter(end__gt=midnight, start__lt=midnight + datetime.timedelta(days=1))
        if value == "7-jours":
            return queryset.filter(end__gt=now, start__lt=midnight + datetime.timedelta(days=8))
        if value == "passees":
            return queryset.filter(end__lte=now).order_by("-start")
        if value == "toutes":
            return queryset
        return queryset.filter(end__gt=now)


class RoomFilter(SimpleListFilter):
    title = _("salle")
    parameter_name = "salle"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Room.objects.values_list("pk", "name")]

    def queryset(self, request, queryset):
        return queryset.filter(room_id=self.value()) if self.value() else queryset


class BookingInspectView(InspectView):
    page_title = _("Réservation")

    def get_field_display_value(self, field_name, field=None):
        if field_name in ("start", "end", "created_at"):
            return date_format(timezone.localtime(getattr(self.instance, field_name)), "l j F Y, H:i")
        if field_name == "answers":
            answers = self.instance.answers or {}
            return " ; ".join(f"{question} {answer}" for question, answer in answers.items()) or "-"
        return super().get_field_display_value(field_name, field)


class BookingAdmin(ModelAdmin):
    model = Booking
    menu_label = _("Toutes les réservations")
    menu_icon = "list-ul"
    list_display = ["when", "room", "name", "organisation", "people", "status"]
    list_filter = [WhenFilter, RoomFilter, "status"]
    search_fields = ["name", "email", "organisation", "purpose"]
    ordering = ["start"]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = BookingInspectView
    inspect_view_fields = [
        "room",
        "start",
        "end",
        "status",
        "name",
        "email",
        "phone",
        "organisation",
        "purpose",
        "people",
        "answers",
        "reason",
        "series",
        "booked_by",
        "created_at",
    ]
    list_export = [
        "room",
        "day",
        "start_time",
        "end_time",
        "status_label",
        "name",
        "email",
        "phone",
        "organisation",
        "purpose",
        "people",
        "reason",
    ]
    export_filename = "reservations"
    index_view_class = FrenchExportIndexView
    permission_helper_class = BookingPermissionHelper
    button_helper_class = BookingButtonHelper

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("room", "series")

    def create_view(self, request):
        return redirect("booking_admin_book_for_someone")

    @staticmethod
    def when(obj):
        start, end = timezone.localtime(obj.start), timezone.localtime(obj.end)
        return f"{date_format(start, 'D d/m/Y')}, {start:%H:%M}–{end:%H:%M}"

    @staticmethod
    def day(obj):
        return date_format(timezone.localtime(obj.start), "d/m/Y")

    @staticmethod
    def start_time(obj):
        return f"{timezone.localtime(obj.start):%H:%M}"

    @staticmethod
    def end_time(obj):
        return f"{timezone.localtime(obj.end):%H:%M}"

    @staticmethod
    def status_label(obj):
        return obj.get_status_display()


BookingAdmin.when.short_description = _("quand")
BookingAdmin.when.admin_order_field = "start"
BookingAdmin.day.short_description = _("date")
BookingAdmin.start_time.short_description = _("de")
BookingAdmin.end_time.short_description = _("à")
BookingAdmin.status_label.short_description = _("état")


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


class SeriesPermissionHelper(PermissionHelper):
    """A series is changed by cancelling its dates, on its own page."""

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class SeriesButtonHelper(ButtonHelper):
    def add_button(self, classnames_add=None, classnames_exclude=None):
        button = super().add_button(classnames_add, classnames_exclude)
        button.update(
            url=reverse("booking_admin_series_request"),
            label=gettext("Demander une série"),
            title=gettext("Réserver une salle chaque semaine"),
        )
        return button

    def detail_button(self, obj):
        return {
            "url": reverse("booking_admin_series", args=[obj.pk]),
            "label": gettext("Voir les dates"),
            "classname": "button button-small button-secondary",
            "title": gettext("Les dates de la série %(series)s") % {"series": obj},
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        return [self.detail_button(obj)]

    def get_primary_button(self, obj):
        return self.detail_button(obj)


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
        return admin_views.series_visible_to(request.user, queryset)

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


# The menu ---------------------------------------------------------------------------


class PermissionMenuItem(MenuItem):
    """A menu link to one of our own admin pages, shown to who may use it."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class BookingAdminGroup(ModelAdminGroup):
    menu_label = _("Réservations")
    menu_icon = "calendar-alt"
    menu_order = 260
    items = [PendingBookingAdmin, BookingAdmin, SeriesAdmin, RoomAdmin]

    def get_submenu_items(self):
        pending, bookings, series, rooms = self.modeladmin_instances
        return [
            pending.get_menu_item(order=1),
            PermissionMenuItem(
                _("Planning"),
                reverse_lazy("booking_admin_planning"),
                name="booking-planning",
                icon_name="table",
                order=2,
                permission=admin_views.SEE_BOOKINGS,
            ),
            bookings.get_menu_item(order=3),
            PermissionMenuItem(
                _("Réserver pour quelqu'un"),
                reverse_lazy("booking_admin_book_for_someone"),
                name="booking-for-someone",
                icon_name="plus",
                order=4,
                permission=admin_views.BOOK_FOR_SOMEONE,
            ),
            series.get_menu_item(order=5),
            PermissionMenuItem(
                _("Demander une série"),
                reverse_lazy("booking_admin_series_request"),
                name="booking-series-request",
                icon_name="circle-plus",
                order=6,
                permission=admin_views.REQUEST_SERIES,
            ),
            rooms.get_menu_item(order=7),
        ]


modeladmin_register(BookingAdminGroup)


@hooks.register("register_admin_urls")
def booking_admin_urls():
    views = admin_views
    return [
        path("reservations/planning/", views.planning_view, name="booking_admin_planning"),
        path("reservations/pour-quelqu-un/", views.book_for_someone_view, name="booking_admin_book_for_someone"),
        path("reservations/<int:booking_id>/imprimer/", views.booking_print_view, name="booking_admin_print"),
        path(
            "reservations/<int:booking_id>/accepter/",
            views.booking_action_view,
            {"action": "approve"},
            name="booking_admin_approve",
        ),
        path(
            "reservations/<int:booking_id>/refuser/",
            views.booking_action_view,
            {"action": "decline"},
            name="booking_admin_decline",
        ),
        path(
            "reservations/<int:booking_id>/annuler/",
            views.booking_action_view,
            {"action": "cancel"},
            name="booking_admin_cancel",
        ),
        path("reservations/series/demander/", views.series_request_view, name="booking_admin_series_request"),
        path("reservations/series/<int:series_id>/", views.series_detail_view, name="booking_admin_series"),
        path(
            "reservations/series/<int:series_id>/annuler/",
            views.series_cancel_view,
            name="booking_admin_series_cancel",
        ),
        path(
            "reservations/series/<int:series_id>/annuler/<int:booking_id>/",
            views.series_cancel_view,
            name="booking_admin_series_cancel_date",
        ),
        path(
            "reservations/series/<int:series_id>/accepter/",
            views.series_approve_view,
            name="booking_admin_series_approve",
        ),
    ]


# Permissions, given when the groups are set up (core/groups.py) --------------------


def grant(group, codenames):
    group.permissions.add(*Permission.objects.filter(content_type__app_label="booking", codename__in=codenames))


@hooks.register("espace_setup_coordination_group")
def let_coordination_manage_bookings(group, workflow):
    models = ("room", "booking", "series")
    grant(group, [f"{action}_{model}" for action in ("add", "change", "view") for model in models])


@hooks.register("espace_setup_member_group")
def let_members_request_series(group, member_page):
    """Members book weekly series for their activities and see their own series;
    never the bookings of the public."""
    grant(group, ["add_series", "view_series"])


@hooks.register("espace_my_space_sections")
def my_series(request, member_pages):
    """On the member's dashboard: its weekly series still running, and how to ask for one."""
    if not request.user.has_perm(admin_views.REQUEST_SERIES):
        return None
    running = admin_views.series_visible_to(
        request.user, Series.objects.filter(until__gte=timezone.localdate()).select_related("room")
    ).order_by("first_date")[:8]
    items = [(f"{item} — {item.room.name}", reverse("booking_admin_series", args=[item.pk])) for item in running]
    ask = gettext("Demander une série (la même salle chaque semaine)")
    items.append((ask, reverse("booking_admin_series_request")))
    return (gettext("Mes réservations de salles chaque semaine"), items)
