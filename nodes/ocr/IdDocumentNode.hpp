#pragma once

#include "OcrNodeBase.hpp"

namespace taskloom::nodes::ocr {

/// Reads identity documents: the machine-readable zone of passports and ID cards (TD1/TD2/TD3), else Korean
/// resident cards and driver's licences, else "label: value" cards.
class IdDocumentNode final : public OcrNodeBase {
public:
    IdDocumentNode();

protected:
    void configure(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index,
                   DocumentExtractor::Options& options) const override;

private:
    engine::Param<bool> m_revealNationalIds;
};

} // namespace taskloom::nodes::ocr
