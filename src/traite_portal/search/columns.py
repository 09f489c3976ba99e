"""BTrees buckets read and made as numpy columns: a loop over many documents
runs in C, not in Python, when every document gets its own value (scores)."""

from BTrees.IIBTree import IIBucket

import numpy


def column(values, size: int, dtype=numpy.int64) -> numpy.ndarray:
    """The ``size`` numbers of ``values`` (a bucket's keys or values)."""
    return numpy.fromiter(values, dtype, size)


def bucket(keys: numpy.ndarray, values: numpy.ndarray) -> IIBucket:
    """The IIBucket {keys[i]: values[i]}; ``keys`` strictly increasing (a
    bucket's keys). Made from its pickled state, keys and values interleaved,
    in one call: inserting the items one by one costs more than scoring them."""
    flat = numpy.empty(2 * len(keys), numpy.int64)
    flat[0::2] = keys
    flat[1::2] = values
    result = IIBucket()
    result.__setstate__((tuple(flat.tolist()),))
    return result
