#pragma once

#include "CsvReadNode.hpp"
#include "LazySource.hpp"

#include "engine/NodeError.hpp"

#include <QFile>

#include <memory>

namespace taskloom::nodes::core {

class CsvReader;

/// One CSV file being read by Read CSV: opens the file on first use and turns records into items.
class CsvCursor final : public ItemCursor {
public:
    explicit CsvCursor(CsvReadNode::Settings settings);
    ~CsvCursor() override;

    bool fill(engine::ExecutionContext& ctx, engine::ItemList& out, qsizetype max) override;

private:
    bool open(engine::ExecutionContext& ctx);
    bool readRecord();
    engine::Object toObject();
    const QString& extraName(qsizetype index);
    engine::Value cell(QString& text) const;
    engine::NodeError fileError(const QString& code, const QString& problem) const;
    void finish(engine::ExecutionContext& ctx);

    CsvReadNode::Settings m_settings;
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    QList<QString> m_names;
    QList<QString> m_extraNames; // column<N> names for cells beyond the header, made once
    QList<QString> m_fields;
    qint64 m_rows = 0;
    bool m_done = false;
};

} // namespace taskloom::nodes::core
