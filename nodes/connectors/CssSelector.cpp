#include "CssSelector.hpp"

#include <QRegularExpression>

#include <libxml/tree.h>

namespace taskloom::nodes::connectors {

namespace {

struct AttrTest {
    QByteArray name; ///< lower case (the HTML parser lower-cases attribute names)
    char op = 0;     ///< 0: present; '=', '~', '|', '^', '$', '*'
    QString value;
    bool caseInsensitive = false;
};

struct Pseudo {
    enum class Kind { FirstChild, LastChild, OnlyChild, NthChild, NthLastChild, FirstOfType, LastOfType, OnlyOfType,
                      NthOfType, NthLastOfType, Empty, Root, Not, Has };
    Kind kind = Kind::FirstChild;
    int a = 0;
    int b = 0;
    std::shared_ptr<const CssSelector::Data> inner; ///< :not and :has
};

struct Compound {
    QByteArray tag; ///< lower case; empty: any element
    QList<QString> ids;
    QList<QString> classes;
    QList<AttrTest> attrs;
    QList<Pseudo> pseudos;
};

struct Complex {
    QList<Compound> compounds;
    QList<char> combinators; ///< between compounds[i] and compounds[i + 1]: ' ', '>', '+', '~'
};

} // namespace

struct CssSelector::Data {
    QList<Complex> list;
};

namespace {

// ---- parsing ----

class Parser {
public:
    explicit Parser(const QString& text) : m_s(text) {}

