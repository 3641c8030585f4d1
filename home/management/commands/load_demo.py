from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = (
        "Builds the demo site: pages, settings and demo accounts. Each app contributes "
        "its own `demo.build()` step, in INSTALLED_APPS order. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(_("Le contenu de démonstration (et ses comptes) est interdit avec ces réglages."))
        accounts = []
        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if module_has_submodule(app_config.module, "demo"):
                    accounts += import_module(f"{app_config.name}.demo").build() or []
        self.stdout.write(self.style.SUCCESS(_("Contenu de démonstration prêt.")))
        self.stdout.write(_("Comptes de démonstration (identifiant / mot de passe) :"))
        for login, password, role in accounts:
            self.stdout.write(f"  {login} / {password}  ({role})")
