"""Gradient descent on a cost surface C(v1, v2) of two variables (Nielsen, chapter 1).

A ball at v rolls downhill by the book's rule delta v = -eta * grad C. The surfaces are small
closed-form functions so the lab can draw them and step instantly: a round bowl, a long narrow
valley (steep across, shallow along) and a tilted double well with two minima.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

#: A step that carries v this many map-widths away from the map's centre, or makes C not finite,
#: counts as diverged: the ball has run off and every further step would only take it further.
DIVERGENCE_FACTOR = 5.0
#: |grad C| below this counts as converged (the ball sits in a minimum).
CONVERGED_GRAD = 1e-4


@dataclass(frozen=True)
class Surface:
    """A cost C(v1, v2) with its gradient, the region to draw and a starting point."""

    key: str
    cost: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[float, float], np.ndarray]
    extent: tuple[float, float, float, float]  # v1_min, v1_max, v2_min, v2_max
    start: tuple[float, float]
    minima: tuple[tuple[float, float], ...]
    #: The largest curvature at (v1, v2): the Hessian's largest eigenvalue.
    curvature: Callable[[float, float], float]
    formula: str

    def eta_limit(self, minimum: int) -> float:
        """The largest eta that settles in minimum `minimum`: 2 / its largest curvature. Past it
        each step overshoots the floor by more than it started from it, so the ball runs off;
        past half of it each step already lands on the floor's other side (a zig-zag)."""
        return 2.0 / self.curvature(*self.minima[minimum])

    @property
    def eta_max(self) -> float:
        """The largest eta that settles in every minimum of the surface."""
        return min(self.eta_limit(i) for i in range(len(self.minima)))

    def grid(self, n: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """C on an n x n grid over `extent`: (v1 values, v2 values, C[row=v2, col=v1])."""
        v1 = np.linspace(self.extent[0], self.extent[1], n)
        v2 = np.linspace(self.extent[2], self.extent[3], n)
        g1, g2 = np.meshgrid(v1, v2)
        return v1, v2, self.cost(g1, g2)


def _bowl() -> Surface:
    # C = v1^2 + v2^2: curvature 2 in every direction, so eta > 1 diverges.
    return Surface(
        key="bowl",
        cost=lambda v1, v2: v1**2 + v2**2,
        grad=lambda v1, v2: np.array([2.0 * v1, 2.0 * v2]),
        extent=(-2.0, 2.0, -2.0, 2.0),
        start=(-1.6, 1.2),
        minima=((0.0, 0.0),),
        curvature=lambda v1, v2: 2.0,
        formula="C = v1² + v2²",
    )


def _valley() -> Surface:
    # C = 0.05 v1^2 + 2 v2^2: curvature 0.1 along, 4 across; eta > 0.5 diverges across, while
    # the slope along the floor is so gentle that a safe eta crawls there.
    return Surface(
        key="valley",
        cost=lambda v1, v2: 0.05 * v1**2 + 2.0 * v2**2,
        grad=lambda v1, v2: np.array([0.1 * v1, 4.0 * v2]),
        extent=(-4.0, 4.0, -1.5, 1.5),
        start=(-3.6, 1.2),
        minima=((0.0, 0.0),),
        curvature=lambda v1, v2: 4.0,
        formula="C = 0.05 v1² + 2 v2²",
    )


def _two_minima() -> Surface:
    # C = (v1^2 - 1)^2 + 0.3 v1 + v2^2: a tilted double well. The deeper minimum is on the left;
    # a ball that starts right of the ridge (v1 > ~0.075) settles in the shallower right one.
    # The Hessian is diag(12 v1^2 - 4, 2): 8.87 at the left minimum (eta < 0.226 settles there)
    # and 7.06 at the right one (eta < 0.283).
    roots = np.roots([4.0, 0.0, -4.0, 0.3])  # dC/dv1 = 4 v1^3 - 4 v1 + 0.3 = 0
    real = np.sort(roots.real[np.abs(roots.imag) < 1e-12])
    return Surface(
        key="two_minima",
        cost=lambda v1, v2: (v1**2 - 1.0) ** 2 + 0.3 * v1 + v2**2,
        grad=lambda v1, v2: np.array([4.0 * v1**3 - 4.0 * v1 + 0.3, 2.0 * v2]),
        extent=(-2.0, 2.0, -1.6, 1.6),
        start=(0.3, 1.3),
        minima=((float(real[0]), 0.0), (float(real[2]), 0.0)),
        curvature=lambda v1, v2: max(12.0 * v1**2 - 4.0, 2.0),
        formula="C = (v1² − 1)² + 0.3 v1 + v2²",
    )


#: The surfaces the lab offers, by key.
SURFACES: dict[str, Surface] = {s.key: s for s in (_bowl(), _valley(), _two_minima())}


class Status(enum.Enum):
    """Where the descent stands; the window turns this into a sentence."""

    READY = "ready"
    DESCENDING = "descending"
    CRAWLING = "crawling"
    OVERSHOOTING = "overshooting"
    ZIGZAG = "zigzag"
    BOUNCING = "bouncing"
    CONVERGED = "converged"
    DIVERGED = "diverged"


@dataclass(frozen=True)
class StepResult:
    """One step: where the ball was, grad C there, the move delta v and where it went."""

    v: np.ndarray
    grad: np.ndarray
    delta_v: np.ndarray
    v_new: np.ndarray
    cost: float
    cost_new: float


class GradientDescent:
    """The ball on a surface: v, the learning rate eta and the path so far."""

    def __init__(
        self, surface: Surface, eta: float = 0.1, v: tuple[float, float] | None = None
    ) -> None:
        self.surface = surface
        self.eta = float(eta)
        self.v = np.zeros(2)
        self.path: list[np.ndarray] = []
        self.costs: list[float] = []
        self.last_step: StepResult | None = None
        self.reset(v)

    def reset(self, v: np.ndarray | tuple[float, float] | None = None) -> None:
        """Put the ball at v (default: the surface's start) and forget the path."""
        start = self.surface.start if v is None else v
        self.v = np.array(start, dtype=np.float64)
        self.path = [self.v.copy()]
        self.costs = [self.cost()]
        self.last_step = None

    def cost(self, v: np.ndarray | None = None) -> float:
        """C at v (default: at the ball)."""
        v = self.v if v is None else v
        return float(self.surface.cost(v[0], v[1]))

    def gradient(self, v: np.ndarray | None = None) -> np.ndarray:
        """grad C = (dC/dv1, dC/dv2) at v (default: at the ball)."""
        v = self.v if v is None else v
        return np.asarray(self.surface.grad(v[0], v[1]), dtype=np.float64)

    @property
    def steps(self) -> int:
        """How many steps the ball has taken since the last reset."""
        return len(self.path) - 1

    @property
    def diverged(self) -> bool:
        """True once v has run far off the map or C is no longer finite (steps are refused)."""
        if not (np.isfinite(self.costs[-1]) and np.all(np.isfinite(self.v))):
            return True
        x0, x1, y0, y1 = self.surface.extent
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        half = np.array([(x1 - x0) / 2, (y1 - y0) / 2])
        return bool(np.any(np.abs(self.v - centre) > DIVERGENCE_FACTOR * 2 * half))

    @property
    def converged(self) -> bool:
        """True when the gradient has (almost) vanished: the ball rests in a minimum."""
        return not self.diverged and float(np.linalg.norm(self.gradient())) < CONVERGED_GRAD

    def nearest_minimum(self) -> int:
        """Index (into `surface.minima`) of the minimum closest to the ball."""
        distances = [np.hypot(*(self.v - np.array(m))) for m in self.surface.minima]
        return int(np.argmin(distances))

    def eta_limit(self) -> float:
        """The largest eta that settles in the minimum nearest the ball."""
        return self.surface.eta_limit(self.nearest_minimum())

    def in_deepest_minimum(self) -> bool:
        """True if the ball's nearest minimum is the surface's lowest one (a global minimum)."""
        costs = [self.cost(np.array(m)) for m in self.surface.minima]
        return self.nearest_minimum() == int(np.argmin(costs))

    def step(self) -> StepResult:
        """Move by delta v = -eta * grad C and record the new point."""
        if self.diverged:
            raise RuntimeError("the descent has diverged; reset before stepping again")
        grad = self.gradient()
        delta_v = -self.eta * grad
        v_old, cost_old = self.v.copy(), self.costs[-1]
        with np.errstate(over="ignore", invalid="ignore"):
            self.v = self.v + delta_v
            cost_new = self.cost()
        self.path.append(self.v.copy())
        self.costs.append(cost_new)
        self.last_step = StepResult(v_old, grad, delta_v, self.v.copy(), cost_old, cost_new)
        return self.last_step

    def run(self, max_steps: int = 500) -> Status:
        """Step until converged, diverged or max_steps taken; return the final status."""
        for _ in range(max_steps):
            if self.diverged or self.converged:
                break
            self.step()
        return self.status()

    def status(self) -> Status:
        """Classify the descent so far, for the sentence under the map."""
        if self.diverged:
            return Status.DIVERGED
        if self.converged:
            return Status.CONVERGED
        if self.last_step is None:
            return Status.READY
        if self.steps >= 2:
            # Two steps in opposite directions: the ball jumped across the valley floor. It
            # zig-zags down while two steps lower C, and bounces when they no longer do.
            before = self.path[-2] - self.path[-3]
            if float(np.dot(before, self.last_step.delta_v)) < 0.0:
                if self.costs[-1] >= self.costs[-3]:
                    return Status.BOUNCING
                if self.last_step.cost_new <= self.last_step.cost:
                    return Status.ZIGZAG
        if self.last_step.cost_new > self.last_step.cost:
            return Status.OVERSHOOTING
        # The slope is still clear but the steps are tiny compared with the map: eta too small.
        span = max(self.surface.extent[1] - self.surface.extent[0], 1e-12)
        grad_norm = float(np.linalg.norm(self.last_step.grad))
        step_norm = float(np.linalg.norm(self.last_step.delta_v))
        if grad_norm > 0.05 and step_norm < 0.002 * span:
            return Status.CRAWLING
        return Status.DESCENDING
