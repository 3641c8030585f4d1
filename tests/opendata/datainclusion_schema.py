"""Our own reading of the data·inclusion schema, version 1.0.8, as a JSON Schema and a checker
of the `opening_hours` subset we write: the tests hold the rules, the export must meet them.

Sources, read at version 1.0.8 (github.com/gip-inclusion/data-inclusion-schema):
- fields, types and required fields: schemas/v1/structure.json and schemas/v1/service.json;
- code lists: schemas/v1/extra/*.json (thematiques, reseaux-porteurs, types-de-services, frais,
  publics, modes-accueil, modes-mobilisation, personnes-mobilisatrices);
- opening hours: https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification
"""

import datetime
import re

# schemas/v1/extra/thematiques.json: « category--subcategory », by category.
THEMES = {
    "choisir-un-metier": [
        "confirmer-son-choix-de-metier",
        "connaitre-les-opportunites-demploi",
        "decouvrir-un-metier-ou-un-secteur-dactivite",
        "identifier-ses-points-forts-et-ses-competences",
    ],
    "creer-une-entreprise": [
        "definir-son-projet-de-creation-dentreprise",
        "developper-son-entreprise",
        "structurer-son-projet-de-creation-dentreprise",
    ],
    "difficultes-administratives-ou-juridiques": [
        "accompagnement-aux-demarches-administratives",
        "accompagnement-pour-lacces-a-la-citoyennete",
        "accompagnement-pour-lacces-aux-droits",
        "beneficier-dune-mesure-daccompagnement-adapte",
        "connaitre-ses-droits-face-a-une-discrimination",
        "prendre-en-compte-une-problematique-judiciaire",
    ],
    "difficultes-financieres": [
        "acquerir-une-autonomie-budgetaire",
        "ameliorer-sa-gestion-budgetaire",
        "mettre-en-place-une-mesure-de-protection-financiere",
        "prevenir-une-degradation-de-la-situation-financiere",
        "situation-dendettement-surendettement",
    ],
    "equipement-et-alimentation": ["aide-menagere", "alimentation", "electromenager", "habillement"],
    "famille": [
        "garde-denfants",
        "prise-en-charge-personne-dependante",
        "soutien-a-la-parentalite-et-a-leducation",
        "soutien-aidants",
        "surmonter-conflits-separation-violence",
    ],
    "lecture-ecriture-calcul": ["maitriser-le-calcul", "maitriser-le-francais"],
    "logement-hebergement": [
        "acheter-un-logement",
        "changer-de-logement",
        "louer-un-logement",
        "rechercher-une-solution-dhebergement-temporaire",
        "reduire-les-impayes-de-loyer",
        "se-maintenir-dans-le-logement",
        "sinformer-sur-les-demarches-liees-a-lacces-au-logement",
    ],
    "mobilite": [
        "acceder-a-un-vehicule",
        "entretenir-reparer-son-vehicule",
        "etre-accompagne-dans-son-parcours-mobilite",
        "financer-ma-mobilite",
        "mobilite-douce-partagee-collective",
        "preparer-un-permis",
    ],
    "numerique": [
        "acceder-a-des-services-en-ligne",
        "acceder-a-une-connexion-internet",
        "acquerir-un-equipement",
        "maitriser-les-fondamentaux-du-numerique",
    ],
    "preparer-sa-candidature": [
        "developper-son-reseau",
        "organiser-ses-demarches-de-recherche-demploi",
        "realiser-un-cv-et-ou-une-lettre-de-motivation",
        "valoriser-ses-competences",
    ],
    "remobilisation": [
        "activites-sportives-et-culturelles",
        "benevolat-action-citoyenne",
        "bien-etre-confiance-en-soi",
        "lien-social",
    ],
    "sante": [
        "acces-aux-soins",
        "addictions",
        "constituer-un-dossier-mdph-invalidite",
        "sante-mentale",
        "sante-sexuelle",
    ],
    "se-former": ["monter-son-dossier-de-formation", "trouver-sa-formation"],
    "souvrir-a-linternational": [
        "connaitre-les-opportunites-demploi-a-letranger",
        "sinformer-sur-les-aides-pour-travailler-a-letranger",
        "sorganiser-suite-a-son-retour-en-france",
    ],
    "trouver-un-emploi": [
        "convaincre-un-recruteur-en-entretien",
        "faire-des-candidatures-spontanees",
        "maintien-dans-lemploi",
        "repondre-a-des-offres-demploi",
        "suivre-ses-candidatures-et-relancer-les-employeurs",
    ],
}
THEMATIQUES = [f"{category}--{sub}" for category, subs in THEMES.items() for sub in subs]
# schemas/v1/extra/reseaux-porteurs.json (the successor of the structures' typologie).
RESEAUX_PORTEURS = [
    "60000-rebonds",
    "aci",
    "action-logement",
    "adie",
    "afpa",
    "agefiph",
    "ai",
    "aidants-connect",
    "alliance-villes-emploi",
    "anlci",
    "apprentis-dauteuil",
    "ase",
    "banques-alimentaires",
    "caarud",
    "cada",
    "caf",
    "campus-connecte",
    "cap-emploi-reseau-cheops",
    "cava",
    "ccas-cias",
    "chambres-consulaires",
    "chantier-ecole",
    "chrs",
    "chu",
    "cidff",
    "cmp",
    "cms",
    "cnam",
    "collectif-emploi",
    "communes",
    "conseillers-numeriques",
    "coorace",
    "cpam",
    "cph",
    "creches-avip",
    "crepi",
    "cresus",
    "croix-rouge",
    "csapa",
    "delegataire-conseil-departemental",
    "departements",
    "duo-for-a-job",
    "ea",
    "eatt",
    "ecoles-de-la-deuxieme-chance",
    "egee",
    "ei",
    "eiti",
    "emmaus",
    "epide",
    "esat",
    "espaces-publics-numeriques",
    "etcld",
    "etti",
    "fabrique-de-territoire",
    "face",
    "fcsf",
    "federation-des-acteurs-de-la-solidarite",
    "federation-professionnelle-femmes",
    "france-active",
    "france-service",
    "france-travail",
    "french-tech",
    "geiq",
    "grandes-ecoles-du-numerique",
    "huda",
    "hup",
    "inae",
    "initiative-france",
    "konexio",
    "la-cravate-solidaire",
    "la-poste",
    "les-premieres",
    "maison-departementale-de-lautonomie",
    "maisons-de-l-emploi",
    "maisons-des-solidarites",
    "mdph",
    "mission-locale",
    "mjc",
    "mobin",
    "msap",
    "mutualite-sociale-agricole",
    "nqt",
    "pimms-mediation",
    "pjj",
    "plie",
    "points-conseil-budget",
    "points-justice",
    "positive-planet",
    "regions",
    "reseau-app",
    "reseau-bge",
    "reseau-entreprendre",
    "reseau-information-jeunesse",
    "residences-fjt",
    "ressourceries",
    "restos-du-coeur",
    "secours-populaire",
    "siao",
    "simplon",
    "singa",
    "snc",
    "spip",
    "tous-tes-possibles",
    "unaf",
    "unea",
    "unis-cite",
    "wimoov",
]
# schemas/v1/extra/types-de-services.json, frais.json, publics.json, modes-accueil.json,
# modes-mobilisation.json, personnes-mobilisatrices.json.
TYPES_DE_SERVICES = ["accompagnement", "aide-financiere", "aide-materielle", "atelier", "formation", "information"]
FRAIS = ["gratuit", "payant"]
PUBLICS = [
    *("actifs", "beneficiaires-des-minimas-sociaux", "demandeurs-emploi", "etudiants", "familles", "femmes"),
    *("jeunes", "personnes-en-situation-de-handicap", "personnes-en-situation-durgence"),
    *("personnes-en-situation-juridique-specifique", "personnes-exilees", "residents-qpv-frr", "seniors"),
    "tous-publics",
]
MODES_ACCUEIL = ["a-distance", "en-presentiel"]
MODES_MOBILISATION = ["envoyer-un-courriel", "se-presenter", "telephoner", "utiliser-lien-mobilisation"]
MOBILISABLE_PAR = ["professionnels", "usagers"]


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def codes(values):
    return nullable({"type": "array", "items": {"enum": values}, "uniqueItems": True, "minItems": 1})


