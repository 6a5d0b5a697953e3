"""How long each event takes: the mean duration behind ``average_duration`` and the
queue's ``estimation`` messages (docs/protocol.md §3.3).

A worker records a duration once per job (``await add``); the queue reads the mean for
every ``estimation`` it sends, synchronously, so an estimate costs no await. A shared
implementation records to its store in ``add`` and keeps the means it learns there for
``mean`` to answer from.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

__all__ = ["Durations", "InMemoryDurations"]


class Durations(ABC):
    """The mean duration of each dependency, and the wait it implies for queued jobs."""

    @abstractmethod
    async def add(self, fn_index: int, duration: float) -> float:
        """Count one run of ``fn_index`` that took ``duration`` seconds; returns the new mean."""

    @abstractmethod
    def mean(self, fn_index: int) -> float | None:
        """The mean duration so far, or None if the dependency has not run."""

    @abstractmethod
    async def refresh(self) -> None:
        """Learn the means other processes measured, for ``mean`` to answer from (the server
        calls it when it starts and then every minute)."""

    def eta(self, fn_index: int, rank: int, limit: int | None) -> float | None:
        """Seconds until the job at ``rank`` may start: the ranks ahead of it, run
        ``limit`` at a time (all at once without a limit), each taking the mean."""
        mean = self.mean(fn_index)
        if mean is None:
            return None
        at_once = limit or rank + 1
        return (rank // at_once + 1) * mean


class InMemoryDurations(Durations):
    """Running means kept in this process."""

    def __init__(self) -> None:
        self._stats: dict[int, tuple[int, float]] = {}

    async def add(self, fn_index: int, duration: float) -> float:
        count, mean = self._stats.get(fn_index, (0, 0.0))
        count += 1
        mean += (duration - mean) / count
        self._stats[fn_index] = (count, mean)
        return mean

    async def refresh(self) -> None:
        """Nothing to learn: this process is the only one measuring."""

    def mean(self, fn_index: int) -> float | None:
        stats = self._stats.get(fn_index)
        return stats[1] if stats else None
