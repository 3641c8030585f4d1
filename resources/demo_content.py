"""Demo content for the resource library of the espace numérique of the Pays de Redon.

Pure data, no Django import: a management command reads these structures to
create the topics, the guides and the directory of free alternatives.

Guides are written in plain French for readers far from digital tools: short
sentences, concrete steps, jargon explained. Facts (laws, official services,
phone numbers) are those in force in 2026; each guide carries the date of its
last review. The members' own offers (ateliers, sales) are demo examples.
"""


def _link(url, text):
    """An HTML link for the rich text values below."""
    return f'<a href="{url}">{text}</a>'


_CNIL_PLAINTES = _link("https://www.cnil.fr/fr/plaintes", "cnil.fr")
_CYBER_17 = _link("https://17cyber.gouv.fr/", "17cyber.gouv.fr")
_CYBERMALVEILLANCE = _link("https://www.cybermalveillance.gouv.fr/", "cybermalveillance.gouv.fr")
_SIGNAL_SPAM = _link("https://www.signal-spam.fr/", "signal-spam.fr")

# ---------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------

TOPICS = [
    ("donnees-personnelles", "Protection des données personnelles"),
    ("securite", "Sécurité et mots de passe"),
    ("logiciels-libres", "Logiciels libres"),
    ("reemploi", "Réemploi et matériel"),
    ("demarches", "Démarches en ligne"),
]

# The agenda categories whose ateliers each topic's guides propose (« Se faire aider »).
TOPIC_ATELIER_CATEGORIES = {
    "donnees-personnelles": ["Sensibilisation", "Formation"],
    "securite": ["Sensibilisation", "Formation"],
    "logiciels-libres": ["Logiciel libre"],
    "reemploi": ["Repair café", "Fabrication"],
    "demarches": ["Formation"],
}

# ---------------------------------------------------------------------------
# Guides
# ---------------------------------------------------------------------------

