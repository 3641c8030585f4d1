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


class WorkerBeat(models.Model):
    """The last sign of life of each worker process (core.workers): a task left RUNNING by
    a worker that stopped beating was interrupted (killed, its machine gone) and is taken
    back; readiness says when no worker beats."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    seen_at = models.DateTimeField(_("vu le"))

    class Meta:
        verbose_name = _("signe de vie d'un worker")
        verbose_name_plural = _("signes de vie des workers")

    def __str__(self):
        return self.worker_id


class DeliveredMail(models.Model):
    """A queued mail the SMTP server accepted, by its task: a task taken back after its
    worker was killed does not send it again (core.mail.deliver)."""

    task_id = models.UUIDField(primary_key=True)
    delivered_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("courriel envoyé")
        verbose_name_plural = _("courriels envoyés")

    def __str__(self):
        return str(self.task_id)
