from django.db import migrations


def seed(apps, schema_editor):
    from reemploi.impact import ensure_factors

    ensure_factors(apps.get_model("reemploi", "ImpactFactor"))


class Migration(migrations.Migration):
    dependencies = [("reemploi", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
