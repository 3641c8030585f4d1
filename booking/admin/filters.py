"""The filters of the bookings' and series' lists."""

import datetime

from django.contrib.admin import SimpleListFilter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from booking.models import Room


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
