"""The per-article work on every core: a pool of forked worker processes, results in the items' order.

The build reads and extracts each article with pure functions of the article and the reference data
(:mod:`helpers.extract.article`). :class:`Workers` runs them in ``jobs`` processes forked from the build's
process *after* it has loaded what they need (the reference data, the spaCy model): a worker starts with
the model already in memory, and the model is loaded once per build, not once per worker. Results come
back in the order of the items, whatever the worker that made them, so a build with N jobs gives the
same tables, byte for byte, as a build with one.

The pool is made at the first batch worth it (:data:`MIN_ITEMS` items at least; fewer run in the
build's own process, as do all when ``jobs`` is 1 or the system cannot fork) and serves every later
batch of the build. A worker keeps nothing between items but its process-wide caches.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator

MIN_ITEMS = 16  # fewer items than this run in the build's own process: a fork is not worth it
CHUNK = 16  # items sent to a worker at a time (an article takes tens of milliseconds; the build runs a chunk side by
# side, its parses in one batch of the model: the more articles, the fuller the batch, and 16 articles are under a
# second of a worker)

_task: Callable | None = None  # the function the workers run, set before they are forked
_group: Callable | None = None  # how they run it over a chunk of items (``group(task, items)``), set with it


def _run_chunk(items: list) -> list:
    return _group(_task, items)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on this system
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether worker processes can be forked here (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def _one_by_one(task: Callable, items: list) -> list:
    return [task(x) for x in items]


class Workers:
    """Map one task over batches of items in ``jobs`` forked processes (see the module's docstring).

    ``task(item)`` must be a pure function of the item and of what ``prepare()`` loads; ``prepare`` is
    called once, in this process, just before the workers are forked (a batch run here loads what it
    needs as it goes), and ``forked()`` just after (what only the workers need can be let go here: every
    later batch runs in the workers). ``group(task, items)``: ``task`` over a chunk of :data:`CHUNK` items, their
    results in order (default: one after the other; the build's runs them side by side, their parses in one batch
    of the model: :func:`helpers.extract.nlp.in_lockstep`)."""

    def __init__(
        self,
        task: Callable | None,
        jobs: int | None = None,
        prepare: Callable[[], None] | None = None,
        forked: Callable[[], None] | None = None,
        group: Callable[[Callable, list], list] | None = None,
    ):
        self.task, self.prepare, self.forked = task, prepare, forked
        self.group = group or _one_by_one
        self.jobs = max(1, default_jobs() if jobs is None else int(jobs))
        self._pool = None

    def map(self, items: Iterable) -> Iterator:
        """``task`` over ``items``, in order (in the workers when worth it, else here)."""
        items = list(items)
        if not items:
            return iter(())
        chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
        if self._pool is None and (self.jobs < 2 or len(items) < MIN_ITEMS or not can_fork()):
            return (r for c in chunks for r in self.group(self.task, c))
        if self._pool is None:
            if self.prepare is not None:
                self.prepare()
            global _task, _group
            _task, _group = self.task, self.group  # the forked workers inherit them (nothing is sent but the items)
            self._pool = multiprocessing.get_context("fork").Pool(self.jobs)
            if self.forked is not None:
                self.forked()
        return (r for rs in self._pool.imap(_run_chunk, chunks) for r in rs)

    def close(self) -> None:
        """Stop the workers (they are idle between batches)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
