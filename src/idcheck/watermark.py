"""Whether what is printed now is made in training mode.

Training mode (:class:`idcheck.training.TrainingStore`) marks the process for
as long as its throw-away store exists; every PDF the report builds meanwhile
(referral, letter, statistics, the guide handout, a blank form) carries a
diagonal TRAINING watermark on every page (:func:`idcheck.report.pdf.build_pdf`
reads the mark). It sits below both, imports nothing, and holds no data.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["in_training", "training_prints"]

_lock = threading.Lock()
_depth = 0


@contextmanager
def training_prints() -> Iterator[None]:
    """Everything printed inside the block is training (nestable)."""
    global _depth
    with _lock:
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1


def in_training() -> bool:
    """Whether a training store is open in this process."""
    return _depth > 0
