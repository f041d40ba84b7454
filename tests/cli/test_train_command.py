"""`python main.py train`: JSON lines, clean Ctrl-C with --save, clear errors."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from playground.engine import Network, load_preset

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "train", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def test_json_mode_prints_one_object_per_epoch_and_nothing_else(tmp_path):
    out = tmp_path / "m.npz"
    proc = run(
        "--preset", "nielsen-mlp", "--epochs", "2", "--limit", "1000", "--json", "--save", str(out)
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2
    rows = [json.loads(line) for line in lines]
    assert [r["epoch"] for r in rows] == [1, 2]
    for r in rows:
        assert set(r) == {"epoch", "cost", "val_accuracy", "test_accuracy", "images_per_s"}
        assert 0 <= r["val_accuracy"] <= 1 and 0 <= r["test_accuracy"] <= 1
        assert r["images_per_s"] > 0
    assert rows[1]["val_accuracy"] > 0.5
    net = Network.load(out)
    assert len(net.history) == 2
    # the check before training that the folder takes the file leaves no probe file behind
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]


def test_human_mode_shows_summary_and_epochs():
    proc = run("--preset", "nielsen-mlp", "--epochs", "1", "--limit", "500")
    assert proc.returncode == 0, proc.stderr
    assert "dense1 (dense)" in proc.stdout and "epoch 1: cost" in proc.stdout
    assert "epoch 1/1 [" in proc.stderr  # the progress bar goes to stderr
    # the kernels load before epoch 1's clock starts (its images/s counted them)
    assert proc.stderr.index("engine ready in ") < proc.stderr.index("epoch 1/1 [")
    # stderr is a pipe here: whole lines, no carriage-return redraws piling onto one line
    assert "\r" not in proc.stderr
    assert "epoch 1/1 [##############################] " in proc.stderr.splitlines()[-1]


def test_an_epoch_at_chance_gets_a_note_on_what_to_try():
    """lr 500 saturates nielsen-mlp's sigmoids at once: about one digit in ten, and a note."""
    proc = run("--preset", "nielsen-mlp", "--epochs", "1", "--limit", "500", "--lr", "500")
    assert proc.returncode == 0, proc.stderr
    note = proc.stderr.splitlines()[-1]
    assert note.startswith("note: the accuracy is near chance (10.00%)"), proc.stderr
    assert "try lr 10 times smaller" in note
    assert "note:" not in run("--preset", "nielsen-mlp", "--epochs", "1", "--limit", "500").stderr


def test_progress_redraws_in_place_on_a_terminal_and_appends_lines_elsewhere():
    from io import StringIO

    from playground.cli import _progress

    term, log = StringIO(), StringIO()
    for done in (1, 2):
        _progress(term, 1, 3, done, 4, 1234.0, tty=True)
        _progress(log, 1, 3, done, 4, 1234.0, tty=False)
    assert term.getvalue().count("\r") == 2 and "\n" not in term.getvalue()
    assert log.getvalue().splitlines() == [
        "epoch 1/3 [#######-----------------------] 1/4 batches 1,234 img/s",
        "epoch 1/3 [###############---------------] 2/4 batches 1,234 img/s",
    ]


def test_bad_spec_file_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "input": [1, 28, 28],
                "layers": [
                    {"type": "conv", "filters": 20, "kernel": 5},
                    {"type": "conv", "filters": 40, "kernel": 5, "groups": 3},
                    {"type": "dense", "units": 10, "activation": "softmax"},
                ],
            }
        )
    )
    proc = run("--spec", str(bad))
    assert proc.returncode == 1
    assert "conv2: groups=3 must divide in_channels=20 and filters=40" in proc.stderr
    proc = run("--preset", "no-such-preset")
    assert proc.returncode == 1 and "unknown preset" in proc.stderr


