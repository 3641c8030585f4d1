"""What a download link says about its document: format, size, accessible or not, and
where to read the same content as a web page (home/documents.py)."""

from types import SimpleNamespace

import pytest

from home.documents import document_facts, html_equivalent, size_label


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (1, "1\u00a0octet"),
        (800, "800\u00a0octets"),
        (1024, "1\u00a0Ko"),
        (1524, "1\u00a0Ko"),
        (240 * 1024, "240\u00a0Ko"),
        (1024 * 1024 - 1, "1024\u00a0Ko"),
        (1024 * 1024, "1,0\u00a0Mo"),
        (int(1.25 * 1024 * 1024), "1,2\u00a0Mo"),
    ],
)
def test_sizes_read_as_people_say_them_never_cut_from_their_unit(size, label):
    assert size_label(size) == label


def test_the_link_says_format_size_and_that_the_document_is_not_accessible():
    assert document_facts("pdf", 240 * 1024, False) == "PDF, 240\u00a0Ko, non accessible"


def test_the_link_says_an_accessible_document_is_accessible():
    assert document_facts("odt", 3 * 1024 * 1024, True) == "ODT, 3,0\u00a0Mo, accessible"


def test_a_file_that_cannot_be_read_still_says_its_format_and_accessibility():
    assert document_facts("pdf", None, False) == "PDF, non accessible"
    assert document_facts("", None, True) == "accessible"


def test_the_html_equivalent_is_the_chosen_page_only_while_it_is_published():
    here, chosen = SimpleNamespace(live=True), SimpleNamespace(live=True)
    assert html_equivalent({"html_equivalent": chosen}, here) is chosen
    chosen.live = False
    assert html_equivalent({"html_equivalent": chosen}, here) is here
    assert html_equivalent({"html_equivalent": None}, here) is here
