"""Warm rebuilds (helpers.build, the saved build patched) give the full build's tables, byte for byte.

Each scenario changes a corpus that has a saved build, reruns ``build`` (warm), builds
the same corpus again from nothing (``warm=False`` on a copy without ``interim/``), and compares
the exported files. The scenarios also check which way the warm run went, so that the fast
path is really exercised and the fallbacks really taken.
"""

import filecmp
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from helpers import config
from helpers.across import NeedsFullBuild, merge
from helpers.build import build
from helpers.present.export import write_tables
from helpers.store import saved

from .conftest import UNSEEN, make_data_dir, tree_hash


def _exports_equal(warm, data: Path, tmp: Path) -> list[str]:
    cold_dir = tmp / "cold"
    shutil.rmtree(cold_dir, ignore_errors=True)
    shutil.copytree(data / "reference", cold_dir / "reference")
    shutil.copytree(data / "raw", cold_dir / "raw")
    cold = build(cold_dir, warm=False)
    a, b = tmp / "out_warm", tmp / "out_cold"
    shutil.rmtree(a, ignore_errors=True)
    shutil.rmtree(b, ignore_errors=True)
    write_tables(warm, a)
    write_tables(cold, b)
    assert warm.warnings == cold.warnings
    return [p.name for p in sorted(b.iterdir()) if not filecmp.cmp(p, a / p.name, shallow=False)]


def _mode(t) -> str:
    """How a build ran, from its ``how``: full, patched or unchanged."""
    if t.how.startswith("full build"):
        return "full"
    return "patched" if t.how.startswith("the saved build patched") else "unchanged"


def _add(data: Path, *files: Path) -> None:
    for f in files:
        shutil.copy(f, data / "raw" / "articles" / f.name)


@pytest.mark.parametrize("journal_max", [16, 2])
def test_adding_articles_one_by_one_patches_and_matches_a_full_build(tmp_path, monkeypatch, journal_max):
    """With a short journal, the base is rewritten every few patches (compaction) as well."""
    monkeypatch.setattr(saved, "JOURNAL_MAX", journal_max)
    data = make_data_dir(tmp_path)
    assert build(data).how.startswith("full build")
    modes = []
    for f in sorted(UNSEEN.glob("*.txt")):
        _add(data, f)
        t = build(data)
        modes.append(_mode(t))
        assert _exports_equal(t, data, tmp_path) == [], f"after adding {f.name} ({t.how})"
    assert modes.count("patched") >= len(modes) // 2, modes  # the fast path is the common case
    assert set(modes) <= {"patched", "full"}
    parts = {f.name.split(".")[0] for f in (data / "interim" / "build").glob("*.events.parquet")}
    assert len(parts) <= journal_max + 1  # a base and its journal parts: older ones are removed
    assert not list(data.rglob("*.pkl")), "nothing is pickled"


def test_adding_several_at_once_and_files_sorting_first(tmp_path):
    data = make_data_dir(tmp_path)
    build(data)
    unseen = sorted(UNSEEN.glob("*.txt"))
    _add(data, *unseen[:3])
    # a file whose name sorts before every seed, and a copy of a seed's text (a duplicate)
    (data / "raw" / "articles" / "0000_first.txt").write_bytes(unseen[4].read_bytes())
    seed = sorted((data / "raw" / "articles").glob("*.txt"))[-1]
    (data / "raw" / "articles" / "zz_copy.txt").write_bytes(seed.read_bytes())
    t = build(data)
    assert _mode(t) == "patched", t.how
    assert "duplicate" in set(t.articles.status)
    assert _exports_equal(t, data, tmp_path) == []


def test_unchanged_rerun_reuses_the_saved_tables(tmp_path):
    data = make_data_dir(tmp_path)
    first = build(data)
    raw = tree_hash(data / "raw")
    again = build(data)
    assert _mode(again) == "unchanged", again.how
    for name in ("articles", "events", "chronology", "places", "figures"):
        assert getattr(first, name).equals(getattr(again, name)), name
    assert tree_hash(data / "raw") == raw


@pytest.mark.parametrize("change", ["edit", "remove", "sidecar", "edit_same_size"])
def test_other_changes_fall_back_to_a_full_build(tmp_path, change):
    data = make_data_dir(tmp_path)
    _add(data, *sorted(UNSEEN.glob("*.txt"))[:2])
    for p in (data / "raw" / "articles").iterdir():  # written long ago: a size and a time can never tell an edit
        os.utime(p, (1_500_000_000, 1_500_000_000))
    build(data)
    arts = data / "raw" / "articles"
    victim = sorted(arts.glob("*.txt"))[1]
    if change == "edit":
        victim.write_text(
            victim.read_text(encoding="utf-8") + "\nLe 3 mars 2021, une roquette a visé la base de Balad.\n",
            encoding="utf-8",
        )
    elif change == "edit_same_size":
        # same size, and the modification time set back to what it was: the bytes still decide
        st = victim.stat()
        text = victim.read_bytes()
        victim.write_bytes(text.replace(b"2020", b"2019", 1) if b"2020" in text else text[::-1])
        os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif change == "remove":
        victim.unlink()
    else:
        (data / "raw" / "articles.csv").write_text(f"file,published\n{victim.name},2021-05-04\n", encoding="utf-8")
    t = build(data)
    assert _mode(t) == "full", t.how
    assert _exports_equal(t, data, tmp_path) == []


def test_code_or_reference_change_invalidates_the_saved_build(tmp_path):
    data = make_data_dir(tmp_path)
    build(data)
    with (data / "reference" / "outlets.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    t = build(data)  # in the same process: the reference data is hashed at every build
    assert t.how == "full build (no saved build for this code and reference data)"


@pytest.mark.parametrize("damage", ["database", "table file", "results"])
def test_a_damaged_saved_build_means_a_full_build_with_the_reason(tmp_path, damage):
    data = make_data_dir(tmp_path)
    build(data)
    if damage == "database":
        (data / "interim" / "build.sqlite").write_bytes(b"not a database, not a pickle either")
    elif damage == "table file":
        next((data / "interim" / "build").glob("*.events.parquet")).write_bytes(b"PAR1 garbage")
    else:
        (data / "interim" / "results.sqlite").write_bytes(b"garbage")
    time.sleep(0.01)
    t = build(data)
    if damage == "results":  # the per-article results are computed again, the saved build still serves
        assert _mode(t) == "unchanged", t.how
        assert any("results.sqlite could not be read" in w for w in t.warnings), t.warnings
    else:
        assert t.how.startswith("full build (the saved build could not be read"), t.how
    t = build(data, warm=False)
    assert _exports_equal(t, data, tmp_path) == []


def _random_mentions(rng, n: int):
    from datetime import date, timedelta

    from helpers.across.merge import MergeMention

    vocab = [f"k{i}" for i in range(12)]
    out = []
    for i in range(n):
        etype = rng.choice(["attack", "strike", "withdrawal", "handover", "vote"])
        prec = rng.choice(["day", "day", "day", "month", "year"])
        d = date(2020, 1, 1) + timedelta(days=rng.randrange(500))
        if prec == "day":
            a = b = d
        elif prec == "month":
            a = d.replace(day=1)
            b = (a + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        else:
            a, b = date(d.year, 1, 1), date(d.year, 12, 31)
        keys = rng.sample(vocab[:4], 1) + rng.sample(vocab, rng.randrange(0, 3))  # a few very common keys
        out.append(MergeMention(f"a{i % 40:02d}-{i:04d}a", f"a{i % 40:02d}", etype, a, b, prec, "", keys))
    return out


@pytest.mark.parametrize("seed", range(25))
def test_merge_replay_equals_a_full_merge(seed, monkeypatch, tmp_path):
    """replay() on the saved stores gives the clusters of a full merge, with the common-key cap
    and the margin made small so that saturation, restarts and dirty propagation all happen."""
    _check_replay(seed, monkeypatch, tmp_path, changed=False)


@pytest.mark.parametrize("seed", range(25))
def test_merge_replay_of_changed_mentions_equals_a_full_merge(seed, monkeypatch, tmp_path):
    """replay() with mentions taken out (an earlier article extracted anew: its mentions' previous versions),
    some back with other dates, some gone, and mentions added, gives the clusters of a full merge."""
    _check_replay(seed, monkeypatch, tmp_path, changed=True)


def _check_replay(seed, monkeypatch, tmp_path, changed: bool):
    import random
    from datetime import timedelta

    from helpers.across.merge import MergeMention

    monkeypatch.setattr(merge, "COMMON_KEY", 6)
    monkeypatch.setattr(merge, "MARGIN", 3)
    rng = random.Random(seed)
    ms = _random_mentions(rng, 400)
    added = sorted(rng.sample(ms, rng.randrange(1, 6)), key=lambda m: m.skey)
    ids = {m.eid for m in added}
    old = sorted((m for m in ms if m.eid not in ids), key=lambda m: m.skey)
    new = ms
    if changed:  # one earlier article's mentions: some narrowed to a day, some gone, the rest as they were
        aid = rng.choice(sorted({m.aid for m in old}))
        mine = [m for m in old if m.aid == aid]
        again = []
        for m in mine:
            fate = rng.choice(["same", "moved", "gone"])
            if fate == "moved":
                day = m.start + timedelta(days=rng.randrange((m.end - m.start).days + 1))
                again.append(MergeMention(m.eid, m.aid, m.etype, day, day, "day", m.qualifier, m.keys))
            elif fate == "same":
                again.append(m)
        new = [m for m in ms if m.aid != aid] + again
        added = sorted([m for m in added if m.aid != aid] + again, key=lambda m: m.skey)
    g_old = merge.cluster(old)
    founder = {m.eid: f for f, c in g_old.clusters.items() for m in c.members}
    removed = {m.eid: founder[m.eid] for m in old if changed and m.aid == aid}
    con = saved._connect(tmp_path / "build.sqlite")  # through the database: what a warm rebuild reads
    for name, items in (
        ("clusters", [(f, ("c", c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members)))
                      for f, c in g_old.clusters.items()]),
        ("registry", [(k, sorted((t, f) for f, t in p.items())) for k, p in g_old.posting.items()]),
    ):  # fmt: skip
        kv = saved.KV(None, name)
        kv.fill(items)
        kv.write(con)
    clusters, registry = saved.KV(con, "clusters"), saved.KV(con, "registry")
    full = merge.cluster(sorted(new, key=lambda m: m.skey))
    expect = {f: ([m.eid for m in c.members], c.start, c.end, c.precision) for f, c in full.clusters.items()}
    try:
        g, dirty = merge.replay(clusters, registry, added, removed)
    except NeedsFullBuild as exc:  # too many dirty clusters on a saturated key: the caller builds in full
        assert "too many clusters" in str(exc)
        return
    got = {
        f: ([m.eid for m in c.members], c.start, c.end, c.precision)
        for f, c in g_old.clusters.items()
        if f not in dirty
    }
    got |= {f: ([m.eid for m in c.members], c.start, c.end, c.precision) for f, c in g.clusters.items() if f in dirty}
    assert got == expect
    # the stores, updated, are those a full build would save (what the next patch starts from)
    merge.update_merge_index({"clusters": clusters, "registry": registry}, g, dirty, {f: "c" for f in dirty})
    for f, c in full.clusters.items():
        assert clusters.get(f) == ("c", c.fam, tuple(sorted(c.keys)), tuple(m.as_tuple() for m in c.members))
    for key, posting in full.posting.items():
        assert registry.get(key) == sorted((t, f) for f, t in posting.items()), key
    clusters.write(con)
    assert con.execute("SELECT count(*) FROM kv WHERE space = 'clusters'").fetchone()[0] == len(full.clusters)


def test_a_missing_table_file_means_a_full_build_not_a_crash(tmp_path):
    data = make_data_dir(tmp_path)
    build(data)
    for f in (data / "interim" / "build").glob("*.figures.parquet"):
        f.unlink()
    _add(data, sorted(UNSEEN.glob("*.txt"))[0])
    t = build(data)
    assert t.how.startswith("full build (the saved build could not be read"), t.how
    assert _exports_equal(t, data, tmp_path) == []


PAIRS = Path(__file__).resolve().parent / "fixtures" / "incremental"


@pytest.mark.parametrize(
    "name, earlier, mode, why",
    [
        # its events change the anchors an earlier article reads, but not that article's bounds
        ("afp_ain_al_assad.txt", None, "patched", ""),
        # an undated article tells of a commander's death; the added article dates the killing (a person is
        # killed once: the same event): the earlier article's bounds change, and the patch re-dates it
        (
            "dated_frappe_commandant.txt",
            "undated_mort_commandant.txt",
            "patched",
            "1 earlier article(s) re-dated",
        ),
    ],
)
def test_an_article_added_last_to_the_whole_corpus(tmp_path, name, earlier, mode, why):
    added = UNSEEN / name if (UNSEEN / name).exists() else PAIRS / name
    extra = {p.name: p.read_bytes() for p in UNSEEN.glob("*.txt") if p.name != name}
    if earlier:
        extra[earlier] = (PAIRS / earlier).read_bytes()
    data = make_data_dir(tmp_path, extra=extra)
    build(data)
    _add(data, added)
    t = build(data)
    assert _mode(t) == mode and why in t.how, t.how
    assert _exports_equal(t, data, tmp_path) == []


def test_an_added_article_that_dates_an_earlier_one_re_dates_it_in_the_patch(tmp_path):
    """B (undated) tells of a commander's death; A, added, dates the killing: the patch re-dates B (its
    publication bounded by A's event), extracts it again, and gives the full build's tables, file by file.
    Then C, added, tells of the same death again: it is dated against A's anchor, and B stays as it is."""
    b = "undated_mort_commandant.txt"
    data = make_data_dir(tmp_path, seeds=False, extra={b: (PAIRS / b).read_bytes()})
    first = build(data)
    assert first.articles.published.isna().all() or not first.articles.published.iloc[0], first.articles
    _add(data, PAIRS / "dated_frappe_commandant.txt")
    t = build(data)
    assert _mode(t) == "patched" and "1 earlier article(s) re-dated" in t.how, t.how
    row = t.articles.set_index("file").loc[b]
    assert row.published and row.published >= "2023-03-07", f"{b} not bounded by the added article's date: {row}"
    assert _exports_equal(t, data, tmp_path) == []
    (data / "raw" / "articles" / "encore_commandant.txt").write_text(
        "Hommage à un commandant\n\nDes centaines de personnes ont rendu hommage à Abou Haydar al-Najjari, "
        "commandant des Brigades du Hezbollah tué dans une frappe de drone près de Bagdad.\n",
        encoding="utf-8",
    )
    t = build(data)
    assert _mode(t) == "patched", t.how
    assert _exports_equal(t, data, tmp_path) == []


def test_a_live_process_hashes_again_a_file_edited_to_its_old_size_and_time(tmp_path, monkeypatch):
    """A process that scanned the folder keeps the keys of the files whose identity (with the change
    time, which no program sets back) is the same; an edit that keeps the size and the modification
    time is still seen, and so is one in the same clock tick as the hashing (not kept: too recent)."""
    data = make_data_dir(tmp_path)
    p = config.paths(data)
    first = saved.scan(p)  # the seeds were just written: too recent to be kept
    assert first.files == saved.scan(p).files
    monkeypatch.setattr(saved, "SETTLED_NS", 0)
    saved.scan(p)  # now kept
    victim = sorted((data / "raw" / "articles").glob("*.txt"))[0]
    hashed = []
    real = saved.file_key
    monkeypatch.setattr(saved, "file_key", lambda path, *a: hashed.append(path.name) or real(path, *a))
    assert saved.scan(p).files == first.files and hashed == []  # nothing hashed again
    time.sleep(0.05)  # past the clock tick of the last hashing
    st = victim.stat()
    text = victim.read_bytes()
    victim.write_bytes(text.replace(b"2020", b"2019", 1) if b"2020" in text else text[::-1])
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    again = saved.scan(p).files
    assert hashed == [victim.name]
    assert again[victim.name][:2] == first.files[victim.name][:2]  # same size and time
    assert again[victim.name][2] != first.files[victim.name][2]  # another key


def test_a_live_process_reads_again_a_saved_table_rewritten(tmp_path):
    """The saved tables a process read are kept while their files are the same; a file rewritten (even to
    the same size) is read again, so a damaged table still means a full build in a running kernel."""
    data = make_data_dir(tmp_path)
    build(data)
    build(data)  # the saved tables read, and kept
    f = next((data / "interim" / "build").glob("*.events.parquet"))
    kept = saved.read_table(f)
    assert saved.read_table(f).equals(kept)
    size = f.stat().st_size
    time.sleep(0.05)
    f.write_bytes(b"PAR1" + b"\0" * (size - 8) + b"PAR1")
    with pytest.raises(Exception):
        saved.read_table(f)
    t = build(data)
    assert t.how.startswith("full build (the saved build could not be read"), t.how


def test_a_live_process_keeps_what_it_saved_until_another_process_saves(tmp_path, monkeypatch):
    """A process that saved a patch knows the saved build's files and the kv values it read or wrote: its next
    build decodes none of them again. Once another process has saved (another ``saved_ns``), everything is read
    again from the database."""
    data = make_data_dir(tmp_path)
    p = config.paths(data)
    build(data)
    _add(data, sorted(UNSEEN.glob("*.txt"))[0])
    assert _mode(build(data)) == "patched"
    sb = saved.SavedBuild.load(p)
    written = [k for k, v in saved._KNOWN[str(sb.path)]["kv"]["clusters"].items() if v is not None]
    assert written, "the patch wrote or read clusters"
    decoded = []
    real = saved.KV._decode
    monkeypatch.setattr(saved.KV, "_decode", lambda self, text: decoded.append(self.space) or real(self, text))
    assert sb.kv["clusters"].get(written[0]) is not None and decoded == []  # known: not read again
    # another process saves: its state has another saved_ns, and the value of that cluster changed
    with sqlite3.connect(sb.path) as con:
        state = json.loads(con.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()[0])
        state["saved_ns"] += 1
        con.execute("UPDATE meta SET value = ? WHERE name = 'state'", (json.dumps(state),))
        value = json.loads(
            con.execute("SELECT value FROM kv WHERE space = 'clusters' AND key = ?", (written[0],)).fetchone()[0]
        )
        value[0] = "c-from-elsewhere"
        con.execute("UPDATE kv SET value = ? WHERE space = 'clusters' AND key = ?", (json.dumps(value), written[0]))
        con.execute("UPDATE files SET mtime = 1 WHERE name = (SELECT min(name) FROM files)")
    sb.con.close()
    again = saved.SavedBuild.load(p)
    assert again.kv["clusters"].get(written[0])[0] == "c-from-elsewhere" and decoded == ["clusters"]
    assert 1 in {m for _, m, _ in again.files.values()}
    again.con.close()


def test_a_live_process_puts_in_only_the_new_journal_part_and_gets_the_same_tables(tmp_path):
    """After each patch, the growing tables a live process makes from the ones it made before plus the new
    journal part are those made from the base and every part (values, order and types)."""
    data = make_data_dir(tmp_path)
    p = config.paths(data)
    build(data)
    for f in sorted(UNSEEN.glob("*.txt"))[:4]:
        _add(data, f)
        build(data)
        sb = saved.SavedBuild.load(p)
        assert sb.state["journal"], "a patch"
        made = sb.frames()
        known = saved._FRAMES[str(sb.path)]["journal"]
        assert known == sb.state["journal"]
        whole = sb._from_files(sb.state["base"], sb.state["journal"], sb.state.get("replaced", {}))
        for n in saved.GROWING:
            assert made[n].dtypes.equals(whole[n].dtypes), n
            assert made[n].equals(whole[n]), f"{n} after adding {f.name}"
        sb.con.close()
