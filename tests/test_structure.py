"""The product stays small and one-way: it never imports the lab, and the README's
"How it works" table is the pipeline's own list of components."""
import re
import subprocess
import sys

from conftest import ROOT


def test_running_the_extractor_imports_no_training_module_and_no_pandas():
    # pandas is for the tables only: a library user tagging texts does not wait for it at start
    code = ("import sys; from extractor import Extractor; document = Extractor()('Президент України прибув до Києва.'); "
            "assert document.entities; "
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(('extractor_lab', 'gensim', 'stanza.models.ner_tagger', 'stanza.models.charlm', 'pandas')))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_product_package_has_no_import_of_the_lab():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "extractor").rglob("*.py")
                 if re.search(r"^\s*(from|import) extractor_lab", path.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def _readme_pipeline_rows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    table = section.split("\n|", 1)[1].split("\n\n", 1)[0]  # the section's first table
    rows = [[cell.strip(" `") for cell in line.strip().strip("|").split("|")]
            for line in ("|" + table).splitlines() if line.startswith("|")]
    return rows[2:]  # after the header and its rule


def test_the_readme_lists_the_components_in_the_order_they_run(extractor):
    expected = [[c.name, ", ".join(c.reads), ", ".join(c.writes), c.module] for c in extractor.components]
    assert _readme_pipeline_rows() == expected


def _product_imports() -> dict[str, set[str]]:
    """Each product module and the product modules it imports, anywhere in its file (imports inside
    functions too, so a lazy import cannot hide a cycle)."""
    import ast

    modules = {}
    for path in (ROOT / "extractor").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extractor"):
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                           for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def test_no_import_cycle_between_product_modules():
    graph = _product_imports()
    assert graph["extractor.document"] <= {"extractor.display"}  # the data model needs nothing of the pipeline
    cycles, state = [], {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_no_product_module_is_over_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "extractor").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}