    std::shared_ptr<CssSelector::Data> selectorList(QChar end = QChar())
    {
        auto data = std::make_shared<CssSelector::Data>();
        skipSpace();
        for (;;) {
            data->list.append(complex(end));
            if (!m_error.isEmpty())
                return nullptr;
            skipSpace();
            if (atEnd() || (!end.isNull() && peek() == end))
                break;
            if (peek() != QLatin1Char(','))
                return fail(QStringLiteral("expected ',' or the end"));
            ++m_i;
            skipSpace();
        }
        return data;
    }
    const QString& error() const { return m_error; }
    bool atEnd() const { return m_i >= m_s.size(); }
    qsizetype position() const { return m_i; }

private:
    QChar peek(qsizetype ahead = 0) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : QChar(); }
    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_i;
    }
    std::nullptr_t fail(const QString& what)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("at position %1: %2").arg(m_i + 1).arg(what);
        return nullptr;
    }
    static bool isNameChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c.unicode() >= 0x80; }

    QString identifier()
    {
        QString out;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == QLatin1Char('\\') && m_i + 1 < m_s.size()) {
                out += m_s[m_i + 1];
                m_i += 2;
            } else if (isNameChar(c)) {
                out += c;
                ++m_i;
            } else {
                break;
            }
        }
        return out;
    }

    QString quoted()
    {
        const QChar q = peek();
        ++m_i;
        QString out;
        while (!atEnd() && peek() != q) {
            if (peek() == QLatin1Char('\\') && m_i + 1 < m_s.size())
                ++m_i;
            out += peek();
            ++m_i;
        }
        if (atEnd()) {
            fail(QStringLiteral("a quoted value is never closed"));
            return {};
        }
        ++m_i;
        return out;
    }

    Complex complex(QChar end)
    {
        Complex c;
        c.compounds.append(compound());
        for (;;) {
            if (!m_error.isEmpty())
                return c;
            const qsizetype before = m_i;
            skipSpace();
            if (atEnd() || peek() == QLatin1Char(',') || (!end.isNull() && peek() == end))
                return c;
            char comb = ' ';
            if (peek() == QLatin1Char('>') || peek() == QLatin1Char('+') || peek() == QLatin1Char('~')) {
                comb = char(peek().unicode());
                ++m_i;
                skipSpace();
            } else if (before == m_i) {
                fail(QStringLiteral("unexpected '%1'").arg(peek()));
                return c;
            }
            c.combinators.append(comb);
            c.compounds.append(compound());
        }
    }

    Compound compound()
    {
        Compound c;
        bool any = false;
        if (peek() == QLatin1Char('*')) {
            ++m_i;
            any = true;
        } else if (isNameChar(peek()) || peek() == QLatin1Char('\\')) {
            c.tag = identifier().toLower().toUtf8();
            any = true;
        }
        for (;;) {
            const QChar ch = peek();
            if (ch == QLatin1Char('#') || ch == QLatin1Char('.')) {
                ++m_i;
                const QString name = identifier();
                if (name.isEmpty()) {
                    fail(QStringLiteral("expected a name after '%1'").arg(ch));
                    return c;
                }
                (ch == QLatin1Char('#') ? c.ids : c.classes).append(name);
            } else if (ch == QLatin1Char('[')) {
                ++m_i;
                if (!attribute(c))
                    return c;
            } else if (ch == QLatin1Char(':')) {
                ++m_i;
                if (peek() == QLatin1Char(':')) {
                    fail(QStringLiteral("pseudo-elements (::%1) select no element").arg(m_s.mid(m_i + 1, 12)));
                    return c;
                }
                if (!pseudo(c))
                    return c;
            } else {
                break;
            }
            any = true;
        }
        if (!any)
            fail(atEnd() ? QStringLiteral("the selector ends where an element was expected")
                         : QStringLiteral("unexpected '%1'").arg(peek()));
        return c;
    }

    bool attribute(Compound& c)
    {
        skipSpace();
        AttrTest t;
        t.name = identifier().toLower().toUtf8();
        if (t.name.isEmpty())
            return fail(QStringLiteral("expected an attribute name")), false;
        skipSpace();
        if (peek() == QLatin1Char(']')) {
            ++m_i;
            c.attrs.append(t);
            return true;
        }
        const QChar op = peek();
        if (op == QLatin1Char('=')) {
            t.op = '=';
            ++m_i;
        } else if (QStringLiteral("~|^$*").contains(op) && peek(1) == QLatin1Char('=')) {
            t.op = char(op.unicode());
            m_i += 2;
        } else {
            return fail(QStringLiteral("expected ']' or an attribute operator")), false;
        }
        skipSpace();
        t.value = peek() == QLatin1Char('"') || peek() == QLatin1Char('\'') ? quoted() : identifier();
        if (!m_error.isEmpty())
            return false;
        skipSpace();
        if (peek().toLower() == QLatin1Char('i') || peek().toLower() == QLatin1Char('s')) {
            t.caseInsensitive = peek().toLower() == QLatin1Char('i');
            ++m_i;
            skipSpace();
        }
        if (peek() != QLatin1Char(']'))
            return fail(QStringLiteral("expected ']'")), false;
        ++m_i;
        c.attrs.append(t);
        return true;
    }

    bool nth(Pseudo& p)
    {
        // an+b, odd, even, -n+3, 5, n
        skipSpace();
        QString arg;
        while (!atEnd() && peek() != QLatin1Char(')'))
            arg += m_s[m_i++];
        arg = arg.simplified().remove(QLatin1Char(' ')).toLower();
        if (arg == QLatin1String("odd")) {
            p.a = 2, p.b = 1;
        } else if (arg == QLatin1String("even")) {
            p.a = 2, p.b = 0;
        } else if (const qsizetype n = arg.indexOf(QLatin1Char('n')); n >= 0) {
            const QString a = arg.left(n);
            const QString b = arg.mid(n + 1);
            bool okA = true, okB = true;
            p.a = a.isEmpty() || a == QLatin1String("+") ? 1 : a == QLatin1String("-") ? -1 : a.toInt(&okA);
            p.b = b.isEmpty() ? 0 : b.toInt(&okB);
            if (!okA || !okB || (!b.isEmpty() && b[0] != QLatin1Char('+') && b[0] != QLatin1Char('-')))
                return fail(QStringLiteral("\"%1\" is not of the form an+b").arg(arg)), false;
        } else {
            bool ok = false;
            p.a = 0;
            p.b = arg.toInt(&ok);
            if (!ok)
                return fail(QStringLiteral("\"%1\" is not of the form an+b").arg(arg)), false;
        }
        return true;
    }

    bool pseudo(Compound& c)
    {
        using K = Pseudo::Kind;
        const QString name = identifier().toLower();
        Pseudo p;
        static const QList<std::pair<QString, K>> plain = {
            {QStringLiteral("first-child"), K::FirstChild}, {QStringLiteral("last-child"), K::LastChild},
            {QStringLiteral("only-child"), K::OnlyChild},   {QStringLiteral("first-of-type"), K::FirstOfType},
            {QStringLiteral("last-of-type"), K::LastOfType}, {QStringLiteral("only-of-type"), K::OnlyOfType},
            {QStringLiteral("empty"), K::Empty},             {QStringLiteral("root"), K::Root}};
        static const QList<std::pair<QString, K>> withArg = {
            {QStringLiteral("nth-child"), K::NthChild},   {QStringLiteral("nth-last-child"), K::NthLastChild},
            {QStringLiteral("nth-of-type"), K::NthOfType}, {QStringLiteral("nth-last-of-type"), K::NthLastOfType},
            {QStringLiteral("not"), K::Not},               {QStringLiteral("has"), K::Has}};
        for (const auto& [n, k] : plain) {
            if (n == name) {
                p.kind = k;
                c.pseudos.append(p);
                return true;
            }
        }
        for (const auto& [n, k] : withArg) {
            if (n != name)
                continue;
            if (peek() != QLatin1Char('('))
                return fail(QStringLiteral(":%1 needs an argument in parentheses").arg(name)), false;
            ++m_i;
            p.kind = k;
            if (k == K::Not || k == K::Has) {
                p.inner = selectorList(QLatin1Char(')'));
                if (!p.inner)
                    return false;
            } else if (!nth(p)) {
                return false;
            }
            skipSpace();
            if (peek() != QLatin1Char(')'))
                return fail(QStringLiteral("expected ')'")), false;
            ++m_i;
            c.pseudos.append(p);
            return true;
        }
        return fail(QStringLiteral("unsupported pseudo-class \":%1\"").arg(name)), false;
    }

    QString m_s;
    qsizetype m_i = 0;
    QString m_error;
};

