"""French typography in every word the site writes: a non-breaking space (U+00A0) before
« : ; ! ? » and inside « », never a plain one (a phone in large print would put the « ? »
alone at the start of a line). Walks the templates, the pages' and the mails' (visible text
only: not the template code, the tags, CSS or scripts), the Python string literals (with ast:
no docstrings; help texts and labels included, though migrations copy them) and the
translations of our catalogue (locale/*.po)."""

import ast
import gettext
import itertools
import pathlib
import re

from django.conf import settings

import pytest

ROOT = pathlib.Path(settings.BASE_DIR)
# Not the site: the developers' and operators' tools, the tests, the migrations.
NOT_THE_SITE = {".venv", "node_modules", ".git", "static", "bench", "deploy", "validate", "tests", "migrations"}
# Names stored in the database, not sentences (the member groups are found by this prefix).
IDENTIFIERS = {"Membre : "}

PLAIN_SPACE = re.compile(
    r"(?<=\S) [:;!?](?=[\s\"'»)<.,]|$)"  # « Motif : », « Combien ? » (not 14:00, ?page=2, a :hover)
    r"|« | »"  # « Facile à lire » with plain spaces
    r"|«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»"  # or none
)


def site_files(suffixes):
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        if path.suffix not in suffixes or any(part in NOT_THE_SITE for part in relative.parts):
            continue
        yield path, str(relative)


# Template code, comments, CSS and scripts are not read; `{{ value }}` reads as a word.
TEMPLATE_CODE = re.compile(
    r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|<(style|script)\b.*?</\1>|{%.*?%}|{{.*?}}|<[^>]*>",
    re.S | re.I,
)
TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1.*?%}""", re.S)
READ_ATTRIBUTES = re.compile(r'\b(?:alt|title|aria-label|placeholder|content)="([^"]*)"')


def visible_text(source):
    """What a person reads of a template (the words of {% translate %} and of the attributes read out)."""

    def read(match):
        code = match.group(0)
        if translated := TRANSLATE.fullmatch(code):
            return translated.group(2)
        if code.startswith("{{"):
            return "x"
        if code.startswith("<") and not code.lower().startswith(("<style", "<script")):
            return " ".join(READ_ATTRIBUTES.findall(code))
        return ""

    return TEMPLATE_CODE.sub(read, source)


def template_hits():
    for path, relative in site_files({".html", ".txt"}):
        if "templates" not in pathlib.Path(relative).parts:
            continue
        for line in visible_text(path.read_text()).splitlines():
            if PLAIN_SPACE.search(line):
                yield f"{relative}: {line.strip()[:100]}"


CATALOGUE_ENTRY = re.compile(r'^(msgid|msgstr(?:\[\d+\])?) ("(?:[^"\\]|\\.)*"\n(?:"(?:[^"\\]|\\.)*"\n)*)', re.M)


def catalogue_entries(source):
    """(keyword, text) of each msgid and msgstr of a .po catalogue, their lines joined."""
    for keyword, quoted in CATALOGUE_ENTRY.findall(source):
        yield keyword, "".join(ast.literal_eval(line) for line in quoted.splitlines())


def translations(source):
    """The French of a .po catalogue: each msgstr (the English msgid is not read)."""
    return [text for keyword, text in catalogue_entries(source) if keyword.startswith("msgstr")]


def catalogue_hits():
    for path, relative in site_files({".po"}):
        for text in translations(path.read_text()):
            if PLAIN_SPACE.search(text):
                yield f"{relative}: {text[:100]!r}"


def skipped_strings(tree):
    """Docstrings."""
    skipped = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        is_definition = isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        if is_definition and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skipped.add(id(body[0].value))
    return skipped


def string_text(node):
    """A literal's words; in an f-string each {value} reads as a word."""
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value if isinstance(part, ast.Constant) else "x" for part in node.values)
    return node.value


def python_hits():
    for path, relative in site_files({".py"}):
        tree = ast.parse(path.read_text())
        skipped = skipped_strings(tree)
        in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if id(node) in skipped or id(node) in in_fstrings:
                continue
            if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                text = string_text(node)
                if text not in IDENTIFIERS and PLAIN_SPACE.search(text):
                    yield f"{relative}:{node.lineno}: {text[:100]!r}"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Motif : absent", True),
        ("Combien ?", True),
        ("Lire « Facile à lire »", True),
        ("Lire «Facile à lire»", True),
        ("Motif\u00a0: absent", False),
        ("Combien\u00a0?", False),
        ("Lire «\u00a0Facile à lire\u00a0»", False),
        ("À 14:00, /agenda/?page=2", False),
        ("a:hover { color: red; }", False),
    ],
)
def test_the_rule_sees_plain_spaces_and_not_code(text, wrong):
    assert bool(PLAIN_SPACE.search(text)) is wrong


def test_a_template_is_read_as_a_person_reads_it():
    source = (
        '{% if a %}{% translate "Motif :" %} {{ reason }}{% endif %}<a title="Ouvrir ?" style="a :b">'
        "<style>p :hover {}</style>{# x : y #}"
    )
    assert visible_text(source) == "Motif : xOuvrir ?"


def test_a_catalogue_is_read_for_its_french_only():
    source = (
        '# Un commentaire : pour les développeurs\nmsgid "New: %(name)s"\nmsgstr "Création : %(name)s"\n\n'
        'msgid "Long"\nmsgstr ""\n"Première ligne ; "\n"seconde \\"ligne\\"."\n'
    )
    assert list(translations(source)) == ["Création : %(name)s", 'Première ligne ; seconde "ligne".']


def test_the_sweep_reads_the_mails_and_the_catalogue():
    read = [relative for _path, relative in site_files({".html", ".txt", ".po"})]
    assert any(relative.endswith(".txt") and "/emails/" in relative for relative in read)
    assert "locale/fr/LC_MESSAGES/django.po" in read


def test_templates_use_non_breaking_spaces_in_french():
    hits = list(template_hits())
    assert not hits, "\n".join(hits)


def test_python_strings_use_non_breaking_spaces_in_french():
    hits = list(python_hits())
    assert not hits, "\n".join(hits)


def test_catalogue_translations_use_non_breaking_spaces_in_french():
    hits = list(catalogue_hits())
    assert not hits, "\n".join(hits)


def test_the_compiled_catalogue_says_what_its_po_file_says():
    """Django reads the .mo: a space fixed in the .po only counts once compiled (msgfmt)."""
    for path, relative in site_files({".po"}):
        with path.with_suffix(".mo").open("rb") as compiled:
            catalogue = gettext.GNUTranslations(compiled)
        entries = list(catalogue_entries(path.read_text()))
        pairs = [
            (msgid, msgstr)
            for (k, msgid), (k2, msgstr) in itertools.pairwise(entries)
            if (k, k2) == ("msgid", "msgstr")
        ]
        stale = [msgid for msgid, msgstr in pairs if msgid and catalogue.gettext(msgid) != msgstr]
        assert pairs, relative
        assert not stale, f"{relative}: recompile it (msgfmt), these differ: {stale}"
