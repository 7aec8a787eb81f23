"""The app's server process (career_workbook.app_server): Voila's page template is compiled
once per server, not once per page, and the page is the same as Voila renders it."""

from __future__ import annotations

import asyncio
from typing import Any

import jinja2
import nbformat
import pytest

from career_workbook import app_server, server
from career_workbook.resources import notebooks_source


class _KernelStart(Exception):
    """Raised by the fake ``kernel_start``: the page's head is rendered, cells come next."""


def _page_head(exporter_class: type) -> str:
    """Render a guided notebook's page as Voila does, up to where its kernel starts."""
    from traitlets.config import Config
    from voila.paths import collect_template_paths

    paths = collect_template_paths(["voila", "nbconvert"], server.APP_TEMPLATE, prune=True)
    exporter = exporter_class(template_paths=paths, template_name=server.APP_TEMPLATE,
                              config=Config(), theme="light", base_url="/",
                              show_margins=False, mathjax_url="")
    nb = nbformat.read(notebooks_source() / "00_start_here.ipynb", as_version=4)

    async def kernel_start(nb: Any) -> str:
        raise _KernelStart

    async def head() -> str:
        html = ""
        try:
            async for snippet, _ in exporter.generate_from_notebook_node(
                    nb, resources={"base_url": "/", "theme": "light",
                                   "template": server.APP_TEMPLATE,
                                   "metadata": {"name": "00_start_here"},
                                   "page_config": {"fullStaticUrl": "/static"}},
                    extra_context={"frontend": "voila", "main_js": "voila.js",
                                   "kernel_start": kernel_start, "cell_generator": None,
                                   "notebook_execute": None, "progressive_rendering": False},
                    page_config={"fullStaticUrl": "/static"}):
                html += snippet
        except _KernelStart:
            return html
        raise AssertionError("the template never started the kernel")

    return asyncio.run(head())


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Any:
    """``app_server.install()`` in this process, undone after the test; the app's template
    on ``JUPYTER_PATH``; an empty cache."""
    from voila import notebook_renderer

    monkeypatch.setattr(notebook_renderer, "VoilaExporter", notebook_renderer.VoilaExporter)
    monkeypatch.setenv("JUPYTER_PATH", str(server.app_template_root()))
    monkeypatch.setattr(app_server, "TEMPLATES", app_server.MemoryBytecodeCache())
    original = notebook_renderer.VoilaExporter
    assert app_server.install()
    return original, notebook_renderer.VoilaExporter


def test_the_app_runs_voila_through_the_launcher() -> None:
    cmd = server.app_command(8866, "t", open_browser=False, notebooks="/tmp/nb")
    assert cmd[1:3] == ["-m", "career_workbook.app_server"]
    assert cmd[3] == "/tmp/nb"


def test_a_second_page_compiles_no_template_and_is_the_same_page(
        installed: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    original, shared = installed
    assert shared is not original and issubclass(shared, original)
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None,
                 *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return compile_(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    first = _page_head(shared)
    assert any(name and name.endswith("index.html.j2") for name in compiled)
    compiled.clear()
    second = _page_head(shared)  # a new exporter, as Voila makes for every page
    assert compiled == []
    stock = _page_head(original)
    assert compiled  # Voila's own exporter compiles everything again, every page
    assert first == second == stock
    assert first.rstrip().endswith('<div id="rendered_cells" style="display: none">\n  <div>')


def test_the_page_loads_nothing_from_outside_the_machine(installed: Any) -> None:
    """Voila's lab template links Font Awesome from a CDN; the app's bundle carries it."""
    import re

    _, shared = installed
    head = _page_head(shared)
    assert "fontawesome" not in head.lower()
    assert not re.findall(r'(?:href|src)="(?:https?:)?//', head)


def test_an_edited_template_is_compiled_again(installed: Any, tmp_path: Any) -> None:
    cache = app_server.TEMPLATES
    (tmp_path / "t.j2").write_text("one {{ x }}", encoding="utf-8")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)),
                                 bytecode_cache=cache)
        return env.get_template("t.j2").render(x=1)

    assert render() == "one 1" and len(cache) == 1
    (tmp_path / "t.j2").write_text("two {{ x }}", encoding="utf-8")
    assert render() == "two 1"


