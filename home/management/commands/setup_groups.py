from django.core.management.base import BaseCommand
from django.db import transaction

from core.groups import ensure_coordination_group, setup_member
from home.models import HomePage, MemberPage


class Command(BaseCommand):
    help = (
        "Gives Coordination and each member group the permissions the installed apps ask for "
        "(idempotent). Run after an upgrade that adds a feature, e.g. room booking."
    )

    @transaction.atomic
    def handle(self, **options):
        home = HomePage.objects.first()
        if home is None:
            self.stdout.write("Pas encore de page d'accueil\u00a0: rien à faire.")
            return
        ensure_coordination_group(home)
        members = list(MemberPage.objects.all())
        for member in members:
            setup_member(member)
        self.stdout.write(f"Groupes à jour\u00a0: Coordination et {len(members)} membre(s).")
