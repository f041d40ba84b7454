"""Command line: the window by default, `train` for headless training.

python main.py                                  # open the window
python main.py train --preset nielsen-conv --epochs 1 --json
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

from playground.errors import DataError, SpecError


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
        default="nielsen-conv",
        help="preset name (default nielsen-conv); see --list-presets",
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
    """Headless training; exit code 0 on success, 1 on divergence or bad input, 130 on Ctrl-C."""
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
    )

    if args.list_presets:
        for name in preset_names():
            print(f"{name:22} {load_preset(name).get('description', '')}")
        return 0
    if args.threads:
        import numba

        cores = numba.config.NUMBA_NUM_THREADS
        if not 1 <= args.threads <= cores:
            sys.stderr.write(f"error: --threads must be between 1 and {cores} on this machine\n")
            return 1
        numba.set_num_threads(args.threads)
    err = sys.stderr
    try:
        if args.resume:
            net = Network.load(args.resume)
            spec = net.spec
        else:
            spec = json.loads(args.spec.read_text()) if args.spec else load_preset(args.preset)
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

    if not args.json:
        print(net.summary_text())
        print(
            f"training on {len(trainer.train_x):,} images of {getattr(data, 'name', 'data')}, "
            f"{settings.epochs} epochs, mini-batch {settings.batch_size}, lr {settings.lr:g}, "
            f"momentum {settings.momentum:g}, L2 {settings.l2:g}"
        )
    code = 0
    tty = err.isatty()
    # A terminal redraws its bar five times a second; a log gets a line every ten seconds (the
    # first after ten seconds too: a first batch's rate counts the kernels' warm-up).
    draw_every = 0.2 if tty else 10.0
    last_draw = 0.0 if tty else time.perf_counter()
    stop_on_ctrl_c = _StopOnCtrlC(trainer, err)
    try:
        for event in trainer.run():
            if isinstance(event, BatchDone):
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
                    err.write(
                        f"note: the accuracy is near chance ({chance}): "
                        "the network is not learning. With a large lr the sigmoids may have "
                        "saturated or every ReLU gone silent: try lr 10 times smaller. With a "
                        "small lr, give it more epochs.\n"
                    )
            elif isinstance(event, Diverged):
                err.write(f"\n{event.message}\n" if tty else f"{event.message}\n")
                code = 1
    except KeyboardInterrupt:  # a second Ctrl-C: stop at once
        err.write("\ninterrupted: stopping\n")
        code = 130
    finally:
        stop_on_ctrl_c.restore()
    if stop_on_ctrl_c.pressed:
        code = 130
    if args.save:
        try:
            net.save(args.save)
            err.write(f"saved {args.save}\n")
        except OSError as exc:
            err.write(f"error: could not save {args.save}: {exc}\n")
            code = code or 1
    return code


class _StopOnCtrlC:
    """Ctrl-C asks the trainer to stop after the mini-batch in flight (then the model is saved);
    a second Ctrl-C raises KeyboardInterrupt as usual.

    The handler is installed explicitly: a process started in the background by a
    non-interactive shell inherits SIGINT ignored, Python then installs no KeyboardInterrupt
    handler, and Ctrl-C (or a SIGINT from a script) let all the epochs run.
    """

    def __init__(self, trainer: Any, err: TextIO) -> None:
        self.trainer = trainer
        self.err = err
        self.pressed = False
        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._on_sigint)

    def _on_sigint(self, _signum: int, _frame: Any) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        self.trainer.stop()
        self.err.write("\ninterrupted: stopping after this mini-batch (Ctrl-C again: at once)\n")

    def restore(self) -> None:
        """Put the previous SIGINT handler back."""
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


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