def test_install_twice_wraps_once(installed: Any) -> None:
    from voila import notebook_renderer

    _, shared = installed
    assert app_server.install()
    assert notebook_renderer.VoilaExporter is shared


def _fake_page() -> type:
    """A stand-in for Voila's page handler: a signed-in person, a page written."""
    import tornado.web

    class FakePage(tornado.web.RequestHandler):
        def get_current_user(self) -> str:
            return "someone"

        async def get(self, path: str | None = None) -> None:
            self.write(f"<html>{path}</html>")

    return FakePage


def _serve_page(handler_class: type, cookie: str = "") -> tuple[int, list[str], bytes]:
    """GET one page from ``handler_class`` in this process (no socket): status, the
    cookies it sets and its body."""
    from unittest import mock

    import tornado.web
    from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

    connection = mock.Mock()
    headers = HTTPHeaders({"Host": "127.0.0.1:8866", **({"Cookie": cookie} if cookie else {})})
    request = HTTPServerRequest(
        start_line=RequestStartLine("GET", "/voila/render/01.ipynb", "HTTP/1.1"),
        headers=headers, connection=connection)
    handler = handler_class(tornado.web.Application(), request)
    asyncio.run(handler._execute([], "01.ipynb"))
    start, sent, body = connection.write_headers.call_args[0][:3]
    return start.code, sent.get_list("Set-Cookie"), body


def test_a_page_sets_the_cookie_its_kernel_shutdown_request_needs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Voila's page asks the server to stop its kernel when it is left, with the ``_xsrf``
    cookie's value; Voila's page never set it, so every request was refused (403)."""
    from voila import app

    fake = _fake_page()
    monkeypatch.setattr(app, "TornadoVoilaHandler", fake)
    assert _serve_page(fake)[1] == []  # Voila's own page: no cookie
    assert app_server.install_xsrf_cookie()
    page = app.TornadoVoilaHandler
    assert page is not fake and issubclass(page, fake)
    code, cookies, body = _serve_page(page)
    assert code == 200 and body == b"<html>01.ipynb</html>"  # the page, as before
    assert [c.split("=", 1)[0] for c in cookies] == ["_xsrf"]
    # a browser that has it already keeps it: nothing new is set
    assert _serve_page(page, cookies[0].split(";")[0])[1] == []
    assert app_server.install_xsrf_cookie() and app.TornadoVoilaHandler is page  # once


TEMPLATE = server.app_template_root() / "voila" / "templates" / server.APP_TEMPLATE


def test_every_page_carries_the_apps_style_sheet_and_its_unsaved_input_guard_first(
        installed: Any) -> None:
    """The app's own parts of a page (app red-team walk): its style sheet (forms fit a
    phone's width and a 200 % zoom) and, before any other script, the guard that asks
    before a page with unsaved form input is left."""
    _, shared = installed
    head = _page_head(shared)
    css = (TEMPLATE / "app.css").read_text(encoding="utf-8")
    js = (TEMPLATE / "app.js").read_text(encoding="utf-8")
    for text in (css, js):  # included by Jinja: no template syntax inside
        assert not any(mark in text for mark in ("{{", "{%", "{#"))
    assert css.strip() in head and "@media (max-width: 40em)" in head
    assert js.strip() in head and "window.cwUnsaved" in head
    first = head.index("<script")
    assert first < head.index("window.cwUnsaved") < head.index("</script>", first)


def test_the_back_link_goes_to_the_start_page_the_app_writes() -> None:
    import re

    from career_workbook.widgets.start_page import START_NOTEBOOK

    text = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert re.search(r"set START_PAGE = '([^']+)'", text)[1] == START_NOTEBOOK
    assert "Back to all steps" in text
