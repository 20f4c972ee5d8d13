"""Exhaustive chunked enumeration of ballot profiles."""

from __future__ import annotations

import time

import numpy as np
import pytest

from simulate.power import (
    NO,
    YES,
    PowerInputError,
    count_adopted,
    decide_all,
    iter_binary_profiles,
    iter_profiles,
    iter_ternary_profiles,
    profile_at,
)


def digits(base, seats):
    """Reference: the base-`base` digits of 0..base^seats-1, most significant first."""
    idx = np.arange(base**seats)
    return np.stack([(idx // base ** (seats - 1 - j)) % base for j in range(seats)], axis=1)


@pytest.mark.parametrize("seats", [1, 2, 5, 7])
@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 10, 81, 10**6])
def test_ternary_profiles_in_order(seats, chunk_rows):
    chunks = [c.copy() for c in iter_ternary_profiles(seats, chunk_rows=chunk_rows)]
    assert all(c.dtype == np.int8 and c.shape[1] == seats for c in chunks)
    assert all(len(c) <= max(1, chunk_rows) for c in chunks)
    np.testing.assert_array_equal(np.concatenate(chunks), digits(3, seats))


@pytest.mark.parametrize("seats", [1, 4, 9])
@pytest.mark.parametrize("chunk_rows", [1, 5, 64, 10**6])
def test_binary_profiles_in_order(seats, chunk_rows):
    chunks = [c.copy() for c in iter_binary_profiles(seats, chunk_rows=chunk_rows)]
    np.testing.assert_array_equal(np.concatenate(chunks), digits(2, seats))


def test_chunks_are_read_only():
    chunk = next(iter_ternary_profiles(4, chunk_rows=9))
    with pytest.raises(ValueError):
        chunk[0, 0] = 1


def test_profile_at_matches_enumeration():
    every = np.concatenate([c.copy() for c in iter_ternary_profiles(6, chunk_rows=27)])
    for index in (0, 1, 100, 3**6 - 1):
        np.testing.assert_array_equal(profile_at(index, 6), every[index])
    np.testing.assert_array_equal(profile_at(5, 3, base=2), [1, 0, 1])


def test_decide_all_indexes_by_profile_number():
    out = decide_all(lambda p: ((p == NO).sum(axis=1) == 1) & ((p == YES).sum(axis=1) == 2), 3)
    assert out.shape == (27,)
    assert sorted(out.nonzero()[0].tolist()) == [1, 3, 9]  # one NO in one column, the rest YES


def test_charter_rule_over_all_3_to_15_profiles_is_fast():
    def charter(p):
        return ((p == YES).sum(axis=1) >= 9) & ~(p[:, :5] == NO).any(axis=1)

    start = time.perf_counter()
    assert count_adopted(charter, 15) == 146796
    elapsed = time.perf_counter() - start
    assert elapsed < 3.0, f"3^15 profiles took {elapsed:.2f} s (target < 1 s; 3 s allows a busy machine)"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: list(iter_ternary_profiles(0)), "positive integer"),
        (lambda: list(iter_ternary_profiles(3, chunk_rows=0)), "chunk_rows"),
        (lambda: list(iter_profiles(3, 4)), "base 4"),
        (lambda: profile_at(27, 3), "outside 0..26"),
        (lambda: count_adopted(lambda p: p == YES, 3), "one bool per profile"),
        (lambda: count_adopted(lambda p: p[:, 0] * 0.5, 3), "one bool per profile"),
    ],
)
def test_bad_enumeration_input(call, words):
    with pytest.raises(PowerInputError, match=words):
        call()
