// regex.*: PCRE2 (8-bit, UTF) with explicit limits. Lua patterns cannot express alternation or named groups,
// and an unbounded backtracking engine lets `(a+)+$` over a few dozen characters run for hours. PCRE2's match
// limit (backtracking steps), depth limit and heap limit bound every match, and hitting one is a clear error.

#include "LuaTextLibs.hpp"

#include "LuaSandbox.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <lauxlib.h>
#include <lua.h>

#include <QList>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

namespace taskloom::scripts {

namespace {

constexpr uint32_t matchLimit = 1'000'000; // backtracking steps per match attempt: well under a second
constexpr uint32_t depthLimit = 10'000;
constexpr uint32_t heapLimitKiB = 16 * 1024;
constexpr std::size_t maxPatternLength = 10'000;
constexpr int maxCachedPatterns = 64;
constexpr const char* codeMeta = "taskloom.regex";
const char cacheKey = 0;

struct Pattern {
    pcre2_code* code = nullptr;
};

int collectPattern(lua_State* L)
{
    auto* p = static_cast<Pattern*>(luaL_checkudata(L, 1, codeMeta));
    pcre2_code_free(p->code);
    p->code = nullptr;
    return 0;
}

uint32_t parseFlags(lua_State* L, int arg)
{
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    const char* flags = luaL_optstring(L, arg, "");
    for (const char* f = flags; *f; ++f) {
        switch (*f) {
        case 'i': options |= PCRE2_CASELESS; break;
        case 'm': options |= PCRE2_MULTILINE; break;
        case 's': options |= PCRE2_DOTALL; break;
        case 'x': options |= PCRE2_EXTENDED; break;
        default: luaL_error(L, "regex: unknown flag '%c' (i, m, s, x)", *f);
        }
    }
    return options;
}

// The compiled pattern for (pattern, flags), from the state's cache when it was used before.
pcre2_code* compiled(lua_State* L, int patternArg, int flagsArg)
{
    std::size_t len = 0;
    const char* pattern = luaL_checklstring(L, patternArg, &len);
    if (len > maxPatternLength)
        luaL_error(L, "regex: the pattern is longer than %d characters", int(maxPatternLength));
    const uint32_t options = parseFlags(L, flagsArg);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &cacheKey);
    const int cache = lua_gettop(L);
    lua_pushfstring(L, "%d/", int(options));
    lua_pushvalue(L, patternArg);
    lua_concat(L, 2);
    const int key = lua_gettop(L);
    if (lua_rawget(L, cache) == LUA_TUSERDATA) {
        pcre2_code* code = static_cast<Pattern*>(lua_touserdata(L, -1))->code;
        lua_settop(L, cache - 1);
        return code;
    }
    lua_pop(L, 1);
    // The userdata first: it owns the code from the moment it exists, whatever raises later.
    auto* p = static_cast<Pattern*>(lua_newuserdatauv(L, sizeof(Pattern), 0));
    p->code = nullptr;
    luaL_setmetatable(L, codeMeta);
    int error = 0;
    PCRE2_SIZE offset = 0;
    p->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern), len, options, &error, &offset, nullptr);
    if (!p->code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        luaL_error(L, "regex: invalid pattern at offset %d: %s", int(offset), reinterpret_cast<const char*>(message));
    }
    pcre2_code* code = p->code;
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); // falls back to the interpreter when JIT is unavailable
    // A small cache: a script that builds a fresh pattern per item must not grow it without bound.
    lua_getfield(L, cache, "n");
    lua_Integer n = lua_tointeger(L, -1) + 1;
    lua_pop(L, 1);
    if (n > maxCachedPatterns) {
        lua_newtable(L);
        lua_replace(L, cache);
        lua_pushvalue(L, cache);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &cacheKey);
        n = 1;
    }
    lua_pushinteger(L, n);
    lua_setfield(L, cache, "n");
    lua_pushvalue(L, key);
    lua_pushvalue(L, -2);
    lua_rawset(L, cache);
    lua_settop(L, cache - 1);
    return code;
}

struct Matcher {
    pcre2_code* code;
    std::string_view subject;
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data{nullptr, &pcre2_match_data_free};
    std::unique_ptr<pcre2_match_context, decltype(&pcre2_match_context_free)> context{nullptr, &pcre2_match_context_free};

    Matcher(lua_State* L, pcre2_code* c, std::string_view s) : code(c), subject(s)
    {
        data.reset(pcre2_match_data_create_from_pattern(code, nullptr));
        context.reset(pcre2_match_context_create(nullptr));
        if (!data || !context)
            luaL_error(L, "regex: out of memory");
        pcre2_set_match_limit(context.get(), matchLimit);
        pcre2_set_depth_limit(context.get(), depthLimit);
        pcre2_set_heap_limit(context.get(), heapLimitKiB);
    }

