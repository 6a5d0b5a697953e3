"""The job queue on Redis: one queue shared by every process of an app, on any host.

``RedisQueue`` keeps what ``InMemoryQueue`` keeps (``server/queue.py``), in Redis, and each
step that reads and changes it (admit, claim, finish, cancel, renew, reap) is one Lua script
(``_queue_scripts``), so Redis applies it atomically however many processes share the queue.
The guarantees are the in-memory queue's, across processes: a concurrency group's limit holds
over all of them, its jobs start in arrival order, a full group never delays another, the
waiting jobs of one batch are claimed together, ``max_size`` counts the waiting jobs of all.

Keys, under the app's prefix ``P`` (one prefix per app):

- ``P:job:<event id>`` a hash: the record's JSON and what the scripts read of it (group,
  session, channel, batch key, limit, retries, attempts, state ``w``/``r``, claim);
  ``P:jobs`` the set of all event ids; ``P:s:<session>`` each session's.
- ``P:w:<group>`` the list of the group's waiting jobs, in order; ``P:r:<group>`` the set
  of its running claims (its running count); ``P:ready`` the groups that may start a job,
  scored in the order they became ready; ``P:nwait`` how many jobs wait.
- ``P:c:<claim id>`` a claim (a batch handed to one process: group, owner, event ids) and
  ``P:leases`` each claim's lease expiry.
- Channels ``P:wake`` (a group may start a job: idle claimers try again) and ``P:cancel``
  (a running job was cancelled: the process running it stops it).

Leases: a claim holds a lease of ``lease_seconds`` that the claiming process renews (a
task runs every third of it) while the batch runs. When a process dies, its leases run
out; every process reaps expired leases periodically (the script removes each lease as it
handles it, so reaping twice does nothing). A reaped job waits again at the head of its
group while its listener's ``retries`` last (each loss uses one), or ends with a
``worker_lost`` error on its stream: never lost silently, never left running. A process that
missed renewing (stalled longer than the lease) learns its claims were taken back and stops
those jobs (they come out of ``cancellations``).

``close`` stops claiming: a claim still in flight goes back to its group unused, and claims
still held are handled as lost. Waiting jobs stay for the other processes.

Times come from Redis's own clock unless a ``clock`` is given (tests move one by hand).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from limelight.backends.redis import _queue_scripts as scripts
from limelight.protocol import Message, cancelled, estimation, worker_lost
from limelight.server.jobs import JobRecord, new_event_id
from limelight.server.queue import ESTIMATION_DELAY, EtaOf, JobQueue, QueueFull
from limelight.server.streams import EventStreams

__all__ = ["LEASE_SECONDS", "RedisQueue"]

log = logging.getLogger("limelight")

LEASE_SECONDS = 15.0
"""How long a claim lasts unless its process renews it."""
WAKE_POLL_SECONDS = 1.0
"""An idle claimer tries again this often even without a wake-up (one may be missed while
the subscription reconnects)."""
SUBSCRIBE_SECONDS = 10.0
"""How long ``start`` waits for Redis to confirm the subscriptions."""


def _text(value: bytes | str) -> str:
    # Replies are bytes, or str from a client made with decode_responses=True.
    return value.decode() if isinstance(value, bytes) else value


class RedisQueue(JobQueue):
    """A queue in Redis, shared by every process of an app that uses the same ``prefix``.

    ``client`` is a ``redis.asyncio.Redis`` (the caller owns it and closes it); ``streams``,
    ``max_size`` and ``eta_of`` are as for ``InMemoryQueue``. ``lease_seconds`` is how long a
    claim outlives its process; ``clock`` replaces Redis's clock (tests). The background
    tasks (wake-ups, cancellations, lease renewal, reaping) start with the first claim, or
    with ``start``; ``close`` stops them.
    """

    def __init__(
        self,
        client: Redis,
        prefix: str,
        streams: EventStreams,
        max_size: int | None = None,
        eta_of: EtaOf | None = None,
        *,
        lease_seconds: float = LEASE_SECONDS,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.client = client
        """The Redis client (the caller's: ``close`` leaves it open)."""
        self.prefix = prefix
        self._streams = streams
        self.max_size = max_size
        self._eta_of = eta_of
        self.lease_seconds = lease_seconds
        self._clock = clock
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{new_event_id()[:8]}"
        """Who holds this process's claims (shown in ``P:c:<claim id>``)."""
        self._put = client.register_script(scripts.PUT)
        self._claim = client.register_script(scripts.CLAIM)
        self._finish = client.register_script(scripts.FINISH)
        self._cancel = client.register_script(scripts.CANCEL)
        self._renew = client.register_script(scripts.RENEW)
        self._drop = client.register_script(scripts.DROP_CLAIMS)
        self._waiting = client.register_script(scripts.ANNOUNCE)
        # The claims this process holds: claim id -> its event ids, and back.
        self._held: dict[str, list[str]] = {}
        self._claim_of: dict[str, str] = {}
        self._stopping: set[str] = set()
        """Running jobs announced on ``cancellations`` already (announced once each)."""
        self._cancelled: asyncio.Queue[str] = asyncio.Queue()
        self._wake = asyncio.Event()
        self._start_lock = asyncio.Lock()
        self._pubsub: PubSub | None = None
        self._tasks: list[asyncio.Task[None]] = []
        # Rank announcements per group: the timer of the next, when the last went out.
        self._announce_timers: dict[str, asyncio.TimerHandle] = {}
        self._announced: dict[str, float] = {}
        self._background: set[asyncio.Task[Any]] = set()
        self._closed = False

    def _key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    def _now(self) -> str:
        return "" if self._clock is None else repr(self._clock())

    async def _run(self, script: Any, *args: object) -> Any:
        return await script(keys=[self.prefix], args=args)

    async def start(self) -> None:
        """Subscribe to wake-ups and cancellations and start renewing and reaping leases
        (idempotent; the first claim does it when nobody has)."""
        if self._pubsub is not None:
            return
        async with self._start_lock:
            if self._pubsub is not None or self._closed:
                return
            pubsub = self.client.pubsub()
            try:
                await self._subscribe(pubsub)
            except BaseException:
                await pubsub.aclose()
                raise
            self._pubsub = pubsub
            loop = asyncio.get_running_loop()
            self._tasks = [loop.create_task(self._listen()), loop.create_task(self._keep())]

    async def _subscribe(self, pubsub: PubSub) -> None:
        await pubsub.subscribe(self._key("wake"), self._key("cancel"))
        # Confirmed subscriptions: a cancellation published after start returns is heard.
        confirmed = 0
        while confirmed < 2:
            message = await pubsub.get_message(timeout=SUBSCRIBE_SECONDS)
            if message is None:
                raise RedisError("Redis did not confirm the queue's subscriptions")
            confirmed += message["type"] == "subscribe"

    async def _listen(self) -> None:
        assert self._pubsub is not None
        cancel = self._key("cancel")
        while True:
            try:
                message = await self._pubsub.get_message(
                    ignore_subscribe_messages=True, timeout=None
                )
            except RedisError as exc:
                log.warning("The queue's subscription failed (%s); retrying", exc)
                await asyncio.sleep(WAKE_POLL_SECONDS)
                continue
            if message is None:
                continue
            if _text(message["channel"]) == cancel:
                self._announce_stop(_text(message["data"]))
            else:
                self._wake.set()

    async def _keep(self) -> None:
        """Renew this process's leases and reap expired ones, a few times per lease."""
        while True:
            await asyncio.sleep(self.lease_seconds / 3)
            try:
                await self.renew()
                await self.reap()
            except Exception:  # the leases must be kept whatever one round met
                log.exception("Renewing or reaping the queue's leases failed")

    def _announce_stop(self, event_id: str) -> None:
        if event_id in self._claim_of and event_id not in self._stopping:
            self._stopping.add(event_id)
            self._cancelled.put_nowait(event_id)

    def _estimation(self, record: JobRecord, rank: int, queue_size: int) -> Message:
        eta = self._eta_of(record, rank) if self._eta_of is not None else None
        return estimation(record.event_id, rank, queue_size, eta)

    async def put(self, record: JobRecord) -> None:
        rank = await self._run(
            self._put,
            record.event_id,
            record.to_json(),
            record.group,
            record.session_hash,
            record.channel,
            record.batch or "",
            record.max_batch_size,
            "" if record.limit is None else record.limit,
            record.retries,
            "" if self.max_size is None else self.max_size,
        )
        if rank == -1:
            raise QueueFull(f"The queue is full ({self.max_size} waiting).")
        await self._streams.publish(record.channel, self._estimation(record, rank, rank + 1))

    async def claim(self) -> list[JobRecord]:
        """Wait for the next job that may start, in any process's queue, and take it; after
        ``close``, waits until cancelled (a closing process claims nothing more)."""
        while True:
            # Cleared before looking, so a wake-up that arrives while the script runs counts.
            self._wake.clear()
            try:
                batch = await self.try_claim()
            except RedisError as exc:
                # Redis unreachable for a while must not end this process's worker.
                log.warning("Claiming a job failed (%s); trying again", exc)
                batch = []
            if batch:
                return batch
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), WAKE_POLL_SECONDS)

    async def try_claim(self) -> list[JobRecord]:
        if self._closed:
            return []
        await self.start()
        cid = new_event_id()
        call = asyncio.ensure_future(
            self._run(self._claim, cid, self.owner, self._now(), self.lease_seconds)
        )
        try:
            # Shielded: a claim cancelled while Redis runs it still completes, and its jobs
            # go back to their group instead of being held by nobody.
            reply = await asyncio.shield(call)
        except asyncio.CancelledError:
            call.add_done_callback(functools.partial(self._give_back, cid))
            raise
        if not reply:
            return []
        raw, group, waiting = reply
        records = [JobRecord.from_json(text) for text in raw]
        if any(record.event_id in self._claim_of for record in records):
            # Still running here under a claim taken back from this process (it stalled
            # past the lease): hand it on, and stop that run now rather than at the next
            # renewal; then this process or another takes the job afresh.
            await self._run(self._drop, "release", self._now(), cid)
            await self.renew()
            return []
        self._held[cid] = [record.event_id for record in records]
        for record in records:
            self._claim_of[record.event_id] = cid
        if waiting:
            self._schedule_announce(_text(group))
        return records

    def _give_back(self, cid: str, call: asyncio.Future[Any]) -> None:
        if call.cancelled() or call.exception() is not None or not call.result():
            return
        self._spawn(self._run(self._drop, "release", self._now(), cid))

    def _spawn(self, work: Any) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._spawned_done)

    def _spawned_done(self, task: asyncio.Task[Any]) -> None:
        self._background.discard(task)
        if not task.cancelled() and (exc := task.exception()) is not None:
            log.warning("A queue step in the background failed: %s", exc)

    def _schedule_announce(self, group: str) -> None:
        if group in self._announce_timers:
            return
        loop = asyncio.get_running_loop()
        wait = self._announced.get(group, 0.0) + ESTIMATION_DELAY - loop.time()
        if wait <= 0:
            self._announce(group)
        else:
            self._announce_timers[group] = loop.call_later(wait, self._announce, group)

    def _announce(self, group: str) -> None:
        """Tell every job still waiting in the group its new rank (from a timer: the
        messages go out from a task of their own)."""
        self._announce_timers.pop(group, None)
        self._announced[group] = asyncio.get_running_loop().time()
        self._spawn(self._publish_ranks(group))

    async def _publish_ranks(self, group: str) -> None:
        raw = await self._run(self._waiting, group)
        size = len(raw)
        for rank, text in enumerate(raw):
            record = JobRecord.from_json(text)
            await self._streams.publish(record.channel, self._estimation(record, rank, size))

    def _let_go(self, records: list[JobRecord]) -> str | None:
        """Forget that this process holds the batch of ``records``; its claim id, if held."""
        cid = self._claim_of.get(records[0].event_id)
        if cid is not None:
            self._held.pop(cid, None)
            for record in records:
                self._claim_of.pop(record.event_id, None)
                self._stopping.discard(record.event_id)
        return cid

    async def finish(self, records: list[JobRecord]) -> list[JobRecord]:
        cid = self._let_go(records)
        if cid is None:
            return []
        ids = [record.event_id for record in records]
        # Shielded: a worker cancelled again while it finishes must still free the slot.
        call = self._run(self._finish, cid, *ids)
        live = {_text(event_id) for event_id in await asyncio.shield(call)}
        return [record for record in records if record.event_id in live]

    async def abandon(self, records: list[JobRecord]) -> list[JobRecord]:
        cid = self._let_go(records)
        if cid is not None:
            await self._tell_dropped(await self._run(self._drop, "lost", self._now(), cid))
        return []

    async def cancel(self, event_id: str) -> bool:
        code, *channel = await self._run(self._cancel, event_id)
        if code == 0:
            return False
        if code == 1:
            await self._streams.publish(_text(channel[0]), cancelled(event_id))
        else:
            # Running here: stop it now, without the round trip through the channel.
            self._announce_stop(event_id)
        return True

    async def cancellations(self) -> AsyncIterator[str]:
        # Only jobs this process claimed are announced here, and claiming starts the
        # subscription that hears their cancellations.
        while True:
            yield await self._cancelled.get()

    async def find(self, event_id: str) -> JobRecord | None:
        text = await self.client.hget(self._key("job", event_id), "record")
        return None if text is None else JobRecord.from_json(text)

    async def pending(self, session_hash: str) -> int:
        count: int = await self.client.scard(self._key("s", session_hash))
        return count

    async def session_jobs(self, session_hash: str) -> list[str]:
        ids = await self.client.smembers(self._key("s", session_hash))
        return [_text(event_id) for event_id in ids]

    async def size(self) -> int:
        count: int = await self.client.scard(self._key("jobs"))
        return count

    async def renew(self) -> None:
        """Extend the leases of the claims this process holds (the background task calls
        it); jobs whose claim was taken back meanwhile, or that were cancelled, come out
        of ``cancellations``."""
        if not self._held:
            return
        lost, stopped = await self._run(self._renew, self._now(), self.lease_seconds, *self._held)
        for cid in map(_text, lost):
            ids = self._held.pop(cid, [])
            log.warning("The queue took back jobs %s: their lease ran out", ", ".join(ids))
            for event_id in ids:
                self._announce_stop(event_id)
        for event_id in stopped:
            self._announce_stop(_text(event_id))

    async def reap(self) -> None:
        """Take back the claims whose lease ran out (their process is gone): each job waits
        again while its retries last, else its stream gets a ``worker_lost`` error. Any
        process may call it, any number of times."""
        await self._tell_dropped(await self._run(self._drop, "expired", self._now()))

    async def _tell_dropped(self, dropped: list[list[Any]]) -> None:
        """Tell the streams of jobs whose claim was dropped what became of them."""
        for raw_id, raw_channel, raw_what, group in dropped:
            event_id, channel, what = _text(raw_id), _text(raw_channel), _text(raw_what)
            if what == "again":
                # Its client hears that it waits again (and where) with the others.
                if not self._closed:
                    self._schedule_announce(_text(group))
            elif what == "cancelled":
                await self._streams.publish(channel, cancelled(event_id))
            else:
                log.warning("Job %s ended: the process running it was lost", event_id)
                await self._streams.publish(channel, worker_lost(event_id))

    async def close(self) -> None:
        """Stop claiming and the background tasks. Claims still held are handled as lost
        (run again elsewhere while retries last, else ended with ``worker_lost``); jobs
        waiting stay for the app's other processes. The Redis client stays open."""
        if self._closed:
            return
        self._closed = True
        for timer in self._announce_timers.values():
            timer.cancel()
        self._announce_timers.clear()
        for task in self._tasks:
            task.cancel()
        # Announcements and claims given back finish: a claim given back must reach Redis.
        await asyncio.gather(*self._tasks, *self._background, return_exceptions=True)
        if self._held:
            held = list(self._held)
            self._held.clear()
            await self._tell_dropped(await self._run(self._drop, "lost", self._now(), *held))
        if self._pubsub is not None:
            await self._pubsub.aclose()
