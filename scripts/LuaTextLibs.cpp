#include "LuaTextLibs.hpp"

#include "LuaConvert.hpp"
#include "LuaSandbox.hpp"

#include "engine/Value.hpp"

#include <lauxlib.h>
#include <lua.h>

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <string_view>

namespace taskloom::scripts {

namespace {

constexpr int byteCostShift = 6; // one budget unit per 64 bytes of host work, as elsewhere

std::string_view checkText(lua_State* L, int arg)
{
    std::size_t len = 0;
    const char* s = luaL_checklstring(L, arg, &len);
    LuaSandbox::charge(L, qint64(len) >> byteCostShift);
    return {s, len};
}

struct CsvOptions {
    char separator = ',';
    char quote = '"';
    bool header = true;
    QStringList columns;
    QByteArray lineEnding = "\n";
};

char optionChar(lua_State* L, int table, const char* field, char fallback)
{
    char c = fallback;
    if (lua_getfield(L, table, field) != LUA_TNIL) {
        std::size_t len = 0;
        const char* s = lua_tolstring(L, -1, &len);
        if (!s || len != 1)
            luaL_error(L, "csv: option %s must be one character", field);
        c = s[0];
    }
    lua_pop(L, 1);
    return c;
}

CsvOptions csvOptions(lua_State* L, int arg)
{
    CsvOptions o;
    if (lua_isnoneornil(L, arg))
        return o;
    luaL_checktype(L, arg, LUA_TTABLE);
    o.separator = optionChar(L, arg, "separator", o.separator);
    o.quote = optionChar(L, arg, "quote", o.quote);
    if (lua_getfield(L, arg, "header") != LUA_TNIL)
        o.header = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, arg, "lineEnding") != LUA_TNIL)
        o.lineEnding = LuaConvert::toQString(L, -1).toUtf8();
    lua_pop(L, 1);
    if (lua_getfield(L, arg, "columns") != LUA_TNIL) {
        const engine::Value v = LuaConvert::toValue(L, -1);
        if (!v.isArray())
            luaL_error(L, "csv: option columns must be a list of names");
        for (const engine::Value& c : v.arrayRef())
            o.columns.append(c.toText());
    }
    lua_pop(L, 1);
    return o;
}

// RFC 4180 with the separator and quote as options; a quoted field may span lines; CRLF and LF both end a row.
int csvParse(lua_State* L)
{
    const std::string_view text = checkText(L, 1);
    const CsvOptions o = csvOptions(L, 2);
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    auto endField = [&] {
        row.append(QString::fromUtf8(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        if (!(row.size() == 1 && row.first().isEmpty()))
            rows.append(row);
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == o.quote) {
                if (i + 1 < text.size() && text[i + 1] == o.quote) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field.append(c);
            }
        } else if (c == o.quote && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == o.separator) {
            endField();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRow();
            ++line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted)
        return luaL_error(L, "csv.parse: a quoted field is not closed (line %d)", line);
    if (fieldStarted || !field.isEmpty() || !row.isEmpty())
        endRow();

    engine::Array out;
    if (o.header && !rows.isEmpty()) {
        const QStringList names = rows.takeFirst();
        for (const QStringList& r : rows) {
            engine::Object obj;
            for (qsizetype c = 0; c < names.size(); ++c)
                obj.insert(names[c], c < r.size() ? r[c] : QString());
            for (qsizetype c = names.size(); c < r.size(); ++c)
                obj.insert(QStringLiteral("column%1").arg(c + 1), r[c]);
            out.append(std::move(obj));
        }
    } else {
        for (const QStringList& r : rows) {
            engine::Array a;
            for (const QString& s : r)
                a.append(s);
            out.append(std::move(a));
        }
    }
    LuaConvert::push(L, engine::Value(std::move(out)));
    return 1;
}

QByteArray csvField(const engine::Value& v, const CsvOptions& o)
{
    const QByteArray text = v.isNull() ? QByteArray() : v.toText().toUtf8();
    if (!text.contains(o.separator) && !text.contains(o.quote) && !text.contains('\n') && !text.contains('\r'))
        return text;
    QByteArray q;
    q.append(o.quote);
    for (const char c : text) {
        if (c == o.quote)
            q.append(o.quote);
        q.append(c);
    }
    q.append(o.quote);
    return q;
}

// Rows are objects (columns from `columns` or the first row's fields) or lists.
int csvEncode(lua_State* L)
{
    luaL_checkany(L, 1);
    const CsvOptions o = csvOptions(L, 2);
    const engine::Value rows = LuaConvert::toValue(L, 1);
    if (!rows.isArray())
        return luaL_error(L, "csv.encode: expected a list of rows, got %s", luaL_typename(L, 1));
    QStringList columns = o.columns;
    if (columns.isEmpty() && !rows.arrayRef().isEmpty() && rows.arrayRef().at(0).isObject()) {
        for (const auto& [name, _] : rows.arrayRef().at(0).objectRef())
            columns.append(name);
    }
    QByteArray out;
    auto appendRow = [&](const QList<engine::Value>& cells) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i)
                out.append(o.separator);
            out.append(csvField(cells[i], o));
        }
        out.append(o.lineEnding);
    };
    if (o.header && !columns.isEmpty()) {
        QList<engine::Value> names;
        for (const QString& c : columns)
            names.append(c);
        appendRow(names);
    }
    qsizetype index = 0;
    for (const engine::Value& r : rows.arrayRef()) {
        ++index;
        QList<engine::Value> cells;
        if (r.isObject()) {
            for (const QString& c : columns)
                cells.append(r.objectRef().value(c));
        } else if (r.isArray()) {
            cells = QList<engine::Value>(r.arrayRef().begin(), r.arrayRef().end());
        } else {
            return luaL_error(L, "csv.encode: row %d is a %s, not an object or a list", int(index), r.typeName().toUtf8().constData());
        }
        appendRow(cells);
    }
    LuaSandbox::charge(L, out.size() >> byteCostShift);
    lua_pushlstring(L, out.constData(), std::size_t(out.size()));
    return 1;
}

