#pragma once

#include "Macro.hpp"

#include "engine/Value.hpp"

#include <expected>

namespace taskloom::recorder {

/// Reads and writes `*.macro.json`. Errors are one line naming the file and the step: "orders.macro.json: step 3
/// (click): find[0].anchor \"anchors/x.png\": no such file".
class MacroFile {
public:
    enum class Anchors {
        Files,    ///< PNG files in a folder beside the macro (`NAME.anchors/`), easy to inspect and replace
        Embedded, ///< data: URIs inside the JSON, one self-contained file
    };

    static std::expected<Macro, QString> read(const QString& path);
    /// `label` names the document in errors; relative anchor paths resolve against `baseDir`.
    static std::expected<Macro, QString> parse(QByteArrayView json, const QString& baseDir, const QString& label);
    /// Writes the anchors first, then the JSON, each all-or-nothing. Fills in each locator's anchorRef.
    static std::expected<void, QString> write(Macro& macro, const QString& path, Anchors anchors = Anchors::Files);
    /// The JSON document for a macro whose anchors already have their anchorRef.
    static engine::Object toObject(const Macro& macro);
    /// The folder the anchors of `macroPath` go to: "a/orders.macro.json" -> "a/orders.anchors".
    static QString anchorFolder(const QString& macroPath);
    static QString buttonName(int button);
    static int buttonFromName(const QString& name);
};

} // namespace taskloom::recorder
