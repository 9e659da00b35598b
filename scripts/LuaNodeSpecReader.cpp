#include "LuaNodeSpecReader.hpp"

#include "LuaConvert.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QRegularExpression>

#include <cmath>
#include <cstring>
#include <optional>

namespace taskloom::scripts {

using namespace engine;

namespace {

const QStringList topLevelKeys = {
    QStringLiteral("type"),    QStringLiteral("version"),      QStringLiteral("title"),    QStringLiteral("category"),
    QStringLiteral("description"), QStringLiteral("aliases"),  QStringLiteral("icon"),     QStringLiteral("inputs"),
    QStringLiteral("outputs"), QStringLiteral("params"),       QStringLiteral("credentials"), QStringLiteral("capabilities"),
    QStringLiteral("limits"),  QStringLiteral("mode"),         QStringLiteral("errors"),   QStringLiteral("execute"),
    QStringLiteral("finish"),
};
const QStringList paramKeys = {
    QStringLiteral("name"),     QStringLiteral("type"),     QStringLiteral("title"),       QStringLiteral("description"),
    QStringLiteral("default"),  QStringLiteral("required"), QStringLiteral("min"),         QStringLiteral("max"),
    QStringLiteral("options"),  QStringLiteral("credentialType"), QStringLiteral("expressions"),
    QStringLiteral("placeholder"), QStringLiteral("showIf"), QStringLiteral("language"),
};

struct TypeName {
    const char* name;
    ParamType type;
};
const TypeName paramTypes[] = {
    {"string", ParamType::String}, {"text", ParamType::Text},         {"number", ParamType::Number},
    {"integer", ParamType::Integer}, {"boolean", ParamType::Boolean}, {"options", ParamType::Options},
    {"json", ParamType::Json},     {"file", ParamType::File},         {"folder", ParamType::Folder},
    {"credential", ParamType::Credential}, {"code", ParamType::Code},
};

QString typeNames()
{
    QStringList names;
    for (const TypeName& t : paramTypes)
        names.append(QString::fromLatin1(t.name));
    return names.join(QStringLiteral(", "));
}

QString quoted(const QString& s)
{
    return u'"' + s + u'"';
}

// The closest allowed key to a misspelt one (one edit away, or a case slip): "tittle" suggests "title".
QString suggestion(const QString& key, const QStringList& allowed)
{
    for (const QString& a : allowed) {
        if (a.compare(key, Qt::CaseInsensitive) == 0)
            return a;
    }
    for (const QString& a : allowed) {
        const qsizetype n = a.size(), m = key.size();
        if (std::abs(n - m) > 1)
            continue;
        qsizetype i = 0;
        while (i < n && i < m && a[i] == key[i])
            ++i;
        qsizetype j = 0;
        while (j < n - i && j < m - i && a[n - 1 - j] == key[m - 1 - j])
            ++j;
        if (i + j >= std::max(n, m) - 1)
            return a;
    }
    return {};
}

} // namespace

LuaNodeSpecReader::LuaNodeSpecReader(lua_State* state, const QByteArray& source, QString chunkName)
    : L(state), m_lines(QString::fromUtf8(source).split(u'\n')), m_chunk(std::move(chunkName))
{}

void LuaNodeSpecReader::fail(int line, const QString& path, const QString& problem) const
{
    const QString where = line > 0 ? QStringLiteral("%1:%2: ").arg(m_chunk).arg(line) : m_chunk + QStringLiteral(": ");
    const QByteArray text = (where + (path.isEmpty() ? QString() : path + QStringLiteral(": ")) + problem).toUtf8();
    lua_pushlstring(L, text.constData(), std::size_t(text.size()));
    lua_error(L);
    std::abort(); // lua_error does not return
}

// The first line in [from, to] that assigns `key` ("key =", not "key =="), or 0.
int LuaNodeSpecReader::lineOfKey(const QString& key, int from, int to) const
{
    const QRegularExpression re(QStringLiteral("(^|[{,;\\s])%1\\s*=(?!=)").arg(QRegularExpression::escape(key)));
    const int last = to < 0 ? int(m_lines.size()) : std::min(to, int(m_lines.size()));
    for (int i = std::max(from, 1); i <= last; ++i) {
        if (re.match(m_lines[i - 1]).hasMatch())
            return i;
    }
    return 0;
}

// The line of `name = "<name>"` inside the params list, or 0.
int LuaNodeSpecReader::lineOfParam(const QString& name) const
{
    const QRegularExpression re(QStringLiteral("(^|[{,;\\s])name\\s*=\\s*[\"']%1[\"']").arg(QRegularExpression::escape(name)));
    const int start = std::max(1, lineOfKey(QStringLiteral("params")));
    for (int i = start; i <= int(m_lines.size()); ++i) {
        if (re.match(m_lines[i - 1]).hasMatch())
            return i;
    }
    return 0;
}

int LuaNodeSpecReader::returnLine() const
{
    static const QRegularExpression re(QStringLiteral("^return\\b"));
    for (int i = int(m_lines.size()); i >= 1; --i) {
        if (re.match(m_lines[i - 1]).hasMatch())
            return i;
    }
    return 1;
}

QString LuaNodeSpecReader::string(int table, const char* field, const QString& path, bool required, const QString& fallback)
{
    const int type = lua_getfield(L, table, field);
    QString out = fallback;
    if (type == LUA_TSTRING) {
        out = LuaConvert::toQString(L, -1);
    } else if (type == LUA_TNIL) {
        if (required)
            fail(returnLine(), path, QStringLiteral("missing (a string is required)"));
    } else {
        fail(lineOfKey(QString::fromUtf8(field)), path, QStringLiteral("expected a string, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
    }
    lua_pop(L, 1);
    if (required && out.trimmed().isEmpty())
        fail(lineOfKey(QString::fromUtf8(field)), path, QStringLiteral("must not be empty"));
    return out;
}

QStringList LuaNodeSpecReader::stringList(int table, const char* field, const QString& path)
{
    QStringList out;
    const int type = lua_getfield(L, table, field);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return out;
    }
    const int line = lineOfKey(QString::fromUtf8(field));
    if (type != LUA_TTABLE)
        fail(line, path, QStringLiteral("expected a list of strings, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
    const lua_Integer n = lua_Integer(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
            fail(line, QStringLiteral("%1[%2]").arg(path).arg(i), QStringLiteral("expected a string, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
        out.append(LuaConvert::toQString(L, -1));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return out;
}

// Every key of the table must be one the reader knows: a typo ("tittle") is an error, not a silent default.
void LuaNodeSpecReader::checkKeys(int table, const QStringList& allowed, const QString& path, int lineFrom)
{
    lua_pushnil(L);
    while (lua_next(L, table)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (lua_isinteger(L, -1))
                fail(lineFrom, path, QStringLiteral("has list entries; expected named fields only"));
            fail(lineFrom, path, QStringLiteral("has a key of type %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
        }
        const QString key = LuaConvert::toQString(L, -1);
        if (!allowed.contains(key)) {
            const QString close = suggestion(key, allowed);
            const int line = lineOfKey(key, lineFrom);
            fail(line ? line : lineFrom, path.isEmpty() ? key : path + u'.' + key,
                 close.isEmpty() ? QStringLiteral("unknown field (known: %1)").arg(allowed.join(QStringLiteral(", ")))
                                 : QStringLiteral("unknown field (did you mean %1?)").arg(quoted(close)));
        }
    }
}

QList<PortSpec> LuaNodeSpecReader::ports(int table, const char* field, const QString& fallback)
{
    QList<PortSpec> out;
    const int type = lua_getfield(L, table, field);
    const QString path = QString::fromUtf8(field);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        if (!fallback.isEmpty())
            out.append({fallback, fallback == u"in" ? QStringLiteral("Input") : QStringLiteral("Output"), {}});
        return out;
    }
    const int line = lineOfKey(path);
    if (type != LUA_TTABLE)
        fail(line, path, QStringLiteral("expected a list of port names, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
    static const QRegularExpression portName(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    const lua_Integer n = lua_Integer(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(path).arg(i);
        PortSpec port;
        const int t = lua_rawgeti(L, -1, i);
        if (t == LUA_TSTRING) {
            port.name = LuaConvert::toQString(L, -1);
        } else if (t == LUA_TTABLE) {
            const int entry = lua_gettop(L);
            checkKeys(entry, {QStringLiteral("name"), QStringLiteral("title"), QStringLiteral("description")}, at, line);
            port.name = string(entry, "name", at + QStringLiteral(".name"), true);
            port.title = string(entry, "title", at + QStringLiteral(".title"), false);
            port.description = string(entry, "description", at + QStringLiteral(".description"), false);
        } else {
            fail(line, at, QStringLiteral("expected a port name or {name = ..., title = ...}"));
        }
        lua_pop(L, 1);
        if (!portName.match(port.name).hasMatch())
            fail(line, at, QStringLiteral("%1 is not a port name (letters, digits, _)").arg(quoted(port.name)));
        if (port.name == u"error")
            fail(line, at, QStringLiteral("\"error\" is reserved for the on-error output"));
        for (const PortSpec& p : out) {
            if (p.name == port.name)
                fail(line, at, QStringLiteral("port %1 is declared twice").arg(quoted(port.name)));
        }
        if (port.title.isEmpty()) {
            port.title = port.name;
            port.title[0] = port.title[0].toUpper();
        }
        out.append(port);
    }
    lua_pop(L, 1);
    return out;
}

void LuaNodeSpecReader::capabilities(int table, LuaScript& script)
{
    const int type = lua_getfield(L, table, "capabilities");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    const int line = lineOfKey(QStringLiteral("capabilities"));
    if (type != LUA_TTABLE)
        fail(line, QStringLiteral("capabilities"), QStringLiteral("expected a table like {files = \"read\", http = true}"));
    const int caps = lua_gettop(L);
    checkKeys(caps, {QStringLiteral("files"), QStringLiteral("http")}, QStringLiteral("capabilities"), line);
    const QString files = string(caps, "files", QStringLiteral("capabilities.files"), false);
    if (files == u"read") {
        script.declared.readFiles = true;
    } else if (files == u"write") {
        script.declared.writeFiles = true;
    } else if (files == u"read-write") {
        script.declared.readFiles = script.declared.writeFiles = true;
    } else if (!files.isEmpty()) {
        fail(lineOfKey(QStringLiteral("files"), line), QStringLiteral("capabilities.files"),
             QStringLiteral("%1 is not one of \"read\", \"write\", \"read-write\"").arg(quoted(files)));
    }
    const int http = lua_getfield(L, caps, "http");
    if (http != LUA_TNIL && http != LUA_TBOOLEAN)
        fail(lineOfKey(QStringLiteral("http"), line), QStringLiteral("capabilities.http"), QStringLiteral("expected true or false"));
    script.declared.http = lua_toboolean(L, -1);
    lua_pop(L, 2);
}

void LuaNodeSpecReader::limits(int table, LuaScript& script)
{
    const int type = lua_getfield(L, table, "limits");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    const int line = lineOfKey(QStringLiteral("limits"));
    if (type != LUA_TTABLE)
        fail(line, QStringLiteral("limits"), QStringLiteral("expected a table like {instructions = 1e8, memory = 128, timeout = 60}"));
    const int t = lua_gettop(L);
    checkKeys(t, {QStringLiteral("instructions"), QStringLiteral("memory"), QStringLiteral("timeout")}, QStringLiteral("limits"), line);
    auto number = [&](const char* field, double lo, double hi, const char* unit) -> std::optional<double> {
        const int ft = lua_getfield(L, t, field);
        std::optional<double> v;
        if (ft == LUA_TNUMBER) {
            v = lua_tonumber(L, -1);
            if (!std::isfinite(*v) || *v < lo || *v > hi) {
                fail(lineOfKey(QString::fromUtf8(field), line), QStringLiteral("limits.%1").arg(QString::fromUtf8(field)),
                     QStringLiteral("%1 is outside %2..%3 %4").arg(*v).arg(lo).arg(hi).arg(QString::fromUtf8(unit)));
            }
        } else if (ft != LUA_TNIL) {
            fail(lineOfKey(QString::fromUtf8(field), line), QStringLiteral("limits.%1").arg(QString::fromUtf8(field)),
                 QStringLiteral("expected a number of %1").arg(QString::fromUtf8(unit)));
        }
        lua_pop(L, 1);
        return v;
    };
    if (auto v = number("instructions", 1e4, 1e12, "instructions"))
        script.limits.instructionBudget = qint64(*v);
    if (auto v = number("memory", 1, 4096, "MiB"))
        script.limits.memoryLimit = std::size_t(*v * 1024 * 1024);
    if (auto v = number("timeout", 0.01, 86400, "seconds"))
        script.limits.timeLimit = std::chrono::milliseconds(qint64(*v * 1000));
    lua_pop(L, 1);
}

void LuaNodeSpecReader::read(NodeSpec& spec, LuaScript& script)
{
    const int t = lua_gettop(L);
    checkKeys(t, topLevelKeys, {}, 1);

    spec.type = string(t, "type", QStringLiteral("type"), true);
    static const QRegularExpression typeId(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+$"));
    if (!typeId.match(spec.type).hasMatch()) {
        fail(lineOfKey(QStringLiteral("type")), QStringLiteral("type"),
             QStringLiteral("%1 is not a type id like \"acme.maskRrn\" (a pack, a dot, a name)").arg(quoted(spec.type)));
    }
    script.typeId = spec.type;
    if (lua_getfield(L, t, "version") != LUA_TNIL) {
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 || lua_tointeger(L, -1) > 1000)
            fail(lineOfKey(QStringLiteral("version")), QStringLiteral("version"), QStringLiteral("expected a whole number from 1"));
        spec.version = int(lua_tointeger(L, -1));
    }
    lua_pop(L, 1);
    spec.title = string(t, "title", QStringLiteral("title"), true);
    spec.category = string(t, "category", QStringLiteral("category"), false, QStringLiteral("Custom"));
    spec.description = string(t, "description", QStringLiteral("description"), false);
    spec.icon = string(t, "icon", QStringLiteral("icon"), false, QStringLiteral("text-x-script"));
    spec.aliases = stringList(t, "aliases", QStringLiteral("aliases"));
    spec.credentialTypes = stringList(t, "credentials", QStringLiteral("credentials"));

    spec.inputs = ports(t, "inputs", QStringLiteral("in"));
    spec.outputs = ports(t, "outputs", QStringLiteral("out"));
    if (spec.inputs.size() > 1)
        fail(lineOfKey(QStringLiteral("inputs")), QStringLiteral("inputs"), QStringLiteral("a Lua node has one input or none"));
    if (spec.outputs.isEmpty())
        fail(lineOfKey(QStringLiteral("outputs")), QStringLiteral("outputs"), QStringLiteral("a Lua node needs at least one output"));
    spec.inputMode = spec.inputs.isEmpty() ? InputMode::Collect : InputMode::Stream;
    for (const PortSpec& p : spec.outputs)
        script.outputs.append(p.name);

    const QString mode = string(t, "mode", QStringLiteral("mode"), false, QStringLiteral("all"));
    if (mode != u"all" && mode != u"each")
        fail(lineOfKey(QStringLiteral("mode")), QStringLiteral("mode"), QStringLiteral("%1 is not \"all\" or \"each\"").arg(quoted(mode)));
    script.each = mode == u"each";
    if (script.each && spec.outputs.size() > 1)
        fail(lineOfKey(QStringLiteral("mode")), QStringLiteral("mode"), QStringLiteral("mode \"each\" needs a single output; use \"all\" to fill several"));

    params(t, spec);
    capabilities(t, script);
    limits(t, script);
    if (script.declared.http)
        spec.requirements.append(QStringLiteral("network"));

    spec.errors = {
        {QStringLiteral("LUA_ERROR"), QStringLiteral("The script raised an error")},
        {QStringLiteral("LUA_BUDGET"), QStringLiteral("The script ran past its instruction budget or time limit")},
        {QStringLiteral("LUA_MEMORY"), QStringLiteral("The script used more memory than allowed")},
        {QStringLiteral("LUA_RESULT"), QStringLiteral("The script returned something that is not items")},
    };

    for (const char* fn : {"execute", "finish"}) {
        const int ft = lua_getfield(L, t, fn);
        const bool required = std::strcmp(fn, "execute") == 0;
        if ((ft == LUA_TNIL && required) || (ft != LUA_TNIL && ft != LUA_TFUNCTION)) {
            const int line = lineOfKey(QString::fromUtf8(fn));
            fail(line ? line : returnLine(), QString::fromUtf8(fn),
                 ft == LUA_TNIL ? QStringLiteral("missing: the node needs execute = function(ctx, %1) ... end").arg(script.each ? QStringLiteral("item, index") : QStringLiteral("items"))
                                : QStringLiteral("expected a function, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
        }
        lua_pop(L, 1);
    }
}

void LuaNodeSpecReader::params(int table, NodeSpec& spec)
{
    const int type = lua_getfield(L, table, "params");
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (type != LUA_TTABLE)
        fail(lineOfKey(QStringLiteral("params")), QStringLiteral("params"), QStringLiteral("expected a list of parameters"));
    const int list = lua_gettop(L);
    const lua_Integer n = lua_Integer(lua_rawlen(L, list));
    QStringList names;
    for (lua_Integer i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, list, i) != LUA_TTABLE)
            fail(lineOfKey(QStringLiteral("params")), QStringLiteral("params[%1]").arg(i), QStringLiteral("expected a table {name = ..., type = ...}"));
        spec.params.append(param(lua_gettop(L), int(i), names));
        names.append(spec.params.last().name);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    for (ParamSpec& p : spec.params) {
        for (const VisibilityRule& rule : p.showIf) {
            if (!names.contains(rule.param))
                fail(lineOfParam(p.name), QStringLiteral("params.%1.showIf").arg(p.name),
                     QStringLiteral("names no parameter %1").arg(quoted(rule.param)));
        }
    }
}

ParamSpec LuaNodeSpecReader::param(int entry, int index, const QStringList& earlier)
{
    QString path = QStringLiteral("params[%1]").arg(index);
    const int paramsLine = std::max(1, lineOfKey(QStringLiteral("params")));
    ParamSpec p;
    p.name = string(entry, "name", path + QStringLiteral(".name"), true);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    int line = lineOfParam(p.name);
    if (!line)
        line = paramsLine;
    if (!identifier.match(p.name).hasMatch())
        fail(line, path + QStringLiteral(".name"), QStringLiteral("%1 is not a name (letters, digits, _)").arg(quoted(p.name)));
    if (earlier.contains(p.name))
        fail(line, path + QStringLiteral(".name"), QStringLiteral("parameter %1 is declared twice").arg(quoted(p.name)));
    path = QStringLiteral("params[%1] (%2)").arg(index).arg(quoted(p.name));
    checkKeys(entry, paramKeys, path, line);
    auto fieldLine = [&](const char* key) {
        const int l = lineOfKey(QString::fromUtf8(key), line, line + 20);
        return l ? l : line;
    };

    const QString typeName = string(entry, "type", path + QStringLiteral(".type"), false, QStringLiteral("string"));
    bool known = false;
    for (const TypeName& t : paramTypes) {
        if (typeName == QLatin1String(t.name)) {
            p.type = t.type;
            known = true;
        }
    }
    if (!known)
        fail(fieldLine("type"), path + QStringLiteral(".type"), QStringLiteral("unknown type %1 (%2)").arg(quoted(typeName), typeNames()));
    p.title = string(entry, "title", path + QStringLiteral(".title"), false, p.name);
    p.description = string(entry, "description", path + QStringLiteral(".description"), false);
    p.placeholder = string(entry, "placeholder", path + QStringLiteral(".placeholder"), false);
    for (const char* flag : {"required", "expressions"}) {
        const int ft = lua_getfield(L, entry, flag);
        if (ft != LUA_TNIL && ft != LUA_TBOOLEAN)
            fail(fieldLine(flag), path + u'.' + QString::fromUtf8(flag), QStringLiteral("expected true or false"));
        if (ft == LUA_TBOOLEAN) {
            if (std::strcmp(flag, "required") == 0)
                p.isRequired = lua_toboolean(L, -1);
            else
                p.expressions = lua_toboolean(L, -1);
        }
        lua_pop(L, 1);
    }
    for (const char* bound : {"min", "max"}) {
        const int bt = lua_getfield(L, entry, bound);
        if (bt != LUA_TNIL) {
            if (bt != LUA_TNUMBER || (p.type != ParamType::Number && p.type != ParamType::Integer))
                fail(fieldLine(bound), path + u'.' + QString::fromUtf8(bound), QStringLiteral("expected a number, on a number or integer parameter"));
            (std::strcmp(bound, "min") == 0 ? p.min : p.max) = lua_tonumber(L, -1);
        }
        lua_pop(L, 1);
    }
    if (p.min && p.max && *p.min > *p.max)
        fail(fieldLine("max"), path + QStringLiteral(".max"), QStringLiteral("is below min"));

    const int ot = lua_getfield(L, entry, "options");
    if (ot != LUA_TNIL) {
        if (ot != LUA_TTABLE || p.type != ParamType::Options)
            fail(fieldLine("options"), path + QStringLiteral(".options"), QStringLiteral("expected a list, on an options parameter"));
        const lua_Integer n = lua_Integer(lua_rawlen(L, -1));
        for (lua_Integer i = 1; i <= n; ++i) {
            const int et = lua_rawgeti(L, -1, i);
            ParamOption o;
            const QString at = QStringLiteral("%1.options[%2]").arg(path).arg(i);
            if (et == LUA_TSTRING) {
                o.value = o.title = LuaConvert::toQString(L, -1);
            } else if (et == LUA_TTABLE) {
                const int opt = lua_gettop(L);
                checkKeys(opt, {QStringLiteral("value"), QStringLiteral("title"), QStringLiteral("description")}, at, fieldLine("options"));
                o.value = string(opt, "value", at + QStringLiteral(".value"), true);
                o.title = string(opt, "title", at + QStringLiteral(".title"), false, o.value);
                o.description = string(opt, "description", at + QStringLiteral(".description"), false);
            } else {
                fail(fieldLine("options"), at, QStringLiteral("expected a string or {value = ..., title = ...}"));
            }
            lua_pop(L, 1);
            p.options.append(o);
        }
        if (p.options.isEmpty())
            fail(fieldLine("options"), path + QStringLiteral(".options"), QStringLiteral("must not be empty"));
    } else if (p.type == ParamType::Options) {
        fail(line, path + QStringLiteral(".options"), QStringLiteral("missing: an options parameter lists its choices"));
    }
    lua_pop(L, 1);

    p.credentialType = string(entry, "credentialType", path + QStringLiteral(".credentialType"), false);
    if (!p.credentialType.isEmpty() && p.type != ParamType::Credential)
        fail(fieldLine("credentialType"), path + QStringLiteral(".credentialType"), QStringLiteral("only for a credential parameter"));
    if (p.type == ParamType::Credential)
        p.expressions = false;
    p.codeLanguage = string(entry, "language", path + QStringLiteral(".language"), false, p.type == ParamType::Code ? QStringLiteral("lua") : QString());

    const int st = lua_getfield(L, entry, "showIf");
    if (st != LUA_TNIL) {
        if (st != LUA_TTABLE)
            fail(fieldLine("showIf"), path + QStringLiteral(".showIf"), QStringLiteral("expected {otherParam = value or {values}}"));
        const Value rules = LuaConvert::toValue(L, -1);
        if (!rules.isObject())
            fail(fieldLine("showIf"), path + QStringLiteral(".showIf"), QStringLiteral("expected {otherParam = value or {values}}"));
        for (const auto& [other, values] : rules.objectRef()) {
            VisibilityRule rule{other, {}};
            if (values.isArray()) {
                for (const Value& v : values.arrayRef())
                    rule.values.append(v);
            } else {
                rule.values.append(values);
            }
            p.showIf.append(rule);
        }
    }
    lua_pop(L, 1);

    p.defaultValue = paramDefault(entry, p, path + QStringLiteral(".default"), fieldLine("default"));
    return p;
}

Value LuaNodeSpecReader::paramDefault(int entry, const ParamSpec& p, const QString& path, int line)
{
    const int type = lua_getfield(L, entry, "default");
    Value v;
    if (type != LUA_TNIL) {
        if (type == LUA_TFUNCTION || type == LUA_TUSERDATA || type == LUA_TTHREAD)
            fail(line, path, QStringLiteral("expected a JSON value, found a %1").arg(QString::fromUtf8(luaL_typename(L, -1))));
        v = LuaConvert::toValue(L, -1);
    }
    lua_pop(L, 1);
    auto wrong = [&](const char* expected) {
        fail(line, path, QStringLiteral("expected %1 for a %2 parameter, found %3")
                             .arg(QString::fromUtf8(expected), ParamSpec::typeName(p.type), v.typeName()));
    };
    switch (p.type) {
    case ParamType::Number:
    case ParamType::Integer:
        if (v.isNull())
            return Value(p.type == ParamType::Integer ? Value(qint64(0)) : Value(0.0));
        if (!v.isNumber())
            wrong("a number");
        if (p.type == ParamType::Integer && std::floor(v.toDouble()) != v.toDouble())
            wrong("a whole number");
        if ((p.min && v.toDouble() < *p.min) || (p.max && v.toDouble() > *p.max))
            fail(line, path, QStringLiteral("%1 is outside min..max").arg(v.toText()));
        return v;
    case ParamType::Boolean:
        if (v.isNull())
            return Value(false);
        if (!v.isBool())
            wrong("true or false");
        return v;
    case ParamType::Options:
        if (v.isNull())
            return Value(p.options.first().value);
        for (const ParamOption& o : p.options) {
            if (v.isString() && o.value == v.stringRef())
                return v;
        }
        fail(line, path, QStringLiteral("%1 is not one of the options").arg(quoted(v.toText())));
    case ParamType::Json:
        return v;
    default:
        if (v.isNull())
            return Value(QString());
        if (!v.isString())
            wrong("a string");
        return v;
    }
}

} // namespace taskloom::scripts
