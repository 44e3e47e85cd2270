"""Figures of articles written in the press's styles and coded by hand after the codebook before the
tool read them (tests/fixtures/figures*/: the articles, their sidecar and gold.json). Each coded figure
is one test: the figure of that sentence with that count has the coded kind, party and measure.

A few codings the tool does not reach yet are listed in KNOWN with the reason (strict xfail: the test
says so when one starts to pass)."""

import json
import shutil

import pandas as pd
import pytest

from tests.conftest import ROOT, make_data_dir

BATCHES = sorted(p for p in (ROOT / "tests" / "fixtures").glob("figures*") if (p / "gold.json").is_file())
KNOWN = {
    ("ledevoir_canada.txt", "deux gardes de sécurité"): "an apposition's nationality (« des sous-traitants "
    "népalais ») against the embassy's in the noun phrase",
    ("rfi_avion_ukrainien.txt", "176 victimes"): "« victimes » counts killed or wounded; that all died is "
    "known to the reader, not said",
    ("lorientlejour_convoi.txt", "tué un chauffeur"): "a driver's side is told a sentence before (« conduits par "
    "des chauffeurs irakiens »)",
    ("lemonde_retrait_2024.txt", "plusieurs centaines de soldats américains"): "« seront déployés au Kurdistan »: "
    "read as arriving; coded as the level planned there (the coding itself is arguable)",
    ("lesoir_belgique.txt", "une centaine des quelque 250"): "the parser hangs « ainsi qu'une centaine » on the main "
    "verb, not on the object of « ramener au pays »",
    ("irna_bilan_raids.txt", "28 martyrs"): "fighters of brigades named by number only: whose, the reader knows "
    "from the spokesman quoted",
    ("irna_bilan_raids.txt", "48 blessés"): "the same",
    ("rtbf_belges.txt", "Les 45 derniers militaires"): "the participle in the noun phrase (« déployés à Bagdad ») "
    "is read before the clause's own verb (« sont rentrés »)",
    ("tsa_deploiement.txt", "14 000 militaires"): "« déployés dans la région depuis mai » read as the level there; "
    "coded as the flow since May (the coding itself is arguable)",
    ("tsa_deploiement.txt", "dix personnes"): "a strike's toll whose side is told only by the victims named "
    "sentences before (the Hachd's leader)",
}


def _gold():
    for folder in BATCHES:
        for row in json.loads((folder / "gold.json").read_text(encoding="utf-8"))["figures"]:
            yield folder.name, *row


GOLD = list(_gold())


@pytest.fixture(scope="module")
def batch_figures(tmp_path_factory):
    from helpers.build import build

    out = {}
    for folder in BATCHES:
        extra = {p.name: p.read_bytes() for p in folder.glob("*.txt")}
        d = make_data_dir(tmp_path_factory.mktemp(folder.name), seeds=False, extra=extra)
        shutil.copy(folder / "sidecar.csv", d / "raw" / "articles.csv")
        t = build(d, use_ner=False, warm=False)
        out[folder.name] = t.figures.merge(t.articles[["article_id", "file"]], on="article_id")
    return out


def _holds(r, n) -> bool:
    low = r.count_best if pd.isna(r.count_low) else r.count_low
    return not pd.isna(low) and low <= n and (pd.isna(r.count_high) or n <= r.count_high)


@pytest.mark.parametrize(
    "batch,file,words,count,kind,party,measure",
    [
        pytest.param(*g, marks=pytest.mark.xfail(strict=True, reason=KNOWN[g[1], g[2]])) if (g[1], g[2]) in KNOWN else g
        for g in GOLD
    ],
    ids=[f"{g[1][:-4]}: {g[2]}" for g in GOLD],
)
def test_coded_figure(batch_figures, batch, file, words, count, kind, party, measure):
    f = batch_figures[batch]
    here = [r for r in f[f.file == file].itertuples() if words in r.evidence and _holds(r, count)]
    if kind == "none":
        wrong = [(r.kind, r.party) for r in here if r.kind in ("troops", "casualties")]
        assert not wrong, f"{file}: « {words} » is no troop or casualty figure, read as {wrong}"
        return
    same = sorted((r for r in here if r.kind == kind), key=lambda r: not (r.unit and r.unit in words))
    got = [(r.count_best, r.kind, r.party, r.measure, r.party_basis) for r in here]
    assert same, f"{file}: no {kind} figure of {count} in the sentence of « {words} » (got {got})"
    r = same[0]
    assert (r.party, r.measure) == (party, measure), (
        f"{file}: « {words} » read as {r.party}/{r.measure} ({r.party_basis}; {r.measure_basis}), "
        f"coded {party}/{measure}"
    )
