"""The statistics behind the trends, without scipy: the t-interval of a mean, Student's t distribution, and the
pieces of Cliff's delta (shares of pairs, permutation test, bootstrap interval)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from fractions import Fraction
from functools import lru_cache

import numpy as np

CONFIDENCE = 0.95
# Before/after: exact permutation test while there are at most this many ways to split the answers, otherwise
# this many random permutations (seeded: the same data always give the same sentence).
EXACT_PERMUTATIONS = 50_000
RANDOM_PERMUTATIONS = 20_000
BOOTSTRAP_SAMPLES = 4_000
SEED = 20_26
# Cliff's delta: the usual thresholds for negligible / small / medium / large (Romano et al., 2006).
DELTA_SIZES = ((0.147, "verwaarloosbaar"), (0.33, "klein"), (0.474, "middelgroot"), (float("inf"), "groot"))


def mean_interval(values: Iterable[float], confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """(mean, low, high): the t-interval mean ± t((1+confidence)/2; n−1)·s/√n, s with divisor n−1; n ≥ 2."""
    x = np.asarray(list(values), dtype="float64")
    if len(x) < 2:
        raise ValueError("an interval needs at least two values")
    mean = float(x.mean())
    half = t_quantile(0.5 + confidence / 2, len(x) - 1) * float(x.std(ddof=1)) / math.sqrt(len(x))
    return mean, mean - half, mean + half


# -- Student's t without scipy --------------------------------------------------------------------------------------
def _beta_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes' betacf)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            step = d * c
            h *= step
        if abs(step - 1.0) < 1e-15:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: int) -> float:
    """P(T ≤ t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


@lru_cache(maxsize=512)
def t_quantile(p: float, df: int) -> float:
    """The t with P(T ≤ t) = p, by bisection on `t_cdf` (to 1e-12); scipy is not a dependency of the kit."""
    if not 0.0 < p < 1.0 or df < 1:
        raise ValueError("t_quantile needs 0 < p < 1 and df >= 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12:
            break
    return (low + high) / 2.0



def _pair_shares(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, float]:
    """(P(B > A), P(B < A)) over all pairs, from counts per ordered category."""
    pairs = np.outer(counts_b, counts_a).astype("float64")  # [i, j]: B in category i, A in category j
    total = pairs.sum()
    return float(np.tril(pairs, -1).sum() / total), float(np.triu(pairs, 1).sum() / total)


def pair_counts(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[int, int, int]:
    """(pairs with B > A, pairs with B < A, all pairs) as whole numbers, from counts per ordered category."""
    pairs = np.outer(np.asarray(counts_b, dtype="int64"), np.asarray(counts_a, dtype="int64"))
    return int(np.tril(pairs, -1).sum()), int(np.triu(pairs, 1).sum()), int(pairs.sum())


def delta_size(higher: int, lower: int, pairs: int) -> str:
    """The band of Cliff's delta (higher − lower) / pairs in `DELTA_SIZES`, compared exactly: a delta of 33/100
    is 0.32999999999999996 as a float, which would fall below the limit 0.33 it equals."""
    delta = Fraction(abs(higher - lower), pairs)
    return next(name for limit, name in DELTA_SIZES if math.isinf(limit) or delta < Fraction(str(limit)))


def _permutation_p(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, bool]:
    pooled = counts_a + counts_b
    midrank = np.cumsum(pooled) - pooled + (pooled + 1) / 2.0  # the mid-rank of each category in the pooled answers
    ranks = np.repeat(midrank, pooled)
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    total = n_a + n_b
    observed = _rank_sum_delta(float(counts_b @ midrank), n_a, n_b)
    if math.comb(total, n_b) <= EXACT_PERMUTATIONS:
        picks = np.fromiter(itertools.chain.from_iterable(itertools.combinations(range(total), n_b)), dtype="int64")
        sums = ranks[picks.reshape(-1, n_b)].sum(axis=1)
        deltas = _rank_sum_delta(sums, n_a, n_b)
        return float(np.mean(np.abs(deltas) >= abs(observed) - 1e-9)), True
    rng = np.random.default_rng(SEED)
    shuffled = rng.permuted(np.broadcast_to(ranks, (RANDOM_PERMUTATIONS, total)), axis=1)
    deltas = _rank_sum_delta(shuffled[:, :n_b].sum(axis=1), n_a, n_b)
    hits = int(np.sum(np.abs(deltas) >= abs(observed) - 1e-9))
    return (hits + 1) / (RANDOM_PERMUTATIONS + 1), False


def _rank_sum_delta(rank_sum_b, n_a: int, n_b: int):
    """Cliff's delta from B's rank sum: U_B = R_B − n_B(n_B+1)/2, delta = 2·U_B/(n_A·n_B) − 1."""
    return 2.0 * (rank_sum_b - n_b * (n_b + 1) / 2.0) / (n_a * n_b) - 1.0


def _bootstrap_interval(counts_a: np.ndarray, counts_b: np.ndarray) -> tuple[float, float]:
    rng = np.random.default_rng(SEED)
    n_a, n_b = int(counts_a.sum()), int(counts_b.sum())
    draws_a = rng.multinomial(n_a, counts_a / n_a, size=BOOTSTRAP_SAMPLES).astype("float64")
    draws_b = rng.multinomial(n_b, counts_b / n_b, size=BOOTSTRAP_SAMPLES).astype("float64")
    k = len(counts_a)
    sign = np.sign(np.subtract.outer(np.arange(k), np.arange(k)))  # [i, j] = sign(i − j)
    deltas = np.einsum("si,ij,sj->s", draws_b, sign, draws_a) / (n_a * n_b)
    low, high = np.quantile(deltas, [(1 - CONFIDENCE) / 2, (1 + CONFIDENCE) / 2])
    return float(low), float(high)


