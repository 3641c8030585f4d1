"""Wagtail's history kept each registration's label, then the person's name: it becomes « inscription n° id »."""

from django.db import migrations

from core.person import number_history_labels


def number_labels(apps, schema_editor):
    number_history_labels(apps, "agenda", "registration", "inscription")


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0010_registrations_by_the_team_and_session_messages"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(number_labels, migrations.RunPython.noop)]
