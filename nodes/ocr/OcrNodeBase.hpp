#pragma once

#include "DocumentExtractor.hpp"

#include "engine/NodeType.hpp"

#include <optional>

namespace taskloom::nodes::ocr {

/// What the four OCR nodes share: where the document comes from (a binary attachment of the item, or a file
/// path), languages, pre-processing, where the result goes, and one document per item, where an unreadable
/// document fails only its own item (stop, continue or route, per the node's on-error setting).
class OcrNodeBase : public engine::NodeType {
public:
    engine::Exec execute(engine::ExecutionContext& ctx, const engine::Inputs& in, engine::Outputs& out) const override;
    QList<std::pair<QString, QString>> checkParams(const engine::Object& params) const override;

protected:
    OcrNodeBase(DocumentKind kind, QString type, QString title, QString description, QStringList aliases);
    /// Adds the "dates like 05/06/2018 are day / month first" parameter (receipts and invoices).
    void addDateOrderParam();
    /// Extra options of a kind (revealing ids); called once per item.
    virtual void configure(engine::ExecutionContext& ctx, const engine::Item& item, qsizetype index,
                           DocumentExtractor::Options& options) const;

private:
    DocumentKind m_kind;
    engine::Param<QString> m_source;
    engine::Param<QString> m_binaryProperty;
    engine::Param<QString> m_path;
    engine::Param<QString> m_languages;
    engine::Param<QString> m_preprocess;
    engine::Param<QString> m_outputField;
    engine::Param<bool> m_includeText;
    std::optional<engine::Param<QString>> m_dateOrder;
};

} // namespace taskloom::nodes::ocr
