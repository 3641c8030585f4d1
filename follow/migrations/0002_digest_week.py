"""The week of each address's last Monday summary. Existing rows take the week of their last
mail, so that a summary sent this Monday, before the upgrade, is not sent again this week."""

import datetime

from django.db import migrations, models
from django.utils import timezone


def from_last_mail(apps, schema_editor):
    Subscription = apps.get_model("follow", "Subscription")
    for subscription in Subscription.objects.filter(last_sent_at__isnull=False):
        day = timezone.localdate(subscription.last_sent_at)
        subscription.digest_week = day - datetime.timedelta(days=day.weekday())
        subscription.save(update_fields=["digest_week"])


class Migration(migrations.Migration):
    dependencies = [("follow", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="digest_week",
            field=models.DateField(blank=True, null=True, verbose_name="semaine du dernier résumé"),
        ),
        migrations.RunPython(from_last_mail, migrations.RunPython.noop),
    ]
