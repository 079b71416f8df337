"""The product stays small and one-way: it never imports the lab, and the README's
"How it works" table is the pipeline's own list of components."""
import re
import subprocess
import sys

from conftest import ROOT


def test_running_the_extractor_imports_no_training_module():
    code = ("import sys; from extractor import Extractor; document = Extractor()('Президент України прибув до Києва.'); "
            "assert document.entities; "
            "print('\\n'.join(sorted(m for m in sys.modules if m.startswith(('extractor_lab', 'gensim', 'stanza.models.ner_tagger', 'stanza.models.charlm')))))")
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
