from django.db import migrations

from home.services import DEFAULT_SERVICES, ensure_services


def add_services(apps, schema_editor):
    ensure_services(apps.get_model("home", "Service"))


def remove_services(apps, schema_editor):
    apps.get_model("home", "Service").objects.filter(slug__in=[slug for slug, *_ in DEFAULT_SERVICES]).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0002_members")]
    operations = [migrations.RunPython(add_services, remove_services)]
