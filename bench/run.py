"""Engine speed, side by side: our Network.train_step vs PyTorch CPU vs a NumPy reference.

    python bench/run.py                 # the full table (2 threads), writes bench/RESULTS.md
    python bench/run.py --quick         # fewer rounds, no start-up or memory runs
    python bench/run.py --threads 1     # another thread count

In one process, for every preset at mini-batch 10 and 64: the same spec, the same starting
weights, float32, plain SGD at the preset's learning rate, on real MNIST batches. Each engine
runs timed blocks of steps, the engines take turns (interleaved, so machine noise hits all),
warm-up excluded; the table shows medians with min-max. Also: single-image forward latency
(the draw pad), 1 vs 2 threads on the conv presets, grouped vs groups=1, start-up with and
without the Numba cache, and peak memory training nielsen-conv2 on the full dataset.
Torch is optional: without it the table shows ours and NumPy only.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Idle OpenBLAS threads (the NumPy reference's) spin for ~0.1 s after each call and then steal a
# core from whichever engine runs next; measured here, that cut both ours and NumPy's speed by
# 5-30x when interleaved. Let them sleep at once; it does not change NumPy's own speed.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")
# The NumPy reference gets the same thread count as ours and torch (BLAS reads it at import).
for _i, _arg in enumerate(sys.argv):
    if _arg == "--threads" and _i + 1 < len(sys.argv):
        os.environ.setdefault("OPENBLAS_NUM_THREADS", sys.argv[_i + 1])
    elif _arg.startswith("--threads="):
        os.environ.setdefault("OPENBLAS_NUM_THREADS", _arg.split("=", 1)[1])

import numba  # noqa: E402
import numpy as np  # noqa: E402

from bench.machine import ComputeProbe  # noqa: E402
from bench.numpy_ref import NumpyNet  # noqa: E402
from playground.engine import Network, load_preset, preset_names, warmup  # noqa: E402

try:
    import torch

    from bench.torch_twin import TorchTwin
except ImportError:  # torch is optional
    torch = None

CONV_PRESETS = ("nielsen-conv", "nielsen-conv2", "nielsen-conv2-relu", "grouped-conv")
BATCHES = (10, 64)


# ----------------------------------------------------------------------------- timing
def interleaved(
    steps: dict[str, Callable[[], Any]], rounds: int, block: float
) -> dict[str, list[float]]:
    """Seconds per call of each function: `rounds` timed blocks each, engines taking turns."""
    names = list(steps)
    times: dict[str, list[float]] = {k: [] for k in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            fn = steps[name]
            k = 0
            start = time.perf_counter()
            while True:
                fn()
                k += 1
                elapsed = time.perf_counter() - start
                if elapsed >= block and k >= 3:
                    break
            times[name].append(elapsed / k)
    return times


def stats(samples: list[float], scale: float) -> tuple[float, float, float]:
    """(median, min, max) of scale / t: a rate from seconds per call."""
    rates = [scale / t for t in samples]
    return statistics.median(rates), min(rates), max(rates)


def fmt_rate(s: tuple[float, float, float]) -> str:
    med, lo, hi = s
    return f"{med:,.0f} ({lo:,.0f}-{hi:,.0f})"


# ----------------------------------------------------------------------------- engines
class Batches:
    """Cycles through fixed real-MNIST mini-batches (as float32 arrays and torch tensors)."""

    def __init__(self, x: np.ndarray, y: np.ndarray, batch: int, count: int = 20) -> None:
        self.xs = [np.array(x[i * batch : (i + 1) * batch], dtype=np.float32) for i in range(count)]
        self.ys = [np.array(y[i * batch : (i + 1) * batch], dtype=np.int64) for i in range(count)]
        self.txs = [torch.from_numpy(v) for v in self.xs] if torch else []
        self.tys = [torch.from_numpy(v) for v in self.ys] if torch else []
        self.i = 0

    def next(self) -> int:
        self.i = (self.i + 1) % len(self.xs)
        return self.i


def make_steps(
    spec: dict, batch: int, data: Any, with_torch: bool, with_numpy: bool = True
) -> dict[str, Callable[[], Any]]:
    """Training-step closures for ours, torch and numpy, same weights and batches."""
    net = Network.from_spec(spec, seed=0)
    lr = float(spec.get("training", {}).get("lr", 0.1))
    b = Batches(data.train_x, data.train_y, batch)
    steps: dict[str, Callable[[], Any]] = {}

    def ours() -> None:
        i = b.next()
        net.train_step(b.xs[i], b.ys[i], lr)

    steps["ours"] = ours
    if with_torch:
        twin = TorchTwin(net)
        opt = torch.optim.SGD(twin.parameters(), lr=lr)

        def pytorch() -> None:
            i = b.next()
            opt.zero_grad(set_to_none=True)
            loss = twin.loss(twin(b.txs[i]), b.tys[i])
            loss.backward()
            opt.step()

        steps["torch"] = pytorch
    if with_numpy:
        ref = NumpyNet(net)

        def numpy_ref() -> None:
            i = b.next()
            ref.train_step(b.xs[i], b.ys[i], lr)

        steps["numpy"] = numpy_ref
    for fn in steps.values():  # warm-up: compile, caches, allocator
        for _ in range(15):
            fn()
    return steps


def make_forwards(spec: dict, data: Any, with_torch: bool) -> dict[str, Callable[[], Any]]:
    """Single-image forward closures (what the draw pad does per stroke)."""
    net = Network.from_spec(spec, seed=0)
    x1 = np.array(data.val_x[:1], dtype=np.float32)
    fns: dict[str, Callable[[], Any]] = {"ours": lambda: net.forward(x1)}
    if with_torch:
        twin = TorchTwin(net)
        tx = torch.from_numpy(x1)

        def pytorch() -> None:
            with torch.no_grad():
                twin(tx)

        fns["torch"] = pytorch
    ref = NumpyNet(net)
    fns["numpy"] = lambda: ref.forward(x1)
    for fn in fns.values():
        for _ in range(20):
            fn()
    return fns


def set_threads(n: int) -> None:
    numba.set_num_threads(n)
    if torch:
        torch.set_num_threads(n)


# ----------------------------------------------------------------------------- extra runs
STARTUP_CODE = (
    "import time; t = time.perf_counter(); import playground.engine as e; e.warmup(); "
    "print(time.perf_counter() - t)"
)


def startup_seconds(cache_dir: str | None) -> float:
    """import playground.engine + warmup() in a fresh process (cache_dir: a fresh Numba cache)."""
    env = dict(os.environ)
    if cache_dir:
        env["NUMBA_CACHE_DIR"] = cache_dir
    out = subprocess.run(
        [sys.executable, "-c", STARTUP_CODE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def memory_mb(steps: int) -> tuple[float, int, float]:
    """(peak RSS in MB, images seen, seconds) training nielsen-conv2 over the full MNIST."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "memory.py"), str(steps)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    mb, seen, secs = out.stdout.strip().splitlines()[-1].split()
    return float(mb), int(seen), float(secs)


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds; skip start-up and memory"
    )
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--block", type=float, default=None, help="seconds per timed block")
    parser.add_argument("--presets", nargs="*", default=None)
    parser.add_argument("--no-torch", action="store_true")
    parser.add_argument("--no-extras", action="store_true", help="skip start-up and memory runs")
    parser.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    args = parser.parse_args(argv)
    rounds = args.rounds or (3 if args.quick else 7)
    block = args.block or (0.1 if args.quick else 0.2)
    with_torch = torch is not None and not args.no_torch
    presets = args.presets or preset_names()
    threads = args.threads

    from playground.data import load_mnist

    data = load_mnist()
    t0 = time.perf_counter()
    warmup()
    print(f"warm-up (compile or load cache): {time.perf_counter() - t0:.1f} s", flush=True)

    lines: list[str] = []

    def emit(line: str = "") -> None:
        print(line, flush=True)
        lines.append(line)

    cpu = platform.processor() or platform.machine()
    emit("# Engine speed: ours vs PyTorch CPU vs NumPy reference")
    emit()
    command = " ".join(["python bench/run.py", *(argv if argv is not None else sys.argv[1:])])
    emit(
        f"Command: `{command}` | {threads} thread{'s' if threads > 1 else ''} "
        f"| {rounds} interleaved rounds of {block:.2f} s per engine | {os.cpu_count()} cores "
        f"({cpu}) | numpy {np.__version__}, numba {numba.__version__}"
        + (f", torch {torch.__version__}" if with_torch else ", torch not installed")
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if load > 1.0:
        emit()
        emit(
            f"**Load average {load:.1f} when the run started** (other processes were using the "
            "cores): multi-threaded figures of every engine suffer, ours and torch's most (a "
            "parallel region waits for its slowest thread). Re-run on a quiet machine."
        )
    emit()
    emit(
        "Training throughput in images/s: median (min-max) over rounds; ratio = ours / other "
        "(medians). Float32, plain SGD, same spec, weights and MNIST batches."
    )
    emit()
    header = "| preset | batch | ours | torch | numpy | ours/torch | ours/numpy |"
    emit(header)
    emit("|---|---|---|---|---|---|---|")
    set_threads(threads)
    results: dict[tuple[str, int], dict[str, tuple[float, float, float]]] = {}
    for name in presets:
        spec = load_preset(name)
        for batch in BATCHES:
            steps = make_steps(spec, batch, data, with_torch)
            t = interleaved(steps, rounds, block)
            r = {k: stats(v, batch) for k, v in t.items()}
            results[(name, batch)] = r
            tor = r.get("torch")
            ratio_t = f"{r['ours'][0] / tor[0]:.2f}x" if tor else "-"
            emit(
                f"| {name} | {batch} | {fmt_rate(r['ours'])} | "
                f"{fmt_rate(tor) if tor else '-'} | {fmt_rate(r['numpy'])} | "
                f"{ratio_t} | "
                f"{r['ours'][0] / r['numpy'][0]:.2f}x |"
            )

    emit()
    emit("Single-image forward latency in microseconds (the draw pad): median (min-max).")
    emit()
    emit("| preset | ours | torch | numpy |")
    emit("|---|---|---|---|")
    latency: dict[str, dict[str, tuple[float, float, float]]] = {}
    for name in presets:
        fns = make_forwards(load_preset(name), data, with_torch)
        t = interleaved(fns, rounds, block / 2)
        lat = {k: (statistics.median(v) * 1e6, min(v) * 1e6, max(v) * 1e6) for k, v in t.items()}
        latency[name] = lat
        cells = [
            f"{lat[k][0]:,.0f} ({lat[k][1]:,.0f}-{lat[k][2]:,.0f})" if k in lat else "-"
            for k in ("ours", "torch", "numpy")
        ]
        emit(f"| {name} | " + " | ".join(cells) + " |")

    scaling: dict[tuple[str, int], float] = {}
    conv = [p for p in presets if p in CONV_PRESETS]
    if threads > 1 and conv:
        emit()
        # A ratio of two rates taken at different moments: twice the rounds of the main table.
        scale_rounds = 2 * rounds
        emit(
            f"Thread scaling of our training (images/s, median of {scale_rounds} alternating "
            f"rounds): {threads} threads vs 1. The machine column is a probe taken in the same "
            f"rounds: our conv dot-product kernel on data that stays in L1, {threads} copies "
            "vs 1 (bench/machine.py), i.e. what more threads could add at that moment, median "
            "(min-max) over rounds."
        )
        emit()
        emit(f"| preset | batch | 1 thread | {threads} threads | speed-up | machine |")
        emit("|---|---|---|---|---|---|")
        probe = ComputeProbe(threads)
        for name in conv:
            for batch in BATCHES:
                spec = load_preset(name)
                steps = make_steps(spec, batch, data, False, with_numpy=False)
                one: list[float] = []
                many: list[float] = []
                machine: list[float] = []
                for _ in range(scale_rounds):
                    set_threads(1)
                    one += interleaved(steps, 1, block)["ours"]
                    p1 = probe.rate(1, block / 2)
                    set_threads(threads)
                    many += interleaved(steps, 1, block)["ours"]
                    machine.append(probe.rate(threads, block / 2) / p1)
                s1, sn = stats(one, batch)[0], stats(many, batch)[0]
                scaling[(name, batch)] = sn / s1
                emit(
                    f"| {name} | {batch} | {s1:,.0f} | {sn:,.0f} | {sn / s1:.2f}x | "
                    f"{statistics.median(machine):.2f}x ({min(machine):.2f}-{max(machine):.2f}) |"
                )
        set_threads(threads)

    grouped: dict[int, float] = {}
    if "grouped-conv" in presets:
        emit()
        emit(
            "Grouped convolution pays off: grouped-conv (conv2 in 2 groups) vs the same network "
            "with groups=1 (images/s, median)."
        )
        emit()
        emit("| batch | engine | groups=1 | groups=2 | speed-up |")
        emit("|---|---|---|---|---|")
        spec2 = load_preset("grouped-conv")
        spec1 = copy.deepcopy(spec2)
        for layer in spec1["layers"]:
            if layer["type"] == "conv":
                layer["groups"] = 1
        for batch in BATCHES:
            s1 = make_steps(spec1, batch, data, with_torch, with_numpy=False)
            s2 = make_steps(spec2, batch, data, with_torch, with_numpy=False)
            both = {f"{k}/1": v for k, v in s1.items()} | {f"{k}/2": v for k, v in s2.items()}
            t = interleaved(both, rounds, block)
            for eng in ("ours", "torch") if with_torch else ("ours",):
                g1 = stats(t[f"{eng}/1"], batch)[0]
                g2 = stats(t[f"{eng}/2"], batch)[0]
                if eng == "ours":
                    grouped[batch] = g2 / g1
                emit(f"| {batch} | {eng} | {g1:,.0f} | {g2:,.0f} | {g2 / g1:.2f}x |")

    extras: dict[str, float] = {}
    if not (args.quick or args.no_extras):
        emit()
        emit("Start-up and memory (fresh processes).")
        emit()
        warm = statistics.median(startup_seconds(None) for _ in range(3))
        extras["warm"] = warm
        emit(
            f"- `import playground.engine` + `warmup()` with the on-disk Numba cache: {warm:.2f} s"
        )
        colds = []
        for _ in range(3):  # one sample swung by 15% between runs here
            with tempfile.TemporaryDirectory() as tmp:
                colds.append(startup_seconds(tmp))
        cold = statistics.median(colds)
        extras["cold"] = cold
        emit(
            "- the same without a cache (full compile, off the UI thread in the app), median of "
            f"3: {cold:.1f} s ({min(colds):.1f}-{max(colds):.1f})"
        )
        mb, seen, secs = memory_mb(2000)
        extras["mem"] = mb
        emit(
            f"- peak resident memory training nielsen-conv2 on the full MNIST (50,000 training "
            f"images, {seen:,} seen in {secs:.0f} s): {mb:,.0f} MB"
        )

    # ------------------------------------------------------------------ targets
    emit()
    emit("Targets (issue: engine speed):")
    emit()
    checks: list[tuple[str, bool | None, str]] = []
    for (name, batch), r in results.items():
        tor = r.get("torch")
        ratio_np = r["ours"][0] / r["numpy"][0]
        if name in CONV_PRESETS:
            need = 3.0 if batch == 10 else 1.5
            if tor:
                ratio = r["ours"][0] / tor[0]
                checks.append(
                    (f"{name} b{batch}: >= {need}x torch", ratio >= need, f"{ratio:.2f}x")
                )
        else:
            if batch == 10 and tor:
                ratio = r["ours"][0] / tor[0]
                checks.append((f"{name} b10: >= 5x torch", ratio >= 5.0, f"{ratio:.2f}x"))
            checks.append((f"{name} b{batch}: >= numpy", ratio_np >= 1.0, f"{ratio_np:.2f}x"))
    for batch, ratio in grouped.items():
        checks.append((f"grouped-conv b{batch}: >= 1.4x groups=1", ratio >= 1.4, f"{ratio:.2f}x"))
    for name, lat in latency.items():
        checks.append(
            (
                f"{name}: single-image forward < 1 ms",
                lat["ours"][0] < 1000,
                f"{lat['ours'][0]:.0f} us",
            )
        )
    for (name, batch), ratio in scaling.items():
        checks.append(
            (f"{name} b{batch}: {threads} threads >= 1.5x 1 thread", ratio >= 1.5, f"{ratio:.2f}x")
        )
    if extras:
        checks.append(
            ("start-up with cache < 2 s", extras["warm"] < 2.0, f"{extras['warm']:.2f} s")
        )
        checks.append(("full compile < 30 s", extras["cold"] < 30.0, f"{extras['cold']:.1f} s"))
        checks.append(
            (
                "nielsen-conv2 full-dataset training < 1 GB",
                extras["mem"] < 1024,
                f"{extras['mem']:.0f} MB",
            )
        )
    for what, ok, value in checks:
        emit(f"- [{'x' if ok else ' '}] {what}: {value}")
    met = sum(1 for _, ok, _ in checks if ok)
    emit()
    emit(f"{met} of {len(checks)} targets met.")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
