#include "NodeStyle.hpp"

#include <QHash>

namespace taskloom::studio {

QColor NodeStyle::categoryColor(const QString& category)
{
    static const QHash<QString, QColor> known = {
        {QStringLiteral("Triggers"), QColor(0xE6, 0x9F, 0x1E)},  {QStringLiteral("Flow"), QColor(0x3D, 0x8B, 0xE8)},
        {QStringLiteral("Transform"), QColor(0x9B, 0x6B, 0xE0)}, {QStringLiteral("Files"), QColor(0x2F, 0xB3, 0x7A)},
        {QStringLiteral("Code"), QColor(0xE0, 0x5D, 0x44)},      {QStringLiteral("Connectors"), QColor(0x1F, 0xA8, 0xB8)},
        {QStringLiteral("Desktop"), QColor(0xD9, 0x4F, 0x9B)},   {QStringLiteral("AI"), QColor(0x6E, 0x7F, 0xF0)},
        {QStringLiteral("OCR"), QColor(0x8A, 0xA8, 0x2C)},
    };
    if (auto it = known.find(category); it != known.end())
        return *it;
    // Unknown categories still get a stable, distinct colour.
    return QColor::fromHsl(int(qHash(category) % 360), 140, 120);
}

QString NodeStyle::glyph(const QString& iconName, const QString& title)
{
    static const QHash<QString, QString> glyphs = {
        {QStringLiteral("media-playback-start"), QStringLiteral("▶")},
        {QStringLiteral("code-branch"), QStringLiteral("⑂")},
        {QStringLiteral("folder-open"), QStringLiteral("▤")},
        {QStringLiteral("view-statistics"), QStringLiteral("Σ")},
        {QStringLiteral("view-refresh"), QStringLiteral("↻")},
        {QStringLiteral("edit-delete"), QStringLiteral("✕")},
        {QStringLiteral("document-save"), QStringLiteral("⤓")},
        {QStringLiteral("document-open"), QStringLiteral("⤒")},
        {QStringLiteral("view-filter"), QStringLiteral("⧩")},
        {QStringLiteral("merge"), QStringLiteral("⋈")},
        {QStringLiteral("chronometer"), QStringLiteral("◷")},
        {QStringLiteral("text-csv"), QStringLiteral("▦")},
        {QStringLiteral("edit-copy"), QStringLiteral("⧉")},
        {QStringLiteral("code-context"), QStringLiteral("{}")},
        {QStringLiteral("view-sort-ascending"), QStringLiteral("⇅")},
        {QStringLiteral("text-x-log"), QStringLiteral("≡")},
        {QStringLiteral("document-edit"), QStringLiteral("✎")},
        {QStringLiteral("view-calendar"), QStringLiteral("▣")},
        {QStringLiteral("split"), QStringLiteral("⋔")},
        {QStringLiteral("edit-rename"), QStringLiteral("Aa")},
        {QStringLiteral("process-stop"), QStringLiteral("■")},
        {QStringLiteral("application-json"), QStringLiteral("{ }")},
        {QStringLiteral("format-list-ordered"), QStringLiteral("#")},
        {QStringLiteral("text-x-script"), QStringLiteral("λ")},
        {QStringLiteral("go-next"), QStringLiteral("→")},
    };
    if (auto it = glyphs.find(iconName); it != glyphs.end())
        return *it;
    return title.isEmpty() ? QStringLiteral("?") : title.left(1).toUpper();
}

} // namespace taskloom::studio
