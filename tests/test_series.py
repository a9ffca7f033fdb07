"""Long series on the demo model: one ledger row ties a series together, each image's signed
record names its series and its place in it, `verify` and the report say so in both
languages, images stream (``collect=False`` keeps nothing per image), and an interrupted
series (Ctrl-C in the API; SIGKILL of the real command) resumes without a duplicate.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artcharter.base.errors import BadInput
from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.generate import GenerateRequest, LoadedModel, generate, load_model
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.series import COMPLETE, INTERRUPTED, file_tag
from artcharter.provenance.verify import read_anchors, verify_file
from artcharter.reports.report import make_report
from artcharter.reports.summary import make_summary
from tests.conftest import make_atelier

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
FAST = {"steps": 1, "size": 64, "seed": 100}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    return load_model("demo", device="cpu", cache_dir=tmp_path_factory.mktemp("cache"))


def request(folder: Path, n: int, **options) -> GenerateRequest:
    return GenerateRequest(
        "a heron, woodcut", output_dir=folder, n=n, session_id="series-a", **{**FAST, **options}
    )


def series_row(ledger: Ledger) -> dict:
    (row,) = ledger.series("series-a")
    return row


def test_a_series_is_one_row_and_each_image_says_its_place(
    loaded, tmp_path, alice, school_root, capsys
) -> None:
    seen = []
    with Ledger(tmp_path / "ledger.db") as ledger:
        made = generate(
            loaded,
            request(tmp_path / "out", 5, batch_size=2),
            identity=alice,
            ledger=ledger,
            on_series=seen.append,
        )
        row = series_row(ledger)
        totals = ledger.series_totals(row["series_id"])
    sid = row["series_id"]
    assert sid.startswith("series-a-") and row["session_id"] == "series-a"
    assert [(s.series_id, s.n, s.resumed) for s in seen] == [(sid, 5, False)]
    assert (row["n"], row["base_seed"], row["state"]) == (5, 100, COMPLETE)
    assert totals["statuses"] == {"kept": 5} and totals["measured_runs"] == 5
    places = sorted((s.record.generation.series_index, s.record.generation.seed) for s in made)
    assert places == [(i + 1, 100 + i) for i in range(5)]
    assert all(s.record.generation.series_size == 5 for s in made)
    assert all(s.path.name.endswith(f"-{file_tag(sid)}.png") for s in made)

    third = next(s for s in made if s.record.generation.series_index == 3)
    result = verify_file(third.path, read_anchors([school_root]))
    assert result.verdict == verdicts.TRUSTED
    assert result.record["generation"]["series_id"] == sid
    for lang, words in (("en", f"{sid}, image 3 of 5"), ("fr", f"{sid}, image 3 sur 5")):
        assert run(["--lang", lang, "verify", str(third.path), "--trust", str(school_root)]) == 0
        shown = capsys.readouterr().out
        assert words in shown, shown
        with Ledger(tmp_path / "ledger.db") as ledger:
            report = make_report(third.path, tmp_path / f"r-{lang}", lang=lang, ledger=ledger)
        # The whole series in one line, counted by the ledger.
        assert report.report["energy"]["series"]["made"] == 5
        html = report.html.read_text(encoding="utf-8")
        assert (
            f"Series {sid}: 5 of its 5 images in the ledger (complete)"
            if lang == "en"
            else f"Série {sid}\u00a0: 5 images sur 5 dans le registre (terminée)"
        ) in html
        rows = {r["key"]: r["value"] for r in report.report["generation"]["rows"]}
        assert rows["series"] == (
            f"image 3 of 5 of series {sid}" if lang == "en" else f"image 3 sur 5 de la série {sid}"
        )

    # The summary shows the series as one row, counted in every total.
    with Ledger(tmp_path / "ledger.db") as ledger:
        summary = make_summary(
            sorted(s.path for s in made),
            tmp_path / "summary",
            anchors=read_anchors([school_root]),
            ledger=ledger,
        ).summary
    assert summary["artworks"] == 5 and summary["rows"] == []
    (one,) = summary["series"]
    assert (one["series_id"], one["count"], one["size"]) == (sid, 5, 5)
    assert (one["first"]["index"], one["last"]["index"]) == (1, 5)
    assert one["kwh"] is not None and one["model"]


def test_streaming_keeps_nothing_per_image(loaded, tmp_path, alice) -> None:
    heard = []
    with Ledger(tmp_path / "ledger.db") as ledger:
        returned = generate(
            loaded,
            request(tmp_path / "out", 4),
            identity=alice,
            ledger=ledger,
            on_image=heard.append,
            collect=False,
        )
    assert returned == [] and len(heard) == 4


def test_interrupted_then_resumed_without_duplicates(loaded, tmp_path, alice) -> None:
    out = tmp_path / "out"
    heard = []

    def stop_after_two(signed) -> None:
        heard.append(signed)
        if len(heard) == 2:
            raise KeyboardInterrupt

    with Ledger(tmp_path / "ledger.db") as ledger:
        with pytest.raises(KeyboardInterrupt):
            generate(
                loaded,
                request(out, 6, seed=None),
                identity=alice,
                ledger=ledger,
                on_image=stop_after_two,
            )
        row = series_row(ledger)
        assert row["state"] == INTERRUPTED
        sid, base = row["series_id"], row["base_seed"]
        done = ledger.series_seeds(sid)
        assert len(done) >= 2
        resumed = []
        # The same request again, in other batches: the seed drawn at random the first time
        # is the series' own.
        made = generate(
            loaded,
            request(out, 6, seed=None, batch_size=3),
            identity=alice,
            ledger=ledger,
            on_series=resumed.append,
        )
        assert resumed[0].resumed and resumed[0].done == frozenset(done)
        every = set(range(base, base + 6))
        assert sorted(s.record.generation.seed for s in made) == sorted(every - done)
        assert series_row(ledger)["state"] == COMPLETE
        assert ledger.series_seeds(sid) == every
        rows = ledger.db.execute("SELECT count(*) FROM artworks").fetchone()[0]
    assert rows == 6 and len(list(out.glob("*.png"))) == 6
    # Nothing left to do: a third run makes nothing.
    with Ledger(tmp_path / "ledger.db") as ledger:
        assert generate(loaded, request(out, 6, seed=None), identity=alice, ledger=ledger) == []


def test_a_session_groups_several_series_and_a_series_keeps_its_request(
    loaded, tmp_path, alice
) -> None:
    with Ledger(tmp_path / "ledger.db") as ledger:
        generate(loaded, request(tmp_path / "out", 2), identity=alice, ledger=ledger)
        # Another request in the same session (a session groups generations): a new series.
        generate(loaded, request(tmp_path / "out", 3), identity=alice, ledger=ledger)
        first, second = ledger.series("series-a")
        assert (first["n"], second["n"]) == (2, 3)
        assert len(list((tmp_path / "out").glob("*.png"))) == 5
        # Resuming a series by its id with another request is refused.
        with pytest.raises(BadInput, match="another request"):
            generate(
                loaded,
                request(tmp_path / "out", 2, seed=7, series_id=first["series_id"]),
                identity=alice,
                ledger=ledger,
            )


# --- the real command, killed ----------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, school_dir: Path) -> Path:
    return make_atelier(tmp_path / "atelier", school_dir)


def test_the_command_killed_with_sigkill_then_resumed(project: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env |= {
        "ARTCHARTER_PROJECT": str(project),
        "ARTCHARTER_LANG": "en",
        "XDG_CACHE_HOME": str(tmp_path / "xdg"),
    }
    out = project / "series"
    argv = ["generate", "a heron, woodcut", "--model", "demo", "--size", "64", "--steps", "2",
            "--n", "10", "--session", "heron-10", "-o", str(out), "--json"]  # fmt: skip
    process = subprocess.Popen(
        [ARTCHARTER, *argv], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    ledger = project / "artcharter.db"
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < 300:
        # Files appear before their rows: a series commits its rows in batches.
        if out.exists() and len(list(out.glob("*.png"))) >= 3:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.01)
    _, err = process.communicate()
    assert process.returncode == -signal.SIGKILL, err.decode(errors="replace")
    before = _rows(ledger) if ledger.exists() else 0
    assert before < 10
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT state FROM series").fetchall() == [("running",)]

    done = subprocess.run(
        [ARTCHARTER, "generate", "--resume", "heron", "--json"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert len(made) == 10 - before
    with sqlite3.connect(ledger) as conn:
        seeds = [
            s
            for (s,) in conn.execute(
                "SELECT json_extract(record, '$.generation.seed') FROM artworks"
            )
        ]
        assert conn.execute("SELECT state FROM series").fetchall() == [("complete",)]
        # Stored relative to the ledger's folder (the images lie under it).
        paths = [ledger.parent / p for (p,) in conn.execute("SELECT path FROM artworks")]
    # Every seed once, every row's file there, no second copy and nothing half-written.
    assert len(seeds) == len(set(seeds)) == 10
    files = sorted(out.glob("*.png"))
    assert sorted(paths) == files
    assert [p for p in out.iterdir() if p.name.startswith(".")] == []
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT session_id FROM series").fetchall() == [("heron-10",)]


def _rows(ledger: Path) -> int:
    try:
        with sqlite3.connect(ledger, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM artworks").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_cli_resume_refuses_a_prompt_and_an_unknown_series(project, monkeypatch, capsys) -> None:
    monkeypatch.chdir(project)
    assert run(["generate", "a heron", "--resume", "x"]) == 2
    assert "--resume takes everything from the series" in capsys.readouterr().err
    assert run(["generate", "--resume", "nothing-like-it"]) == 2
    assert "no series 'nothing-like-it'" in capsys.readouterr().err
    assert run(["generate"]) == 2
    assert "--resume" in capsys.readouterr().err
