from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    name = "follow"
    verbose_name = _("Suivre les ateliers par courriel")

    def ready(self):
        # Registers the scheduled jobs (core.schedule).
        from follow import jobs  # noqa: F401
