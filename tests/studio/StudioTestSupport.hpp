#pragma once

#include "app/runtime/Runtime.hpp"
#include "app/studio/FlowDocument.hpp"

#include <QTemporaryDir>

#include <memory>

namespace taskloom::studio::test {

/// One runtime for the whole test program, with a throw-away data folder and a key-file vault.
app::Runtime& runtime();
/// A document over the shared runtime's registry and expressions.
std::unique_ptr<FlowDocument> makeDocument();
/// Trigger -> a -> b -> c (core.noop), ids "t", "a", "b", "c".
engine::Flow chainFlow();
/// Copies examples/<name> into a temporary folder (runs write their outputs beside the flow).
QString copyExample(const QTemporaryDir& dir, const QString& name);

} // namespace taskloom::studio::test
