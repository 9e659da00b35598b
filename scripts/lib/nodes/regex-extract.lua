-- Extract with a regular expression: a bundled Lua node type (see docs/scripting.md, "Lua node types").
-- Named groups become fields: (?<year>\d{4})-(?<month>\d\d) sets item.year and item.month.
return {
  type = "text.regexExtract",
  title = "Extract with Regex",
  category = "Transform",
  description = "Matches a regular expression against a text field and writes its named groups "
    .. "(or the whole match) into fields. Items without a match pass through unchanged or are dropped.",
  aliases = { "regex", "extract", "parse", "pattern" },
  params = {
    { name = "field", type = "string", title = "Text field", required = true,
      description = "The field holding the text, e.g. subject" },
    { name = "pattern", type = "string", title = "Pattern", required = true,
      description = "A PCRE pattern; named groups (?<name>...) become fields" },
    { name = "flags", type = "string", title = "Flags", default = "",
      description = "i: ignore case, m: multi-line, s: dot matches newlines, x: extended" },
    { name = "target", type = "string", title = "Field for the whole match", default = "",
      description = "Where to put the whole match when the pattern has no named groups" },
    { name = "all", type = "boolean", title = "All matches", default = false,
      description = "Collect every match into a list (in the target field) instead of the first" },
    { name = "noMatch", type = "options", title = "Without a match", default = "keep",
      options = {
        { value = "keep", title = "Pass the item on unchanged" },
        { value = "drop", title = "Drop the item" },
        { value = "fail", title = "Fail the node" },
      } },
  },

  execute = function(ctx, items)
    local p = ctx.params
    local out = json.array()
    for i, item in ipairs(items) do
      local text = item[p.field]
      if text == nil then text = "" end
      text = tostring(text)
      if p.all then
        local found = regex.matchAll(text, p.pattern, p.flags)
        if #found == 0 and p.noMatch ~= "keep" then
          if p.noMatch == "fail" then error(("no match in field %q of item %d"):format(p.field, i)) end
        else
          local list = json.array()
          for _, m in ipairs(found) do list[#list + 1] = m.match end
          item[p.target ~= "" and p.target or p.field .. "Matches"] = list
          out[#out + 1] = item
        end
      else
        local m = regex.match(text, p.pattern, p.flags)
        if m then
          for _, name in ipairs(m.names) do item[name] = m.named[name] end
          if #m.names == 0 or p.target ~= "" then
            item[p.target ~= "" and p.target or p.field .. "Match"] = m.match
          end
          out[#out + 1] = item
        elseif p.noMatch == "keep" then
          out[#out + 1] = item
        elseif p.noMatch == "fail" then
          error(("no match in field %q of item %d"):format(p.field, i))
        end
      end
    end
    return out
  end,
}
