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


@pytest.mark.parametrize("key", sorted(SURFACES))
def test_each_minimums_limit_is_two_over_its_largest_curvature(key: str) -> None:
    """The curvature the limits come from is the Hessian's largest eigenvalue, checked by
    finite differences of the gradient at every minimum."""
    surface = SURFACES[key]
    h = 1e-5
    for i, m in enumerate(surface.minima):
        m = np.array(m)
        hessian = np.column_stack(
            [(surface.grad(*(m + h * e)) - surface.grad(*(m - h * e))) / (2 * h) for e in np.eye(2)]
        )
        largest = float(np.linalg.eigvalsh((hessian + hessian.T) / 2).max())
        assert surface.eta_limit(i) == pytest.approx(2.0 / largest, rel=1e-6)
    assert surface.eta_max == min(surface.eta_limit(i) for i in range(len(surface.minima)))


@pytest.mark.parametrize("side", [0, 1])
def test_two_minima_settle_just_below_their_own_limit_and_bounce_just_above(side: int) -> None:
    """The left minimum is the sharper one: η = 0.24 settles on the right but not on the left
    (the lab used to promise 0.25 for both)."""
    surface = SURFACES["two_minima"]
    limit = surface.eta_limit(side)
    start = np.add(surface.minima[side], 0.05)
    below = GradientDescent(surface, eta=0.97 * limit, v=start)
    assert below.run(5000) is Status.CONVERGED
    assert below.nearest_minimum() == side
    above = GradientDescent(surface, eta=1.03 * limit, v=start)
    assert above.run(5000) is Status.BOUNCING  # a lasting two-step cycle, not a descent
    assert above.nearest_minimum() == side and not above.converged
    assert above.costs[-1] >= above.costs[-3]
    assert surface.eta_limit(0) < 0.24 < surface.eta_limit(1)


def test_a_steady_zigzag_is_told_from_one_that_still_descends() -> None:
    """On the bowl at η = 1 the ball jumps between two points for ever: bouncing. At 0.8 it
    zig-zags inwards: C falls every two steps."""
    bouncing = GradientDescent(SURFACES["bowl"], eta=1.0)
    bouncing.run(3)
    assert bouncing.status() is Status.BOUNCING
    zigzag = GradientDescent(SURFACES["bowl"], eta=0.8)
    zigzag.run(3)
    assert zigzag.status() is Status.ZIGZAG
