#include "XlsxFile.hpp"

#include "engine/AtomicFile.hpp"
#include "engine/Json.hpp"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <minizip/unzip.h>
#include <xlsxwriter.h>

#include <cmath>

namespace taskloom::nodes::connectors::XlsxFile {

using namespace engine;

namespace {

constexpr qint64 maxEntryBytes = 512LL * 1024 * 1024; // a zip bomb stops here, not in memory

class Zip {
public:
    explicit Zip(const QString& path) : m_zip(unzOpen64(QFile::encodeName(path).constData())) {}
    ~Zip()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    bool ok() const { return m_zip != nullptr; }
    /// The entry's bytes; nullopt when it is absent. Throws nothing; a broken entry is an error string.
    std::expected<std::optional<QByteArray>, QString> read(const QByteArray& name)
    {
        if (unzLocateFile(m_zip, name.constData(), 2) != UNZ_OK)
            return std::optional<QByteArray>();
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return std::unexpected(QStringLiteral("%1: broken zip entry").arg(QString::fromUtf8(name)));
        if (qint64(info.uncompressed_size) > maxEntryBytes)
            return std::unexpected(QStringLiteral("%1 unpacks to more than 512 MB").arg(QString::fromUtf8(name)));
        if (unzOpenCurrentFile(m_zip) != UNZ_OK)
            return std::unexpected(QStringLiteral("%1: cannot unpack").arg(QString::fromUtf8(name)));
        QByteArray out;
        char buffer[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(m_zip, buffer, sizeof buffer)) > 0) {
            out.append(buffer, n);
            if (out.size() > maxEntryBytes)
                break;
        }
        const int closed = unzCloseCurrentFile(m_zip);
        if (n < 0 || closed == UNZ_CRCERROR)
            return std::unexpected(QStringLiteral("%1: the zip data is damaged").arg(QString::fromUtf8(name)));
        return std::optional<QByteArray>(out);
    }

private:
    unzFile m_zip;
};

struct Book {
    QStringList names;
    QStringList targets; ///< zip entry of each sheet
};

std::expected<Book, QString> readBook(Zip& zip)
{
    auto workbook = zip.read("xl/workbook.xml");
    if (!workbook)
        return std::unexpected(workbook.error());
    if (!*workbook)
        return std::unexpected(QStringLiteral("a zip file, but not a workbook (no xl/workbook.xml)"));
    auto rels = zip.read("xl/_rels/workbook.xml.rels");
    if (!rels)
        return std::unexpected(rels.error());
    QHash<QString, QString> targetOf;
    QXmlStreamReader r(rels->value_or(QByteArray()));
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("Relationship"))
            targetOf.insert(r.attributes().value(QStringLiteral("Id")).toString(), r.attributes().value(QStringLiteral("Target")).toString());
    }
    Book book;
    QXmlStreamReader w(**workbook);
    while (!w.atEnd()) {
        if (w.readNext() != QXmlStreamReader::StartElement || w.name() != QLatin1String("sheet"))
            continue;
        QString id;
        for (const auto& a : w.attributes())
            if (a.name() == QLatin1String("id"))
                id = a.value().toString();
        QString target = targetOf.value(id);
        target = target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        book.names.append(w.attributes().value(QStringLiteral("name")).toString());
        book.targets.append(target);
    }
    if (w.hasError())
        return std::unexpected(QStringLiteral("xl/workbook.xml: %1").arg(w.errorString()));
    if (book.names.isEmpty())
        return std::unexpected(QStringLiteral("the workbook has no sheets"));
    return book;
}

QStringList sharedStrings(const QByteArray& xml)
{
    QStringList out;
    QXmlStreamReader r(xml);
    QString current;
    bool inSi = false;
    int phonetic = 0;
    while (!r.atEnd()) {
        const auto t = r.readNext();
        if (t == QXmlStreamReader::StartElement) {
            if (r.name() == QLatin1String("si")) {
                inSi = true;
                current.clear();
            } else if (r.name() == QLatin1String("rPh")) {
                ++phonetic;
            } else if (r.name() == QLatin1String("t") && inSi && phonetic == 0) {
                current += r.readElementText();
            }
        } else if (t == QXmlStreamReader::EndElement) {
            if (r.name() == QLatin1String("si")) {
                out.append(current);
                inSi = false;
            } else if (r.name() == QLatin1String("rPh")) {
                --phonetic;
            }
        }
    }
    return out;
}

