from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda des ateliers")

    def ready(self):
        from agenda import listings, rooms, signals  # noqa: F401  (registers the listing and room blocker, connects signals)