def test_impossible_settings_and_files_give_one_clear_line(tmp_path):
    not_a_model = tmp_path / "notes.npz"
    not_a_model.write_text("my notes, not a model")
    cases = {
        ("--lr", "-1"): "the learning rate must be a number above 0 (got -1.0)",
        ("--momentum", "1"): "momentum must be at least 0 and below 1 (got 1.0)",
        ("--l2", "-0.5"): "L2 regularisation must be 0 or more (got -0.5)",
        ("--threads", "999"): "--threads must be between 1 and",
        ("--resume", str(not_a_model)): "notes.npz: not a readable Playground model file (a model",
    }
    for args, message in cases.items():
        proc = run(*args, "--epochs", "1", "--limit", "20", timeout=120)
        assert proc.returncode == 1, (args, proc.stdout[-300:])
        assert proc.stderr.startswith("error: ") and message in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr and "pickle" not in proc.stderr


def test_ctrl_c_stops_cleanly_and_saves(tmp_path):
    """Also when SIGINT reaches the process ignored, as it does a background job of a
    non-interactive shell: Python then raises no KeyboardInterrupt, and all 50 epochs ran."""
    out = tmp_path / "interrupted.npz"
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "train",
            "--preset",
            "nielsen-mlp",
            "--epochs",
            "50",
            "--save",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        # As `cmd &` in a script does (POSIX only; Windows has no preexec_fn).
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
        if os.name == "posix"
        else None,
    )
    # Wait until training has started (the summary is printed first).
    deadline = time.time() + 120
    first = proc.stdout.readline()
    assert "Layer" in first
    while time.time() < deadline and "training on" not in proc.stdout.readline():
        pass
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and out.exists()
    net = Network.load(out)
    assert len(net.history) < 50  # it stopped, a second or so into the run, and saved
    assert "epoch 50/50" not in err
    assert all(np.isfinite(v).all() for v in net.params.values())


def test_list_presets():
    proc = run("--list-presets")
    assert proc.returncode == 0
    assert "nielsen-conv2-relu" in proc.stdout and "grouped-conv" in proc.stdout


def test_list_presets_into_a_closed_pipe_ends_quietly():
    # `main.py train --list-presets | head -1`: the reader leaves before the list is written.
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "train", "--list-presets"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err


if os.name != "posix":  # pragma: no cover - SIGINT semantics differ
    del test_ctrl_c_stops_cleanly_and_saves


def test_resume_continues_a_saved_model_and_its_epoch_count(tmp_path):
    first = tmp_path / "first.npz"
    assert (
        run(
            "--preset",
            "nielsen-mlp",
            "--epochs",
            "1",
            "--limit",
            "500",
            "--json",
            "--save",
            str(first),
        ).returncode
        == 0
    )
    before = Network.load(first)
    proc = run(
        "--resume",
        str(first),
        "--epochs",
        "1",
        "--limit",
        "500",
        "--lr",
        "0.5",
        "--json",
        "--save",
        str(first),
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["epoch"] == 2
    after = Network.load(first)
    assert [h["epoch"] for h in after.history] == [1, 2]
    assert not np.array_equal(after.params["dense1.weight"], before.params["dense1.weight"])


@pytest.mark.parametrize(
    ("save", "reason"),
    [
        ("no-such-folder/m.npz", "the folder {tmp}/no-such-folder does not exist"),
        (".", "it is a folder; give a file name such as {tmp}/model.npz"),
        ("notes.txt/m.npz", "{tmp}/notes.txt is a file, not a folder"),
    ],
    ids=["missing-folder", "a-folder", "under-a-file"],
)
def test_a_bad_save_path_is_refused_before_training(tmp_path, save, reason):
    """It was found only after training, when the save failed: a long run's weights lost."""
    (tmp_path / "notes.txt").write_text("not a folder")
    path = tmp_path if save == "." else tmp_path / save
    proc = run("--preset", "nielsen-mlp", "--epochs", "1", "--limit", "200", "--save", str(path))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == f"error: cannot save to {path}: {reason.format(tmp=tmp_path)}\n"
    assert proc.stdout == ""  # refused before the summary: nothing trained
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.skipif(os.name != "posix", reason="named pipes and preexec_fn are POSIX")
@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["terminal", "sigint-ignored"])
def test_ctrl_c_during_start_up_stops_at_once_with_one_line(tmp_path, sigint_ignored):
    """Start-up (imports, MNIST, building the network) takes seconds, and a Ctrl-C then printed
    a KeyboardInterrupt traceback; with SIGINT inherited ignored it was lost and the epochs ran.
    The --spec is a named pipe, so the process waits in start-up, reading it, until let go."""
    spec, out = tmp_path / "spec.json", tmp_path / "m.npz"
    os.mkfifo(spec)
    args = ["--spec", str(spec), "--epochs", "1", "--limit", "200", "--save", str(out)]
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "train", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
        if sigint_ignored
        else None,
    )
    deadline = time.time() + 120
    while True:  # opening the pipe's write end works once the process has opened it to read
        try:
            writer = os.open(spec, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as exc:
            assert exc.errno == errno.ENXIO and proc.poll() is None, proc.communicate()
            assert time.time() < deadline
            time.sleep(0.05)
    try:
        proc.send_signal(signal.SIGINT)
        # the SIGINT lost, the wait times out; closing the pipe then lets the run go on and fail
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=20)
    finally:
        os.close(writer)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert stderr == "interrupted: stopped before training began; nothing saved\n"
    assert stdout == "" and not out.exists()


