"""Every name one module of the package takes from another is in that module's ``__all__``.

A module's ``__all__`` says what the rest of the package may rely on; a name used from
outside and missing from it (``forms_goals.no_deadline_note`` was one) looks private and is
renamed or removed unseen. Read from the source (``ast``): ``from career_workbook.x import
name``, relative imports, and ``x.name`` where ``x`` is a module of the package imported by
name (not where a function's own variable of that name hides it). Names starting with ``_``
are private by choice and left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "career_workbook"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def declared_all(tree: ast.Module) -> set[str] | None:
    """The module's ``__all__`` (a literal list), or None when it has none."""
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return set(ast.literal_eval(node.value))
    return None


def bound_here(scope: ast.AST) -> set[str]:
    """Names a function binds itself (its arguments, assignments, loop variables)."""
    names = set()
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        a = scope.args
        names |= {x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs,
                                  *filter(None, [a.vararg, a.kwarg])]}
    for node in ast.walk(scope):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def taken_names(name: str, tree: ast.Module, is_package: bool,
                modules: set[str]) -> set[tuple[str, str]]:
    """``(module, name)`` for each name this module takes from another of ``modules``."""
    taken, aliases = set(), {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = node.module
            if node.level:
                base = name.split(".")[:len(name.split(".")) - node.level + is_package]
                source = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:  # a module, not a name in one
                    aliases[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif source in modules:
                    taken.add((source, alias.name))
        elif isinstance(node, ast.Import):
            aliases.update({a.asname: a.name for a in node.names
                            if a.asname and a.name in modules})

    def attributes(scope: ast.AST, hidden: set[str]) -> None:
        for child in ast.iter_child_nodes(scope):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                attributes(child, hidden | bound_here(child))
                continue
            if (isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name)
                    and child.value.id in aliases and child.value.id not in hidden):
                taken.add((aliases[child.value.id], child.attr))
            attributes(child, hidden)

    attributes(tree, set())
    return {(m, n) for m, n in taken
            if m != name and not n.startswith("_") and f"{m}.{n}" not in modules}


def missing_from_all() -> list[str]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    trees = {m: ast.parse(p.read_text(encoding="utf-8")) for m, p in paths.items()}
    alls = {m: declared_all(t) for m, t in trees.items()}
    missing = set()
    for name, tree in trees.items():
        for source, taken in taken_names(name, tree, paths[name].name == "__init__.py",
                                         set(paths)):
            if alls[source] is not None and taken not in alls[source]:
                missing.add(f"{name} takes {taken} from {source}, not in its __all__")
    return sorted(missing)


def test_every_name_taken_from_another_module_is_in_its_all() -> None:
    assert missing_from_all() == []


def test_the_check_sees_each_way_of_taking_a_name() -> None:
    modules = {"p", "p.a", "p.b"}
    code = ("from p.a import one\nfrom . import a\nfrom .a import two\n"
            "def f(a):\n    return a.three\n"  # an argument named a: not the module
            "def g():\n    return a.four, a._private\n")
    found = taken_names("p.b", ast.parse(code), False, modules)
    assert found == {("p.a", "one"), ("p.a", "two"), ("p.a", "four")}
