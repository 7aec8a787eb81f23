"""``store.ctrl_c_deferred`` in a process of its own, Ctrl-C set as Python sets it in a
terminal: a test run started in the background of a script (``cmd &``) has SIGINT ignored,
which every process it starts inherits, and the doctest that raised one there saw the block
end and no Ctrl-C after it (rightly: an ignored Ctrl-C stays ignored, the last test)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str, ctrl_c: str = "signal.default_int_handler") -> list[str]:
    code = f"import signal\nsignal.signal(signal.SIGINT, {ctrl_c})\n{textwrap.dedent(code)}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.splitlines()


def test_a_ctrl_c_inside_the_block_comes_once_the_block_has_run() -> None:
    assert _run("""
        import signal
        from career_workbook.store import ctrl_c_deferred
        try:
            with ctrl_c_deferred():
                signal.raise_signal(signal.SIGINT)
                print("the block ran to its end")
        except KeyboardInterrupt:
            print("then Ctrl-C came")
        print("handler back:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    """) == ["the block ran to its end", "then Ctrl-C came", "handler back: True"]


def test_no_ctrl_c_no_exception_and_the_handler_is_put_back() -> None:
    assert _run("""
        import signal
        from career_workbook.store import ctrl_c_deferred
        mine = lambda signum, frame: print("mine")
        signal.signal(signal.SIGINT, mine)
        with ctrl_c_deferred():
            print("ran")
        print(signal.getsignal(signal.SIGINT) is mine)
        signal.raise_signal(signal.SIGINT)
    """) == ["ran", "True", "mine"]


def test_outside_the_main_thread_it_changes_nothing() -> None:
    assert _run("""
        import signal, threading
        from career_workbook.store import ctrl_c_deferred
        def work():
            with ctrl_c_deferred():
                print("blocked in thread:", signal.SIGINT in signal.pthread_sigmask(
                    signal.SIG_BLOCK, set()))
        t = threading.Thread(target=work); t.start(); t.join()
    """) == ["blocked in thread: False"]


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    assert _run("""
        from career_workbook.store import ctrl_c_deferred
        with ctrl_c_deferred():
            signal.raise_signal(signal.SIGINT)
        print("still here, ignored:", signal.getsignal(signal.SIGINT) is signal.SIG_IGN)
    """, ctrl_c="signal.SIG_IGN") == ["still here, ignored: True"]
