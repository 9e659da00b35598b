-- list: small helpers for lists of items and values. Usage: local list = require("list")
-- Every function takes a list (a table or an item list) and returns a new table; the input is not changed.
local list = {}

function list.map(values, fn)
  local out = json.array()
  for i, v in ipairs(values) do out[#out + 1] = fn(v, i) end
  return out
end

function list.filter(values, keep)
  local out = json.array()
  for i, v in ipairs(values) do
    if keep(v, i) then out[#out + 1] = v end
  end
  return out
end

function list.reduce(values, fn, initial)
  local acc = initial
  for i, v in ipairs(values) do acc = fn(acc, v, i) end
  return acc
end

function list.find(values, match)
  for i, v in ipairs(values) do
    if match(v, i) then return v, i end
  end
  return nil
end

-- Sum of a field (or of the values themselves when field is nil); nil and non-numbers count as 0.
function list.sum(values, field)
  local total = 0
  for _, v in ipairs(values) do
    local x = v
    if field ~= nil then x = v[field] end
    if type(x) == "number" then total = total + x end
  end
  return total
end

-- Groups values by a field or a function; returns { key = {values...} } with keys in first-seen order kept
-- in `order` (the second result), since Lua tables do not keep order.
function list.groupBy(values, key)
  local groups, order = {}, json.array()
  for _, v in ipairs(values) do
    local k
    if type(key) == "function" then k = key(v) else k = v[key] end
    k = tostring(k)
    if groups[k] == nil then
      groups[k] = json.array()
      order[#order + 1] = k
    end
    local g = groups[k]
    g[#g + 1] = v
  end
  return groups, order
end

-- Values without repeats (compared by a field, a function, or the values themselves).
function list.unique(values, key)
  local seen, out = {}, json.array()
  for _, v in ipairs(values) do
    local k = v
    if type(key) == "function" then k = key(v) elseif key ~= nil then k = v[key] end
    if type(k) == "table" then k = json.encode(k) end
    if not seen[k] then
      seen[k] = true
      out[#out + 1] = v
    end
  end
  return out
end

-- Splits values into lists of at most `size` elements.
function list.chunk(values, size)
  assert(type(size) == "number" and size >= 1, "list.chunk: size must be at least 1")
  local out, current = json.array(), json.array()
  for _, v in ipairs(values) do
    current[#current + 1] = v
    if #current == size then
      out[#out + 1] = current
      current = json.array()
    end
  end
  if #current > 0 then out[#out + 1] = current end
  return out
end

return list
