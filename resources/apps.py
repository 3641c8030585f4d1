from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Ressources")

    def ready(self):
        from resources import listings  # noqa: F401  (registers the « guides » listing)
