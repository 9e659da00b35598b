#pragma once

#include "RpaNode.hpp"

namespace taskloom::nodes::rpa {

/// Read text in a region (OCR), and wait for text to appear: the screen read with Tesseract, inside a window
/// (by title / class pattern) or a rectangle, or the whole screen.
class ScreenTextNode final : public RpaNode {
public:
    enum class Mode { Read, Wait };
    explicit ScreenTextNode(Mode mode);
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;

private:
    Mode m_mode;
    engine::Param<QString> m_needle;
    engine::Param<QString> m_title;
    engine::Param<QString> m_class;
    engine::Param<qint64> m_regionX;
    engine::Param<qint64> m_regionY;
    engine::Param<qint64> m_regionWidth;
    engine::Param<qint64> m_regionHeight;
    engine::Param<QString> m_languages;
    engine::Param<double> m_wait;
    engine::Param<QString> m_field;
};

} // namespace taskloom::nodes::rpa
