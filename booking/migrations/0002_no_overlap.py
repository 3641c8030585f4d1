"""The no-overlap guard of bookings, in each database's own SQL (booking/db_guard.py)."""

from django.db import migrations

from booking import db_guard


def install(apps, schema_editor):
    db_guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("booking", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
