"""Network construction, inference, SGD, and model files."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from playground.engine import DataError, Network, SpecError, load_preset

RNG = np.random.default_rng(11)
SMALL = {
    "input": [1, 8, 8],
    "layers": [
        {"type": "conv", "filters": 3, "kernel": 3, "activation": "relu"},
        {"type": "pool", "mode": "max", "size": 2},
        {"type": "dense", "units": 4, "activation": "softmax"},
    ],
    "cost": "log-likelihood",
}


def test_params_follow_the_design_layout_and_naming():
    net = Network.from_spec(load_preset("grouped-conv"), seed=0)
    assert list(net.params) == [
        "conv1.weight",
        "conv1.bias",
        "conv2.weight",
        "conv2.bias",
        "dense1.weight",
        "dense1.bias",
        "dense2.weight",
        "dense2.bias",
    ]
    assert net.params["conv2.weight"].shape == (40, 10, 5, 5)
    assert net.params["dense1.weight"].shape == (100, 640)
    assert all(p.dtype == np.float32 and p.flags.c_contiguous for p in net.params.values())
    assert net.n_params == sum(r.params for r in net.summary())


def test_same_seed_gives_bit_identical_weights_and_other_seed_does_not():
    a = Network.from_spec(load_preset("nielsen-conv"), seed=5)
    b = Network.from_spec(load_preset("nielsen-conv"), seed=5)
    c = Network.from_spec(load_preset("nielsen-conv"), seed=6)
    for key in a.params:
        assert a.params[key].tobytes() == b.params[key].tobytes()
    assert not np.array_equal(a.params["conv1.weight"], c.params["conv1.weight"])


def test_initial_weights_have_std_one_over_sqrt_fan_in():
    net = Network.from_spec(load_preset("nielsen-mlp-ce"), seed=0)
    assert net.params["dense1.weight"].std() == pytest.approx(1 / np.sqrt(784), rel=0.02)
    assert net.params["dense1.bias"].std() == pytest.approx(1.0, rel=0.2)


def test_forward_shapes_and_probabilities():
    net = Network.from_spec(SMALL, seed=0)
    x = RNG.random((5, 1, 8, 8), dtype=np.float32)
    out = net.forward(x)
    assert out.shape == (5, 4)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-5)
    # A single image may come as (H, W) or (C, H, W): same answer as in a batch.
    np.testing.assert_allclose(net.forward(x[2, 0]), out[2:3], rtol=1e-6)
    np.testing.assert_allclose(net.forward(x[2]), out[2:3], rtol=1e-6)
    acts = net.activations(x)
    assert list(acts) == ["conv1", "pool1", "dense1"]
    assert acts["conv1"].shape == (5, 3, 6, 6) and acts["pool1"].shape == (5, 3, 3, 3)
    np.testing.assert_allclose(acts["dense1"], out, rtol=1e-6)


def test_forward_rejects_the_wrong_input_size():
    net = Network.from_spec(SMALL)
    with pytest.raises(DataError, match="does not fit the network's input 1x8x8"):
        net.forward(np.zeros((2, 1, 7, 7), dtype=np.float32))


def test_train_step_lowers_the_cost_and_applies_momentum_and_l2():
    net = Network.from_spec(SMALL, seed=1)
    x = RNG.random((20, 1, 8, 8), dtype=np.float32)
    y = RNG.integers(0, 4, 20)
    first = net.train_step(x, y, lr=0.5)
    for _ in range(30):
        last = net.train_step(x, y, lr=0.5, momentum=0.5)
    assert last < 0.5 * first
    # L2 shrinks weights towards zero but leaves biases alone when the gradient is zero.
    net2 = Network.from_spec(SMALL, seed=1)
    w_before = net2.params["dense1.weight"].copy()
    b_before = net2.params["dense1.bias"].copy()
    _, grads = net2.gradients(x, y)
    net2.train_step(x, y, lr=0.1, l2=5.0, n_train=100)
    expected = (1 - 0.1 * 5.0 / 100) * w_before - 0.1 * grads["dense1.weight"]
    np.testing.assert_allclose(net2.params["dense1.weight"], expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        net2.params["dense1.bias"], b_before - 0.1 * grads["dense1.bias"], rtol=1e-5, atol=1e-6
    )


def test_step_neurons_refuse_training_with_an_explanation():
    net = Network.from_spec(
        {
            "input": [2],
            "layers": [{"type": "dense", "units": 1, "activation": "step"}],
            "cost": "quadratic",
        }
    )
    assert net.forward(np.array([[1.0, 1.0]])).shape == (1, 1)
    with pytest.raises(SpecError, match=r"gradient descent.*smooth"):
        net.gradients(np.array([[1.0, 1.0]], dtype=np.float32), np.array([0]))


def test_labels_are_checked():
    net = Network.from_spec(SMALL)
    x = np.zeros((2, 1, 8, 8), dtype=np.float32)
    with pytest.raises(DataError, match=r"labels must lie in 0\.\.3"):
        net.gradients(x, np.array([0, 7]))
    with pytest.raises(DataError, match="2 images but 3 labels"):
        net.gradients(x, np.array([0, 1, 2]))


def test_save_and_load_round_trip(tmp_path):
    net = Network.from_spec(load_preset("nielsen-conv"), seed=3)
    net.history = [{"epoch": 1, "cost": 0.5, "val_accuracy": 0.9}]
    path = tmp_path / "model.npz"
    net.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]  # no temp file left
    back = Network.load(path)
    assert back.spec == net.spec
    assert back.history == net.history
    for key in net.params:
        np.testing.assert_array_equal(back.params[key], net.params[key])
    x = RNG.random((3, 1, 28, 28), dtype=np.float32)
    np.testing.assert_array_equal(back.forward(x), net.forward(x))


def test_a_damaged_history_loads_with_what_it_has(tmp_path):
    """Entries that are not objects are dropped and figures that are not numbers become None,
    so the views show the rest instead of failing on it."""
    net = Network.from_spec(SMALL, seed=0)
    net.history = [
        {"epoch": 1, "cost": 0.5, "val_accuracy": 0.9},
        7,
        "epoch 2",
        {"epoch": 3, "cost": "low", "val_accuracy": None, "seconds": True, "test_accuracy": 0.8},
        {"epoch": 4, "cost": 10**400, "val_accuracy": float("nan")},
    ]
    path = tmp_path / "model.npz"
    net.save(path)
    back = Network.load(path)
    assert back.history == [
        {"epoch": 1, "cost": 0.5, "val_accuracy": 0.9},
        {"epoch": 3, "cost": None, "val_accuracy": None, "seconds": None, "test_accuracy": 0.8},
        {"epoch": 4, "cost": None, "val_accuracy": None},
    ]


def test_save_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "model.npz"
    Network.from_spec(SMALL, seed=1).save(path)
    before = path.read_bytes()

    def broken_savez(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(np, "savez", broken_savez)
    with pytest.raises(OSError, match="disk full"):
        Network.from_spec(SMALL, seed=2).save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["model.npz"]


def test_a_failed_save_names_the_users_file_or_folder_not_the_temp_file(tmp_path):
    net = Network.from_spec(SMALL, seed=1)
    missing = tmp_path / "nope"
    with pytest.raises(OSError) as info:
        net.save(missing / "model.npz")
    assert info.value.filename == str(missing) and ".tmp" not in str(info.value)
    folder = tmp_path / "model.npz"  # the rename over a folder fails
    folder.mkdir()
    with pytest.raises(OSError) as info:
        net.save(folder)
    assert info.value.filename == str(folder) and ".tmp" not in str(info.value)
    assert list(tmp_path.iterdir()) == [folder]  # no temporary file left behind


def _corrupt_files(tmp_path):
    good = tmp_path / "good.npz"
    Network.from_spec(SMALL).save(good)
    raw = good.read_bytes()
    files = {
        "garbage.npz": (b"this is not a zip file at all", "not a readable Playground model"),
        "truncated.npz": (raw[: len(raw) // 2], "not a readable Playground model"),
        "empty.npz": (b"", "not a readable Playground model"),
    }
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, weights=np.zeros(3))
    out = {name: (tmp_path / name, msg) for name, (data, msg) in files.items()}
    for path, (data, _) in zip([p for p, _ in out.values()], files.values(), strict=True):
        path.write_bytes(data)
    out["foreign.npz"] = (foreign, "not a Playground model")
    # Right format, wrong shapes.
    wrong = tmp_path / "wrong.npz"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(wrong, "w") as zout:
        for item in zin.namelist():
            data = zin.read(item)
            if item == "param/dense1.bias.npy":
                import io

                buf = io.BytesIO()
                np.save(buf, np.zeros(9, dtype=np.float32))
                data = buf.getvalue()
            zout.writestr(item, data)
    out["wrong.npz"] = (wrong, "dense1.bias has shape (9,)")
    return out


def test_corrupt_or_foreign_files_raise_data_error_naming_the_file(tmp_path):
    for name, (path, fragment) in _corrupt_files(tmp_path).items():
        with pytest.raises(DataError) as info:
            Network.load(path)
        assert name in str(info.value)
        assert fragment in str(info.value), str(info.value)
    with pytest.raises(DataError, match=r"missing\.npz: cannot read"):
        Network.load(tmp_path / "missing.npz")


def test_copy_is_independent():
    net = Network.from_spec(SMALL, seed=0)
    twin = net.copy()
    twin.params["dense1.bias"][:] = 42
    assert not np.any(net.params["dense1.bias"] == 42)


def test_inference_of_a_wide_network_goes_in_chunks_that_fit_in_memory():
    wide = {
        "input": [1, 28, 28],
        "layers": [
            {"type": "conv", "filters": 1000, "kernel": 3, "padding": 1, "activation": "relu"},
            {"type": "pool", "mode": "max", "size": 2},
            {"type": "dense", "units": 10, "activation": "softmax"},
        ],
        "cost": "log-likelihood",
    }
    net = Network.from_spec(wide)
    # 1000 x 28 x 28 values an image: a thousand images would need 3 GB for that layer alone.
    assert net._chunk(1000) == (256 << 20) // (8 * 1000 * 28 * 28) == 42
    assert Network.from_spec(load_preset("nielsen-conv2"))._chunk(1000) == 1000
    x = np.random.default_rng(1).random((100, 1, 28, 28), dtype=np.float32)
    y = np.arange(100) % 10
    out = net.forward(x)
    cost, accuracy = net.evaluate(x, y)
    assert accuracy == np.mean(out.argmax(axis=1) == y)
    assert cost == pytest.approx(net.cost.fn(out, np.eye(10)[y]), rel=1e-5)
    assert (net.predict(x) == out.argmax(axis=1)).all()


def _random_layer(rng: np.random.Generator) -> dict:
    kind = rng.choice(["conv", "conv", "pool", "pool", "dense", "activation"])
    hidden = ["sigmoid", "tanh", "relu", "linear"]
    if kind == "conv":
        return {
            "type": "conv",
            "filters": int(rng.choice([1, 2, 4, 6])),
            "kernel": int(rng.choice([1, 2, 3, 5])),
            "stride": int(rng.choice([1, 1, 2])),
            "padding": int(rng.choice([0, 0, 1, 2])),
            "groups": int(rng.choice([1, 1, 2, 3])),
            "activation": str(rng.choice(hidden)),
        }
    if kind == "pool":
        return {"type": "pool", "mode": str(rng.choice(["max", "l2", "avg"])), "size": 2}
    if kind == "dense":
        return {"type": "dense", "units": int(rng.choice([1, 3, 12])), "activation": "tanh"}
    return {"type": "activation", "activation": str(rng.choice(hidden))}


def test_random_layer_stacks_are_refused_or_train_and_predict():
    """Any stack the spec accepts trains and predicts through both paths (the fused plan and
    the layer-by-layer inference): finite outputs of the right shapes, and the step's cost is
    the gradients' cost. An activation layer before a conv once crashed here."""
    rng = np.random.default_rng(2026)
    outputs = {"quadratic": "linear", "cross-entropy": "sigmoid", "log-likelihood": "softmax"}
    trained = 0
    for i in range(80):
        cost = str(rng.choice(list(outputs)))
        layers = [_random_layer(rng) for _ in range(int(rng.integers(1, 5)))]
        layers.append({"type": "dense", "units": 3, "activation": outputs[cost]})
        size = int(rng.choice([5, 8, 12]))
        spec = {"input": [int(rng.integers(1, 4)), size, size], "layers": layers, "cost": cost}
        try:
            net = Network.from_spec(spec, seed=i)
        except SpecError:
            continue
        n = int(rng.choice([1, 3, 10]))
        x = rng.random((n, *net.input_shape), dtype=np.float32)
        y = rng.integers(0, 3, n)
        out = net.forward(x)
        assert out.shape == (n, 3) and np.isfinite(out).all(), spec
        g_cost, grads = net.gradients(x, y)
        assert set(grads) == set(net.params), spec
        assert all(np.isfinite(g).all() for g in grads.values()), spec
        step_cost = net.train_step(x, y, lr=0.05, momentum=0.5, l2=0.1, n_train=100)
        assert step_cost == pytest.approx(g_cost, rel=1e-5, abs=1e-6), spec
        assert all(np.isfinite(p).all() for p in net.params.values()), spec
        trained += 1
    assert trained >= 30  # the draw must leave enough valid networks to mean something
