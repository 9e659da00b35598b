#include "DateTimeNode.hpp"

#include "DateText.hpp"
#include "FieldPath.hpp"
#include "ItemLoop.hpp"

#include "engine/Template.hpp"

#include <cmath>

namespace taskloom::nodes::core {

using namespace engine;

namespace {

enum class Unit { Milliseconds, Seconds, Minutes, Hours, Days, Weeks, Months, Years };

struct UnitName {
    Unit unit;
    const char16_t* name;
    qint64 ms; // fixed length; 0 for months and years
};

const UnitName unitNames[] = {
    {Unit::Milliseconds, u"milliseconds", 1}, {Unit::Seconds, u"seconds", 1000}, {Unit::Minutes, u"minutes", 60000},
    {Unit::Hours, u"hours", 3600000},         {Unit::Days, u"days", 86400000},   {Unit::Weeks, u"weeks", 604800000},
    {Unit::Months, u"months", 0},             {Unit::Years, u"years", 0},
};

const UnitName& unitFromName(QStringView name)
{
    for (const UnitName& u : unitNames) {
        if (name == QStringView(u.name))
            return u;
    }
    return unitNames[4]; // days, the default
}

QList<ParamOption> unitOptions()
{
    QList<ParamOption> out;
    for (const UnitName& u : unitNames) {
        const QString name = QString::fromUtf16(u.name);
        out.append({name, name.left(1).toUpper() + name.mid(1), {}});
    }
    return out;
}

QString quoted(const Value& v)
{
    const QString t = v.isString() ? QStringLiteral("\"%1\"").arg(v.stringRef()) : v.toText();
    return t.size() > 60 ? t.left(57) + QStringLiteral("...") : t;
}

std::optional<QTimeZone> zoneFromName(const QString& name)
{
    const QString id = name.trimmed();
    if (id.isEmpty() || id == u"UTC")
        return QTimeZone::utc();
    const QTimeZone zone(id.toUtf8());
    return zone.isValid() ? std::optional<QTimeZone>(zone) : std::nullopt;
}

// A whole number, or an error naming the amount: calendar units do not come in fractions.
int wholeAmount(double amount, const UnitName& unit)
{
    if (std::trunc(amount) != amount || std::fabs(amount) > 1e6)
        throw NodeError::param(QStringLiteral("amount"), amount,
                               QStringLiteral("%1 are added in whole numbers").arg(QString::fromUtf16(unit.name)));
    return int(amount);
}

QList<ParamOption> operationOptions()
{
    return {{QStringLiteral("format"), QStringLiteral("Format a date as text"), {}},
            {QStringLiteral("parse"), QStringLiteral("Parse text into an ISO 8601 date"), {}},
            {QStringLiteral("add"), QStringLiteral("Add to a date"), {}},
            {QStringLiteral("subtract"), QStringLiteral("Subtract from a date"), {}},
            {QStringLiteral("difference"), QStringLiteral("Time between two dates"), {}}};
}

} // namespace

/// One call's settings, read once per batch, and the work on one item.
class DateTimeRun {
public:
    DateTimeRun(const DateTimeNode& type, ExecutionContext& ctx) : m_type(type), m_ctx(ctx)
    {
        m_operation = ctx.param(type.m_operation);
        m_fieldText = ctx.rawParamValue(type.m_field.name()).toText().trimmed();
        m_fieldDynamic = Template::containsExpression(m_fieldText);
        m_field = FieldPath::parse(m_fieldText);
        m_inputFormat = ctx.param(type.m_inputFormat).trimmed();
        m_format = m_operation == u"parse" ? QStringLiteral("iso") : ctx.param(type.m_format).trimmed();
        m_unit = &unitFromName(ctx.param(type.m_unit));
        m_endText = ctx.rawParamValue(type.m_endDate.name()).toText().trimmed();
        QString output = ctx.param(type.m_outputField).trimmed();
        if (output.isEmpty())
            output = m_operation == u"difference" ? QStringLiteral("difference") : m_fieldText;
        m_output = FieldPath::parse(output);
        if (m_output.isEmpty() || Template::containsExpression(output))
            throw NodeError::param(type.m_outputField.name(), output, QStringLiteral("name the field for the result"));
    }