GUIDES = [
    {
        "slug": "choisir-ses-mots-de-passe",
        "title": "Choisir et retenir de bons mots de passe",
        "summary": (
            "Un bon mot de passe est long, différent pour chaque compte et connu de vous seul. "
            "Un gestionnaire de mots de passe les garde tous pour vous, dans un coffre-fort."
        ),
        "level": "debutant",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["securite"],
        "author": "les-mulots",
        "last_reviewed": "2026-09-14",
        "related": ["double-authentification", "reconnaitre-hameconnage"],
        "body": [
            ("heading", "Pourquoi c'est important"),
            (
                "paragraph",
                "<p>Un mot de passe, c'est la clé de votre compte : messagerie, banque, impôts. "
                "Si quelqu'un le trouve, il peut lire vos messages, se faire "
                "passer pour vous ou prendre votre argent.</p>"
                "<p>Les pirates font essayer à des ordinateurs des millions de mots de passe courants, "
                "comme « 123456 » ou « soleil ». Ils récupèrent aussi des mots de passe volés sur des sites piratés, "
                "puis les essaient sur vos autres comptes.</p>",
            ),
            ("heading", "Les trois règles d'or"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Long</b> : au moins 12 caractères. Plus il est long, plus il est solide.</li>"
                "<li><b>Unique</b> : un mot de passe différent pour chaque "
                "compte. Votre messagerie doit avoir le sien, "
                "car elle sert à récupérer tous les autres.</li>"
                "<li><b>Secret</b> : ne le donnez à personne, même à quelqu'un qui dit appeler de votre banque. "
                "Un vrai conseiller ne vous le demande jamais.</li>"
                "</ul>",
            ),
            ("heading", "Fabriquer une phrase de passe"),
            (
                "steps",
                [
                    {
                        "title": "Choisissez quatre ou cinq mots sans rapport entre eux",
                        "text": "<p>Par exemple : <i>girafe, parapluie, Redon, trompette</i>. "
                        "Évitez votre nom, celui de vos proches ou de votre animal, et votre date de naissance : "
                        "ils se devinent facilement.</p>",
                    },
                    {
                        "title": "Assemblez-les",
                        "text": "<p>Reliez les mots par un tiret et ajoutez une majuscule et un chiffre : "
                        "<i>Girafe-parapluie-Redon-trompette7</i>. Ce n'est qu'un exemple : inventez le vôtre.</p>",
                    },
                    {
                        "title": "Imaginez une petite histoire",
                        "text": "<p>Une girafe sous un parapluie joue de la trompette à Redon. "
                        "Cette image vous aide à vous souvenir de la phrase.</p>",
                    },
                    {
                        "title": "Changez-le seulement en cas de doute",
                        "text": "<p>Inutile de changer vos mots de passe tous les mois. Changez-les tout de suite "
                        "si un site vous prévient d'une fuite, ou si vous pensez que quelqu'un les connaît. Le site "
                        f"{_link('https://haveibeenpwned.com/', 'Have I Been Pwned')} (en anglais) vous dit si "
                        "votre adresse de courriel apparaît dans une fuite connue.</p>",
                    },
                ],
            ),
            ("heading", "Un coffre-fort pour tous vos mots de passe"),
            (
                "paragraph",
                "<p>Personne ne peut retenir vingt phrases différentes. Un <b>gestionnaire de mots de passe</b> "
                "est un logiciel qui les range dans un coffre-fort chiffré, c'est-à-dire illisible sans la clé. "
                "Vous ne retenez plus qu'un seul mot de passe : celui du coffre. "
                "Le gestionnaire peut aussi inventer pour vous des mots de passe très solides.</p>"
                "<ul>"
                f"<li>{_link('https://keepassxc.org/', 'KeePassXC')} : libre et gratuit, "
                "il garde le coffre sur votre ordinateur.</li>"
                f"<li>{_link('https://bitwarden.com/', 'Bitwarden')} : libre, avec une offre gratuite, "
                "il retrouve le même coffre sur l'ordinateur et sur le téléphone.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Le mot de passe du coffre ne se récupère pas",
                    "text": "<p>Si vous l'oubliez, personne ne pourra ouvrir le coffre. "
                    "Écrivez-le sur un papier rangé en lieu sûr chez vous, pas collé sur l'écran.</p>",
                },
            ),
            ("alternatives", {"category": "Mots de passe"}),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Un mot de passe long, différent pour chaque compte, et gardé secret. "
                    "Un gestionnaire comme KeePassXC ou Bitwarden vous évite de tout retenir. "
                    "Les Mulots vous aident à l'installer pendant leurs ateliers.</p>",
                },
            ),
        ],
    },
    {
        "slug": "double-authentification",
        "title": "Activer la double authentification sur vos comptes",
        "summary": (
            "La double authentification ajoute un deuxième verrou à vos comptes : en plus du mot de passe, "
            "un code reçu ou affiché sur votre téléphone. Un voleur de mot de passe reste alors à la porte."
        ),
        "level": "intermediaire",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["securite"],
        "author": "riwal-raude",
        "last_reviewed": "2026-10-02",
        "related": ["choisir-ses-mots-de-passe", "reconnaitre-hameconnage"],
        "body": [
            ("heading", "Deux verrous valent mieux qu'un"),
            (
                "paragraph",
                "<p>Avec la double authentification, il faut deux choses pour entrer dans votre compte : "
                "ce que vous savez (votre mot de passe) et ce que vous avez (votre téléphone). "
                "On l'appelle aussi « validation en deux étapes » ou « 2FA ». "
                "Vous la connaissez peut-être déjà : votre banque vous demande de confirmer un paiement "
                "sur votre téléphone.</p>"
                "<p>Si un pirate vole votre mot de passe, il lui manque le deuxième verrou. Il ne peut pas entrer.</p>",
            ),
            ("heading", "Trois façons de recevoir le code"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Par SMS</b> : c'est simple, mais c'est le moins sûr. C'est quand même mieux que rien.</li>"
                "<li><b>Par une application d'authentification</b> : elle affiche un code de 6 chiffres "
                "qui change toutes les 30 secondes, même sans réseau. Des applications libres existent : "
                f"{_link('https://getaegis.app/', 'Aegis')} sur Android, "
                f"{_link('https://ente.io/auth/', 'Ente Auth')} sur Android, iPhone et ordinateur.</li>"
                "<li><b>Par une clé d'accès</b> (« passkey ») ou une petite clé USB de sécurité : "
                "c'est le plus solide. Le téléphone vous demande alors votre empreinte ou votre code "
                "de déverrouillage.</li>"
                "</ul>",
            ),
            ("heading", "L'activer, étape par étape"),
            (
                "steps",
                [
                    {
                        "title": "Commencez par votre messagerie",
                        "text": "<p>C'est le compte le plus important : il permet de changer le mot de passe "
                        "de tous les autres. Faites ensuite de même pour vos réseaux sociaux et vos sites d'achat.</p>",
                    },
                    {
                        "title": "Trouvez le réglage de sécurité",
                        "text": "<p>Connectez-vous, puis ouvrez « Paramètres » ou « Mon compte », rubrique "
                        "« Sécurité ». Cherchez « Validation en deux étapes » ou « Double authentification ».</p>",
                    },
                    {
                        "title": "Choisissez la méthode",
                        "text": "<p>Si vous choisissez une application, le site affiche un carré noir et blanc "
                        "(un QR code). Ouvrez l'application, touchez « + » et visez ce carré avec le téléphone.</p>",
                    },
                    {
                        "title": "Tapez le code pour confirmer",
                        "text": "<p>Le site vous demande le code affiché par l'application ou reçu par SMS. "
                        "Tapez-le : la protection est activée.</p>",
                    },
                    {
                        "title": "Gardez les codes de secours",
                        "text": "<p>Le site vous donne souvent une liste de codes de secours. Imprimez-la ou "
                        "recopiez-la, et rangez-la en lieu sûr. Elle vous sauvera si vous perdez votre téléphone.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Ne donnez jamais un code reçu",
                    "text": "<p>Un code de validation ne se donne à personne, ni au téléphone ni par message. "
                    "Un escroc qui se présente comme votre banque, un livreur ou un proche en difficulté "
                    "cherche justement à l'obtenir. En cas de doute, raccrochez et rappelez vous-même "
                    "le numéro habituel.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Activez la double authentification d'abord sur votre messagerie, puis sur vos "
                    "comptes importants. Gardez les codes de secours sur papier. "
                    "Et ne communiquez jamais un code reçu, à qui que ce soit.</p>",
                },
            ),
        ],
    },
    {
        "slug": "vos-droits-rgpd",
        "title": "Vos droits sur vos données : comment les faire valoir",
        "summary": (
            "Le RGPD vous permet de savoir ce qu'un organisme sait sur vous, de le corriger ou de le faire effacer. "
            "Une lettre simple suffit, et la CNIL peut intervenir si on ne vous répond pas."
        ),
        "level": "intermediaire",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["donnees-personnelles", "demarches"],
        "author": "riwal-raude",
        "last_reviewed": "2026-08-20",
        "related": ["cookies-et-traceurs", "proteger-donnees-enfant", "reconnaitre-hameconnage"],
        "body": [
            ("heading", "Le RGPD en deux mots"),
            (
                "paragraph",
                "<p>Le RGPD, c'est le <b>Règlement général sur la protection des données</b>. "
                "Cette loi européenne s'applique depuis 2018 à tous ceux qui utilisent vos données personnelles : "
                "entreprises, associations, mairies, sites internet. Une donnée personnelle, c'est tout ce qui "
                "permet de vous reconnaître : nom, adresse, numéro de téléphone, photo, achats.</p>",
            ),
            ("heading", "Les droits que vous pouvez utiliser"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Droit d'accès</b> (article 15) : savoir quelles données on a sur vous, "
                "et en recevoir une copie.</li>"
                "<li><b>Droit de rectification</b> (article 16) : faire corriger une erreur.</li>"
                "<li><b>Droit à l'effacement</b> (article 17) : faire supprimer vos données, "
                "par exemple quand elles ne servent plus.</li>"
                "<li><b>Droit à la limitation</b> (article 18) : faire mettre vos données de côté, "
                "le temps de régler un désaccord.</li>"
                "<li><b>Droit à la portabilité</b> (article 20) : récupérer vos données dans un fichier, "
                "pour les emporter ailleurs.</li>"
                "<li><b>Droit d'opposition</b> (article 21) : refuser qu'on utilise vos données. "
                "Pour la publicité, vous n'avez pas à vous justifier.</li>"
                "<li><b>Droit face aux décisions automatiques</b> (article 22) : ne pas subir une décision importante "
                "prise par un ordinateur seul, sans regard humain.</li>"
                "</ul>"
                "<p>Quand vos données sont corrigées ou effacées, l'organisme doit aussi prévenir ceux "
                "à qui il les a transmises (article 19).</p>",
            ),
            ("heading", "Faire votre demande"),
            (
                "steps",
                [
                    {
                        "title": "Trouvez à qui écrire",
                        "text": "<p>Lisez la « politique de confidentialité » du site ou de votre contrat. "
                        "Elle donne une adresse pour les questions de données, souvent celle du "
                        "« délégué à la protection des données ».</p>",
                    },
                    {
                        "title": "Écrivez une demande courte",
                        "text": "<p>Par courriel ou par courrier, dites qui vous êtes, quel droit vous utilisez "
                        "et ce que vous voulez. Par exemple : « En application de l'article 15 du RGPD, "
                        "je vous demande une copie des données que vous détenez sur moi. » "
                        "La CNIL propose des modèles de lettres sur son site.</p>",
                    },
                    {
                        "title": "Gardez une preuve",
                        "text": "<p>Conservez une copie de votre courriel, ou envoyez votre lettre en recommandé "
                        "avec accusé de réception. Notez la date d'envoi.</p>",
                    },
                    {
                        "title": "Attendez la réponse, un mois au plus",
                        "text": "<p>L'organisme doit répondre dans un délai d'un mois. Il peut le prolonger "
                        "de deux mois si la demande est compliquée, mais il doit vous prévenir. "
                        "C'est gratuit. Il ne peut demander une pièce d'identité qu'en cas de doute réel "
                        "sur votre identité.</p>",
                    },
                    {
                        "title": "Sans réponse, saisissez la CNIL",
                        "text": "<p>La CNIL (Commission nationale de l'informatique et des libertés) veille au "
                        f"respect de vos droits. Déposez une plainte en ligne sur {_CNIL_PLAINTES}, "
                        "avec votre demande et la preuve d'envoi.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Moins d'appels commerciaux",
                    "text": "<p>Depuis le 11 août 2026, une entreprise n'a plus le droit de vous démarcher "
                    "par téléphone sans votre accord préalable, sauf pour un contrat que vous avez déjà chez elle. "
                    "Un démarcheur insiste ? Signalez-le sur "
                    f"{_link('https://signal.conso.gouv.fr/', 'SignalConso')}.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Vous avez le droit de savoir, de corriger, d'effacer et de refuser. "
                    "Écrivez à l'organisme, gardez une preuve et comptez un mois. Sans réponse, la CNIL "
                    "peut intervenir. Riwal Raude peut vous aider à rédiger votre première demande.</p>",
                },
            ),
        ],
    },
    {
        "slug": "cookies-et-traceurs",
        "title": "Cookies et traceurs : refuser sans se compliquer la vie",
        "summary": (
            "Les bandeaux de cookies vous demandent si des entreprises peuvent suivre ce que vous faites en ligne. "
            "Vous avez le droit de refuser, et cela doit être aussi simple que d'accepter."
        ),
        "level": "debutant",
        "audience": "tout-public",
        "format": "fiche",
        "topics": ["donnees-personnelles"],
        "author": "riwal-raude",
        "last_reviewed": "2026-03-24",
        "related": ["navigateur-respectueux", "vos-droits-rgpd"],
        "body": [
            ("heading", "Un cookie, c'est quoi ?"),
            (
                "paragraph",
                "<p>Un cookie est un petit fichier qu'un site dépose dans votre navigateur, le logiciel qui sert "
                "à aller sur internet. Certains cookies sont utiles : ils retiennent votre panier d'achat "
                "ou le fait que vous êtes connecté.</p>"
                "<p>D'autres servent à vous suivre de site en site. On les appelle des <b>traceurs</b>. "
                "Ils permettent de dresser votre portrait : vos goûts, vos sorties, parfois votre santé "
                "ou vos revenus supposés. Ce portrait sert à vous montrer des publicités ciblées, "
                "et il peut être revendu.</p>",
            ),
            ("heading", "Ce que dit la loi"),
            (
                "paragraph",
                "<p>En France, un site doit vous demander votre accord avant de déposer des traceurs publicitaires. "
                "La CNIL exige que refuser soit aussi facile qu'accepter : un bouton « Tout refuser » "
                "doit être aussi visible que « Tout accepter ». Si vous ne répondez pas, "
                "le site doit considérer que c'est non.</p>"
                "<p>Les cookies indispensables au fonctionnement du site, eux, n'ont pas besoin de votre accord. "
                "Certains sites proposent de payer pour éviter la publicité ciblée : c'est permis sous conditions, "
                "et vous restez libre d'aller lire ailleurs.</p>",
            ),
            ("heading", "Les bons réflexes"),
            (
                "paragraph",
                "<ul>"
                "<li>Cherchez le bouton <b>« Tout refuser »</b> ou le lien <b>« Continuer sans accepter »</b>, "
                "parfois écrit en petit en haut du bandeau.</li>"
                "<li>S'il n'y en a pas, cliquez sur <b>« Personnaliser »</b> et décochez tout ce qui est coché.</li>"
                "<li>Vous avez accepté trop vite ? Cherchez en bas de la page un lien comme "
                "« Gestion des cookies » pour changer d'avis.</li>"
                "<li>Refuser ne vous empêche pas de lire le site.</li>"
                "</ul>",
            ),
            ("heading", "Laisser le navigateur faire le tri"),
            (
                "paragraph",
                "<p>Un navigateur bien réglé bloque une grande partie des traceurs, même quand vous avez cliqué "
                "trop vite. Firefox le fait tout seul grâce à sa protection contre le pistage. "
                "Vous pouvez aussi lui demander d'effacer les cookies chaque fois que vous le fermez. "
                "Notre guide sur le navigateur vous montre comment faire.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Un site cache le bouton pour refuser ?",
                    "text": "<p>Si un site rend le refus difficile ou vous redemande sans cesse votre accord, "
                    f"vous pouvez le signaler à la CNIL sur {_CNIL_PLAINTES}. "
                    "Ces signalements l'aident à choisir les sites à contrôler.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Refuser les cookies publicitaires est votre droit. Cherchez « Tout refuser » "
                    "ou « Continuer sans accepter », et laissez un navigateur comme Firefox bloquer le reste.</p>",
                },
            ),
        ],
    },
    {
        "slug": "reconnaitre-hameconnage",
        "title": "Reconnaître un message piège (hameçonnage) et le signaler",
        "summary": (
            "Un faux message se fait passer pour votre banque, un transporteur ou un service public "
            "pour voler votre argent ou vos codes. Quelques signes permettent de le repérer, "
            "et il se signale en deux minutes."
        ),
        "level": "debutant",
        "audience": "seniors",
        "format": "fiche",
        "topics": ["securite", "demarches"],
        "author": "depantek",
        "last_reviewed": "2026-07-09",
        "related": ["double-authentification", "demarches-en-ligne-sans-piege", "choisir-ses-mots-de-passe"],
        "body": [
            ("heading", "Comment fonctionne l'arnaque"),
            (
                "paragraph",
                "<p>L'hameçonnage (« phishing » en anglais), c'est un faux message qui imite un organisme connu : "
                "banque, Assurance maladie, impôts, transporteur de colis, fournisseur d'électricité. "
                "Il arrive par courriel, par SMS, sur une messagerie ou par téléphone. Son but : "
                "vous faire cliquer sur un lien vers un faux site, pour voler vos identifiants, "
                "votre numéro de carte bancaire ou un code de validation.</p>",
            ),
            ("heading", "Les signes qui doivent vous alerter"),
            (
                "paragraph",
                "<ul>"
                "<li><b>L'urgence ou la peur</b> : « votre compte sera bloqué sous 24 heures », "
                "« amende à régler aujourd'hui ».</li>"
                "<li><b>Une surprise trop belle</b> : un remboursement, un gain, un cadeau.</li>"
                "<li><b>Un petit montant à payer</b> : des frais de livraison ou de dossier de quelques euros.</li>"
                "<li><b>Une demande de code, de mot de passe ou de numéro de carte</b>. "
                "Un organisme sérieux ne vous demande jamais cela par message.</li>"
                "<li><b>Une adresse étrange</b> : l'expéditeur ou le lien ne correspond pas au nom de l'organisme. "
                "Les sites de l'État se terminent par <b>.gouv.fr</b>.</li>"
                "</ul>"
                "<p>Attention : les fautes d'orthographe ne sont plus un bon indice. "
                "Beaucoup de faux messages sont aujourd'hui très bien écrits.</p>",
            ),
            ("heading", "Face à un message douteux"),
            (
                "paragraph",
                "<p>Ne cliquez pas et ne répondez pas. Pour vérifier, passez par le chemin habituel : "
                "votre application bancaire, l'adresse du site tapée par vous-même, ou le numéro inscrit "
                "sur votre carte ou votre contrat. Ensuite, signalez le message :</p>"
                "<ul>"
                "<li>un SMS : transférez-le gratuitement au <b>33700</b> ;</li>"
                f"<li>un courriel : signalez-le sur {_SIGNAL_SPAM}.</li>"
                "</ul>"
                "<p>Puis supprimez-le. Le site "
                f"{_CYBERMALVEILLANCE} décrit les arnaques du moment.</p>",
            ),
            ("heading", "Vous avez cliqué ou donné des informations ?"),
            (
                "paragraph",
                "<ol>"
                "<li>Si vous avez donné vos coordonnées bancaires, appelez <b>tout de suite</b> votre banque "
                "pour faire opposition sur la carte.</li>"
                "<li>Changez le mot de passe du compte concerné, et partout où vous utilisiez le même.</li>"
                f"<li>Allez sur {_CYBER_17} : ce service public gratuit vous guide jour et nuit, et vous met "
                "en contact avec un policier ou un gendarme si besoin.</li>"
                "<li>Gardez les messages et faites des captures d'écran : ils serviront de preuve "
                "si vous portez plainte.</li>"
                "</ol>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Un appel de votre « conseiller bancaire » ?",
                    "text": "<p>Des escrocs appellent en affichant le vrai numéro de votre banque. "
                    "Ils vous demandent de valider une opération sur votre téléphone « pour l'annuler ». "
                    "C'est un piège : raccrochez, puis rappelez votre agence au numéro habituel.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Urgence, peur ou cadeau : méfiance. Ne cliquez pas, vérifiez par le chemin habituel, "
                    "signalez au 33700 ou sur signal-spam.fr. En cas de problème, 17cyber.gouv.fr vous aide. "
                    "Un doute sur votre ordinateur ? Dépan'tek peut le vérifier.</p>",
                },
            ),
        ],
    },
    {
        "slug": "sauvegarder-ses-fichiers",
        "title": "Sauvegarder ses photos et documents : la règle du 3-2-1",
        "summary": (
            "Un ordinateur peut tomber en panne, être volé ou attaqué. "
            "Avec trois copies de vos fichiers, sur deux supports, dont une rangée ailleurs, vous ne perdez rien."
        ),
        "level": "debutant",
        "audience": "seniors",
        "format": "pas-a-pas",
        "topics": ["securite"],
        "author": "depantek",
        "last_reviewed": "2025-03-11",
        "related": ["nettoyer-ordinateur-avant-don", "installer-systeme-libre"],
        "body": [
            ("heading", "Pourquoi sauvegarder ?"),
            (
                "paragraph",
                "<p>Chez Dépan'tek, nous voyons chaque semaine des disques durs qui lâchent sans prévenir. "
                "Un téléphone tombé dans l'eau, un vol, un virus qui bloque les fichiers : "
                "et des années de photos disparaissent. La réparation ne permet pas toujours de les récupérer, "
                "et elle coûte cher. La seule vraie protection, c'est une copie faite à l'avance.</p>",
            ),
            ("heading", "La règle du 3-2-1 en mots simples"),
            (
                "paragraph",
                "<ul>"
                "<li><b>3 copies</b> de vos fichiers importants : l'original et deux sauvegardes.</li>"
                "<li><b>2 supports différents</b> : par exemple l'ordinateur et un disque dur externe.</li>"
                "<li><b>1 copie ailleurs</b> : chez un proche, ou dans un espace en ligne. "
                "Ainsi, un incendie ou un cambriolage ne détruit pas tout.</li>"
                "</ul>",
            ),
            ("heading", "Mettre en place votre sauvegarde"),
            (
                "steps",
                [
                    {
                        "title": "Repérez ce qui compte",
                        "text": "<p>Photos, papiers scannés, courriers, documents de travail. En général, tout se "
                        "trouve dans les dossiers « Documents », « Images » et « Bureau ».</p>",
                    },
                    {
                        "title": "Procurez-vous un disque dur externe",
                        "text": "<p>Un disque de 1 To (1 000 Go) suffit pour la plupart des familles. "
                        "Il se branche sur une prise USB de l'ordinateur.</p>",
                    },
                    {
                        "title": "Copiez vos dossiers",
                        "text": "<p>Branchez le disque, puis faites glisser vos dossiers dessus. Pour aller plus "
                        "loin, utilisez l'outil prévu : « Historique des fichiers » sous Windows, "
                        "« Time Machine » sur Mac, un logiciel comme Déjà Dup sous Linux. "
                        "Il recopie tout seul ce qui a changé.</p>",
                    },
                    {
                        "title": "Débranchez le disque après la copie",
                        "text": "<p>Éjectez le disque et rangez-le. S'il reste branché, un virus qui bloque "
                        "les fichiers (un « rançongiciel ») peut l'abîmer en même temps que l'ordinateur.</p>",
                    },
                    {
                        "title": "Ajoutez la copie « ailleurs »",
                        "text": "<p>Faites une deuxième copie sur un autre disque confié à un proche, ou dans un "
                        "espace en ligne. Pour garder la main sur vos données, choisissez un hébergeur éthique, "
                        f"par exemple un membre du collectif {_link('https://www.chatons.org/', 'CHATONS')}.</p>",
                    },
                    {
                        "title": "Recommencez régulièrement",
                        "text": "<p>Notez un rappel dans votre agenda : une fois par mois, c'est bien. "
                        "Après un grand moment (mariage, vacances), faites-le tout de suite.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Vérifiez que votre sauvegarde fonctionne",
                    "text": "<p>Une fois par an, ouvrez quelques photos depuis le disque de sauvegarde. "
                    "Une sauvegarde qu'on ne sait pas relire ne sert à rien.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Trois copies, deux supports, une copie ailleurs. Débranchez le disque après "
                    "chaque sauvegarde et recommencez chaque mois. Dépan'tek peut vous aider à tout régler.</p>",
                },
            ),
        ],
    },
    {
        "slug": "navigateur-respectueux",
        "title": "Un navigateur qui respecte votre vie privée : bien régler Firefox",
        "summary": (
            "Le navigateur est votre porte d'entrée sur internet. Firefox est libre et gratuit, "
            "et quelques réglages suffisent pour limiter le pistage publicitaire."
        ),
        "level": "debutant",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["donnees-personnelles", "logiciels-libres"],
        "author": "les-mulots",
        "last_reviewed": "2026-05-28",
        "related": ["cookies-et-traceurs", "remplacer-suite-bureautique"],
        "body": [
            ("heading", "Pourquoi changer de navigateur ?"),
            (
                "paragraph",
                "<p>Le navigateur est le logiciel qui vous permet d'aller sur internet : Chrome, Edge, Safari "
                "ou Firefox. Chrome appartient à Google, dont le métier principal est la publicité. "
                "Firefox est développé par Mozilla, une fondation à but non lucratif. "
                "C'est un <b>logiciel libre</b> : son code est public, et chacun peut vérifier ce qu'il fait. "
                "Il fonctionne sur Windows, Mac, Linux, Android et iPhone.</p>",
            ),
            ("heading", "Installer Firefox"),
            (
                "steps",
                [
                    {
                        "title": "Téléchargez-le sur le site officiel",
                        "text": "<p>Allez sur "
                        f"{_link('https://www.mozilla.org/fr/firefox/', 'mozilla.org/fr/firefox')} "
                        "et cliquez sur « Télécharger Firefox ». Évitez les autres sites de téléchargement : "
                        "ils ajoutent parfois des logiciels indésirables. Sur un téléphone, "
                        "passez par la boutique d'applications.</p>",
                    },
                    {
                        "title": "Retrouvez vos favoris",
                        "text": "<p>À la première ouverture, Firefox propose de reprendre les favoris et "
                        "l'historique de votre ancien navigateur. Acceptez : vous retrouvez vos sites habituels.</p>",
                    },
                ],
            ),
            ("heading", "Quatre réglages utiles"),
            (
                "steps",
                [
                    {
                        "title": "Ouvrez les paramètres",
                        "text": "<p>Cliquez sur les trois traits en haut à droite, puis sur « Paramètres ». "
                        "Choisissez la rubrique « Vie privée et sécurité ».</p>",
                    },
                    {
                        "title": "Renforcez la protection contre le pistage",
                        "text": "<p>Dans « Protection renforcée contre le pistage », choisissez « Stricte ». "
                        "Si un site s'affiche mal, cliquez sur le petit bouclier à gauche de l'adresse "
                        "pour couper la protection sur ce site seulement.</p>",
                    },
                    {
                        "title": "Demandez aux sites de ne pas vendre vos données",
                        "text": "<p>Un peu plus bas, cochez la case qui demande aux sites de ne pas vendre "
                        "ni partager vos données. Vous pouvez aussi cocher la suppression des cookies "
                        "à la fermeture de Firefox.</p>",
                    },
                    {
                        "title": "Changez de moteur de recherche",
                        "text": "<p>Dans la rubrique « Recherche », remplacez Google par un moteur qui ne garde pas "
                        "l'historique de vos recherches, comme DuckDuckGo ou Qwant.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Un bloqueur de publicités libre",
                    "text": "<p>L'extension <b>uBlock Origin</b> bloque les publicités et les traceurs, "
                    "et les pages s'affichent plus vite. Installez-la depuis le site officiel des modules "
                    "de Firefox : "
                    f"{_link('https://addons.mozilla.org/fr/firefox/addon/ublock-origin/', 'addons.mozilla.org')}."
                    "</p>",
                },
            ),
            ("heading", "D'autres navigateurs libres"),
            ("alternatives", {"category": "Navigateur"}),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Firefox est libre, gratuit et protège contre le pistage. Téléchargez-le "
                    "uniquement sur mozilla.org, choisissez la protection « Stricte » et un moteur "
                    "de recherche respectueux. Les Mulots vous accompagnent pendant leurs ateliers.</p>",
                },
            ),
        ],
    },
    {
        "slug": "remplacer-suite-bureautique",
        "title": "Passer à LibreOffice pour vos courriers et vos tableaux",
        "summary": (
            "LibreOffice est une suite bureautique libre et gratuite : traitement de texte, tableur, diaporamas. "
            "Elle ouvre et enregistre les fichiers Word et Excel."
        ),
        "level": "debutant",
        "audience": "professionnels",
        "format": "pas-a-pas",
        "topics": ["logiciels-libres"],
        "author": "les-mulots",
        "last_reviewed": "2025-10-15",
        "related": ["navigateur-respectueux", "installer-systeme-libre"],
        "body": [
            ("heading", "LibreOffice, c'est quoi ?"),
            (
                "paragraph",
                "<p>Une suite bureautique regroupe les logiciels pour écrire une lettre, tenir ses comptes "
                "ou préparer un diaporama. Microsoft Office (ou Microsoft 365) est payant, souvent par abonnement. "
                "LibreOffice fait la même chose gratuitement, pour une famille comme pour une association "
                "ou une petite entreprise. C'est un logiciel libre, porté par une fondation, "
                "The Document Foundation. Il fonctionne sous Windows, Mac et Linux.</p>"
                "<ul>"
                "<li><b>Writer</b> remplace Word : lettres, CV, affiches.</li>"
                "<li><b>Calc</b> remplace Excel : budget, listes, calculs.</li>"
                "<li><b>Impress</b> remplace PowerPoint : diaporamas.</li>"
                "</ul>",
            ),
            ("heading", "Installer et commencer"),
            (
                "steps",
                [
                    {
                        "title": "Téléchargez LibreOffice",
                        "text": "<p>Allez sur "
                        f"{_link('https://fr.libreoffice.org/', 'fr.libreoffice.org')}, rubrique « Télécharger ». "
                        "Le site reconnaît votre ordinateur et propose la bonne version.</p>",
                    },
                    {
                        "title": "Installez-le",
                        "text": "<p>Ouvrez le fichier téléchargé et cliquez sur « Suivant » à chaque étape. "
                        "Les choix proposés conviennent à presque tout le monde.</p>",
                    },
                    {
                        "title": "Ouvrez vos anciens fichiers",
                        "text": "<p>Lancez LibreOffice, puis cliquez sur « Ouvrir un fichier » et choisissez "
                        "votre document Word (.docx) ou Excel (.xlsx). La mise en page peut bouger un peu "
                        "sur les documents très chargés : vérifiez avant d'imprimer.</p>",
                    },
                    {
                        "title": "Enregistrez au bon format",
                        "text": "<p>LibreOffice enregistre au format ouvert ODF (.odt pour les textes, .ods "
                        "pour les tableaux). Pour envoyer un fichier à quelqu'un qui utilise Word, faites "
                        "« Fichier », « Enregistrer sous », et choisissez le type Word (.docx). Pour un document "
                        "à ne plus modifier, faites « Fichier », « Exporter au format PDF ».</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Retrouver l'allure de Word",
                    "text": "<p>Vous préférez les onglets en haut de l'écran, comme dans Word ? "
                    "Ouvrez le menu « Affichage », puis « Interface utilisateur », et choisissez « Onglets ».</p>",
                },
            ),
            ("heading", "Écrire à plusieurs, en ligne"),
            (
                "paragraph",
                "<p>Pour préparer un compte rendu à plusieurs, sans envoyer dix versions par courriel, "
                "il existe des outils libres en ligne, comme CryptPad. Ils s'ouvrent dans le navigateur, "
                "sans rien installer. Voici les alternatives libres que nous conseillons :</p>",
            ),
            ("alternatives", {"category": "Bureautique"}),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>LibreOffice est gratuit et lit vos fichiers Word et Excel. "
                    "Téléchargez-le sur le site officiel, et enregistrez en .docx ou en PDF quand vous envoyez "
                    "un document. Les Mulots proposent des ateliers pour prendre le logiciel en main.</p>",
                },
            ),
        ],
    },
    {
        "slug": "installer-systeme-libre",
        "title": "Installer Linux Mint sur un ordinateur reconditionné",
        "summary": (
            "Un ordinateur trop lent ou privé de mises à jour Windows peut revivre avec Linux Mint, "
            "un système libre et gratuit. Voici les étapes, et où trouver de l'aide près de chez vous."
        ),
        "level": "avance",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["logiciels-libres", "reemploi"],
        "author": "la-vilaine-bidouille",
        "last_reviewed": "2026-10-20",
        "related": ["sauvegarder-ses-fichiers", "nettoyer-ordinateur-avant-don", "remplacer-suite-bureautique"],
        "body": [
            ("heading", "Pourquoi un système libre ?"),
            (
                "paragraph",
                "<p>Le système d'exploitation est le logiciel de base qui fait marcher l'ordinateur : "
                "Windows, macOS ou Linux. Windows 10 ne reçoit plus de mises à jour de sécurité pour les "
                "particuliers, et Windows 11 refuse de nombreux ordinateurs encore en bon état. "
                "Plutôt que de les jeter, on peut installer <b>Linux Mint</b> : gratuit, libre, sûr, "
                "et facile à prendre en main si vous connaissez Windows. Il contient déjà un navigateur (Firefox), "
                "une suite bureautique (LibreOffice) et un lecteur de vidéos.</p>",
            ),
            ("heading", "Avant de commencer"),
            (
                "paragraph",
                "<ul>"
                "<li>Un ordinateur avec 4 Go de mémoire vive (RAM) et un disque de 100 Go, c'est le confort "
                "conseillé. Un disque SSD le rendra bien plus rapide.</li>"
                "<li>Une clé USB d'au moins 8 Go, qui sera entièrement effacée.</li>"
                "<li>Une sauvegarde de vos fichiers : l'installation efface tout le disque.</li>"
                "</ul>",
            ),
            ("heading", "Les étapes"),
            (
                "steps",
                [
                    {
                        "title": "Téléchargez Linux Mint",
                        "text": f"<p>Sur {_link('https://linuxmint.com/', 'linuxmint.com')}, rubrique « Download », "
                        "prenez la dernière version, édition « Cinnamon ». Pour un ordinateur très ancien, "
                        "l'édition « Xfce » est plus légère. Vous obtenez un gros fichier qui finit par « .iso ».</p>",
                    },
                    {
                        "title": "Préparez la clé USB",
                        "text": "<p>Avec un logiciel comme balenaEtcher ou Rufus, copiez le fichier .iso sur la clé. "
                        "Un simple copier-coller ne suffit pas : le logiciel rend la clé capable de démarrer "
                        "l'ordinateur.</p>",
                    },
                    {
                        "title": "Démarrez sur la clé",
                        "text": "<p>Branchez la clé, allumez l'ordinateur et appuyez aussitôt plusieurs fois sur "
                        "la touche du menu de démarrage : souvent F12, F9, F8 ou Échap selon la marque. "
                        "Choisissez la clé USB dans la liste.</p>",
                    },
                    {
                        "title": "Essayez avant d'installer",
                        "text": "<p>Linux Mint se lance depuis la clé, sans rien changer sur l'ordinateur. "
                        "Vérifiez que l'écran, le son, le wifi et l'imprimante fonctionnent.</p>",
                    },
                    {
                        "title": "Lancez l'installation",
                        "text": "<p>Double-cliquez sur « Install Linux Mint » sur le bureau. Choisissez le français, "
                        "le clavier français, puis l'option qui efface le disque pour installer Linux Mint. "
                        "Donnez un nom d'utilisateur et un mot de passe.</p>",
                    },
                    {
                        "title": "Faites les mises à jour",
                        "text": "<p>Après le redémarrage, un écran de bienvenue vous guide. Ouvrez le "
                        "« Gestionnaire de mises à jour » et installez tout ce qu'il propose. "
                        "Refaites-le régulièrement.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Vérifiez vos logiciels indispensables",
                    "text": "<p>Quelques logiciels professionnels ou jeux ne fonctionnent que sous Windows. "
                    "Faites la liste de ceux dont vous avez besoin et vérifiez avant de tout effacer.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Faites-vous accompagner",
                    "text": "<p>La Vilaine Bidouille organise des ateliers d'installation au fablab : "
                    "venez avec votre ordinateur, on installe ensemble. Clic'n Puces vend aussi "
                    "des ordinateurs reconditionnés avec Linux Mint déjà installé.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Linux Mint redonne vie à un ordinateur que Windows abandonne. "
                    "Sauvegardez vos fichiers, essayez depuis la clé avant d'installer, "
                    "puis faites les mises à jour. Et n'hésitez pas à venir au fablab.</p>",
                },
            ),
        ],
    },
    {
        "slug": "messagerie-privee-signal",
        "title": "Discuter en privé avec Signal",
        "summary": (
            "Signal est une application de messagerie gratuite et libre. Vos messages, appels et photos "
            "sont chiffrés : seuls vous et vos correspondants pouvez les lire."
        ),
        "level": "debutant",
        "audience": "jeunes",
        "format": "pas-a-pas",
        "topics": ["donnees-personnelles", "securite"],
        "author": "riwal-raude",
        "last_reviewed": "2026-04-15",
        "related": ["double-authentification", "proteger-donnees-enfant"],
        "body": [
            ("heading", "Pourquoi Signal ?"),
            (
                "paragraph",
                "<p>Avec beaucoup de messageries, l'entreprise qui les gère sait à qui vous écrivez, "
                "quand, et souvent d'où. Signal est géré par une fondation à but non lucratif, "
                "financée par des dons. Tout y est <b>chiffré de bout en bout</b> : vos messages sont "
                "transformés en code illisible, que seul le téléphone de votre correspondant sait remettre "
                "en clair. Signal ne connaît ni le contenu de vos échanges ni votre liste de contacts. "
                "Il n'affiche aucune publicité.</p>",
            ),
            ("heading", "Installer Signal"),
            (
                "steps",
                [
                    {
                        "title": "Téléchargez l'application",
                        "text": "<p>Sur Android, ouvrez le Play Store ; sur iPhone, l'App Store. "
                        "Cherchez « Signal » et vérifiez que l'éditeur est bien Signal. Une version "
                        f"pour ordinateur existe aussi sur {_link('https://signal.org/', 'signal.org')}.</p>",
                    },
                    {
                        "title": "Inscrivez-vous avec votre numéro",
                        "text": "<p>Tapez votre numéro de téléphone. Vous recevez un code par SMS : "
                        "tapez-le dans l'application. Ce code ne se donne jamais à quelqu'un d'autre.</p>",
                    },
                    {
                        "title": "Choisissez un code PIN",
                        "text": "<p>Signal vous demande un code PIN. Il protège votre compte si quelqu'un essaie "
                        "de s'inscrire avec votre numéro. Notez-le en lieu sûr.</p>",
                    },
                    {
                        "title": "Retrouvez vos contacts",
                        "text": "<p>Signal vous montre ceux de vos contacts qui l'utilisent déjà. "
                        "Pour les autres, envoyez-leur une invitation.</p>",
                    },
                ],
            ),
            ("heading", "Trois réglages conseillés"),
            (
                "paragraph",
                "<ul>"
                "<li><b>Cacher votre numéro</b> : dans « Paramètres », puis « Confidentialité », "
                "« Numéro de téléphone », choisissez que personne ne puisse le voir. Créez plutôt un "
                "<b>nom d'utilisateur</b> à donner aux personnes que vous connaissez peu.</li>"
                "<li><b>Messages éphémères</b> : dans une conversation, touchez le nom du contact, "
                "puis « Messages éphémères ». Les messages s'effacent seuls après le délai choisi.</li>"
                "<li><b>Verrouillage de l'inscription</b> : dans « Paramètres », puis « Compte », activez-le. "
                "Personne ne pourra installer votre compte sur un autre téléphone sans votre PIN.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Les arnaques existent aussi sur Signal",
                    "text": "<p>Signal ne vous demandera jamais votre code SMS ou votre PIN par message. "
                    "Un inconnu qui se dit « assistance Signal » est un escroc. "
                    "Dans un groupe, n'acceptez que des personnes que vous connaissez.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Signal est gratuit, sans publicité, et protège vos conversations. "
                    "Cachez votre numéro, activez le verrouillage de l'inscription, "
                    "et ne donnez jamais votre code à personne.</p>",
                },
            ),
        ],
    },
    {
        "slug": "proteger-donnees-enfant",
        "title": "Protéger les données de son enfant : photos, accords et réglages",
        "summary": (
            "Ce que l'on publie sur un enfant peut le suivre toute sa vie. "
            "Quelques règles simples permettent de partager des souvenirs sans l'exposer."
        ),
        "level": "debutant",
        "audience": "parents",
        "format": "fiche",
        "topics": ["donnees-personnelles"],
        "author": "la-ferme-des-ecotais",
        "last_reviewed": "2026-06-03",
        "related": ["messagerie-privee-signal", "vos-droits-rgpd", "cookies-et-traceurs"],
        "body": [
            ("heading", "Réfléchir avant de publier une photo"),
            (
                "paragraph",
                "<p>Une photo publiée sur un réseau social peut être copiée, partagée et retrouvée des années "
                "plus tard. Elle peut révéler l'école, le quartier ou les habitudes de l'enfant. "
                "Depuis une loi de 2024, le Code civil le dit clairement : les deux parents protègent ensemble "
                "le droit à l'image de leur enfant, et l'associent à la décision selon son âge.</p>"
                "<ul>"
                "<li>Évitez les photos en maillot de bain, dans le bain ou dans une situation gênante.</li>"
                "<li>Ne montrez pas le nom de l'école, la plaque de la rue ou la maison.</li>"
                "<li>Désactivez la localisation dans les réglages de l'appareil photo du téléphone.</li>"
                "<li>Partagez plutôt dans un groupe privé de la famille que sur un réseau public.</li>"
                "<li>Demandez son avis à l'enfant dès qu'il peut comprendre : "
                "« Je peux envoyer cette photo à mamie ? »</li>"
                "</ul>",
            ),
            ("heading", "Inscriptions et autorisations"),
            (
                "paragraph",
                "<p>En France, avant 15 ans, un enfant ne peut pas donner seul son accord à un service en ligne "
                "qui utilise ses données : l'accord d'un parent est aussi nécessaire. "
                "La plupart des réseaux sociaux interdisent de toute façon l'inscription avant 13 ans.</p>"
                "<p>À l'école, au club de sport ou au centre de loisirs, on vous fait souvent signer "
                "une autorisation pour les photos. Vous pouvez refuser, ou accepter seulement un usage précis, "
                "par exemple le panneau d'affichage mais pas internet.</p>",
            ),
            ("heading", "Les réglages sur les écrans"),
            (
                "paragraph",
                "<p>Les téléphones, tablettes et ordinateurs vendus en France doivent proposer un contrôle "
                "parental dès la première mise en route.</p>"
                "<ul>"
                "<li>Créez un compte « enfant » sur la tablette ou l'ordinateur de la famille.</li>"
                "<li>Mettez les comptes de réseaux sociaux de l'adolescent en mode privé.</li>"
                "<li>Coupez la localisation et la publicité personnalisée dans les applications.</li>"
                "</ul>"
                "<p>Le site "
                f"{_link('https://jeprotegemonenfant.gouv.fr/', 'jeprotegemonenfant.gouv.fr')} "
                "explique comment régler chaque appareil.</p>",
            ),
            ("heading", "Faire retirer une publication"),
            (
                "paragraph",
                "<p>Une photo ou une information sur votre enfant circule sans votre accord ? Demandez d'abord "
                "sa suppression à la personne ou au site. Pour les données publiées quand l'enfant était mineur, "
                "le droit à l'effacement est renforcé : le site doit agir vite. Sans réponse sous un mois, "
                f"la CNIL peut intervenir ({_CNIL_PLAINTES}). En cas de harcèlement, l'enfant ou vous pouvez "
                "appeler le <b>3018</b>, un numéro gratuit, anonyme et confidentiel "
                f"({_link('https://e-enfance.org/', 'e-enfance.org')}).</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "En parler en jouant",
                    "text": "<p>La Ferme des Écotais propose des animations ludiques pour parler en famille "
                    "des écrans et des traces que l'on laisse en ligne.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Avant de publier, demandez-vous si votre enfant sera d'accord dans dix ans. "
                    "Partagez en privé, réglez les appareils, et sachez qu'on peut faire retirer "
                    "une publication.</p>",
                },
            ),
        ],
    },
    {
        "slug": "nettoyer-ordinateur-avant-don",
        "title": "Vider un vieil ordinateur avant de le donner ou de le vendre",
        "summary": (
            "Avant de donner ou de vendre un ordinateur, récupérez vos fichiers, déconnectez vos comptes "
            "et effacez complètement le disque. Sinon, le prochain propriétaire pourrait retrouver "
            "vos photos et vos papiers."
        ),
        "level": "intermediaire",
        "audience": "tout-public",
        "format": "pas-a-pas",
        "topics": ["reemploi", "donnees-personnelles"],
        "author": "clic-n-puces",
        "last_reviewed": "2026-02-12",
        "related": ["sauvegarder-ses-fichiers", "installer-systeme-libre"],
        "body": [
            ("heading", "La corbeille ne suffit pas"),
            (
                "paragraph",
                "<p>Quand vous supprimez un fichier, l'ordinateur oublie seulement où il se trouve. "
                "Le contenu reste sur le disque tant que rien ne l'a remplacé. "
                "Avec un logiciel gratuit, n'importe qui peut le faire réapparaître. "
                "Chez Clic'n Puces, effacer le disque est la première chose que nous faisons "
                "sur chaque ordinateur reçu : beaucoup arrivent encore pleins de photos de famille "
                "et de relevés de banque.</p>",
            ),
            ("heading", "Récupérer vos affaires"),
            (
                "steps",
                [
                    {
                        "title": "Sauvegardez vos fichiers",
                        "text": "<p>Copiez vos documents, photos et vidéos sur un disque externe. "
                        "Pensez aussi aux favoris du navigateur, et à vos courriels s'ils sont rangés "
                        "dans un logiciel comme Thunderbird ou Outlook.</p>",
                    },
                    {
                        "title": "Vérifiez vos mots de passe",
                        "text": "<p>Assurez-vous de connaître vos mots de passe, ou qu'ils sont dans votre "
                        "gestionnaire de mots de passe. Après l'effacement, l'ordinateur ne les retiendra plus.</p>",
                    },
                    {
                        "title": "Déconnectez vos comptes",
                        "text": "<p>Déconnectez votre compte Microsoft ou Apple, et libérez les logiciels "
                        "payants : certains limitent le nombre d'ordinateurs autorisés.</p>",
                    },
                ],
            ),
            ("heading", "Effacer le disque"),
            (
                "steps",
                [
                    {
                        "title": "Sous Windows 10 ou 11",
                        "text": "<p>Ouvrez « Paramètres », puis la rubrique « Récupération ». Choisissez "
                        "« Réinitialiser ce PC », puis « Supprimer tout ». Dans les paramètres supplémentaires, "
                        "activez le nettoyage des données. C'est long, parfois plusieurs heures, "
                        "mais vos fichiers ne pourront plus être récupérés.</p>",
                    },
                    {
                        "title": "Sur un Mac récent",
                        "text": "<p>Ouvrez « Réglages Système », « Général », « Transférer ou réinitialiser », "
                        "puis « Effacer contenu et réglages ». Le Mac vous déconnecte aussi "
                        "de votre compte Apple.</p>",
                    },
                    {
                        "title": "Si l'ordinateur ne démarre plus",
                        "text": "<p>Ne le jetez pas tel quel : le disque contient toujours vos données. "
                        "Confiez-le à Dépan'tek ou à Clic'n Puces, qui effaceront le disque avec un outil "
                        "spécialisé ou le détruiront.</p>",
                    },
                ],
            ),
            ("heading", "Préparer la seconde vie"),
            (
                "paragraph",
                "<p>Après la réinitialisation, Windows se réinstalle tout seul. Arrêtez-vous à l'écran "
                "de bienvenue : le nouveau propriétaire créera lui-même son compte. "
                "Si Windows n'est plus mis à jour sur cet ordinateur, un système libre comme Linux Mint "
                "lui donnera une seconde vie. Vous pouvez aussi le donner à Clic'n Puces, "
                "qui le remettra en état pour quelqu'un qui en a besoin.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Et le téléphone ?",
                    "text": "<p>Même principe : sauvegardez, retirez la carte SIM et la carte mémoire, "
                    "déconnectez votre compte Google ou Apple, puis choisissez la réinitialisation complète "
                    "dans les réglages. Sans cette déconnexion, le téléphone restera bloqué pour "
                    "son nouveau propriétaire.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Sauvegarder, se déconnecter, effacer : dans cet ordre. "
                    "Mettre les fichiers à la corbeille ne suffit jamais. "
                    "En cas de doute, Clic'n Puces s'occupe de l'effacement.</p>",
                },
            ),
        ],
    },
    {
        "slug": "demarches-en-ligne-sans-piege",
        "title": "Faire ses démarches administratives en ligne sans se faire piéger",
        "summary": (
            "La plupart des démarches officielles sont gratuites sur les sites de l'État. "
            "Apprenez à reconnaître un vrai site public et à vous connecter avec FranceConnect."
        ),
        "level": "debutant",
        "audience": "seniors",
        "format": "fiche",
        "topics": ["demarches", "securite"],
        "author": "les-mulots",
        "last_reviewed": "2026-01-20",
        "related": ["reconnaitre-hameconnage", "choisir-ses-mots-de-passe", "vos-droits-rgpd"],
        "body": [
            ("heading", "Attention aux faux sites payants"),
            (
                "paragraph",
                "<p>Quand on tape « carte grise » ou « acte de naissance » dans un moteur de recherche, "
                "les premiers résultats sont souvent des sites privés. Ils copient les couleurs de "
                "l'administration et font payer des démarches gratuites, parfois très cher. "
                "Certains gardent aussi vos données ou vos papiers d'identité. "
                "Demander un acte de naissance, par exemple, ne coûte rien.</p>",
            ),
            ("heading", "Reconnaître un site officiel"),
            (
                "paragraph",
                "<ul>"
                "<li>L'adresse se termine par <b>.gouv.fr</b> : "
                f"{_link('https://www.service-public.gouv.fr/', 'service-public.gouv.fr')}, "
                "impots.gouv.fr, ants.gouv.fr. Quelques organismes publics ont leur propre adresse, "
                "comme ameli.fr pour l'Assurance maladie ou caf.fr.</li>"
                "<li>Méfiez-vous des résultats marqués « Annonce » ou « Sponsorisé » en haut de la page.</li>"
                "<li>En cas de doute, partez toujours de service-public.gouv.fr : "
                "il mène au bon site pour chaque démarche.</li>"
                "</ul>",
            ),
            ("heading", "Se connecter avec FranceConnect"),
            (
                "paragraph",
                "<p>FranceConnect est un bouton présent sur de nombreux sites publics. "
                "Il vous permet d'entrer avec un compte que vous avez déjà : impots.gouv.fr, ameli.fr, "
                "l'Identité Numérique La Poste, la MSA ou l'application France Identité. "
                "Un seul mot de passe à retenir pour des dizaines de démarches.</p>"
                "<ol>"
                "<li>Sur le site de la démarche, cliquez sur « S'identifier avec FranceConnect ».</li>"
                "<li>Choisissez le compte que vous connaissez le mieux, par exemple celui des impôts.</li>"
                "<li>Tapez vos identifiants, puis vérifiez le nom affiché avant de continuer.</li>"
                "</ol>",
            ),
            ("heading", "Se faire aider"),
            (
                "paragraph",
                "<p>Vous n'êtes pas obligé de tout faire seul. Les espaces France Services vous accueillent "
                "gratuitement pour vos démarches. Les ateliers des Mulots vous apprennent à les faire "
                "vous-même, à votre rythme. Si un professionnel fait une démarche à votre place, il peut "
                "passer par le service « Aidants Connect » : vous n'avez alors pas à lui confier "
                "vos mots de passe.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Ne payez jamais des « frais de service »",
                    "text": "<p>Quand une démarche est payante, comme un passeport, le paiement se fait par "
                    "timbre fiscal ou sur le site officiel. Un site qui réclame des frais d'assistance "
                    "ou de dossier n'est pas l'administration.</p>",
                },
            ),
            (
                "callout",
                {
                    "kind": "key",
                    "title": "À retenir",
                    "text": "<p>Les vrais sites de l'État finissent par .gouv.fr, et la plupart des démarches "
                    "sont gratuites. Partez de service-public.gouv.fr, connectez-vous avec FranceConnect, "
                    "et demandez de l'aide si besoin.</p>",
                },
            ),
        ],
    },
]

