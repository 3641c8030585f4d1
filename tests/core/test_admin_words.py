"""The admin words Wagtail builds from parts (core/admin_words.py): a title and its
subtitle joined the French way, a workflow's or task's name lower case in a sentence.
The crawl of tests/espace/test_admin_words.py checks them on the pages a member reaches."""

from wagtail.admin.action_menu import SubmitForModerationMenuItem

import pytest

from core.admin_words import SubmitMenuItem, header_title


class View:
    def __init__(self, title, subtitle):
        self.get_page_title, self.get_page_subtitle = lambda: title, lambda: subtitle


def test_a_title_and_its_subtitle_are_joined_by_a_non_breaking_space_and_a_colon():
    assert header_title(View("Création", "Atelier")) == "Création\N{NO-BREAK SPACE}: Atelier"
    assert header_title(View("Rapport d'activité", "")) == "Rapport d'activité"


@pytest.mark.parametrize(
    ("wagtails", "ours"),
    [
        ("Soumettre à Validation par la coordination", "Soumettre à validation par la coordination"),
        ("Resoumettre à Relecture par la coordination", "Resoumettre à relecture par la coordination"),
        ("Soumettre à la modération", "Soumettre à la modération"),
    ],
)
def test_the_workflows_name_is_lower_case_in_the_submit_button(monkeypatch, wagtails, ours):
    monkeypatch.setattr(SubmitForModerationMenuItem, "get_context_data", lambda self, parent: {"label": wagtails})
    assert SubmitMenuItem().get_context_data({})["label"] == ours
