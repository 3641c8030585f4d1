import io
from contextlib import contextmanager
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _

from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler


class Command(BaseCommand):
    help = (
        "Builds the demo site: pages, settings and demo accounts. Each app contributes "
        "its own `demo.build()` step, in INSTALLED_APPS order. Safe to run again."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError(_("Le contenu de démonstration (et ses comptes) est interdit avec ces réglages."))
        accounts = []
        # Wagtail's reference index (the "usage" of an image or a page) and the search index
        # are built once at the end: updated at each of the demo's saves, they took half of
        # the loader's time.
        with transaction.atomic():
            with disable_reference_index_auto_update(), search_index_built_at_the_end():
                for app_config in apps.get_app_configs():
                    if module_has_submodule(app_config.module, "demo"):
                        accounts += import_module(f"{app_config.name}.demo").build() or []
            call_command("rebuild_references_index", stdout=io.StringIO())
            call_command("update_index", stdout=io.StringIO())
        self.stdout.write(self.style.SUCCESS(_("Contenu de démonstration prêt.")))
        self.stdout.write(_("Comptes de démonstration (identifiant / mot de passe)\u00a0:"))
        for login, password, role in accounts:
            self.stdout.write(f"  {login} / {password}  ({role})")


@contextmanager
def search_index_built_at_the_end():
    """No search index update at each save (the caller rebuilds it once)."""
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
