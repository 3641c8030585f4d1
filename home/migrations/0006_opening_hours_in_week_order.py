"""The opening hours already stored, numbered by day and time: the demo's rows had no
sort_order, so an edited row moved to the bottom and « Plage horaire 1 » became another day."""

from django.db import migrations

from core.opening_hours import renumber_in_week_order


def number_rows(apps, schema_editor):
    renumber_in_week_order(apps.get_model("home", "OpeningHours"), "page")


class Migration(migrations.Migration):
    dependencies = [("home", "0005_one_vocabulary_and_listings_from_the_apps")]

    operations = [migrations.RunPython(number_rows, migrations.RunPython.noop)]
