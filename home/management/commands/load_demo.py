import io
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _

from wagtail.signal_handlers import disable_reference_index_auto_update


class Command(BaseCommand):
    help = (
        "Builds the demo site: pages, settings and demo accounts. Each app contributes "
        "its own `demo.build()` step, in INSTALLED_APPS order. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(_("Le contenu de démonstration (et ses comptes) est interdit avec ces réglages."))
        accounts = []
        # Wagtail's reference index (the "usage" of an image or a page) is built once at the
        # end: updated at each of the demo's saves, it took a third of the loader's time.
        with transaction.atomic():
            with disable_reference_index_auto_update():
                for app_config in apps.get_app_configs():
                    if module_has_submodule(app_config.module, "demo"):
                        accounts += import_module(f"{app_config.name}.demo").build() or []
            call_command("rebuild_references_index", stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS(_("Contenu de démonstration prêt.")))
        self.stdout.write(_("Comptes de démonstration (identifiant / mot de passe)\u00a0:"))
        for login, password, role in accounts:
            self.stdout.write(f"  {login} / {password}  ({role})")
