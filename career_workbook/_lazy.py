"""Public names a package imports on first use (PEP 562), so ``import`` stays cheap.

A package lists where each public name lives and hands this module's two functions to
Python as its ``__getattr__`` and ``__dir__``::

    __getattr__, __dir__ = lazy_names(__name__, {"plot_network": "personal"})
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: no `typing` import at run time
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any


def lazy_names(package: str, where: Mapping[str, str]
               ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: name N comes from ``package.where[N]``.

    The value is kept in the package's namespace once imported, so it is looked up once;
    ``dir()`` lists the package's ``__all__`` (its namespace when it has none) and ``where``.

    >>> getattr_, dir_ = lazy_names("json", {"JSONDecoder": "decoder"})
    >>> getattr_("JSONDecoder").__module__
    'json.decoder'
    >>> "JSONDecoder" in dir_()
    True
    >>> getattr_("nothing")
    Traceback (most recent call last):
    ...
    AttributeError: module 'json' has no attribute 'nothing'
    """

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        namespace = vars(sys.modules[package])
        return sorted({*namespace.get("__all__", namespace), *where})

    return __getattr__, __dir__
