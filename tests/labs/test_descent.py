"""The gradient descent lab's model: surfaces, steps, convergence and divergence."""

from __future__ import annotations

import numpy as np
import pytest

from playground.labs.descent import SURFACES, GradientDescent, Status


@pytest.mark.parametrize("key", sorted(SURFACES))
def test_gradient_matches_finite_differences(key: str) -> None:
    surface = SURFACES[key]
    rng = np.random.default_rng(1)
    h = 1e-6
    for _ in range(5):
        v = rng.uniform(-1.5, 1.5, size=2)
        numeric = [
            (surface.cost(*(v + h * e)) - surface.cost(*(v - h * e))) / (2 * h) for e in np.eye(2)
        ]
        np.testing.assert_allclose(surface.grad(*v), numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("key", sorted(SURFACES))
def test_listed_minima_are_stationary_and_lower_than_their_neighbours(key: str) -> None:
    surface = SURFACES[key]
    for m in surface.minima:
        m = np.array(m)
        assert np.linalg.norm(surface.grad(*m)) < 1e-9
        for d in np.eye(2) * 0.05:
            assert surface.cost(*(m + d)) > surface.cost(*m)
            assert surface.cost(*(m - d)) > surface.cost(*m)


def test_a_step_is_minus_eta_times_the_gradient() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=0.1, v=(1.0, -2.0))
    result = descent.step()
    np.testing.assert_allclose(result.grad, [2.0, -4.0])
    np.testing.assert_allclose(result.delta_v, [-0.2, 0.4])
    np.testing.assert_allclose(descent.v, [0.8, -1.6])
    assert result.cost == pytest.approx(5.0)
    assert result.cost_new == pytest.approx(0.8**2 + 1.6**2)
    assert descent.steps == 1
    assert len(descent.costs) == 2


def test_bowl_converges_with_a_moderate_eta() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=0.1)
    assert descent.status() is Status.READY
    assert descent.run(500) is Status.CONVERGED
    np.testing.assert_allclose(descent.v, [0.0, 0.0], atol=1e-4)
    assert all(b < a for a, b in zip(descent.costs, descent.costs[1:], strict=False))


def test_bowl_diverges_with_a_too_large_eta_and_says_so() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=1.5)
    assert descent.run(500) is Status.DIVERGED
    assert descent.diverged
    assert descent.steps < 20
    assert descent.costs[-1] > 100 * descent.costs[0]
    with pytest.raises(RuntimeError, match="diverged"):
        descent.step()
    descent.reset()
    assert descent.status() is Status.READY
    assert descent.steps == 0


def test_just_above_the_stable_limit_the_cost_rises_every_step() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=1.05)
    descent.step()
    assert descent.status() is Status.OVERSHOOTING
    assert descent.run(500) is Status.DIVERGED


def test_near_the_limit_the_ball_zigzags_but_still_descends() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=0.8)  # factor 1 - 2*0.8 = -0.6 per step
    descent.step()
    descent.step()
    assert descent.status() is Status.ZIGZAG
    assert descent.costs[2] < descent.costs[1] < descent.costs[0]
    assert descent.run(500) is Status.CONVERGED


def test_a_tiny_eta_crawls() -> None:
    descent = GradientDescent(SURFACES["bowl"], eta=0.001)
    descent.run(50)
    assert descent.status() is Status.CRAWLING
    assert np.linalg.norm(descent.v) > 1.8  # still nearly where it started (|v0| = 2)


def test_valley_eta_safe_across_is_slow_along() -> None:
    valley = SURFACES["valley"]
    assert GradientDescent(valley, eta=0.6).run(500) is Status.DIVERGED
    slow = GradientDescent(valley, eta=0.05)
    slow.run(200)
    assert abs(slow.v[1]) < 1e-3  # the steep direction is done
    assert abs(slow.v[0]) > 1.0  # the shallow direction has barely moved


def test_two_minima_the_start_decides_where_the_ball_ends() -> None:
    surface = SURFACES["two_minima"]
    left, right = surface.minima
    right_run = GradientDescent(surface, eta=0.05, v=(0.3, 1.0))
    assert right_run.run(2000) is Status.CONVERGED
    np.testing.assert_allclose(right_run.v, right, atol=1e-3)
    left_run = GradientDescent(surface, eta=0.05, v=(-0.3, 1.0))
    assert left_run.run(2000) is Status.CONVERGED
    np.testing.assert_allclose(left_run.v, left, atol=1e-3)
    assert left_run.cost() < right_run.cost()  # the left minimum is the deeper one
    assert left_run.in_deepest_minimum() and not right_run.in_deepest_minimum()
    assert (left_run.nearest_minimum(), right_run.nearest_minimum()) == (0, 1)


def test_grid_covers_the_extent() -> None:
    surface = SURFACES["valley"]
    v1, v2, c = surface.grid(50)
    assert c.shape == (50, 50)
    assert (v1[0], v1[-1], v2[0], v2[-1]) == surface.extent
    assert c[0, 25] == pytest.approx(surface.cost(v1[25], v2[0]))
