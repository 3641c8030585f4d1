from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReemploiConfig(AppConfig):
    name = "reemploi"
    verbose_name = _("Réemploi et réparation")

    def ready(self):
        # Registers the scheduled purge (core.schedule).
        from reemploi import jobs  # noqa: F401
