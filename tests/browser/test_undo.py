"""A contact removed by mistake comes back with Undo, in JupyterLab and in the app (the
red-team walk: the only way back was restoring the whole file in notebook 00)."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import shutdown_kernels
from .pages import Notebook, read_yaml, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]


@pytest.mark.parametrize("where", ["lab", "app"])
def test_undo_puts_a_removed_contact_back(where: str, request: Any) -> None:
    server = request.getfixturevalue(f"{where}_server")
    context = request.getfixturevalue(f"{where}_context")
    notebook = (Notebook.open_in_lab(context, server, "07_network").run_all()
                if where == "lab" else Notebook.open_in_app(context, server, "07_network"))
    try:
        before = read_yaml(server.workbook)["contacts"]
        network = notebook.form("Your network")
        network.choose("Choose a contact", network.options("Choose a contact")[1],
                       rerenders=True)
        assert network.save("Remove this contact", rebuilds=True)["contacts"] == before[1:]
        wait_until(lambda: "removed “" in network.status(), "the removal to be said")
        assert "Restore an earlier version" not in network.status()
        assert network.save("Undo", rebuilds=True)["contacts"] == before
        wait_until(lambda: f"put back “{before[0]['name']}" in network.status(), "put back")
        assert network.button("Undo").count() == 0  # offered once
    finally:
        notebook.close()
        if where == "lab":
            shutdown_kernels(server)
