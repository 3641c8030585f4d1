from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = "Agenda des ateliers"

    def ready(self):
        from agenda import listings, signals  # noqa: F401  (registers the listing, connects signals)
