"""Scores as numpy columns give what the BTrees give: buckets made from
columns, and the best matches in ``byValue`` order (score, then docid,
descending), for docids anywhere in ZCatalog's signed 32-bit range."""

from BTrees.IIBTree import IIBucket
from traite_portal.search.backends.catalog.backend import best_first
from traite_portal.search.columns import bucket
from traite_portal.search.columns import column

import pytest
import random


def random_scores(seed: int, count: int) -> IIBucket:
    rng = random.Random(seed)
    docids = rng.sample(range(-(2**31), 2**31), count)
    # Few distinct scores: many ties, broken by the docid.
    return IIBucket({d: rng.choice([0, 1, 7, 7, 42, 2**31 - 1]) for d in docids})


@pytest.mark.parametrize("count", [0, 1, 5, 3000])
def test_bucket_from_columns_is_the_bucket(count):
    scores = random_scores(count, count)
    made = bucket(column(scores.keys(), count), column(scores.values(), count))
    assert isinstance(made, IIBucket)
    assert list(made.items()) == list(scores.items())


@pytest.mark.parametrize("count", [0, 1, 10, 3000])
@pytest.mark.parametrize("size", [None, 0, 1, 10, 200, 5000])
def test_best_first_is_by_value_order(count, size):
    scores = random_scores(count + 1, count)
    expected = [(docid, score) for score, docid in scores.byValue(0)]
    assert best_first(scores, size) == expected[:size]
