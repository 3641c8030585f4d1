from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledJob(models.Model):
    """When the scheduler last queued a job and what its last run said: one row per
    job, so that a restart neither repeats nor forgets a run, and several schedulers
    never queue the same run twice (the enqueue is a conditional update)."""

    name = models.CharField(_("tâche"), max_length=64, primary_key=True)
    last_enqueued_at = models.DateTimeField(_("dernière mise en file"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("dernière fin"), null=True, blank=True)
    last_outcome = models.TextField(_("dernier résultat"), blank=True)

    class Meta:
        verbose_name = _("tâche planifiée")
        verbose_name_plural = _("tâches planifiées")

    def __str__(self):
        return self.name
