#pragma once

#include "engine/Value.hpp"

#include <QString>

namespace taskloom::nodes::web {

/// The JavaScript Taskloom runs in pages. A node's work is one call into a small helper library (`__tl`) that
/// answers in JSON; errors come back as values, never as exceptions lost inside the browser.
namespace PageScript {

/// A self-contained expression that runs `body` as a function body and evaluates to a JSON string:
/// {"ok": true, "value": ...}, {"ok": false, "error": "..."} or {"pending": KEY} for a Promise whose outcome
/// lands in window[KEY] (see pendingProbe).
QString wrap(const QString& body, const QString& pendingKey);
/// An expression giving window[KEY] as JSON text once the Promise settled, else null.
QString pendingProbe(const QString& pendingKey);

/// A function body calling helper `function` with `args` (a JSON object): `return __tl.function(args)`.
QString call(const QString& function, const engine::Object& args);

} // namespace PageScript

} // namespace taskloom::nodes::web
