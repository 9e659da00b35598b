#include "MacroFile.hpp"

#include "KeyText.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/Json.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace taskloom::recorder {

using engine::Array;
using engine::Object;
using engine::Value;

namespace {

const QString dataPrefix = QStringLiteral("data:image/png;base64,");

/// A problem in the document, with the JSON path below the step it occurred in.
struct FormatError {
    QString message;
};

class Reader {
public:
    Reader(QString baseDir) : m_baseDir(std::move(baseDir)) {}

    static const Value& need(const Object& o, const char* key, const QString& where)
    {
        const Value* v = o.find(QString::fromLatin1(key));
        if (!v || v->isNull())
            throw FormatError{QStringLiteral("%1%2: missing").arg(where, QLatin1String(key))};
        return *v;
    }
    static QString string(const Object& o, const char* key, const QString& where, bool required = true)
    {
        const Value* v = o.find(QString::fromLatin1(key));
        if (!v || v->isNull()) {
            if (required)
                throw FormatError{QStringLiteral("%1%2: missing").arg(where, QLatin1String(key))};
            return {};
        }
        if (!v->isString())
            throw FormatError{QStringLiteral("%1%2: expected text, found %3").arg(where, QLatin1String(key), v->typeName())};
        return v->toString();
    }
    static int integer(const Object& o, const char* key, const QString& where, std::optional<int> def = std::nullopt)
    {
        const Value* v = o.find(QString::fromLatin1(key));
        if (!v || v->isNull()) {
            if (def)
                return *def;
            throw FormatError{QStringLiteral("%1%2: missing").arg(where, QLatin1String(key))};
        }
        if (!v->isNumber() || v->toDouble() != double(qint64(v->toDouble())) || std::abs(v->toDouble()) > 1e9)
            throw FormatError{QStringLiteral("%1%2: expected a whole number, found %3").arg(where, QLatin1String(key), engine::Json::serialize(*v))};
        return int(v->toInt());
    }
    static QList<int> ints(const Object& o, const char* key, int count, const QString& where)
    {
        const Value& v = need(o, key, where);
        if (!v.isArray() || v.arrayRef().size() != count)
            throw FormatError{QStringLiteral("%1%2: expected a list of %3 whole numbers").arg(where, QLatin1String(key)).arg(count)};
        QList<int> out;
        for (const Value& n : v.arrayRef()) {
            if (!n.isNumber())
                throw FormatError{QStringLiteral("%1%2: expected a list of %3 whole numbers").arg(where, QLatin1String(key)).arg(count)};
            out.append(int(n.toInt()));
        }
        return out;
    }

    Locator locator(const Object& o, const QString& where)
    {
        Locator l;
        const QString by = string(o, "by", where);
        if (by == u"image") {
            l.kind = Locator::Kind::Image;
            l.anchorRef = string(o, "anchor", where);
            l.anchor = loadAnchor(l.anchorRef, where);
            const QList<int> off = ints(o, "offset", 2, where);
            l.offset = {off[0], off[1]};
            if (o.contains(u"rect")) {
                const QList<int> r = ints(o, "rect", 4, where);
                l.recordedRect = {r[0], r[1], r[2], r[3]};
            }
            if (const Value* s = o.find(u"minScore")) {
                if (!s->isNumber() || s->toDouble() <= 0 || s->toDouble() > 1)
                    throw FormatError{QStringLiteral("%1minScore: expected a number in (0, 1]").arg(where)};
                l.minScore = s->toDouble();
            }
            l.unique = o.value(u"unique").toBool(true);
        } else if (by == u"text") {
            l.kind = Locator::Kind::Text;
            l.text = string(o, "text", where);
            const QList<int> off = o.contains(u"offset") ? ints(o, "offset", 2, where) : QList<int>{0, 0};
            l.offset = {off[0], off[1]};
        } else if (by == u"window") {
            l.kind = Locator::Kind::Window;
            l.title = string(o, "title", where, false);
            l.className = string(o, "class", where, false);
            if (l.title.isEmpty() && l.className.isEmpty())
                throw FormatError{QStringLiteral("%1: a window locator needs a title or a class").arg(where.chopped(1))};
            const QList<int> off = ints(o, "offset", 2, where);
            l.offset = {off[0], off[1]};
        } else if (by == u"absolute") {
            l.kind = Locator::Kind::Absolute;
            l.point = {integer(o, "x", where), integer(o, "y", where)};
        } else {
            throw FormatError{QStringLiteral("%1by: unknown locator \"%2\" (image, text, window or absolute)").arg(where, by)};
        }
        return l;
    }

