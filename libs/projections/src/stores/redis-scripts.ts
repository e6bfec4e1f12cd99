/**
 * Lua scripts of RedisReadModelStore. A script runs atomically in Redis, so
 * each check-then-write below cannot interleave with another client.
 *
 * Positions are decimal strings that may exceed 2^53, beyond what Lua numbers
 * hold exactly: they are compared by length, then byte by byte. Arguments are
 * spread in chunks of CHUNK because Lua's unpack overflows its C stack near
 * 8,000 values.
 */
const CHUNK = 1000;

/**
 * KEYS: docs, checkpoint, sequence, changes, lease, dead letters.
 * ARGV: token, position, updatedAt, #puts, #deletes, #resolved,
 *       then id/JSON pairs, deleted ids, resolved dead-letter event ids.
 * Returns {'ok', sequence} | {'fenced'} | {'stale', stored position}.
 */
export const COMMIT = `
local function above(a, b)
  if #a ~= #b then return #a > #b end
  for i = 1, #a do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x > y end
  end
  return false
end
local token = ARGV[1]
local lease = redis.call('GET', KEYS[5])
if not lease or string.sub(lease, 1, #token + 1) ~= token .. ' ' then return {'fenced'} end
local stored = redis.call('HGET', KEYS[2], 'position') or '0'
local position = ARGV[2]
local puts, deletes, resolved = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local firstDelete = 7 + 2 * puts
local firstResolved = firstDelete + deletes
local last = firstResolved + resolved - 1
if not (above(position, stored) or (resolved > 0 and position == stored)) then
  return {'stale', stored}
end
for i = firstResolved, last do
  if redis.call('HEXISTS', KEYS[6], ARGV[i]) == 0 then return {'stale', stored} end
end
local sequence = redis.call('INCR', KEYS[3])
local function changed(from, to, stride)
  local scored = {}
  for i = from, to, stride do
    scored[#scored + 1] = sequence
    scored[#scored + 1] = ARGV[i]
  end
  redis.call('ZADD', KEYS[4], unpack(scored))
end
for from = 7, firstDelete - 1, 2 * ${CHUNK} do
  local to = math.min(from + 2 * ${CHUNK} - 1, firstDelete - 1)
  redis.call('HSET', KEYS[1], unpack(ARGV, from, to))
  changed(from, to, 2)
end
for from = firstDelete, firstResolved - 1, ${CHUNK} do
  local to = math.min(from + ${CHUNK} - 1, firstResolved - 1)
  redis.call('HDEL', KEYS[1], unpack(ARGV, from, to))
  changed(from, to, 1)
end
for from = firstResolved, last, ${CHUNK} do
  redis.call('HDEL', KEYS[6], unpack(ARGV, from, math.min(from + ${CHUNK} - 1, last)))
end
redis.call('HSET', KEYS[2], 'position', position, 'updatedAt', ARGV[3])
return {'ok', sequence}
`;

/**
 * KEYS: docs, checkpoint, sequence, changes. ARGV: since.
 * Returns {sequence, position|nil, updatedAt|nil, ids, values|nil...} from one snapshot.
 */
export const CHANGES_SINCE = `
local sequence = redis.call('GET', KEYS[3]) or '0'
local checkpoint = redis.call('HMGET', KEYS[2], 'position', 'updatedAt')
local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '(' .. ARGV[1], '+inf')
local values = {}
for from = 1, #ids, ${CHUNK} do
  local got = redis.call('HMGET', KEYS[1], unpack(ids, from, math.min(from + ${CHUNK} - 1, #ids)))
  for _, value in ipairs(got) do values[#values + 1] = value end
end
return {sequence, checkpoint[1], checkpoint[2], ids, values}
`;

/**
 * KEYS: lease, fence. ARGV: owner, ttlMs. The lease value is "token owner".
 * Another owner's live lease wins (nil); the same owner gets a new token, which
 * fences off an earlier incarnation of itself. A fence that starts over (a
 * Redis that came back empty) starts at the server clock in microseconds, so a
 * token issued before the loss is never issued again to another runner.
 */
export const ACQUIRE_LEASE = `
local lease = redis.call('GET', KEYS[1])
if lease then
  local space = string.find(lease, ' ', 1, true)
  if string.sub(lease, space + 1) ~= ARGV[1] then return false end
end
local issued = redis.call('INCR', KEYS[2])
if issued == 1 then
  local now = redis.call('TIME')
  issued = tonumber(now[1]) * 1000000 + tonumber(now[2])
  redis.call('SET', KEYS[2], string.format('%d', issued))
end
local token = string.format('%d', issued)
redis.call('SET', KEYS[1], token .. ' ' .. ARGV[1], 'PX', ARGV[2])
return token
`;

/** KEYS: lease. ARGV: "token owner", ttlMs. 1 if renewed. */
export const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/** KEYS: lease. ARGV: "token owner". */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
`;
