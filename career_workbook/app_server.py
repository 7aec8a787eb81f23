"""The app's server process: Voila, compiling its page template once per server.

``career-workbook app`` runs ``python -m career_workbook.app_server ARGS`` (Voila's own
command line, see :func:`career_workbook.server.app_command`). Voila builds a new template
exporter, and with it a new Jinja environment, for every page; each new environment
parsed and compiled the page template and the eight templates it extends or imports again
(60-90 ms a page on a quiet machine, before the first byte). Here every such environment
shares :data:`TEMPLATES`, a Jinja bytecode cache in this process's memory: the compiled
template code, which is the same for every page and every person. Nothing of a page is
kept: no notebook, no output, no workbook. A template file that changes on disk has a new
checksum and is compiled again.

If Voila no longer builds its exporter where :func:`install` expects it, the app runs as
before, just without the shared cache.

Its pages also set the ``_xsrf`` cookie (:func:`install_xsrf_cookie`), without which the
server refused every page's request to stop its kernel when the page was left.
"""

from __future__ import annotations

import sys
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled Jinja templates kept in memory, per template file and environment kind.

    >>> from jinja2 import DictLoader, Environment
    >>> cache = MemoryBytecodeCache()
    >>> def render(source):
    ...     env = Environment(loader=DictLoader({"t": source}), bytecode_cache=cache)
    ...     return env.get_template("t").render(x=1)
    >>> render("{{ x }} a"), len(cache), render("{{ x }} a")
    ('1 a', 1, '1 a')
    >>> render("{{ x }} b")  # the source changed: compiled again
    '1 b'
    """

    def __init__(self) -> None:
        self._code: dict[tuple, bytes] = {}

    @staticmethod
    def _key(bucket: Bucket) -> tuple:
        env = bucket.environment  # async and sync environments compile differently
        return env.is_async, tuple(sorted(env.extensions)), bucket.key

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)  # resets itself if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[self._key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


TEMPLATES = MemoryBytecodeCache()
"""The compiled page templates shared by every page this server renders."""


def install() -> bool:
    """Make the exporter Voila builds for each page use :data:`TEMPLATES`; whether it could.

    Called once, in the app's server process (:func:`main`); calling it again changes nothing.
    """
    try:
        from voila import notebook_renderer
    except ImportError:  # pragma: no cover - voila is a dependency of the package
        return False
    base = getattr(notebook_renderer, "VoilaExporter", None)
    if base is None or not hasattr(base, "_create_environment"):
        return False
    if getattr(base, "shares_compiled_templates", False):
        return True

    class SharedTemplatesExporter(base):
        """Voila's exporter; its Jinja environment reads compiled templates from memory."""

        shares_compiled_templates = True

        def _create_environment(self) -> Any:
            environment = super()._create_environment()
            environment.bytecode_cache = TEMPLATES
            return environment

    notebook_renderer.VoilaExporter = SharedTemplatesExporter
    return True


def install_xsrf_cookie() -> bool:
    """Make every page of the app set Jupyter's ``_xsrf`` cookie; whether it could.

    A page leaving (another step, a reload, its tab closed) asks the server to stop its
    kernel: Voila's page posts ``/voila/api/shutdown/<kernel>`` with the ``_xsrf`` cookie's
    value, and the server refuses a post without it (403, cross-site request protection).
    Voila's notebook page never set that cookie (only its folder listing did; upstream
    voila-dashboards/voila#1458), so every step opened kept its kernel (about 150 MB)
    until the server stopped. Reading the handler's ``xsrf_token`` sets the cookie (once
    per browser), before the page's first byte. Called once, in the app's server process
    (:func:`main`); calling it again changes nothing.
    """
    try:
        import tornado.web
        from voila import app
    except ImportError:  # pragma: no cover - voila is a dependency of the package
        return False
    base = getattr(app, "TornadoVoilaHandler", None)
    if base is None or not hasattr(base, "get"):
        return False
    if getattr(base, "sets_xsrf_cookie", False):
        return True

    class PageHandler(base):
        """Voila's page, with the ``_xsrf`` cookie its kernel shutdown request needs."""

        sets_xsrf_cookie = True

        @tornado.web.authenticated
        async def get(self, path: str | None = None) -> None:
            self.xsrf_token  # noqa: B018 - reading it sets the cookie (tornado)
            await super().get(path)

    app.TornadoVoilaHandler = PageHandler
    return True


def main(argv: list[str] | None = None) -> None:
    """Run Voila with ``argv`` (default: this process's arguments), the shared cache and
    the page's ``_xsrf`` cookie."""
    install()
    install_xsrf_cookie()
    from voila.app import Voila

    Voila.launch_instance(argv=sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    main()