    Image loadAnchor(const QString& ref, const QString& where)
    {
        if (ref.startsWith(dataPrefix)) {
            const auto bytes = QByteArray::fromBase64Encoding(ref.mid(dataPrefix.size()).toLatin1(),
                                                              QByteArray::AbortOnBase64DecodingErrors);
            if (!bytes)
                throw FormatError{QStringLiteral("%1anchor: broken base64 data").arg(where)};
            auto img = Image::fromPng(*bytes);
            if (!img)
                throw FormatError{QStringLiteral("%1anchor: %2").arg(where, img.error())};
            return *img;
        }
        const QString path = QDir(m_baseDir).filePath(ref);
        if (!QFileInfo::exists(path))
            throw FormatError{QStringLiteral("%1anchor \"%2\": no such file").arg(where, ref)};
        auto img = Image::load(path);
        if (!img)
            throw FormatError{QStringLiteral("%1anchor \"%2\": %3").arg(where, ref, img.error())};
        return *img;
    }

    Target target(const Object& step, const QString& where)
    {
        Target t;
        const Value& find = need(step, "find", where);
        if (!find.isArray() || find.arrayRef().isEmpty())
            throw FormatError{QStringLiteral("%1find: expected a non-empty list of locators").arg(where)};
        for (qsizetype i = 0; i < find.arrayRef().size(); ++i) {
            const Value& l = find.arrayRef().at(i);
            const QString at = QStringLiteral("%1find[%2].").arg(where).arg(i);
            if (!l.isObject())
                throw FormatError{QStringLiteral("%1: expected an object").arg(at.chopped(1))};
            t.locators.append(locator(l.objectRef(), at));
        }
        if (const Value* w = step.find(u"window"); w && w->isObject()) {
            const Object& wo = w->objectRef();
            t.window.title = wo.value(u"title").toString();
            t.window.className = wo.value(u"class").toString();
            t.window.geometry = {int(wo.value(u"x").toInt()), int(wo.value(u"y").toInt()), int(wo.value(u"width").toInt()),
                                 int(wo.value(u"height").toInt())};
        }
        return t;
    }