QByteArray::Base64Options base64Options(lua_State* L, int arg)
{
    return lua_toboolean(L, arg) ? QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                 : QByteArray::Base64Encoding;
}

int base64Encode(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    const QByteArray out = QByteArray::fromRawData(s.data(), qsizetype(s.size())).toBase64(base64Options(L, 2));
    lua_pushlstring(L, out.constData(), std::size_t(out.size()));
    return 1;
}

int base64Decode(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    const QByteArray in = QByteArray::fromRawData(s.data(), qsizetype(s.size())).trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(in, base64Options(L, 2) | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return luaL_error(L, "base64.decode: the text is not valid base64");
    lua_pushlstring(L, decoded.decoded.constData(), std::size_t(decoded.decoded.size()));
    return 1;
}

template <QCryptographicHash::Algorithm A>
int hashHex(lua_State* L)
{
    const std::string_view s = checkText(L, 1);
    const QByteArray hex = QCryptographicHash::hash(QByteArrayView(s.data(), qsizetype(s.size())), A).toHex();
    lua_pushlstring(L, hex.constData(), std::size_t(hex.size()));
    return 1;
}

int hashHmac(lua_State* L)
{
    const QByteArray name = QByteArray(luaL_checkstring(L, 1)).toLower();
    QCryptographicHash::Algorithm algorithm;
    if (name == "sha256")
        algorithm = QCryptographicHash::Sha256;
    else if (name == "sha512")
        algorithm = QCryptographicHash::Sha512;
    else if (name == "sha1")
        algorithm = QCryptographicHash::Sha1;
    else if (name == "md5")
        algorithm = QCryptographicHash::Md5;
    else
        return luaL_error(L, "hash.hmac: unknown algorithm \"%s\" (sha256, sha512, sha1, md5)", name.constData());
    const std::string_view key = checkText(L, 2);
    const std::string_view data = checkText(L, 3);
    const QByteArray hex = QMessageAuthenticationCode::hash(QByteArray(data.data(), qsizetype(data.size())),
                                                            QByteArray(key.data(), qsizetype(key.size())), algorithm)
                               .toHex();
    lua_pushlstring(L, hex.constData(), std::size_t(hex.size()));
    return 1;
}

void setFunctions(lua_State* L, const char* global, const luaL_Reg* functions)
{
    lua_newtable(L);
    luaL_setfuncs(L, functions, 0);
    lua_setglobal(L, global);
}

} // namespace

void installTextLibraries(lua_State* L)
{
    static const luaL_Reg csv[] = {{"parse", &csvParse}, {"encode", &csvEncode}, {nullptr, nullptr}};
    setFunctions(L, "csv", csv);
    static const luaL_Reg base64[] = {{"encode", &base64Encode}, {"decode", &base64Decode}, {nullptr, nullptr}};
    setFunctions(L, "base64", base64);
    static const luaL_Reg hash[] = {{"md5", &hashHex<QCryptographicHash::Md5>},
                                    {"sha1", &hashHex<QCryptographicHash::Sha1>},
                                    {"sha256", &hashHex<QCryptographicHash::Sha256>},
                                    {"sha512", &hashHex<QCryptographicHash::Sha512>},
                                    {"hmac", &hashHmac},
                                    {nullptr, nullptr}};
    setFunctions(L, "hash", hash);
}

} // namespace taskloom::scripts
