from django.core.management.base import BaseCommand

from core import renditions


class Command(BaseCommand):
    help = (
        "Prépare les images de toutes les pages publiées (les tailles et formats que leurs gabarits "
        "demandent), pour qu'aucun visiteur n'attende leur encodage : après une restauration ou un "
        "déploiement qui change les gabarits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="confier le travail au worker (au démarrage du site)")

    def handle(self, *args, **options):
        if options["queue"]:
            renditions.make_page_renditions.enqueue()
            self.stdout.write("Préparation des images confiée au worker.")
        else:
            self.stdout.write(renditions.make_page_renditions.call())
