"""Command line: the window by default, `train` for headless training.

python main.py                                  # open the window
python main.py train --preset nielsen-conv --epochs 1 --json
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from playground.errors import DataError, SpecError
from playground.fileio import check_writable

#: The network `train` builds when neither --preset, --spec nor --resume names one.
DEFAULT_PRESET = "nielsen-conv"
#: The exit code of a run stopped by Ctrl-C (128 + SIGINT, as a shell reports it).
INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Playground: build a neural network, train it on MNIST, watch it learn. "
        "Without a command, opens the window.",
    )
    sub = parser.add_subparsers(dest="command")
    train = sub.add_parser("train", help="train a preset headless and report per epoch")
    train.add_argument(
        "--preset",
        help=f"preset name (default {DEFAULT_PRESET}); see --list-presets",
    )
    train.add_argument("--spec", type=Path, help="a network spec JSON file instead of a preset")
    train.add_argument(
        "--resume",
        type=Path,
        help="continue training a saved model (.npz) instead of a new network",
    )
    train.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    train.add_argument("--epochs", type=int, help="epochs (default: the preset's)")
    train.add_argument("--batch-size", type=int, help="mini-batch size (default: the preset's)")
    train.add_argument("--lr", type=float, help="learning rate eta (default: the preset's)")
    train.add_argument("--l2", type=float, help="L2 regularisation lambda (default: the preset's)")
    train.add_argument("--momentum", type=float, help="momentum (default: the preset's)")
    train.add_argument("--seed", type=int, default=0, help="seed for weights and shuffling")
    train.add_argument(
        "--dataset", type=Path, help="folder with the four IDX files (default: the built-in MNIST)"
    )
    train.add_argument("--limit", type=int, help="train on the first N training images only")
    train.add_argument("--save", type=Path, help="save the trained model (.npz) here")
    train.add_argument("--threads", type=int, help="Numba threads (default: all cores)")
    train.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object per epoch on stdout and nothing else",
    )
    return parser


def _progress(
    out: TextIO, epoch: int, epochs: int, done: int, total: int, rate: float, tty: bool
) -> None:
    """One progress line: redrawn in place on a terminal, appended to a log or pipe (where a
    carriage return would pile every redraw onto one line)."""
    width = 30
    filled = int(width * done / max(total, 1))
    bar = "#" * filled + "-" * (width - filled)
    line = f"epoch {epoch}/{epochs} [{bar}] {done}/{total} batches {rate:,.0f} img/s"
    out.write(f"\r{line}" if tty else f"{line}\n")
    out.flush()


def train_command(args: argparse.Namespace) -> int:
    """Headless training; exit code 0 on success, 1 on divergence or bad input, 130 on Ctrl-C.

    The Ctrl-C handler goes in first: importing the engine, reading MNIST and building the
    network take seconds, and a Ctrl-C then must stop at once with one line, not a traceback.
    """
    err = sys.stderr
    ctrl_c = _StopOnCtrlC(err)
    try:
        return _train(args, ctrl_c, err)
    except KeyboardInterrupt:
        ctrl_c.leaving = True
        if ctrl_c.trainer is None:  # still starting up: nothing trained, nothing to save
            unsaved = "; nothing saved" if args.save else ""
            newline = "\n" if err.isatty() else ""  # after the terminal's "^C"
            err.write(f"{newline}interrupted: stopped before training began{unsaved}\n")
        else:  # a second Ctrl-C outside the loop: while printing the summary or saving
            err.write("\ninterrupted: stopping\n")
        return INTERRUPTED
    finally:
        ctrl_c.restore()


def _train(args: argparse.Namespace, ctrl_c: _StopOnCtrlC, err: TextIO) -> int:
    """train_command's work, with its Ctrl-C handler already installed."""
    if not args.list_presets:
        problem = _argument_problem(args)
        if problem:  # before the imports and the data: a typo is refused at once
            err.write(f"error: {problem}\n")
            return 1
    import numpy as np

    from playground.data import load_idx_folder, load_mnist
    from playground.engine import Network, load_preset, preset_names
    from playground.engine.training import (
        BatchDone,
        Diverged,
        EpochDone,
        Trainer,
        TrainingSettings,
        chance_accuracy,
        near_chance,
        too_early_to_judge,
    )

    ctrl_c.check_early()
    if args.list_presets:
        try:
            for name in preset_names():
                print(f"{name:22} {load_preset(name).get('description', '')}")
            sys.stdout.flush()
        except BrokenPipeError:  # `... --list-presets | head`: the reader has all it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0
    if args.threads is not None:  # 0 too: `if args.threads` took it for "all cores"
        import numba

        cores = numba.config.NUMBA_NUM_THREADS
        if not 1 <= args.threads <= cores:
            err.write(f"error: --threads must be between 1 and {cores} on this machine\n")
            return 1
        numba.set_num_threads(args.threads)
    try:
        if args.resume:
            net = Network.load(args.resume)
            spec = net.spec
        else:
            spec = (
                _read_spec(args.spec) if args.spec else load_preset(args.preset or DEFAULT_PRESET)
            )
            net = Network.from_spec(spec, seed=args.seed)
        data = load_idx_folder(args.dataset) if args.dataset else load_mnist()
        settings = TrainingSettings.from_spec(
            spec,
            epochs=args.epochs,
            batch_size=args.batch_size,
            lr=args.lr,
            l2=args.l2,
            momentum=args.momentum,
            seed=args.seed,
            limit=args.limit,
        )
        trainer = Trainer(net, data, settings)
    except (SpecError, DataError, OSError, json.JSONDecodeError) as exc:
        err.write(f"error: {exc}\n")
        return 1
    # This network's kernels load (the first time on a machine: compile) before the clock
    # starts: inside epoch 1 they made its images/s 35x too low in --json output. One step and
    # one evaluation on a copy, as the trainer makes them, load just those (warmup() would load
    # every preset's).
    started = time.perf_counter()
    scratch, two = net.copy(), np.arange(min(2, len(trainer.train_x)))
    x2, y2 = trainer.train_x[two], trainer.train_y[two]
    scratch.train_step(
        x2, y2, settings.lr, momentum=settings.momentum, l2=settings.l2, n_train=len(two)
    )
    scratch.evaluate(x2, y2)
    ready = time.perf_counter() - started
    if not args.json:
        err.write(f"engine ready in {ready:.1f} s\n")
    ctrl_c.attach(trainer)  # from now on a first Ctrl-C stops after the mini-batch and saves
    usual_lr = TrainingSettings.from_spec(spec).lr  # the preset's lr, or the default

    if not args.json:
        print(net.summary_text())
        print(
            f"training on {_count(len(trainer.train_x), 'image')} of "
            f"{getattr(data, 'name', 'data')}, {_count(settings.epochs, 'epoch')}, "
            f"mini-batch {settings.batch_size}, lr {settings.lr:g}, "
            f"momentum {settings.momentum:g}, L2 {settings.l2:g}"
        )
    code = 0
    tty = err.isatty()
    # A terminal redraws its bar five times a second; a log gets a line every ten seconds (the
    # first after ten seconds too: a first batch's rate counts the kernels' warm-up).
    draw_every = 0.2 if tty else 10.0
    last_draw = 0.0 if tty else time.perf_counter()
    last_batch: BatchDone | None = None
    try:
        for event in trainer.run():
            if isinstance(event, BatchDone):
                last_batch = event
                now = time.perf_counter()
                if now - last_draw > draw_every or event.batch == event.batches:
                    last_draw = now
                    _progress(
                        err,
                        event.epoch,
                        trainer.last_epoch,
                        event.batch,
                        event.batches,
                        event.images_per_s,
                        tty,
                    )
            elif isinstance(event, EpochDone):
                if tty:
                    err.write("\n")
                if args.json:
                    print(
                        json.dumps(
                            {
                                "epoch": event.epoch,
                                "cost": event.cost,
                                "val_accuracy": event.val_accuracy,
                                "test_accuracy": event.test_accuracy,
                                "images_per_s": event.images_per_s,
                            }
                        ),
                        flush=True,
                    )
                else:
                    print(
                        f"epoch {event.epoch}: cost {event.cost:.4f}, validation "
                        f"{_pct(event.val_accuracy)}, test {_pct(event.test_accuracy)}, "
                        f"{event.images_per_s:,.0f} images/s",
                        flush=True,
                    )
                accuracy = event.val_accuracy
                if accuracy is None:
                    accuracy = event.test_accuracy
                if near_chance(accuracy, net.n_classes):
                    chance = _pct(chance_accuracy(net.n_classes))
                    steps = trainer.step_count
                    if too_early_to_judge(steps, settings.lr, usual_lr):
                        err.write(
                            f"note: the accuracy is still near chance ({chance}) after "
                            f"{_count(steps, 'mini-batch', 'mini-batches')}: too few for this "
                            "network to get going; train on more images or for more epochs.\n"
                        )
                    else:
                        err.write(
                            f"note: the accuracy is near chance ({chance}): the network is not "
                            "learning. With a large lr the sigmoids may have saturated or every "
                            "ReLU gone silent: try lr 10 times smaller. With a small lr, give it "
                            "more epochs.\n"
                        )
            elif isinstance(event, Diverged):
                err.write(f"\n{event.message}\n" if tty else f"{event.message}\n")
                code = 1
    except KeyboardInterrupt:  # a second Ctrl-C: stop at once
        err.write("\ninterrupted: stopping\n")
        code = INTERRUPTED
    finally:
        ctrl_c.restore()  # a Ctrl-C while saving is the usual KeyboardInterrupt
    if ctrl_c.pressed:
        code = INTERRUPTED
    # Stopped inside an epoch: the weights have its first mini-batches, the history (whole
    # epochs only) does not list them, and a resumed run starts that epoch's number again.
    note = ""
    if code == INTERRUPTED and last_batch is not None and last_batch.batch < last_batch.batches:
        done = _count(last_batch.batch, "mini-batch", "mini-batches")
        err.write(f"stopped in epoch {last_batch.epoch} after {done} of {last_batch.batches:,}\n")
        whole = _count(len(net.history), "whole epoch")
        note = f": its weights include those {done}, its history lists {whole}"
    if args.save:
        try:
            net.save(args.save)
            err.write(f"saved {args.save}{note}\n")
        except OSError as exc:
            err.write(f"error: could not save {args.save}: {exc}\n")
            code = code or 1
    return code


