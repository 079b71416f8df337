"""The extraction notebook runs top to bottom, so it cannot rot."""
import nbformat
from nbclient import NotebookClient

from conftest import ROOT


def test_notebook_executes():
    path = ROOT / "notebooks" / "extract_entities.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the bar chart
    assert any("військовий" in str(o.get("data", {})) for o in outputs)  # the quantities table