    // Whether the pattern matches at or after `start`; raises on a limit or another matching error.
    bool find(lua_State* L, std::size_t start, uint32_t options = 0)
    {
        LuaSandbox::charge(L, qint64(subject.size() - start) >> 6);
        const int rc = pcre2_match(code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start, options,
                                   data.get(), context.get());
        if (rc >= 0)
            return true;
        if (rc == PCRE2_ERROR_NOMATCH)
            return false;
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
            || rc == PCRE2_ERROR_JIT_STACKLIMIT) {
            luaL_error(L, "regex: the pattern backtracks too much on this text (match limit reached); avoid nested "
                          "repetition such as (a+)+ or (.*)*");
        }
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(rc, message, sizeof message);
        luaL_error(L, "regex: %s", reinterpret_cast<const char*>(message));
        return false;
    }

    PCRE2_SIZE* ovector() const { return pcre2_get_ovector_pointer(data.get()); }
    uint32_t groups() const { return pcre2_get_ovector_count(data.get()); }

    void pushGroup(lua_State* L, uint32_t i) const
    {
        const PCRE2_SIZE* ov = ovector();
        if (ov[2 * i] == PCRE2_UNSET)
            lua_pushnil(L);
        else
            lua_pushlstring(L, subject.data() + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
    }

    // {match = whole, start = i, finish = j, [1..n] = groups, named = {name = group}}; positions are 1-based bytes.
    void pushMatch(lua_State* L) const
    {
        const PCRE2_SIZE* ov = ovector();
        lua_createtable(L, int(groups()), 4);
        pushGroup(L, 0);
        lua_setfield(L, -2, "match");
        lua_pushinteger(L, lua_Integer(ov[0]) + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, lua_Integer(ov[1]));
        lua_setfield(L, -2, "finish");
        for (uint32_t i = 1; i < groups(); ++i) {
            pushGroup(L, i);
            lua_rawseti(L, -2, i);
        }
        lua_newtable(L); // named: name -> text
        lua_newtable(L); // names: in the pattern's order (Lua tables keep none)
        uint32_t count = 0;
        uint32_t entrySize = 0;
        PCRE2_SPTR table = nullptr;
        pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
        pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entrySize);
        pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
        // The name table is sorted by name; the group numbers give the pattern's order.
        QList<std::pair<uint32_t, const char*>> names;
        for (uint32_t n = 0; n < count; ++n) {
            PCRE2_SPTR entry = table + n * entrySize;
            names.append({(uint32_t(entry[0]) << 8) | entry[1], reinterpret_cast<const char*>(entry + 2)});
        }
        std::sort(names.begin(), names.end());
        lua_Integer position = 0;
        for (const auto& [group, name] : names) {
            pushGroup(L, group);
            lua_setfield(L, -3, name);
            lua_pushstring(L, name);
            lua_rawseti(L, -2, ++position);
        }
        lua_setfield(L, -3, "names");
        lua_setfield(L, -2, "named");
    }

    // Where to search next after the current match: past an empty match by one character, not one byte.
    std::size_t next() const
    {
        const PCRE2_SIZE* ov = ovector();
        std::size_t at = ov[1];
        if (ov[1] == ov[0]) {
            ++at;
            while (at < subject.size() && (static_cast<unsigned char>(subject[at]) & 0xC0) == 0x80)
                ++at;
        }
        return at;
    }
};

std::string_view checkSubject(lua_State* L, int arg)
{
    std::size_t len = 0;
    const char* s = luaL_checklstring(L, arg, &len);
    return {s, len};
}

int regexTest(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    Matcher m(L, compiled(L, 2, 3), s);
    lua_pushboolean(L, m.find(L, 0));
    return 1;
}

int regexMatch(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    Matcher m(L, compiled(L, 2, 3), s);
    if (!m.find(L, 0)) {
        lua_pushnil(L);
        return 1;
    }
    m.pushMatch(L);
    return 1;
}

