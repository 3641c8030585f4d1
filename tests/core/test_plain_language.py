"""The plain-language advice on French sentences with known results."""

import pytest

from core import plain_language as plain

JARGON = {"identifiant": "nom de compte", "navigateur": "programme pour aller sur internet", "cookie": "traceur"}


def test_score_is_kandel_moles_computed_by_hand():
    # 7 words, 2 sentences: 3.5 words a sentence; syllables Ve-nez 2, a-vec 2, votre 1
    # (mute e), té-lé-phone 3, nous 1, vous 1, ai-dons 2: 12 / 7.
    # 207 − 1.015 × 3.5 − 73.6 × 12 / 7 = 77.3
    assert plain.kandel_moles("Venez avec votre téléphone. Nous vous aidons.") == 77


@pytest.mark.parametrize(
    ("text", "low", "high", "level"),
    [
        ("Le chat dort. Il fait beau.", 100, 140, "facile à lire"),
        ("Venez avec votre téléphone. Nous vous aidons à remplir le dossier.", 60, 90, "facile à lire"),
        (
            "La dématérialisation généralisée des procédures administratives complique considérablement "
            "l'accessibilité des services publics numériques.",
            -100,
            0,
            "très difficile à lire",
        ),
    ],
)
def test_score_and_level_of_french_sentences(text, low, high, level):
    score = plain.kandel_moles(text)
    assert low <= score <= high
    assert plain.level(score) == level


def test_a_text_without_words_has_no_score():
    assert plain.kandel_moles("  12 – 14 ") is None
    assert plain.advise("", JARGON).is_empty


@pytest.mark.parametrize(
    ("word", "count"),
    [("chat", 1), ("porte", 1), ("téléphone", 3), ("ordinateur", 4), ("aujourd'hui", 3), ("année", 2), ("comment", 2)],
)
def test_syllables_are_counted_in_writing_without_the_mute_e(word, count):
    assert plain.syllables(word) == count


def test_a_sentence_over_twenty_words_is_pointed_out_with_its_length():
    long = (
        "Nous vous montrons comment ranger vos photos, écrire un courriel à vos petits-enfants et prendre "
        "un rendez-vous chez le médecin sur internet, sans vous presser, avec des exercices faits ensemble."
    )
    short = "Venez mardi. C'est gratuit."
    assert plain.long_sentences(f"{short} {long}") == [(long, 30)]
    assert plain.long_sentences(short) == []


def test_twenty_words_exactly_is_not_long():
    twenty = " ".join(["mot"] * 20) + "."
    assert plain.long_sentences(twenty) == []
    assert len(plain.long_sentences("encore " + twenty)) == 1


def test_a_line_break_or_a_list_item_ends_a_sentence():
    assert plain.sentences("Apportez\nvotre carte vitale\nvotre téléphone") == [
        "Apportez",
        "votre carte vitale",
        "votre téléphone",
    ]


def test_jargon_words_are_found_with_the_plain_word_to_use_whatever_case_or_plural():
    text = "Tapez votre Identifiant, puis acceptez les cookies."
    assert plain.jargon_found(text, JARGON) == [("identifiant", "nom de compte"), ("cookie", "traceur")]


def test_a_jargon_word_inside_another_word_is_not_jargon():
    assert plain.jargon_found("Les navigateurs et les navigatrices.", {"navigatrice": "x", "gateur": "y"}) == [
        ("navigatrice", "x")
    ]


def test_advice_gathers_everything():
    advice = plain.advise("Ouvrez le navigateur. Cliquez.", JARGON)
    assert advice.jargon == [("navigateur", "programme pour aller sur internet")]
    assert advice.long_sentences == []
    assert advice.level == plain.level(advice.score)
