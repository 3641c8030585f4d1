from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda des ateliers")

    def ready(self):
        # Registers the listing, the room blocker, the registrations shown with one's
        # bookings and the scheduled job; connects signals.
        from agenda import jobs, listings, my_registrations, rooms, signals  # noqa: F401
