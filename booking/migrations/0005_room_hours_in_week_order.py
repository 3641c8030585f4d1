"""The rooms' opening hours already stored, numbered by day and time (as home's 0006)."""

from django.db import migrations

from core.opening_hours import renumber_in_week_order


def number_rows(apps, schema_editor):
    renumber_in_week_order(apps.get_model("booking", "RoomHours"), "room")


class Migration(migrations.Migration):
    dependencies = [("booking", "0004_booker_kind")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop)]
