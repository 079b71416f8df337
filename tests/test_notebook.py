"""The notebook gallery: committed with outputs, and each one re-executes top to bottom without error."""
import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DRAWS = {"02_who_where_how_many.ipynb", "03_large_corpora.ipynb"}  # matplotlib charts


def _outputs(notebook):
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def _key_figures(notebook):
    """What a reader takes from a notebook, without timings: every cell's result (tables, counts) and
    the run summaries' document, failure and mention counts."""
    import re

    def same_anywhere(text):
        # A checkout's absolute path (and the column padding it brings) is not a result.
        return re.sub(r" +", " ", re.sub(r"\S*/(shared/data/)", r"\1", text))

    figures = []
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "execute_result":
                figures.append((number, same_anywhere(output.data.get("text/plain", ""))))
            elif output.output_type == "stream":
                figures += [(number, found) for found in re.findall(
                    r"\d+ documents \(\d+ failed(?:, \d+ already done)?\), \d+ mentions|same \w+: \w+", output.text)]
    return figures


def _has_image(outputs):
    return any("image/png" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_with_outputs_and_reexecutes(path):
    committed = nbformat.read(path, as_version=4)
    assert committed.cells[-1].cell_type != "code" or committed.cells[-1].outputs, f"{path.name}: committed without outputs"
    assert len(_outputs(committed)) >= 3, f"{path.name}: committed without outputs"
    assert _has_image(_outputs(committed)) or path.name not in DRAWS
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = _outputs(notebook)
    assert not [o for o in outputs if o.output_type == "error"]
    assert _key_figures(notebook) == _key_figures(committed), f"{path.name}: re-run the notebooks and commit them"
    assert not [o for o in outputs if o.output_type == "stream" and "Warning" in o.text]
    assert _has_image(outputs) or path.name not in DRAWS


def test_the_gallery_is_complete():
    assert [p.name for p in NOTEBOOKS] == ["01_quick_tour.ipynb", "02_who_where_how_many.ipynb",
                                           "03_large_corpora.ipynb", "04_spacy.ipynb"]
