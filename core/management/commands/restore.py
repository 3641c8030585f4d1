from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde (base de données et médias), puis la compare à son inventaire. "
        "Refuse de remplacer une base qui contient des comptes ou des pages, sauf avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="le fichier espace-AAAAMMJJ-HHMMSS.tar")
        parser.add_argument("--force", action="store_true", help="remplacer une base qui a déjà du contenu")

    def handle(self, *args, archive, force=False, **options):
        try:
            found = backup.restore_backup(archive, force=force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        if found:
            raise CommandError("Restauration incomplète :\n" + "\n".join(found))
        self.stdout.write(f"Restauré depuis {archive} : 0 différence avec l'inventaire de la sauvegarde.")
