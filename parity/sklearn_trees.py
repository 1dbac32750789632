"""A fitted scikit-learn tree as the flat arrays tabkit's tree tests compare, and their digest."""
import hashlib

import numpy as np


def tree_arrays(tree):
    """The node arrays of a fitted tree estimator: children, split feature and threshold, NaN side, values."""
    t = tree.tree_
    leaf = t.children_left == -1
    n = t.node_count
    return {
        "left": t.children_left.astype(np.int32),
        "right": t.children_right.astype(np.int32),
        "feature": t.feature.astype(np.int32),
        "threshold": t.threshold.astype(np.float64),
        "missingLeft": np.where(leaf, 0, t.missing_go_to_left).astype(np.uint8),
        "value": t.value.reshape(n, -1).astype(np.float64),
    }


def tree_digest(tree, with_values=True):
    """SHA-256 (hex) of the node arrays, as test/helpers/trees.ts's treeDigest; optionally without the values."""
    a = tree_arrays(tree)
    h = hashlib.sha256()
    keys = [("left", "<i4"), ("right", "<i4"), ("feature", "<i4"), ("threshold", "<f8"), ("missingLeft", "u1")]
    if with_values:
        keys.append(("value", "<f8"))
    for key, dtype in keys:
        h.update(np.ascontiguousarray(a[key], dtype=dtype).tobytes())
    return h.hexdigest()
