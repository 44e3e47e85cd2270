"""A live rebuild's work grows with what an added article changes, not with the corpus: the warm path sorts and
reads back nothing whole (its tables are the full build's: test_incremental)."""

import shutil

import pandas as pd

from helpers import config
from helpers.across.merge import CHRONO_ORDER, sort_chronology
from helpers.build import build
from helpers.store import saved
from helpers.store.saved import insert_sorted

from .conftest import UNSEEN, make_data_dir


def test_new_chronology_rows_are_put_in_place_among_the_sorted_ones():
    """A patch puts its few new chronology rows in the chronology's order (date, end, type, id) among the rows kept,
    as sorting everything again would: the rows of the same day and type ordered by id, a later end after."""
    rows = [
        ("c-0a", "2020-01-03", "2020-01-03", "attack", "Tirs de roquettes contre la base"),
        ("c-0b", "2020-01-03", "2020-01-03", "attack", "Drone abattu au-dessus du camp"),
        ("c-07", "2020-01-03", "2020-01-03", "strike", "Frappe sur un dépôt"),
        ("c-01", "2020-01-03", "2020-01-31", "attack", "Attaques répétées dans la province"),
        ("c-05", "2020-02-10", "2020-02-10", "withdrawal", "Départ des instructeurs"),
        ("c-02", "2021-12-31", "2021-12-31", "handover", "Remise de la dernière base"),
    ]
    whole = pd.DataFrame(rows, columns=["chronology_id", "date_start", "date_end", "event_type", "summary"])
    whole["n_articles"] = range(len(whole))
    ordered = sort_chronology(whole)
    for new in ([1], [0, 5], [2, 3], [0, 1, 2, 3, 4, 5], []):
        kept = ordered.drop(index=new)
        got = insert_sorted(kept, ordered.iloc[new[::-1]], CHRONO_ORDER)
        assert got.equals(ordered), f"rows {new} put back out of order: {got.chronology_id.tolist()}"


def test_a_live_process_reads_back_no_chronology_it_has_just_written(tmp_path, monkeypatch):
    """The chronology and the places are written whole at each save; the same process's next build takes them as
    they were written (values, types, columns: what reading the files gives) instead of reading the files again."""
    data = make_data_dir(tmp_path)
    p = config.paths(data)
    build(data)
    read = []
    real = pd.read_parquet
    monkeypatch.setattr(pd, "read_parquet", lambda path, *a, **k: read.append(path.name) or real(path, *a, **k))
    for f in sorted(UNSEEN.glob("*.txt"))[:2]:
        shutil.copy(f, data / "raw" / "articles" / f.name)
        build(data)
        sb = saved.SavedBuild.load(p)
        frames = sb.frames()
        tag = sb.state["tables"]
        for name in ("chronology", "places"):
            assert f"{tag}.{name}.parquet" not in read, f"{name} read back from the file this process wrote"
            on_disk = real(sb.folder / f"{tag}.{name}.parquet")
            assert frames[name].dtypes.equals(on_disk.dtypes), name
            assert frames[name].equals(on_disk), f"{name} after adding {f.name}"
        sb.con.close()