def _argument_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the options, checked before anything slow, or None.

    Each of these once went unnoticed: a negative --limit trained on all but the last N
    images, a negative --seed ended in a NumPy traceback, --resume silently ignored --preset
    and --spec, and a bad --save path was found only after training, losing the weights.
    """
    chosen = [
        flag
        for flag, value in (
            ("--preset", args.preset),
            ("--spec", args.spec),
            ("--resume", args.resume),
        )
        if value is not None
    ]
    if len(chosen) > 1:
        both = "both" if len(chosen) == 2 else "all"
        return f"{_join(chosen)} {both} choose the network to train; give only one" + (
            " (--resume continues the saved network as it is)" if args.resume else ""
        )
    if args.limit is not None and args.limit < 1:
        return f"--limit must be at least 1 (got {args.limit})"
    if args.seed < 0:
        return f"--seed must be 0 or more (got {args.seed})"
    if args.save is not None:
        return _save_path_problem(args.save)
    return None


def _save_path_problem(path: Path) -> str | None:
    """Why the model could not be saved at `path`, or None.

    Checked before training so that a typo does not cost a long run's weights; the save itself
    stays at the end, atomic. Writability is tried with a temporary file, as the save makes
    one, since permission bits alone do not tell (root, ACLs, read-only mounts).
    """
    if path.is_dir():
        return (
            f"cannot save to {path}: it is a folder; give a file name such as {path / 'model.npz'}"
        )
    folder = path.parent
    if not folder.exists():
        return f"cannot save to {path}: the folder {folder} does not exist"
    if not folder.is_dir():
        return f"cannot save to {path}: {folder} is a file, not a folder"
    try:
        check_writable(path)  # what the save at the end will do first
    except OSError as exc:
        return f"cannot save to {path}: cannot write in the folder {folder} ({exc.strerror or exc})"
    return None


def _read_spec(path: Path) -> Any:
    """The JSON in a --spec file; a syntax error names the file, which json's message does not."""
    raw = path.read_bytes()  # an OSError names the file itself
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path} is not valid JSON: {exc}") from None


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """n with its noun in the right number: "1 epoch", "2 epochs", "1,000 images"."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def _join(words: list[str]) -> str:
    """Words joined as English lists them: "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class _StopOnCtrlC:
    """Ctrl-C asks the trainer to stop after the mini-batch in flight (then the model is saved);
    a second Ctrl-C raises KeyboardInterrupt as usual. Before `attach` (start-up: imports,
    data, building the network) the first Ctrl-C raises KeyboardInterrupt at once.

    The handler is installed explicitly: a process started in the background by a
    non-interactive shell inherits SIGINT ignored, Python then installs no KeyboardInterrupt
    handler, and Ctrl-C (or a SIGINT from a script) let all the epochs run.
    """

    def __init__(self, err: TextIO) -> None:
        self.trainer: Any = None
        self.err = err
        self.pressed = False
        #: A Ctrl-C came during start-up; `leaving`: train_command is on its way out for it.
        self.early = False
        self.leaving = False
        self.previous: Any = None
        self._unraisablehook: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._on_sigint)
            self._unraisablehook = sys.unraisablehook
            sys.unraisablehook = self._on_unraisable

    def _on_sigint(self, _signum: int, _frame: Any) -> None:
        if self.trainer is None:
            self.early = True
            if not self.leaving:  # a second Ctrl-C while saying so: no traceback
                raise KeyboardInterrupt
            return
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        self.trainer.stop()
        self.err.write("\ninterrupted: stopping after this mini-batch (Ctrl-C again: at once)\n")

    def _on_unraisable(self, unraisable: Any) -> None:
        """Drop a start-up KeyboardInterrupt raised where Python cannot raise it (an import
        lock's weakref callback: it printed "Exception ignored" and the run went on);
        `check_early` ends start-up instead."""
        if self.early and isinstance(unraisable.exc_value, KeyboardInterrupt):
            return
        self._unraisablehook(unraisable)

    def check_early(self) -> None:
        """Raise KeyboardInterrupt if a Ctrl-C during start-up was swallowed where it was raised."""
        if self.early:
            raise KeyboardInterrupt

    def attach(self, trainer: Any) -> None:
        """From now on a first Ctrl-C stops `trainer` after its mini-batch in flight."""
        self.check_early()
        self.trainer = trainer

    def restore(self) -> None:
        """Put the previous SIGINT handler (and unraisable-exception hook) back."""
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None
        if self._unraisablehook is not None:
            sys.unraisablehook = self._unraisablehook
            self._unraisablehook = None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.2f}%"


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the window or the headless trainer."""
    argv = sys.argv[1:] if argv is None else argv
    args, rest = _parser().parse_known_args(argv)
    if args.command == "train":
        if rest:
            _parser().error(f"unrecognized arguments: {' '.join(rest)}")
        return train_command(args)
    from playground.ui.app import run

    return run([sys.argv[0], *rest])