    Item process(const Item& item, qsizetype index)
    {
        const QTimeZone zone = zoneFor(item, index);
        const DateText::Parsed date = readDate(m_fieldText, m_fieldDynamic, m_field, item, index, zone);
        Value result;
        if (m_operation == u"difference") {
            result = difference(date.when, endDate(item, index, zone), zone);
        } else if (m_operation == u"add" || m_operation == u"subtract") {
            const double amount = m_ctx.param(m_type.m_amount, item, index);
            const QDateTime shifted = shift(date.when, m_operation == u"add" ? amount : -amount, zone);
            const bool calendarUnit = m_unit->ms == 0 || m_unit->unit == Unit::Days || m_unit->unit == Unit::Weeks;
            result = DateText::format(shifted, m_format, zone, date.dateOnly && calendarUnit);
        } else {
            result = DateText::format(date.when, m_format, zone, date.dateOnly);
        }
        Item next = item;
        m_output.set(next.json(), std::move(result));
        return next;
    }

private:
    QTimeZone zoneFor(const Item& item, qsizetype index)
    {
        const QString name = m_ctx.param(m_type.m_timeZone, item, index);
        if (name != m_zoneName || !m_zone) { // looking a zone up is not free; most flows use one
            m_zone = zoneFromName(name);
            m_zoneName = name;
        }
        if (!m_zone)
            throw NodeError::param(m_type.m_timeZone.name(), name,
                                   QStringLiteral("unknown time zone (use an IANA name like Europe/Berlin)"));
        return *m_zone;
    }

    DateText::Parsed readDate(const QString& text, bool dynamic, const FieldPath& path, const Item& item,
                              qsizetype index, const QTimeZone& zone) const
    {
        const Value v = dynamic ? m_ctx.evaluateText(m_type.m_field.name(), text, &item, index) : path.get(item.json());
        const QString label = dynamic ? QStringLiteral("date %1").arg(text) : QStringLiteral("field \"%1\"").arg(text);
        if (v.isNull() || (v.isString() && v.stringRef().trimmed().isEmpty()))
            throw NodeError(QStringLiteral("INVALID_DATE"), QStringLiteral("%1 is missing or empty").arg(label));
        auto parsed = DateText::parse(v, m_inputFormat, zone);
        if (!parsed)
            throw NodeError(QStringLiteral("INVALID_DATE"),
                            QStringLiteral("%1: %2 is not a date (expected %3)")
                                .arg(label, quoted(v), DateText::expectedFormats(m_inputFormat)));
        return *parsed;
    }

    QDateTime endDate(const Item& item, qsizetype index, const QTimeZone& zone) const
    {
        if (m_endText.isEmpty())
            return QDateTime::currentDateTimeUtc();
        const bool dynamic = Template::containsExpression(m_endText);
        return readDate(m_endText, dynamic, FieldPath::parse(m_endText), item, index, zone).when;
    }

    QDateTime shift(const QDateTime& when, double amount, const QTimeZone& zone) const
    {
        if (m_unit->ms > 0 && m_unit->unit != Unit::Days && m_unit->unit != Unit::Weeks)
            return when.addMSecs(qint64(std::llround(amount * double(m_unit->ms))));
        // Calendar units move the wall clock in the zone: tomorrow at the same time, even across a DST change.
        const QDateTime local = when.toTimeZone(zone);
        const int n = wholeAmount(amount, *m_unit);
        switch (m_unit->unit) {
        case Unit::Days: return local.addDays(n);
        case Unit::Weeks: return local.addDays(qint64(n) * 7);
        case Unit::Months: return local.addMonths(n);
        default: return local.addYears(n);
        }
    }

    Value difference(const QDateTime& start, const QDateTime& end, const QTimeZone& zone) const
    {
        if (m_unit->ms == 0) {
            const qint64 months = DateText::monthsBetween(start, end, zone);
            return m_unit->unit == Unit::Years ? months / 12 : months;
        }
        const qint64 ms = start.msecsTo(end);
        if (ms % m_unit->ms == 0)
            return ms / m_unit->ms;
        return double(ms) / double(m_unit->ms);
    }

