#include "LuaHelpers.hpp"

#include "LuaConvert.hpp"
#include "LuaSandbox.hpp"
#include "LuaTextLibs.hpp"

#include "engine/Json.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <optional>
#include <cstring>
#include <string_view>

namespace taskloom::scripts {

namespace {

// Linear host work per byte: one budget unit per 64 bytes, like allocations (see LuaSandbox).
constexpr int byteCostShift = 6;

std::string_view checkText(lua_State* L, int arg)
{
    std::size_t len = 0;
    const char* s = luaL_checklstring(L, arg, &len);
    return {s, len};
}

QString checkQString(lua_State* L, int arg)
{
    const std::string_view s = checkText(L, arg);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void pushText(lua_State* L, const QString& s)
{
    LuaConvert::pushString(L, s);
}

// ---- json ----

int jsonEncode(lua_State* L)
{
    luaL_checkany(L, 1);
    const bool pretty = lua_toboolean(L, 2);
    const engine::Value v = LuaConvert::toValue(L, 1);
    return LuaSandbox::guarded(L, [&] {
        engine::Json::WriteOptions options;
        options.indent = pretty;
        const QByteArray text = engine::Json::serialize(v, options);
        LuaSandbox::charge(L, text.size() >> byteCostShift);
        lua_pushlstring(L, text.constData(), std::size_t(text.size()));
        return 1;
    });
}

int jsonDecode(lua_State* L)
{
    const std::string_view text = checkText(L, 1);
    LuaSandbox::charge(L, qint64(text.size()) >> byteCostShift);
    auto parsed = engine::Json::parse(QByteArrayView(text.data(), qsizetype(text.size())));
    if (!parsed)
        return luaL_error(L, "json.decode: %s", parsed.error().toString().toUtf8().constData());
    LuaConvert::push(L, *parsed);
    return 1;
}

int jsonArray(lua_State* L)
{
    if (lua_isnoneornil(L, 1)) {
        lua_settop(L, 0);
        lua_newtable(L);
    } else {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_settop(L, 1);
        if (lua_getmetatable(L, 1) && !LuaConvert::isArrayMarked(L, 1))
            return luaL_error(L, "json.array: the table already has a metatable");
        lua_settop(L, 1);
    }
    LuaConvert::markArray(L, 1);
    return 1;
}

// ---- date ----

struct Moment {
    QDateTime dateTime;
    bool dateOnly = false;
};

Moment checkMoment(lua_State* L, int arg, const char* function)
{
    const QString text = checkQString(L, arg).trimmed();
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            return {QDateTime(date, QTime(0, 0)), true};
    }
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        luaL_error(L, "%s: \"%s\" is not an ISO-8601 date (like 2024-05-31 or 2024-05-31T14:30:00Z)", function,
                   text.toUtf8().constData());
    return {dt, false};
}

QString isoText(const QDateTime& dt)
{
    return dt.toString(dt.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

// Whether a Qt date format pattern has time fields (outside 'quoted' text).
bool hasTimeFields(const QString& pattern)
{
    bool quoted = false;
    for (const QChar c : pattern) {
        if (c == u'\'')
            quoted = !quoted;
        else if (!quoted && QStringView(u"hHmszaAt").contains(c))
            return true;
    }
    return false;
}

enum class Unit { Millisecond, Second, Minute, Hour, Day, Week, Month, Year };

Unit checkUnit(lua_State* L, int arg, const char* function)
{
    QString unit = QString::fromUtf8(luaL_optstring(L, arg, "seconds")).trimmed().toLower();
    if (unit.size() > 2 && unit.endsWith(u's'))
        unit.chop(1);
    static const std::pair<const char16_t*, Unit> units[] = {
        {u"millisecond", Unit::Millisecond}, {u"ms", Unit::Millisecond}, {u"second", Unit::Second},
        {u"minute", Unit::Minute},           {u"hour", Unit::Hour},     {u"day", Unit::Day},
        {u"week", Unit::Week},               {u"month", Unit::Month},   {u"year", Unit::Year},
    };
    for (const auto& [name, u] : units) {
        if (unit == QStringView(name))
            return u;
    }
    luaL_error(L, "%s: unknown unit \"%s\" (seconds, minutes, hours, days, weeks, months, years)", function,
               unit.toUtf8().constData());
    return Unit::Second;
}

qint64 unitMs(Unit unit)
{
    switch (unit) {
    case Unit::Millisecond: return 1;
    case Unit::Second: return 1000;
    case Unit::Minute: return 60'000;
    case Unit::Hour: return 3'600'000;
    case Unit::Day: return 86'400'000;
    case Unit::Week: return 7 * 86'400'000LL;
    default: return 0;
    }
}

int dateNow(lua_State* L)
{
    pushText(L, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return 1;
}

int dateToday(lua_State* L)
{
    pushText(L, QDate::currentDate().toString(Qt::ISODate));
    return 1;
}

// An IANA time zone name ("Asia/Seoul", "UTC"), or nothing when the argument is absent.
std::optional<QTimeZone> optZone(lua_State* L, int arg, const char* function)
{
    if (lua_isnoneornil(L, arg))
        return std::nullopt;
    const QByteArray id = checkQString(L, arg).trimmed().toUtf8();
    QTimeZone zone(id);
    if (!zone.isValid())
        luaL_error(L, "%s: unknown time zone \"%s\" (an IANA name such as Europe/Berlin or UTC)", function, id.constData());
    return zone;
}

QString zonedText(const QDateTime& dt)
{
    return dt.toString(dt.time().msec() ? Qt::ISODateWithMs : Qt::ISODate);
}

// date.format(iso, pattern [, zone]): with a zone, the moment is shown as the local time there.
int dateFormat(lua_State* L)
{
    const Moment m = checkMoment(L, 1, "date.format");
    const QString pattern = checkQString(L, 2);
    const std::optional<QTimeZone> zone = optZone(L, 3, "date.format");
    pushText(L, zone && !m.dateOnly ? m.dateTime.toTimeZone(*zone).toString(pattern) : m.dateTime.toString(pattern));
    return 1;
}

// date.toZone(iso, zone): the same moment as local time in `zone`, with its offset ("2024-03-10T09:00:00+09:00").
int dateToZone(lua_State* L)
{
    const Moment m = checkMoment(L, 1, "date.toZone");
    const std::optional<QTimeZone> zone = optZone(L, 2, "date.toZone");
    if (!zone)
        return luaL_error(L, "date.toZone: a time zone is required");
    pushText(L, zonedText(m.dateTime.toTimeZone(*zone)));
    return 1;
}

// date.offset(iso, zone): the zone's UTC offset in seconds at that moment (DST included).
int dateOffset(lua_State* L)
{
    const Moment m = checkMoment(L, 1, "date.offset");
    const std::optional<QTimeZone> zone = optZone(L, 2, "date.offset");
    if (!zone)
        return luaL_error(L, "date.offset: a time zone is required");
    lua_pushinteger(L, zone->offsetFromUtc(m.dateTime));
    return 1;
}

int dateParse(lua_State* L)
{
    const QString text = checkQString(L, 1).trimmed();
    if (lua_isnoneornil(L, 2)) {
        const Moment m = checkMoment(L, 1, "date.parse");
        pushText(L, m.dateOnly ? m.dateTime.date().toString(Qt::ISODate) : isoText(m.dateTime));
        return 1;
    }
    const QString pattern = checkQString(L, 2);
    const std::optional<QTimeZone> zone = optZone(L, 3, "date.parse");
    QString result;
    if (hasTimeFields(pattern)) {
        QDateTime dt = QDateTime::fromString(text, pattern);
        if (dt.isValid() && zone) // the text is local time in `zone`: the result carries its offset
            dt = QDateTime(dt.date(), dt.time(), *zone);
        if (dt.isValid())
            result = zone ? zonedText(dt) : isoText(dt);
    } else {
        const QDate date = QDate::fromString(text, pattern);
        if (date.isValid())
            result = date.toString(Qt::ISODate);
    }
    if (result.isEmpty())
        return luaL_error(L, "date.parse: \"%s\" does not match the pattern \"%s\"", text.toUtf8().constData(),
                          pattern.toUtf8().constData());
    pushText(L, result);
    return 1;
}

int dateAdd(lua_State* L)
{
    const Moment m = checkMoment(L, 1, "date.add");
    const double amount = luaL_checknumber(L, 2);
    const Unit unit = checkUnit(L, 3, "date.add");
    if (!std::isfinite(amount) || std::abs(amount) > 1e12)
        return luaL_error(L, "date.add: amount out of range");
    const bool whole = std::floor(amount) == amount;
    const bool calendar = unit == Unit::Day || unit == Unit::Week || unit == Unit::Month || unit == Unit::Year;
    if ((unit == Unit::Month || unit == Unit::Year) && !whole)
        return luaL_error(L, "date.add: months and years must be whole numbers");
    QDateTime dt = m.dateTime;
    if (calendar && whole) {
        const qint64 n = qint64(amount);
        switch (unit) {
        case Unit::Day: dt = dt.addDays(n); break;
        case Unit::Week: dt = dt.addDays(7 * n); break;
        case Unit::Month: dt = dt.addMonths(int(n)); break;
        default: dt = dt.addYears(int(n)); break;
        }
        if (m.dateOnly) {
            pushText(L, dt.date().toString(Qt::ISODate));
            return 1;
        }
    } else {
        dt = dt.addMSecs(qint64(std::llround(amount * double(unitMs(unit)))));
    }
    pushText(L, isoText(dt));
    return 1;
}

int dateDiff(lua_State* L)
{
    const Moment from = checkMoment(L, 1, "date.diff");
    const Moment to = checkMoment(L, 2, "date.diff");
    const Unit unit = checkUnit(L, 3, "date.diff");
    if (unit == Unit::Month || unit == Unit::Year)
        return luaL_error(L, "date.diff: months and years have no fixed length; use days");
    const qint64 ms = from.dateTime.msecsTo(to.dateTime);
    if (unit == Unit::Millisecond)
        lua_pushinteger(L, lua_Integer(ms));
    else
        lua_pushnumber(L, double(ms) / double(unitMs(unit)));
    return 1;
}

// ---- str ----

int strTrim(lua_State* L)
{
    const QString s = checkQString(L, 1);
    LuaSandbox::charge(L, s.size() >> byteCostShift);
    pushText(L, s.trimmed());
    return 1;
}

int strSplit(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    const std::string_view sep = checkText(L, 2);
    LuaSandbox::charge(L, qint64(s.size()) >> byteCostShift);
    lua_settop(L, 2);
    lua_newtable(L);
    lua_Integer n = 0;
    if (sep.empty()) {
        // One element per UTF-8 character.
        std::size_t i = 0;
        while (i < s.size()) {
            std::size_t len = 1;
            while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80)
                ++len;
            lua_pushlstring(L, s.data() + i, len);
            lua_rawseti(L, 3, ++n);
            i += len;
        }
    } else {
        std::size_t start = 0;
        while (true) {
            const std::size_t at = s.find(sep, start);
            const std::size_t end = at == std::string_view::npos ? s.size() : at;
            lua_pushlstring(L, s.data() + start, end - start);
            lua_rawseti(L, 3, ++n);
            if (at == std::string_view::npos)
                break;
            start = at + sep.size();
        }
    }
    LuaConvert::markArray(L, 3);
    return 1;
}

int strStartsWith(lua_State* L)
{
    lua_pushboolean(L, checkText(L, 1).starts_with(checkText(L, 2)));
    return 1;
}

int strEndsWith(lua_State* L)
{
    lua_pushboolean(L, checkText(L, 1).ends_with(checkText(L, 2)));
    return 1;
}

int strContains(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    LuaSandbox::charge(L, qint64(s.size()) >> byteCostShift);
    lua_pushboolean(L, s.find(checkText(L, 2)) != std::string_view::npos);
    return 1;
}

// Builds the result in a Lua buffer, so its size counts against the memory cap as it grows.
int strReplace(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    const std::string_view from = checkText(L, 2);
    const std::string_view to = checkText(L, 3);
    LuaSandbox::charge(L, qint64(s.size()) >> byteCostShift);
    if (from.empty()) {
        lua_settop(L, 1);
        return 1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(from, start);
        if (at == std::string_view::npos)
            break;
        luaL_addlstring(&b, s.data() + start, at - start);
        luaL_addlstring(&b, to.data(), to.size());
        LuaSandbox::charge(L, qint64(to.size()) >> byteCostShift);
        start = at + from.size();
    }
    luaL_addlstring(&b, s.data() + start, s.size() - start);
    luaL_pushresult(&b);
    return 1;
}

void setFunctions(lua_State* L, const char* global, const luaL_Reg* functions)
{
    lua_newtable(L);
    luaL_setfuncs(L, functions, 0);
    lua_setglobal(L, global);
}

} // namespace

void installHelpers(lua_State* L)
{
    LuaConvert::install(L);

    static const luaL_Reg json[] = {
        {"encode", &jsonEncode}, {"decode", &jsonDecode}, {"array", &jsonArray}, {nullptr, nullptr}};
    setFunctions(L, "json", json);
    lua_getglobal(L, "json");
    LuaConvert::pushNull(L);
    lua_setfield(L, -2, "null");
    lua_pop(L, 1);

    static const luaL_Reg date[] = {
        {"now", &dateNow},   {"today", &dateToday}, {"format", &dateFormat}, {"parse", &dateParse},
        {"add", &dateAdd},   {"diff", &dateDiff},   {"toZone", &dateToZone}, {"offset", &dateOffset},
        {nullptr, nullptr}};
    setFunctions(L, "date", date);

    static const luaL_Reg str[] = {
        {"trim", &strTrim},         {"split", &strSplit},       {"startsWith", &strStartsWith},
        {"endsWith", &strEndsWith}, {"contains", &strContains}, {"replace", &strReplace},
        {nullptr, nullptr}};
    setFunctions(L, "str", str);

    installTextLibraries(L);
    installRegex(L);
}

} // namespace taskloom::scripts