TEXT = nullable({"type": "string", "minLength": 1})
NUMBER = nullable({"type": "number"})
URL = nullable({"type": "string", "pattern": r"^https?://[^\s]+$", "maxLength": 2083})
NAME = {"type": "string", "minLength": 3, "maxLength": 150, "pattern": r"(?<!\.)$"}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
PLACE = {
    "commune": TEXT,
    "code_postal": nullable({"type": "string", "pattern": r"^\d{5}$"}),
    "code_insee": nullable({"type": "string", "pattern": r"^\w{5}$"}),
    "adresse": TEXT,
    "complement_adresse": TEXT,
    "longitude": nullable({"type": "number", "minimum": -180, "maximum": 180}),
    "latitude": nullable({"type": "number", "minimum": -90, "maximum": 90}),
    "telephone": TEXT,
    "courriel": nullable({"type": "string", "format": "email"}),
}
OPENING_HOURS = nullable({"type": "string", "minLength": 1})


def records(required, properties):
    """A list of records holding every field (null when unknown), the required ones filled."""
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
            "allOf": [{"properties": {field: {"not": {"type": "null"}} for field in required}}],
        },
    }


STRUCTURE_SCHEMA = records(
    ["source", "id", "nom", "date_maj"],
    {
        "source": {"type": "string", "minLength": 1},
        "id": {"type": "string", "minLength": 1},
        "nom": NAME,
        "date_maj": DATE,
        "description": nullable({"type": "string", "minLength": 5, "maxLength": 10000}),
        "lien_source": URL,
        "siret": nullable({"type": "string", "pattern": r"^\d{14}$"}),
        **PLACE,
        "site_web": URL,
        "horaires_accueil": OPENING_HOURS,
        "accessibilite_lieu": URL,
        "reseaux_porteurs": codes(RESEAUX_PORTEURS),
    },
)
SERVICE_SCHEMA = records(
    ["source", "structure_id", "id", "nom", "description", "date_maj"],
    {
        "source": {"type": "string", "minLength": 1},
        "structure_id": {"type": "string", "minLength": 1},
        "id": {"type": "string", "minLength": 1},
        "nom": NAME,
        "description": {"type": "string", "minLength": 5, "maxLength": 10000},
        "lien_source": URL,
        "date_maj": DATE,
        "type": nullable({"enum": TYPES_DE_SERVICES}),
        "thematiques": codes(THEMATIQUES),
        "frais": nullable({"enum": FRAIS}),
        "frais_precisions": TEXT,
        # « tous-publics » goes alone.
        "publics": {
            "anyOf": [
                {"type": "null"},
                {"const": ["tous-publics"]},
                {"type": "array", "items": {"enum": PUBLICS, "not": {"const": "tous-publics"}}, "minItems": 1},
            ]
        },
        "publics_precisions": TEXT,
        "conditions_acces": TEXT,
        **PLACE,
        "modes_accueil": codes(MODES_ACCUEIL),
        "zone_eligibilite": nullable({"type": "array", "items": {"type": "string"}, "minItems": 1}),
        "contact_nom_prenom": TEXT,
        "lien_mobilisation": URL,
        "modes_mobilisation": codes(MODES_MOBILISATION),
        "mobilisable_par": codes(MOBILISABLE_PAR),
        "mobilisation_precisions": TEXT,
        "volume_horaire_hebdomadaire": nullable({"type": "number", "minimum": 0}),
        "nombre_semaines": nullable({"type": "integer", "minimum": 1}),
        "horaires_accueil": OPENING_HOURS,
    },
)

