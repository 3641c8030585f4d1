from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Ressources"

    def ready(self):
        from resources import listings  # noqa: F401  (registers the « guides » listing)