MLP = ("--preset", "nielsen-mlp", "--epochs", "1")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # trained on all but the last 5 images
        ((*MLP, "--limit", "-5"), "--limit must be at least 1 (got -5)"),
        ((*MLP, "--limit", "0"), "--limit must be at least 1 (got 0)"),
        # taken for "all cores", where 9 and -1 were refused
        ((*MLP, "--limit", "20", "--threads", "0"), "--threads must be between 1 and"),
        # a NumPy traceback
        ((*MLP, "--limit", "20", "--seed", "-1"), "--seed must be 0 or more (got -1)"),
        # json's message alone, naming no file
        (("--spec", "{bad}"), "{bad} is not valid JSON: Expecting ',' delimiter: line 2"),
        # the saved network trained, --preset or --spec silently ignored
        (
            ("--resume", "{model}", *MLP, "--limit", "20"),
            "--preset and --resume both choose the network to train; give only one",
        ),
        (
            ("--resume", "{model}", "--spec", "{spec}", "--epochs", "1", "--limit", "20"),
            "--spec and --resume both choose the network to train; give only one",
        ),
    ],
    ids=["limit-5", "limit0", "threads0", "seed-1", "bad-json", "resume-preset", "resume-spec"],
)
def test_bad_option_values_are_refused_with_one_clear_line(tmp_path, args, message):
    files = {
        "bad": tmp_path / "bad.json",
        "spec": tmp_path / "mlp.json",
        "model": tmp_path / "m.npz",
    }
    files["bad"].write_text('{"input": [1, 28, 28]\n"layers": []}')
    files["spec"].write_text(json.dumps(load_preset("nielsen-mlp")))
    Network.from_spec(load_preset("nielsen-mlp")).save(files["model"])
    proc = run(*(arg.format(**files) for arg in args), timeout=120)
    assert proc.returncode == 1, (args, proc.stdout[-300:])
    assert proc.stderr.startswith("error: ") and message.format(**files) in proc.stderr, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stdout == "", proc.stderr


def test_one_epoch_and_one_image_are_singular():
    proc = run("--preset", "nielsen-mlp", "--epochs", "1", "--limit", "1")
    assert proc.returncode == 0, proc.stderr
    assert "training on 1 image of MNIST, 1 epoch, mini-batch 10," in proc.stdout, proc.stdout
    from playground.cli import _count

    assert _count(2, "epoch") == "2 epochs" and _count(50_000, "image") == "50,000 images"
    assert _count(1, "mini-batch", "mini-batches") == "1 mini-batch"
    assert _count(0, "mini-batch", "mini-batches") == "0 mini-batches"


