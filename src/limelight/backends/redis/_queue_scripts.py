"""The Lua scripts behind ``RedisQueue``: each step that reads and changes the queue runs as
one script, so Redis applies it atomically however many processes share the queue.

Every script takes the key prefix as ``KEYS[1]`` and builds its keys from it (the layout is
described in ``limelight.backends.redis.queue``). A ``now`` argument is a time in seconds,
or "" for Redis's own clock (``TIME``), so that hosts need not agree on the time.
"""

from __future__ import annotations

__all__ = [
    "ANNOUNCE",
    "CANCEL",
    "CLAIM",
    "DROP_CLAIMS",
    "FINISH",
    "PUT",
    "RENEW",
]

_COMMON = """
local P = KEYS[1]
local function key(...) return P .. ':' .. table.concat({...}, ':') end

local function now_of(arg)
  if arg ~= '' then return tonumber(arg) end
  local t = redis.call('TIME')
  return tonumber(t[1]) + tonumber(t[2]) / 1000000
end

-- Whether the group's first waiting job may start (the first job's limit is the group's).
local function ready(group)
  local first = redis.call('LINDEX', key('w', group), 0)
  if not first then return false end
  local limit = redis.call('HGET', key('job', first), 'limit')
  if not limit or limit == '' then return true end
  return redis.call('SCARD', key('r', group)) < tonumber(limit)
end

-- Put a group that may start a job in line (behind the groups ready before it) and wake
-- the processes waiting to claim.
local function mark_ready(group)
  if redis.call('ZSCORE', key('ready'), group) == false and ready(group) then
    redis.call('ZADD', key('ready'), redis.call('INCR', key('seq')), group)
    redis.call('PUBLISH', key('wake'), group)
  end
end

local function forget(id)
  local session = redis.call('HGET', key('job', id), 'session')
  redis.call('DEL', key('job', id))
  redis.call('SREM', key('jobs'), id)
  if session then redis.call('SREM', key('s', session), id) end
end

local function words(text)
  local out = {}
  for word in string.gmatch(text or '', '%S+') do out[#out + 1] = word end
  return out
end
"""

PUT = (
    _COMMON
    + """
-- ARGV: id, record, group, session, channel, batch, max batch size, limit, retries, max size
local id, group = ARGV[1], ARGV[3]
if ARGV[10] ~= '' and tonumber(redis.call('GET', key('nwait')) or '0') >= tonumber(ARGV[10]) then
  return -1
end
redis.call('HSET', key('job', id), 'record', ARGV[2], 'group', group, 'session', ARGV[4],
  'channel', ARGV[5], 'batch', ARGV[6], 'maxb', ARGV[7], 'limit', ARGV[8],
  'retries', ARGV[9], 'attempts', 0, 'state', 'w')
redis.call('SADD', key('jobs'), id)
redis.call('SADD', key('s', ARGV[4]), id)
local waiting = redis.call('RPUSH', key('w', group), id)
redis.call('INCR', key('nwait'))
-- Jobs ahead of this one that take a free slot start as soon as a worker claims them: they
-- are not ahead in the line.
local limit = redis.call('HGET', key('job', redis.call('LINDEX', key('w', group), 0)), 'limit')
local free = waiting
if limit ~= '' then free = math.max(0, tonumber(limit) - redis.call('SCARD', key('r', group))) end
mark_ready(group)
return math.max(0, waiting - 1 - free)
"""
)

CLAIM = (
    _COMMON
    + """
-- ARGV: claim id, owner, now, lease seconds.
-- Returns {records, group, jobs still waiting in the group} or {} when no group may start.
local cid = ARGV[1]
while true do
  local top = redis.call('ZRANGE', key('ready'), 0, 0)
  if #top == 0 then return {} end
  local group = top[1]
  redis.call('ZREM', key('ready'), group)
  if ready(group) then
    local wkey = key('w', group)
    local first = redis.call('LPOP', wkey)
    local ids = {first}
    local batch = redis.call('HGET', key('job', first), 'batch')
    local most = tonumber(redis.call('HGET', key('job', first), 'maxb'))
    if batch ~= '' and most > 1 then
      for _, id in ipairs(redis.call('LRANGE', wkey, 0, -1)) do
        if #ids >= most then break end
        if redis.call('HGET', key('job', id), 'batch') == batch then
          redis.call('LREM', wkey, 1, id)
          ids[#ids + 1] = id
        end
      end
    end
    redis.call('DECRBY', key('nwait'), #ids)
    redis.call('SADD', key('r', group), cid)
    redis.call('HSET', key('c', cid), 'group', group, 'owner', ARGV[2],
      'ids', table.concat(ids, ' '))
    redis.call('ZADD', key('leases'), now_of(ARGV[3]) + tonumber(ARGV[4]), cid)
    local records = {}
    for _, id in ipairs(ids) do
      redis.call('HSET', key('job', id), 'state', 'r', 'claim', cid)
      records[#records + 1] = redis.call('HGET', key('job', id), 'record')
    end
    mark_ready(group)
    return {records, group, redis.call('LLEN', wkey)}
  end
end
"""
)

