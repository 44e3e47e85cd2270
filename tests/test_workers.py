"""Both cores: articles read and extracted in worker processes give the same tables as one process."""

import pytest

from .conftest import UNSEEN, make_data_dir, tree_hash


def _square(x):
    return x * x


def test_workers_return_results_in_the_order_of_the_items():
    from helpers.workers import MIN_ITEMS, Workers, can_fork

    if not can_fork():
        pytest.skip("no fork on this system: the build runs in one process")
    items = list(range(MIN_ITEMS * 5))
    with Workers(_square, jobs=2) as w:
        got = list(w.map(items))
        assert w._pool is not None, "a batch this size should have run in worker processes"
    assert got == [x * x for x in items], "results came back out of the items' order"


def test_a_small_batch_runs_in_this_process():
    from helpers.workers import MIN_ITEMS, Workers

    prepared = []
    with Workers(_square, jobs=2, prepare=lambda: prepared.append(1)) as w:
        assert list(w.map(range(MIN_ITEMS - 1))) == [x * x for x in range(MIN_ITEMS - 1)]
        assert w._pool is None and not prepared, "a few items should not fork workers nor prepare them"


def test_exports_at_one_and_two_jobs_are_byte_identical(tmp_path, monkeypatch):
    from helpers import workers
    from helpers.present.export import export

    if not workers.can_fork():
        pytest.skip("no fork on this system: the build runs in one process")
    used = []
    real_map = workers.Workers.map

    def spy(self, items):
        out = real_map(self, items)
        used.append(self._pool is not None)
        return out

    monkeypatch.setattr(workers.Workers, "map", spy)
    monkeypatch.setattr(workers, "MIN_ITEMS", 2)  # the re-dated articles' second extraction in workers too
    extra = {p.name: p.read_bytes() for p in UNSEEN.glob("*.txt")}
    outs = {}
    for jobs in (1, 2):
        d = make_data_dir(tmp_path / f"jobs{jobs}", extra=extra)
        used.clear()
        export(d, tmp_path / f"out{jobs}", jobs=jobs)
        assert any(used) == (jobs > 1), f"jobs={jobs}: worker processes used: {used}"
        outs[jobs] = tmp_path / f"out{jobs}"
    assert tree_hash(outs[1]) == tree_hash(outs[2]), "the tables differ between one and two jobs"


def test_the_build_collects_young_objects_less_often_and_puts_the_threshold_back(tmp_path, monkeypatch):
    """A build runs with the collector's youngest generation collected after many more new objects than Python's
    default (its extractions make and drop objects by the hundred thousand); the threshold is put back after."""
    import gc

    from helpers import build as build_module

    seen = []
    real = build_module.extract_article

    def spy(*a, **k):
        seen.append(gc.get_threshold()[0])
        return real(*a, **k)

    monkeypatch.setattr(build_module, "extract_article", spy)
    before = gc.get_threshold()
    d = make_data_dir(
        tmp_path,
        seeds=False,
        extra={"a.txt": "BAGDAD, 3 mars 2021 - Trois roquettes ont visé lundi la base d'Aïn al-Asad.\n".encode()},
    )
    build_module.build(d, jobs=1)
    assert seen and min(seen) >= build_module.YOUNG_GC_THRESHOLD, seen
    assert gc.get_threshold() == before
