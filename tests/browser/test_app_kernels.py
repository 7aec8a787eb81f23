"""The app's kernels in a real browser: one per open step page, plus the pool's spare.

Each page of the app (``career-workbook app``) runs on its own kernel (about 150 MB). A page
left (another step, ``about:blank``, its tab closed) asks the server to stop its kernel; a
page that went without asking (a crashed tab) loses it to the idle culler; a page kept
open, however long idle, keeps it; the pool keeps exactly its spare ready throughout.
Kernels are counted as the server's ``ipykernel`` child processes (Voila has no kernel list).
"""

from __future__ import annotations

import json
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from career_workbook.app_kernels import PooledKernelManager

from .conftest import (
    Server,
    chromium_path,
    copy_project,
    form,
    new_context,
    serving,
    wait_for_text,
)
from .test_app_e2e import assert_no_errors, render

POOL = PooledKernelManager.pool_size.default_value
"""Spare kernels the app keeps started (no page uses them yet)."""
STEPS = ["01_self_assessment", "02_feedback_360", "03_vision_values", "04_smart_goals"]
SETTLE = 45.0
"""Seconds a kernel may take to stop, or a spare to boot, on two busy cores."""
CULL_AFTER, CULL_EVERY = 4, 1
"""The culling server's settings: seconds idle and unconnected, seconds between looks."""


def kernel_count(srv: Server) -> int:
    """How many kernels the server runs now (its ``ipykernel`` child processes)."""
    out = subprocess.run(["ps", "-o", "args=", "--ppid", str(srv.proc.pid)],
                         capture_output=True, text=True, check=False).stdout
    return sum("ipykernel" in line for line in out.splitlines())


def kernel_alive(srv: Server, kernel_id: str) -> bool:
    """Whether the server still has kernel ``kernel_id`` (Voila's ``/api/kernels/<id>``)."""
    try:
        with urllib.request.urlopen(srv.url(f"/api/kernels/{kernel_id}"), timeout=10) as r:
            return json.load(r)["id"] == kernel_id
    except urllib.error.HTTPError as err:
        if err.code == 404:
            return False
        raise


def settles(check: Callable[[], bool], timeout: float = SETTLE) -> bool:
    """Whether ``check()`` becomes true within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def page_kernel(page: Any) -> str:
    """The id of the kernel the app page runs on (from its page config)."""
    return page.evaluate("JSON.parse(document.getElementById('jupyter-config-data')"
                         ".textContent).kernelId")


def open_step(page: Any, srv: Server, step: str) -> str:
    """Open a step page, wait until its forms are drawn; its kernel's id."""
    render(page, srv.url(f"/voila/render/{step}.ipynb"))
    assert_no_errors(page)
    return page_kernel(page)


def _app(tmp_path_factory: pytest.TempPathFactory, name: str,
         extra: tuple[str, ...] = ()) -> Iterator[Server]:
    chromium_path()
    root = tmp_path_factory.mktemp(name)
    with serving("app", root, *copy_project(root), extra=extra) as srv:
        assert settles(lambda: kernel_count(srv) == POOL), srv.log_tail()
        yield srv


@pytest.fixture(scope="module")
def kernels_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An app server of its own (the count must not see other tests' pages), as started
    by ``career-workbook app``."""
    yield from _app(tmp_path_factory, "kernels")


@pytest.fixture(scope="module")
def culling_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An app server that culls after seconds, not minutes (set as a person would:
    Jupyter Server's ``MappingKernelManager`` options)."""
    yield from _app(tmp_path_factory, "culling",
                    (f"--MappingKernelManager.cull_idle_timeout={CULL_AFTER}",
                     f"--MappingKernelManager.cull_interval={CULL_EVERY}"))


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_a_step_left_stops_its_kernel_and_the_pool_keeps_its_spare(
        browser: Any, kernels_app: Server) -> None:
    srv = kernels_app
    context = new_context(browser)
    try:
        page = context.new_page()
        seen: list[str] = []
        for step in STEPS:
            seen.append(open_step(page, srv, step))
            assert len(set(seen)) == len(seen), f"{step} reused a page's kernel: {seen}"
            assert settles(lambda: not any(kernel_alive(srv, k) for k in seen[:-1])), (
                f"after opening {step}, the kernels of the steps left still run: "
                f"{[k for k in seen[:-1] if kernel_alive(srv, k)]}\n{srv.log_tail()}")
            assert kernel_alive(srv, seen[-1])
            assert settles(lambda: kernel_count(srv) <= POOL + 1), (
                f"{kernel_count(srv)} kernels for one open page")

        other = context.new_page()  # a second tab: two pages open, two kernels
        second = open_step(other, srv, "06_action_plan")
        assert kernel_alive(srv, seen[-1]) and kernel_alive(srv, second)
        assert settles(lambda: kernel_count(srv) <= POOL + 2), kernel_count(srv)

        other.close(run_before_unload=True)  # the tab closed, as a person closes it
        assert settles(lambda: not kernel_alive(srv, second)), srv.log_tail()
        assert kernel_alive(srv, seen[-1])  # the other tab's page keeps its kernel

        page.goto("about:blank")
        assert settles(lambda: not kernel_alive(srv, seen[-1])), srv.log_tail()
        # no page open: exactly the pool's spare is left, ready for the next page
        assert settles(lambda: kernel_count(srv) == POOL), kernel_count(srv)
        time.sleep(2)
        assert kernel_count(srv) == POOL
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.xdist_group("browser")
def test_a_page_gone_without_asking_is_culled_and_an_open_idle_page_is_not(
        browser: Any, culling_app: Server) -> None:
    srv = culling_app
    context = new_context(browser)
    try:
        kept = context.new_page()
        kept_kernel = open_step(kept, srv, "01_self_assessment")
        gone = context.new_page()
        gone_kernel = open_step(gone, srv, "04_smart_goals")
        gone.close()  # no "beforeunload": as when the browser crashed
        assert settles(lambda: not kernel_alive(srv, gone_kernel)), srv.log_tail()

        time.sleep(3 * (CULL_AFTER + CULL_EVERY))  # the open page stays idle a long while
        assert kernel_alive(srv, kept_kernel), srv.log_tail()
        assert kernel_count(srv) == POOL + 1  # its kernel and the spare, never culled
        # and its forms still work: a click reaches its kernel, which saves and answers
        rate = form(kept, "Rate yourself")
        rate.get_by_role("button", name="Add this self-assessment").click()
        wait_for_text(rate, r"Saved at \d\d:\d\d")
    finally:
        context.close()
