"""What every record writer promises, and the context-manager plumbing they share."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from petrel.records import Event, Figure


@runtime_checkable
class RecordWriter(Protocol):
    """Writes events and figures somewhere; `close` flushes and may be called twice."""

    count: int  # records written so far

    def write(self, record: Event | Figure) -> None: ...

    def close(self) -> None: ...


class ClosingWriter:
    """Base of the writers: `with` support, an idempotent `close`, and a record count.

    Subclasses implement `_write` and `_close`; `close` runs even when the `with` block
    raises (Ctrl-C included), so the records written so far reach the disk.
    """

    def __init__(self) -> None:
        self.count = 0
        self.closed = False

    def write(self, record: Event | Figure) -> None:
        if self.closed:
            raise ValueError(f"{type(self).__name__} is closed")
        self._write(record)
        self.count += 1

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _write(self, record: Event | Figure) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError
