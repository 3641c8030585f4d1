"""The national activity record (« compte rendu d'activité », CRA) that mediators fill for
their funders on « La Coop de la médiation numérique » (coop-numerique.anct.gouv.fr):
its vocabularies, with the codes and French labels of the national record, and the
columns of its export, so that what the site knows about a session is entered there in a
minute.

Source, read at commit 46aa33bdf21c42c2d5bbb2913f5c453cca5a9542 of the public repository
github.com/inclusion-numerique/coop-mediation-numerique:
- thématiques: apps/web/src/features/activites/use-cases/cra/fields/thematique.ts
  (`thematiqueApiValues`, `thematiqueLabels`);
- matériel: apps/web/src/features/activites/use-cases/cra/fields/materiel.ts
  (`materielApiValues`, `materielLabels`);
- niveau: apps/web/src/features/activites/use-cases/cra/collectif/fields/niveau-atelier.ts
  (`niveauAtelierApiValues`: the values of core.choices.Level);
- type and « canaux »: .../cra/fields/type-activite.ts and .../cra/fields/type-lieu.ts;
- tranche d'âge: apps/web/src/features/beneficiaire/domain/tranche-age.ts;
- the export's columns: apps/web/src/features/activites/use-cases/list/export/
  buildAccompagnementsWorksheet.ts (`activitesTableHeaders`).
The codes are the national API values; a new national code is added here, never invented."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Thematique(models.TextChoices):
    """The « Thématique(s) d'accompagnement » of the national record, in its order."""

    DIAGNOSTIC_NUMERIQUE = "diagnostic_numerique", "Diagnostic numérique"
    PRENDRE_EN_MAIN_DU_MATERIEL = "prendre_en_main_du_materiel", "Prendre en main du matériel"
    MAINTENANCE_DE_MATERIEL = "maintenance_de_materiel", "Maintenance de matériel"
    GERE_SES_CONTENUS_NUMERIQUES = "gere_ses_contenus_numeriques", "Gérer ses contenus numériques"
    NAVIGATION_SUR_INTERNET = "navigation_sur_internet", "Navigation sur internet"
    EMAIL = "email", "E-mail"
    BUREAUTIQUE = "bureautique", "Bureautique"
    RESEAUX_SOCIAUX = "reseaux_sociaux", "Réseaux sociaux communication"
    SANTE = "sante", "Santé"
    BANQUE_ET_ACHATS_EN_LIGNE = "banque_et_achats_en_ligne", "Banque et achats en ligne"
    ENTREPRENEURIAT = "entrepreneuriat", "Accompagner un professionnel"
    INSERTION_PROFESSIONNELLE = "insertion_professionnelle", "Insertion professionnelle"
    SECURITE_NUMERIQUE = "securite_numerique", "Prévention en sécurité numérique"
    PARENTALITE = "parentalite", "Parentalité"
    SCOLARITE_ET_NUMERIQUE = "scolarite_et_numerique", "Scolarité et numérique"
    CREER_AVEC_LE_NUMERIQUE = "creer_avec_le_numerique", "Créer avec le numérique"
    CULTURE_NUMERIQUE = "culture_numerique", "Culture numérique"
    INTELLIGENCE_ARTIFICIELLE = "intelligence_artificielle", "Intelligence artificielle (IA)"
    AIDE_AUX_DEMARCHES_ADMINISTRATIVES = "aide_aux_demarches_administratives", "Aide aux démarches administratives"
    # The administrative ones, which the national form shows under « Aide aux démarches ».
    PAPIERS_ELECTIONS_CITOYENNETE = "papiers_elections_citoyennete", "Papiers - Élections - Citoyenneté"
    FAMILLE_SCOLARITE = "famille_scolarite", "Famille - Scolarité"
    SOCIAL_SANTE = "social_sante", "Social - Santé"
    TRAVAIL_FORMATION = "travail_formation", "Travail - Formation - Entreprise"
    LOGEMENT = "logement", "Logement"
    TRANSPORTS_MOBILITE = "transports_mobilite", "Transports - Mobilité"
    ARGENT_IMPOTS = "argent_impots", "Argent - Impôts"
    JUSTICE = "justice", "Justice"
    ETRANGERS_EUROPE = "etrangers_europe", "Étrangers - Europe"
    LOISIRS_SPORTS_CULTURE = "loisirs_sports_culture", "Loisirs - Sports - Culture"
    ASSOCIATIONS = "associations", "Associations"


class Materiel(models.TextChoices):
    """The « Matériel numérique utilisé » of the national record."""

    ORDINATEUR = "ordinateur", "Ordinateur"
    TELEPHONE = "telephone", "Téléphone"
    TABLETTE = "tablette", "Tablette"
    AUTRE = "autre", "Autre"
    AUCUN = "aucun", "Pas de matériel"


# The niveau of a collective atelier: the national codes are core.choices.Level's values
# (debutant, intermediaire, avance), so the atelier's level is the CRA's as it is.

TYPE_COLLECTIF = "Atelier collectif"  # typeActiviteLabels.Collectif
LIEU_ACTIVITE, AUTRE_LIEU = "Lieu d’activité", "Autre lieu"  # typeLieuLabels
AGE_NON_COMMUNIQUE = "Non communiqué"  # trancheAgeLabels.NonCommunique

# The national export's columns that describe a collective session, in the national
# order. Left out: the Coop's own record (dates of entry, ID CRA), the mediator, and
# every column about one person (name, commune, genre, statut, notes): the site keeps
# none of them in its figures, and the report is anonymous.
CRA_FIELDS = (
    "Date",
    "Type",
    "Participants",
    "Canaux d’accompagnement",
    "Nom du lieu",
    "Adresse",
    "Durée (min)",
    "Nom de l’atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d’accompagnement",
    "Niveau d’autonomie (ou de l’atelier)",
    "Tranche d’âge du bénéficiaire",
)


def in_national_order(codes, choices):
    """The labels of `codes` (values of a TextChoices), once each, in the national order."""
    chosen = set(codes)
    return [choice.label for choice in choices if choice.value in chosen]


def check_materiel(values):
    """Our rule: « Pas de matériel » beside a computer would say two things at once."""
    if Materiel.AUCUN in values and len(set(values)) > 1:
        raise ValidationError(_("« Pas de matériel » ne va pas avec un autre matériel : décochez l'un ou l'autre."))
