#include "TestRuntime.hpp"

#include <QTemporaryDir>

#include <stdexcept>

namespace taskloom::test {

app::Runtime& runtime()
{
    static QTemporaryDir dir;
    static std::unique_ptr<app::Runtime> rt = [] {
        auto r = app::Runtime::create({dir.path(), false});
        if (!r)
            throw std::runtime_error(r.error().toStdString());
        return std::move(*r);
    }();
    return *rt;
}

} // namespace taskloom::test
