"""Plain-language advice on a French text, for the people who write the site's pages: the
sentences that are too long, the jargon words with the plain word to use instead, and a
readability score. Advice only: nothing here ever stops a page from being published.

The score is Kandel and Moles' adaptation of Flesch's reading ease to French (L. Kandel,
A. Moles, « Application de l'indice de Flesch à la langue française », Cahiers Études de
radio-télévision, 1958):

    207 − 1.015 × (words per sentence) − 73.6 × (syllables per word)

from about 0 (very hard) to 100 and over (very easy). Wagtail's own checks panel shows the
LIX index, which is not tuned for French, and neither the sentences nor the words to change.
Syllables are counted in writing, as groups of vowels, a final mute « e » left out: close
enough for advice, not for linguistics."""

import re
from dataclasses import dataclass, field

LONG_SENTENCE_WORDS = 20
# Letters, with the apostrophes of elision and the hyphens inside a word: « l'ordinateur », « peut-être ».
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+|\n+")
VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]+", re.IGNORECASE)
MUTE_ENDING = re.compile(r"[^aeiouyàâäéèêëîïôöùûüœæ]es?$", re.IGNORECASE)

# Kandel–Moles scores from this value up, in the order read: what the writer is told.
LEVELS = [
    (70, "facile à lire"),
    (60, "assez facile à lire"),
    (50, "un peu difficile à lire"),
    (30, "difficile à lire"),
    (float("-inf"), "très difficile à lire"),
]


def words(text):
    return WORD.findall(text)


def sentences(text):
    """The sentences of a text, each as written (a line break, a list item, ends one too)."""
    return [part.strip() for part in SENTENCE_END.split(text) if words(part)]


def syllables(word):
    groups = len(VOWELS.findall(word))
    if groups > 1 and MUTE_ENDING.search(word):
        groups -= 1
    return max(groups, 1)


def kandel_moles(text):
    """The Kandel–Moles reading ease of a text, rounded to a whole number; None without words."""
    found = sentences(text)
    all_words = [word for sentence in found for word in words(sentence)]
    if not all_words:
        return None
    per_sentence = len(all_words) / len(found)
    per_word = sum(syllables(word) for word in all_words) / len(all_words)
    return round(207 - 1.015 * per_sentence - 73.6 * per_word)


def level(score):
    return next(label for threshold, label in LEVELS if score >= threshold)


def long_sentences(text, limit=LONG_SENTENCE_WORDS):
    """(sentence, number of words) of each sentence over the limit."""
    return [(sentence, count) for sentence in sentences(text) if (count := len(words(sentence))) > limit]


def jargon_found(text, jargon):
    """(word, plain word to use) for each word of the jargon list the text uses, singular or
    plural, whatever its case, in the order of the list."""
    found = []
    for word, plain in jargon.items():
        pattern = rf"(?<![^\W\d_]){re.escape(word)}(s|x)?(?![^\W\d_])"
        if re.search(pattern, text, re.IGNORECASE):
            found.append((word, plain))
    return found


@dataclass
class Advice:
    score: int | None
    level: str = ""
    long_sentences: list = field(default_factory=list)
    jargon: list = field(default_factory=list)

    @property
    def is_empty(self):
        return self.score is None


def advise(text, jargon):
    """Everything the editor is told about a text."""
    score = kandel_moles(text)
    if score is None:
        return Advice(score=None)
    return Advice(
        score=score, level=level(score), long_sentences=long_sentences(text), jargon=jargon_found(text, jargon)
    )