// ---- matching ----

bool isElement(const xmlNode* n) { return n && n->type == XML_ELEMENT_NODE; }

const xmlNode* parentElement(const xmlNode* n)
{
    return n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : nullptr;
}

const xmlNode* previousElement(const xmlNode* n)
{
    for (n = n->prev; n; n = n->prev)
        if (isElement(n))
            return n;
    return nullptr;
}

QString attributeValue(const xmlNode* n, const QByteArray& name, bool* present = nullptr)
{
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (qstricmp(reinterpret_cast<const char*>(a->name), name.constData()) != 0)
            continue;
        if (present)
            *present = true;
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        const QString out = QString::fromUtf8(reinterpret_cast<const char*>(v));
        xmlFree(v);
        return out;
    }
    if (present)
        *present = false;
    return {};
}

bool sameName(const xmlNode* a, const xmlNode* b)
{
    return qstricmp(reinterpret_cast<const char*>(a->name), reinterpret_cast<const char*>(b->name)) == 0;
}

/// 1-based position among element siblings (of the same type when `ofType`), counted from the end when `fromEnd`.
int position(const xmlNode* n, bool ofType, bool fromEnd)
{
    int index = 1;
    for (const xmlNode* s = fromEnd ? n->next : n->prev; s; s = fromEnd ? s->next : s->prev)
        if (isElement(s) && (!ofType || sameName(s, n)))
            ++index;
    return index;
}

bool nthMatches(int a, int b, int index)
{
    if (a == 0)
        return index == b;
    const int diff = index - b;
    return diff % a == 0 && diff / a >= 0;
}

bool matchesList(const CssSelector::Data& d, const xmlNode* el, const xmlNode* scope);

bool hasMatchingDescendant(const CssSelector::Data& d, const xmlNode* el)
{
    for (const xmlNode* c = el->children; c; c = c->next) {
        if (!isElement(c))
            continue;
        if (matchesList(d, c, el) || hasMatchingDescendant(d, c))
            return true;
    }
    return false;
}

bool matchPseudo(const Pseudo& p, const xmlNode* el, const xmlNode* scope)
{
    using K = Pseudo::Kind;
    switch (p.kind) {
    case K::FirstChild: return position(el, false, false) == 1;
    case K::LastChild: return position(el, false, true) == 1;
    case K::OnlyChild: return position(el, false, false) == 1 && position(el, false, true) == 1;
    case K::FirstOfType: return position(el, true, false) == 1;
    case K::LastOfType: return position(el, true, true) == 1;
    case K::OnlyOfType: return position(el, true, false) == 1 && position(el, true, true) == 1;
    case K::NthChild: return nthMatches(p.a, p.b, position(el, false, false));
    case K::NthLastChild: return nthMatches(p.a, p.b, position(el, false, true));
    case K::NthOfType: return nthMatches(p.a, p.b, position(el, true, false));
    case K::NthLastOfType: return nthMatches(p.a, p.b, position(el, true, true));
    case K::Root: return !parentElement(el);
    case K::Empty:
        for (const xmlNode* c = el->children; c; c = c->next) {
            if (isElement(c))
                return false;
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content
                && !QString::fromUtf8(reinterpret_cast<const char*>(c->content)).trimmed().isEmpty())
                return false;
        }
        return true;
    case K::Not: return !matchesList(*p.inner, el, scope);
    case K::Has: return hasMatchingDescendant(*p.inner, el);
    }
    return false;
}

