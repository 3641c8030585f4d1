from django.core.management.base import BaseCommand, CommandError

from core import backup

# The exit status says what became of the site (docs/sauvegardes.md): 0 restored whole,
# 2 refused or damaged archive (nothing changed), 3 restored with differences.
NOTHING_CHANGED, INCOMPLETE = 2, 3


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
        except backup.RestoreIncomplete as error:
            raise CommandError(str(error), returncode=INCOMPLETE) from error
        except backup.BackupError as error:
            raise CommandError(str(error), returncode=NOTHING_CHANGED) from error
        if found:
            raise CommandError("Restauration incomplète\u00a0:\n" + "\n".join(found), returncode=INCOMPLETE)
        self.stdout.write(f"Restauré depuis {archive}\u00a0: 0 différence avec l'inventaire de la sauvegarde.")
