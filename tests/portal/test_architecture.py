"""The shape of the code: the ground floor stays below, no import cycle, no oversized module.

Every product module (migrations and tests aside) is parsed with `ast`; ALL its imports count,
including those inside functions, so a function-level import cannot hide a dependency or a cycle.
Only `apps.py` may import late (its `ready()` wires signals), so its edges are left out of the graph.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCT_PACKAGES = ["portal", "directory", "membership", "news", "recruitment", "legacy"]
FEATURE_APPS = ["directory", "membership", "news", "recruitment", "legacy"]
SKIPPED_DIRS = {"migrations", "tests", "__pycache__"}
MAX_LINES = 400


# --- Walking the modules --------------------------------------------------------------------------


def module_name(path):
    """The dotted name of a file under ROOT (a package is named after its directory)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def product_files():
    for package in PRODUCT_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                yield path


def product_modules():
    """{dotted name: path} of every product module."""
    return {module_name(path): path for path in product_files()}


def _is_type_checking_block(node):
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _import_nodes(tree):
    """Every Import/ImportFrom of the tree at any depth, except under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if _is_type_checking_block(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def imported_names(source, module, is_package=False):
    """The absolute dotted names a module's source imports: `import a.b` gives "a.b";
    `from a import b` gives "a.b" (a submodule or a name of `a`, told apart by `resolve`)."""
    package = module if is_package else module.rpartition(".")[0]
    names = set()
    for node in _import_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)]
            base = ".".join([*anchor, base] if base else anchor)
        names.update(f"{base}.{alias.name}" if alias.name != "*" else base for alias in node.names)
    return names


def resolve(name, modules):
    """The product module an imported name lands in (the longest known prefix), or None."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imports_of(module, path):
    return imported_names(path.read_text(), module, is_package=path.name == "__init__.py")


def import_graph(modules):
    """{module: {product modules it imports}}, without the edges of `apps.py` modules."""
    graph = {}
    for module, path in modules.items():
        if module.endswith(".apps"):
            graph[module] = set()
            continue
        targets = {resolve(name, modules) for name in imports_of(module, path)}
        graph[module] = {target for target in targets if target and target != module}
    return graph


def strongly_connected(graph):
    """The strongly connected components of more than one module (Tarjan): each holds cycles."""
    index, lowlink, on_stack, stack, components = {}, {}, set(), [], []
    counter = [0]

    def strongconnect(node):
        index[node] = lowlink[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                strongconnect(target)
                lowlink[node] = min(lowlink[node], lowlink[target])
            elif target in on_stack:
                lowlink[node] = min(lowlink[node], index[target])
        if lowlink[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            strongconnect(node)
    return components


def find_cycles(graph):
    """One cycle (a list of modules, first == last) per strongly connected component."""
    return [_cycle_in(component, graph) for component in strongly_connected(graph)]


def _cycle_in(component, graph):
    """A concrete cycle through the component's smallest member (breadth-first, shortest)."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & component):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError("a strongly connected component always holds a cycle")


def is_pure_data(source):
    """Only a docstring, imports and literal assignments (a seed-data module)."""
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        if isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        if isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            try:
                ast.literal_eval(statement.value)
                continue
            except ValueError:
                return False
        return False
    return True


# --- The walker itself ----------------------------------------------------------------------------


class TestWalker:
    def test_imports_inside_functions_and_relative_imports_count(self):
        source = (
            "from . import perms\n"
            "from .models import Candidate\n"
            "from ..enums import Status\n"
            "import recruitment.rules\n"
            "def view():\n"
            "    from directory.models import OrganisationSheet\n"
            "class A:\n"
            "    def m(self):\n"
            "        import news.digest\n"
            "if TYPE_CHECKING:\n"
            "    from membership.models import Fee\n"
        )
        names = imported_names(source, "recruitment.sar.views")
        assert names == {
            "recruitment.sar.perms",
            "recruitment.sar.models.Candidate",
            "recruitment.enums.Status",
            "recruitment.rules",
            "directory.models.OrganisationSheet",
            "news.digest",
        }

    def test_relative_imports_of_a_package_init(self):
        assert imported_names("from .dossiers import *\n", "recruitment.models", is_package=True) == {
            "recruitment.models.dossiers"
        }

    def test_resolution_to_the_longest_known_module(self):
        modules = {"recruitment", "recruitment.models", "recruitment.models.reference", "recruitment.sar.perms"}
        assert resolve("recruitment.models.Candidate", modules) == "recruitment.models"
        assert resolve("recruitment.models.reference.Job", modules) == "recruitment.models.reference"
        assert resolve("recruitment.sar.perms", modules) == "recruitment.sar.perms"
        assert resolve("django.db.models", modules) is None

    def test_cycles_are_found_and_printed_as_paths(self):
        graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
        assert find_cycles(graph) == [["a", "b", "c", "a"]]
        assert find_cycles({"a": {"b"}, "b": set()}) == []

    def test_pure_data_modules(self):
        assert is_pure_data('"""Doc."""\nfrom x import y\nA = [("a", 1), ("b", 2)]\nB: dict = {"k": True}\n')
        assert not is_pure_data("A = [x for x in range(3)]\n")
        assert not is_pure_data("def f():\n    return 1\n")

    def test_the_walk_covers_every_product_package(self):
        modules = product_modules()
        assert {"portal.registry", "directory.api", "membership.models", "news.models"} <= set(modules)
        assert not [name for name in modules if ".migrations." in name]
        assert "portal.accounts.roles" in import_graph(modules)["directory.roles"]


# --- The rules ------------------------------------------------------------------------------------


def test_portal_imports_no_feature_app():
    """The ground floor discovers the apps (portal.registry); it never names them in an import."""
    modules = product_modules()
    offending = []
    for module, path in modules.items():
        if not module.startswith("portal."):
            continue
        for name in sorted(imports_of(module, path)):
            if name.split(".")[0] in FEATURE_APPS:
                offending.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not offending, "portal/ imports feature apps:\n" + "\n".join(offending)


def test_the_import_graph_has_no_cycle():
    graph = import_graph(product_modules())
    components = strongly_connected(graph)
    printed = "\n".join(
        f"{' -> '.join(_cycle_in(component, graph))}   (tangled: {', '.join(sorted(component))})"
        for component in components
    )
    print(printed)
    assert not components, f"{len(components)} import cycle(s) between product modules:\n{printed}"


def test_no_product_module_over_the_size_limit():
    oversized = []
    for path in product_files():
        source = path.read_text()
        lines = len(source.splitlines())
        if lines <= MAX_LINES:
            continue
        if "reference_data" in path.parts and is_pure_data(source):
            continue
        oversized.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert not oversized, f"modules over {MAX_LINES} lines:\n" + "\n".join(oversized)
