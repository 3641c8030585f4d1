from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import twofactor


class Command(BaseCommand):
    help = (
        "Retire les applications de codes d'un compte (téléphone perdu ou changé). "
        "À la prochaine connexion, la personne en ajoute une nouvelle si son compte l'exige."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="l'identifiant du compte")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Aucun compte «\u00a0{username}\u00a0».")
        count = twofactor.remove_devices(user)
        self.stdout.write(f"{count} application(s) de codes retirée(s) du compte «\u00a0{username}\u00a0».")
