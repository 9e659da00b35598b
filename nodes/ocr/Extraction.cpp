#include "Extraction.hpp"

namespace taskloom::nodes::ocr {

void Extraction::set(const QString& name, Field f)
{
    for (auto& [n, v] : fields) {
        if (n == name) {
            v = std::move(f);
            return;
        }
    }
    fields.append({name, std::move(f)});
}

Field Extraction::get(const QString& name) const
{
    for (const auto& [n, v] : fields)
        if (n == name)
            return v;
    return {};
}

} // namespace taskloom::nodes::ocr
