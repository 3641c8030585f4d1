"""French text folded for search, so that accents and plurals don't matter:
« Sécurité » and « securite », « mots de passe » and « mot de passe » meet.

The same folding is applied to what is indexed and to what people type, on
SQLite as on PostgreSQL's full-text search."""

import re
import unicodedata

WORD = re.compile(r"[a-z0-9]+")


def fold_word(word):
    # A light plural rule: « mots » → « mot », « réseaux » → « reseau »; short words stay.
    if len(word) > 3 and word.endswith("aux"):
        return word[:-1]
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def fold(text):
    """Lowercase, accents removed, light plural folding, one space between words."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(fold_word(word) for word in WORD.findall(ascii_text))
