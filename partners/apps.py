from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("L'agenda sur les sites partenaires")

    def ready(self):
        # Registers the hourly reading of the members' calendars (core.schedule).
        from partners import jobs  # noqa: F401