# The subset of opening_hours we write: weekday rules, then closures as date ranges « off ».
TIME = r"(?:[01]\d|2[0-3]):[0-5]\d"
DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
DAYS = rf"{DAY}(?:-{DAY})?(?:,{DAY}(?:-{DAY})?)*"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
DATE_OSM = rf"\d{{4}} {MONTH} (?:0[1-9]|[12]\d|3[01])"
WEEK_RULE = rf"{DAYS} {TIME}-{TIME}(?:,{TIME}-{TIME})*"
CLOSURE_RULE = rf"{DATE_OSM}(?:-{DATE_OSM})? off"
OPENING_HOURS_GRAMMAR = re.compile(rf"{WEEK_RULE}(?:; {WEEK_RULE})*(?:; {CLOSURE_RULE})*")
DAY_NAMES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def opening_hours_errors(value):
    """What is wrong with `value` in our subset of opening_hours: its grammar, then what a regex
    cannot see (a range that ends before it starts, a day in two rules, a date that does not exist)."""
    if not OPENING_HOURS_GRAMMAR.fullmatch(value):
        return [f"not in the grammar: {value!r}"]
    errors, seen_days = [], set()
    for rule in value.split("; "):
        if rule.endswith(" off"):
            try:
                dates = [datetime.datetime.strptime(day, "%Y %b %d").date() for day in rule[:-4].split("-")]
            except ValueError:
                errors.append(f"no such date: {rule}")
                continue
            if dates != sorted(dates):
                errors.append(f"dates backwards: {rule}")
            continue
        days, ranges = rule.split(" ")
        for run in days.split(","):
            ends = [DAY_NAMES.index(day) for day in run.split("-")]
            if ends != sorted(ends):
                errors.append(f"days backwards: {run}")
            covered = set(range(ends[0], ends[-1] + 1))
            if covered & seen_days:
                errors.append(f"a day in two rules: {run}")
            seen_days |= covered
        for hours in ranges.split(","):
            opens, closes = hours.split("-")
            if closes <= opens:
                errors.append(f"closes before it opens: {hours}")
    return errors
