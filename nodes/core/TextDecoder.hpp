#pragma once

#include <QStringDecoder>

namespace taskloom::nodes::core {

/// A QStringDecoder that can tell whether it holds the first bytes of a character still waiting for the rest.
/// At the end of the input those bytes are invalid, but QStringDecoder keeps them for a next call that never
/// comes and drops them silently; readers use this to report them.
class TextDecoder : public QStringDecoder {
public:
    explicit TextDecoder(QStringDecoder decoder) : QStringDecoder(std::move(decoder)) {}
    bool hasPartialInput() const { return state.remainingChars > 0; }
};

} // namespace taskloom::nodes::core
