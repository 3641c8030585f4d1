"""Who each booking is for, as the activity report counts it. Existing rows are set from what
they still hold: a series, or a team booking by a member's editor, is the member's (their
first member page, by title); else an organisation makes it an association's, and nothing a
resident's. Rows already anonymised lost booked_by and organisation: they count as residents
unless they belong to a series."""

import django.db.models.deletion
from django.db import migrations, models

# core.groups.MEMBER_GROUP_PREFIX, frozen here: a migration must not change with the code.
MEMBER_GROUP_PREFIX = "Membre : "


def first_member_page(apps, user_id, cache):
    if user_id not in cache:
        GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
        MemberPage = apps.get_model("home", "MemberPage")
        page_ids = GroupPagePermission.objects.filter(
            group__user=user_id, group__name__startswith=MEMBER_GROUP_PREFIX, permission__codename="change_page"
        ).values("page_id")
        cache[user_id] = MemberPage.objects.filter(pk__in=page_ids).order_by("title").values_list("pk", flat=True).first()
    return cache[user_id]


def set_booker_kinds(apps, schema_editor):
    Booking = apps.get_model("booking", "Booking")
    cache = {}
    rows = Booking.objects.values_list("pk", "series_id", "series__requested_by_id", "booked_by_id", "organisation")
    for pk, series_id, requested_by_id, booked_by_id, organisation in list(rows):
        user_id = requested_by_id if series_id else booked_by_id
        member_id = first_member_page(apps, user_id, cache) if user_id else None
        if series_id or member_id:
            kind = "member"
        elif organisation:
            kind = "association"
        else:
            continue  # the default: a resident
        Booking.objects.filter(pk=pk).update(booker_kind=kind, member_id=member_id)


class Migration(migrations.Migration):

    dependencies = [
        ('booking', '0003_booking_form_key'),
        ('home', '0005_one_vocabulary_and_listings_from_the_apps'),
    ]

    operations = [
        migrations.AddField(
            model_name='booking',
            name='booker_kind',
            field=models.CharField(choices=[('member', 'Membre du collectif'), ('association', 'Association'), ('resident', 'Particulier')], default='resident', max_length=12, verbose_name='type de demandeur'),
        ),
        migrations.AddField(
            model_name='booking',
            name='member',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.memberpage', verbose_name='membre du collectif'),
        ),
        migrations.RunPython(set_booker_kinds, migrations.RunPython.noop),
    ]
