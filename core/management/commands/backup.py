from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = (
        "Écrit une sauvegarde datée (base de données, fichiers des médias, inventaire) dans BACKUP_DIR. "
        "Le planificateur la fait chaque nuit et garde BACKUP_KEEP_DAYS jours."
    )

    def handle(self, *args, **options):
        try:
            path = backup.create_backup()
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        manifest = backup.read_manifest(path)
        self.stdout.write(
            f"{path}\u00a0: {sum(manifest['tables'].values())} lignes dans {len(manifest['tables'])} tables, "
            f"{len(manifest['media'])} fichier(s) de médias, {path.stat().st_size / 1_000_000:.1f} Mo"
        )
