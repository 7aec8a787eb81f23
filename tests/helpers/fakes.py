"""Stand-ins for notebook machinery in widget tests."""

from __future__ import annotations


class FakeDisplay:
    """Stands in for ``IPython.display.display(obj, display_id=True)`` and its handle."""

    def __init__(self) -> None:
        self.shown: list = []
        self.updates: list = []

    def __call__(self, obj, **_kwargs):
        self.shown.append(obj)
        return self

    def update(self, obj) -> None:
        self.updates.append(obj)