    MacroStep step(const Object& o, MacroStep::Kind kind)
    {
        MacroStep s;
        s.kind = kind;
        const QString w;
        switch (kind) {
        case MacroStep::Kind::Click:
        case MacroStep::Kind::Drag: {
            s.target = target(o, w);
            const QString b = o.contains(u"button") ? string(o, "button", w) : QStringLiteral("left");
            s.button = MacroFile::buttonFromName(b);
            if (s.button == 0)
                throw FormatError{QStringLiteral("button: unknown button \"%1\" (left, middle or right)").arg(b)};
            s.clicks = integer(o, "clicks", w, 1);
            if (s.clicks < 1 || s.clicks > 3)
                throw FormatError{QStringLiteral("clicks: expected 1, 2 or 3, found %1").arg(s.clicks)};
            if (kind == MacroStep::Kind::Drag) {
                const QList<int> by = ints(o, "by", 2, w);
                s.dragBy = {by[0], by[1]};
            }
            break;
        }
        case MacroStep::Kind::Scroll:
            s.target = target(o, w);
            s.scrollX = integer(o, "x", w, 0);
            s.scrollY = integer(o, "y", w, 0);
            break;
        case MacroStep::Kind::Type:
            s.text = string(o, "text", w);
            s.paste = o.value(u"paste").toBool(false);
            break;
        case MacroStep::Kind::TypeSecret:
            s.credential = string(o, "credential", w);
            s.field = string(o, "field", w, false);
            if (s.field.isEmpty())
                s.field = QStringLiteral("password");
            break;
        case MacroStep::Kind::Keys: {
            s.text = string(o, "keys", w);
            if (!KeyText::parseCombo(s.text))
                throw FormatError{QStringLiteral("keys: \"%1\" is not a key combination (like ctrl+s or Return)").arg(s.text)};
            break;
        }
        case MacroStep::Kind::Wait:
            s.ms = integer(o, "ms", w);
            if (s.ms < 0)
                throw FormatError{QStringLiteral("ms: cannot wait a negative time (%1)").arg(s.ms)};
            break;
        case MacroStep::Kind::WaitWindow:
            s.windowTitle = string(o, "title", w, false);
            s.windowClass = string(o, "class", w, false);
            s.ms = integer(o, "timeoutMs", w, 10000);
            break;
        }
        if (kind == MacroStep::Kind::Click || kind == MacroStep::Kind::Drag || kind == MacroStep::Kind::Scroll) {
            const QString mods = string(o, "modifiers", w, false);
            if (!mods.isEmpty()) {
                auto combo = KeyText::parseCombo(mods + QStringLiteral("+x"));
                if (!combo)
                    throw FormatError{QStringLiteral("modifiers: \"%1\" is not a list like ctrl+shift").arg(mods)};
                s.modifiers = combo->modifiers;
            }
        }
        return s;
    }

private:
    QString m_baseDir;
};

Array intList(std::initializer_list<int> values)
{
    Array a;
    for (int v : values)
        a.append(v);
    return a;
}

Object locatorObject(const Locator& l)
{
    Object o{{QStringLiteral("by"), Locator::kindName(l.kind)}};
    switch (l.kind) {
    case Locator::Kind::Image:
        o.insert(QStringLiteral("anchor"), l.anchorRef);
        o.insert(QStringLiteral("offset"), intList({l.offset.x, l.offset.y}));
        o.insert(QStringLiteral("rect"), intList({l.recordedRect.x, l.recordedRect.y, l.recordedRect.width, l.recordedRect.height}));
        o.insert(QStringLiteral("minScore"), l.minScore);
        if (!l.unique)
            o.insert(QStringLiteral("unique"), false);
        break;
    case Locator::Kind::Text:
        o.insert(QStringLiteral("text"), l.text);
        o.insert(QStringLiteral("offset"), intList({l.offset.x, l.offset.y}));
        break;
    case Locator::Kind::Window:
        if (!l.title.isEmpty())
            o.insert(QStringLiteral("title"), l.title);
        if (!l.className.isEmpty())
            o.insert(QStringLiteral("class"), l.className);
        o.insert(QStringLiteral("offset"), intList({l.offset.x, l.offset.y}));
        break;
    case Locator::Kind::Absolute:
        o.insert(QStringLiteral("x"), l.point.x);
        o.insert(QStringLiteral("y"), l.point.y);
        break;
    }
    return o;
}

void putTarget(Object& o, const Target& t)
{
    if (t.window.isValid() || !t.window.className.isEmpty() || !t.window.title.isEmpty()) {
        const Rect& g = t.window.geometry;
        o.insert(QStringLiteral("window"), Object{{QStringLiteral("title"), t.window.title},
                                                  {QStringLiteral("class"), t.window.className},
                                                  {QStringLiteral("x"), g.x},
                                                  {QStringLiteral("y"), g.y},
                                                  {QStringLiteral("width"), g.width},
                                                  {QStringLiteral("height"), g.height}});
    }
    Array find;
    for (const Locator& l : t.locators)
        find.append(locatorObject(l));
    o.insert(QStringLiteral("find"), find);
}

QString modifierText(unsigned m)
{
    QString s = KeyText::formatCombo({m, QString()});
    s.chop(1);
    return s;
}

Object stepObject(const MacroStep& s)
{
    Object o{{QStringLiteral("kind"), MacroStep::kindName(s.kind)}};
    switch (s.kind) {
    case MacroStep::Kind::Click:
    case MacroStep::Kind::Drag:
        o.insert(QStringLiteral("button"), MacroFile::buttonName(s.button));
        if (s.kind == MacroStep::Kind::Click && s.clicks != 1)
            o.insert(QStringLiteral("clicks"), s.clicks);
        if (s.kind == MacroStep::Kind::Drag)
            o.insert(QStringLiteral("by"), intList({s.dragBy.x, s.dragBy.y}));
        if (s.modifiers)
            o.insert(QStringLiteral("modifiers"), modifierText(s.modifiers));
        putTarget(o, s.target);
        break;
    case MacroStep::Kind::Scroll:
        o.insert(QStringLiteral("x"), s.scrollX);
        o.insert(QStringLiteral("y"), s.scrollY);
        if (s.modifiers)
            o.insert(QStringLiteral("modifiers"), modifierText(s.modifiers));
        putTarget(o, s.target);
        break;
    case MacroStep::Kind::Type:
        o.insert(QStringLiteral("text"), s.text);
        if (s.paste)
            o.insert(QStringLiteral("paste"), true);
        break;
    case MacroStep::Kind::TypeSecret:
        o.insert(QStringLiteral("credential"), s.credential);
        o.insert(QStringLiteral("field"), s.field.isEmpty() ? QStringLiteral("password") : s.field);
        break;
    case MacroStep::Kind::Keys:
        o.insert(QStringLiteral("keys"), s.text);
        break;
    case MacroStep::Kind::Wait:
        o.insert(QStringLiteral("ms"), s.ms);
        break;
    case MacroStep::Kind::WaitWindow:
        if (!s.windowTitle.isEmpty())
            o.insert(QStringLiteral("title"), s.windowTitle);
        if (!s.windowClass.isEmpty())
            o.insert(QStringLiteral("class"), s.windowClass);
        o.insert(QStringLiteral("timeoutMs"), s.ms);
        break;
    }
    return o;
}

} // namespace

