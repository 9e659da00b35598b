-- Mask Korean resident registration numbers (주민등록번호): a custom Lua node type.
-- Drop this file into your nodes folder (<data dir>/nodes, or --nodes-dir) and it shows up as "Mask Korean RRN".
--
-- An RRN is YYMMDD-GSSSSSC: birth date, a digit G for century and sex, five serial digits and a check digit
-- C = (11 - (sum of the first 12 digits weighted 2,3,4,5,6,7,8,9,2,3,4,5) mod 11) mod 10.
-- Numbers with a wrong check digit or an impossible birth date are not real RRNs: the node still masks them
-- (a typo'd number is still personal data) but flags them, and can route such items to the "invalid" output.

local weights = { 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5 }
local centuries = { ["1"] = 1900, ["2"] = 1900, ["3"] = 2000, ["4"] = 2000, ["5"] = 1900, ["6"] = 1900,
                    ["7"] = 2000, ["8"] = 2000, ["9"] = 1800, ["0"] = 1800 }
local pattern = [[(?<!\d)(\d{6})[- ]?(\d)(\d{5})(\d)(?!\d)]]

local function checkDigitOk(digits)
  local sum = 0
  for i = 1, 12 do sum = sum + tonumber(digits:sub(i, i)) * weights[i] end
  return (11 - sum % 11) % 10 == tonumber(digits:sub(13, 13))
end

-- "1990-01-15", or nil when the date does not exist.
local function birthDate(front, g)
  local year = centuries[g] + tonumber(front:sub(1, 2))
  local month, day = tonumber(front:sub(3, 4)), tonumber(front:sub(5, 6))
  if month < 1 or month > 12 or day < 1 then return nil end
  local iso = ("%04d-%02d-%02d"):format(year, month, day)
  -- date.parse rejects 02-30 and the like; pcall turns its error into "not a date".
  local ok = pcall(date.parse, iso)
  return ok and iso or nil
end

return {
  type = "example.rrnMask",
  title = "Mask Korean RRN",
  category = "Privacy",
  description = "Finds Korean resident registration numbers in text fields, checks their check digit and birth "
    .. "date, and masks them. Invalid numbers are masked too and can be routed to the second output.",
  aliases = { "주민등록번호", "resident registration number", "pii", "mask", "korea" },
  outputs = { "out", { name = "invalid", title = "Invalid numbers", description = "Items with a number that fails the check" } },
  params = {
    { name = "fields", type = "string", title = "Fields", default = "",
      description = "Comma-separated fields to scan; empty scans every text field" },
    { name = "style", type = "options", title = "Masking", default = "serial",
      options = {
        { value = "serial", title = "Keep the birth date: 900101-1******" },
        { value = "all", title = "Mask everything: ******-*******" },
      } },
    { name = "invalid", type = "options", title = "Invalid numbers", default = "flag",
      options = {
        { value = "flag", title = "Mask and flag them (rrnInvalid)" },
        { value = "route", title = "Send the item to the invalid output" },
      } },
    { name = "addBirthDate", type = "boolean", title = "Add birth date", default = false,
      description = "Adds rrnBirthDate (ISO date) from the first valid number" },
  },

  execute = function(ctx, items)
    local p = ctx.params
    local wanted = nil
    if p.fields ~= "" then
      wanted = {}
      for _, f in ipairs(regex.split(p.fields, [[\s*,\s*]])) do wanted[f] = true end
    end
    local out, invalid = json.array(), json.array()
    local masked = 0
    for _, item in ipairs(items) do
      local bad, born = 0, nil
      local changes = {}
      for field, value in pairs(item) do
        if type(value) == "string" and (wanted == nil or wanted[field]) then
          local text = regex.replace(value, pattern, function(m)
            local digits = m[1] .. m[2] .. m[3] .. m[4]
            local bd = birthDate(m[1], m[2])
            if not checkDigitOk(digits) or bd == nil then
              bad = bad + 1
            elseif born == nil then
              born = bd
            end
            masked = masked + 1
            if p.style == "all" then return "******-*******" end
            return m[1] .. "-" .. m[2] .. "******"
          end)
          if text ~= value then changes[field] = text end
        end
      end
      -- Write after the scan: changing an item while pairs() walks it is undefined in Lua.
      for field, text in pairs(changes) do item[field] = text end
      if p.addBirthDate and born then item.rrnBirthDate = born end
      if bad > 0 then
        item.rrnInvalid = bad
        if p.invalid == "route" then invalid[#invalid + 1] = item else out[#out + 1] = item end
      else
        out[#out + 1] = item
      end
    end
    ctx.log(("masked %d numbers in %d items"):format(masked, #items))
    return { out = out, invalid = invalid }
  end,
}