    const DateTimeNode& m_type;
    ExecutionContext& m_ctx;
    QString m_operation;
    QString m_fieldText;
    bool m_fieldDynamic = false;
    FieldPath m_field;
    QString m_inputFormat;
    QString m_format;
    const UnitName* m_unit = nullptr;
    QString m_endText;
    FieldPath m_output;
    QString m_zoneName;
    std::optional<QTimeZone> m_zone;
};

DateTimeNode::DateTimeNode()
{
    m_spec.type = QStringLiteral("core.dateTime");
    m_spec.title = QStringLiteral("Date & Time");
    m_spec.category = QStringLiteral("Transform");
    m_spec.description = QStringLiteral("Formats, parses, shifts dates or measures the time between two, in a time "
                                        "zone you choose.");
    m_spec.aliases = {QStringLiteral("date"),        QStringLiteral("time"),     QStringLiteral("time zone"),
                      QStringLiteral("format date"), QStringLiteral("add days"), QStringLiteral("duration")};
    m_spec.icon = QStringLiteral("view-calendar");
    m_spec.inputs = {{QStringLiteral("in"), QStringLiteral("In"), {}}};
    m_spec.outputs = {{QStringLiteral("out"), QStringLiteral("Out"), {}}};
    m_spec.inputMode = InputMode::Stream;
    const QString operation = QStringLiteral("operation");
    const QString add = QStringLiteral("add");
    const QString subtract = QStringLiteral("subtract");
    m_operation = addParam<QString>(
        ParamSpec::choice(operation, QStringLiteral("Operation"), operationOptions()).noExpressions());
    m_field = addParam<QString>(ParamSpec::string(QStringLiteral("field"), QStringLiteral("Date"))
                                    .required()
                                    .hint(QStringLiteral("created or {{ expression }}"))
                                    .describe(QStringLiteral("A field holding the date, or an expression.")));
    m_inputFormat = addParam<QString>(
        ParamSpec::string(QStringLiteral("inputFormat"), QStringLiteral("Read dates as"))
            .hint(QStringLiteral("automatic"))
            .describe(QStringLiteral("Empty: ISO 8601, Unix seconds or RFC 2822, whichever fits. Or unix, unixMs, "
                                     "iso, rfc2822, or a pattern like dd.MM.yyyy HH:mm (MMM: month name).")));
    m_format = addParam<QString>(
        ParamSpec::string(QStringLiteral("format"), QStringLiteral("Output format"))
            .defaults(QStringLiteral("iso"))
            .describe(QStringLiteral("iso, unix, unixMs, rfc2822, or a pattern like yyyy-MM-dd HH:mm "
                                     "(MMMM: month name, dddd: weekday, t: time zone)."))
            .visibleWhen(operation, {QStringLiteral("format"), add, subtract}));
    m_amount = addParam<double>(ParamSpec::number(QStringLiteral("amount"), QStringLiteral("Amount"), 1)
                                    .visibleWhen(operation, {add, subtract}));
    m_unit = addParam<QString>(
        ParamSpec::choice(QStringLiteral("unit"), QStringLiteral("Unit"), unitOptions(), QStringLiteral("days"))
            .visibleWhen(operation, {add, subtract, QStringLiteral("difference")}));
    m_endDate = addParam<QString>(ParamSpec::string(QStringLiteral("endDate"), QStringLiteral("Second date"))
                                      .hint(QStringLiteral("due or {{ expression }}; empty: now"))
                                      .describe(QStringLiteral("The result is this date minus the first, in the unit."))
                                      .visibleWhen(operation, {QStringLiteral("difference")}));
    m_timeZone = addParam<QString>(
        ParamSpec::string(QStringLiteral("timeZone"), QStringLiteral("Time zone"))
            .defaults(QStringLiteral("UTC"))
            .hint(QStringLiteral("Europe/Berlin"))
            .describe(QStringLiteral("An IANA name. Dates written without an offset are read in it, and results "
                                     "are written in it.")));
    m_outputField = addParam<QString>(
        ParamSpec::string(QStringLiteral("outputField"), QStringLiteral("Output field"))
            .noExpressions()
            .describe(QStringLiteral("Empty: replace the date field (difference: \"difference\").")));
    m_spec.errors = {{QStringLiteral("INVALID_DATE"),
                      QStringLiteral("A value is missing or is not a date in the expected format."), false}};
}

Exec DateTimeNode::execute(ExecutionContext& ctx, const Inputs& in, Outputs& out) const
{
    DateTimeRun run(*this, ctx);
    forEachItem(ctx, in, out, [&](const Item& item, qsizetype index) { out.push(0, run.process(item, index)); });
    return Exec::Done;
}

QList<std::pair<QString, QString>> DateTimeNode::checkParams(const Object& params) const
{
    QList<std::pair<QString, QString>> out;
    const QString zone = params.value(m_timeZone.name()).toText();
    if (!Template::containsExpression(zone) && !zoneFromName(zone))
        out.append({m_timeZone.name(),
                    QStringLiteral("unknown time zone \"%1\" (use an IANA name like Europe/Berlin)").arg(zone)});
    const bool difference = params.value(m_operation.name()).toText() == u"difference";
    if (!difference && Template::containsExpression(params.value(m_field.name()).toText())
        && params.value(m_outputField.name()).toText().trimmed().isEmpty())
        out.append({m_outputField.name(),
                    QStringLiteral("the date comes from an expression: name the field for the result")});
    return out;
}

} // namespace taskloom::nodes::core