QString MacroFile::buttonName(int button)
{
    switch (button) {
    case 1: return QStringLiteral("left");
    case 2: return QStringLiteral("middle");
    case 3: return QStringLiteral("right");
    default: return QString::number(button);
    }
}

int MacroFile::buttonFromName(const QString& name)
{
    if (name == u"left")
        return 1;
    if (name == u"middle")
        return 2;
    if (name == u"right")
        return 3;
    return 0;
}

QString MacroFile::anchorFolder(const QString& macroPath)
{
    const QFileInfo info(macroPath);
    QString base = info.fileName();
    for (const char* suffix : {".macro.json", ".flow.json", ".json"})
        if (base.endsWith(QLatin1String(suffix))) {
            base.chop(qsizetype(qstrlen(suffix)));
            break;
        }
    return info.dir().filePath(base + QStringLiteral(".anchors"));
}

std::expected<Macro, QString> MacroFile::read(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    return parse(f.readAll(), QFileInfo(path).absolutePath(), path);
}

std::expected<Macro, QString> MacroFile::parse(QByteArrayView json, const QString& baseDir, const QString& label)
{
    auto doc = engine::Json::parse(json);
    if (!doc)
        return std::unexpected(QStringLiteral("%1: not valid JSON (truncated or hand-edited?): %2").arg(label, doc.error().toString()));
    if (!doc->isObject())
        return std::unexpected(QStringLiteral("%1: expected a JSON object with \"steps\"").arg(label));
    const Object& root = doc->objectRef();
    if (root.value(u"format").toString() != u"taskloom-macro")
        return std::unexpected(QStringLiteral("%1: not a Taskloom macro (\"format\" must be \"taskloom-macro\")").arg(label));
    const Value& version = root.value(u"version");
    if (!version.isInt() || version.toInt() < 1)
        return std::unexpected(QStringLiteral("%1: \"version\" must be a whole number").arg(label));
    if (version.toInt() > Macro::formatVersion)
        return std::unexpected(QStringLiteral("%1: macro format version %2 is newer than this Taskloom reads (%3)")
                                   .arg(label).arg(version.toInt()).arg(Macro::formatVersion));
    Macro macro;
    macro.display = root.value(u"display").toString();
    macro.recordedAt = QDateTime::fromString(root.value(u"recordedAt").toString(), Qt::ISODate);
    const Object screen = root.value(u"screen").toObject();
    macro.screen = {0, 0, int(screen.value(u"width").toInt()), int(screen.value(u"height").toInt())};
    const Value& steps = root.value(u"steps");
    if (!steps.isArray())
        return std::unexpected(QStringLiteral("%1: \"steps\" must be a list").arg(label));
    Reader reader(baseDir);
    for (qsizetype i = 0; i < steps.arrayRef().size(); ++i) {
        const Value& sv = steps.arrayRef().at(i);
        const QString where = QStringLiteral("%1: step %2").arg(label).arg(i + 1);
        if (!sv.isObject())
            return std::unexpected(QStringLiteral("%1: expected an object").arg(where));
        const Object& so = sv.objectRef();
        const QString kindName = so.value(u"kind").toString();
        MacroStep::Kind kind;
        if (!MacroStep::kindFromName(kindName, kind))
            return std::unexpected(QStringLiteral("%1: unknown kind \"%2\" (click, drag, scroll, type, typeSecret, keys, wait, waitWindow)")
                                       .arg(where, kindName));
        try {
            macro.steps.append(reader.step(so, kind));
        } catch (const FormatError& e) {
            return std::unexpected(QStringLiteral("%1: %2").arg(MacroStep::label(int(i), kind).prepend(label + QStringLiteral(": ")), e.message));
        }
    }
    return macro;
}

