from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published


class CoreConfig(AppConfig):
    """The project's shared kit: the site's address, mail through the task queue,
    the scheduler, a cache that survives Redis going away, readiness checks."""

    name = "core"
    verbose_name = _("Outils communs")

    def ready(self):
        from core import admin_words, backup, chooser_ids, jobs, page_cache, renditions, site  # noqa: F401  (backup and jobs register scheduled jobs)

        admin_words.install()
        chooser_ids.install()

        page_cache.connect_signals()
        page_published.connect(renditions.queue_after_publish, dispatch_uid="renditions-after-publish")

        post_migrate.connect(site.sync_site_record, sender=self)
