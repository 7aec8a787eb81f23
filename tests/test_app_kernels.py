"""The app's spare kernel (career_workbook.app_kernels): booted in advance, runs nothing
in advance, and gets the page's environment before the page's first cell."""

from __future__ import annotations

import asyncio
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from career_workbook import server
from career_workbook.app_kernels import PooledKernelManager

pytestmark = pytest.mark.slow

PROBE = ("import json, os, sys\n"
         "print(json.dumps({'script': os.environ.get('SCRIPT_NAME'),"
         " 'gone': os.environ.get('CW_TEST_SERVER_ONLY'), 'cwd': os.getcwd(),"
         " 'ours': sorted(m for m in sys.modules if m.split('.')[0] in"
         " ('career_workbook', 'pandas', 'matplotlib', 'yaml')),"
         " 'names': sorted(k for k in globals() if not k.startswith('_') and k not in"
         " ('In', 'Out', 'get_ipython', 'exit', 'quit', 'open', 'json', 'os', 'sys'))}))")


async def _run(manager: PooledKernelManager, kernel_id: str, code: str) -> dict:
    client = manager.get_kernel(kernel_id).client()
    client.start_channels()
    try:
        await client.wait_for_ready(timeout=60)
        msg_id = client.execute(code, store_history=False)
        out = ""
        while True:
            msg = await client.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out += msg["content"]["text"]
            if msg["msg_type"] == "error":
                raise AssertionError(msg["content"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return json.loads(out)
    finally:
        client.stop_channels()


SPARE_WAIT = 45.0
"""Seconds a test waits for a spare: a kernel boots in 1-3 s, far longer on two cores busy
with the rest of the suite (20 s once ran out in CI). Below the pool's ``refill_within``
(60 s after a page takes its kernel): the spare must come from the page's kernel going
quiet (or, where the server never hears its status, ``app_kernels.UNHEARD`` s later)."""


async def _spare_ready(manager: PooledKernelManager) -> str:
    for _ in range(int(SPARE_WAIT / 0.05)):
        if manager._spares and manager._spares[0][3].done():
            return manager._spares[0][3].result()
        await asyncio.sleep(0.05)
    raise AssertionError(f"no spare kernel became ready within {SPARE_WAIT:.0f} s")


def _page_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CW_TEST_SERVER_ONLY"}
    return {**env, "VOILA_PREHEAT": "False", **extra}


@pytest.fixture
def pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A pool manager on ``tmp_path`` and an event loop; every kernel is stopped after."""
    monkeypatch.setenv("CW_TEST_SERVER_ONLY", "spare env only")
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "sub").mkdir()
    manager = PooledKernelManager(root_dir=str(tmp_path / "nb"), refill_after=0.3)
    try:
        yield manager, loop
    finally:
        loop.run_until_complete(manager.shutdown_all(now=True))
        assert manager.list_kernel_ids() == []
        asyncio.set_event_loop(None)
        loop.close()


def test_the_app_uses_the_pooled_kernel_manager() -> None:
    cmd = server.app_command(8866, "t", open_browser=False, notebooks="/tmp/nb")
    assert ("--VoilaConfiguration.multi_kernel_manager_class="
            "career_workbook.app_kernels.PooledKernelManager") in cmd


def test_a_page_gets_the_spare_which_ran_nothing_and_now_has_the_page_environment(
        pool: Any, tmp_path: Path) -> None:
    manager, loop = pool

    async def scenario() -> None:
        spare = await _spare_ready(manager)  # booted with the server, before any page
        page = await manager.start_kernel(kernel_name="python3", path="",
                                          env=_page_env(SCRIPT_NAME="/voila/render/04.ipynb"))
        assert page == spare
        seen = await _run(manager, page, PROBE)
        assert seen["script"] == "/voila/render/04.ipynb"  # the page's request
        assert seen["gone"] is None  # a variable the page's environment does not have
        assert Path(seen["cwd"]) == tmp_path / "nb"
        assert seen["ours"] == []  # nothing imported in advance: no workbook read early
        assert seen["names"] == []  # and nothing left in the notebook's namespace
        # the next spare boots once this page's kernel is quiet
        assert await _spare_ready(manager) != page

    loop.run_until_complete(scenario())


def test_a_page_in_another_folder_gets_a_new_kernel(pool: Any, tmp_path: Path) -> None:
    manager, loop = pool

    async def scenario() -> None:
        spare = await _spare_ready(manager)
        page = await manager.start_kernel(kernel_name="python3", path="sub",
                                          env=_page_env(SCRIPT_NAME="/voila/render/sub/x"))
        assert page != spare
        seen = await _run(manager, page, PROBE)
        assert Path(seen["cwd"]) == tmp_path / "nb" / "sub"
        assert seen["script"] == "/voila/render/sub/x"

    loop.run_until_complete(scenario())


def test_stopping_the_server_stops_a_spare_still_booting(pool: Any) -> None:
    manager, loop = pool

    async def scenario() -> None:
        await asyncio.sleep(0)  # the first spare is on its way, not ready yet
        assert manager._spares and not manager._spares[0][3].done()
        await manager.shutdown_all(now=True)
        assert manager.list_kernel_ids() == []

    loop.run_until_complete(scenario())


def test_a_spare_that_cannot_take_the_page_is_stopped_and_the_page_gets_a_new_kernel(
        pool: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from career_workbook import app_kernels

    manager, loop = pool
    monkeypatch.setattr(app_kernels, "env_code", lambda *a: "raise RuntimeError('broken')")

    async def scenario() -> None:
        spare = await _spare_ready(manager)
        page = await manager.start_kernel(kernel_name="python3", path="",
                                          env=_page_env(SCRIPT_NAME="/voila/render/01"))
        assert page != spare
        assert spare not in manager.list_kernel_ids()  # not left running, unused
        assert (await _run(manager, page, PROBE))["script"] == "/voila/render/01"

    loop.run_until_complete(scenario())


CHATTY = ("import sys, threading, time\n"
          "def _chat():\n"
          "    while True:\n"
          "        print('.', end='', flush=True); time.sleep(0.05)\n"
          "threading.Thread(target=_chat, daemon=True).start()")
"""A kernel that never falls silent on its output channel (a thread prints every 50 ms)."""


def test_a_page_connects_once_the_kernel_answers_not_after_its_output_falls_silent(
        pool: Any) -> None:
    """The page's executor asks "are you there?" and goes on at the answer; the stock
    client also waits for 0.2 s without output, which a chatty kernel never gives."""
    from career_workbook.app_kernels import ReadyKernelClient

    manager, loop = pool

    async def scenario() -> None:
        page = await manager.start_kernel(kernel_name="python3", path="",
                                          env=_page_env(SCRIPT_NAME="/voila/render/00"))
        first = manager.get_kernel(page).client()
        first.start_channels()
        try:
            await first.wait_for_ready(timeout=60)
            await first.execute(CHATTY, reply=True, timeout=60)
        finally:
            first.stop_channels()
        client = manager.get_kernel(page).client()  # as Voila's executor gets it
        assert isinstance(client, ReadyKernelClient)
        client.start_channels()
        try:
            await asyncio.wait_for(client.wait_for_ready(timeout=60), 10)
            msg_id = client.execute("print('after ready')", store_history=False)
            out = ""
            while True:  # its output channel is connected: nothing of the cell is lost
                msg = await client.get_iopub_msg(timeout=10)
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "stream":
                    out += msg["content"]["text"]
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
            assert out == "after ready\n"
        finally:
            client.stop_channels()

    loop.run_until_complete(scenario())


def test_a_page_left_at_once_still_gets_the_next_spare_started(pool: Any) -> None:
    """Leaving a page stops its kernel (Voila's page asks for it). The pool then starts
    the next spare; it used to stop refilling for good (the server's kernel lookup
    raises HTTP 404, not KeyError, for a kernel that is gone)."""
    manager, loop = pool

    async def scenario() -> None:
        spare = await _spare_ready(manager)
        page = await manager.start_kernel(kernel_name="python3", path="",
                                          env=_page_env(SCRIPT_NAME="/voila/render/01"))
        assert page == spare
        await manager.shutdown_kernel(page, now=True)  # the page was left
        new_spare = await _spare_ready(manager)
        assert new_spare != page
        assert manager.list_kernel_ids() == [new_spare]  # exactly the pool: one spare

    loop.run_until_complete(scenario())


async def _not_busy(manager: PooledKernelManager, kernel_id: str) -> None:
    """Wait until the server has heard the kernel finish what it was doing (never culled
    while busy): the page's environment, set when a page takes a spare."""
    for _ in range(int(SPARE_WAIT / 0.05)):
        if manager.get_kernel(kernel_id).execution_state != "busy":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"kernel {kernel_id} still busy after {SPARE_WAIT:.0f} s")


async def _idle_for(manager: PooledKernelManager, kernel_id: str, seconds: float) -> None:
    """Pretend the kernel, now not busy, last did something ``seconds`` ago."""
    await _not_busy(manager, kernel_id)
    kernel = manager.get_kernel(kernel_id)
    kernel.last_activity = datetime.now(UTC) - timedelta(seconds=seconds)


def test_the_culler_stops_a_left_page_kernel_but_not_an_open_page_nor_the_spare(
        pool: Any) -> None:
    """A page gone without asking for its kernel to stop (a crashed browser) loses it
    once idle for ``cull_idle_timeout``; a page still open (connected) keeps its kernel
    however long idle; the spare waits, idle and unconnected, and is never culled."""
    manager, loop = pool
    manager.cull_idle_timeout = timeout = 600

    async def scenario() -> None:
        await _spare_ready(manager)
        open_page = await manager.start_kernel(
            kernel_name="python3", path="", env=_page_env(SCRIPT_NAME="/voila/render/02"))
        gone_page = await manager.start_kernel(
            kernel_name="python3", path="", env=_page_env(SCRIPT_NAME="/voila/render/03"))
        spare = await _spare_ready(manager)
        manager.notify_connect(open_page)  # its browser page is connected
        for kernel_id in (open_page, gone_page, spare):
            await _idle_for(manager, kernel_id, 3 * timeout)
        for kernel_id in (open_page, gone_page, spare):
            await manager.cull_kernel_if_idle(kernel_id)
        assert sorted(manager.list_kernel_ids()) == sorted([open_page, spare])

    loop.run_until_complete(scenario())


def test_idle_time_counts_from_when_the_last_page_disconnected(pool: Any) -> None:
    """A page open and idle for hours, then disconnected, is not culled at the culler's
    next look: its idle time starts when it disconnected."""
    manager, loop = pool
    manager.cull_idle_timeout = 600

    async def scenario() -> None:
        page = await manager.start_kernel(kernel_name="python3", path="",
                                          env=_page_env(SCRIPT_NAME="/voila/render/04"))
        manager.notify_connect(page)
        manager.notify_connect(page)  # two connections (a reconnect overlapping)
        await _idle_for(manager, page, 3 * 3600)
        manager.notify_disconnect(page)
        await manager.cull_kernel_if_idle(page)
        assert page in manager.list_kernel_ids()  # one connection left: kept
        manager.notify_disconnect(page)
        await manager.cull_kernel_if_idle(page)
        assert page in manager.list_kernel_ids()  # idle for 0 s, not 3 h
        await _idle_for(manager, page, manager.cull_idle_timeout + 1)
        await manager.cull_kernel_if_idle(page)
        assert page not in manager.list_kernel_ids()

    loop.run_until_complete(scenario())


def test_the_app_culls_unconnected_idle_kernels_by_default_and_config_can_change_it() -> None:
    from traitlets.config import Config

    from career_workbook.app_kernels import CULL_AFTER, CULL_EVERY

    manager = PooledKernelManager(pool_size=0)
    assert (manager.cull_idle_timeout, manager.cull_interval) == (CULL_AFTER, CULL_EVERY)
    assert CULL_AFTER > 0 and not manager.cull_connected and not manager.cull_busy
    config = Config({"MappingKernelManager": {"cull_idle_timeout": 7, "cull_interval": 2}})
    manager = PooledKernelManager(pool_size=0, config=config)
    assert (manager.cull_idle_timeout, manager.cull_interval) == (7, 2)
