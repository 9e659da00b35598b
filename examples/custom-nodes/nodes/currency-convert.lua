-- Convert money amounts between currencies with a rates table: a custom Lua node type.
-- The table below holds reference rates per 1 EUR (ECB, 2024-06-28); the "rates" parameter overrides or adds
-- rates, so a flow can bring today's rates (from an HTTP node, a file, a variable) without editing this file.

local referenceDate = "2024-06-28"
local perEuro = {
  EUR = 1, USD = 1.0705, JPY = 171.94, GBP = 0.84638, CHF = 0.9634, KRW = 1475.21,
  CNY = 7.7748, SEK = 11.3500, NOK = 11.3965, DKK = 7.4573, PLN = 4.3090, CAD = 1.4670,
}
-- ISO 4217 minor units where they are not 2.
local minorUnits = { JPY = 0, KRW = 0 }

local function round(x, digits)
  local f = 10 ^ digits
  local r = math.floor(math.abs(x) * f + 0.5 + 1e-9) / f
  if x < 0 then r = -r end
  if digits == 0 then return math.tointeger(r) or r end
  return r
end

return {
  type = "example.currencyConvert",
  title = "Convert Currency",
  category = "Transform",
  description = "Converts an amount field from the item's currency to a target currency with a rates table "
    .. "(reference rates built in, overridable). Items in an unknown currency go to the second output.",
  aliases = { "currency", "exchange rate", "fx", "money" },
  outputs = { "out", { name = "unknown", title = "Unknown currency" } },
  params = {
    { name = "amountField", type = "string", title = "Amount field", default = "amount" },
    { name = "currencyField", type = "string", title = "Currency field", default = "currency" },
    { name = "to", type = "options", title = "Convert to", default = "EUR",
      options = { "EUR", "USD", "JPY", "GBP", "CHF", "KRW", "CNY", "SEK", "NOK", "DKK", "PLN", "CAD" } },
    { name = "target", type = "string", title = "Result field", default = "converted" },
    { name = "rates", type = "json", title = "Rates per 1 EUR", default = {},
      description = "Overrides or adds rates, e.g. {\"USD\": 1.08, \"THB\": 39.5}" },
    { name = "decimals", type = "integer", title = "Decimals", default = -1, min = -1, max = 8,
      description = "-1: the target currency's minor unit (0 for JPY and KRW, else 2)" },
  },

  execute = function(ctx, items)
    local p = ctx.params
    local rates, custom = {}, false
    for code, rate in pairs(perEuro) do rates[code] = rate end
    for code, rate in pairs(p.rates) do
      custom = true
      if type(rate) ~= "number" or rate <= 0 then
        error(("parameter rates: %s = %s is not a positive number"):format(code, tostring(rate)))
      end
      rates[code:upper()] = rate
    end
    local to = p.to
    if rates[to] == nil then error(("no rate for the target currency %s"):format(to)) end
    local digits = p.decimals
    if digits < 0 then digits = minorUnits[to] or 2 end

    local out, unknown = json.array(), json.array()
    for i, item in ipairs(items) do
      local amount = tonumber(item[p.amountField])
      local from = item[p.currencyField]
      from = type(from) == "string" and str.trim(from):upper() or nil
      if amount == nil then
        error(("field %s is %s, not a number"):format(p.amountField, tostring(item[p.amountField])))
      end
      if from == nil or rates[from] == nil then
        item.error = ("unknown currency %s"):format(tostring(item[p.currencyField]))
        unknown[#unknown + 1] = item
      else
        local rate = rates[to] / rates[from]
        item[p.target] = round(amount * rate, digits)
        item[p.target .. "Currency"] = to
        item.rate = round(rate, 6)
        item.rateDate = custom and "custom" or referenceDate
        out[#out + 1] = item
      end
    end
    return { out = out, unknown = unknown }
  end,
}