def test_a_short_run_near_chance_is_told_to_train_longer_not_to_lower_lr():
    """nielsen-conv at its own lr is still at chance after 20 mini-batches: the note said to
    try lr 10 times smaller, which only slows it down. The rule is the window's: fewer than
    FEW_STEPS mini-batches at no more than 3 times the network's usual lr is too early."""
    proc = run("--preset", "nielsen-conv", "--epochs", "1", "--limit", "200")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        "note: the accuracy is still near chance (10.00%) after 20 mini-batches: too few for "
        "this network to get going; train on more images or for more epochs."
    )
    from playground.engine.training import FEW_STEPS, too_early_to_judge

    assert too_early_to_judge(FEW_STEPS - 1, 0.1, 0.1)
    assert not too_early_to_judge(FEW_STEPS, 0.1, 0.1)
    assert too_early_to_judge(20, 0.3, 0.1) and not too_early_to_judge(20, 0.31, 0.1)


def test_a_ctrl_c_swallowed_during_start_up_still_stops_it(capsys):
    """A KeyboardInterrupt raised where Python cannot raise it (an import lock's weakref
    callback, a __del__) was printed as "Exception ignored" and start-up went on to train."""
    from io import StringIO

    from playground.cli import _StopOnCtrlC

    class RaisesWhenCollected:
        def __del__(self) -> None:
            raise KeyboardInterrupt

    ctrl_c = _StopOnCtrlC(StringIO())
    try:
        with pytest.raises(KeyboardInterrupt):
            ctrl_c._on_sigint(signal.SIGINT, None)  # a Ctrl-C while importing
        RaisesWhenCollected()  # ... that lands in a __del__: Python reports it, drops it
        assert capsys.readouterr().err == ""
        with pytest.raises(KeyboardInterrupt):
            ctrl_c.attach(object())  # the end of start-up stops instead of training
        assert ctrl_c.trainer is None
    finally:
        ctrl_c.restore()
    assert signal.getsignal(signal.SIGINT) != ctrl_c._on_sigint


def test_a_stop_inside_an_epoch_says_the_weights_have_more_than_the_history(
    tmp_path, capsys, monkeypatch
):
    """Ctrl-C in epoch 2 after 25 of its 100 mini-batches: the saved weights include those 25,
    the history lists 1 whole epoch, and the run says both instead of leaving it unsaid."""
    from playground.cli import main

    steps = 0
    step = Network.train_step

    def train_step(self, *args, **kwargs):
        nonlocal steps
        steps += 1
        if steps == 1 + 100 + 25:  # after the preload's step, an epoch and 25 mini-batches
            os.kill(os.getpid(), signal.SIGINT)  # lands in this step; the trainer ends it
        return step(self, *args, **kwargs)

    monkeypatch.setattr(Network, "train_step", train_step)
    out = tmp_path / "stopped.npz"
    code = main(["train", "--preset", "nielsen-mlp", "--epochs", "3", "--limit", "1000",
                 "--save", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 130, err
    assert "stopped in epoch 2 after 25 mini-batches of 100\n" in err, err
    assert (
        f"saved {out}: its weights include those 25 mini-batches, its history lists 1 whole epoch\n"
    ) in err
    net = Network.load(out)
    assert len(net.history) == 1 and steps == 126


def test_a_ctrl_c_before_the_command_starts_is_one_line_not_a_traceback(monkeypatch, capsys):
    """The first ~50 ms of `python main.py train` import the CLI: a Ctrl-C there printed a
    traceback."""
    import runpy

    import playground.cli

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(playground.cli, "main", interrupted)
    with pytest.raises(SystemExit) as leaving:
        runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
    assert leaving.value.code == 130
    assert capsys.readouterr().err == "interrupted\n"