bool isDateFormat(int id, const QString& code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return true;
    if (code.isEmpty())
        return false;
    QString c = code;
    c.remove(QRegularExpression(QStringLiteral(R"("[^"]*"|\[[^\]]*\]|\\.)")));
    return c.contains(QRegularExpression(QStringLiteral("[yYdDhHsS]"))) || (c.contains(QLatin1Char('m')) && !c.contains(QLatin1Char('0')));
}

/// Per cell style index: whether it formats a date, and whether with a time.
QList<std::pair<bool, bool>> dateStyles(const QByteArray& xml)
{
    QHash<int, QString> custom;
    QList<std::pair<bool, bool>> out;
    QXmlStreamReader r(xml);
    bool inXfs = false;
    while (!r.atEnd()) {
        const auto t = r.readNext();
        if (t == QXmlStreamReader::StartElement) {
            if (r.name() == QLatin1String("numFmt"))
                custom.insert(r.attributes().value(QStringLiteral("numFmtId")).toInt(), r.attributes().value(QStringLiteral("formatCode")).toString());
            else if (r.name() == QLatin1String("cellXfs"))
                inXfs = true;
            else if (r.name() == QLatin1String("xf") && inXfs) {
                const int id = r.attributes().value(QStringLiteral("numFmtId")).toInt();
                const QString code = custom.value(id);
                const bool date = isDateFormat(id, code);
                const bool time = (id >= 18 && id <= 22) || (id >= 45 && id <= 47)
                                  || code.contains(QRegularExpression(QStringLiteral("[hHsS]")));
                out.append({date, date && time});
            }
        } else if (t == QXmlStreamReader::EndElement && r.name() == QLatin1String("cellXfs")) {
            inXfs = false;
        }
    }
    return out;
}

int columnIndex(QStringView ref)
{
    int col = 0;
    for (const QChar c : ref) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            break;
        col = col * 26 + (c.unicode() - 'A' + 1);
    }
    return col - 1;
}

Value number(const QString& text)
{
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok)
        return text;
    if (std::floor(d) == d && std::fabs(d) < 9.007e15)
        return qint64(d);
    return d;
}

} // namespace