FINISH = (
    _COMMON
    + """
-- ARGV: claim id, the event ids of its batch. Returns the ids still live (not cancelled out
-- of the batch, not taken back by a reaper), now forgotten.
local cid = ARGV[1]
local group = redis.call('HGET', key('c', cid), 'group')
if group then
  redis.call('SREM', key('r', group), cid)
  redis.call('DEL', key('c', cid))
  redis.call('ZREM', key('leases'), cid)
end
local live = {}
for i = 2, #ARGV do
  local job = key('job', ARGV[i])
  if redis.call('HGET', job, 'claim') == cid and redis.call('HGET', job, 'state') == 'r' then
    live[#live + 1] = ARGV[i]
    forget(ARGV[i])
  end
end
if group then mark_ready(group) end
return live
"""
)

CANCEL = (
    _COMMON
    + """
-- ARGV: event id. Returns {0} (no such job), {1, channel} (dropped: tell its stream) or
-- {2, channel} (running alone in its batch: its process was told to stop it).
local id = ARGV[1]
local job = key('job', id)
local state = redis.call('HGET', job, 'state')
if not state then return {0} end
local channel = redis.call('HGET', job, 'channel')
if state == 'w' then
  local group = redis.call('HGET', job, 'group')
  redis.call('LREM', key('w', group), 1, id)
  redis.call('DECR', key('nwait'))
  forget(id)
  if redis.call('LLEN', key('w', group)) == 0 then redis.call('ZREM', key('ready'), group) end
  mark_ready(group)
  return {1, channel}
end
local cid = redis.call('HGET', job, 'claim') or ''
local batch = words(redis.call('HGET', key('c', cid), 'ids'))
if #batch <= 1 then
  redis.call('HSET', job, 'cancelled', '1')
  redis.call('PUBLISH', key('cancel'), id)
  return {2, channel}
end
forget(id)
return {1, channel}
"""
)

RENEW = (
    _COMMON
    + """
-- ARGV: now, lease seconds, claim ids. Extends the leases still held; returns {claims lost
-- (reaped meanwhile), event ids cancelled while running}.
local expiry = now_of(ARGV[1]) + tonumber(ARGV[2])
local lost, cancelled = {}, {}
for i = 3, #ARGV do
  local cid = ARGV[i]
  if redis.call('ZSCORE', key('leases'), cid) then
    redis.call('ZADD', key('leases'), 'XX', expiry, cid)
    for _, id in ipairs(words(redis.call('HGET', key('c', cid), 'ids'))) do
      if redis.call('HGET', key('job', id), 'cancelled') == '1' then
        cancelled[#cancelled + 1] = id
      end
    end
  else
    lost[#lost + 1] = cid
  end
end
return {lost, cancelled}
"""
)

DROP_CLAIMS = (
    _COMMON
    + """
-- ARGV: mode, now, claim ids. Mode "expired": the claims whose lease ran out by now (the
-- ids are ignored); "lost": the given claims, as if their leases had run out; "release":
-- the given claims were never started, so their jobs wait again without using a retry.
-- A lost job waits again at the head of its group while its retries last; otherwise it is
-- forgotten. Returns {event id, channel, what happened, group} for each job: "again" (it
-- waits again), "lost" or "cancelled" (forgotten).
local mode = ARGV[1]
local cids = {}
if mode == 'expired' then
  cids = redis.call('ZRANGEBYSCORE', key('leases'), '-inf', now_of(ARGV[2]), 'LIMIT', 0, 100)
else
  for i = 3, #ARGV do cids[#cids + 1] = ARGV[i] end
end
local ended = {}
for _, cid in ipairs(cids) do
  local group = redis.call('HGET', key('c', cid), 'group')
  if group then
    local ids = words(redis.call('HGET', key('c', cid), 'ids'))
    redis.call('ZREM', key('leases'), cid)
    redis.call('SREM', key('r', group), cid)
    redis.call('DEL', key('c', cid))
    -- From the last to the first, so that pushing each to the head keeps their order.
    for i = #ids, 1, -1 do
      local id = ids[i]
      local job = key('job', id)
      if redis.call('HGET', job, 'claim') == cid and redis.call('HGET', job, 'state') == 'r' then
        local channel = redis.call('HGET', job, 'channel')
        local cancelled = redis.call('HGET', job, 'cancelled') == '1'
        local again = false
        if not cancelled then
          again = mode == 'release' or redis.call('HINCRBY', job, 'attempts', 1)
            <= tonumber(redis.call('HGET', job, 'retries'))
        end
        if again then
          redis.call('HSET', job, 'state', 'w')
          redis.call('HDEL', job, 'claim')
          redis.call('LPUSH', key('w', group), id)
          redis.call('INCR', key('nwait'))
          ended[#ended + 1] = {id, channel, 'again', group}
        else
          local why = 'lost'
          if cancelled then why = 'cancelled' end
          forget(id)
          ended[#ended + 1] = {id, channel, why, group}
        end
      end
    end
    mark_ready(group)
  end
end
return ended
"""
)

ANNOUNCE = (
    _COMMON
    + """
-- ARGV: group. The records of the jobs waiting in the group, in order.
local records = {}
for _, id in ipairs(redis.call('LRANGE', key('w', ARGV[1]), 0, -1)) do
  records[#records + 1] = redis.call('HGET', key('job', id), 'record')
end
return records
"""
)
