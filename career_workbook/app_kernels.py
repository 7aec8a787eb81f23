"""A spare, idle kernel for the app (Voila), so opening a step does not wait for Python to boot.

JupyterLab's Run All starts on a kernel that is already running; the app started a new one
for every page (about 1 s on two busy cores, before the first cell could run).
:class:`PooledKernelManager` keeps :attr:`~PooledKernelManager.pool_size` kernels *started
and idle* and hands one to the next page. A spare kernel has run no code at all: no
import of this package, no notebook cell, no workbook read. The page's notebook runs on
it from its first cell, as on a new kernel, so what the page shows is read when the page
opens, never before (unlike Voila's ``preheat_kernel``, which runs the whole notebook in
advance and would show a workbook as it was then).

What a spare kernel cannot know in advance is the page's request (Voila puts the URL,
``SCRIPT_NAME`` and friends in a new kernel's environment): the variables that differ are
set in its ``os.environ`` before the page's first cell, which is how Voila itself tells a
kernel its ``VOILA_KERNEL_ID``. Only ``os.environ`` is changed, so this holds for variables
read while a notebook runs (all of this package's are, see :func:`env_code`); a kernel
asked for another kernel spec or folder is started fresh as before.

A page's executor connects to its kernel with :class:`ReadyKernelClient`: the same proof that
the kernel answers and that its output channel is connected, without ``jupyter_client``'s
fixed 0.2 s of listening for silence afterwards (every page paid it before its first cell).

The pool is refilled once the kernel just handed out has been quiet for
:attr:`~PooledKernelManager.refill_after` seconds (its notebook has run and the browser has
connected), so booting the next spare does not compete with the page being opened. The
app sets this class with ``--VoilaConfiguration.multi_kernel_manager_class``
(:func:`career_workbook.server.app_command`).

A page's kernel is stopped when the page is left (Voila's page asks for it; see
:func:`career_workbook.app_server.install_xsrf_cookie`). A page that went without asking
(a crashed browser, a page left before it had finished loading) is caught by the culler:
a kernel with no page connected and nothing run for :data:`CULL_AFTER` seconds is stopped.
A page kept open, however long idle, stays connected and keeps its kernel; the spares,
idle and unconnected by design, are never culled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)
from tornado.ioloop import IOLoop
from traitlets import Float, Int, Unicode, default

READY_TIMEOUT = 60.0
"""Seconds a spare kernel may take to answer its first ``kernel_info`` request."""


def env_changes(have: Mapping[str, str], want: Mapping[str, str]) -> tuple[dict, list]:
    """What turns environment ``have`` into ``want``: (variables to set, names to remove).

    >>> env_changes({"A": "1", "B": "2", "C": "3"}, {"A": "1", "B": "x", "D": "4"})
    ({'B': 'x', 'D': '4'}, ['C'])
    """
    changed = {k: v for k, v in want.items() if have.get(k) != v}
    return changed, sorted(k for k in have if k not in want)


def env_code(changed: Mapping[str, str], removed: list[str]) -> str:
    """Python that applies :func:`env_changes` to a kernel's ``os.environ`` (no names left).

    >>> ns = {}
    >>> exec(env_code({"CW_DOCTEST_X": "a'b"}, ["CW_DOCTEST_GONE"]), ns)
    >>> os.environ.pop("CW_DOCTEST_X"), sorted(k for k in ns if not k.startswith("__"))
    ("a'b", [])
    """
    return ("import os as _cw_os\n"
            f"_cw_os.environ.update({json.dumps(dict(changed))})\n"
            f"for _cw_k in {json.dumps(list(removed))}:\n"
            "    _cw_os.environ.pop(_cw_k, None)\n"
            "del _cw_os\n"
            "_cw_k = None\ndel _cw_k\n")


IOPUB_WAIT = 0.2
"""Seconds to wait for the kernel's next output message before asking again (as
``jupyter_client`` does: a subscription that is not connected yet has missed it)."""


def _is_idle_after(msg: Mapping[str, Any], msg_id: str) -> bool:
    """Whether ``msg`` is the kernel's "idle" status that ends request ``msg_id``.

    >>> _is_idle_after({"msg_type": "status", "parent_header": {"msg_id": "a"},
    ...                 "content": {"execution_state": "idle"}}, "a")
    True
    >>> _is_idle_after({"msg_type": "status", "parent_header": {"msg_id": "b"},
    ...                 "content": {"execution_state": "idle"}}, "a")
    False
    """
    return (msg.get("msg_type") == "status"
            and msg.get("parent_header", {}).get("msg_id") == msg_id
            and msg.get("content", {}).get("execution_state") == "idle")


class ReadyKernelClient(AsyncKernelClient):
    """A kernel client whose :meth:`wait_for_ready` ends when the kernel has answered.

    ``jupyter_client`` sends ``kernel_info`` until it gets the reply and one output
    (iopub) message -- the proof that the output channel is connected, so no output of
    the first cell can be missed -- and then reads iopub until 0.2 s pass without a
    message ("flush"). The flush costs every page 0.2 s and buys nothing here: the
    executor only reads outputs whose parent is the request it sent. This client asks the
    same question and stops at the kernel's "idle" status for that very request (the
    last message the kernel sends for it); a missing reply or status means ask again.
    """

    async def _ready_wait(self, timeout: float | None = None) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (float("inf") if timeout is None else timeout)
        while True:
            msg_id = self.kernel_info()
            reply = await self._next(self.get_shell_msg, msg_id, loop.time() + 1.0)
            if reply is not None and await self._next(
                    self.get_iopub_msg, msg_id, loop.time() + 1.0, idle=True,
                    wait=IOPUB_WAIT) is not None:
                self._handle_kernel_info_reply(reply)
                return
            if not await self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if loop.time() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")

    @staticmethod
    async def _next(get: Any, msg_id: str, until: float, idle: bool = False,
                    wait: float = 1.0) -> dict | None:
        """The first message from ``get`` answering ``msg_id`` (with ``idle``: the status
        that ends it), or None after ``wait`` s of silence or at ``until`` (loop time)."""
        loop = asyncio.get_running_loop()
        while loop.time() < until:
            try:
                msg = await get(timeout=wait)
            except Empty:
                return None
            if (_is_idle_after(msg, msg_id) if idle
                    else msg.get("parent_header", {}).get("msg_id") == msg_id):
                return msg
        return None

    wait_for_ready = _ready_wait


class AppKernelManager(ServerKernelManager):
    """Jupyter Server's kernel manager, handing out :class:`ReadyKernelClient` clients."""

    @default("client_class")
    def _default_client_class(self) -> str:
        return f"{__name__}.ReadyKernelClient"

    @default("client_factory")
    def _default_client_factory(self) -> type:
        return ReadyKernelClient


CULL_AFTER = 600
"""Seconds a kernel with no page connected and nothing run waits before it is stopped
(``cull_idle_timeout``), counted from when its last page disconnected."""

CULL_EVERY = 60
"""Seconds between two looks for such kernels (``cull_interval``)."""

UNHEARD = 5.0
"""Seconds, beyond ``refill_after``, after which a handed-out kernel whose status the
server never heard (still "starting") counts as quiet."""


class PooledKernelManager(AsyncMappingKernelManager):
    """Voila's kernel manager with :attr:`pool_size` started, idle kernels ready to hand out."""

    pool_size = Int(1, config=True, help="Idle kernels kept started for the next page.")
    refill_after = Float(1.5, config=True, help=(
        "Seconds the kernel just handed out must be quiet before a spare is started."))
    refill_within = Float(60.0, config=True, help=(
        "Seconds after which a spare is started even if that kernel is still busy."))
    spare_kernel_name = Unicode("python3", config=True, help=(
        "Kernel spec of the spare started with the server (the guided notebooks')."))
    spare_path = Unicode("", config=True, help=(
        "Folder (API path) of the spare started with the server: the notebooks' own."))

    @default("kernel_manager_class")
    def _default_kernel_manager_class(self) -> str:
        return f"{__name__}.AppKernelManager"

    @default("cull_idle_timeout")
    def _default_cull_idle_timeout(self) -> int:
        return CULL_AFTER

    @default("cull_interval")
    def _default_cull_interval(self) -> int:
        return CULL_EVERY

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._spares: list[tuple[str | None, str, dict, asyncio.Task]] = []
        self._refill_task: asyncio.Task | None = None
        self._closing = False
        if self.pool_size > 0:  # the first spare boots with the server, like Lab's kernel
            IOLoop.current().add_callback(self._start_spare, self.spare_kernel_name,
                                          self.spare_path)

    # -- the pool ------------------------------------------------------------------------
    def _spec(self, kwargs: Mapping[str, Any]) -> tuple[str | None, str]:
        return kwargs.get("kernel_name"), str(kwargs.get("path") or "")

    def _start_spare(self, kernel_name: str | None, path: str) -> None:
        if self._closing or len(self._spares) >= self.pool_size:
            return
        env = dict(os.environ)
        task = asyncio.ensure_future(self._boot(kernel_name, path, env))
        self._spares.append((kernel_name, path, env, task))

    async def _boot(self, kernel_name: str | None, path: str, env: dict) -> str:
        kwargs: dict[str, Any] = {"path": path, "env": env}
        if kernel_name:
            kwargs["kernel_name"] = kernel_name
        kernel_id = await super().start_kernel(**kwargs)
        client = self.get_kernel(kernel_id).client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=READY_TIMEOUT)
        finally:
            client.stop_channels()
        self.log.info("Spare kernel %s is ready", kernel_id)
        return kernel_id

    async def _hand_over(self, task: asyncio.Task, have: dict, want: Mapping[str, str]) -> str:
        kernel_id = await task
        client = self.get_kernel(kernel_id).client()
        client.start_channels()
        try:
            reply = await client.execute(env_code(*env_changes(have, want)), silent=True,
                                         store_history=False, reply=True,
                                         timeout=READY_TIMEOUT)
        finally:
            client.stop_channels()
        if reply["content"].get("status") != "ok":
            raise RuntimeError(f"could not set the page's environment: {reply['content']}")
        return kernel_id

    async def _discard(self, task: asyncio.Task) -> None:
        """Stop a spare that could not be handed over, if it started at all."""
        with contextlib.suppress(Exception):
            await self.shutdown_kernel(await task, now=True)

    def _refill_later(self, kernel_id: str, kernel_name: str | None, path: str) -> None:
        """Start a spare once ``kernel_id`` (the page opened last) is quiet; a page opened
        later moves that moment again."""
        if self._refill_task is not None:
            self._refill_task.cancel()
        self._refill_task = asyncio.ensure_future(self._refill(kernel_id, kernel_name, path))

    async def _refill(self, kernel_id: str, kernel_name: str | None, path: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.refill_within
        while loop.time() < deadline and not self._closing:
            await asyncio.sleep(0.25)
            kernel = self._kernels.get(kernel_id)  # (get_kernel raises HTTP 404 here)
            if kernel is None:
                break  # the page was left and its kernel stopped: nothing to wait for
            quiet = (datetime.now(UTC) - kernel.last_activity).total_seconds()
            if kernel.execution_state == "idle" and quiet >= self.refill_after:
                break
            # still "starting": the server never heard this kernel's status (its activity
            # watch reported nothing in some fresh installs); do not wait a minute for it
            if kernel.execution_state == "starting" and quiet >= self.refill_after + UNHEARD:
                break
        self._start_spare(kernel_name, path)

    def _spare_ids(self) -> set[str]:
        """The kernels waiting in the pool (booted; not yet handed to a page)."""
        return {task.result() for *_, task in self._spares
                if task.done() and not task.cancelled() and task.exception() is None}

    # -- the kernel manager's API --------------------------------------------------------
    def notify_disconnect(self, kernel_id: str) -> None:
        """A page's connection closed; with the last one, its idle time starts now.

        The culler counts from the kernel's last activity: a page kept open and idle for
        an hour, then left without asking for its kernel to stop, would otherwise lose its
        kernel at the culler's next look, before a reload (or a browser reconnecting after
        sleep) could come back to it.
        """
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id) == 0 and kernel_id in self._kernels:
            self._kernels[kernel_id].last_activity = datetime.now(UTC)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Jupyter Server's idle culling, except for the spares (idle by design)."""
        if kernel_id in self._spare_ids():
            return
        await super().cull_kernel_if_idle(kernel_id)

    async def start_kernel(self, *, kernel_id: str | None = None, path: str | None = None,
                           **kwargs: Any) -> str:
        """A spare kernel for the same kernel spec and folder, else a new one."""
        kernel_name, where = self._spec({**kwargs, "path": path})
        env = kwargs.get("env")
        if kernel_id is None and env is not None and not self._closing:
            for i, (name, spare_path, have, task) in enumerate(self._spares):
                if (name, spare_path) == (kernel_name, where):
                    del self._spares[i]
                    try:
                        handed = await self._hand_over(task, have, env)
                    except Exception:  # noqa: BLE001 - a broken spare: start one as usual
                        self.log.exception("Spare kernel failed; starting a new one")
                        await self._discard(task)
                        break
                    self.log.info("Using spare kernel %s for %s", handed, where or "/")
                    self._refill_later(handed, kernel_name, where)
                    return handed
        new = await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        if kernel_id is None and env is not None:
            self._refill_later(new, kernel_name, where)
        return new

    async def shutdown_all(self, now: bool = False) -> None:
        """Stop every kernel, spares and spares still starting included."""
        self._closing = True
        if self._refill_task is not None:
            self._refill_task.cancel()
        spares, self._spares = self._spares, []
        for *_, task in spares:
            with contextlib.suppress(Exception):  # a spare that failed to start is gone
                await task
        await super().shutdown_all(now=now)
