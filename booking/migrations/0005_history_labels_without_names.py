"""Wagtail's history kept each booking's label, the room and time someone booked: it becomes « réservation n° id »."""

from django.db import migrations

from core.person import number_history_labels


def number_labels(apps, schema_editor):
    number_history_labels(apps, "booking", "booking", "réservation")


class Migration(migrations.Migration):
    dependencies = [
        ("booking", "0004_booker_kind"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(number_labels, migrations.RunPython.noop)]
