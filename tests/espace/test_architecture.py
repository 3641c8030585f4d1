"""The shape of the code, checked on the import graph of the project's own modules
(grimp reads the sources; nothing is imported): no import cycles, each app imports
only the apps below it, and no model module imports a view."""

import grimp
import pytest

# Each app and the apps it may import; `espace` (settings, URLs) wires them all.
ALLOWED = {
    "core": set(),
    "home": {"core"},
    "booking": {"core", "home"},
    "agenda": {"core", "home", "booking"},
    "resources": {"core", "home", "agenda"},
    # The report and the open data read every app's content; nothing imports them.
    "reports": {"core", "home", "booking", "agenda", "resources", "reemploi"},
    "opendata": {"core", "home", "booking", "agenda", "resources"},
    # The ateliers by email read the agenda; nothing imports them.
    "follow": {"core", "home", "agenda"},
    # The agenda on partners' sites reads the agenda; nothing imports it.
    "partners": {"core", "home", "agenda"},
    # Réemploi ties the repair café's log to the agenda's sessions and points donors at a guide.
    "reemploi": {"core", "home", "agenda", "resources"},
    # The accessibility statement and its reports; nothing imports them.
    "accessibility": {"core", "home"},
}
PACKAGES = [*ALLOWED, "espace"]
# What serves requests through URLs, as modules or packages (`booking/admin/views/`):
# page models own their routes and never reach these.
VIEW_MODULES = ("views", "feeds", "wagtail_hooks", "urls")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def imports(graph):
    """(importer, imported) of every direct import between the project's modules."""
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            yield module, imported


def cycles(graph):
    """The groups of modules that import each other, directly or not (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while not group or module not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def forbidden_imports(graph):
    return sorted(
        f"{importer} → {imported}"
        for importer, imported in imports(graph)
        if (app := importer.split(".")[0]) in ALLOWED
        and (other := imported.split(".")[0]) != app
        and other not in ALLOWED[app]
    )


def views_imported_by_models(graph):
    return sorted(
        f"{importer} → {imported}"
        for importer, imported in imports(graph)
        if importer.split(".")[1:2] == ["models"] and set(imported.split(".")[1:]) & set(VIEW_MODULES)
    )


def test_no_module_imports_itself_back(graph):
    assert cycles(graph) == []


def test_each_app_imports_only_the_apps_below_it(graph):
    assert forbidden_imports(graph) == []


def test_no_model_imports_a_view(graph):
    assert views_imported_by_models(graph) == []


def test_the_checks_see_each_fault():
    faulty = grimp.ImportGraph()
    for module in ("core.site", "home.models", "home.models.members", "home.views", "home.admin.views.pages"):
        faulty.add_module(module)
    faulty.add_import(importer="home.models.members", imported="home.views")
    faulty.add_import(importer="home.models", imported="home.admin.views.pages")
    faulty.add_import(importer="home.views", imported="home.models")
    faulty.add_import(importer="home.models", imported="home.models.members")
    faulty.add_import(importer="core.site", imported="home.models")
    assert cycles(faulty) == [["home.models", "home.models.members", "home.views"]]
    assert forbidden_imports(faulty) == ["core.site → home.models"]
    assert views_imported_by_models(faulty) == [
        "home.models → home.admin.views.pages",
        "home.models.members → home.views",
    ]
