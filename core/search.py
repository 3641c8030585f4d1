"""One search behaviour for the whole site, as people ask in French: accents,
plurals and case don't matter (« Sécurité » and « securite », « mots de passe » and
« mot de passe » meet), and the little words of a sentence are left out (« je veux
protéger mes données » looks for « proteger donnee »).

Pages index a folded copy of their text (`FoldedSearchMixin`) and searches fold what
people type the same way, on SQLite as on PostgreSQL's full-text search."""

import re
import unicodedata

from wagtail.search import index
from wagtail.search.query import And, Or, PlainText

WORD = re.compile(r"[a-z0-9]+")

# Written folded (no accents): « où » is « ou », « à » is « a ».
STOP_WORDS = frozenset(
    """
    a ai au aux avec c ce ces cet cette comment d dans de des du elle en est et il j je l la le les leur
    leurs m ma me mes moi mon n ne nos notre nous on ou par pas pour qu que quel quelle qui s sa se ses
    si son sur t ta te tes ton tu un une vos votre vous y
    veux voudrais aimerais souhaite cherche peux puis savoir besoin
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def fold_word(word):
    # A light plural rule: « mots » → « mot », « réseaux » → « reseau »; short words stay.
    if len(word) > 3 and word.endswith("aux"):
        return word[:-1]
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def ascii_words(text):
    return WORD.findall(unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower())


def fold(text):
    """Lowercase, accents removed, light plural folding, one space between words."""
    return " ".join(fold_word(word) for word in ascii_words(text))


def query_words(text):
    """The folded words a search looks for, without the little words of a sentence
    (all of them, if the query is nothing but little words)."""
    words = ascii_words(text)
    return [fold_word(word) for word in [word for word in words if word not in STOP_WORDS] or words]


class FoldedSearchMixin:
    """A page model that indexes `folded_text`, the folded copy of its other search
    fields: list `FOLDED` in its `search_fields`."""

    def folded_text(self):
        parts = []
        for field in self.search_fields:
            if isinstance(field, index.SearchField) and field.field_name != "folded_text":
                value = field.get_value(self)
                parts.extend(value if isinstance(value, list | tuple) else [value])
        return fold(" ".join(str(part) for part in parts if part))


FOLDED = index.SearchField("folded_text")


# Everyday words for the same thing, one group a line; Coordination adds its own groups in the
# site settings (« Synonymes pour la recherche »). A group's words may be phrases.
SYNONYMS = """
telephone, smartphone, portable, mobile, tablette
mail, courriel, e-mail, email, messagerie
ordi, ordinateur, pc
arnaque, escroquerie, hameçonnage, phishing, fraude
vie privée, données personnelles, RGPD
mot de passe, mdp, identifiant
internet, web, en ligne
"""


def synonym_groups(extra=""):
    """[(phrase, …)] folded, each phrase a tuple of words: the built-in groups, then `extra`."""
    groups = []
    for line in f"{SYNONYMS}\n{extra or ''}".splitlines():
        phrases = {tuple(query_words(part)) for part in line.split(",")} - {()}
        if len(phrases) > 1:
            groups.append(tuple(sorted(phrases)))
    return groups


def wanted_words(text, extra_synonyms=""):
    """Every folded word the query looks for, its synonyms' words included."""
    words = set(query_words(text))
    for group in synonym_groups(extra_synonyms):
        if any(set(phrase) <= words for phrase in group):
            words.update(word for phrase in group for word in phrase)
    return words


def search_query(text, extra_synonyms="", operator="and"):
    """Wagtail's query for what someone typed: each word (or phrase of a synonym group) may be
    any word of its group (« smartphone » finds « téléphone »); None when nothing is left."""
    words, groups = query_words(text), synonym_groups(extra_synonyms)
    terms, position = [], 0
    while position < len(words):
        match = max(
            (
                (phrase, group)
                for group in groups
                for phrase in group
                if tuple(words[position : position + len(phrase)]) == phrase
            ),
            key=lambda found: len(found[0]),
            default=None,
        )
        if match is None:
            terms.append(PlainText(words[position]))
            position += 1
        else:
            terms.append(Or([PlainText(" ".join(phrase), operator="and") for phrase in match[1]]))
            position += len(match[0])
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else (And(terms) if operator == "and" else Or(terms))
