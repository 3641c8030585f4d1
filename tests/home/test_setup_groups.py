from django.contrib.auth.models import Group, Permission
from django.core.management import call_command


def test_setup_groups_gives_existing_groups_the_permissions_of_new_features(home_page):
    coordination = Group.objects.get(name="Coordination")
    member = Group.objects.get(name="Membre : Les Mulots")
    # A site set up before room booking existed: its groups lack its permissions.
    coordination.permissions.remove(*Permission.objects.filter(content_type__app_label="booking"))
    member.permissions.remove(*Permission.objects.filter(content_type__app_label="booking"))

    call_command("setup_groups", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("setup_groups", stdout=open("/dev/null", "w"))  # noqa: SIM115  (idempotent)

    assert coordination.permissions.filter(codename="change_booking").exists()
    assert member.permissions.filter(codename="add_series").exists()
    assert not member.permissions.filter(codename="view_booking").exists()