QString serialToIso(double serial, bool withTime)
{
    const QDateTime epoch(QDate(1899, 12, 30), QTime(0, 0), QTimeZone::utc());
    const qint64 ms = qint64(std::llround(serial * 86400.0 * 1000.0));
    const QDateTime d = epoch.addMSecs(ms);
    const bool hasTime = withTime || std::fmod(serial, 1.0) != 0;
    if (!hasTime)
        return d.date().toString(Qt::ISODate);
    if (serial < 1) // a time of day alone
        return d.time().toString(QStringLiteral("HH:mm:ss"));
    return d.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

std::expected<QStringList, QString> sheetNames(const QString& path)
{
    Zip zip(path);
    if (!zip.ok())
        return std::unexpected(QFileInfo::exists(path) ? QStringLiteral("not an .xlsx workbook (not a zip archive)")
                                                       : QStringLiteral("no such file"));
    auto book = readBook(zip);
    if (!book)
        return std::unexpected(book.error());
    return book->names;
}

std::expected<QList<Row>, QString> readSheet(const QString& path, const QString& sheet)
{
    Zip zip(path);
    if (!zip.ok())
        return std::unexpected(QFileInfo::exists(path) ? QStringLiteral("not an .xlsx workbook (not a zip archive)")
                                                       : QStringLiteral("no such file"));
    auto book = readBook(zip);
    if (!book)
        return std::unexpected(book.error());
    const qsizetype index = sheet.isEmpty() ? 0 : book->names.indexOf(sheet);
    if (index < 0)
        return std::unexpected(QStringLiteral("no sheet \"%1\" (the workbook has: %2)").arg(sheet, book->names.join(QStringLiteral(", "))));
    auto strings = zip.read("xl/sharedStrings.xml");
    auto styles = zip.read("xl/styles.xml");
    auto data = zip.read(book->targets[index].toUtf8());
    for (const auto* r : {&strings, &styles, &data})
        if (!*r)
            return std::unexpected(r->error());
    if (!*data)
        return std::unexpected(QStringLiteral("the sheet's part %1 is missing").arg(book->targets[index]));
    const QStringList shared = sharedStrings(strings->value_or(QByteArray()));
    const auto dates = dateStyles(styles->value_or(QByteArray()));

    QList<Row> rows;
    QXmlStreamReader r(**data);
    while (!r.atEnd()) {
        if (r.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (r.name() == QLatin1String("row")) {
            const int number = r.attributes().value(QStringLiteral("r")).toInt();
            while (number > 0 && rows.size() < number - 1)
                rows.append(Row());
            rows.append(Row());
        } else if (r.name() == QLatin1String("c") && !rows.isEmpty()) {
            const auto a = r.attributes();
            const QString type = a.value(QStringLiteral("t")).toString();
            const int style = a.value(QStringLiteral("s")).toInt();
            const QString ref = a.value(QStringLiteral("r")).toString();
            Row& row = rows.last();
            const int col = ref.isEmpty() ? int(row.size()) : columnIndex(ref);
            QString v;
            QString inlineText;
            while (r.readNextStartElement()) {
                if (r.name() == QLatin1String("v"))
                    v = r.readElementText();
                else if (r.name() == QLatin1String("is"))
                    inlineText = r.readElementText(QXmlStreamReader::IncludeChildElements);
                else
                    r.skipCurrentElement();
            }
            Value value;
            if (type == QLatin1String("s")) {
                const int i = v.toInt();
                value = i >= 0 && i < shared.size() ? Value(shared[i]) : Value();
            } else if (type == QLatin1String("inlineStr")) {
                value = inlineText;
            } else if (type == QLatin1String("b")) {
                value = v.trimmed() == QLatin1String("1");
            } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
                value = v;
            } else if (!v.isEmpty()) {
                const auto [isDate, withTime] = dates.value(style, {false, false});
                value = isDate ? Value(serialToIso(v.toDouble(), withTime)) : number(v);
            }
            if (col < 0 || col > 16383)
                continue;
            while (row.size() < col)
                row.append(Value());
            if (row.size() == col)
                row.append(value);
            else
                row[col] = value;
        }
    }
    if (r.hasError())
        return std::unexpected(QStringLiteral("%1: line %2: %3").arg(book->targets[index]).arg(r.lineNumber()).arg(r.errorString()));
    while (!rows.isEmpty() && std::all_of(rows.last().begin(), rows.last().end(), [](const Value& v) { return v.isNull(); }))
        rows.removeLast();
    return rows;
}

std::expected<void, QString> write(const QString& path, const QString& sheet, const QList<Row>& rows)
{
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return std::unexpected(QStringLiteral("no temporary folder: %1").arg(tmp.errorString()));
    const QByteArray file = QFile::encodeName(tmp.filePath(QStringLiteral("book.xlsx")));
    const QByteArray tmpDir = QFile::encodeName(tmp.path());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows stream to disk: a large export stays small in memory
    options.tmpdir = const_cast<char*>(tmpDir.constData());
    lxw_workbook* book = workbook_new_opt(file.constData(), &options);
    if (!book)
        return std::unexpected(QStringLiteral("libxlsxwriter could not start a workbook"));
    const QByteArray name = (sheet.isEmpty() ? QStringLiteral("Sheet1") : sheet).toUtf8();
    // Checked first: workbook_add_worksheet would also print the problem on stderr.
    const lxw_error nameError = workbook_validate_sheet_name(book, name.constData());
    lxw_worksheet* ws = nameError == LXW_NO_ERROR ? workbook_add_worksheet(book, name.constData()) : nullptr;
    if (!ws) {
        workbook_close(book);
        return std::unexpected(QStringLiteral("\"%1\" is not a valid sheet name (at most 31 characters, none of []:*?/\\)").arg(sheet));
    }
    for (qsizetype r = 0; r < rows.size(); ++r) {
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            const Value& v = rows[r][c];
            const auto row = lxw_row_t(r);
            const auto col = lxw_col_t(c);
            lxw_error e = LXW_NO_ERROR;
            switch (v.type()) {
            case Value::Type::Null: break;
            case Value::Type::Bool: e = worksheet_write_boolean(ws, row, col, v.toBool(), nullptr); break;
            case Value::Type::Int:
            case Value::Type::Double: e = worksheet_write_number(ws, row, col, v.toDouble(), nullptr); break;
            case Value::Type::String: e = worksheet_write_string(ws, row, col, v.stringRef().toUtf8().constData(), nullptr); break;
            default: e = worksheet_write_string(ws, row, col, Json::serialize(v).constData(), nullptr); break;
            }
            if (e != LXW_NO_ERROR) {
                workbook_close(book);
                return std::unexpected(QStringLiteral("row %1, column %2: %3").arg(r + 1).arg(c + 1).arg(QString::fromUtf8(lxw_strerror(e))));
            }
        }
    }
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        return std::unexpected(QString::fromUtf8(lxw_strerror(e)));
    QFile f(tmp.filePath(QStringLiteral("book.xlsx")));
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(f.errorString());
    return AtomicFile::write(path, f.readAll());
}

} // namespace taskloom::nodes::connectors::XlsxFile