int regexMatchAll(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    Matcher m(L, compiled(L, 2, 3), s);
    lua_newtable(L);
    lua_Integer n = 0;
    for (std::size_t at = 0; at <= s.size() && m.find(L, at); at = m.next()) {
        m.pushMatch(L);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

// Expands $0..$99, ${name} and $$ in a replacement template.
void appendTemplate(lua_State* L, luaL_Buffer& b, const Matcher& m, std::string_view tpl)
{
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] != '$' || i + 1 == tpl.size()) {
            luaL_addchar(&b, tpl[i]);
            continue;
        }
        const char c = tpl[i + 1];
        int group = -1;
        if (c == '$') {
            luaL_addchar(&b, '$');
            ++i;
            continue;
        }
        if (c >= '0' && c <= '9') {
            group = c - '0';
            ++i;
            if (i + 1 < tpl.size() && tpl[i + 1] >= '0' && tpl[i + 1] <= '9' && group * 10 + (tpl[i + 1] - '0') < int(m.groups())) {
                group = group * 10 + (tpl[i + 1] - '0');
                ++i;
            }
        } else if (c == '{') {
            const std::size_t close = tpl.find('}', i + 2);
            if (close == std::string_view::npos)
                luaL_error(L, "regex.replace: unclosed ${ in the replacement");
            const std::string name(tpl.substr(i + 2, close - i - 2));
            group = pcre2_substring_number_from_name(m.code, reinterpret_cast<PCRE2_SPTR>(name.c_str()));
            if (group < 0)
                luaL_error(L, "regex.replace: the pattern has no group named \"%s\"", name.c_str());
            i = close;
        } else {
            luaL_addchar(&b, '$');
            continue;
        }
        if (group >= int(m.groups()))
            luaL_error(L, "regex.replace: the pattern has no group %d", group);
        const PCRE2_SIZE* ov = m.ovector();
        if (ov[2 * group] != PCRE2_UNSET)
            luaL_addlstring(&b, m.subject.data() + ov[2 * group], ov[2 * group + 1] - ov[2 * group]);
    }
}

// regex.replace(s, pattern, replacement [, flags [, limit]]): replacement is a template ($1, ${name}, $$) or a
// function(match) returning the text (nil or false keeps the match). Returns the text and the count.
int regexReplace(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    Matcher m(L, compiled(L, 2, 4), s);
    const bool isFunction = lua_type(L, 3) == LUA_TFUNCTION;
    std::string_view tpl;
    if (!isFunction)
        tpl = checkSubject(L, 3);
    const lua_Integer limit = luaL_optinteger(L, 5, -1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    std::size_t copied = 0;
    lua_Integer count = 0;
    for (std::size_t at = 0; at <= s.size() && (limit < 0 || count < limit) && m.find(L, at); at = m.next()) {
        const PCRE2_SIZE* ov = m.ovector();
        luaL_addlstring(&b, s.data() + copied, ov[0] - copied);
        if (isFunction) {
            lua_pushvalue(L, 3);
            m.pushMatch(L);
            lua_call(L, 1, 1);
            if (lua_toboolean(L, -1)) {
                if (!lua_isstring(L, -1))
                    luaL_error(L, "regex.replace: the function returned a %s, not text", luaL_typename(L, -1));
                luaL_addvalue(&b);
            } else {
                lua_pop(L, 1);
                luaL_addlstring(&b, s.data() + ov[0], ov[1] - ov[0]);
            }
        } else {
            appendTemplate(L, b, m, tpl);
        }
        copied = ov[1];
        ++count;
    }
    luaL_addlstring(&b, s.data() + copied, s.size() - copied);
    luaL_pushresult(&b);
    lua_pushinteger(L, count);
    return 2;
}

int regexSplit(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    Matcher m(L, compiled(L, 2, 3), s);
    lua_newtable(L);
    lua_Integer n = 0;
    std::size_t copied = 0;
    for (std::size_t at = 0; at <= s.size() && m.find(L, at); at = m.next()) {
        const PCRE2_SIZE* ov = m.ovector();
        if (ov[1] == 0 || (ov[0] == ov[1] && ov[0] >= s.size()))
            continue; // an empty match at either end does not split
        lua_pushlstring(L, s.data() + copied, ov[0] - copied);
        lua_rawseti(L, -2, ++n);
        copied = ov[1];
    }
    lua_pushlstring(L, s.data() + copied, s.size() - copied);
    lua_rawseti(L, -2, ++n);
    return 1;
}

int regexEscape(lua_State* L)
{
    const std::string_view s = checkSubject(L, 1);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (const char c : s) {
        if (std::string_view("\\^$.|?*+()[]{}-/#").find(c) != std::string_view::npos)
            luaL_addchar(&b, '\\');
        luaL_addchar(&b, c);
    }
    luaL_pushresult(&b);
    return 1;
}

} // namespace

void installRegex(lua_State* L)
{
    luaL_newmetatable(L, codeMeta);
    lua_pushcfunction(L, &collectPattern);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &cacheKey);
    static const luaL_Reg regex[] = {{"test", &regexTest},       {"match", &regexMatch}, {"matchAll", &regexMatchAll},
                                     {"replace", &regexReplace}, {"split", &regexSplit}, {"escape", &regexEscape},
                                     {nullptr, nullptr}};
    lua_newtable(L);
    luaL_setfuncs(L, regex, 0);
    lua_setglobal(L, "regex");
}

} // namespace taskloom::scripts
