"""None, True and False kept alive for as long as the window runs, on Python 3.11.

PySide6 6.12.0 (its ``cp310-abi3`` wheel) hands back ``None`` from every call of a
method that returns nothing (``setText``, ``update``, ``super().keyPressEvent``,
…) without the new reference the C API asks for, and ``True`` from every
``Signal.emit`` likewise. Python 3.12 made these three objects immortal, so
there the missing reference costs nothing; on 3.10 and 3.11 each such call takes
one reference away for good. A session makes a few thousand of these calls a
minute: once ``None``'s count reaches zero the interpreter aborts with ``Fatal
Python error: none_dealloc`` (``bool_dealloc`` for ``True``), at exit or in the
middle of a screening.

:func:`make_immortal` gives each of the three a reference count no session can
use up, which is what Python 3.12 does for them by design. It changes nothing
else: an object's count is only ever compared with zero.
"""

from __future__ import annotations

import sys

__all__ = ["SPARE", "make_immortal"]

#: The references added to each: 2**40 calls, years of use at any pace.
SPARE = 1 << 40
_done: list[bool] = []


def make_immortal() -> bool:
    """On Python < 3.12, add :data:`SPARE` to the reference counts of None, True
    and False (once per process); True when it did."""
    if sys.version_info >= (3, 12) or _done:
        return False
    import ctypes

    for obj in (None, True, False):
        # A release build's PyObject begins with its reference count (a
        # Py_ssize_t); checked against sys.getrefcount before it is written.
        count = ctypes.c_ssize_t.from_address(id(obj))
        if abs(count.value - sys.getrefcount(obj)) > 1_000:
            return False  # not the layout expected: leave it alone
        count.value += SPARE
    _done.append(True)
    return True
