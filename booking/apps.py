from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Réservation des salles")

    def ready(self):
        # jobs registers the scheduled housekeeping.
        from booking import db_guard, jobs  # noqa: F401

        post_migrate.connect(db_guard.reinstall_sqlite_triggers, sender=self)