# ---------------------------------------------------------------------------
# Directory of free alternatives
# ---------------------------------------------------------------------------

ALTERNATIVES = [
    # Bureautique
    {
        "proprietary": "Microsoft Word",
        "alternatives": "LibreOffice Writer",
        "category": "Bureautique",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://www.libreoffice.org/",
        "description": "Traitement de texte libre pour écrire lettres et CV ; il "
        "ouvre et enregistre les fichiers Word.",
    },
    {
        "proprietary": "Microsoft Excel",
        "alternatives": "LibreOffice Calc",
        "category": "Bureautique",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://www.libreoffice.org/",
        "description": "Tableur libre pour tenir un budget ou une liste ; il lit et enregistre les fichiers Excel.",
    },
    {
        "proprietary": "Microsoft PowerPoint",
        "alternatives": "LibreOffice Impress",
        "category": "Bureautique",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://www.libreoffice.org/",
        "description": "Logiciel libre de diaporamas, compatible avec les présentations PowerPoint.",
    },
    {
        "proprietary": "Microsoft Office",
        "alternatives": "ONLYOFFICE",
        "category": "Bureautique",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://www.onlyoffice.com/",
        "description": "Suite bureautique libre à l'allure proche de Microsoft "
        "Office, très fidèle aux fichiers Word et Excel.",
    },
    {
        "proprietary": "Google Docs, Microsoft 365 en ligne",
        "alternatives": "CryptPad",
        "category": "Bureautique",
        "platforms": ["web"],
        "difficulty": "facile",
        "url": "https://cryptpad.org/",
        "description": "Textes, tableaux et formulaires à remplir à plusieurs dans "
        "le navigateur, chiffrés pour rester privés.",
    },
    # Navigateur
    {
        "proprietary": "Google Chrome",
        "alternatives": "Mozilla Firefox",
        "category": "Navigateur",
        "platforms": ["windows", "macos", "linux", "android", "ios"],
        "difficulty": "facile",
        "url": "https://www.mozilla.org/fr/firefox/",
        "description": "Navigateur libre d'une fondation à but non lucratif, avec "
        "une protection contre le pistage intégrée.",
    },
    {
        "proprietary": "Microsoft Edge",
        "alternatives": "LibreWolf",
        "category": "Navigateur",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "moyen",
        "url": "https://librewolf.net/",
        "description": "Version de Firefox réglée d'avance pour la vie privée ; quelques sites demandent d'assouplir "
        "ses réglages.",
    },
    {
        "proprietary": "Google Chrome (navigation privée)",
        "alternatives": "Tor Browser",
        "category": "Navigateur",
        "platforms": ["windows", "macos", "linux", "android"],
        "difficulty": "moyen",
        "url": "https://www.torproject.org/",
        "description": "Navigateur libre qui fait passer vos connexions par plusieurs relais pour cacher d'où vous "
        "venez ; plus lent.",
    },
    # Messagerie
    {
        "proprietary": "WhatsApp",
        "alternatives": "Signal",
        "category": "Messagerie",
        "platforms": ["android", "ios", "windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://signal.org/",
        "description": "Messagerie chiffrée de bout en bout, sans publicité, "
        "gérée par une fondation à but non lucratif.",
    },
    {
        "proprietary": "Messenger, Discord",
        "alternatives": "Element",
        "category": "Messagerie",
        "platforms": ["windows", "macos", "linux", "android", "ios", "web"],
        "difficulty": "moyen",
        "url": "https://element.io/",
        "description": "Messagerie libre pour les groupes et les associations, sur le réseau ouvert Matrix.",
    },
    # Courriel
    {
        "proprietary": "Microsoft Outlook",
        "alternatives": "Mozilla Thunderbird",
        "category": "Courriel",
        "platforms": ["windows", "macos", "linux", "android"],
        "difficulty": "facile",
        "url": "https://www.thunderbird.net/",
        "description": "Logiciel de courriel libre qui réunit plusieurs adresses, avec carnet d'adresses et agenda.",
    },
    {
        "proprietary": "Gmail, Outlook.com",
        "alternatives": "Proton Mail",
        "category": "Courriel",
        "platforms": ["web", "android", "ios"],
        "difficulty": "facile",
        "url": "https://proton.me/mail",
        "description": "Adresse de courriel chiffrée, sans publicité, dont les applications sont libres ; "
        "une offre gratuite existe.",
    },
    # Stockage et synchronisation
    {
        "proprietary": "Google Drive, Dropbox",
        "alternatives": "Nextcloud",
        "category": "Stockage et synchronisation",
        "platforms": ["windows", "macos", "linux", "android", "ios", "web"],
        "difficulty": "moyen",
        "url": "https://nextcloud.com/",
        "description": "Espace en ligne libre pour ranger et partager fichiers, agenda et contacts, "
        "chez un hébergeur de confiance.",
    },
    {
        "proprietary": "Microsoft OneDrive",
        "alternatives": "Syncthing",
        "category": "Stockage et synchronisation",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "avance",
        "url": "https://syncthing.net/",
        "description": "Synchronise des dossiers directement entre vos appareils, sans passer par le serveur "
        "d'une entreprise.",
    },
    # Cartes
    {
        "proprietary": "Google Maps (application)",
        "alternatives": "OsmAnd",
        "category": "Cartes",
        "platforms": ["android", "ios"],
        "difficulty": "moyen",
        "url": "https://osmand.net/",
        "description": "Cartes et GPS qui marchent même sans connexion, basés sur la carte collaborative "
        "OpenStreetMap.",
    },
    {
        "proprietary": "Google Maps (site web)",
        "alternatives": "OpenStreetMap",
        "category": "Cartes",
        "platforms": ["web"],
        "difficulty": "facile",
        "url": "https://www.openstreetmap.org/",
        "description": "Carte du monde libre, dessinée par des bénévoles, pour trouver une adresse ou un itinéraire.",
    },
    # Vidéo
    {
        "proprietary": "YouTube",
        "alternatives": "PeerTube",
        "category": "Vidéo",
        "platforms": ["web"],
        "difficulty": "facile",
        "url": "https://joinpeertube.org/",
        "description": "Plateforme de vidéos libre et décentralisée, sans publicité imposée, née chez "
        "l'association Framasoft.",
    },
    {
        "proprietary": "Lecteur Windows Media, QuickTime",
        "alternatives": "VLC",
        "category": "Vidéo",
        "platforms": ["windows", "macos", "linux", "android", "ios"],
        "difficulty": "facile",
        "url": "https://www.videolan.org/",
        "description": "Lecteur libre qui lit presque toutes les vidéos et musiques, sans rien installer d'autre.",
    },
    {
        "proprietary": "Adobe Premiere, iMovie",
        "alternatives": "Kdenlive",
        "category": "Vidéo",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "moyen",
        "url": "https://kdenlive.org/",
        "description": "Logiciel de montage vidéo libre pour couper, assembler et ajouter des titres et de la musique.",
    },
    {
        "proprietary": "Zoom, Microsoft Teams",
        "alternatives": "Jitsi Meet",
        "category": "Vidéo",
        "platforms": ["web", "android", "ios"],
        "difficulty": "facile",
        "url": "https://jitsi.org/",
        "description": "Visioconférence libre qui s'ouvre dans le navigateur, sans compte à créer.",
    },
    # Système d'exploitation
    {
        "proprietary": "Microsoft Windows",
        "alternatives": "Linux Mint",
        "category": "Système d'exploitation",
        "platforms": ["linux"],
        "difficulty": "moyen",
        "url": "https://linuxmint.com/",
        "description": "Système libre et gratuit, proche de Windows à l'usage, "
        "qui redonne vie aux ordinateurs anciens.",
    },
    {
        "proprietary": "Android de Google",
        "alternatives": "/e/OS",
        "category": "Système d'exploitation",
        "platforms": ["android"],
        "difficulty": "avance",
        "url": "https://e.foundation/",
        "description": "Version d'Android sans les services de Google, à installer sur certains téléphones "
        "ou déjà installée à l'achat.",
    },
    # Retouche d'image
    {
        "proprietary": "Adobe Photoshop",
        "alternatives": "GIMP",
        "category": "Retouche d'image",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "moyen",
        "url": "https://www.gimp.org/",
        "description": "Logiciel libre de retouche photo : recadrer, corriger les couleurs, détourer, "
        "travailler par calques.",
    },
    {
        "proprietary": "Adobe Lightroom",
        "alternatives": "darktable",
        "category": "Retouche d'image",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "avance",
        "url": "https://www.darktable.org/",
        "description": "Logiciel libre pour trier et développer les photos d'un appareil numérique, "
        "y compris au format RAW.",
    },
    {
        "proprietary": "Adobe Illustrator",
        "alternatives": "Inkscape",
        "category": "Retouche d'image",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "moyen",
        "url": "https://inkscape.org/",
        "description": "Logiciel libre de dessin pour créer logos, affiches et illustrations qui restent nets "
        "à toutes les tailles.",
    },
    # Mots de passe
    {
        "proprietary": "LastPass, 1Password",
        "alternatives": "Bitwarden",
        "category": "Mots de passe",
        "platforms": ["windows", "macos", "linux", "android", "ios", "web"],
        "difficulty": "facile",
        "url": "https://bitwarden.com/",
        "description": "Gestionnaire de mots de passe libre qui retrouve le même coffre-fort chiffré "
        "sur l'ordinateur et le téléphone.",
    },
    {
        "proprietary": "Mots de passe enregistrés dans le navigateur",
        "alternatives": "KeePassXC",
        "category": "Mots de passe",
        "platforms": ["windows", "macos", "linux"],
        "difficulty": "moyen",
        "url": "https://keepassxc.org/",
        "description": "Coffre-fort à mots de passe libre qui reste sur votre ordinateur, sans compte en ligne.",
    },
    {
        "proprietary": "Google Authenticator",
        "alternatives": "Ente Auth, Aegis",
        "category": "Mots de passe",
        "platforms": ["android", "ios", "windows", "macos", "linux"],
        "difficulty": "facile",
        "url": "https://ente.io/auth/",
        "description": "Applications libres qui affichent les codes de la double authentification, "
        "avec une sauvegarde chiffrée.",
    },
    # Moteur de recherche
    {
        "proprietary": "Google Recherche",
        "alternatives": "SearXNG",
        "category": "Moteur de recherche",
        "platforms": ["web"],
        "difficulty": "moyen",
        "url": "https://docs.searxng.org/",
        "description": "Métamoteur libre qui interroge plusieurs moteurs sans vous pister ; "
        "on l'utilise par une instance publique ou associative.",
    },
    # Applications mobiles
    {
        "proprietary": "Google Play Store",
        "alternatives": "F-Droid",
        "category": "Applications mobiles",
        "platforms": ["android"],
        "difficulty": "moyen",
        "url": "https://f-droid.org/",
        "description": "Magasin d'applications Android qui ne propose que des logiciels libres, sans compte à créer.",
    },
    # Utilitaires
    {
        "proprietary": "WinRAR, WinZip",
        "alternatives": "7-Zip",
        "category": "Utilitaires",
        "platforms": ["windows"],
        "difficulty": "facile",
        "url": "https://www.7-zip.org/",
        "description": "Outil libre pour ouvrir et créer des fichiers compressés (.zip, .7z) ; il ouvre aussi "
        "les fichiers .rar.",
    },
]