Object MacroFile::toObject(const Macro& macro)
{
    Object root{{QStringLiteral("format"), QStringLiteral("taskloom-macro")},
                {QStringLiteral("version"), Macro::formatVersion}};
    if (macro.recordedAt.isValid())
        root.insert(QStringLiteral("recordedAt"), macro.recordedAt.toString(Qt::ISODate));
    root.insert(QStringLiteral("display"), macro.display);
    root.insert(QStringLiteral("screen"), Object{{QStringLiteral("width"), macro.screen.width}, {QStringLiteral("height"), macro.screen.height}});
    Array steps;
    for (const MacroStep& s : macro.steps)
        steps.append(stepObject(s));
    root.insert(QStringLiteral("steps"), steps);
    return root;
}

std::expected<void, QString> MacroFile::write(Macro& macro, const QString& path, Anchors anchors)
{
    const QString folder = anchorFolder(path);
    const QString folderName = QFileInfo(folder).fileName();
    bool madeFolder = false;
    for (int i = 0; i < macro.steps.size(); ++i) {
        for (Locator& l : macro.steps[i].target.locators) {
            if (l.kind != Locator::Kind::Image)
                continue;
            if (l.anchor.isNull())
                return std::unexpected(QStringLiteral("%1: %2: image locator without an image").arg(path, MacroStep::label(i, macro.steps[i].kind)));
            if (anchors == Anchors::Embedded) {
                auto png = l.anchor.toPng();
                if (!png)
                    return std::unexpected(QStringLiteral("%1: %2: %3").arg(path, MacroStep::label(i, macro.steps[i].kind), png.error()));
                l.anchorRef = dataPrefix + QString::fromLatin1(png->toBase64());
                continue;
            }
            if (!madeFolder && !QDir().mkpath(folder))
                return std::unexpected(QStringLiteral("%1: cannot create the folder").arg(folder));
            madeFolder = true;
            const QString name = QStringLiteral("step-%1.png").arg(i + 1, 3, 10, QLatin1Char('0'));
            if (auto ok = l.anchor.save(QDir(folder).filePath(name)); !ok)
                return std::unexpected(ok.error());
            l.anchorRef = folderName + u'/' + name;
        }
    }
    const QByteArray json = engine::Json::serialize(toObject(macro), engine::Json::WriteOptions{true, 100}) + '\n';
    return engine::AtomicFile::write(path, json);
}

} // namespace taskloom::recorder