bool matchAttr(const AttrTest& t, const xmlNode* el)
{
    bool present = false;
    const QString v = attributeValue(el, t.name, &present);
    if (!present)
        return false;
    const auto cs = t.caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive;
    switch (t.op) {
    case 0: return true;
    case '=': return v.compare(t.value, cs) == 0;
    case '~': return v.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).contains(t.value, cs);
    case '|': return v.compare(t.value, cs) == 0 || v.startsWith(t.value + QLatin1Char('-'), cs);
    case '^': return !t.value.isEmpty() && v.startsWith(t.value, cs);
    case '$': return !t.value.isEmpty() && v.endsWith(t.value, cs);
    case '*': return !t.value.isEmpty() && v.contains(t.value, cs);
    default: return false;
    }
}

bool matchCompound(const Compound& c, const xmlNode* el, const xmlNode* scope)
{
    if (!c.tag.isEmpty() && qstricmp(reinterpret_cast<const char*>(el->name), c.tag.constData()) != 0)
        return false;
    if (!c.ids.isEmpty()) {
        const QString id = attributeValue(el, "id");
        for (const QString& want : c.ids)
            if (id != want)
                return false;
    }
    if (!c.classes.isEmpty()) {
        const QStringList have = attributeValue(el, "class").split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        for (const QString& want : c.classes)
            if (!have.contains(want))
                return false;
    }
    for (const AttrTest& t : c.attrs)
        if (!matchAttr(t, el))
            return false;
    for (const Pseudo& p : c.pseudos)
        if (!matchPseudo(p, el, scope))
            return false;
    return true;
}

bool matchComplex(const Complex& cx, qsizetype index, const xmlNode* el, const xmlNode* scope)
{
    if (!matchCompound(cx.compounds[index], el, scope))
        return false;
    if (index == 0)
        return true;
    const char comb = cx.combinators[index - 1];
    // Ancestors and siblings considered stay inside the scope (the scope element itself counts).
    auto inside = [scope](const xmlNode* n) {
        if (!scope)
            return true;
        for (; n; n = n->parent)
            if (n == scope)
                return true;
        return false;
    };
    switch (comb) {
    case '>': {
        const xmlNode* p = parentElement(el);
        return p && inside(p) && matchComplex(cx, index - 1, p, scope);
    }
    case ' ':
        for (const xmlNode* p = parentElement(el); p && inside(p); p = parentElement(p))
            if (matchComplex(cx, index - 1, p, scope))
                return true;
        return false;
    case '+': {
        const xmlNode* s = previousElement(el);
        return s && inside(s) && matchComplex(cx, index - 1, s, scope);
    }
    case '~':
        for (const xmlNode* s = previousElement(el); s && inside(s); s = previousElement(s))
            if (matchComplex(cx, index - 1, s, scope))
                return true;
        return false;
    default: return false;
    }
}

bool matchesList(const CssSelector::Data& d, const xmlNode* el, const xmlNode* scope)
{
    for (const Complex& cx : d.list)
        if (matchComplex(cx, cx.compounds.size() - 1, el, scope))
            return true;
    return false;
}

} // namespace

std::expected<CssSelector, QString> CssSelector::parse(const QString& text)
{
    if (text.trimmed().isEmpty())
        return std::unexpected(QStringLiteral("the selector is empty"));
    Parser p(text);
    auto data = p.selectorList();
    if (!data || !p.error().isEmpty())
        return std::unexpected(p.error());
    if (!p.atEnd())
        return std::unexpected(QStringLiteral("at position %1: unexpected ')'").arg(p.position() + 1));
    CssSelector s;
    s.m_text = text.trimmed();
    s.d = std::move(data);
    return s;
}

CssSelector::CssSelector() = default;
CssSelector::~CssSelector() = default;
CssSelector::CssSelector(const CssSelector&) = default;
CssSelector& CssSelector::operator=(const CssSelector&) = default;
CssSelector::CssSelector(CssSelector&&) noexcept = default;
CssSelector& CssSelector::operator=(CssSelector&&) noexcept = default;

bool CssSelector::matches(const xmlNode* element, const xmlNode* scope) const
{
    return d && isElement(element) && matchesList(*d, element, scope);
}

} // namespace taskloom::nodes::connectors
