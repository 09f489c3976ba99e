"""Run fetches on a few threads; the main thread records each result as it comes.

Only the main thread touches the state database: a worker hands each item's
outcome over once its files are on disk, and the main thread commits it at
once, so a kill loses at most the items being fetched.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from traite_sync.fetch import Outcome

import queue


Task = Callable[[Callable[[Outcome], None]], None]


def run_tasks(
    workers: int, tasks: list[Task], on_outcome: Callable[[Outcome], None]
) -> None:
    """Run ``tasks`` (each hands its outcomes to the callable it gets)."""
    if not tasks:
        return
    outcomes: queue.Queue = queue.Queue()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="traite-sync")
    try:
        pending = {pool.submit(task, outcomes.put) for task in tasks}
        while pending or not outcomes.empty():
            try:
                on_outcome(outcomes.get(timeout=0.05))
                continue
            except queue.Empty:
                pass
            done = {future for future in pending if future.done()}
            for future in done:
                future.result()  # a worker's error stops the run
            pending -= done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
